// The kiosk rejects malformed scripts and missing labels or ids with status 2 and a clear message.
#include "kiosk_runner.h"

#include <doctest/doctest.h>

using kiosk::test::run_kiosk_script;
using kiosk::test::TempDir;

TEST_CASE("a malformed script line exits with status 2 naming the file and line") {
    TempDir dir;
    auto run = run_kiosk_script(dir, "wait 10\ntap 100\n");
    CHECK(run.result.exit_code == 2);
    CHECK(run.result.err.find("script.txt:2:") != std::string::npos);
    CHECK(run.result.err.find("tap X Y") != std::string::npos);
}

TEST_CASE("an unknown script command exits with status 2") {
    TempDir dir;
    auto run = run_kiosk_script(dir, "# comment\nswipe 1 2 3 4\n");
    CHECK(run.result.exit_code == 2);
    CHECK(run.result.err.find("script.txt:2: unknown command 'swipe'") != std::string::npos);
}

TEST_CASE("tap-label with a label that is not on screen exits with status 2 and lists what is") {
    TempDir dir;
    auto run = run_kiosk_script(dir, "tap-label Nonexistent button\n");
    CHECK(run.result.exit_code == 2);
    CHECK(run.result.err.find("script.txt:1: no touch target labelled 'Nonexistent button' on screen 'home'") !=
          std::string::npos);
    CHECK(run.result.err.find("'中文'") != std::string::npos);
}

TEST_CASE("tap-id with an id that is not on screen exits with status 2 naming the line, the id and what is there") {
    TempDir dir;
    auto run = run_kiosk_script(dir, "wait 10\ntap-id home.no_such_target\n");
    CHECK(run.result.exit_code == 2);
    CHECK(run.result.err.find("script.txt:2: no touch target with id 'home.no_such_target' on screen 'home'") !=
          std::string::npos);
    CHECK(run.result.err.find("'top.language.zh'") != std::string::npos);  // the ids that are on screen
}

TEST_CASE("bad command-line options exit with status 2") {
    auto run = kiosk::test::run_command({KIOSK_BIN, "--size", "big"});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("--size expects WxH") != std::string::npos);
    auto lang = kiosk::test::run_command({KIOSK_BIN, "--lang", "fr"});
    CHECK(lang.exit_code == 2);
}

TEST_CASE("--help describes the options") {
    auto run = kiosk::test::run_command({KIOSK_BIN, "--help"});
    CHECK(run.exit_code == 0);
    for (const char* option : {"--headless", "--windowed", "--size", "--lang", "--script", "--dump-state", "--bench"})
        CHECK(run.out.find(option) != std::string::npos);
}

TEST_CASE("--size sets the resolution") {
    TempDir dir;
    auto run = run_kiosk_script(dir, "wait 10\n", {"--size", "1280x720"});
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    REQUIRE(run.state["screen_size"].array.size() == 2);
    CHECK(run.state["screen_size"].array[0].number == 1280);
    CHECK(run.state["screen_size"].array[1].number == 720);
}
