#include "kiosk_runner.h"

namespace kiosk::test {

namespace {

KioskRun run_kiosk(const TempDir& dir, const std::string& script, std::vector<std::string> argv,
                   const std::vector<std::string>& args) {
    std::string text = script;
    for (size_t pos = 0; (pos = text.find("@DIR@", pos)) != std::string::npos;) text.replace(pos, 5, dir.path());
    write_text(dir.file("script.txt"), text);
    for (const std::string& arg : {std::string("--assets"), std::string(KIOSK_SOURCE_DIR) + "/assets",
                                   std::string("--script"), dir.file("script.txt"), std::string("--dump-state"),
                                   dir.file("state.json"), std::string("--data-dir"), dir.file("data")})
        argv.push_back(arg);
    argv.insert(argv.end(), args.begin(), args.end());
    KioskRun run;
    run.dir = dir.path();
    run.result = run_command(argv);
    std::string dump = read_text(dir.file("state.json"));
    if (!dump.empty()) run.state = parse_json(dump);
    return run;
}

}  // namespace

KioskRun run_kiosk_script(const TempDir& dir, const std::string& script, const std::vector<std::string>& args) {
    return run_kiosk(dir, script, {KIOSK_BIN, "--headless", "--content", KIOSK_CONTENT_DB}, args);
}

KioskRun run_kiosk_installed(const TempDir& dir, const std::string& script, const std::vector<std::string>& args) {
    return run_kiosk(dir, script, {KIOSK_BIN, "--headless"}, args);
}

}  // namespace kiosk::test
