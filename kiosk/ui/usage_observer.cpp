#include "ui/usage_observer.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

int64_t ms(double seconds) { return static_cast<int64_t>(std::llround(std::max(0.0, seconds) * 1000.0)); }

// Screens of the organizer and the trainer are not what visitors used.
bool staff_screen(Screen screen) {
    return screen == Screen::Pin || screen == Screen::Admin || screen == Screen::Stats || screen == Screen::Trainer;
}

// How much of the text column has been on screen: down to the bottom of the view. 0 until laid out.
int read_percent(const ReaderState& reader) {
    const float height = reader.layout.height;
    if (reader.layout.document != reader.document || height <= 0) return 0;
    const float viewport = height - reader.scroll.max_offset();
    const float seen = std::clamp((reader.scroll.offset() + viewport) / height, 0.0f, 1.0f);
    return static_cast<int>(std::lround(seen * 100.0f));
}

}  // namespace

void UsageObserver::emit(EventKind kind, std::string subject, std::string detail, int64_t value, int64_t value2,
                         int64_t at_ms) {
    if (!sink_) return;
    UsageEvent event;
    event.session = session_;
    event.kind = kind;
    event.subject = std::move(subject);
    event.detail = std::move(detail);
    event.value = value;
    event.value2 = value2;
    event.at_ms = at_ms;
    sink_->record(std::move(event));
}

void UsageObserver::note_language(Lang lang) {
    const std::string code = lang_code(lang);
    if (languages_.find(code) == std::string::npos) languages_ += (languages_.empty() ? "" : ",") + code;
}

void UsageObserver::touched(const UiState& state, double now) {
    if (!sink_ || session_ != 0) return;
    session_ = sink_->next_session();
    session_start_ = now;
    session_start_ms_ = unix_now_ms();
    staff_ = false;
    languages_.clear();
    note_language(state.language);
    screen_ = state.screen() == Screen::Attract ? Screen::Home : state.screen();
    screen_since_ = now;
    language_ = state.language;
    text_size_ = state.text_size;
    high_contrast_ = state.high_contrast;
    document_ = nullptr;
    lesson_ = nullptr;
    quiz_finished_ = false;
    searched_.clear();
    search_recorded_ = true;
}

void UsageObserver::record_search(const UiState& state) {
    (void)state;
    if (search_recorded_ || searched_.empty()) return;
    search_recorded_ = true;
    emit(EventKind::Search, sink_->log_queries() ? searched_ : std::string(), lang_code(language_),
         static_cast<int64_t>(search_results_));
}

void UsageObserver::close_document(double now) {
    if (!document_) return;
    emit(EventKind::Document, document_->info.id, lang_code(document_lang_), document_percent_, ms(now - document_since_));
    document_ = nullptr;
}

void UsageObserver::leave_screen(const UiState& state, double now) {
    if (staff_screen(screen_)) staff_ = true;
    else if (screen_ != Screen::Attract) emit(EventKind::Screen, screen_name(screen_), {}, ms(now - screen_since_));
    if (screen_ == Screen::Search) {
        record_search(state);
        // A result opened from the list: which one, for which query.
        const std::string query = sink_->log_queries() ? state.search.searched : std::string();
        const auto& results = state.search.results;
        for (size_t i = 0; i < results.size(); ++i) {
            const bool opened_doc = state.screen() == Screen::Reader && state.nav.previous() == Screen::Search &&
                                    results[i].document && results[i].document == state.reader.document;
            const bool opened_lesson =
                state.screen() == Screen::Lesson && results[i].lesson && results[i].lesson == state.lesson.lesson;
            if (opened_doc || opened_lesson) {
                emit(EventKind::SearchOpen, opened_doc ? results[i].document->info.id : results[i].lesson->id, query,
                     static_cast<int64_t>(i + 1));
                break;
            }
        }
    }
    screen_since_ = now;
}

void UsageObserver::frame(const UiState& state, double now) {
    if (!sink_ || session_ == 0) return;
    if (state.language != language_) {
        emit(EventKind::Language, lang_code(state.language), lang_code(language_), 0);
        language_ = state.language;
        note_language(language_);
    }
    if (state.text_size != text_size_) {
        text_size_ = state.text_size;
        emit(EventKind::Display, "text_size", std::to_string(text_size_), 0);
    }
    if (state.high_contrast != high_contrast_) {
        high_contrast_ = state.high_contrast;
        emit(EventKind::Display, "contrast", high_contrast_ ? "on" : "off", 0);
    }
    if (state.search.searched != searched_) {
        // A query cleared or replaced by one that is not simply the same one typed further.
        const bool continued = !searched_.empty() && state.search.searched.rfind(searched_, 0) == 0;
        const bool shortened = !state.search.searched.empty() && searched_.rfind(state.search.searched, 0) == 0;
        if (!continued && !shortened) record_search(state);
        searched_ = state.search.searched;
        search_recorded_ = searched_.empty();
    }
    search_results_ = state.search.results.size();
    const Document* shown = state.screen() == Screen::Reader ? state.reader.document : nullptr;
    if (shown != document_) {
        close_document(now);
        if (shown) {
            document_ = shown;
            document_lang_ = state.reader.text_lang;
            document_since_ = now;
            document_percent_ = 0;
        }
    }
    if (document_) document_percent_ = std::max(document_percent_, read_percent(state.reader));
    const Lesson* lesson = state.screen() == Screen::Lesson || state.screen() == Screen::Quiz ? state.lesson.lesson : nullptr;
    if (lesson && (lesson != lesson_ || (screen_ != Screen::Lesson && screen_ != Screen::Quiz))) {
        emit(EventKind::Lesson, lesson->id, "started", 0);
        quiz_finished_ = false;
    }
    lesson_ = lesson;
    if (lesson_ && state.screen() == Screen::Quiz && state.quiz.finished && !quiz_finished_) {
        quiz_finished_ = true;
        emit(EventKind::Lesson, lesson_->id, "finished", 0);
        emit(EventKind::Quiz, lesson_->id, {}, state.quiz.correct, static_cast<int64_t>(lesson_->questions.size()));
    }
    if (state.screen() != screen_) {
        leave_screen(state, now);
        screen_ = state.screen();
    }
}

void UsageObserver::end_session(const UiState& state, double now, const char* how) {
    if (!sink_ || session_ == 0) return;
    frame(state, now);
    close_document(now);
    record_search(state);
    leave_screen(state, now);
    if (staff_screen(screen_)) staff_ = true;
    // The session's event carries its start time: visitors are counted by when they came.
    emit(EventKind::Session, staff_ ? "staff" : how, languages_, ms(now - session_start_), 0, session_start_ms_);
    session_ = 0;
}

}  // namespace kiosk::ui
