// What is being read aloud: a queue of items (the reader's blocks from the one the visitor
// started at, a lesson slide, a quiz question), the one being spoken, the speed, and stop.
// It drives a SpeechBackend and never waits for it: update() is called when the backend
// reports an utterance ended (and at any other time), and moves on to the next item.
#pragma once

#include "core/language.h"
#include "core/speech_engine.h"

#include <string>
#include <vector>

namespace kiosk::core {

struct SpeechItem {
    int id = 0;        // what the state dump reports while it is spoken (e.g. Block::id)
    std::string text;  // read as it is; an item with nothing to say is skipped
    Lang lang = Lang::Ru;
};

// What a reading belongs to, so a screen can tell its own reading from another's and the UI
// can stop it when the visitor leaves (screen, e.g. the document or lesson, and a part).
struct SpeechSource {
    int screen = -1;
    const void* what = nullptr;
    int part = 0;
    bool operator==(const SpeechSource& o) const { return screen == o.screen && what == o.what && part == o.part; }
    bool operator!=(const SpeechSource& o) const { return !(*this == o); }
};

class SpeechController {
public:
    // `backend` may be null: reading aloud is then unavailable (NoEngine).
    explicit SpeechController(SpeechBackend* backend) : backend_(backend) {}

    SpeechSupport support(Lang lang) const;
    // Starts reading items[from], then the ones after it. Whatever was being read stops first.
    void read(std::vector<SpeechItem> items, size_t from, int rate_step, SpeechSource source);
    // Silence at once; nothing is queued any more.
    void stop();
    // While reading: continue from items[index] (a tap on another block).
    void jump_to(size_t index);
    // The visitor changed the speed: the item being spoken starts again at the new one.
    void set_rate(int rate_step);
    // Moves on when the backend finished the current item. True when current_index() changed.
    // After kMaxFailures items in a row ended without a sound the reading stops: a broken
    // synthesizer is not started again for every block of a long document.
    bool update();
    static constexpr int kMaxFailures = 3;

    bool speaking() const { return current_ >= 0; }
    int current_index() const { return current_; }
    int current_id() const { return current_ >= 0 ? items_[current_].id : -1; }
    const SpeechSource& source() const { return source_; }
    int rate() const { return rate_; }

private:
    void start(size_t index);

    SpeechBackend* backend_;
    std::vector<SpeechItem> items_;
    int current_ = -1;
    uint64_t serial_ = 0;
    int failures_ = 0;  // items in a row that ended without a sound
    int rate_ = kDefaultSpeechRate;
    SpeechSource source_;
};

}  // namespace kiosk::core
