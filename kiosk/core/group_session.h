// A trainer's group session (trainer mode): a lesson presented slide by slide, then its quiz
// run with the group, counting how many participants chose each answer before the right one is
// revealed, then the totals. The state machine and the scoring live here, without drawing, so
// that tests reach them directly; ui/trainer_screen.cpp draws the phases and calls these.
#pragma once

#include "core/lesson_model.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kiosk::core {

struct TrainerSession;  // core/state_store.h: the stored record

struct GroupSession {
    enum class Phase { Choose, Present, Quiz, Results };
    Phase phase = Phase::Choose;
    const Lesson* lesson = nullptr;
    int slide = 0;
    double started = 0;  // kiosk clock when the presentation began
    double ended = 0;    // kiosk clock when the results were shown
    int question = 0;
    bool revealed = false;                // the current question's answer is showing
    std::vector<std::vector<int>> votes;  // per question, per option: how many participants chose it
};

// Starts presenting `lesson` at its first slide, with no votes counted.
void start_group_session(GroupSession& session, const Lesson& lesson, double now);
// Back to choosing a lesson; a session ended before its results is not stored.
void end_group_session(GroupSession& session);
// Brings the session back within its lesson (no lesson: choosing; a quiz without questions:
// ended; slide and question within range). The screen calls it before drawing.
void settle_group_session(GroupSession& session);

// Presentation: the last slide, where Next starts the quiz (when the lesson has one).
bool on_last_slide(const GroupSession& session);
// Next: the following slide, or from the last slide into the quiz. False when there is nowhere to go.
bool next_slide(GroupSession& session);
void previous_slide(GroupSession& session);

// Quiz: `delta` participants more (or fewer) chose `option` of the current question; never
// below zero, and no change once the answer is revealed.
void count_vote(GroupSession& session, int option, int delta);
void reveal_answer(GroupSession& session);
bool on_last_question(const GroupSession& session);
// After the reveal: the next question, or the results after the last one (true: store them).
bool next_question(GroupSession& session, double now);

// How many participants answered right and otherwise.
struct VoteTally {
    int right = 0;
    int other = 0;
    int all() const { return right + other; }
    int percent_right() const;  // rounded; 0 when nobody answered
};
VoteTally tally_question(const GroupSession& session, size_t question);
VoteTally tally_session(const GroupSession& session);

// Seconds the session has run: until now, or until the results were shown.
double session_elapsed(const GroupSession& session, double now);
// "MM:SS" for the session timer.
void format_session_clock(char* out, size_t size, double seconds);
// When the timer next shows another second while presenting or quizzing; infinity otherwise.
double next_session_tick(const GroupSession& session, double now);

// The finished session as StateStore::record_trainer_session stores it, timed on the kiosk
// clock (started_at = 0, ended_at = its duration in seconds).
TrainerSession group_session_record(const GroupSession& session, int64_t content_version);

}  // namespace kiosk::core
