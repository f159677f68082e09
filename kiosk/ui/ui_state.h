// Everything the screens remember between frames. Screens are functions of
// (content model, UiState); there is no other hidden state.
#pragma once

#include "core/content_model.h"
#include "core/kinetic_scroll.h"
#include "core/language.h"
#include "ui/reader_layout.h"
#include "ui/search_state.h"

#include <cstdint>
#include <string>

namespace kiosk::ui {

enum class Screen { Home, Reader, Attract, Pin, Admin, Search };
// The `screen` value of the state dump: "home", "reader", "attract", "pin", "admin", "search".
const char* screen_name(Screen screen);

struct ReaderState {
    const Document* document = nullptr;
    KineticScroll scroll;
    KineticScroll sidebar_scroll;
    float sidebar_height = 0;  // measured while drawing, used as the sidebar's scroll extent
    ReaderLayout layout;       // rebuilt when the document, text size or width changes
    ReaderMatches search;      // highlights of the search the document was opened from
};

// Who the PIN pad is for, and what it has been given so far.
struct PinPadState {
    enum class Role { Organizer, Trainer };
    Role role = Role::Organizer;
    std::string digits;
    bool wrong = false;  // the last PIN was wrong: say so
    Screen return_to = Screen::Home;
};

// Facts the organizer panel shows about the running kiosk, filled in by the platform layer.
struct KioskStatus {
    double uptime_s = 0;
    int64_t frames_rendered = 0;
    double rss_mb = 0;
    double peak_rss_mb = 0;
    bool factory_pin = true;  // the organizer PIN was never changed
    std::string data_dir;
};

// What the UI asks of the platform layer; cleared by the platform once handled.
struct UiRequests {
    bool quit = false;
    bool restart = false;
};

struct UiState {
    Screen screen = Screen::Home;
    Lang language = Lang::Ru;
    int text_size = 1;           // 0..kTextSizeSteps-1: reader text, from the accessibility controls
    bool high_contrast = false;
    bool accessibility_open = false;  // the "Aa" panel is showing
    ReaderState reader;
    KineticScroll home_scroll;
    PinPadState pin;
    SearchState search;
    double attract_started = 0;  // clock time the attract loop began, for its slides
    KioskStatus status;
    UiRequests requests;
};

}  // namespace kiosk::ui
