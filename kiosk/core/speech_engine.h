// Read aloud, below the screens: voices, the synthesizer process and the stream of audio it
// produces. `SpeechBackend` is what the SpeechController (speech_controller.h) drives;
// `EspeakEngine` is the real one: a worker thread runs `espeak-ng` per utterance and streams
// its PCM in chunks into a PcmSink (SDL audio in the kiosk, memory in tests), never more than
// a couple of seconds ahead, so a 20,000-character block costs no more memory than a short one.
#pragma once

#include "core/language.h"
#include "core/speech_process.h"
#include "core/wav_stream.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::core {

// Why reading aloud cannot be offered for a language (the button is disabled with a message).
enum class SpeechSupport {
    Ready,
    Disabled,  // the organizer turned it off (setting read_aloud)
    NoEngine,  // the synthesizer program cannot be run
    NoAudio,   // no audio output device
    NoVoice,   // no voice for the text's language
};
// "ready", "disabled", "no_engine", "no_audio", "no_voice": the state dump's speech_unavailable.
const char* speech_support_name(SpeechSupport support);

// The eSpeak NG voice for `lang`: "ru", "cmn" (Mandarin) or "en-gb".
const char* speech_voice(Lang lang);

// The visitor's three speeds (accessibility panel): slow, normal, fast.
constexpr int kSpeechRateSteps = 3;
constexpr int kDefaultSpeechRate = 1;
int speech_words_per_minute(int rate_step);
const char* speech_rate_name(int rate_step);  // "slow", "normal", "fast"

// The voice names in the output of `espeak-ng --voices` (its second column).
std::vector<std::string> parse_voice_list(const std::string& output);

// Where audio goes. Mono signed 16-bit samples at sample_rate(); every call is thread-safe.
class PcmSink {
public:
    virtual ~PcmSink() = default;
    virtual int sample_rate() const = 0;
    virtual void queue(const int16_t* samples, size_t count) = 0;
    virtual size_t queued() const = 0;  // samples queued and not yet played
    virtual void clear() = 0;           // drops everything not yet played: silence at once
};

class SpeechBackend {
public:
    virtual ~SpeechBackend() = default;
    virtual SpeechSupport support(Lang lang) const = 0;
    // Stops whatever is being said and starts `text`. Returns the utterance's serial number.
    virtual uint64_t speak(const std::string& text, Lang lang, int words_per_minute) = 0;
    virtual void stop() = 0;
    // True once utterance `serial` has played to its end (or could not be played).
    virtual bool done(uint64_t serial) const = 0;
    // True when utterance `serial` ended without a sound (the synthesizer failed).
    virtual bool failed(uint64_t serial) const = 0;
};

struct EspeakConfig {
    std::string program = "espeak-ng";
    int volume_percent = 80;  // applied to the samples (setting speech_volume)
    bool enabled = true;      // setting read_aloud
};

// Figures of the last utterance, for tests and the benchmark.
struct SpeechStats {
    uint64_t serial = 0;
    int64_t samples = 0;         // queued to the sink so far
    double first_audio_ms = -1;  // speak() to the first samples queued
    bool failed = false;         // the synthesizer produced no valid audio
};

class EspeakEngine : public SpeechBackend {
public:
    // `sink` may be null: there is no audio device (`audio_error` says why). The voices are
    // probed (`espeak-ng --voices`, at most 3 s, on a thread of its own) from begin_probe(), or
    // else from the first support(), problem(), voices() or speak(), which wait for the answer.
    // These, begin_probe() and voices_known() belong to one thread (the kiosk's UI thread).
    EspeakEngine(const EspeakConfig& config, PcmSink* sink, std::string audio_error);
    ~EspeakEngine() override;

    SpeechSupport support(Lang lang) const override;
    uint64_t speak(const std::string& text, Lang lang, int words_per_minute) override;
    void stop() override;
    bool done(uint64_t serial) const override { return done_serial_.load() >= serial && serial != 0; }
    bool failed(uint64_t serial) const override;

    // Called on the worker thread whenever an utterance ends (to wake the main loop).
    void set_listener(std::function<void()> listener);
    void set_volume(int percent) { volume_ = percent; }
    SpeechStats stats() const;
    // Why there is no engine or audio, one sentence for the log; empty when both work.
    const std::string& problem() const {
        resolve_voices();
        return problem_;
    }
    const std::vector<std::string>& voices() const {
        resolve_voices();
        return voices_;
    }
    // Starts the voice probe if it has not started (never waits).
    void begin_probe() const;
    // True once the voice probe has finished (never waits).
    bool voices_known() const;
    // True while a synthesizer process is alive (tests: at most one, and none after stop()).
    bool process_running() const { return process_alive_.load(); }
    // True from speak() until that utterance has played out (or stop()): audio is on its way.
    bool busy() const {
        const uint64_t serial = speaking_serial_.load();
        return serial != 0 && done_serial_.load() < serial;
    }
    // Waits at most `seconds`, returning early when an utterance ends (scripted runs follow
    // real time while something is said, and move on as soon as it is over).
    void wait_for_end(double seconds);
    // Waits at most `seconds` for the worker to act on the last speak() or stop() (it kills
    // or starts the synthesizer within a few milliseconds). For the exit, never for a frame.
    void settle(double seconds);

private:
    void run();
    void begin_utterance();
    void replace_process();
    void pump(int* timeout_ms);
    bool speaker_stalled();
    void wake();

    struct VoiceProbe {
        bool ok = false;
        std::vector<std::string> voices;
        std::string error;
    };
    // Waits for the voice probe once, keeps its result and starts the worker if there is an
    // engine and a sink (later calls return at once).
    void resolve_voices() const;

    EspeakConfig config_;
    PcmSink* sink_;
    mutable std::shared_future<VoiceProbe> probe_;  // set by begin_probe()
    mutable bool probe_begun_ = false;
    mutable bool probe_resolved_ = false;
    mutable std::string problem_;
    mutable std::vector<std::string> voices_;
    mutable bool engine_ok_ = false;
    std::atomic<int> volume_{80};

    mutable std::mutex mutex_;
    uint64_t serial_ = 0;              // the latest speak()
    uint64_t started_serial_ = 0;      // what the worker is saying (or last said)
    std::condition_variable handled_;  // the worker acted on started_serial_
    bool pending_ = false;             // speak() or stop() waiting for the worker
    bool pending_speak_ = false;       // ...and it was speak()
    bool quit_ = false;
    bool acted_ = true;  // the worker finished acting on the last command
    std::string pending_text_;
    Lang pending_lang_ = Lang::Ru;
    int pending_wpm_ = 160;
    std::function<void()> listener_;
    SpeechStats stats_;

    // Worker thread only.
    SpeechProcess process_;
    bool draining_ = false;  // the synthesizer finished; waiting for the sink to play out
    bool got_audio_ = false;
    std::vector<unsigned char> bytes_;
    std::vector<int16_t> samples_;
    WavStream wav_;
    std::chrono::steady_clock::time_point spoken_at_;
    size_t last_queued_ = 0;  // the sink's queue when last looked at, and since when it is so
    std::chrono::steady_clock::time_point queued_since_;

    std::atomic<uint64_t> done_serial_{0};
    std::atomic<uint64_t> speaking_serial_{0};  // the last speak(); 0 after stop()
    std::atomic<bool> process_alive_{false};
    int wake_fd_ = -1;
    mutable std::thread worker_;  // started by resolve_voices()
};

}  // namespace kiosk::core
