// The layout check over whole tours: every screen of tests/screens/screen_tour.cpp dumped by
// a headless kiosk and checked against layout_rules.h. `screen_gallery --check` and
// deploy/layout-check.sh print it; tests/ui/test_layout_rules.cpp fails on it.
#pragma once

#include "layout_rules.h"
#include "tour_runner.h"

#include <string>
#include <vector>

namespace kiosk::test {

struct ScreenLayoutCheck {
    std::string run;     // the tour's label, e.g. "zh-800x480"
    std::string screen;  // the tour screen's name, e.g. "search-results"
    std::vector<std::string> violations;
};

struct LayoutCheckReport {
    std::vector<ScreenLayoutCheck> screens;  // in tour order, run after run
    std::vector<std::string> problems;       // screens not reached, dumps that cannot be read
    size_t violation_count() const;
    // Every violation and problem, then a table of counts: one row per screen, one column per
    // run ("-": not reached in that run), and the total.
    std::string text() const;
};

// Plays `tours` (state dumps instead of screenshots, in `paths.work`) and checks each screen;
// `only_screen`, when not empty, keeps the report to the screen of that name.
LayoutCheckReport check_tour_layouts(const std::vector<Tour>& tours, const TourPaths& paths, int parallel,
                                     const std::string& only_screen = "");

}  // namespace kiosk::test
