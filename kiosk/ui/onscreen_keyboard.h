// The on-screen keyboard of the search screen: a Russian ЙЦУКЕН, an English QWERTY and a
// pinyin (拼音) QWERTY layout, a row of digits (behind a "123" key on a short screen), space,
// backspace, clear and a layout switch. Keys show capitals and type lower case (the search folds
// case anyway). Every key is a touch_area, so it gives press feedback and scripts can `tap-label`
// it by its visible letter.
//
// In the 拼音 layout the keys go to the input method (PinyinInput) instead of the text: above
// them a composition line shows the pinyin typed so far and a candidate bar the characters it
// may stand for, paged with ◀ ▶. The query changes when the input method commits (the search
// screen applies its events).
#pragma once

#include "core/ime/pinyin_input.h"
#include "core/language.h"

#include <imgui.h>

#include <string>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

struct UiContext;  // ui_context.h (which includes this header through UiState)

enum class KeyboardLayout { Russian, English, Pinyin };

// The layout a visitor of `lang` expects first: ЙЦУКЕН for Russian, 拼音 for Chinese, QWERTY
// for English.
KeyboardLayout default_keyboard_layout(Lang lang);
// What the layout switch changes to: 拼音 → ABC → АБВ → 拼音 for a Chinese visitor, АБВ ↔ ABC
// for the others (a Russian visitor reaches Latin letters with one tap).
KeyboardLayout next_keyboard_layout(KeyboardLayout layout, Lang lang);
// "pinyin", "english" or "russian" (the state dump's `ime.layout`).
const char* keyboard_layout_name(KeyboardLayout layout);

// The most characters the keyboard lets a visitor type: the search uses at most 12 words.
constexpr int kMaxTypedChars = 120;

// Appends what a key or the input method typed to the query: nothing past kMaxTypedChars, and a
// space only after a word (one space between words is all the search needs). True if it changed.
bool append_typed(std::string* text, const std::string& typed);

// How the keyboard is laid out in the room it is given. Keys share the width: twelve to a row
// (the Russian top row), square up to ~90 px at 1080p; where that would make them narrower than
// a fingertip (a narrow portrait panel) the letter rows wrap onto more rows instead, so the
// keyboard is never wider than `width`. Keys are at least the minimum target both ways and at
// least 8 px apart.
struct KeyboardFit {
    float width = 0;               // the keyboard's width
    float max_key_height = 0;      // keys are square up to this height (0: square as wide as they are)
    bool digit_row = true;         // false: the digits sit behind a "123" key, in place of the letters
    bool composition_line = true;  // 拼音: the composition line (else the caller shows it)
    bool candidate_bar = true;     // 拼音: the candidate bar (a short screen shows it only while composing)
};

// Draws the keyboard with its top left at `min` and applies taps to `text`, or in the 拼音 layout
// hands them to `ime` (whose composition and candidates `view` holds). `digits` is the "123" key's
// state (used when the fit has no digit row). Returns true if `text` changed.
bool draw_onscreen_keyboard(UiContext& ctx, KeyboardLayout* layout, bool* digits, std::string* text, PinyinInput* ime,
                            const PinyinInput::View& view, const KeyboardFit& fit, ImVec2 min);

// Height the keyboard needs for `fit` (the 拼音 layout adds the candidate bar and the
// composition line when the fit has them).
float onscreen_keyboard_height(const UiContext& ctx, KeyboardLayout layout, const KeyboardFit& fit);

// What the composition line says instead of a composition: RIME is getting ready or cannot be
// used (a translation key), or null when it is ready.
const char* pinyin_state_key(const PinyinInput* ime);

}  // namespace kiosk::ui
