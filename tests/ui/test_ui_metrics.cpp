// The theme is the one place that decides sizes and colours: screens take named metrics and
// palette entries, never a `px(<number>)` or a colour of their own.
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

TEST_CASE("metrics are scaled once from design pixels and keep touch floors") {
    const kiosk::ui::Metrics full = kiosk::ui::Metrics::at(1.0f);
    const kiosk::ui::Metrics half = kiosk::ui::Metrics::at(0.5f);
    CHECK(full.space_card == doctest::Approx(24));
    CHECK(half.space_card == doctest::Approx(12));
    CHECK(half.pad_card_large == doctest::Approx(full.pad_card_large * 0.5f));
    CHECK(half.sidebar_max_width == doctest::Approx(full.sidebar_max_width * 0.5f));
    // Fingertips do not shrink with the screen.
    CHECK(full.min_target == doctest::Approx(48));
    CHECK(half.min_target == doctest::Approx(48));
    CHECK(half.button_height == doctest::Approx(64));
    CHECK(half.top_bar_height == doctest::Approx(84));
    CHECK(kiosk::ui::Metrics::at(2.0f).button_height == doctest::Approx(152));
    // Both themes carry the metrics of their scale.
    CHECK(kiosk::ui::Theme::standard(1.5f).metrics.space_card == doctest::Approx(36));
    CHECK(kiosk::ui::Theme::contrast(1.5f).metrics.space_card == doctest::Approx(36));
    CHECK(kiosk::ui::Theme::contrast(1.5f).corner() == doctest::Approx(24));
}

TEST_CASE("high contrast reaches the card shadows and the attract loop") {
    const kiosk::ui::Palette standard = kiosk::ui::Theme::standard(1.0f).colors;
    const kiosk::ui::Palette high = kiosk::ui::Theme::contrast(1.0f).colors;
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
