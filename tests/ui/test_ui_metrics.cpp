// The theme is the one place that decides sizes and colours: screens take named metrics and
// palette entries, never a `px(<number>)` or a colour of their own.
#include "ui/theme.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace {

// `px(` whose argument starts with a number: a size written at the call instead of in Metrics.
const std::regex kLiteralPx(R"(\bpx\(\s*-?[0-9.])");

// Every `file:line: text` in kiosk/ui, outside theme.h and theme.cpp, that sizes with a literal.
std::vector<std::string> literal_px_lines() {
    std::vector<std::string> found;
    const std::filesystem::path dir = std::filesystem::path(KIOSK_SOURCE_DIR) / "kiosk" / "ui";
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name == "theme.h" || name == "theme.cpp") continue;
        if (entry.path().extension() != ".cpp" && entry.path().extension() != ".h") continue;
        std::ifstream in(entry.path());
        std::string line;
        for (int number = 1; std::getline(in, line); ++number)
            if (std::regex_search(line, kLiteralPx)) found.push_back(name + ":" + std::to_string(number) + ": " + line);
    }
    return found;
}

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
    for (const std::string& line : literal_px_lines()) report += "\n  " + line;
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
