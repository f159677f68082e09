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
