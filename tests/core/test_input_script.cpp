// The headless input script: every command, and every malformed line rejected with its line number.
#include "core/input_script.h"

#include <doctest/doctest.h>

using kiosk::core::ScriptCommand;

namespace {
std::vector<ScriptCommand> parse_ok(const std::string& text) {
    std::vector<ScriptCommand> commands;
    kiosk::core::Diagnostics diagnostics;
    bool ok = kiosk::core::parse_input_script(text, "s.txt", &commands, &diagnostics);
    for (const auto& d : diagnostics) MESSAGE(d.str());
    REQUIRE(ok);
    return commands;
}

std::string first_error(const std::string& text) {
    std::vector<ScriptCommand> commands;
    kiosk::core::Diagnostics diagnostics;
    CHECK_FALSE(kiosk::core::parse_input_script(text, "s.txt", &commands, &diagnostics));
    return diagnostics.empty() ? "" : diagnostics[0].str();
}
}  // namespace

TEST_CASE("a script parses every command with its arguments and line number") {
    auto commands =
        parse_ok("# a comment\n\ntap 10 20\ntap-label Читать далее\ndrag 1 2 3 4 250\nwait 1500\nshot out/home.png\n");
    REQUIRE(commands.size() == 5);
    CHECK(commands[0].kind == ScriptCommand::Kind::Tap);
    CHECK(commands[0].line == 3);
    CHECK(commands[0].x1 == 10);
    CHECK(commands[0].y1 == 20);
    CHECK(commands[1].kind == ScriptCommand::Kind::TapLabel);
    CHECK(commands[1].text == "Читать далее");
    CHECK(commands[2].kind == ScriptCommand::Kind::Drag);
    CHECK(commands[2].x2 == 3);
    CHECK(commands[2].ms == 250);
    CHECK(commands[3].ms == 1500);
    CHECK(commands[4].text == "out/home.png");
}

TEST_CASE("malformed script lines are rejected with file, line and the expected form") {
    CHECK(first_error("tap 1") == "s.txt:1: expected 'tap X Y'");
    CHECK(first_error("wait 1\ntap x 2") == "s.txt:2: 'x' is not a number (expected 'tap X Y')");
    CHECK(first_error("drag 1 2 3 4") == "s.txt:1: expected 'drag X1 Y1 X2 Y2 MS'");
    CHECK(first_error("drag 1 2 3 4 0") == "s.txt:1: drag duration must be positive");
    CHECK(first_error("wait -5") == "s.txt:1: wait needs a duration of 0 or more milliseconds");
    CHECK(first_error("wait nan") == "s.txt:1: 'nan' is not a number (expected 'wait MS')");
    CHECK(first_error("tap-label") == "s.txt:1: expected 'tap-label TEXT'");
    CHECK(first_error("shot picture.jpg") == "s.txt:1: screenshot file name must end in .png");
    CHECK(first_error("fly 1 2") ==
          "s.txt:1: unknown command 'fly' (expected tap, tap-id, tap-label, drag, wait, shot, dump, key or setting)");
}

TEST_CASE("tap-id takes one id, and a missing or spaced id is rejected with the line") {
    auto commands = parse_ok("wait 10\ntap-id search.key.ж\n");
    REQUIRE(commands.size() == 2);
    CHECK(commands[1].kind == ScriptCommand::Kind::TapId);
    CHECK(commands[1].text == "search.key.ж");
    CHECK(commands[1].line == 2);
    CHECK(first_error("wait 1\ntap-id") == "s.txt:2: expected 'tap-id ID', e.g. 'tap-id reader.back'");
    CHECK(first_error("tap-id reader back") == "s.txt:1: expected 'tap-id ID', e.g. 'tap-id reader.back'");
}

TEST_CASE("dump takes a .json file name, and a missing or other name is rejected with the line") {
    auto commands = parse_ok("wait 10\ndump out/home state.json\n");
    REQUIRE(commands.size() == 2);
    CHECK(commands[1].kind == ScriptCommand::Kind::Dump);
    CHECK(commands[1].text == "out/home state.json");
    CHECK(commands[1].line == 2);
    CHECK(first_error("wait 1\ndump") == "s.txt:2: expected 'dump FILE.json'");
    CHECK(first_error("dump state.txt") == "s.txt:1: state dump file name must end in .json");
    CHECK(first_error("dump .json") == "s.txt:1: state dump file name must end in .json");
}

TEST_CASE("key commands carry modifiers and a key name, and odd combinations are rejected") {
    auto commands = parse_ok("key escape\nkey alt+F4\nkey ctrl+q\n");
    REQUIRE(commands.size() == 3);
    CHECK(commands[0].kind == ScriptCommand::Kind::Key);
    CHECK(commands[0].text == "escape");
    CHECK(commands[1].alt);
    CHECK(commands[1].text == "f4");
    CHECK(commands[2].ctrl);
    CHECK(commands[2].text == "q");
    CHECK(first_error("key hyper+x") == "s.txt:1: 'hyper+x' is not a key combination (e.g. escape, alt+f4, ctrl+q)");
    CHECK(first_error("key f13") == "s.txt:1: 'f13' is not a key combination (e.g. escape, alt+f4, ctrl+q)");
    CHECK(first_error("key") == "s.txt:1: expected 'key COMBO', e.g. 'key alt+f4'");
}

TEST_CASE("script numbers are parsed strictly and within range") {
    CHECK(first_error("wait 12abc") == "s.txt:1: '12abc' is not a number (expected 'wait MS')");
    CHECK(first_error("wait 1e9") == "s.txt:1: '1e9' is out of range (expected -10000000 to 10000000 in 'wait MS')");
    CHECK(first_error("tap 1 0x10") == "s.txt:1: '0x10' is not a number (expected 'tap X Y')");
    CHECK(first_error("key f01") == "s.txt:1: 'f01' is not a key combination (e.g. escape, alt+f4, ctrl+q)");
    CHECK(parse_ok("key f12\n").size() == 1);
}
