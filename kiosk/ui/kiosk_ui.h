// The UI as a whole: owns UiState, turns pointer events into gestures, and draws the
// current screen. The platform layer feeds it events and a clock; it never sees SDL.
#pragma once

#include "core/content_store.h"
#include "core/touch_gesture.h"
#include "core/translations.h"
#include "ui/display_strings.h"
#include "ui/fonts.h"
#include "ui/text_cache.h"
#include "ui/theme.h"
#include "ui/touch_targets.h"
#include "ui/ui_state.h"

namespace kiosk::ui {

class KioskUi {
public:
    KioskUi(const ContentStore& content, const Translations& translations, const FontSet& fonts, float scale,
            Lang language);

    // Pointer input in screen pixels, with the kiosk clock's time in seconds.
    void pointer_down(float x, float y, double now);
    void pointer_move(float x, float y, double now);
    void pointer_up(float x, float y, double now);

    // Draws one frame of the current screen into ImGui's background draw list.
    // Call between ImGui::NewFrame() and ImGui::Render().
    void frame(ImVec2 screen_size, double now);
    // True while something moves (inertia, springs, press feedback): keep rendering.
    bool wants_frames() const { return animating_; }

    const UiState& state() const { return state_; }
    UiState& state() { return state_; }
    const TouchTargets& targets() const { return targets_; }
    const Theme& theme() const { return theme_; }

private:
    const ContentStore& content_;
    const Translations& translations_;
    const FontSet& fonts_;
    Theme theme_;
    UiState state_;
    DisplayStrings strings_;
    TouchTargets targets_;
    TextCache text_cache_;
    TouchGesture gesture_;
    PressFeedback feedback_;
    unsigned feedback_target_ = 0;
    bool animating_ = false;
};

}  // namespace kiosk::ui
