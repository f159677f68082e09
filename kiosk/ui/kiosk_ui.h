// The UI as a whole: owns UiState, turns pointer events into gestures, runs the visitor
// session (idle countdown, reset, attract loop, hidden organizer gesture) and draws the
// current screen. The platform layer feeds it events and a clock; it never sees SDL.
#pragma once

#include "core/content_store.h"
#include "core/idle_timer.h"
#include "core/ime/pinyin_input.h"
#include "core/kiosk_settings.h"
#include "core/pin_lock.h"
#include "core/speech_controller.h"
#include "core/touch_gesture.h"
#include "core/translations.h"
#include "ui/display_strings.h"
#include "ui/fonts.h"
#include "ui/text_cache.h"
#include "ui/theme.h"
#include "ui/touch_targets.h"
#include "ui/ui_state.h"
#include "ui/usage_observer.h"

#include <array>
#include <memory>

namespace kiosk::core {
class SearchIndex;  // core/search_index.h: SQLite stays out of the UI's headers
}

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

struct UiContext;

class KioskUi {
public:
    // `search_index` is the content's index, opened by the caller (SearchIndex::open, which may
    // run on another thread while the display opens); null when there is none: no search.
    // `text` draws every text; `screen` is the logical screen size of the first frame.
    KioskUi(const ContentStore& content, const Translations& translations, TextRenderer& text, ImVec2 screen,
            const KioskSettings& settings, std::unique_ptr<SearchIndex> search_index);
    ~KioskUi();

    // Pointer input in logical screen pixels, with the kiosk clock's time in seconds.
    void pointer_down(float x, float y, double now);
    void pointer_move(float x, float y, double now);
    void pointer_up(float x, float y, double now);

    // Draws one frame of the current screen into ImGui's background draw list.
    // Call between ImGui::NewFrame() and ImGui::Render(). A new `screen_size` (a rotation
    // set while the kiosk runs, a resized window) lays every screen out again for its class.
    void frame(ImVec2 screen_size, double now);
    // True while something moves (inertia, springs, press feedback): keep rendering.
    bool wants_frames() const { return animating_; }
    // The next time the screen changes without input (countdown tick, session end, attract
    // slide); the main loop may sleep until then. Infinity when nothing is scheduled.
    double next_deadline(double now) const;

    // Ends the visitor's session: default language, home or attract screen, nothing kept.
    void reset_session(double now);
    // The pinyin input the search keyboard uses (owned by the caller, outliving this KioskUi);
    // null: the keyboard has no 拼音 layout.
    void set_pinyin_input(PinyinInput* ime) { ime_ = ime; }
    // Reading aloud from now on (owned by the platform; null: none). Stopped at every session reset.
    void set_speech(SpeechController* speech) { speech_ = speech; }
    // Settings changed (e.g. by an organizer): timeouts and defaults take effect now.
    void apply_settings(const KioskSettings& settings);
    // Shows `content` from now on. Ends the session and drops everything that points into the
    // old content (reader document, lessons, search results, text cache, search index). The
    // caller frees the old content only after this returns, so nothing can dangle.
    void replace_content(const ContentStore& content, double now);

    // Where usage events go (the kiosk's EventLog); null records nothing.
    void set_usage_sink(UsageSink* sink) { usage_.set_sink(sink); }
    // The kiosk stops: records the visitor session in progress as still active.
    void end_usage_session(double now) { usage_.end_session(state_, now, "active"); }

    const UiState& state() const { return state_; }
    UiState& state() { return state_; }
    const TouchTargets& targets() const { return targets_; }
    const Theme& theme() const { return state_.high_contrast ? high_contrast_theme_ : theme_; }
    const FontSet& fonts() const { return fonts_; }
    const IdleTimer& idle_timer() const { return idle_; }
    // The back-off of each role's PIN pad; the platform restores and stores it (UiRequests).
    const PinAttempts& pin_attempts(PinRole role) const { return pin_attempts_[static_cast<int>(role)]; }
    PinAttempts& pin_attempts(PinRole role) { return pin_attempts_[static_cast<int>(role)]; }
    // Label of the target showing press feedback, or empty.
    const std::string& pressed_label() const { return pressed_label_; }
    // Bit i is set once Screen i has been drawn (for tests that must reach every screen).
    unsigned screens_visited() const { return screens_visited_; }
    // The countdown overlay is showing.
    bool countdown_showing(double now) const;

private:
    bool swallow_press(float x, float y, double now);
    bool corner_tap(float x, float y, double now);
    void draw_screen(UiContext& ctx);
    void set_screen(ImVec2 screen);
    void open_search_index();

    const ContentStore* content_;  // never null; replace_content() changes it
    const Translations& translations_;
    TextRenderer& text_;
    FontSet fonts_;
    Theme theme_, high_contrast_theme_;
    KioskSettings settings_;
    UiState state_;
    DisplayStrings strings_;
    TouchTargets targets_;
    TextCache text_cache_;
    TouchGesture gesture_;
    PressFeedback feedback_;
    unsigned feedback_target_ = 0;
    std::string pressed_label_;
    bool animating_ = false;
    bool swallowing_ = false;  // this press only dismissed an overlay or woke the kiosk
    IdleTimer idle_;
    std::array<PinAttempts, kPinRoleCount> pin_attempts_;
    std::array<double, 5> corner_taps_{};  // times of the last taps in the hidden corner
    int corner_tap_count_ = 0;
    ImVec2 screen_{0, 0};
    unsigned screens_visited_ = 0;
    UsageObserver usage_;
    SpeechController* speech_ = nullptr;
    std::unique_ptr<SearchIndex> search_index_;  // null when the content has no index: no search button
    PinyinInput* ime_ = nullptr;
};

}  // namespace kiosk::ui
