// The on-screen keyboard of the search screen: a Russian ЙЦУКЕН and an English QWERTY layout,
// a row of digits, space, backspace, clear and a layout switch. Keys show capitals and type
// lower case (the search folds case anyway). Every key is a touch_area, so it gives press
// feedback and scripts can `tap-label` it by its visible letter.
#pragma once

#include "core/language.h"

#include <imgui.h>

#include <string>

namespace kiosk::ui {

struct UiContext;  // ui_context.h (which includes this header through UiState)

enum class KeyboardLayout { Russian, English };

// The layout a visitor of `lang` expects first: ЙЦУКЕН for Russian, QWERTY otherwise (the kiosk
// has no pinyin input method, so Chinese visitors type English or Russian words).
KeyboardLayout default_keyboard_layout(Lang lang);

// The most characters the keyboard lets a visitor type: the search uses at most 12 words.
constexpr int kMaxTypedChars = 120;

// Draws the keyboard into [min, max] and applies taps to `text`. Keys are square, as large as
// fit (at most ~90 px at 1080p, never below the minimum target). Returns true if `text` changed.
bool draw_onscreen_keyboard(UiContext& ctx, KeyboardLayout* layout, std::string* text, ImVec2 min, ImVec2 max);

// Height the keyboard needs when it is `width` wide.
float onscreen_keyboard_height(const UiContext& ctx, float width);

}  // namespace kiosk::ui
