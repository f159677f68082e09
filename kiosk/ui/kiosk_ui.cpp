#include "ui/kiosk_ui.h"

#include "core/log.h"
#include "core/search_index.h"
#include "ui/read_aloud.h"
#include "ui/screens.h"
#include "ui/text_renderer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {
constexpr double kCornerWindowS = 3.0;  // five taps in the corner within this time open the PIN pad
// A trainer talks for minutes without touching the screen, so trainer mode waits this long
// (not the visitor's idle timeout) before the countdown; then it locks like any session.
constexpr double kTrainerIdleTimeoutS = 30 * 60;
}  // namespace

const char* screen_name(Screen screen) {
    switch (screen) {
        case Screen::Home: return "home";
        case Screen::Reader: return "reader";
        case Screen::Attract: return "attract";
        case Screen::Pin: return "pin";
        case Screen::Admin: return "admin";
        case Screen::Search: return "search";
        case Screen::Lessons: return "lessons";
        case Screen::Lesson: return "lesson";
        case Screen::Quiz: return "quiz";
        case Screen::Trainer: return "trainer";
        case Screen::Topics: return "topics";
        case Screen::Topic: return "topic";
        case Screen::Glossary: return "glossary";
        case Screen::Stats: return "stats";
        case Screen::About: return "about";
        case Screen::Timeline: return "timeline";
        case Screen::Members: return "members";
    }
    return "home";
}

KioskUi::KioskUi(const ContentStore& content, const Translations& translations, TextRenderer& text, ImVec2 screen,
                 const KioskSettings& settings, std::unique_ptr<SearchIndex> search_index)
    : content_(&content), translations_(translations), text_(text) {
    strings_.build(content, translations);
    set_screen(screen);
    apply_settings(settings);
    state_.language = settings.default_language;
    search_index_ = std::move(search_index);
}

KioskUi::~KioskUi() = default;

// One connection for the life of the content: searches run per keystroke, never per frame.
void KioskUi::open_search_index() {
    std::string error;
    search_index_ = SearchIndex::open(content_->path(), &error);
    if (!search_index_) log_warning("search unavailable: %s\n", error.c_str());
}

void KioskUi::apply_settings(const KioskSettings& settings) {
    settings_ = settings;
    idle_.configure(settings.idle_timeout_s, settings.countdown_s);
}

void KioskUi::replace_content(const ContentStore& content, double now) {
    usage_.end_session(state_, now, "active");
    reset_session(now);  // first: the fresh UiState holds no pointer into the old content
    state_.nav.reset();
    search_index_.reset();
    text_cache_.clear();
    content_ = &content;
    strings_.build(content, translations_);
    open_search_index();
}

void KioskUi::reset_session(double now) {
    if (speech_) speech_->stop();  // the next visitor finds a silent kiosk
    UiState fresh;
    fresh.language = settings_.default_language;
    fresh.nav.reset(settings_.attract ? Screen::Attract : Screen::Home);
    fresh.attract_started = now;
    fresh.status = state_.status;
    fresh.requests = state_.requests;
    state_ = std::move(fresh);
    if (ime_) ime_->reset();  // nothing the last visitor half typed stays
    gesture_.cancel();
    feedback_.cancel();
    feedback_target_ = 0;
    swallowing_ = false;
    idle_.touch(now);
}

bool KioskUi::countdown_showing(double now) const {
    return state_.screen() != Screen::Attract && idle_.phase(now) == IdleTimer::Phase::Countdown;
}

// The first touch on the attract loop or on the countdown only wakes the kiosk up.
bool KioskUi::swallow_press(float x, float y, double now) {
    (void)x;
    (void)y;
    if (state_.screen() == Screen::Attract) {
        state_.nav.reset();
        return true;
    }
    return countdown_showing(now);
}

bool KioskUi::corner_tap(float x, float y, double now) {
    // The blank end of the top bar's first row (top_bar.cpp draws no control there). A tap on a
    // control never counts, wherever it is: five taps on a button only press the button.
    const Metrics& m = theme_.metrics;
    if (x < screen_.x - m.admin_corner || y >= m.top_bar_row_height || targets_.hit(x, y)) {
        corner_tap_count_ = 0;
        return false;
    }
    for (int i = 0; i + 1 < static_cast<int>(corner_taps_.size()); ++i) corner_taps_[i] = corner_taps_[i + 1];
    corner_taps_.back() = now;
    if (corner_tap_count_ < static_cast<int>(corner_taps_.size())) ++corner_tap_count_;
    if (corner_tap_count_ == static_cast<int>(corner_taps_.size()) && now - corner_taps_.front() <= kCornerWindowS) {
        corner_tap_count_ = 0;
        state_.pin = PinPadState{};
        state_.nav.push(Screen::Pin);
        state_.accessibility_open = false;
        return true;
    }
    return false;
}

void KioskUi::pointer_down(float x, float y, double now) {
    usage_.touched(state_, now);
    bool was_attract = state_.screen() == Screen::Attract;
    bool swallow = swallow_press(x, y, now);
    idle_.touch(now);
    if (corner_tap(x, y, now) || swallow || was_attract) {
        swallowing_ = true;
        gesture_.cancel();
        animating_ = true;
        return;
    }
    swallowing_ = false;
    gesture_.press(x, y, now);
    feedback_.pressed(now);
    feedback_target_ = 0;
}

void KioskUi::pointer_move(float x, float y, double now) {
    idle_.touch(now);
    if (!swallowing_) gesture_.move(x, y, now);
}

void KioskUi::pointer_up(float x, float y, double now) {
    idle_.touch(now);
    if (swallowing_) {
        swallowing_ = false;
        return;
    }
    gesture_.release(x, y, now);
    feedback_.released(now);
}

double KioskUi::next_deadline(double now) const {
    double deadline = next_update_change(state_);  // the update result overlay goes away
    if (state_.screen() == Screen::Attract) return std::min(deadline, next_attract_change(state_, now));
    deadline = std::min(deadline, idle_.next_change(now));
    if (state_.screen() == Screen::Admin) deadline = std::min(deadline, std::floor(now) + 1.0);  // uptime ticks
    if (state_.screen() == Screen::Stats && state_.status.stats.report == StatsView::Report::Writing)
        deadline = std::min(deadline, now + 0.1);                   // the report's progress bar
    deadline = std::min(deadline, next_trainer_tick(state_, now));  // the session timer
    const PinAttempts& attempts = pin_attempts(state_.pin.role);
    if (state_.screen() == Screen::Pin && !attempts.can_try(now))
        deadline = std::min(deadline, now + std::fmod(attempts.wait_remaining(now), 1.0) + 1e-3);
    return deadline;
}

void KioskUi::draw_screen(UiContext& ctx) {
    switch (state_.screen()) {
        case Screen::Home: draw_home_screen(ctx); break;
        case Screen::Reader: draw_reader_screen(ctx); break;
        case Screen::Attract: draw_attract_screen(ctx); break;
        case Screen::Pin: draw_pin_screen(ctx); break;
        case Screen::Admin: draw_admin_screen(ctx); break;
        case Screen::Search: draw_search_screen(ctx); break;
        case Screen::Lessons: draw_lessons_screen(ctx); break;
        case Screen::Lesson: draw_lesson_screen(ctx); break;
        case Screen::Quiz: draw_quiz_screen(ctx); break;
        case Screen::Trainer: draw_trainer_screen(ctx); break;
        case Screen::Topics: draw_topics_screen(ctx); break;
        case Screen::Topic: draw_topic_screen(ctx); break;
        case Screen::Glossary: draw_glossary_screen(ctx); break;
        case Screen::Stats: draw_stats_screen(ctx); break;
        case Screen::About: draw_about_screen(ctx); break;
        case Screen::Timeline: draw_timeline_screen(ctx); break;
        case Screen::Members: draw_members_screen(ctx); break;
    }
}

void KioskUi::set_screen(ImVec2 screen) {
    screen_ = screen;
    const ScreenLayout layout = ScreenLayout::for_size(screen.x, screen.y);
    theme_ = Theme::standard(layout);
    high_contrast_theme_ = Theme::contrast(layout);
    fonts_.build(&text_, layout.text_scale);
    // Wrapped lines were measured with the old sizes (the reader's layout notices by itself).
    text_cache_.clear();
    // LVGL's 10 px drag threshold is for small panels; scale it with the screen.
    gesture_.set_threshold(std::max(8.0f, 12.0f * layout.scale));
}

void KioskUi::frame(ImVec2 screen_size, double now) {
    if (screen_size.x != screen_.x || screen_size.y != screen_.y) set_screen(screen_size);
    const double idle_s = state_.screen() == Screen::Trainer ? kTrainerIdleTimeoutS : settings_.idle_timeout_s;
    if (idle_.idle_seconds() != idle_s) idle_.configure(idle_s, settings_.countdown_s);
    if (state_.screen() != Screen::Attract && idle_.phase(now) == IdleTimer::Phase::Expired) {
        usage_.end_session(state_, now, "idle_reset");
        reset_session(now);
    }
    targets_.clear();
    pressed_label_.clear();
    text_.begin_frame(lang_code(state_.language));
    UiContext ctx{*content_,
                  translations_,
                  fonts_,
                  theme(),
                  state_,
                  targets_,
                  text_cache_,
                  gesture_,
                  feedback_,
                  feedback_target_,
                  strings_,
                  pressed_label_,
                  pin_attempts_,
                  settings_,
                  ImGui::GetBackgroundDrawList(),
                  screen_size,
                  now};
    screens_visited_ |= 1u << static_cast<unsigned>(state_.screen());
    ctx.search = search_index_.get();
    ctx.ime = ime_;
    apply_pinyin_events(ctx);  // what the input method committed, whatever screen is showing
    ctx.speech = speech_;
    const bool updating = update_overlay_showing(state_, now);  // over everything, even the countdown
    state_.status.update.on_screen = updating;
    const bool countdown = countdown_showing(now) && !updating;
    const bool modal = countdown || state_.accessibility_open || updating;
    ctx.input_enabled = !modal;
    text_.probe().set_covered(modal);  // what a modal overlay covers is not checked for layout
    ctx.top_bar_input = state_.accessibility_open && !countdown && !updating;  // the panel opens below the bar
    draw_screen(ctx);
    text_.probe().set_covered(false);
    ctx.input_enabled = true;
    ctx.top_bar_input = false;
    if (ctx.go_home) {
        // Home from any screen: the history is forgotten, as when home is reached by Back.
        state_.nav.reset();
        state_.pin = PinPadState{};
        state_.accessibility_open = false;
        ctx.animating = true;
    }
    if (state_.accessibility_open && !countdown && !updating) draw_accessibility_panel(ctx);
    if (countdown) draw_countdown_overlay(ctx, idle_.countdown_display(now));
    if (updating) draw_update_overlay(ctx);
    if (speech_) {
        // Leaving the screen (or the slide, the question) that is being read stops it at once.
        if (speech_->speaking() && speech_->source() != speech_source_of(state_)) speech_->stop();
        speech_->set_rate(state_.speech_rate);
    }
    // While the input method works, frames keep coming to show its candidates (and, on the
    // search screen, to replace "getting ready" once it is).
    if (ime_ && state_.screen() == Screen::Search) ime_->start();  // the first search starts RIME
    const bool ime_working =
        ime_ && (ime_->busy() || (state_.screen() == Screen::Search && ime_->state() == PinyinInput::State::Starting));
    animating_ = ctx.animating || feedback_.needs_frames(now) || ime_working;
    gesture_.next_frame();
    usage_.frame(state_, now);
}

}  // namespace kiosk::ui
