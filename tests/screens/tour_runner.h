// Plays screen tours (screen_tour.h) with the headless kiosk, several at once.
#pragma once

#include "screen_tour.h"

#include <string>
#include <vector>

namespace kiosk::test {

struct TourPaths {
    std::string kiosk;    // the kiosk binary
    std::string content;  // the content database
    std::string assets;   // the assets folder
    std::string work;     // scratch space: one data dir and script per tour
};

struct TourJob {
    Tour tour;
    std::string out_dir;  // where NAME.png (or NAME.json) of every screen is written
    TourOutput output = TourOutput::Shots;
};

struct TourResult {
    std::vector<std::string> problems;  // one line per screen not reached, with the kiosk's message
    std::vector<std::string> visited;   // the `screens_visited` of the state dumps
};

// Renders every job's screens; runs up to `parallel` kiosks at once. Results are in job order.
std::vector<TourResult> run_tours(const std::vector<TourJob>& jobs, const TourPaths& paths, int parallel);

// "ru-960x540", "ru-960x540-contrast" or "ru-800x480-largest": a job's folder name.
std::string tour_label(const Tour& tour);
// "ru" or "ru-contrast": a golden tour's folder under tests/golden.
std::string golden_folder(const Tour& tour);

}  // namespace kiosk::test
