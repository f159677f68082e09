#include "core/speech_engine.h"

#include "core/log.h"

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <sstream>

namespace kiosk::core {

namespace {

constexpr double kAheadSeconds = 1.5;  // audio queued ahead of the speaker, at most
constexpr size_t kReadChunk = 16384;   // bytes read from the synthesizer at a time
constexpr int kDrainPollMs = 20;       // how often the worker looks at the sink while it plays out
constexpr double kStallSeconds = 2.0;  // queued audio untouched this long: the device is gone
constexpr int kWordsPerMinute[kSpeechRateSteps] = {125, 160, 200};
constexpr const char* kRateNames[kSpeechRateSteps] = {"slow", "normal", "fast"};

}  // namespace

const char* speech_support_name(SpeechSupport support) {
    switch (support) {
        case SpeechSupport::Ready: return "ready";
        case SpeechSupport::Disabled: return "disabled";
        case SpeechSupport::NoEngine: return "no_engine";
        case SpeechSupport::NoAudio: return "no_audio";
        case SpeechSupport::NoVoice: return "no_voice";
    }
    return "ready";
}

const char* speech_voice(Lang lang) {
    switch (lang) {
        case Lang::Ru: return "ru";
        case Lang::Zh: return "cmn";
        case Lang::En: return "en-gb";
    }
    return "ru";
}

int speech_words_per_minute(int rate_step) { return kWordsPerMinute[std::clamp(rate_step, 0, kSpeechRateSteps - 1)]; }
const char* speech_rate_name(int rate_step) { return kRateNames[std::clamp(rate_step, 0, kSpeechRateSteps - 1)]; }

// " 5  ru              --/M      Russian            zle/ru" -> "ru"; the first line is a heading.
std::vector<std::string> parse_voice_list(const std::string& output) {
    std::vector<std::string> voices;
    std::istringstream lines(output);
    std::string line;
    bool heading = true;
    while (std::getline(lines, line)) {
        if (heading) {
            heading = false;
            if (line.find("Language") != std::string::npos) continue;
        }
        std::istringstream fields(line);
        std::string priority, name;
        if (fields >> priority >> name) voices.push_back(name);
    }
    return voices;
}

EspeakEngine::EspeakEngine(const EspeakConfig& config, PcmSink* sink, std::string audio_error)
    : config_(config), sink_(sink), problem_(std::move(audio_error)), volume_(std::clamp(config.volume_percent, 0, 100)) {
    wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

// The voice list is asked of `espeak-ng --voices` only once something may be read (the kiosk
// asks half a second after its start, or the first support() or speak() does): a start that
// ends at once runs no synthesizer at all.
void EspeakEngine::begin_probe() const {
    if (probe_begun_ || !config_.enabled) return;
    probe_begun_ = true;
    auto probe = [program = config_.program] {
        VoiceProbe result;
        std::string output;
        result.ok = run_for_output({program, "--voices"}, 3.0, &output, &result.error);
        if (result.ok) result.voices = parse_voice_list(output);
        return result;
    };
    // A detached thread: a kiosk that stops before the probe answers does not wait for it (the
    // thread owns the promise; the answer then goes nowhere).
    std::promise<VoiceProbe> answer;
    probe_ = answer.get_future().share();
    try {
        std::thread([probe, answer = std::move(answer)]() mutable { answer.set_value(probe()); }).detach();
    } catch (const std::system_error&) {
        std::promise<VoiceProbe> now;  // no thread to be had: probed here
        probe_ = now.get_future().share();
        now.set_value(probe());
    }
}

void EspeakEngine::resolve_voices() const {
    begin_probe();
    if (probe_resolved_ || !probe_.valid()) return;
    probe_resolved_ = true;
    const VoiceProbe& result = probe_.get();
    engine_ok_ = result.ok;
    voices_ = result.voices;
    if (!result.ok) problem_ = result.error;
    std::lock_guard<std::mutex> lock(mutex_);
    // The engine's own worker, started on first need from a const query (support()).
    auto* self = const_cast<EspeakEngine*>(this);
    if (engine_ok_ && sink_) worker_ = std::thread([self] { self->run(); });
}

bool EspeakEngine::voices_known() const {
    if (!config_.enabled) return true;
    return probe_begun_ && probe_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

EspeakEngine::~EspeakEngine() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        quit_ = true;
    }
    wake();
    if (worker_.joinable()) worker_.join();
    process_.stop();
    if (wake_fd_ >= 0) ::close(wake_fd_);
}

SpeechSupport EspeakEngine::support(Lang lang) const {
    if (!config_.enabled) return SpeechSupport::Disabled;
    resolve_voices();
    if (!engine_ok_) return SpeechSupport::NoEngine;
    if (!sink_) return SpeechSupport::NoAudio;
    const std::string voice = speech_voice(lang);
    return std::find(voices_.begin(), voices_.end(), voice) != voices_.end() ? SpeechSupport::Ready : SpeechSupport::NoVoice;
}

void EspeakEngine::set_listener(std::function<void()> listener) {
    std::lock_guard<std::mutex> lock(mutex_);
    listener_ = std::move(listener);
}

void EspeakEngine::wake() {
    if (wake_fd_ < 0) return;
    const uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof one);
}

uint64_t EspeakEngine::speak(const std::string& text, Lang lang, int words_per_minute) {
    resolve_voices();  // starts the worker, if there is an engine and a sink
    uint64_t serial;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        serial = ++serial_;
        if (!worker_.joinable()) {  // nothing can be said: it is over at once
            done_serial_ = serial;
            return serial;
        }
        pending_ = true;
        pending_speak_ = true;
        speaking_serial_ = serial;
        pending_text_ = text;
        pending_lang_ = lang;
        pending_wpm_ = words_per_minute;
        spoken_at_ = std::chrono::steady_clock::now();
        stats_ = SpeechStats{};
        stats_.serial = serial;
        sink_->clear();  // under the lock: the worker queues only for the latest serial
    }
    wake();
    return serial;
}

void EspeakEngine::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++serial_;
        pending_ = true;
        pending_speak_ = false;
        speaking_serial_ = 0;
        pending_text_.clear();
        if (sink_) sink_->clear();
    }
    wake();
}

void EspeakEngine::wait_for_end(double seconds) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!busy()) return;
    handled_.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return !busy(); });
}

void EspeakEngine::settle(double seconds) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!worker_.joinable()) return;
    handled_.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return !pending_ && acted_; });
}

bool EspeakEngine::failed(uint64_t serial) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return stats_.serial == serial && stats_.failed;
}

SpeechStats EspeakEngine::stats() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return stats_;
}

// Worker: replaces the process with one for the pending text (or none after stop()).
void EspeakEngine::begin_utterance() {
    replace_process();
    std::lock_guard<std::mutex> lock(mutex_);
    acted_ = true;
    handled_.notify_all();
}

void EspeakEngine::replace_process() {
    process_.stop();
    process_alive_ = false;
    draining_ = false;
    got_audio_ = false;
    wav_ = WavStream{};
    bytes_.clear();
    std::string text;
    Lang lang;
    int wpm;
    bool speak;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        pending_ = false;
        acted_ = false;
        speak = pending_speak_;
        started_serial_ = serial_;
        text.swap(pending_text_);
        lang = pending_lang_;
        wpm = pending_wpm_;
    }
    if (!speak) return;  // stop(): silence, and nothing to report
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        draining_ = true;  // nothing to say: over as soon as the worker looks
        return;
    }
    // The text goes through standard input, so nothing in it is ever read as an option.
    std::vector<std::string> argv = {config_.program, "--stdout", "-v", speech_voice(lang), "-s", std::to_string(wpm)};
    std::string error;
    if (!process_.start(argv, std::move(text), &error)) {
        log_warning("read aloud: %s", error.c_str());
        std::lock_guard<std::mutex> lock(mutex_);
        stats_.failed = true;
        draining_ = true;
        return;
    }
    process_alive_ = true;
}

// Worker: moves what the synthesizer wrote into the sink, keeping at most kAheadSeconds queued.
void EspeakEngine::pump(int* timeout_ms) {
    const size_t ahead = static_cast<size_t>(kAheadSeconds * sink_->sample_rate());
    if (process_.running() && sink_->queued() < ahead) {
        bytes_.clear();
        const bool open = process_.read_some(&bytes_, kReadChunk);
        samples_.clear();
        if (!bytes_.empty() && !wav_.feed(bytes_.data(), bytes_.size(), &samples_)) {
            log_warning("read aloud: %s", wav_.error().c_str());
            process_.stop();
        }
        if (!samples_.empty()) {
            if (wav_.sample_rate() != sink_->sample_rate()) {  // nearest-sample resampling
                std::vector<int16_t> resampled;
                const double step = static_cast<double>(wav_.sample_rate()) / sink_->sample_rate();
                for (double at = 0; at < samples_.size(); at += step)
                    resampled.push_back(samples_[static_cast<size_t>(at)]);
                samples_.swap(resampled);
            }
            const int volume = volume_.load();
            for (int16_t& s : samples_) s = static_cast<int16_t>(s * volume / 100);
            std::lock_guard<std::mutex> lock(mutex_);
            if (started_serial_ == serial_ && !pending_) {
                sink_->queue(samples_.data(), samples_.size());
                if (stats_.first_audio_ms < 0)
                    stats_.first_audio_ms =
                        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - spoken_at_).count();
                stats_.samples += static_cast<int64_t>(samples_.size());
                got_audio_ = true;
            }
        }
        if (!open || !process_.running()) {
            process_.finish();
            process_alive_ = false;
            draining_ = true;
            if (!got_audio_) {
                std::lock_guard<std::mutex> lock(mutex_);
                stats_.failed = true;
            }
        }
        *timeout_ms = bytes_.empty() ? -1 : 0;  // more may be waiting
        if (draining_) *timeout_ms = 0;
        else if (sink_->queued() >= ahead) *timeout_ms = kDrainPollMs;
        return;
    }
    if (speaker_stalled()) {
        // The device stopped taking audio (a USB speaker pulled out): give the utterance up
        // rather than wait for ever; the reading moves on and, failing again, stops.
        log_warning("read aloud: the audio device stopped playing");
        process_.stop();
        process_alive_ = false;
        std::lock_guard<std::mutex> lock(mutex_);
        sink_->clear();
        stats_.failed = true;
        draining_ = true;
    }
    if (process_.running()) {
        *timeout_ms = kDrainPollMs;  // enough is queued: wait for the speaker
        return;
    }
    if (draining_ && sink_->queued() == 0) {
        draining_ = false;
        std::function<void()> listener;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            done_serial_ = started_serial_;
            listener = listener_;
            handled_.notify_all();
        }
        if (listener) listener();
        *timeout_ms = -1;
        return;
    }
    *timeout_ms = draining_ ? kDrainPollMs : -1;
}

// True when audio has waited in the sink for kStallSeconds without the device taking any.
bool EspeakEngine::speaker_stalled() {
    const size_t queued = sink_->queued();
    const auto now = std::chrono::steady_clock::now();
    if (queued == 0 || queued != last_queued_) {
        last_queued_ = queued;
        queued_since_ = now;
        return false;
    }
    return now - queued_since_ > std::chrono::duration<double>(kStallSeconds);
}

void EspeakEngine::run() {
    // A synthesizer that exits before reading all its text must give EPIPE here, not SIGPIPE
    // to the kiosk. The signal is thread-directed, so blocking it in this thread suffices.
    sigset_t pipe_signal;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, nullptr);
    int timeout_ms = -1;
    while (true) {
        bool begin = false;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (quit_) break;
            begin = pending_;
        }
        if (begin) begin_utterance();
        pump(&timeout_ms);
        if (timeout_ms == 0) continue;
        pollfd fds[3];
        int count = 0;
        fds[count++] = pollfd{wake_fd_, POLLIN, 0};
        const bool want_output = process_.running() && timeout_ms < 0;
        if (want_output) fds[count++] = pollfd{process_.stdout_fd(), POLLIN, 0};
        if (process_.input_pending()) fds[count++] = pollfd{process_.stdin_fd(), POLLOUT, 0};
        ::poll(fds, static_cast<nfds_t>(count), timeout_ms);
        uint64_t drained;
        [[maybe_unused]] ssize_t n = ::read(wake_fd_, &drained, sizeof drained);
        if (process_.input_pending()) process_.write_some();
    }
    process_.stop();
    process_alive_ = false;
}

}  // namespace kiosk::core
