// Home on the panels the kiosk ships with (issue 19): a hero band names the exhibit, the
// document cards carry their short titles, distinct in every language, and every target is
// inside the screen, at least 48 px and 8 px clear of the others, in ru, zh and en at
// 800x480, 1024x600, 1920x1080 and portrait 1080x1920, before and after scrolling to the end.
#include "core/content_store.h"
#include "kiosk_runner.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using kiosk::core::Lang;
using kiosk::test::JsonValue;
using kiosk::test::KioskRun;
using kiosk::test::run_kiosk_script;
using kiosk::test::TempDir;

namespace {

using Rect = kiosk::test::TargetRect;
using kiosk::test::visible_rect;

// The distance between two rectangles (0 when they touch or overlap), and whether they overlap.
double gap_between(const Rect& a, const Rect& b) {
    const double dx = std::max({0.0, b.x - (a.x + a.w), a.x - (b.x + b.w)});
    const double dy = std::max({0.0, b.y - (a.y + a.h), a.y - (b.y + b.h)});
    return std::max(dx, dy);
}
bool overlap(const Rect& a, const Rect& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// Checks one dump of home and adds the labels of the document cards it shows to `cards`.
void check_home(const KioskRun& run, int width, int height, std::set<std::string>* cards) {
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    const JsonValue& state = run.state;
    REQUIRE(state["screen"].string == "home");
    CHECK(state["missing_glyphs"].number == 0);
    const JsonValue& home = state["home"];
    CHECK(home["card_columns"].number >= 1);
    CHECK(home["tile_columns"].number >= 1);
    std::vector<std::pair<std::string, Rect>> targets;
    for (const JsonValue& target : state["touch_targets"].array) {
        const std::string& id = target["id"].string;
        CAPTURE(id);
        const Rect r = visible_rect(target);
        // Inside the screen, and at least a fingertip however much of it is scrolled into view.
        CHECK(r.x >= 0);
        CHECK(r.y >= 0);
        CHECK(r.x + r.w <= width + 0.5);
        CHECK(r.y + r.h <= height + 0.5);
        CHECK(target["w"].number >= 48);
        CHECK(target["h"].number >= 48);
        if (starts_with(id, "home.document.")) {
            cards->insert(target["label"].string);
            CHECK(target["h"].number <= height * 0.75);  // a card can be seen whole under the top bar
        }
        targets.emplace_back(id, r);
    }
    // Home's own targets never overlap anything and keep 8 px from every other target.
    for (size_t i = 0; i < targets.size(); ++i)
        for (size_t j = i + 1; j < targets.size(); ++j) {
            if (!starts_with(targets[i].first, "home.") && !starts_with(targets[j].first, "home.")) continue;
            CAPTURE(targets[i].first);
            CAPTURE(targets[j].first);
            CHECK_FALSE(overlap(targets[i].second, targets[j].second));
            CHECK(gap_between(targets[i].second, targets[j].second) >= 8 - 0.5);
        }
}

void check_home_at(int width, int height) {
    auto content = kiosk::test::open_factory_content();
    REQUIRE(content);
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    // Three long upward drags reach the end of the page; the wait lets a fling settle.
    std::string to_end;
    for (int i = 0; i < 3; ++i)
        to_end += "drag " + std::to_string(width / 2) + " " + std::to_string(height * 8 / 10) + " " +
                  std::to_string(width / 2) + " " + std::to_string(height * 3 / 10) + " 400\nwait 300\n";
    to_end += "wait 2500\n";
    for (Lang lang : kiosk::core::kAllLangs) {
        const std::string code = kiosk::core::lang_code(lang);
        CAPTURE(size);
        CAPTURE(code);
        const std::vector<std::string> args = {"--size", size, "--lang", code};
        std::set<std::string> cards;
        TempDir top_dir, end_dir;
        KioskRun top = run_kiosk_script(top_dir, "wait 200\n", args);
        check_home(top, width, height, &cards);
        // The hero names the exhibit at the top of the page, without eating the cards' room.
        const JsonValue& hero = top.state["home"]["hero"];
        REQUIRE(hero.array.size() == 4);
        CHECK(hero.array[0].number >= 0);
        CHECK(hero.array[1].number >= 0);
        CHECK(hero.array[2].number >= width * 0.5);
        CHECK(hero.array[3].number >= 48);
        CHECK(hero.array[3].number <= height * 0.25);
        check_home(run_kiosk_script(end_dir, to_end, args), width, height, &cards);
        // Every document has its card, under its short title, and no two read alike.
        std::set<std::string> expected;
        for (const kiosk::core::Document& doc : content->documents()) {
            CHECK_FALSE(doc.info.short_title[lang].empty());
            expected.insert(doc.info.card_title(lang));
        }
        CHECK(expected.size() == content->documents().size());
        CHECK(cards == expected);
    }
}

}  // namespace

TEST_CASE("home on a 7-inch 800x480 panel: hero, short titles, targets inside and clear") { check_home_at(800, 480); }

TEST_CASE("home on a 1024x600 panel: hero, short titles, targets inside and clear") { check_home_at(1024, 600); }

TEST_CASE("home at 1920x1080: hero, short titles, targets inside and clear") { check_home_at(1920, 1080); }

TEST_CASE("home in portrait 1080x1920: hero, short titles, targets inside and clear") { check_home_at(1080, 1920); }

TEST_CASE("home cards take one or two columns in portrait and more on a wide screen") {
    const struct {
        const char* size;
        int min_columns, max_columns;
    } cases[] = {{"480x800", 1, 1}, {"1080x1920", 2, 2}, {"1920x1080", 3, 3}, {"800x480", 2, 2}};
    for (const auto& c : cases) {
        const std::string size = c.size;
        CAPTURE(size);
        TempDir dir;
        KioskRun run = run_kiosk_script(dir, "wait 200\n", {"--size", c.size, "--lang", "en"});
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        const double columns = run.state["home"]["card_columns"].number;
        CHECK(columns >= c.min_columns);
        CHECK(columns <= c.max_columns);
    }
}
