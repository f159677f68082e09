// The reader in the visitor's language: a translation made for the kiosk, labelled as such,
// each block's original a tap away, side by side with the original where two columns fit, and
// search hits in Chinese or English opening the translation at the passage.
#include "core/content_store.h"
#include "core/search_index.h"
#include "kiosk_runner.h"

#include <doctest/doctest.h>

using kiosk::core::Lang;
using kiosk::test::KioskRun;
using kiosk::test::run_kiosk_script;
using kiosk::test::TempDir;

namespace {

// Opens the document `id` from the library in `lang` (its card is labelled with the title in
// the visitor's language) at 1920x1080.
std::string open_document(const std::string& id, Lang lang) {
    auto store = kiosk::test::open_factory_content();
    const kiosk::core::Document* doc = store->find_document(id);
    REQUIRE(doc != nullptr);
    return "tap-label " + doc->info.card_title(lang) + "\nwait 300\n";
}

// Jumps past the visitor's title and summary to the start of the text: the contents' first entry.
const std::string kToText = "tap-id reader.contents\nwait 100\ntap-id reader.section.1\nwait 1500\n";

KioskRun run(const TempDir& dir, const std::string& script, const char* lang) {
    KioskRun result = run_kiosk_script(dir, script, {"--lang", lang, "--size", "1920x1080"});
    REQUIRE_MESSAGE(result.result.exit_code == 0, result.result.err);
    CHECK(result.state["missing_glyphs"].number == 0);
    return result;
}

std::vector<int> ints(const kiosk::test::JsonValue& array) {
    std::vector<int> out;
    for (const auto& value : array.array) out.push_back(static_cast<int>(value.number));
    return out;
}

}  // namespace

TEST_CASE("a document opens in the visitor's language with a label saying it is a translation made for the kiosk") {
    const std::string id = "2025-digital-economy-statement";
    for (const auto& [lang, lang_name] : {std::pair{Lang::Zh, "zh"}, std::pair{Lang::En, "en"}, std::pair{Lang::Ru, "ru"}}) {
        const char* code = lang_name;  // CAPTURE's lambda may not name a structured binding (C++17, clang)
        CAPTURE(code);
        TempDir dir;
        KioskRun opened = run(dir, open_document(id, lang) + "shot @DIR@/reader.png\n", code);
        CHECK(opened.state["document"].string == id);
        CHECK(opened.state["reader_language"].string == code);
        CHECK(opened.state["reader_note"].string ==
              (lang == Lang::Ru ? std::string("reader.official_text") : std::string("reader.translation_note.") + code));
        CHECK_FALSE(opened.state["reader_side_by_side"].boolean);
        // Scrolled far down, the label is still there: it sits above the text, not in it.
        KioskRun scrolled = run(dir,
                                open_document(id, lang) + "drag 1200 1000 1200 300 400\nwait 200\n"
                                                          "drag 1200 1000 1200 300 400\nwait 1500\n",
                                code);
        CHECK(scrolled.state["scroll_y"].number > 500);
        CHECK(scrolled.state["reader_note"].string == opened.state["reader_note"].string);
    }
}

TEST_CASE("the 2021 protocol's translations say that its Russian and Chinese texts are both authentic") {
    TempDir dir;
    KioskRun zh = run(dir, open_document("2021-ict-ministers-protocol", Lang::Zh), "zh");
    CHECK(zh.state["reader_note"].string == "reader.translation_note_ru_zh.zh");
    KioskRun en = run(dir, open_document("2021-ict-ministers-protocol", Lang::En), "en");
    CHECK(en.state["reader_note"].string == "reader.translation_note_ru_zh.en");
}

TEST_CASE("tapping a translated block shows its original below it, and tapping again hides it") {
    TempDir dir;
    const std::string open = open_document("2025-digital-economy-statement", Lang::Zh) + kToText;
    // x = 1200 is inside the text column; y = 600 is on the third block at the default size, beside
    // its links (a tap on a link follows the link instead).
    KioskRun shown = run(dir, open + "tap 1200 600\nwait 300\nshot @DIR@/original.png\n", "zh");
    std::vector<int> originals = ints(shown.state["reader_originals"]);
    REQUIRE(originals.size() == 1);
    CHECK(originals[0] >= 1);
    KioskRun hidden = run(dir, open + "tap 1200 600\nwait 300\ntap 1200 600\nwait 300\n", "zh");
    CHECK(hidden.state["reader_originals"].array.empty());
    // The Russian original itself has nothing to reveal.
    KioskRun russian =
        run(dir, open_document("2025-digital-economy-statement", Lang::Ru) + kToText + "tap 1200 600\nwait 300\n", "ru");
    CHECK(russian.state["reader_originals"].array.empty());
}

TEST_CASE("side by side with the original, then another language: the reader stays at the same block") {
    TempDir dir;
    const std::string read = open_document("2019-digital-concept", Lang::Zh) +
                             "tap-id reader.side_by_side\nwait 300\n" + "drag 1200 1000 1200 400 600\nwait 2000\n";
    KioskRun before = run(dir, read + "shot @DIR@/side-by-side.png\n", "zh");
    CHECK(before.state["reader_side_by_side"].boolean);
    CHECK(before.state["reader_language"].string == "zh");
    const double block = before.state["reader_block"].number;
    CHECK(block > 1);
    CHECK(kiosk::test::has_target(before.state, "对照原文"));

    KioskRun after = run(dir, read + "tap-id top.language.en\nwait 300\nshot @DIR@/english.png\n", "zh");
    CHECK(after.state["language"].string == "en");
    CHECK(after.state["reader_language"].string == "en");
    CHECK(after.state["reader_side_by_side"].boolean);
    CHECK(after.state["reader_note"].string == "reader.translation_note.en");
    CHECK(after.state["reader_block"].number == block);

    KioskRun original = run(dir, read + "tap-id top.language.ru\nwait 300\n", "zh");
    CHECK(original.state["reader_language"].string == "ru");
    CHECK_FALSE(original.state["reader_side_by_side"].boolean);  // the original needs no second column
    CHECK(original.state["reader_block"].number == block);
    CHECK_FALSE(kiosk::test::has_target(original.state, "Рядом с оригиналом"));
}

TEST_CASE("where two columns do not fit, the side-by-side toggle is not offered and a tap shows the original") {
    TempDir dir;
    KioskRun small = run_kiosk_script(
        dir, open_document("2025-digital-economy-statement", Lang::En) + kToText + "tap 400 305\nwait 300\n",  // beside the links
        {"--lang", "en", "--size", "800x480"});
    REQUIRE_MESSAGE(small.result.exit_code == 0, small.result.err);
    CHECK(small.state["reader_language"].string == "en");
    CHECK_FALSE(kiosk::test::has_target(small.state, "Side by side"));
    CHECK(small.state["reader_originals"].array.size() == 1);
}

TEST_CASE("a search hit opens the reader in the language that matched, at the passage, highlighted") {
    std::string error;
    auto index = kiosk::core::SearchIndex::open(KIOSK_CONTENT_DB, &error);
    REQUIRE_MESSAGE(index, error);
    auto store = kiosk::test::open_factory_content();
    // Topic chips: the Chinese visitor's 人工智能, the English visitor's "artificial intelligence".
    struct Case {
        const char* ui;
        Lang lang;
        const char* search_label;
        const char* chip;
    };
    for (const Case& c :
         {Case{"zh", Lang::Zh, "搜索", "人工智能"}, Case{"en", Lang::En, "Search", "artificial intelligence"}}) {
        CAPTURE(c.ui);
        // The first document result the visitor sees, and the language its passage is in.
        const kiosk::core::SearchHit* first = nullptr;
        std::vector<kiosk::core::SearchHit> hits = index->search(c.chip, 30);
        for (const kiosk::core::SearchHit& hit : hits)
            if (hit.kind == "document" && !first) first = &hit;
        REQUIRE(first != nullptr);
        CHECK(first->lang == c.ui);  // the visitor's words matched the translation, not the Russian
        CHECK(first->field == "block");
        const std::string title = store->find_document(first->item)->info.title[c.lang];
        TempDir dir;
        KioskRun opened = run(dir,
                              std::string("tap-label ") + c.search_label + "\nwait 50\ntap-label " + c.chip +
                                  "\nwait 100\ntap-label " + title + "\nwait 400\nshot @DIR@/hit.png\n",
                              c.ui);
        CHECK(opened.state["screen"].string == "reader");
        CHECK(opened.state["document"].string == first->item);
        CHECK(opened.state["reader_language"].string == first->lang);
        CHECK(opened.state["search_matches"].number >= 1);
        CHECK(opened.state["search_match"].number >= 1);
        CHECK(opened.state["scroll_y"].number > 0);  // at the passage, not the top of the document
    }
}
