// Read aloud below the screens: the WAV stream decoder, the voice list, the controller's queue
// (with a fake backend), and the real eSpeak NG engine streaming into a memory sink.
#include "core/file_io.h"
#include "core/kiosk_settings.h"
#include "core/speech_controller.h"
#include "core/speech_engine.h"
#include "core/wav_stream.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <thread>

using kiosk::core::Lang;
using kiosk::core::SpeechSupport;

namespace {

std::vector<unsigned char> wav_header(int rate, int channels) {
    std::vector<unsigned char> h;
    auto put = [&](uint32_t v, int bytes) {
        for (int i = 0; i < bytes; ++i) h.push_back(static_cast<unsigned char>(v >> (8 * i)));
    };
    for (char c : std::string("RIFF")) h.push_back(static_cast<unsigned char>(c));
    put(0x7ffff024u, 4);  // what espeak-ng writes when streaming
    for (char c : std::string("WAVEfmt ")) h.push_back(static_cast<unsigned char>(c));
    put(16, 4);
    put(1, 2);
    put(static_cast<uint32_t>(channels), 2);
    put(static_cast<uint32_t>(rate), 4);
    put(static_cast<uint32_t>(rate * channels * 2), 4);
    put(static_cast<uint32_t>(channels * 2), 2);
    put(16, 2);
    for (char c : std::string("data")) h.push_back(static_cast<unsigned char>(c));
    put(0x7ffff000u, 4);
    return h;
}

// A speaker that plays what is queued much faster than real time, counting what it played.
class MemorySink : public kiosk::core::PcmSink {
public:
    MemorySink() : player_([this] { play(); }) {}
    ~MemorySink() override {
        quit_ = true;
        player_.join();
    }
    int sample_rate() const override { return 22050; }
    void queue(const int16_t* samples, size_t count) override {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.insert(queue_.end(), samples, samples + count);
        max_queued_ = std::max(max_queued_, queue_.size());
    }
    size_t queued() const override {
        std::lock_guard<std::mutex> lock(mutex_);
        return queue_.size();
    }
    void clear() override {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.clear();
    }
    int64_t played() const { return played_.load(); }
    int64_t voiced() const { return voiced_.load(); }  // samples louder than 1 % of full scale
    size_t max_queued() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return max_queued_;
    }

private:
    void play() {
        while (!quit_) {
            {
                std::lock_guard<std::mutex> lock(mutex_);
                const size_t n = std::min<size_t>(queue_.size(), 22050 / 10);  // 100 ms of audio per 5 ms
                for (size_t i = 0; i < n; ++i)
                    if (std::abs(queue_[i]) > 327) ++voiced_;
                queue_.erase(queue_.begin(), queue_.begin() + static_cast<long>(n));
                played_ += static_cast<int64_t>(n);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }

    mutable std::mutex mutex_;
    std::vector<int16_t> queue_;
    size_t max_queued_ = 0;
    std::atomic<int64_t> played_{0}, voiced_{0};
    std::atomic<bool> quit_{false};
    std::thread player_;
};

bool wait_until(const std::function<bool()>& condition, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

// The children of this process (every thread's), from /proc.
std::vector<std::string> child_processes() {
    std::vector<std::string> children;
    DIR* dir = opendir("/proc/self/task");
    if (!dir) return children;
    while (dirent* entry = readdir(dir)) {
        if (entry->d_name[0] == '.') continue;
        std::string list = kiosk::test::read_text(std::string("/proc/self/task/") + entry->d_name + "/children");
        size_t at = 0;
        while ((at = list.find_first_not_of(' ', at)) != std::string::npos) {
            size_t end = list.find(' ', at);
            children.push_back(list.substr(at, end - at));
            at = end;
        }
    }
    closedir(dir);
    return children;
}

struct SpokenFigures {
    double seconds = 0;  // of audio played
    double voiced_seconds = 0;
    bool failed = false;
};

SpokenFigures speak_and_play(kiosk::core::EspeakEngine& engine, MemorySink& sink, const std::string& text, Lang lang) {
    const int64_t played = sink.played(), voiced = sink.voiced();
    const uint64_t serial = engine.speak(text, lang, kiosk::core::speech_words_per_minute(1));
    REQUIRE(wait_until([&] { return engine.done(serial); }, 60));
    SpokenFigures figures;
    figures.seconds = static_cast<double>(sink.played() - played) / sink.sample_rate();
    figures.voiced_seconds = static_cast<double>(sink.voiced() - voiced) / sink.sample_rate();
    figures.failed = engine.stats().failed;
    return figures;
}

// Records what the controller asks of its backend; utterances end when the test says so.
class FakeBackend : public kiosk::core::SpeechBackend {
public:
    SpeechSupport support(Lang lang) const override {
        return lang == Lang::Zh ? SpeechSupport::NoVoice : SpeechSupport::Ready;
    }
    uint64_t speak(const std::string& text, Lang, int wpm) override {
        spoken.push_back(text);
        rates.push_back(wpm);
        return ++serial;
    }
    void stop() override { ++stops; }
    bool done(uint64_t s) const override { return s <= finished; }
    bool failed(uint64_t s) const override { return s <= finished && s > last_good; }
    void finish_current() { finished = last_good = serial; }
    void fail_current() { finished = serial; }

    std::vector<std::string> spoken;
    std::vector<int> rates;
    uint64_t serial = 0, finished = 0, last_good = 0;
    int stops = 0;
};

std::vector<kiosk::core::SpeechItem> items(std::initializer_list<const char*> texts, Lang lang = Lang::Ru) {
    std::vector<kiosk::core::SpeechItem> list;
    int id = 1;
    for (const char* text : texts) list.push_back({id++, text, lang});
    return list;
}

}  // namespace

TEST_CASE("A WAV stream is decoded whatever pieces the pipe delivers it in") {
    std::vector<unsigned char> bytes = wav_header(22050, 1);
    for (int16_t s : {100, -200, 300, 32767, -32768}) {
        bytes.push_back(static_cast<unsigned char>(s & 0xff));
        bytes.push_back(static_cast<unsigned char>((s >> 8) & 0xff));
    }
    for (size_t piece : {1, 3, 7, 44, 1000}) {
        kiosk::core::WavStream wav;
        std::vector<int16_t> out;
        for (size_t at = 0; at < bytes.size(); at += piece)
            REQUIRE(wav.feed(bytes.data() + at, std::min(piece, bytes.size() - at), &out));
        CHECK(wav.header_done());
        CHECK(wav.sample_rate() == 22050);
        CHECK(out == std::vector<int16_t>{100, -200, 300, 32767, -32768});
    }
}

TEST_CASE("A stereo WAV stream is mixed down to mono and a stream that is not WAV is refused") {
    std::vector<unsigned char> bytes = wav_header(44100, 2);
    for (int16_t s : {1000, 3000, -10, -30}) {
        bytes.push_back(static_cast<unsigned char>(s & 0xff));
        bytes.push_back(static_cast<unsigned char>((s >> 8) & 0xff));
    }
    kiosk::core::WavStream wav;
    std::vector<int16_t> out;
    REQUIRE(wav.feed(bytes.data(), bytes.size(), &out));
    CHECK(out == std::vector<int16_t>{2000, -20});
    kiosk::core::WavStream bad;
    const std::string text = "Error: The specified espeak-ng voice does not exist.\n";
    CHECK_FALSE(bad.feed(reinterpret_cast<const unsigned char*>(text.data()), text.size(), &out));
    CHECK(bad.error() == "not a WAV stream");
}

TEST_CASE("The voice list of espeak-ng is read from its second column") {
    const std::string output =
        "Pty Language       Age/Gender VoiceName          File                 Other Languages\n"
        " 5  cmn             --/M      Chinese_(Mandarin) sit/cmn              (zh-cmn 5)(zh 5)\n"
        " 2  en-gb           --/M      English_(Great_Britain) gmw/en          (en 2)\n"
        " 5  ru              --/M      Russian            zle/ru\n";
    CHECK(kiosk::core::parse_voice_list(output) == std::vector<std::string>{"cmn", "en-gb", "ru"});
    CHECK(std::string(kiosk::core::speech_voice(Lang::Zh)) == "cmn");
    CHECK(kiosk::core::speech_words_per_minute(0) < kiosk::core::speech_words_per_minute(1));
    CHECK(kiosk::core::speech_words_per_minute(1) < kiosk::core::speech_words_per_minute(2));
    CHECK(std::string(kiosk::core::speech_rate_name(2)) == "fast");
}

TEST_CASE("The controller reads item after item, skips empty ones and stops after the last") {
    FakeBackend backend;
    kiosk::core::SpeechController speech(&backend);
    speech.read(items({"Первый.", "", "  \n", "Второй.", "Третий."}), 0, 1, {});
    CHECK(speech.current_id() == 1);
    CHECK_FALSE(speech.update());  // still speaking the first
    backend.finish_current();
    CHECK(speech.update());
    CHECK(speech.current_id() == 4);  // the two empty items are skipped
    backend.finish_current();
    CHECK(speech.update());
    CHECK(speech.current_id() == 5);
    backend.finish_current();
    CHECK(speech.update());
    CHECK_FALSE(speech.speaking());
    CHECK(speech.current_id() == -1);
    CHECK(backend.spoken == std::vector<std::string>{"Первый.", "Второй.", "Третий."});
}

TEST_CASE("The controller moves to a tapped item, restarts at a new speed and stops at once") {
    FakeBackend backend;
    kiosk::core::SpeechController speech(&backend);
    speech.read(items({"a", "b", "c", "d"}), 1, 0, {});
    CHECK(speech.current_id() == 2);
    speech.jump_to(3);
    CHECK(speech.current_id() == 4);
    speech.set_rate(2);
    CHECK(backend.spoken.back() == "d");
    CHECK(backend.rates.back() == kiosk::core::speech_words_per_minute(2));
    speech.stop();
    CHECK_FALSE(speech.speaking());
    CHECK(backend.stops >= 1);
    backend.finish_current();
    CHECK_FALSE(speech.update());  // a finished utterance after stop() does not start the next
    speech.jump_to(0);
    CHECK_FALSE(speech.speaking());
}

TEST_CASE("The controller stops a reading after three items in a row end without a sound") {
    FakeBackend backend;
    kiosk::core::SpeechController speech(&backend);
    speech.read(items({"a", "b", "c", "d", "e", "f"}), 0, 1, {});
    backend.fail_current();
    CHECK(speech.update());
    backend.finish_current();  // b is heard: the count starts again
    CHECK(speech.update());
    CHECK(speech.current_id() == 3);
    for (int i = 0; i < 2; ++i) {
        backend.fail_current();
        CHECK(speech.update());
        CHECK(speech.speaking());
    }
    backend.fail_current();  // c, d and e failed
    CHECK(speech.update());
    CHECK_FALSE(speech.speaking());
    CHECK(backend.spoken.size() == 5);  // f was never started
}

TEST_CASE("The controller never starts a text in a language without a voice") {
    FakeBackend backend;
    kiosk::core::SpeechController speech(&backend);
    speech.read(items({"您好。", "欢迎。"}, Lang::Zh), 0, 1, {});
    CHECK_FALSE(speech.speaking());
    CHECK(backend.spoken.empty());
    kiosk::core::SpeechController none(nullptr);
    CHECK(none.support(Lang::Ru) == SpeechSupport::NoEngine);
    none.read(items({"Текст."}), 0, 1, {});
    CHECK_FALSE(none.speaking());
}

TEST_CASE("eSpeak NG reads Russian, Chinese and English aloud with audio of plausible length") {
    MemorySink sink;
    kiosk::core::EspeakEngine engine({}, &sink, "");
    REQUIRE_MESSAGE(engine.problem().empty(), engine.problem());
    for (Lang lang : kiosk::core::kAllLangs) CHECK(engine.support(lang) == SpeechSupport::Ready);
    struct Case {
        Lang lang;
        const char* text;
        double min_s, max_s;
    };
    // About 2.5 words a second at the normal speed: 8 words take 2 to 7 s with pauses.
    const Case cases[] = {
        {Lang::Ru,
         "Государства-члены развивают сотрудничество в области цифровой экономики и информационных технологий.", 2.5, 12},
        {Lang::Zh, "成员国发展数字经济和信息技术领域的合作。", 2.0, 14},
        {Lang::En, "Member states develop cooperation in the digital economy and information technology.", 2.0, 10},
    };
    for (const Case& c : cases) {
        const std::string lang = kiosk::core::lang_code(c.lang);
        CAPTURE(lang);
        SpokenFigures spoken = speak_and_play(engine, sink, c.text, c.lang);
        CHECK_FALSE(spoken.failed);
        CHECK(spoken.seconds >= c.min_s);
        CHECK(spoken.seconds <= c.max_s);
        CHECK(spoken.voiced_seconds >= c.min_s * 0.3);  // speech, not silence
        CHECK(engine.stats().first_audio_ms >= 0);
    }
    // Slow takes longer than fast for the same text.
    const std::string text = cases[2].text;
    const uint64_t slow = engine.speak(text, Lang::En, kiosk::core::speech_words_per_minute(0));
    REQUIRE(wait_until([&] { return engine.done(slow); }, 60));
    const int64_t slow_samples = engine.stats().samples;
    const uint64_t fast = engine.speak(text, Lang::En, kiosk::core::speech_words_per_minute(2));
    REQUIRE(wait_until([&] { return engine.done(fast); }, 60));
    CHECK(engine.stats().samples < slow_samples * 0.85);
}

TEST_CASE("An empty text ends at once and a 20000-character text streams with bounded memory") {
    MemorySink sink;
    kiosk::core::EspeakEngine engine({}, &sink, "");
    REQUIRE_MESSAGE(engine.problem().empty(), engine.problem());
    const uint64_t empty = engine.speak("", Lang::Ru, 160);
    REQUIRE(wait_until([&] { return engine.done(empty); }, 5));
    CHECK(sink.played() == 0);

    std::string huge;
    while (huge.size() < size_t{20000} * 2)
        huge += "Цифровое сотрудничество государств-членов ШОС. ";  // 2 bytes a letter
    const uint64_t serial = engine.speak(huge, Lang::Ru, 200);
    REQUIRE(wait_until([&] { return engine.stats().samples > int64_t{22050} * 10; }, 30));  // 10 s of it came through
    CHECK_FALSE(engine.done(serial));
    // Never more than the worker's 1.5 s ahead plus one read of the pipe sits in the queue.
    CHECK(sink.max_queued() <= static_cast<size_t>(22050 * 1.5) + 16384);
    engine.stop();
    CHECK(sink.queued() == 0);  // silence at once
    CHECK(wait_until([&] { return !engine.process_running() && child_processes().empty(); }, 5));
}

TEST_CASE("Fifty quick starts never leave two voices or a zombie behind") {
    MemorySink sink;
    kiosk::core::EspeakEngine engine({}, &sink, "");
    REQUIRE_MESSAGE(engine.problem().empty(), engine.problem());
    size_t most_children = 0;
    uint64_t last = 0;
    for (int i = 0; i < 50; ++i) {
        last = engine.speak("Шанхайская организация сотрудничества. Номер " + std::to_string(i) + ".", Lang::Ru, 160);
        most_children = std::max(most_children, child_processes().size());
        std::this_thread::sleep_for(std::chrono::milliseconds(i % 7));
    }
    CHECK(most_children <= 1);
    REQUIRE(wait_until([&] { return engine.done(last); }, 30));
    CHECK(engine.stats().serial == last);
    CHECK_FALSE(engine.stats().failed);
    CHECK(wait_until([&] { return child_processes().empty(); }, 5));
}

TEST_CASE("A missing voice, synthesizer or audio device makes reading unavailable, with the reason") {
    kiosk::test::TempDir dir;
    MemorySink sink;
    kiosk::core::EspeakConfig config;
    config.program = kiosk::test::write_engine_without_chinese_voice(dir);
    kiosk::core::EspeakEngine no_cmn(config, &sink, "");
    CHECK(no_cmn.support(Lang::Ru) == SpeechSupport::Ready);
    CHECK(no_cmn.support(Lang::Zh) == SpeechSupport::NoVoice);

    config.program = dir.file("no-such-synthesizer");
    kiosk::core::EspeakEngine missing(config, &sink, "");
    CHECK(missing.support(Lang::Ru) == SpeechSupport::NoEngine);
    CHECK(missing.problem().find("no-such-synthesizer") != std::string::npos);
    const uint64_t serial = missing.speak("Текст.", Lang::Ru, 160);
    CHECK(missing.done(serial));  // nothing to wait for

    kiosk::core::EspeakEngine no_audio({}, nullptr, "no audio device");
    CHECK(no_audio.support(Lang::En) == SpeechSupport::NoAudio);
    CHECK(no_audio.problem() == "no audio device");

    kiosk::core::EspeakConfig off;
    off.enabled = false;
    kiosk::core::EspeakEngine disabled(off, &sink, "");
    CHECK(disabled.support(Lang::Ru) == SpeechSupport::Disabled);
}

TEST_CASE("read_aloud and speech_volume are organizer settings with checked values") {
    kiosk::core::KioskSettings settings;
    CHECK(settings.read_aloud);
    CHECK(settings.speech_volume == 80);
    std::string error;
    CHECK(kiosk::core::apply_setting(&settings, "read_aloud", "off", &error));
    CHECK_FALSE(settings.read_aloud);
    CHECK(kiosk::core::apply_setting(&settings, "speech_volume", "35", &error));
    CHECK(settings.speech_volume == 35);
    for (const char* bad : {"101", "-1", "loud", ""}) {
        CHECK_FALSE(kiosk::core::apply_setting(&settings, "speech_volume", bad, &error));
        CHECK(error.find("speech_volume") != std::string::npos);
        CHECK(error.find("0 to 100") != std::string::npos);
    }
    CHECK(settings.speech_volume == 35);
    CHECK_FALSE(kiosk::core::apply_setting(&settings, "read_aloud", "maybe", &error));
    bool listed_volume = false, listed_switch = false;
    for (const auto& [key, value] : kiosk::core::setting_values(settings)) {
        if (key == "speech_volume") listed_volume = value == "35";
        if (key == "read_aloud") listed_switch = value == "off";
    }
    CHECK(listed_volume);
    CHECK(listed_switch);
    bool settable = false;
    for (const kiosk::core::SettingInfo& info : kiosk::core::settable_settings())
        settable = settable || std::string(info.key) == "speech_volume";
    CHECK(settable);
}

TEST_CASE("The volume setting scales the samples the engine queues") {
    MemorySink sink;
    kiosk::core::EspeakConfig loud, quiet;
    loud.volume_percent = 100;
    quiet.volume_percent = 10;
    kiosk::core::EspeakEngine loud_engine(loud, &sink, "");
    const uint64_t a = loud_engine.speak("Громко.", Lang::Ru, 160);
    REQUIRE(wait_until([&] { return loud_engine.done(a); }, 30));
    const int64_t loud_voiced = sink.voiced();
    kiosk::core::EspeakEngine quiet_engine(quiet, &sink, "");
    const uint64_t b = quiet_engine.speak("Громко.", Lang::Ru, 160);
    REQUIRE(wait_until([&] { return quiet_engine.done(b); }, 30));
    const int64_t quiet_voiced = sink.voiced() - loud_voiced;
    CHECK(loud_voiced > 0);
    CHECK(quiet_voiced < loud_voiced / 2);  // at a tenth of the amplitude, most samples fall under 1 %
}

TEST_CASE("kioskctl settings names every settable setting in its help and sets the volume") {
    const kiosk::test::CommandResult help =
        kiosk::test::run_command(kiosk::test::with_emulator({KIOSKCTL_BIN, "--help"}));
    const std::string text = help.out + help.err;
    for (const kiosk::core::SettingInfo& info : kiosk::core::settable_settings()) {
        CAPTURE(info.key);
        CHECK(text.find(info.key) != std::string::npos);
    }
    kiosk::test::TempDir dir;
    auto set = kiosk::test::run_command(
        kiosk::test::with_emulator({KIOSKCTL_BIN, "settings", "--data-dir", dir.path(), "speech_volume", "120"}));
    CHECK(set.exit_code == 2);
    CHECK(set.err.find("speech_volume") != std::string::npos);
    set = kiosk::test::run_command(
        kiosk::test::with_emulator({KIOSKCTL_BIN, "settings", "--data-dir", dir.path(), "speech_volume", "60"}));
    CHECK(set.exit_code == 0);
    auto list = kiosk::test::run_command(kiosk::test::with_emulator({KIOSKCTL_BIN, "settings", "--data-dir", dir.path()}));
    CHECK(list.out.find("speech_volume\t60\n") != std::string::npos);
    CHECK(list.out.find("read_aloud\ton\n") != std::string::npos);
}

TEST_CASE("A synthesizer that exits without reading its text or saying anything ends the utterance quietly") {
    kiosk::test::TempDir dir;
    const std::string path = dir.file("mute");
    // It closes its standard input at once and its output only later, so the kiosk writes to
    // a pipe nobody reads any more.
    kiosk::test::write_text(path, "#!/bin/sh\n[ \"$1\" = --voices ] && printf 'Pty Language\\n 5 ru\\n' && exit 0\n"
                                  "exec 0<&-\nsleep 0.3\nexit 0\n");
    chmod(path.c_str(), 0755);
    MemorySink sink;
    kiosk::core::EspeakConfig config;
    config.program = path;
    kiosk::core::EspeakEngine engine(config, &sink, "");
    REQUIRE(engine.support(Lang::Ru) == SpeechSupport::Ready);
    // Far more text than a pipe holds, so writing it meets a closed pipe (SIGPIPE if not blocked).
    std::string text;
    while (text.size() < 300000) text += "Текст, который никто не прочтёт. ";
    const uint64_t serial = engine.speak(text, Lang::Ru, 160);
    REQUIRE(wait_until([&] { return engine.done(serial); }, 10));
    CHECK(engine.stats().failed);
    CHECK(sink.played() == 0);
    CHECK_FALSE(engine.busy());
}

// A speaker that takes nothing: the device was unplugged.
class DeadSink : public kiosk::core::PcmSink {
public:
    int sample_rate() const override { return 22050; }
    void queue(const int16_t*, size_t count) override { queued_ += count; }
    size_t queued() const override { return queued_; }
    void clear() override { queued_ = 0; }

private:
    std::atomic<size_t> queued_{0};
};

TEST_CASE("A speaker that stops taking audio ends the utterance instead of hanging the reading") {
    DeadSink sink;
    kiosk::core::EspeakEngine engine({}, &sink, "");
    REQUIRE_MESSAGE(engine.problem().empty(), engine.problem());
    const uint64_t serial = engine.speak("Государства-члены развивают цифровое сотрудничество.", Lang::Ru, 160);
    REQUIRE(wait_until([&] { return engine.done(serial); }, 10));
    CHECK(engine.failed(serial));
    CHECK(sink.queued() == 0);
    CHECK(wait_until([&] { return !engine.process_running() && child_processes().empty(); }, 5));
}

TEST_CASE("The voices are probed only when begin_probe or a question asks, and never hold up the caller") {
    kiosk::test::TempDir dir;
    const std::string calls = dir.file("calls.txt");
    const std::string program = dir.file("espeak-ng");
    const std::string go = dir.file("go");
    // The stand-in answers only once the test lets it (or after 5 s).
    kiosk::test::write_text(program,
                            "#!/bin/sh\necho \"$@\" >> '" + calls + "'\nn=0\nwhile [ ! -e '" + go +
                                "' ] && [ $n -lt 100 ]; do sleep 0.05; n=$((n+1)); done\nexec espeak-ng \"$@\"\n");
    REQUIRE(chmod(program.c_str(), 0755) == 0);
    MemorySink sink;
    kiosk::core::EspeakConfig config;
    config.program = program;
    kiosk::core::EspeakEngine engine(config, &sink, "");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK_FALSE(kiosk::core::fs::exists(calls));  // constructing runs nothing
    CHECK_FALSE(engine.voices_known());

    engine.begin_probe();
    CHECK_FALSE(engine.voices_known());  // had begin_probe waited, the probe would have answered
    kiosk::test::write_text(go, "");
    for (int i = 0; i < 500 && !engine.voices_known(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(engine.voices_known());
    CHECK(kiosk::test::read_text(calls).find("--voices") != std::string::npos);
    CHECK(engine.support(Lang::Ru) == SpeechSupport::Ready);
}
