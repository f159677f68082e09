// What a screen gets each frame: the read-only model, its own state, the pointer,
// and where to draw. Built by KioskUi; screens take it by reference.
#pragma once

#include "core/content_store.h"
#include "core/kiosk_settings.h"
#include "core/pin_lock.h"
#include "core/speech_controller.h"
#include "core/touch_gesture.h"
#include "core/translations.h"
#include "ui/display_strings.h"
#include "ui/fonts.h"
#include "ui/text_cache.h"
#include "ui/text_renderer.h"
#include "ui/theme.h"
#include "ui/touch_targets.h"
#include "ui/ui_state.h"

#include <imgui.h>

#include <array>

namespace kiosk::core {
class SearchIndex;  // core/search_index.h: SQLite stays out of the UI's headers
}

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

struct UiContext {
    const ContentStore& content;
    const Translations& translations;
    const FontSet& fonts;
    const Theme& theme;
    UiState& state;
    TouchTargets& targets;
    TextCache& text_cache;
    const TouchGesture& gesture;
    PressFeedback& feedback;
    unsigned& feedback_target;  // which target shows the press feedback (0: none)
    const DisplayStrings& strings;
    std::string& pressed_label;                            // label of the target showing press feedback this frame
    std::array<PinAttempts, kPinRoleCount>& pin_attempts;  // indexed by PinRole
    const KioskSettings& settings;
    ImDrawList* draw;
    ImVec2 screen;                       // screen size in pixels
    double now = 0;                      // seconds on the kiosk clock (simulated in scripted runs)
    bool animating = false;              // a widget sets this when it needs another frame soon
    bool input_enabled = true;           // false while a modal overlay covers what is being drawn
    bool top_bar_input = false;          // the top bar stays touchable under the accessibility panel
    bool go_home = false;                // the top bar's Home was tapped: KioskUi shows home after the frame
    SearchIndex* search = nullptr;       // the content's search index; null if it has none
    PinyinInput* ime = nullptr;          // pinyin input for the search keyboard; null: none
    SpeechController* speech = nullptr;  // reading aloud (read_aloud.h); null if the kiosk has none

    // The UI string for `key` in the visitor's language.
    const std::string& t(std::string_view key) const { return translations.get(state.language, key); }
    // Sizes by role, already scaled (theme.h).
    const Metrics& metrics() const { return theme.metrics; }
    // The screen's class and scales (theme.h): screens choose their arrangement from it.
    const ScreenLayout& layout() const { return theme.layout; }
    // The style of `role` at the visitor's text size, for text in the visitor's language.
    const Font* font(FontRole role) const { return fonts.get(role, state.text_size, script_of(state.language)); }
    // The same for text in `lang` (a Russian original shown to a Chinese visitor, a language's own name).
    const Font* font(FontRole role, Lang lang) const { return fonts.get(role, state.text_size, script_of(lang)); }
    // Document body text and headings in `lang` at the visitor's text size.
    const Font* reader_font(Lang lang) const { return fonts.reader(state.text_size, script_of(lang)); }
    const Font* reader_heading_font(Lang lang) const { return fonts.reader_heading(state.text_size, script_of(lang)); }
};

}  // namespace kiosk::ui
