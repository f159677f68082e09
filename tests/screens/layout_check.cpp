#include "layout_check.h"

#include "core/file_io.h"

#include <algorithm>
#include <cstdio>

namespace kiosk::test {

using namespace kiosk::core;  // the tests use the core layer

size_t LayoutCheckReport::violation_count() const {
    size_t count = 0;
    for (const ScreenLayoutCheck& screen : screens) count += screen.violations.size();
    return count;
}

std::string LayoutCheckReport::text() const {
    std::string out;
    for (const ScreenLayoutCheck& screen : screens)
        for (const std::string& violation : screen.violations) out += violation + "\n";
    for (const std::string& problem : problems) out += "problem: " + problem + "\n";
    // The counts: screens down, runs across.
    std::vector<std::string> runs, names;
    for (const ScreenLayoutCheck& screen : screens)
        if (std::find(runs.begin(), runs.end(), screen.run) == runs.end()) runs.push_back(screen.run);
    for (const TourScreen& tour_screen : tour_screens())  // in tour order
        for (const ScreenLayoutCheck& screen : screens)
            if (screen.screen == tour_screen.name) {
                names.push_back(screen.screen);
                break;
            }
    int width = 12;  // of a column: its run's label
    for (const std::string& run : runs) width = std::max(width, static_cast<int>(run.size()));
    char cell[128];
    std::snprintf(cell, sizeof cell, "\n%-16s", "violations");
    out += cell;
    for (const std::string& run : runs) {
        std::snprintf(cell, sizeof cell, " %*s", width, run.c_str());
        out += cell;
    }
    out += "\n";
    for (const std::string& name : names) {
        std::snprintf(cell, sizeof cell, "%-16s", name.c_str());
        out += cell;
        for (const std::string& run : runs) {
            auto it = std::find_if(screens.begin(), screens.end(),
                                   [&](const ScreenLayoutCheck& s) { return s.run == run && s.screen == name; });
            if (it == screens.end()) std::snprintf(cell, sizeof cell, " %*s", width, "-");
            else std::snprintf(cell, sizeof cell, " %*zu", width, it->violations.size());
            out += cell;
        }
        out += "\n";
    }
    std::snprintf(cell, sizeof cell, "total: %zu violations on %zu screens", violation_count(), screens.size());
    out += cell;
    if (!problems.empty()) out += ", " + std::to_string(problems.size()) + " problems";
    return out + "\n";
}

LayoutCheckReport check_tour_layouts(const std::vector<Tour>& tours, const TourPaths& paths, int parallel,
                                     const std::string& only_screen) {
    std::vector<TourJob> jobs;
    jobs.reserve(tours.size());
    for (const Tour& tour : tours)
        jobs.push_back({tour, fs::join(fs::join(paths.work, "dumps"), tour_label(tour)), TourOutput::Dumps});
    const std::vector<TourResult> results = run_tours(jobs, paths, parallel);
    LayoutCheckReport report;
    for (size_t i = 0; i < jobs.size(); ++i) {
        report.problems.insert(report.problems.end(), results[i].problems.begin(), results[i].problems.end());
        for (const TourScreen& screen : tour_screens()) {
            if (!only_screen.empty() && only_screen != screen.name) continue;
            const std::string path = fs::join(jobs[i].out_dir, std::string(screen.name) + ".json");
            std::string text, error;
            LayoutFrame frame;
            if (!fs::exists(path)) continue;  // not reached: a problem above says why
            if (!fs::read_file(path, &text, &error) || !read_layout_frame(text, &frame, &error)) {
                report.problems.push_back(path + ": " + error);
                continue;
            }
            frame.name = std::string(screen.name) + (jobs[i].tour.largest_text ? " (largest text)" : "");
            report.screens.push_back({tour_label(jobs[i].tour), screen.name, check_layout(frame)});
        }
    }
    return report;
}

}  // namespace kiosk::test
