// Scripted runs of the search screen: typing on the on-screen keyboard, results, opening a
// result in the reader at its passage and stepping through the highlights.
#include "core/content_store.h"
#include "core/search_index.h"
#include "core/utf8.h"
#include "kiosk_runner.h"

#include <doctest/doctest.h>

using kiosk::test::check_target_sizes;
using kiosk::test::has_target;
using kiosk::test::JsonValue;
using kiosk::test::run_kiosk_script;
using kiosk::test::TempDir;

namespace {

// Script lines that tap each character of `word` on the keyboard (keys show capitals; a space is
// the space bar, by id).
std::string type_keys(const std::string& word) {
    std::string script;
    for (size_t pos = 0; pos < word.size();) {
        char32_t cp = kiosk::core::utf8::decode(word, pos);
        if (cp == U' ') {
            script += "tap-id search.key.space\n";
            continue;
        }
        if (cp >= 0x0430 && cp <= 0x044F) cp -= 0x20;
        if (cp >= U'a' && cp <= U'z') cp -= 0x20;
        std::string key;
        kiosk::core::utf8::append(key, cp);
        script += "tap-label " + key + "\n";
    }
    return script;
}

// A hit for `query` in the bundled content whose passage lies deep in its document.
struct DeepHit {
    std::string document;
    std::string title;
};

DeepHit deep_hit(const std::string& query) {
    std::string error;
    auto store = kiosk::core::ContentStore::open(KIOSK_CONTENT_DB, &error);
    REQUIRE_MESSAGE(store, error);
    auto index = kiosk::core::SearchIndex::open(KIOSK_CONTENT_DB, &error);
    REQUIRE_MESSAGE(index, error);
    for (const kiosk::core::SearchHit& hit : index->search(query, 30)) {
        if (hit.kind != "document" || hit.field != "block" || hit.paragraph < 15) continue;
        const kiosk::core::Document* doc = store->find_document(hit.item);
        REQUIRE(doc);
        return {hit.item, doc->info.title[kiosk::core::Lang::Ru]};
    }
    FAIL("no result deep in a document for: " << query);
    return {};
}

constexpr const char* kQuery = "умные гор";

}  // namespace

TEST_CASE("typing on the keyboard shows results, a result opens the reader, and back returns to the results") {
    const DeepHit hit = deep_hit(kQuery);
    TempDir dir;
    auto run = run_kiosk_script(dir, "tap-id top.search\n" + type_keys(kQuery) + "wait 100\ntap-label " + hit.title +
                                         "\nwait 200\ntap-id reader.back\nwait 100\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["screen"].string == "search");
    CHECK(run.state["search_query"].string == kQuery);
    CHECK(run.state["search_results"].number > 0);
    CHECK(run.state["search_matches"].number == 0);  // the reader's step-through shows only in the reader
    CHECK(run.state["missing_glyphs"].number == 0);
    check_target_sizes(run.state);
}

TEST_CASE("a result opens the reader at its passage deep in the document, and the arrows step through the highlights") {
    const DeepHit hit = deep_hit(kQuery);
    const std::string open = "tap-id top.search\n" + type_keys(kQuery) + "wait 100\ntap-label " + hit.title + "\nwait 300\n";
    TempDir dir;
    auto opened = run_kiosk_script(dir, open);
    REQUIRE_MESSAGE(opened.result.exit_code == 0, opened.result.err);
    CHECK(opened.state["screen"].string == "reader");
    CHECK(opened.state["document"].string == hit.document);
    CHECK(opened.state["scroll_y"].number > 0);
    CHECK(opened.state["search_query"].string == kQuery);
    const int count = static_cast<int>(opened.state["search_matches"].number);
    REQUIRE(count >= 2);
    REQUIRE(opened.state["search_match"].type == JsonValue::Type::Number);
    const int first = static_cast<int>(opened.state["search_match"].number);

    // Two forward (wrapping past the last match if need be) and one back: one ahead of the start.
    TempDir dir2;
    auto stepped = run_kiosk_script(dir2, open + "tap-id reader.next_match\nwait 400\ntap-id reader.next_match\nwait "
                                                 "400\ntap-id reader.previous_match\nwait 600\n");
    REQUIRE_MESSAGE(stepped.result.exit_code == 0, stepped.result.err);
    CHECK(stepped.state["search_match"].number == first % count + 1);
}

TEST_CASE("clear and backspace empty the query, and an empty query shows no results") {
    TempDir dir;
    auto run =
        run_kiosk_script(dir, "tap-id top.search\n" + type_keys("сеть") + "tap-id search.key.clear\n" + type_keys("се") +
                                  "tap-id search.key.backspace\ntap-id search.key.backspace\nwait 50\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["screen"].string == "search");
    CHECK(run.state["search_query"].string.empty());
    CHECK(run.state["search_results"].number == 0);
}

TEST_CASE("odd key sequences on the keyboard never break the search") {
    // Backspace and space on an empty query, doubled spaces, digits, ё, and a layout switch in
    // the middle of a word.
    TempDir dir;
    auto odd = run_kiosk_script(
        dir, "tap-id top.search\n"
             "tap-id search.key.backspace\ntap-id search.key.space\ntap-label 5\ntap-id search.key.space\ntap-id "
             "search.key.space\n"
             "tap-label Ё\ntap-id search.key.layout\ntap-label Q\ntap-id search.key.layout\ntap-label Ъ\n"
             "tap-id search.key.backspace\ntap-label Ь\nwait 50\n");
    REQUIRE_MESSAGE(odd.result.exit_code == 0, odd.result.err);
    CHECK(odd.state["screen"].string == "search");
    CHECK(odd.state["search_query"].string == "5 ёqь");
}

TEST_CASE("the keyboard follows the visitor's language, and Chinese visitors search by topic chips") {
    TempDir dir;
    auto zh = run_kiosk_script(dir, "tap-id top.search\nwait 50\ntap-id search.topic1\nwait 100\n", {"--lang", "zh"});
    REQUIRE_MESSAGE(zh.result.exit_code == 0, zh.result.err);
    CHECK(zh.state["screen"].string == "search");
    CHECK(zh.state["search_query"].string == "数字经济");
    CHECK(zh.state["search_results"].number > 0);
    CHECK(has_target(zh.state, "Q"));
    CHECK_FALSE(has_target(zh.state, "Й"));
    check_target_sizes(zh.state);

    TempDir dir2;
    auto en = run_kiosk_script(dir2, "tap-id top.search\nwait 50\n" + type_keys("passw") + "wait 100\n", {"--lang", "en"});
    REQUIRE_MESSAGE(en.result.exit_code == 0, en.result.err);
    CHECK(en.state["search_query"].string == "passw");
    CHECK(en.state["search_results"].number > 0);
    CHECK(has_target(en.state, "Q"));
    check_target_sizes(en.state);
}

TEST_CASE("a session reset clears the search") {
    TempDir dir;
    // Just past the idle timeout and its countdown (90 s + 10 s; the simulated clock jumps there).
    auto run = run_kiosk_script(dir, "tap-id top.search\n" + type_keys("сеть") + "wait 100500\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["screen"].string != "search");
    CHECK(run.state["search_query"].string.empty());
    CHECK(run.state["search_results"].number == 0);
}

// ---------------------------------------------------------------------------------------------
// The arrangement at every panel size the kiosk ships with (issue 19): keys whole, on the
// screen, large enough and apart, nothing over them; results open what they show; the topic
// chips in every language.
// ---------------------------------------------------------------------------------------------

namespace {

struct Box {
    float x0, y0, x1, y1;
};

// Where a target can be touched: its visible part (what a tap reaches), from the state dump.
Box visible_box(const JsonValue& target) {
    const auto& v = target["visible"].array;
    REQUIRE(v.size() == 4);
    const float x = static_cast<float>(v[0].number), y = static_cast<float>(v[1].number);
    return {x, y, x + static_cast<float>(v[2].number), y + static_cast<float>(v[3].number)};
}

// The distance between two boxes along the axis where they are apart (negative: they overlap).
float separation(const Box& a, const Box& b) {
    return std::max(std::max(b.x0 - a.x1, a.x0 - b.x1), std::max(b.y0 - a.y1, a.y0 - b.y1));
}

bool starts_with(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

// Keys, candidates and topic chips: the controls of the search screen that must show whole.
bool is_search_control(const std::string& id) {
    return starts_with(id, "search.key") || starts_with(id, "search.candidate") || starts_with(id, "search.topic") ||
           id == "search.previous_page" || id == "search.next_page";
}

// Every key, candidate and chip is whole, on the screen, at least 48 px both ways and at least
// 8 px from every other target (so no result, chip or key lies over it). Returns how many.
int check_search_controls(const JsonValue& state, float width, float height) {
    int count = 0;
    const auto& targets = state["touch_targets"].array;
    for (const JsonValue& target : targets) {
        const std::string& id = target["id"].string;
        if (!is_search_control(id)) continue;
        ++count;
        CAPTURE(id);
        CAPTURE(target["label"].string);
        const Box box = visible_box(target);
        CHECK(target["w"].number >= 48);
        CHECK(target["h"].number >= 48);
        CHECK(box.x1 - box.x0 == doctest::Approx(target["w"].number).epsilon(0.001));  // not cut by a clip
        CHECK(box.y1 - box.y0 == doctest::Approx(target["h"].number).epsilon(0.001));
        CHECK(box.x0 >= 0);
        CHECK(box.y0 >= 0);
        CHECK(box.x1 <= width);
        CHECK(box.y1 <= height);
        for (const JsonValue& other : targets) {
            if (&other == &target) continue;
            CAPTURE(other["id"].string);
            CHECK(separation(box, visible_box(other)) >= 7.9f);
        }
    }
    return count;
}

struct PanelSize {
    const char* arg;
    float width, height;
};
constexpr PanelSize kPanels[] = {
    {"800x480", 800, 480}, {"1024x600", 1024, 600}, {"1920x1080", 1920, 1080}, {"1080x1920", 1080, 1920}};

// A word each visitor might type, as key taps, and what the query then is.
struct Typed {
    const char* lang;
    std::string script;
    std::string query;
};

std::vector<Typed> typed_words() {
    return {{"ru", type_keys("цифров"), "цифров"},
            {"en", type_keys("digital"), "digital"},
            // Pinyin, then the candidate: the query is the characters.
            {"zh", type_keys("shuzi") + "tap-label 数字\n", "数字"}};
}

}  // namespace

TEST_CASE("at every panel size and language the keys are whole, large, apart and under nothing, and a result opens") {
    for (const PanelSize& panel : kPanels) {
        for (const Typed& word : typed_words()) {
            CAPTURE(panel.arg);
            CAPTURE(word.lang);
            // Nothing typed: the keyboard and the topic chips.
            TempDir empty_dir;
            auto empty =
                run_kiosk_script(empty_dir, "tap-id top.search\nwait 100\n", {"--lang", word.lang, "--size", panel.arg});
            REQUIRE_MESSAGE(empty.result.exit_code == 0, empty.result.err);
            CHECK(check_search_controls(empty.state, panel.width, panel.height) >= 30);
            for (int i = 1; i <= 6; ++i)
                CHECK(kiosk::test::has_target_id(empty.state, "search.topic" + std::to_string(i)));

            // A word typed: results between the field and the keys.
            TempDir dir;
            auto typed = run_kiosk_script(dir, "tap-id top.search\nwait 100\n" + word.script + "wait 200\n",
                                          {"--lang", word.lang, "--size", panel.arg});
            REQUIRE_MESSAGE(typed.result.exit_code == 0, typed.result.err);
            CHECK(typed.state["search_query"].string == word.query);
            REQUIRE(typed.state["search_results"].number > 0);
            CHECK(check_search_controls(typed.state, panel.width, panel.height) >= 30);
            CHECK(kiosk::test::has_target_id(typed.state, "search.result.1"));
            CHECK(typed.state["missing_glyphs"].number == 0);

            // A tap on the first result opens it, and types nothing.
            TempDir open_dir;
            auto opened = run_kiosk_script(
                open_dir, "tap-id top.search\nwait 100\n" + word.script + "wait 200\ntap-id search.result.1\nwait 300\n",
                {"--lang", word.lang, "--size", panel.arg});
            REQUIRE_MESSAGE(opened.result.exit_code == 0, opened.result.err);
            CHECK(opened.state["screen"].string == "reader");
            CHECK(opened.state["search_query"].string == word.query);
        }
    }
}

TEST_CASE("Chinese candidates have their room at every panel size, over no key") {
    for (const PanelSize& panel : kPanels) {
        CAPTURE(panel.arg);
        TempDir dir;
        auto run = run_kiosk_script(dir, "tap-id top.search\nwait 100\n" + type_keys("shuzi") + "wait 100\n",
                                    {"--lang", "zh", "--size", panel.arg});
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["ime"]["composition"].string == "shu zi");
        CHECK(kiosk::test::has_target(run.state, "数字"));
        CHECK(kiosk::test::has_target_id(run.state, "search.next_page"));
        CHECK(check_search_controls(run.state, panel.width, panel.height) >= 35);
    }
}

TEST_CASE("Chinese topic chips are drawn at every panel size, and tapping one searches") {
    for (const PanelSize& panel : kPanels) {
        CAPTURE(panel.arg);
        for (int i : {1, 6}) {  // the first and the last (the other four: see the test above)
            CAPTURE(i);
            TempDir dir;
            const std::string id = "search.topic" + std::to_string(i);
            auto run = run_kiosk_script(dir, "tap-id top.search\nwait 100\ntap-id " + id + "\nwait 200\n",
                                        {"--lang", "zh", "--size", panel.arg});
            REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
            CHECK(run.state["screen"].string == "search");
            CHECK_FALSE(run.state["search_query"].string.empty());
            CHECK(run.state["search_results"].number > 0);
        }
    }
}

TEST_CASE("at the largest text size on the smallest panel the search still holds") {
    for (const Typed& word : typed_words()) {
        CAPTURE(word.lang);
        TempDir dir;
        // Aa, the larger text twice, a tap beside the panel to close it; then the search.
        auto run = run_kiosk_script(dir,
                                    "tap-id top.a11y\nwait 50\ntap-id a11y.larger\nwait 50\ntap-id a11y.larger\nwait "
                                    "50\ntap 40 300\nwait 50\ntap-id top.search\nwait 100\n" +
                                        word.script + "wait 200\n",
                                    {"--lang", word.lang, "--size", "800x480"});
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["text_size"].number == 2);
        CHECK(run.state["search_query"].string == word.query);
        CHECK(check_search_controls(run.state, 800, 480) >= 30);
        check_target_sizes(run.state);
    }
}
