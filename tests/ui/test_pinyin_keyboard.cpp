// Scripted runs of the search keyboard's 拼音 layout (RIME, kiosk/core/ime): typing pinyin,
// picking candidates, results, backspace, layout switches and the session reset.
#include "kiosk_runner.h"

#include <doctest/doctest.h>

#include <algorithm>

using kiosk::test::check_target_sizes;
using kiosk::test::has_target;
using kiosk::test::JsonValue;
using kiosk::test::run_kiosk_script;
using kiosk::test::TempDir;

namespace {

// Script lines that tap each letter of `pinyin` on the keyboard (keys show capitals).
std::string type_pinyin(const std::string& pinyin) {
    std::string script;
    for (char c : pinyin) script += std::string("tap-label ") + static_cast<char>(c - 'a' + 'A') + "\n";
    return script;
}

std::vector<std::string> candidates(const JsonValue& state) {
    std::vector<std::string> list;
    for (const JsonValue& c : state["ime"]["candidates"].array) list.push_back(c.string);
    return list;
}

kiosk::test::KioskRun run_zh(const TempDir& dir, const std::string& script) {
    auto run = run_kiosk_script(dir, "tap-id top.search\nwait 50\n" + script, {"--lang", "zh"});
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["missing_glyphs"].number == 0);
    return run;
}

}  // namespace

TEST_CASE("a Chinese visitor types pinyin, sees its candidates and the content's word first") {
    TempDir dir;
    auto run = run_zh(dir, type_pinyin("shuzi") + "wait 50\n");
    CHECK(run.state["ime"]["layout"].string == "pinyin");
    CHECK(run.state["ime"]["state"].string == "ready");
    CHECK(run.state["ime"]["composition"].string == "shu zi");
    CHECK(run.state["ime"]["input"].string == "shuzi");
    const auto shown = candidates(run.state);
    REQUIRE(shown.size() == 5);
    CHECK(shown[0] == "数字");
    CHECK(run.state["search_query"].string.empty());  // nothing committed yet
    CHECK(has_target(run.state, "数字"));
    CHECK(has_target(run.state, "▶"));
    CHECK(has_target(run.state, "ABC"));
    check_target_sizes(run.state);

    TempDir dir2;
    auto rg = run_zh(dir2, type_pinyin("rengongzhineng") + "wait 50\n");
    CHECK(candidates(rg.state).at(0) == "人工智能");
    TempDir dir3;
    auto wl = run_zh(dir3, type_pinyin("wangluoanquan") + "wait 50\n");
    const auto wl_shown = candidates(wl.state);
    CHECK(std::find(wl_shown.begin(), wl_shown.end(), "网络安全") - wl_shown.begin() <= 1);
}

TEST_CASE("typing shuzijingji and tapping 数字经济 searches for it") {
    TempDir dir;
    auto run = run_zh(dir, type_pinyin("shuzijingji") + "tap-label 数字经济\nwait 100\n");
    CHECK(run.state["search_query"].string == "数字经济");
    CHECK(run.state["search_results"].number > 0);
    CHECK(run.state["ime"]["composition"].string.empty());
    CHECK(candidates(run.state).empty());
    check_target_sizes(run.state);
}

TEST_CASE("an abbreviation, word by word: szjj, 数字, then 经济") {
    TempDir dir;
    auto run = run_zh(dir, type_pinyin("szjj") + "tap-label 数字\nwait 50\ntap-label 经济\nwait 100\n");
    CHECK(run.state["search_query"].string == "数字经济");
    CHECK(run.state["search_results"].number > 0);
}

TEST_CASE("two words with space: wangluo, space, anquan, space") {
    TempDir dir;
    auto run = run_zh(dir, type_pinyin("wangluo") + "tap-id search.key.space\n" + type_pinyin("anquan") +
                               "tap-id search.key.space\nwait 100\n");
    CHECK(run.state["search_query"].string == "网络安全");
    CHECK(run.state["search_results"].number > 0);
}

TEST_CASE("backspace goes through the composition, then the query") {
    TempDir dir;
    auto run = run_zh(dir, type_pinyin("wangluo") + "tap-id search.key.space\n" + type_pinyin("an") +
                               "tap-id search.key.backspace\ntap-id search.key.backspace\nwait 50\n");
    CHECK(run.state["ime"]["input"].string.empty());
    CHECK(run.state["search_query"].string == "网络");
    TempDir dir2;
    auto more = run_zh(
        dir2, type_pinyin("wangluo") + "tap-id search.key.space\n" + type_pinyin("an") +
                  "tap-id search.key.backspace\ntap-id search.key.backspace\ntap-id search.key.backspace\nwait 50\n");
    CHECK(more.state["search_query"].string == "网");
}

TEST_CASE("a syllable with no candidate stays as typed, and space puts its letters in the query") {
    TempDir dir;
    auto run = run_zh(dir, type_pinyin("v") + "wait 50\n");
    CHECK(run.state["ime"]["input"].string == "v");
    CHECK(candidates(run.state).empty());
    CHECK_FALSE(has_target(run.state, "▶"));
    TempDir dir2;
    auto spaced = run_zh(dir2, type_pinyin("v") + "tap-id search.key.space\nwait 50\n");
    CHECK(spaced.state["search_query"].string == "v");
}

TEST_CASE("a hundred letters that spell nothing, with digits, never break the keyboard") {
    std::string script;
    for (int i = 0; i < 100; ++i) script += "tap-label V\n";
    script += "tap-label 5\n" + type_pinyin("qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq") +
              "tap-label 1\ntap-id search.key.clear\n" + type_pinyin("xq") + "wait 50\n";
    TempDir dir;
    auto run = run_zh(dir, script);
    CHECK(run.state["screen"].string == "search");
    CHECK(run.state["ime"]["input"].string == "xq");
    CHECK(run.state["search_query"].string.empty());
    CHECK_FALSE(candidates(run.state).empty());
}

TEST_CASE("switching layouts mid-composition drops the pinyin, and the switch cycles 拼音, ABC, АБВ") {
    TempDir dir;
    auto run = run_zh(dir, type_pinyin("shu") +
                               "tap-id search.key.layout\ntap-label Q\ntap-id search.key.layout\ntap-label Ж\n"
                               "tap-id search.key.layout\n" +
                               type_pinyin("zi") + "wait 50\n");
    CHECK(run.state["search_query"].string == "qж");
    CHECK(run.state["ime"]["layout"].string == "pinyin");
    CHECK(run.state["ime"]["input"].string == "zi");
    CHECK(run.state["ime"]["composition"].string == "zi");
}

TEST_CASE("the idle reset clears the composition for the next visitor") {
    TempDir dir;
    // Past the idle timeout and its countdown; the next visitor opens the search again.
    auto run = run_zh(
        dir, type_pinyin("shuzi") +
                 "wait 100500\ntap 960 540\nwait 100\ntap-id top.language.zh\nwait 50\ntap-id top.search\nwait 100\n");
    CHECK(run.state["screen"].string == "search");
    CHECK(run.state["ime"]["composition"].string.empty());
    CHECK(run.state["ime"]["input"].string.empty());
    CHECK(candidates(run.state).empty());
    CHECK(run.state["search_query"].string.empty());
}

TEST_CASE("Russian and English visitors keep the two-layout switch") {
    TempDir dir;
    auto run = run_kiosk_script(
        dir, "tap-id top.search\nwait 50\ntap-id search.key.layout\ntap-label Q\ntap-id search.key.layout\nwait 50\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["ime"]["layout"].string == "russian");
    CHECK(run.state["search_query"].string == "q");
    CHECK_FALSE(has_target(run.state, "拼音"));
}

TEST_CASE("on a short screen the composition shows in the query field and every target stays large enough") {
    TempDir dir;
    auto run = run_kiosk_script(dir, "tap-id top.search\nwait 50\n" + type_pinyin("shuzi") + "wait 50\n",
                                {"--lang", "zh", "--size", "800x480"});
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["ime"]["composition"].string == "shu zi");
    CHECK(candidates(run.state).at(0) == "数字");
    CHECK(has_target(run.state, "数字"));
    check_target_sizes(run.state);
}
