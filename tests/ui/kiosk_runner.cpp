#include "kiosk_runner.h"

#include "core/state_store.h"

#include <doctest/doctest.h>

namespace kiosk::test {

using namespace kiosk::core;  // the tests use the core layer

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

KioskRun run_kiosk_script_under(const std::vector<std::string>& wrapper, const TempDir& dir, const std::string& script) {
    std::vector<std::string> argv = wrapper;
    for (const char* arg : {KIOSK_BIN, "--headless", "--content", KIOSK_CONTENT_DB}) argv.push_back(arg);
    return run_kiosk(dir, script, argv, {});
}

KioskRun run_kiosk_installed(const TempDir& dir, const std::string& script, const std::vector<std::string>& args) {
    return run_kiosk(dir, script, {KIOSK_BIN, "--headless"}, args);
}

void set_setting(const TempDir& dir, const std::string& key, const std::string& value) {
    std::string error;
    auto store = kiosk::core::StateStore::open(dir.file("data"), kiosk::core::StateStore::OpenMode::CreateIfMissing, &error);
    REQUIRE_MESSAGE(store, error);
    REQUIRE_MESSAGE(store->set_setting(key, value, &error), error);
}

void set_pin(const TempDir& dir, const std::string& pin, const std::string& role) {
    CommandResult result =
        run_command_with_input({KIOSKCTL_BIN, "set-pin", "--data-dir", dir.file("data"), "--role", role}, pin + "\n");
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
}

TargetRect visible_rect(const JsonValue& target) {
    const auto& v = target["visible"].array;
    REQUIRE(v.size() == 4);
    return {v[0].number, v[1].number, v[2].number, v[3].number};
}

std::string enter_pin(const std::string& pin) {
    std::string script;
    for (char digit : pin) script += std::string("tap-label ") + digit + "\n";
    return script + "tap-id pin.ok\nwait 100\n";
}

ContentFixture::ContentFixture() {
    std::string error;
    // cppcheck-suppress useInitializationList ; the open reports into `error`, declared first
    content = ContentStore::open(KIOSK_CONTENT_DB, &error);
    REQUIRE_MESSAGE(content, error);
    Diagnostics diagnostics;
    REQUIRE(translations.load(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n", &diagnostics));
}

std::string ContentFixture::tap(const std::string& key, Lang lang) const {
    return "tap-label " + translations.get(lang, key) + "\n";
}

const JsonValue* find_target(const JsonValue& state, const std::string& label) {
    for (const JsonValue& target : state["touch_targets"].array)
        if (target["label"].string == label) return &target;
    return nullptr;
}

bool has_target(const JsonValue& state, const std::string& label) { return find_target(state, label) != nullptr; }

bool has_target_id(const JsonValue& state, const std::string& id) {
    for (const JsonValue& target : state["touch_targets"].array)
        if (target["id"].string == id) return true;
    return false;
}

void check_target_sizes(const JsonValue& state) {
    REQUIRE(!state["touch_targets"].array.empty());
    for (const JsonValue& target : state["touch_targets"].array) {
        CAPTURE(target["label"].string);
        CHECK(target["w"].number >= 48);
        CHECK(target["h"].number >= 48);
    }
}

}  // namespace kiosk::test
