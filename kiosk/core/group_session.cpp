#include "core/group_session.h"

#include "core/state_store.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace kiosk::core {

using Phase = GroupSession::Phase;

void start_group_session(GroupSession& session, const Lesson& lesson, double now) {
    session.phase = Phase::Present;
    session.lesson = &lesson;
    session.slide = 0;
    session.started = now;
    session.ended = now;
    session.question = 0;
    session.revealed = false;
    session.votes.assign(lesson.questions.size(), {});
    for (size_t q = 0; q < lesson.questions.size(); ++q) session.votes[q].assign(lesson.questions[q].options.size(), 0);
}

void end_group_session(GroupSession& session) {
    session.phase = Phase::Choose;
    session.lesson = nullptr;
}

void settle_group_session(GroupSession& session) {
    if (!session.lesson) {
        session.phase = Phase::Choose;
        return;
    }
    const int slides = static_cast<int>(session.lesson->slides.size());
    const int questions = static_cast<int>(session.lesson->questions.size());
    session.slide = std::clamp(session.slide, 0, std::max(0, slides - 1));
    if (session.phase == Phase::Quiz && questions == 0) end_group_session(session);
    else session.question = std::clamp(session.question, 0, std::max(0, questions - 1));
}

bool on_last_slide(const GroupSession& session) {
    return session.slide + 1 >= static_cast<int>(session.lesson->slides.size());
}

bool next_slide(GroupSession& session) {
    if (!on_last_slide(session)) {
        ++session.slide;
        return true;
    }
    if (session.lesson->questions.empty()) return false;
    session.phase = Phase::Quiz;
    session.question = 0;
    session.revealed = false;
    return true;
}

void previous_slide(GroupSession& session) {
    if (session.slide > 0) --session.slide;
}

void count_vote(GroupSession& session, int option, int delta) {
    if (session.revealed || session.question < 0 || session.question >= static_cast<int>(session.votes.size())) return;
    std::vector<int>& options = session.votes[session.question];
    if (option < 0 || option >= static_cast<int>(options.size())) return;
    options[option] = std::max(0, options[option] + delta);
}

void reveal_answer(GroupSession& session) { session.revealed = true; }

bool on_last_question(const GroupSession& session) {
    return session.question + 1 >= static_cast<int>(session.lesson->questions.size());
}

bool next_question(GroupSession& session, double now) {
    if (!session.revealed) return false;
    if (on_last_question(session)) {
        session.phase = Phase::Results;
        session.ended = now;
        return true;
    }
    ++session.question;
    session.revealed = false;
    return false;
}

int VoteTally::percent_right() const { return all() > 0 ? static_cast<int>(std::lround(100.0 * right / all())) : 0; }

VoteTally tally_question(const GroupSession& session, size_t question) {
    VoteTally tally;
    const std::vector<int>& votes = session.votes[question];
    const int correct = session.lesson->questions[question].correct_option;
    for (size_t option = 0; option < votes.size(); ++option)
        (static_cast<int>(option) == correct ? tally.right : tally.other) += votes[option];
    return tally;
}

VoteTally tally_session(const GroupSession& session) {
    VoteTally total;
    for (size_t q = 0; q < session.votes.size(); ++q) {
        const VoteTally tally = tally_question(session, q);
        total.right += tally.right;
        total.other += tally.other;
    }
    return total;
}

double session_elapsed(const GroupSession& session, double now) {
    return (session.phase == Phase::Results ? session.ended : now) - session.started;
}

void format_session_clock(char* out, size_t size, double seconds) {
    const long s = static_cast<long>(std::max(0.0, seconds));
    std::snprintf(out, size, "%02ld:%02ld", s / 60, s % 60);
}

double next_session_tick(const GroupSession& session, double now) {
    if (session.phase != Phase::Present && session.phase != Phase::Quiz) return std::numeric_limits<double>::infinity();
    return session.started + std::floor(now - session.started + 1e-9) + 1.0;
}

TrainerSession group_session_record(const GroupSession& session, int64_t content_version) {
    TrainerSession record;
    record.lesson_id = session.lesson->id;
    record.content_version = content_version;
    record.started_at = 0;  // kiosk-clock times; the platform turns them into Unix times
    record.ended_at = static_cast<int64_t>(std::llround(session.ended - session.started));
    for (size_t q = 0; q < session.votes.size(); ++q) {
        TrainerQuestionResult result;
        result.question = static_cast<int>(q);
        result.correct_option = session.lesson->questions[q].correct_option;
        result.participants = session.votes[q];
        record.questions.push_back(std::move(result));
    }
    return record;
}

}  // namespace kiosk::core
