// Turns what a visitor does into usage events (core/usage_events.h) by comparing the UI state
// from frame to frame: screens and their dwell time, documents and how far they were read,
// searches and the results opened, lessons, quiz scores, language and display changes. The
// screens know nothing of it; KioskUi calls it at three places (a touch, a frame, a reset).
// It keeps no coordinates and nothing about a person: only what was shown, and for how long.
#pragma once

#include "core/usage_events.h"
#include "ui/ui_state.h"

#include <string>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

class UsageObserver {
public:
    // Null: nothing is recorded (no state database, or a tool that does not log).
    void set_sink(UsageSink* sink) { sink_ = sink; }
    // A finger went down: the first touch after a reset starts a visitor session.
    void touched(const UiState& state, double now);
    // After each frame: records what changed since the last one.
    void frame(const UiState& state, double now);
    // The session ends: `how` is "idle_reset" (the kiosk reset itself) or "active" (still in
    // use when the content changed or the kiosk stopped). Records what was still open.
    void end_session(const UiState& state, double now, const char* how);
    // The session in progress, 0 if none.
    int64_t session() const { return session_; }

private:
    void emit(EventKind kind, std::string subject, std::string detail, int64_t value, int64_t value2 = 0,
              int64_t at_ms = 0);  // 0: now
    void leave_screen(const UiState& state, double now);
    void close_document(double now);
    void record_search(const UiState& state);
    void note_language(Lang lang);

    UsageSink* sink_ = nullptr;
    int64_t session_ = 0;
    double session_start_ = 0;
    int64_t session_start_ms_ = 0;
    bool staff_ = false;     // the organizer panel or trainer mode was opened: not a visitor
    std::string languages_;  // used in this session, "ru,en"
    Screen screen_ = Screen::Home;
    double screen_since_ = 0;
    const Document* document_ = nullptr;
    Lang document_lang_ = Lang::Ru;
    double document_since_ = 0;
    int document_percent_ = 0;
    const Lesson* lesson_ = nullptr;
    bool quiz_finished_ = false;
    Lang language_ = Lang::Ru;
    int text_size_ = 1;
    bool high_contrast_ = false;
    std::string searched_;  // the results on screen belong to this query
    size_t search_results_ = 0;
    bool search_recorded_ = true;
};

}  // namespace kiosk::ui
