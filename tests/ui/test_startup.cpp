// Start-up reads content, translations and fonts on a second thread while SDL opens the display
// (platform/kiosk_app.cpp, KioskRunner::init). What that thread finds wrong is still reported,
// content first, and what it loads does not depend on how the two threads are scheduled.
#include "core/file_io.h"
#include "kiosk_runner.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <string>
#include <vector>

using kiosk::test::CommandResult;
using kiosk::test::KioskRun;
using kiosk::test::TempDir;

namespace {

CommandResult start(const TempDir& dir, const std::string& content, const std::string& assets) {
    kiosk::test::write_text(dir.file("script.txt"), "wait 10\n");
    return kiosk::test::run_command({KIOSK_BIN, "--headless", "--content", content, "--assets", assets, "--data-dir",
                                     dir.file("data"), "--script", dir.file("script.txt")});
}

std::vector<std::string> target_labels(const KioskRun& run) {
    std::vector<std::string> labels;
    for (const kiosk::test::JsonValue& target : run.state["touch_targets"].array)
        labels.push_back(target["label"].string);
    return labels;
}

}  // namespace

TEST_CASE("start-up: what the loading thread cannot open is reported, content before translations") {
    TempDir dir;
    const std::string assets = std::string(KIOSK_SOURCE_DIR) + "/assets";
    std::string error;
    REQUIRE_MESSAGE(kiosk::core::fs::make_dirs(dir.file("no-i18n"), &error), error);  // assets without translations

    CommandResult no_content = start(dir, dir.file("missing.db"), assets);
    CHECK(no_content.exit_code == 1);
    CHECK(no_content.err.find("missing.db") != std::string::npos);

    CommandResult no_translations = start(dir, KIOSK_CONTENT_DB, dir.file("no-i18n"));
    CHECK(no_translations.exit_code == 1);
    CHECK(no_translations.err.find("kiosk: error: translations: ") != std::string::npos);

    CommandResult neither = start(dir, dir.file("missing.db"), dir.file("no-i18n"));
    CHECK(neither.exit_code == 1);
    CHECK(neither.err.find("missing.db") != std::string::npos);
    CHECK(neither.err.find("translations") == std::string::npos);  // content is loaded, and fails, first
}

TEST_CASE("start-up: the first screen is the same when both threads share one core") {
    // On one core the loading thread and SDL take turns in whatever order the scheduler picks;
    // on two they overlap. Either way the same content, strings and fonts must come out.
    TempDir two, one;
    const std::string script = "shot @DIR@/first.png\ntap-id top.language.zh\nwait 300\nshot @DIR@/zh.png\n";
    KioskRun both_cores = kiosk::test::run_kiosk_script(two, script);
    REQUIRE_MESSAGE(both_cores.result.exit_code == 0, both_cores.result.err);
    KioskRun one_core = kiosk::test::run_kiosk_script_under({"/usr/bin/taskset", "-c", "0"}, one, script);
    REQUIRE_MESSAGE(one_core.result.exit_code == 0, one_core.result.err);
    for (const char* shot : {"first.png", "zh.png"}) {
        CAPTURE(shot);
        const std::string a = kiosk::test::read_text(two.file(shot)), b = kiosk::test::read_text(one.file(shot));
        CHECK(a.size() > 10000);
        CHECK(a == b);  // the same pixels, deflated the same way
    }
    CHECK(both_cores.state["missing_glyphs"].number == 0);
    CHECK(one_core.state["missing_glyphs"].number == 0);
    CHECK(target_labels(both_cores) == target_labels(one_core));
}

// Issue 10's start → screenshot → exit pays only for the first screen: RIME starts (and librime
// is loaded) when the search screen is first shown, and the voices are asked of espeak-ng only
// when a screen needs them (or half a second after the start: tests/core/test_speech.cpp). A
// stand-in espeak-ng records every call.
TEST_CASE("start-up: a run that ends at once starts neither RIME nor espeak-ng, a longer one does") {
    TempDir dir;
    const std::string engine = dir.file("espeak-ng");
    const std::string calls = dir.file("calls.txt");
    kiosk::test::write_text(engine, "#!/bin/sh\necho \"$@\" >> '" + calls + "'\nexec espeak-ng \"$@\"\n");
    REQUIRE(chmod(engine.c_str(), 0755) == 0);
    const std::string content = KIOSK_CONTENT_DB;
    auto run = [&](const std::string& data, const std::string& script) {
        kiosk::test::write_text(dir.file("script.txt"), script);
        return kiosk::test::run_command({KIOSK_BIN, "--headless", "--content", content, "--data-dir", dir.file(data),
                                         "--speech-engine", engine, "--script", dir.file("script.txt")});
    };

    CommandResult quick = run("quick", "shot " + dir.file("home.png") + "\n");
    REQUIRE_MESSAGE(quick.exit_code == 0, quick.err);
    CHECK_FALSE(kiosk::core::fs::exists(dir.file("quick/rime")));
    CHECK_FALSE(kiosk::core::fs::exists(calls));

    // The reader's ▶ needs the voices: opening a document asks for them.
    CommandResult reading = run("reading", "tap 400 600\nwait 300\n");
    REQUIRE_MESSAGE(reading.exit_code == 0, reading.err);
    CHECK(kiosk::test::read_text(calls).find("--voices") != std::string::npos);
    CHECK_FALSE(kiosk::core::fs::exists(dir.file("reading/rime")));  // still never searched

    CommandResult searched = run("searched", "tap-id top.search\nwait 200\n");
    REQUIRE_MESSAGE(searched.exit_code == 0, searched.err);
    CHECK(kiosk::core::fs::exists(dir.file("searched/rime/kiosk-deployed.txt")));
}
