// The layout check (tests/screens/layout_rules.h): its rules on made-up frames, so none of
// them can pass by accident; the text renderer's record it reads; and every screen of the tour
// checked at the panels the kiosk ships for, at unusual ones, and at the largest text size.
#include "core/file_io.h"
#include "core/text/font_collection.h"
#include "kiosk_runner.h"
#include "layout_check.h"
#include "layout_rules.h"
#include "ui/fonts.h"
#include "ui/text_renderer.h"

#include <doctest/doctest.h>
#include <imgui_internal.h>

#include <algorithm>
#include <filesystem>
#include <memory>

using namespace kiosk;
using namespace kiosk::core;
using namespace kiosk::test;

namespace {

LayoutFrame frame() {
    LayoutFrame f;
    f.name = "made-up";
    f.lang = "en";
    f.width = 800;
    f.height = 480;
    return f;
}

LayoutTarget target(const std::string& id, float x, float y, float w, float h) {
    LayoutTarget t;
    t.id = id;
    t.label = id;
    t.visible = {x, y, x + w, y + h};
    t.width = w;
    t.height = h;
    return t;
}

LayoutText line(const std::string& s, float x, float y, float w, float px, LayoutRect clip = {0, 0, 800, 480}) {
    LayoutText t;
    t.text = s;
    t.rect = {x, y, x + w, y + px};
    t.clip = clip;
    t.px = px;
    return t;
}

// The violations that mention `what`.
size_t count(const std::vector<std::string>& violations, const std::string& what) {
    return static_cast<size_t>(std::count_if(violations.begin(), violations.end(), [&](const std::string& line) {
        return line.find(what) != std::string::npos;
    }));
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) out += line + "\n";
    return out;
}

}  // namespace

TEST_CASE("the layout check's floors are the UI's") {
    CHECK(kSmallPrintPx == ui::kMinSmallTextPx);
    CHECK(kChineseTextStep == ui::kChineseStep);
    CHECK(min_text_px(false) == 14.0f);
    CHECK(min_text_px(true) == 16.0f);  // 14 * 1.15, rounded to the quarter pixel as fonts.cpp does
}

TEST_CASE("the layout check reports a target under 48 px and passes one of 48") {
    LayoutFrame f = frame();
    f.targets = {target("small", 10, 10, 40, 60), target("right", 100, 10, 48, 48)};
    const std::vector<std::string> v = check_layout(f);
    CHECK(v.size() == 1);
    CHECK(count(v, "target small") == 1);
    CHECK(count(v, "40x60 px, under the minimum of 48x48") == 1);
    CHECK(v[0].rfind("made-up en 800x480: ", 0) == 0);
}

TEST_CASE("the layout check reports targets 4 px apart or overlapping, and passes them 8 px apart") {
    LayoutFrame f = frame();
    f.targets = {target("a", 10, 10, 48, 48), target("b", 62, 10, 48, 48)};  // 4 px
    std::vector<std::string> v = check_layout(f);
    REQUIRE(v.size() == 1);
    CHECK(count(v, "4 px apart, under the minimum of 8") == 1);
    f.targets[1] = target("b", 66, 10, 48, 48);  // 8 px
    CHECK(check_layout(f).empty());
    f.targets[1] = target("b", 30, 30, 48, 48);  // one over the other
    v = check_layout(f);
    REQUIRE(v.size() == 1);
    CHECK(count(v, "overlap (a tap there reaches both)") == 1);
    f.targets[1] = target("b", 20, 20, 20, 20);  // a button inside another
    CHECK(count(check_layout(f), "overlap") == 1);
    f.targets[1] = target("b", 62, 70, 48, 48);  // diagonal neighbours: 4 px across, 12 down
    CHECK(check_layout(f).empty());
}

TEST_CASE("the layout check lets links of running text on adjacent lines reach into each other, nothing else") {
    LayoutFrame f = frame();
    // Two links on lines 30 px apart: their 48 px targets overlap, and the reader gives a tap
    // to the link whose line is nearest the finger.
    f.targets = {target("reader.act.charter", 100, 100, 200, 48), target("reader.act.strategy", 150, 130, 200, 48)};
    CHECK(check_layout(f).empty());
    // A link against a button is still reported.
    f.targets[1] = target("reader.details", 150, 130, 200, 48);
    CHECK(count(check_layout(f), "overlap (a tap there reaches both)") == 1);
}

TEST_CASE("the layout check reports overlapping text boxes, and passes boxes side by side") {
    LayoutFrame f = frame();
    f.texts = {line("first", 10, 10, 100, 20), line("second", 110, 10, 100, 20)};  // touching
    CHECK(check_layout(f).empty());
    f.texts[1] = line("second", 90, 20, 100, 20);
    const std::vector<std::string> v = check_layout(f);
    REQUIRE(v.size() == 1);
    CHECK(count(v, "text 'first'") == 1);
    CHECK(count(v, "text 'second'") == 1);
    CHECK(count(v, "text boxes overlap") == 1);
}

TEST_CASE("the layout check passes text cut where a region scrolls, and reports it cut anywhere else") {
    LayoutFrame f = frame();
    const LayoutRect list{0, 100, 400, 300};
    f.scrolls = {{list, false}};
    // A line half scrolled out at the top of the list, and one at its bottom.
    f.texts = {line("top line", 20, 90, 200, 20, list), line("bottom line", 20, 290, 200, 20, list)};
    CHECK(check_layout(f).empty());
    // Text too wide for the list is cut at its right edge, where the list does not scroll.
    f.texts = {line("too wide", 20, 150, 500, 20, list)};
    std::vector<std::string> v = check_layout(f);
    REQUIRE(v.size() == 1);
    CHECK(count(v, "is cut at its right by a clip rectangle, with no ellipsis") == 1);
    // A box clipped to a label's size, no scroll region there.
    f.texts = {line("label", 420, 150, 200, 20, {420, 150, 500, 170})};
    CHECK(count(check_layout(f), "with no ellipsis") == 1);
    // Off the screen's edge.
    f.texts = {line("off", 700, 150, 200, 20)};
    f.texts[0].clip = {0, 0, 800, 480};
    CHECK(count(check_layout(f), "runs off the screen at the right") == 1);
    // A region scrolling sideways may cut at its left and right, not at its top.
    f.scrolls = {{list, true}};
    f.texts = {line("sideways", 350, 150, 200, 20, list)};
    CHECK(check_layout(f).empty());
    f.texts = {line("sideways", 20, 290, 200, 20, list)};
    CHECK(count(check_layout(f), "cut at its bottom") == 1);
}

TEST_CASE("the layout check passes text cut to fit with an ellipsis, and reports it if it still spills") {
    LayoutFrame f = frame();
    const LayoutRect card{10, 10, 210, 110};
    f.texts = {line("A long title cut to fit…", 20, 20, 180, 20, card)};
    f.texts[0].elided = true;
    CHECK(check_layout(f).empty());
    f.texts[0].rect.x1 = 260;
    CHECK(count(check_layout(f), "(even with its ellipsis)") == 1);
}

TEST_CASE("the layout check reports text under its script's floor") {
    LayoutFrame f = frame();
    f.texts = {line("small", 10, 10, 50, 13.5f), line("fine", 10, 40, 50, 14), line("中文小字", 10, 70, 50, 15),
               line("中文", 10, 100, 50, 16)};
    f.texts[2].chinese = f.texts[3].chinese = true;
    const std::vector<std::string> v = check_layout(f);
    CHECK(v.size() == 2);
    CHECK(count(v, "'small' [10,10 50x13.5]: 13.5 px, under the minimum of 14 px for Latin and Cyrillic text") == 1);
    CHECK(count(v, "'中文小字' [10,70 50x15]: 15 px, under the minimum of 16 px for Chinese text") == 1);
}

TEST_CASE("the layout check reports text partly inside a target, and passes a label or a link inside it") {
    LayoutFrame f = frame();
    f.targets = {target("button", 100, 100, 120, 48)};
    f.texts = {line("label", 110, 114, 80, 20)};
    CHECK(check_layout(f).empty());
    f.texts = {line("spills out of its button", 110, 114, 200, 20)};
    std::vector<std::string> v = check_layout(f);
    REQUIRE(v.size() == 1);
    CHECK(count(v, "partly inside target button") == 1);
    // A label wider than its button, centred on it, spills out of both sides.
    f.texts = {line("a label far wider than its button", 60, 114, 200, 20)};
    CHECK(count(check_layout(f), "partly inside target button") == 1);
    // A link in a line of running text: its target is centred on the line, within its width.
    f.targets = {target("reader.term.digital-economy", 100, 100, 120, 48)};
    f.texts = {line("a line of text with a link in it", 20, 115, 400, 18)};
    CHECK(check_layout(f).empty());
    // The line under it, which the link's taller target reaches into, is not the link's.
    f.texts.push_back(line("the next line", 20, 140, 400, 18));
    CHECK(count(check_layout(f), "'the next line'") == 1);
}

TEST_CASE("the layout check reports what lies off the screen, a target cut off and text that is not UTF-8") {
    LayoutFrame f = frame();
    f.targets = {target("cut", 700, 450, 80, 30)};
    f.targets[0].height = 48;  // 18 px of it below the screen's edge
    f.texts = {line("\xEF\xBF\xBD broken", 10, 10, 80, 20)};
    f.texts[0].valid_utf8 = false;
    const std::vector<std::string> v = check_layout(f);
    CHECK(v.size() == 2);
    CHECK(count(v, "target cut 'cut' [700,450 80x30]: cut off, only 80x30 of its 80x48 px show") == 1);
    CHECK(count(v, "is not valid UTF-8") == 1);
    // The same target at the bottom of a list that scrolls is cut on purpose.
    f.scrolls = {{{0, 100, 800, 480}, false}};
    f.texts.clear();
    CHECK(check_layout(f).empty());
}

TEST_CASE("the text renderer records each run it draws, with its clip, size, script and ellipsis") {
    std::string error;
    auto fonts = text::FontCollection::open(std::string(KIOSK_SOURCE_DIR) + "/assets", &error);
    REQUIRE_MESSAGE(fonts, error);
    ui::TextRenderer renderer(*fonts);
    ui::Font font{&renderer, text::Weight::Regular, 20};
    ImDrawListSharedData shared;
    ImDrawList list(&shared);
    list._ResetForNewFrame();
    list.PushClipRect(ImVec2(0, 0), ImVec2(800, 480));
    renderer.begin_frame("en");
    renderer.draw(&list, font, ImVec2(10, 10), IM_COL32_BLACK, "not recorded");  // not asked to
    CHECK(renderer.probe().text_count() == 0);
    renderer.probe().set_enabled(true);
    renderer.begin_frame("en");
    renderer.draw(&list, font, ImVec2(10.4f, 20), IM_COL32_BLACK, "Hello\nworld, a longer line");
    renderer.draw(&list, font, ImVec2(10, 100), IM_COL32_BLACK, "中文");
    renderer.draw(&list, font, ImVec2(10, 900), IM_COL32_BLACK, "below the screen");   // not visible
    renderer.draw(&list, font, ImVec2(10, 200), IM_COL32(0, 0, 0, 0), "transparent");  // not visible
    renderer.draw_elided(&list, font, ImVec2(10, 300), IM_COL32_BLACK, "Cut to fi");
    list.PushClipRect(ImVec2(0, 400), ImVec2(100, 420));
    renderer.draw(&list, font, ImVec2(50, 405), IM_COL32_BLACK, std::string(60, 'x'));
    list.PopClipRect();
    renderer.probe().set_covered(true);
    renderer.draw(&list, font, ImVec2(10, 440), IM_COL32_BLACK, "under an overlay");
    renderer.probe().set_covered(false);
    const ui::LayoutProbe& probe = renderer.probe();
    REQUIRE(probe.text_count() == 4);
    const ui::TextBox& two_lines = probe.text(0);
    CHECK(two_lines.min.x == 10);
    CHECK(two_lines.min.y == 20);
    CHECK(two_lines.max.y == 20 + 20 + 20);  // two lines round(size) apart
    CHECK(two_lines.max.x == doctest::Approx(10 + renderer.width(font, "world, a longer line")));
    CHECK(two_lines.px == 20);
    CHECK_FALSE(two_lines.chinese);
    CHECK(two_lines.text == "Hello\nworld, a longer line");
    CHECK(probe.text(1).chinese);
    CHECK(probe.text(2).elided);
    CHECK(probe.text(2).text == "Cut to fi\xE2\x80\xA6");
    CHECK(probe.text(2).max.x == doctest::Approx(10 + renderer.width(font, "Cut to fi\xE2\x80\xA6")).epsilon(0.02));
    const ui::TextBox& clipped = probe.text(3);
    CHECK(clipped.clip.x == 0);
    CHECK(clipped.clip.y == 400);
    CHECK(clipped.clip.z == 100);
    CHECK(clipped.clip.w == 420);
    CHECK(clipped.text.size() == ui::kTextBoxBytes);
    CHECK(clipped.valid_utf8);
    renderer.draw(&list, font, ImVec2(10, 460), IM_COL32_BLACK, std::string_view("\x8B\xE6\x97\xB6", 4));
    REQUIRE(probe.text_count() == 5);
    CHECK_FALSE(probe.text(4).valid_utf8);
    CHECK(probe.text(4).text == "\xEF\xBF\xBD\xE6\x97\xB6");
    renderer.begin_frame("en");  // a new frame starts a new record
    CHECK(probe.text_count() == 0);
}

TEST_CASE("a script's dump line writes the screen's text boxes, targets and scroll regions") {
    TempDir dir;
    ContentFixture strings;
    const KioskRun run = run_kiosk_script(
        dir, "wait 200\ndump @DIR@/home.json\n" + strings.tap("search.button", Lang::En) + "wait 300\ndump @DIR@/search.json\n",
        {"--size", "800x480", "--lang", "en"});
    REQUIRE(run.result.exit_code == 0);
    for (const char* screen : {"home", "search"}) {
        std::string dump, error;
        REQUIRE(fs::read_file(dir.file(std::string(screen) + ".json"), &dump));
        LayoutFrame f;
        REQUIRE_MESSAGE(read_layout_frame(dump, &f, &error), error);
        CHECK(f.lang == "en");
        CHECK(f.width == 800);
        CHECK(f.height == 480);
        CHECK(f.targets.size() > 3);
        CHECK(f.texts.size() > 3);
        // Every target's label that is text is one of the boxes.
        const std::string label = screen == std::string("home")
                                      ? strings.translations.get(Lang::En, "search.button")
                                      : strings.translations.get(Lang::En, "search.key_clear");
        const bool drawn =
            std::any_of(f.texts.begin(), f.texts.end(), [&](const LayoutText& t) { return t.text == label; });
        CHECK_MESSAGE(drawn, screen << ": no text box '" << label << "'");
    }
    std::string dump, error;
    REQUIRE(fs::read_file(dir.file("home.json"), &dump));
    LayoutFrame home;
    REQUIRE(read_layout_frame(dump, &home, &error));
    CHECK(home.scrolls.size() >= 1);  // the library scrolls
    // Without --dump-state or a dump line, nothing is recorded: a dump says so.
    LayoutFrame none;
    CHECK_FALSE(read_layout_frame("{\"layout_recorded\": false}", &none, &error));
    CHECK(error.find("layout_recorded") != std::string::npos);
    // A damaged dump is refused with the element and the fields it needs.
    const std::string damaged =
        "{\"layout_recorded\": true, \"language\": \"en\", \"screen_size\": [800, 480], "
        "\"touch_targets\": [], \"scroll_regions\": [], \"text_boxes\": [{\"rect\": [0, 0, 1, 1]}]}";
    CHECK_FALSE(read_layout_frame(damaged, &none, &error));
    CHECK(error == "text_boxes[0] lacks rect, clip, px, script, elided, valid_utf8 or text");
    CHECK_FALSE(read_layout_frame("[1, 2]", &none, &error));
    CHECK(error == "not a JSON object");
}

namespace {

const TourPaths tour_paths(const TempDir& dir, const std::string& content_db) {
    return {KIOSK_BIN, content_db, std::string(KIOSK_SOURCE_DIR) + "/assets", dir.path()};
}

// Fails with every violation, one check per screen that has any, and every screen not reached.
void check_tours(const std::vector<std::pair<int, int>>& sizes, bool largest_text,
                 const std::string& content_db = KIOSK_SCREENS_CONTENT_DB) {
    ContentFixture strings;
    std::string error;
    auto content = ContentStore::open(content_db, &error);
    REQUIRE_MESSAGE(content, error);
    TempDir dir;
    std::vector<Tour> tours;
    for (const auto& [w, h] : sizes)
        for (Lang lang : {Lang::Ru, Lang::Zh, Lang::En}) {
            Tour tour{lang, w, h, false, &strings.translations, content.get()};
            tour.largest_text = largest_text;
            tours.push_back(tour);
        }
    const LayoutCheckReport report = check_tour_layouts(tours, tour_paths(dir, content_db), 2);
    for (const std::string& problem : report.problems) FAIL_CHECK(problem);
    CHECK(!report.screens.empty());
    for (const ScreenLayoutCheck& screen : report.screens)
        if (!screen.violations.empty())
            FAIL_CHECK(screen.run << " " << screen.screen << ": " << screen.violations.size() << " layout violations:\n"
                                  << joined(screen.violations));
    MESSAGE("layout check:\n" << report.text());
}

}  // namespace

TEST_CASE("every screen keeps the layout rules in ru, zh and en at 800x480, 1024x600, 1920x1080 and 1080x1920") {
    check_tours({{800, 480}, {1024, 600}, {1920, 1080}, {1080, 1920}}, false);
}

TEST_CASE("every screen keeps the layout rules at 480x800, 640x480, 2560x1440 and 3840x2160") {
    check_tours({{480, 800}, {640, 480}, {2560, 1440}, {3840, 2160}}, false);
}

TEST_CASE("every screen keeps the layout rules at the largest text size on 800x480") {
    check_tours({{800, 480}}, true);
}

TEST_CASE("every screen keeps the layout rules with titles and summaries twice as long as today's") {
    // The bundled sources, each document's title, short title and summary said twice over.
    TempDir dir;
    const std::string db = dir.file("db");
    std::filesystem::copy(std::string(KIOSK_SOURCE_DIR) + "/db", db, std::filesystem::copy_options::recursive);
    int doubled = 0;
    for (const std::string& name : kiosk::core::fs::list_files(db + "/documents", ".txt")) {
        const std::string path = db + "/documents/" + name;
        std::string text = kiosk::test::read_text(path), out;
        size_t start = 0;
        while (start < text.size()) {
            size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            std::string line = text.substr(start, end - start);
            start = end + 1;
            for (const char* field : {"title.", "short_title.", "summary."}) {
                const size_t colon = line.find(": ");
                if (line.rfind(field, 0) != 0 || colon == std::string::npos || colon > 16) continue;
                const std::string value = line.substr(colon + 2);
                line += (line.compare(colon - 2, 2, "zh") == 0 ? "" : " ") + value;
                ++doubled;
                break;
            }
            out += line + "\n";
        }
        kiosk::test::write_text(path, out);
    }
    REQUIRE(doubled >= 5 * 9);  // five documents, three fields in three languages
    const std::string content = dir.file("content.db");
    const CommandResult built = kiosk::test::run_command({KIOSKCTL_BIN, "build", db, content});
    REQUIRE_MESSAGE(built.exit_code == 0, built.err);
    check_tours({{800, 480}, {1080, 1920}}, false, content);
}
