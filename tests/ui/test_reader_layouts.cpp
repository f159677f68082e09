// The reader by screen class (issue 19): one column with the details and contents behind a tap
// on small and portrait screens, a sidebar on large ones; contents one tap away at every size;
// the title block of the official text; the end mark; the visitor's title and summary leading
// the text, with a search hit there highlighted and in view; the largest text on 800x480.
#include "kiosk_runner.h"
#include "ui/reader_layout.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using kiosk::core::Lang;
using kiosk::test::check_target_sizes;
using kiosk::test::has_target_id;
using kiosk::test::JsonValue;
using kiosk::test::KioskRun;
using kiosk::test::kScrollHomeToEnd;
using kiosk::test::run_kiosk_script;
using kiosk::test::TempDir;

namespace {

struct Fixture : kiosk::test::ContentFixture {
    // Opens a document from its home card; `scroll`: home is scrolled to its end first (the
    // older documents are below the fold on a small panel, the two newest at its top).
    std::string open(const std::string& id, Lang lang, bool scroll = true) const {
        return std::string(scroll ? kScrollHomeToEnd : "") + "tap-label " +
               content->find_document(id)->info.card_title(lang) + "\nwait 300\n";
    }
};

KioskRun play(const TempDir& dir, const std::string& script, const std::string& size, const char* lang) {
    KioskRun run = run_kiosk_script(dir, script, {"--size", size, "--lang", lang});
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["missing_glyphs"].number == 0);
    return run;
}

// The reader's own controls (not the words of the text that are links): on the screen, apart
// from each other by at least 8 px, and never over each other.
void check_reader_controls(const JsonValue& state, double width, double height) {
    std::vector<const JsonValue*> controls;
    for (const JsonValue& t : state["touch_targets"].array) {
        const std::string& id = t["id"].string;
        if (id.rfind("reader.", 0) == 0 && id.rfind("reader.act.", 0) != 0 && id.rfind("reader.term.", 0) != 0 &&
            id.rfind("reader.section", 0) != 0)
            controls.push_back(&t);
    }
    REQUIRE(!controls.empty());
    for (const JsonValue* a : controls) {
        CAPTURE((*a)["id"].string);
        CHECK((*a)["x"].number >= 0);
        CHECK((*a)["x"].number + (*a)["w"].number <= width + 0.5);
        CHECK((*a)["y"].number + (*a)["h"].number <= height + 0.5);
        for (const JsonValue* b : controls) {
            if (a == b) continue;
            CAPTURE((*b)["id"].string);
            const double gap_x = std::max((*b)["x"].number - ((*a)["x"].number + (*a)["w"].number),
                                          (*a)["x"].number - ((*b)["x"].number + (*b)["w"].number));
            const double gap_y = std::max((*b)["y"].number - ((*a)["y"].number + (*a)["h"].number),
                                          (*a)["y"].number - ((*b)["y"].number + (*b)["h"].number));
            CHECK(std::max(gap_x, gap_y) >= 8 - 0.5);
        }
    }
}

}  // namespace

TEST_CASE("small and portrait screens read in one column with the details and contents behind one tap each") {
    Fixture f;
    const std::string open = f.open("2019-digital-concept", Lang::En);
    for (const char* size : {"800x480", "1024x600", "1080x1920"}) {
        CAPTURE(size);
        const double w = std::stod(size), h = std::stod(std::string(size).substr(std::string(size).find('x') + 1));
        TempDir dir;
        KioskRun shown = play(dir, open, size, "en");
        CHECK(shown.state["screen_class"].string != "large");
        CHECK_FALSE(shown.state["reader_sidebar"].boolean);
        CHECK_FALSE(shown.state["reader_panel_open"].boolean);
        CHECK_FALSE(has_target_id(shown.state, "reader.section.1"));     // no sidebar: the contents are in a sheet
        CHECK_FALSE(has_target_id(shown.state, "reader.side_by_side"));  // one column
        check_target_sizes(shown.state);
        check_reader_controls(shown.state, w, h);

        KioskRun details = play(dir, open + "tap-id reader.details\nwait 300\n", size, "en");
        CHECK(details.state["reader_panel_open"].boolean);
        CHECK_FALSE(details.state["reader_toc_open"].boolean);
        CHECK(has_target_id(details.state, "reader.sheet.close"));
        CHECK_FALSE(has_target_id(details.state, "reader.read"));  // the sheet covers the text and its toolbar
        check_target_sizes(details.state);
        KioskRun closed =
            play(dir, open + "tap-id reader.details\nwait 300\ntap-id reader.sheet.close\nwait 300\n", size, "en");
        CHECK_FALSE(closed.state["reader_panel_open"].boolean);
        CHECK(has_target_id(closed.state, "reader.read"));
    }
    // A large screen keeps the sidebar, with the contents in it, and offers side by side.
    TempDir dir;
    KioskRun large = play(dir, open, "1920x1080", "en");
    CHECK(large.state["reader_sidebar"].boolean);
    CHECK(has_target_id(large.state, "reader.side_by_side"));
    CHECK_FALSE(has_target_id(large.state, "reader.details"));
    check_reader_controls(large.state, 1920, 1080);
}

TEST_CASE("the contents are one tap away at every size, and a section tapped there is scrolled to") {
    Fixture f;
    const kiosk::core::Document* doc = f.content->find_document("2019-digital-concept");
    REQUIRE(doc->sections.size() >= 4);
    for (const char* size : {"800x480", "1024x600", "1920x1080", "1080x1920"}) {
        CAPTURE(size);
        TempDir dir;
        const std::string open = f.open("2019-digital-concept", Lang::Zh) + "tap-id reader.contents\nwait 300\n";
        KioskRun listed = play(dir, open, size, "zh");
        CHECK(listed.state["reader_toc_open"].boolean);
        CHECK(has_target_id(listed.state, "reader.section.1"));
        check_target_sizes(listed.state);
        KioskRun jumped = play(dir, open + "tap-id reader.section.4\nwait 1500\n", size, "zh");
        CHECK_FALSE(jumped.state["reader_toc_open"].boolean);  // the sheet closes on the way
        CHECK(jumped.state["scroll_y"].number > 300);
        CHECK(jumped.state["reader_block"].number >= doc->blocks[doc->sections[3].first_block].id - 1);
    }
}

TEST_CASE("the title block of each act is its leading title lines, and ends where the text begins") {
    Fixture f;
    // The printed originals: kind of act, body, date, number, place and subject, then the text.
    const std::pair<const char*, size_t> expected[] = {{"2019-digital-concept", 6},
                                                       {"2021-ict-ministers-protocol", 2},
                                                       {"2022-digital-economy-programme", 5},
                                                       {"2023-digital-transformation-statement", 2},
                                                       {"2025-digital-economy-statement", 2}};
    for (const auto& entry : expected) {
        const char* id = entry.first;
        const size_t blocks = entry.second;
        CAPTURE(id);
        CHECK(kiosk::ui::title_block_size(*f.content->find_document(id)) == blocks);
    }
    TempDir dir;
    KioskRun shown = play(dir, f.open("2022-digital-economy-programme", Lang::Ru), "800x480", "ru");
    CHECK(shown.state["reader_title_block"].number == 5);

    // Where the structure says nothing of a title, there is none.
    kiosk::core::Document prose;
    prose.sections.resize(1);
    kiosk::core::Block sentence;
    sentence.text = "Стороны обсудили вопросы сотрудничества.";
    prose.blocks = {sentence, sentence};
    CHECK(kiosk::ui::title_block_size(prose) == 0);
    kiosk::core::Block line;
    line.text = "ЗАЯВЛЕНИЕ";
    prose.blocks = {line, line};  // title lines only: all text, no title block
    CHECK(kiosk::ui::title_block_size(prose) == 0);
    prose.blocks = {line, sentence};
    CHECK(kiosk::ui::title_block_size(prose) == 1);
    prose.sections[0].heading = "I. Общие положения";  // opens with a heading
    CHECK(kiosk::ui::title_block_size(prose) == 0);
}

TEST_CASE("every document ends with an end mark, in every language") {
    Fixture f;
    for (const auto& [lang, code] : {std::pair{Lang::Ru, "ru"}, std::pair{Lang::Zh, "zh"}, std::pair{Lang::En, "en"}}) {
        const char* name = code;
        CAPTURE(name);
        TempDir dir;
        KioskRun shown = play(dir, f.open("2023-digital-transformation-statement", lang, false), "800x480", code);
        CHECK(shown.state["reader_end_mark"].boolean);
        CHECK(f.translations.get(lang, "reader.end") != "reader.end");
    }
}

TEST_CASE("a search hit in a summary opens the reader with it highlighted and in view, in English and Chinese") {
    // "summit" and 峰会 are in the 2019 Concept's summary only, not in its text.
    struct Case {
        const char* lang;
        std::string typing;
    };
    std::string english;
    for (char c : std::string("summit")) english += std::string("tap-id search.key.") + c + "\n";
    std::string chinese;
    for (char c : std::string("fenghui"))
        chinese += std::string("tap-label ") + static_cast<char>(c - 'a' + 'A') + "\n";
    chinese += "tap-label 峰会\n";
    for (const Case& c : {Case{"en", english}, Case{"zh", chinese}}) {
        CAPTURE(c.lang);
        for (const char* size : {"800x480", "1920x1080"}) {
            CAPTURE(size);
            TempDir dir;
            KioskRun opened =
                play(dir, "tap-id top.search\nwait 100\n" + c.typing + "wait 200\ntap-id search.result.1\nwait 400\n",
                     size, c.lang);
            REQUIRE(opened.state["screen"].string == "reader");
            CHECK(opened.state["document"].string == "2019-digital-concept");
            CHECK(opened.state["search_matches"].number >= 1);
            CHECK(opened.state["search_match"].number >= 1);
            CHECK(opened.state["search_match_part"].string == "summary");
            const double y = opened.state["search_match_y"].number;
            CHECK(y > 0);
            CHECK(y < std::stod(std::string(size).substr(std::string(size).find('x') + 1)) - 20);
        }
    }
}

TEST_CASE("at the largest text size on 800x480 the reader, its details and its contents still fit") {
    Fixture f;
    for (const char* lang : {"ru", "zh", "en"}) {
        CAPTURE(lang);
        const Lang l = *kiosk::core::parse_lang(lang);
        const std::string open = f.open("2021-ict-ministers-protocol", l) +
                                 "tap-id reader.larger\nwait 100\ntap-id reader.larger\nwait 300\n";
        TempDir dir;
        KioskRun shown = play(dir, open, "800x480", lang);
        CHECK(shown.state["text_size"].number == 2);
        check_target_sizes(shown.state);
        check_reader_controls(shown.state, 800, 480);
        KioskRun details = play(dir, open + "tap-id reader.details\nwait 300\n", "800x480", lang);
        CHECK(details.state["reader_panel_open"].boolean);
        check_target_sizes(details.state);
        // The sheet scrolls: a drag over it moves its contents up, not the text under it.
        KioskRun dragged = play(dir,
                                open + "tap-id reader.details\nwait 300\ndrag 200 440 200 140 500\nwait 1500\n" +
                                    "drag 200 440 200 140 500\nwait 1500\n",
                                "800x480", lang);
        CHECK(dragged.state["reader_panel_open"].boolean);
        CHECK(dragged.state["scroll_y"].number == doctest::Approx(0).epsilon(0.001));
        CHECK(has_target_id(dragged.state, "reader.section.1"));
    }
}
