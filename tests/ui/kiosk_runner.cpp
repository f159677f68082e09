#include "kiosk_runner.h"

namespace kiosk::test {

KioskRun run_kiosk_script(const TempDir& dir, const std::string& script, const std::vector<std::string>& args) {
    std::string text = script;
    for (size_t pos = 0; (pos = text.find("@DIR@", pos)) != std::string::npos;) text.replace(pos, 5, dir.path());
    write_text(dir.file("script.txt"), text);
    std::vector<std::string> argv = {KIOSK_BIN, "--headless", "--content", KIOSK_CONTENT_DB, "--assets",
                                     std::string(KIOSK_SOURCE_DIR) + "/assets", "--script", dir.file("script.txt"),
                                     "--dump-state", dir.file("state.json"), "--data-dir", dir.file("data")};
    argv.insert(argv.end(), args.begin(), args.end());
    KioskRun run;
    run.dir = dir.path();
    run.result = run_command(argv);
    std::string dump = read_text(dir.file("state.json"));
    if (!dump.empty()) run.state = parse_json(dump);
    return run;
}

}  // namespace kiosk::test
