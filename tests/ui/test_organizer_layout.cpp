// The organizer's screens on the panels the kiosk ships with (issue 19). The PIN pad: every key
// on the screen, at least 48 px and 8 px from the next, whatever the size, and a field that shows
// a dot per digit typed but never the PIN's length before anything is typed. The statistics
// dashboard: its controls on the screen, and a page that scrolls on small screens and portrait.
#include "kiosk_runner.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

using namespace kiosk::test;

namespace {

// The five taps in the top-right corner that open the organizer's PIN pad at `width`.
std::string corner_taps(int width) {
    std::string script;
    for (int i = 0; i < 5; ++i) script += "tap " + std::to_string(width - 4) + " 4\n";
    return script + "wait 100\n";
}

struct Rect {
    std::string id;
    double x, y, w, h;
};

// The pad's keys (ids pin.*) as the dump lists them: their full size and their visible part.
std::vector<Rect> pad_keys(const JsonValue& state, std::vector<Rect>* visible) {
    std::vector<Rect> keys;
    for (const JsonValue& target : state["touch_targets"].array) {
        const std::string& id = target["id"].string;
        if (id.rfind("pin.digit.", 0) != 0 && id != "pin.delete" && id != "pin.ok") continue;
        keys.push_back({target["id"].string, target["x"].number, target["y"].number, target["w"].number, target["h"].number});
        const auto& v = target["visible"].array;
        visible->push_back({target["id"].string, v[0].number, v[1].number, v[2].number, v[3].number});
    }
    return keys;
}

// The gap between two rectangles: 0 when they touch or overlap.
double gap_between(const Rect& a, const Rect& b) {
    const double dx = std::max({0.0, b.x - (a.x + a.w), a.x - (b.x + b.w)});
    const double dy = std::max({0.0, b.y - (a.y + a.h), a.y - (b.y + b.h)});
    return std::max(dx, dy);
}

void check_pad(const JsonValue& state, int width, int height) {
    std::vector<Rect> visible;
    const std::vector<Rect> keys = pad_keys(state, &visible);
    REQUIRE(keys.size() == 12);  // ten digits, Delete and Enter
    for (size_t i = 0; i < keys.size(); ++i) {
        CAPTURE(keys[i].id);
        // Wholly on the screen: what can be seen is all of the key.
        CHECK(visible[i].w == doctest::Approx(keys[i].w));
        CHECK(visible[i].h == doctest::Approx(keys[i].h));
        CHECK(keys[i].x >= 0);
        CHECK(keys[i].y >= 0);
        CHECK(keys[i].x + keys[i].w <= width);
        CHECK(keys[i].y + keys[i].h <= height);
        CHECK(keys[i].w >= 48);
        CHECK(keys[i].h >= 48);
        for (size_t j = i + 1; j < keys.size(); ++j) {
            CAPTURE(keys[j].id);
            CHECK(gap_between(keys[i], keys[j]) >= 7.99);  // 8 px, to float rounding
        }
    }
}

}  // namespace

TEST_CASE("every PIN pad key is on the screen, at least 48 px and 8 px apart, on every panel size") {
    for (const auto& [width, height] : std::vector<std::pair<int, int>>{
             {800, 480}, {1024, 600}, {1920, 1080}, {1080, 1920}, {480, 800}, {640, 360}, {640, 480}, {3840, 2160}}) {
        const std::string size = std::to_string(width) + "x" + std::to_string(height);
        CAPTURE(size);
        for (const std::string lang : {"ru", "zh", "en"}) {
            CAPTURE(lang);
            TempDir dir;
            set_pin(dir, kOrganizerTestPin);
            KioskRun run = run_kiosk_script(dir, corner_taps(width), {"--size", size, "--lang", lang});
            REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
            REQUIRE(run.state["screen"].string == "pin");
            check_pad(run.state, width, height);
        }
    }
}

TEST_CASE("the PIN pad keeps its keys on the screen while it explains that no PIN is set") {
    // No PIN set: the longest message the pad shows, at the largest text size on the smallest panel.
    for (const std::string size : {"800x480", "640x360", "480x800"}) {
        CAPTURE(size);
        TempDir dir;
        const int width = std::stoi(size);
        const int height = std::stoi(size.substr(size.find('x') + 1));
        KioskRun run = run_kiosk_script(dir, "tap-id top.a11y\ntap-id a11y.larger\n" + corner_taps(width),
                                        {"--size", size, "--lang", "ru"});
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        REQUIRE(run.state["screen"].string == "pin");
        CHECK(run.state["pin_locked"].string == "no_pin");
        CHECK(run.state["text_size"].number == 2);
        check_pad(run.state, width, height);
    }
}

TEST_CASE("the PIN pad shows no dots before a digit is typed, then one per digit") {
    TempDir dir;
    set_pin(dir, kOrganizerTestPin);
    SUBCASE("opened") {
        KioskRun run = run_kiosk_script(dir, corner_taps(800), {"--size", "800x480"});
        REQUIRE(run.state["screen"].string == "pin");
        CHECK(run.state["pin_dots"].number == 0);  // nothing tells the PIN's length
    }
    SUBCASE("two digits typed") {
        KioskRun run = run_kiosk_script(dir, corner_taps(800) + "tap-label 5\ntap-label 8\n", {"--size", "800x480"});
        CHECK(run.state["pin_dots"].number == 2);
    }
    SUBCASE("typed and deleted again") {
        KioskRun run = run_kiosk_script(dir, corner_taps(800) + "tap-label 5\ntap-id pin.delete\n", {"--size", "800x480"});
        CHECK(run.state["pin_dots"].number == 0);
    }
    SUBCASE("a wrong PIN clears the field") {
        KioskRun run = run_kiosk_script(dir,
                                        corner_taps(800) + "tap-label 1\ntap-label 2\ntap-label 3\ntap-label 4\n"
                                                           "tap-id pin.ok\nwait 100\n",
                                        {"--size", "800x480"});
        CHECK(run.state["pin_failures"].number == 1);
        CHECK(run.state["pin_dots"].number == 0);
    }
}

TEST_CASE("the statistics dashboard keeps its controls on small panels and in portrait, and its page scrolls") {
    for (const auto& [width, height] : std::vector<std::pair<int, int>>{{800, 480}, {1080, 1920}, {480, 800}}) {
        const std::string size = std::to_string(width) + "x" + std::to_string(height);
        CAPTURE(size);
        TempDir dir;
        set_pin(dir, kOrganizerTestPin);
        const std::string open = corner_taps(width) + enter_pin(kOrganizerTestPin) + "tap-id admin.stats\nwait 300\n";
        KioskRun still = run_kiosk_script(dir, open, {"--size", size, "--lang", "ru"});
        REQUIRE_MESSAGE(still.result.exit_code == 0, still.result.err);
        REQUIRE(still.state["screen"].string == "stats");
        check_target_sizes(still.state);
        const JsonValue* report = nullptr;
        for (const JsonValue& target : still.state["touch_targets"].array) {
            if (target["id"].string.rfind("stats.", 0) != 0) continue;
            CAPTURE(target["id"].string);
            const auto& v = target["visible"].array;
            CHECK(v[2].number == doctest::Approx(target["w"].number));  // wholly on the screen
            CHECK(v[3].number == doctest::Approx(target["h"].number));
            CHECK(target["x"].number + target["w"].number <= width);
            CHECK(target["y"].number + target["h"].number <= height);
            if (target["id"].string == "stats.report") report = &target;
        }
        REQUIRE(report);
        const std::string drag = "drag " + std::to_string(width / 2) + " " + std::to_string(height - 20) + " " +
                                 std::to_string(width / 2) + " " + std::to_string(height / 3) + " 300\nwait 1500\n";
        KioskRun scrolled = run_kiosk_script(dir, open + drag, {"--size", size, "--lang", "ru"});
        const JsonValue* moved = nullptr;
        for (const JsonValue& target : scrolled.state["touch_targets"].array)
            if (target["id"].string == "stats.report") moved = &target;
        CHECK((!moved || (*moved)["y"].number < (*report)["y"].number));  // moved up with the page, or out of view
    }
}
