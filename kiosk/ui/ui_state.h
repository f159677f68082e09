// Everything the screens remember between frames. Screens are functions of
// (content model, UiState); there is no other hidden state.
#pragma once

#include "core/content_model.h"
#include "core/kinetic_scroll.h"
#include "core/language.h"
#include "ui/reader_layout.h"

#include <string>

namespace kiosk::ui {

enum class Screen { Home, Reader };
// The `screen` value of the state dump: "home", "reader", ...
const char* screen_name(Screen screen);

struct ReaderState {
    const Document* document = nullptr;
    int text_size = 1;       // 0..kTextSizeSteps-1
    KineticScroll scroll;
    KineticScroll sidebar_scroll;
    float sidebar_height = 0;  // measured while drawing, used as the sidebar's scroll extent
    ReaderLayout layout;     // rebuilt when the document, text size or width changes
};

struct UiState {
    Screen screen = Screen::Home;
    Lang language = Lang::Ru;
    ReaderState reader;
    KineticScroll home_scroll;
};

}  // namespace kiosk::ui
