// The anonymous results of a trainer-led group session, as StateStore records them
// (state_store.h) and the trainer screen fills them in, without SQLite.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core {

// How one quiz question went in a group session: the trainer's tally per option.
struct TrainerQuestionResult {
    int question = 0;               // 0-based position in the lesson's quiz
    int correct_option = 0;         // 0-based index into participants
    std::vector<int> participants;  // how many chose each option (A, B, C...)
};

// One trainer-led session. Anonymous: no names, only totals.
struct TrainerSession {
    int64_t id = 0;  // assigned by the store when recorded
    std::string lesson_id;
    int64_t content_version = 0;  // of the content package the quiz came from; 0 if unknown
    int64_t started_at = 0;       // Unix time, seconds
    int64_t ended_at = 0;
    std::vector<TrainerQuestionResult> questions;  // in quiz order
};

}  // namespace kiosk::core
