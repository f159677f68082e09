#include "core/speech_controller.h"

namespace kiosk::core {

namespace {

bool says_something(const std::string& text) { return text.find_first_not_of(" \t\r\n") != std::string::npos; }

}  // namespace

SpeechSupport SpeechController::support(Lang lang) const {
    return backend_ ? backend_->support(lang) : SpeechSupport::NoEngine;
}

// Speaks items_[index], or the first item after it that has something to say in a language
// with a voice; past the end the reading is over.
void SpeechController::start(size_t index) {
    while (index < items_.size() &&
           (!says_something(items_[index].text) || support(items_[index].lang) != SpeechSupport::Ready))
        ++index;
    if (index >= items_.size()) {
        stop();
        return;
    }
    current_ = static_cast<int>(index);
    const SpeechItem& item = items_[index];
    serial_ = backend_->speak(item.text, item.lang, speech_words_per_minute(rate_));
}

void SpeechController::read(std::vector<SpeechItem> items, size_t from, int rate_step, SpeechSource source) {
    stop();
    if (!backend_) return;
    items_ = std::move(items);
    failures_ = 0;
    rate_ = rate_step;
    source_ = source;
    start(from);
}

void SpeechController::stop() {
    if (current_ >= 0 && backend_) backend_->stop();
    current_ = -1;
    serial_ = 0;
    items_.clear();
    source_ = SpeechSource{};
}

void SpeechController::jump_to(size_t index) {
    if (current_ < 0 || index >= items_.size()) return;
    start(index);
}

void SpeechController::set_rate(int rate_step) {
    if (rate_step == rate_) return;
    rate_ = rate_step;
    if (current_ >= 0) start(static_cast<size_t>(current_));
}

bool SpeechController::update() {
    if (current_ < 0 || !backend_->done(serial_)) return false;
    failures_ = backend_->failed(serial_) ? failures_ + 1 : 0;
    if (failures_ >= kMaxFailures) stop();
    else start(static_cast<size_t>(current_) + 1);
    return true;
}

}  // namespace kiosk::core
