// The trainer's group session (core/group_session.h) without the screen: slides, the quiz's
// vote counting and reveal, the results' scoring, the timer and the record that is stored.
#include "core/group_session.h"
#include "core/state_store.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace kiosk;
using namespace kiosk::core;
using Phase = GroupSession::Phase;

namespace {

// A lesson of `slides` slides and one question per entry of `options` (that many options each,
// the right one at index 1).
Lesson make_lesson(int slides, const std::vector<int>& options) {
    Lesson lesson;
    lesson.id = "passwords";
    lesson.slides.resize(static_cast<size_t>(slides));
    for (int count : options) {
        Question question;
        question.options.resize(static_cast<size_t>(count));
        question.correct_option = 1;
        lesson.questions.push_back(question);
    }
    return lesson;
}

}  // namespace

TEST_CASE("a group session presents the slides, then runs the quiz, then shows the results") {
    const Lesson lesson = make_lesson(3, {3, 2});
    GroupSession session;
    start_group_session(session, lesson, 100.0);
    CHECK(session.phase == Phase::Present);
    CHECK(session.slide == 0);
    REQUIRE(session.votes.size() == 2);
    CHECK(session.votes[0] == std::vector<int>{0, 0, 0});
    CHECK(session.votes[1] == std::vector<int>{0, 0});

    previous_slide(session);  // nothing before the first
    CHECK(session.slide == 0);
    CHECK(next_slide(session));
    CHECK(next_slide(session));
    CHECK(on_last_slide(session));
    CHECK(session.phase == Phase::Present);
    previous_slide(session);
    CHECK(session.slide == 1);
    CHECK(next_slide(session));
    CHECK(next_slide(session));  // from the last slide into the quiz
    CHECK(session.phase == Phase::Quiz);
    CHECK(session.question == 0);
    CHECK_FALSE(session.revealed);

    CHECK_FALSE(next_question(session, 150.0));  // not before the answer is revealed
    CHECK(session.question == 0);
    reveal_answer(session);
    CHECK_FALSE(next_question(session, 150.0));
    CHECK(session.question == 1);
    CHECK_FALSE(session.revealed);
    CHECK(on_last_question(session));
    reveal_answer(session);
    CHECK(next_question(session, 190.4));  // the results: store them
    CHECK(session.phase == Phase::Results);
    CHECK(session.ended == 190.4);
}

TEST_CASE("a lesson without a quiz ends at its last slide") {
    const Lesson lesson = make_lesson(2, {});
    GroupSession session;
    start_group_session(session, lesson, 0);
    CHECK(next_slide(session));
    CHECK_FALSE(next_slide(session));
    CHECK(session.phase == Phase::Present);
    session.phase = Phase::Quiz;  // however it got there, a quiz without questions is over
    settle_group_session(session);
    CHECK(session.phase == Phase::Choose);
    CHECK(session.lesson == nullptr);
}

TEST_CASE("votes are counted per option, never below zero, and frozen once the answer is revealed") {
    const Lesson lesson = make_lesson(1, {3});
    GroupSession session;
    start_group_session(session, lesson, 0);
    CHECK(next_slide(session));
    count_vote(session, 1, +1);
    count_vote(session, 1, +1);
    count_vote(session, 0, +1);
    count_vote(session, 2, -1);  // an undo with nothing to undo
    count_vote(session, 7, +1);  // no such option
    count_vote(session, -1, +1);
    CHECK(session.votes[0] == std::vector<int>{1, 2, 0});
    reveal_answer(session);
    count_vote(session, 0, +1);
    count_vote(session, 1, -1);
    CHECK(session.votes[0] == std::vector<int>{1, 2, 0});
}

TEST_CASE("the results count right and other answers per question and in total, with a rounded percentage") {
    const Lesson lesson = make_lesson(1, {3, 2, 4});
    GroupSession session;
    start_group_session(session, lesson, 0);
    session.votes = {{1, 2, 0}, {3, 0}, {0, 0, 0, 0}};
    const VoteTally first = tally_question(session, 0);
    CHECK(first.right == 2);
    CHECK(first.other == 1);
    CHECK(first.percent_right() == 67);
    const VoteTally second = tally_question(session, 1);
    CHECK(second.right == 0);
    CHECK(second.other == 3);
    CHECK(tally_question(session, 2).percent_right() == 0);  // nobody answered: 0 %, not a division by zero
    const VoteTally total = tally_session(session);
    CHECK(total.right == 2);
    CHECK(total.other == 4);
    CHECK(total.all() == 6);
    CHECK(total.percent_right() == 33);
}

TEST_CASE("the session timer counts from the start, stops at the results, and ticks once a second") {
    const Lesson lesson = make_lesson(1, {2});
    GroupSession session;
    CHECK(std::isinf(next_session_tick(session, 5.0)));  // choosing a lesson: no timer
    start_group_session(session, lesson, 10.0);
    CHECK(session_elapsed(session, 75.5) == doctest::Approx(65.5));
    CHECK(next_session_tick(session, 75.5) == doctest::Approx(76.0));
    CHECK(next_session_tick(session, 76.0) == doctest::Approx(77.0));
    char clock[16];
    format_session_clock(clock, sizeof clock, session_elapsed(session, 75.5));
    CHECK(std::string(clock) == "01:05");
    format_session_clock(clock, sizeof clock, -3.0);
    CHECK(std::string(clock) == "00:00");
    CHECK(next_slide(session));
    reveal_answer(session);
    CHECK(next_question(session, 70.0));
    CHECK(session_elapsed(session, 500.0) == doctest::Approx(60.0));
    CHECK(std::isinf(next_session_tick(session, 500.0)));
}

TEST_CASE("the stored record has the lesson, the content version, the duration and every question's votes") {
    const Lesson lesson = make_lesson(1, {3, 2});
    GroupSession session;
    start_group_session(session, lesson, 20.0);
    session.votes = {{4, 5, 1}, {0, 7}};
    session.phase = Phase::Results;
    session.ended = 20.0 + 754.6;
    const TrainerSession record = group_session_record(session, 12);
    CHECK(record.lesson_id == "passwords");
    CHECK(record.content_version == 12);
    CHECK(record.started_at == 0);
    CHECK(record.ended_at == 755);
    REQUIRE(record.questions.size() == 2);
    CHECK(record.questions[0].question == 0);
    CHECK(record.questions[0].correct_option == 1);
    CHECK(record.questions[0].participants == std::vector<int>{4, 5, 1});
    CHECK(record.questions[1].participants == std::vector<int>{0, 7});
    std::string error;
    CHECK_MESSAGE(validate_trainer_session(record, &error), error);  // what the store accepts
}

TEST_CASE("a session settles within its lesson before it is drawn") {
    const Lesson lesson = make_lesson(2, {2});
    GroupSession session;
    session.phase = Phase::Present;  // no lesson
    settle_group_session(session);
    CHECK(session.phase == Phase::Choose);
    start_group_session(session, lesson, 0);
    session.slide = 9;
    session.question = -4;
    settle_group_session(session);
    CHECK(session.slide == 1);
    CHECK(session.question == 0);
    end_group_session(session);
    CHECK(session.phase == Phase::Choose);
    CHECK(session.lesson == nullptr);
}
