// The top bar at every class of screen (issue 19): every control there, fingertip-sized and
// apart, the corner left blank for the organizer's gesture, Home from anywhere, the text size
// control that toggles its panel, and a rotation set while the kiosk runs.
#include "kiosk_runner.h"
#include "platform/sdl_display.h"
#include "ui/theme.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

using namespace kiosk::test;

namespace {

const std::vector<std::string> kSizes = {"800x480", "1024x600", "1920x1080", "1080x1920", "480x800", "640x480"};
const std::vector<std::string> kLangs = {"ru", "zh", "en"};
// The newest document: its card is the first on home, in view on every panel.
const std::string kOpenDocument = "wait 200\ntap-id home.document.2025-digital-economy-statement\nwait 300\n";
const std::string kLargestText = "tap-id top.a11y\ntap-id a11y.larger\ntap-id top.a11y\nwait 200\n";

struct Box {
    std::string id;
    double x0, y0, x1, y1;
};

std::vector<Box> boxes(const JsonValue& state, bool top_bar_only) {
    std::vector<Box> out;
    for (const JsonValue& t : state["touch_targets"].array) {
        const std::string& id = t["id"].string;
        const bool in_bar = id.rfind("top.", 0) == 0 || (id.size() > 5 && id.compare(id.size() - 5, 5, ".back") == 0);
        if (top_bar_only && !in_bar) continue;
        out.push_back({id, t["x"].number, t["y"].number, t["x"].number + t["w"].number, t["y"].number + t["h"].number});
    }
    return out;
}

// The distance between two boxes: 0 when they touch or overlap.
double gap(const Box& a, const Box& b) {
    const double dx = std::max({0.0, b.x0 - a.x1, a.x0 - b.x1}), dy = std::max({0.0, b.y0 - a.y1, a.y0 - b.y1});
    return std::max(dx, dy);
}

void check_top_bar(const JsonValue& state, const std::vector<std::string>& expected) {
    const double width = state["screen_size"].array.at(0).number;
    const std::vector<Box> bar = boxes(state, true);
    for (const std::string& id : expected) CHECK_MESSAGE(has_target_id(state, id), id);
    for (size_t i = 0; i < bar.size(); ++i) {
        CAPTURE(bar[i].id);
        CHECK(bar[i].x1 - bar[i].x0 >= 48);
        CHECK(bar[i].y1 - bar[i].y0 >= 48);
        CHECK(bar[i].x0 >= 0);
        CHECK(bar[i].x1 <= width);
        // The top-right corner (where Tour::corner() taps) holds no control.
        CHECK_FALSE((bar[i].x1 > width - 4 && bar[i].y0 < 4));
        for (size_t j = i + 1; j < bar.size(); ++j) {
            CAPTURE(bar[j].id);
            CHECK(gap(bar[i], bar[j]) >= 7.99);
        }
    }
}

std::string five_taps(const std::string& line) {
    std::string s;
    for (int i = 0; i < 5; ++i) s += line + "\n";
    return s + "wait 100\n";
}

}  // namespace

TEST_CASE("the top bar holds every control, 48 px and 8 px apart, at every class and language") {
    for (const std::string& size : kSizes) {
        for (const std::string& lang : kLangs) {
            CAPTURE(size);
            CAPTURE(lang);
            TempDir home_dir, reader_dir;
            auto home = run_kiosk_script(home_dir, "wait 200\n", {"--size", size, "--lang", lang});
            REQUIRE_MESSAGE(home.result.exit_code == 0, home.result.err);
            check_top_bar(home.state, {"top.search", "top.a11y", "top.language.ru", "top.language.zh", "top.language.en"});
            auto reader = run_kiosk_script(reader_dir, kOpenDocument, {"--size", size, "--lang", lang});
            REQUIRE_MESSAGE(reader.result.exit_code == 0, reader.result.err);
            REQUIRE(reader.state["screen"].string == "reader");
            check_top_bar(reader.state, {"reader.back", "top.home", "top.search", "top.a11y", "top.language.ru",
                                         "top.language.zh", "top.language.en"});
        }
    }
}

TEST_CASE("the top bar holds at the largest text size on the smallest panels") {
    for (const char* size : {"800x480", "640x480", "480x800"}) {
        for (const std::string& lang : kLangs) {
            CAPTURE(size);
            CAPTURE(lang);
            TempDir dir;
            auto run = run_kiosk_script(dir, kOpenDocument + kLargestText, {"--size", size, "--lang", lang});
            REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
            CHECK(run.state["text_size"].number == 2);
            check_top_bar(run.state, {"reader.back", "top.home", "top.search", "top.a11y", "top.language.en"});
        }
    }
}

TEST_CASE("Home returns home from a lesson, forgetting the way there") {
    TempDir dir;
    ContentFixture fixture;
    const std::string lesson = fixture.content->lessons().at(0).id;
    auto run = run_kiosk_script(dir, "wait 200\ntap-id home.lessons\nwait 200\ntap-id lessons.lesson." + lesson +
                                         "\nwait 300\ntap-id top.home\nwait 300\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["screen"].string == "home");
    CHECK(run.state["back_stack"].array.empty());
    CHECK_FALSE(has_target_id(run.state, "top.home"));  // not on home itself
}

TEST_CASE("the text size control toggles its panel, and the top bar stays usable above it") {
    TempDir dir, dir2, dir3;
    auto open = run_kiosk_script(dir, kOpenDocument + "tap-id top.a11y\nwait 200\n");
    REQUIRE_MESSAGE(open.result.exit_code == 0, open.result.err);
    CHECK(open.state["overlay"].string == "accessibility");
    // The panel opens below the bar: none of its targets reaches up into it.
    double bar_bottom = 0;
    for (const Box& b : boxes(open.state, true)) bar_bottom = std::max(bar_bottom, b.y1);
    for (const Box& b : boxes(open.state, false))
        if (b.id.rfind("a11y.", 0) == 0) CHECK(b.y0 > bar_bottom);

    auto closed = run_kiosk_script(dir2, kOpenDocument + "tap-id top.a11y\nwait 200\ntap-id top.a11y\nwait 200\n");
    REQUIRE_MESSAGE(closed.result.exit_code == 0, closed.result.err);
    CHECK(closed.state["overlay"].is_null());

    auto language =
        run_kiosk_script(dir3, kOpenDocument + "tap-id top.a11y\nwait 200\ntap-id top.language.en\nwait 200\n");
    REQUIRE_MESSAGE(language.result.exit_code == 0, language.result.err);
    CHECK(language.state["language"].string == "en");
    CHECK(language.state["overlay"].string == "accessibility");
}

TEST_CASE("the accessibility panel fits under the bar on small and portrait panels, at the largest text") {
    for (const char* size : {"800x480", "640x480", "480x800", "1080x1920"}) {
        CAPTURE(size);
        TempDir dir;
        auto run = run_kiosk_script(dir, kOpenDocument + kLargestText + "tap-id top.a11y\nwait 200\n",
                                    {"--size", size, "--lang", "ru"});
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        const double width = run.state["screen_size"].array.at(0).number;
        const double height = run.state["screen_size"].array.at(1).number;
        std::vector<Box> panel;
        for (const Box& b : boxes(run.state, false))
            if (b.id.rfind("a11y.", 0) == 0) panel.push_back(b);
        REQUIRE(panel.size() >= 6);  // close, smaller, larger, two contrasts, and the reading speeds
        for (size_t i = 0; i < panel.size(); ++i) {
            CAPTURE(panel[i].id);
            CHECK(panel[i].x0 >= 0);
            CHECK(panel[i].x1 <= width);
            CHECK(panel[i].y1 <= height);
            CHECK(panel[i].x1 - panel[i].x0 >= 48);
            for (size_t j = i + 1; j < panel.size(); ++j) CHECK(gap(panel[i], panel[j]) >= 7.99);
        }
    }
}

TEST_CASE("five taps on a control in the corner never open the PIN pad, five in the blank corner do") {
    TempDir dir;
    auto on_english = run_kiosk_script(dir, five_taps("tap-id top.language.en"), {"--size", "1920x1080"});
    REQUIRE_MESSAGE(on_english.result.exit_code == 0, on_english.result.err);
    CHECK(on_english.state["screen"].string == "home");
    CHECK(on_english.state["language"].string == "en");
    for (const std::string& size : kSizes) {
        CAPTURE(size);
        TempDir corner_dir;
        const int width = std::stoi(size.substr(0, size.find('x')));
        auto corner = run_kiosk_script(corner_dir, kOpenDocument + five_taps("tap " + std::to_string(width - 4) + " 4"),
                                       {"--size", size});
        REQUIRE_MESSAGE(corner.result.exit_code == 0, corner.result.err);
        CHECK(corner.state["screen"].string == "pin");
    }
}

TEST_CASE("a rotation set while a visitor reads lays the same screen out for its new class") {
    TempDir dir;
    auto run = run_kiosk_script(dir, kOpenDocument + "setting rotation 90\nwait 1200\nshot @DIR@/turned.png\n",
                                {"--size", "1920x1080"});
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["screen"].string == "reader");
    CHECK(run.state["document"].string == "2025-digital-economy-statement");
    CHECK(run.state["rotation"].number == 90);
    REQUIRE(run.state["screen_size"].array.size() == 2);
    CHECK(run.state["screen_size"].array[0].number == 1080);
    CHECK(run.state["screen_size"].array[1].number == 1920);
    CHECK(run.state["screen_class"].string == "portrait");
    // Laid out for the portrait class: the top bar's controls are inside the 1080 px width.
    check_top_bar(run.state, {"reader.back", "top.home", "top.search", "top.a11y", "top.language.en"});

    TempDir back_dir;
    auto back = run_kiosk_script(back_dir, kOpenDocument + "setting rotation 90\nwait 1200\nsetting rotation 0\nwait 1200\n",
                                 {"--size", "800x480"});
    REQUIRE_MESSAGE(back.result.exit_code == 0, back.result.err);
    CHECK(back.state["screen"].string == "reader");
    CHECK(back.state["screen_class"].string == "small");
    CHECK(back.state["screen_size"].array[0].number == 800);
}

TEST_CASE("a setting the script cannot store stops it with the line and the reason") {
    TempDir dir;
    auto run = run_kiosk_script(dir, "setting rotation 45\n");
    CHECK(run.result.exit_code == 2);
    CHECK(run.result.err.find(":1:") != std::string::npos);
    CHECK(run.result.err.find("rotation") != std::string::npos);
}

TEST_CASE("a development window fits the desktop's usable area in 16:9") {
    // A 1280x800 desktop with a 27 px panel on top, and a 30 px title bar.
    const kiosk::platform::WindowFit fit = kiosk::platform::fit_window(0, 27, 1280, 773, 0, 30);
    CHECK(fit.width * 9 == fit.height * 16);
    CHECK(fit.height + 30 <= 773);
    CHECK(fit.width <= 1280);
    CHECK(fit.y - 30 >= 27);
    CHECK(fit.y + fit.height <= 27 + 773);
    CHECK(fit.width >= 1280 - 16 * 3);  // as large as fits, not a token window
    // A wide desktop: the height decides, and the window is centred.
    const kiosk::platform::WindowFit wide = kiosk::platform::fit_window(0, 0, 3440, 1400, 0, 0);
    CHECK(wide.height <= 1400);
    CHECK(wide.width * 9 == wide.height * 16);
    CHECK(wide.x == (3440 - wide.width) / 2);
}

TEST_CASE("portrait screens get a two-row top bar, and the corner is at least a fingertip wide") {
    for (const auto& [w, h] : {std::pair{1080.0f, 1920.0f}, std::pair{480.0f, 800.0f}}) {
        const kiosk::ui::Metrics m = kiosk::ui::Metrics::at(kiosk::ui::ScreenLayout::for_size(w, h));
        CHECK(m.top_bar_height == doctest::Approx(m.top_bar_row_height * 2));
        CHECK(m.top_bar_row_height >= m.button_height * 0.9f + 16);  // 8 px above and below each control
    }
    for (const auto& [w, h] : {std::pair{800.0f, 480.0f}, std::pair{640.0f, 480.0f}, std::pair{1920.0f, 1080.0f}}) {
        const kiosk::ui::Metrics m = kiosk::ui::Metrics::at(kiosk::ui::ScreenLayout::for_size(w, h));
        CHECK(m.top_bar_height == doctest::Approx(m.top_bar_row_height));
        CHECK(m.admin_corner >= 48);
        CHECK(m.top_bar_gap >= 8);
    }
}
