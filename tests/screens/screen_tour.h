// Every screen of the kiosk, with the script steps that reach it: the one list the screenshot
// gallery (deploy/gallery.sh) and the golden-screenshot tests (tests/ui/test_golden_screens.cpp)
// both play. A tour is one headless kiosk run that visits every screen and shoots each.
#pragma once

#include "core/content_store.h"
#include "core/language.h"
#include "core/translations.h"

#include <string>
#include <vector>

namespace kiosk::test {

using namespace kiosk::core;  // the tests use the core layer

// What the steps of a screen may use: the run's language, panel size and the strings a visitor
// reads, so steps tap what is on screen in every language and at every size.
struct Tour {
    Lang lang = Lang::Ru;
    int width = 960, height = 540;
    bool high_contrast = false;
    const Translations* strings = nullptr;
    const ContentStore* content = nullptr;
    // The largest text size (Aa), set on every fresh session as high contrast is.
    bool largest_text = false;

    // "tap-label" with the UI string `key` in the tour's language.
    std::string tap(const char* key) const;
    // "tap-label" with `text` in the tour's language (Russian where it has none).
    std::string tap_text(const LocalizedText& text) const;
    // The secret corner: five quick taps in the top right corner open the PIN pad.
    std::string corner() const;
    // Types `pin` on the PIN pad and confirms it.
    std::string pin(const std::string& pin) const;
};

struct TourScreen {
    const char* name;    // the shot's file name stem, e.g. "reader"
    const char* screen;  // the state dump's `screen` it shows
    // False for a screen that shows what changes from run to run (memory, uptime, the data
    // directory, today's date): it is in the gallery, but has no golden.
    bool golden;
    // True when the steps go on from the previous screen's state; false when they start on a
    // fresh session at home (the tour waits for the idle reset in between).
    bool continues;
    std::string (*steps)(const Tour&);
};

// In tour order; each chain of `continues` screens follows the screen that starts it.
const std::vector<TourScreen>& tour_screens();

// PINs a tour sets in its data dir before the run (the organizer panel and trainer mode).
constexpr const char* kTourOrganizerPin = "582039";
constexpr const char* kTourTrainerPin = "135792";
// Settings a tour stores in its data dir: a short idle reset between screens, the tour's
// language after each reset, the attract loop on.
std::vector<std::pair<std::string, std::string>> tour_settings(const Tour& tour);

// What a tour writes of each screen: a screenshot OUT_DIR/NAME.png, or the state dump
// OUT_DIR/NAME.json with the frame's touch targets and text boxes (for the layout check).
enum class TourOutput { Shots, Dumps };
const char* tour_output_extension(TourOutput output);  // ".png" or ".json"

// The kiosk script that visits tour_screens()[first...] and writes each as OUT_DIR/NAME.png
// (or NAME.json).
std::string tour_script(const Tour& tour, const std::string& out_dir, size_t first = 0, TourOutput output = TourOutput::Shots);

// Where a tour may resume after tour_screens()[failed] could not be reached: the next screen
// that starts on a fresh session (the rest of a chain needs the screen that failed).
size_t next_fresh_screen(size_t failed);

}  // namespace kiosk::test
