// The theme is the one place that decides sizes and colours: screens take named metrics and
// palette entries, never a `px(<number>)` or a colour of their own.
#include "ui/fonts.h"
#include "ui/theme.h"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace {

// `px(` whose argument starts with a number: a size written at the call instead of in Metrics.
const std::regex kLiteralPx(R"(\bpx\(\s*-?[0-9.])");
// A colour written at the call instead of taken from the palette.
const std::regex kLiteralColour(R"(\bIM_COL32\()");

// Every `file:line: text` in kiosk/ui, outside theme.h and theme.cpp, that matches `pattern`
// (and, for colours, outside overview_widgets.cpp: a QR code stays dark on white to scan, and
// member flag colours come from the content).
std::vector<std::string> lines_matching(const std::regex& pattern) {
    std::vector<std::string> found;
    const std::filesystem::path dir = std::filesystem::path(KIOSK_SOURCE_DIR) / "kiosk" / "ui";
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name == "theme.h" || name == "theme.cpp") continue;
        if (&pattern == &kLiteralColour && name == "overview_widgets.cpp") continue;
        if (entry.path().extension() != ".cpp" && entry.path().extension() != ".h") continue;
        std::ifstream in(entry.path());
        std::string line;
        for (int number = 1; std::getline(in, line); ++number)
            if (std::regex_search(line, pattern)) found.push_back(name + ":" + std::to_string(number) + ": " + line);
    }
    return found;
}

// WCAG relative luminance and contrast ratio of two opaque colours.
double luminance(ImU32 color) {
    auto channel = [](unsigned value) {
        const double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel((color >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152 * channel((color >> IM_COL32_G_SHIFT) & 0xFF) +
           0.0722 * channel((color >> IM_COL32_B_SHIFT) & 0xFF);
}

double contrast(ImU32 a, ImU32 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

unsigned alpha(ImU32 color) { return (color >> IM_COL32_A_SHIFT) & 0xFF; }

}  // namespace

TEST_CASE("the literal size check finds px with a number and passes named metrics") {
    CHECK(std::regex_search("    y += ctx.px(12);", kLiteralPx));
    CHECK(std::regex_search("AddRect(a, b, c, 0, 0, theme.px( 2.5f ))", kLiteralPx));
    CHECK(std::regex_search("ctx.px(8 + 3 * i)", kLiteralPx));
    CHECK(std::regex_search("ctx.px(.5f)", kLiteralPx));
    CHECK_FALSE(std::regex_search("y += ctx.metrics().space_related;", kLiteralPx));
    CHECK_FALSE(std::regex_search("const float px = x + query_width;", kLiteralPx));
}

TEST_CASE("no screen in kiosk/ui sizes with px and a number literal") {
    std::string report;
    for (const std::string& line : lines_matching(kLiteralPx)) report += "\n  " + line;
    // Name each size by its role in Metrics (kiosk/ui/theme.h) instead.
    CHECK_MESSAGE(report.empty(), "sizes written as px(<number>):", report);
}

namespace {
kiosk::ui::ScreenLayout layout_at(float scale) {
    kiosk::ui::ScreenLayout layout;
    layout.scale = scale;
    layout.text_scale = scale;
    return layout;
}
}  // namespace

TEST_CASE("metrics are scaled once from design pixels and keep touch floors") {
    const kiosk::ui::Metrics full = kiosk::ui::Metrics::at(layout_at(1.0f));
    const kiosk::ui::Metrics half = kiosk::ui::Metrics::at(layout_at(0.5f));
    CHECK(full.space_card == doctest::Approx(24));
    CHECK(half.space_card == doctest::Approx(12));
    CHECK(half.pad_card_large == doctest::Approx(full.pad_card_large * 0.5f));
    CHECK(half.sidebar_max_width == doctest::Approx(full.sidebar_max_width * 0.5f));
    // Fingertips do not shrink with the screen.
    CHECK(full.min_target == doctest::Approx(48));
    CHECK(half.min_target == doctest::Approx(48));
    CHECK(half.button_height == doctest::Approx(64));
    CHECK(half.top_bar_height == doctest::Approx(84));
    CHECK(kiosk::ui::Metrics::at(layout_at(2.0f)).button_height == doctest::Approx(152));
    // Both themes carry the metrics of their scale.
    CHECK(kiosk::ui::Theme::standard(layout_at(1.5f)).metrics.space_card == doctest::Approx(36));
    CHECK(kiosk::ui::Theme::contrast(layout_at(1.5f)).metrics.space_card == doctest::Approx(36));
    CHECK(kiosk::ui::Theme::contrast(layout_at(1.5f)).corner() == doctest::Approx(24));
}

TEST_CASE("controls that hold text follow the text scale, spacing follows the screen") {
    kiosk::ui::ScreenLayout small = kiosk::ui::ScreenLayout::for_size(800, 480);
    const kiosk::ui::Metrics m = kiosk::ui::Metrics::at(small);
    CHECK(m.space_card == doctest::Approx(24 * small.scale));
    CHECK(m.search_field_height == doctest::Approx(104 * small.text_scale));
    CHECK(m.search_field_height > 104 * small.scale);
}

TEST_CASE("the screen class and scales follow the panel, in both orientations") {
    using kiosk::ui::ScreenClass;
    using kiosk::ui::ScreenLayout;
    struct Case {
        float w, h;
        ScreenClass cls;
        float scale, text_scale;
    };
    const Case cases[] = {
        {800, 480, ScreenClass::SmallLandscape, 800 / 1920.0f, 0.6f},
        {1024, 600, ScreenClass::SmallLandscape, 1024 / 1920.0f, 0.6f},
        {640, 480, ScreenClass::SmallLandscape, 640 / 1920.0f, 0.6f},
        {1280, 800, ScreenClass::LargeLandscape, 1280 / 1920.0f, 1280 / 1920.0f},
        {1920, 1080, ScreenClass::LargeLandscape, 1, 1},
        {3840, 2160, ScreenClass::LargeLandscape, 2, 2},
        // A portrait panel is measured like the same panel turned: 1080x1920 is 1, not 0.56.
        {1080, 1920, ScreenClass::Portrait, 1, 1},
        {480, 800, ScreenClass::Portrait, 800 / 1920.0f, 0.6f},
    };
    for (const Case& c : cases) {
        CAPTURE(c.w);
        CAPTURE(c.h);
        const ScreenLayout layout = ScreenLayout::for_size(c.w, c.h);
        CHECK(layout.cls == c.cls);
        CHECK(layout.scale == doctest::Approx(c.scale));
        CHECK(layout.text_scale == doctest::Approx(c.text_scale));
    }
    CHECK(std::string(kiosk::ui::screen_class_name(ScreenClass::Portrait)) == "portrait");
}

TEST_CASE("high contrast reaches the card shadows and the attract loop") {
    const kiosk::ui::Palette standard = kiosk::ui::Theme::standard(layout_at(1.0f)).colors;
    const kiosk::ui::Palette high = kiosk::ui::Theme::contrast(layout_at(1.0f)).colors;
    CHECK(alpha(standard.shadow) > 0);
    CHECK(alpha(high.shadow) == 0);  // no soft shadow on black: cards get an outline instead
    for (const kiosk::ui::Palette* c : {&standard, &high}) {
        const ImU32 band = c->attract_band | IM_COL32_A_MASK;
        CHECK(contrast(c->attract_band_text, band) >= 4.5);
        for (ImU32 corner : c->attract_gradient) {
            CHECK(contrast(c->attract_text, corner) >= 4.5);
        }
    }
    // And no screen brings a colour of its own, which high contrast would not reach.
    std::string report;
    for (const std::string& line : lines_matching(kLiteralColour)) report += "\n  " + line;
    CHECK_MESSAGE(report.empty(), "colours written as IM_COL32(...) instead of palette entries:", report);
    // In high contrast the loop is white and yellow on black, like every other screen.
    for (ImU32 corner : high.attract_gradient) CHECK(luminance(corner) == doctest::Approx(0));
    CHECK(high.attract_band == high.primary);
    CHECK(high.attract_quote_bar == high.accent);
    CHECK(contrast(high.attract_text_soft, high.attract_gradient[0]) >= 7.0);
}

TEST_CASE("text keeps its floors on the smallest panel, grows with Aa, and Chinese is a step larger") {
    using kiosk::ui::FontRole;
    using kiosk::ui::Script;
    kiosk::ui::FontSet fonts;
    fonts.build(nullptr, kiosk::ui::ScreenLayout::for_size(800, 480).text_scale);
    for (int step = 0; step < kiosk::ui::kTextSizeSteps; ++step) {
        CAPTURE(step);
        CHECK(fonts.get(FontRole::Small, step)->size >= kiosk::ui::kMinSmallTextPx);
        CHECK(fonts.get(FontRole::Regular, step)->size >= kiosk::ui::kMinBodyTextPx);
        CHECK(fonts.reader(step)->size >= kiosk::ui::kMinBodyTextPx);
        for (FontRole role : {FontRole::Small, FontRole::Regular, FontRole::Medium, FontRole::Title}) {
            CHECK(fonts.get(role, step, Script::Chinese)->size > fonts.get(role, step)->size);
            if (step > 0) CHECK(fonts.get(role, step)->size >= fonts.get(role, step - 1)->size);
        }
    }
    // The largest text size is visibly larger than the default, for every role.
    CHECK(fonts.get(FontRole::Regular, 2)->size >= fonts.get(FontRole::Regular, 1)->size * 1.2f);
    CHECK(fonts.reader(2)->size >= fonts.reader(1)->size * 1.2f);
    // At 1920x1080 the medium size is the design size.
    fonts.build(nullptr, 1.0f);
    CHECK(fonts.get(FontRole::Regular)->size == doctest::Approx(30));
    CHECK(fonts.reader(1)->size == doctest::Approx(34));
}
