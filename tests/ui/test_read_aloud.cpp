// Reading aloud, played headless: audio goes to SDL's disk driver (a raw file of what the
// speaker would play) or the dummy driver, eSpeak NG reads, and the state dump reports
// `speaking`, `speech_rate`, `speech_unavailable` and whether anything can still be heard.
#include "core/utf8.h"
#include "kiosk_runner.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>

using kiosk::core::Lang;
using kiosk::test::has_target;
using kiosk::test::has_target_id;
using kiosk::test::JsonValue;
using kiosk::test::run_kiosk_script;
using kiosk::test::set_setting;
using kiosk::test::TempDir;

namespace {

// Sets an environment variable for the kiosks this test starts, and restores it after.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old, had_ = true;
        setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (had_) setenv(name_, old_.c_str(), 1);
        else unsetenv(name_);
    }

private:
    const char* name_;
    std::string old_;
    bool had_ = false;
};

// Seconds of audible samples (louder than 1 % of full scale) in SDL's disk driver output:
// 16-bit mono at 22,050 Hz, silence wherever nothing was being said.
double voiced_seconds(const std::string& raw_path) {
    std::ifstream in(raw_path, std::ios::binary);
    int64_t voiced = 0;
    int16_t sample = 0;
    while (in.read(reinterpret_cast<char*>(&sample), sizeof sample))
        if (sample > 327 || sample < -327) ++voiced;
    return static_cast<double>(voiced) / 22050.0;
}

// Characters (code points) of the first document's blocks before the one with id `until`, in `lang`.
size_t characters_before(Lang lang, int until) {
    auto store = kiosk::test::open_factory_content();
    size_t count = 0;
    for (const kiosk::core::Block& block : store->documents()[0].blocks) {
        if (block.id >= until) break;
        count += kiosk::core::utf8::length(block.text_in(lang));
    }
    return count;
}

const std::string kOpenFirst = "wait 100\ntap 300 500\nwait 300\n";

}  // namespace

TEST_CASE("The reader reads Russian, Chinese and English aloud, audibly, and the highlight advances") {
    for (Lang lang : kiosk::core::kAllLangs) {
        const std::string code = kiosk::core::lang_code(lang);
        CAPTURE(code);
        TempDir dir;
        ScopedEnv driver("SDL_AUDIODRIVER", "disk");
        ScopedEnv file("SDL_DISKAUDIOFILE", dir.file("speaker.raw"));
        auto run = run_kiosk_script(dir, kOpenFirst + "tap-id reader.read\nwait 12000\n", {"--lang", code});
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        REQUIRE(run.state["speaking"].type == JsonValue::Type::Number);
        const int speaking = static_cast<int>(run.state["speaking"].number);
        CHECK(speaking >= 3);  // blocks 1 and 2 were read through, and the highlight moved on
        CHECK(run.state["speech_unavailable"].is_null());
        CHECK(run.state["speech_audio"]["synthesizer_running"].boolean);
        // What was heard fits the blocks read: eSpeak NG says about 14 letters a second at the
        // normal speed, a Chinese character in about a quarter of a second; half of it is voiced.
        const double voiced = voiced_seconds(dir.file("speaker.raw"));
        const double per_char = lang == Lang::Zh ? 0.08 : 0.02;
        CHECK(voiced >= per_char * static_cast<double>(characters_before(lang, speaking)));
        CHECK(voiced <= 12.5);
    }
}

TEST_CASE("Stop, leaving the reader and a tap on another block act on reading aloud at once") {
    TempDir dir;
    auto stopped = run_kiosk_script(dir, kOpenFirst + "tap-id reader.read\nwait 1500\ntap-id reader.stop\nwait 100\n");
    REQUIRE_MESSAGE(stopped.result.exit_code == 0, stopped.result.err);
    CHECK(stopped.state["speaking"].is_null());
    CHECK_FALSE(stopped.state["speech_audio"]["synthesizer_running"].boolean);
    CHECK(stopped.state["speech_audio"]["queued_ms"].number == 0);
    CHECK(has_target(stopped.state, "▶ Слушать"));

    TempDir dir2;
    auto left = run_kiosk_script(dir2, kOpenFirst + "tap-id reader.read\nwait 1000\ntap-id reader.back\nwait 100\n");
    REQUIRE_MESSAGE(left.result.exit_code == 0, left.result.err);
    CHECK(left.state["screen"].string == "home");
    CHECK(left.state["speaking"].is_null());
    CHECK_FALSE(left.state["speech_audio"]["synthesizer_running"].boolean);

    TempDir dir4;
    auto switched =
        run_kiosk_script(dir4, kOpenFirst + "tap-id reader.read\nwait 500\ntap-id top.language.en\nwait 100\n");
    REQUIRE_MESSAGE(switched.result.exit_code == 0, switched.result.err);
    CHECK(switched.state["reader_language"].string == "en");
    CHECK(switched.state["speaking"].is_null());  // not Russian any more: the visitor starts again in English
    CHECK(has_target(switched.state, "▶ Read aloud"));

    // The block near the bottom of the screen is far below the first ones being read (from the
    // start of the text, past the visitor's title and summary).
    TempDir dir3;
    auto moved =
        run_kiosk_script(dir3, kOpenFirst + "tap-id reader.contents\nwait 100\ntap-id reader.section.1\nwait 1500\n"
                                            "tap-id reader.read\nwait 500\ntap 1300 1000\nwait 300\n");
    REQUIRE_MESSAGE(moved.result.exit_code == 0, moved.result.err);
    REQUIRE(moved.state["speaking"].type == JsonValue::Type::Number);
    CHECK(moved.state["speaking"].number >= 6);
    CHECK(moved.state["reader_originals"].array.empty());  // the tap moved the reading, it showed no original
}

TEST_CASE("The idle reset silences reading aloud and the attract loop stays silent") {
    TempDir dir;
    set_setting(dir, "idle_timeout_s", "15");
    set_setting(dir, "countdown_s", "5");
    auto run = run_kiosk_script(dir, kOpenFirst + "tap-id reader.read\nwait 21000\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["screen"].string == "attract");
    CHECK(run.state["speaking"].is_null());
    CHECK_FALSE(run.state["speech_audio"]["synthesizer_running"].boolean);
    CHECK(run.state["speech_audio"]["queued_ms"].number == 0);
    CHECK(run.state["speech_rate"].string == "normal");
}

TEST_CASE("Reading aloud draws a frame only when the highlighted block changes") {
    TempDir quiet_dir, reading_dir;
    // From the start of the text (past the visitor's title and summary), so its first blocks are in view.
    const std::string open = kOpenFirst + "tap-id reader.contents\nwait 100\ntap-id reader.section.1\nwait 1500\n";
    auto quiet = run_kiosk_script(quiet_dir, open + "tap-id reader.larger\ntap-id reader.smaller\nwait 12000\n");
    auto reading = run_kiosk_script(reading_dir, open + "tap-id reader.read\ntap-id reader.stop\n"
                                                        "tap-id reader.read\nwait 12000\n");
    REQUIRE_MESSAGE(quiet.result.exit_code == 0, quiet.result.err);
    REQUIRE_MESSAGE(reading.result.exit_code == 0, reading.result.err);
    REQUIRE(reading.state["speaking"].type == JsonValue::Type::Number);
    const double changes = reading.state["speaking"].number - 1;  // blocks moved on from
    CHECK(changes >= 2);
    // The same taps cost the same frames; each block change costs one (no scrolling needed yet).
    CHECK(reading.state["frames_rendered"].number <= quiet.state["frames_rendered"].number + 2 * changes + 4);
}

TEST_CASE("The speed is the visitor's, from the accessibility panel, and resets with the session") {
    TempDir dir;
    auto run = run_kiosk_script(
        dir, kOpenFirst + "tap-id reader.read\nwait 300\ntap-id top.a11y\ntap-id a11y.rate_fast\nwait 300\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["speech_rate"].string == "fast");
    CHECK(run.state["speaking"].type == JsonValue::Type::Number);  // the panel does not stop the reading
    CHECK(has_target(run.state, "Медленно"));
    kiosk::test::check_target_sizes(run.state);
}

TEST_CASE("Lesson slides and quiz questions are read aloud in the visitor's language") {
    auto store = kiosk::test::open_factory_content();
    const kiosk::core::Lesson& lesson = store->lessons().front();
    TempDir dir;
    auto slide = run_kiosk_script(
        dir, "tap-id home.lessons\ntap-label " + lesson.title[Lang::En] + "\ntap-id lesson.read\nwait 500\n",
        {"--lang", "en"});
    REQUIRE_MESSAGE(slide.result.exit_code == 0, slide.result.err);
    CHECK(slide.state["screen"].string == "lesson");
    CHECK(slide.state["speaking"].number == 1);  // the first slide
    kiosk::test::check_target_sizes(slide.state);

    TempDir dir2;
    auto next = run_kiosk_script(dir2,
                                 "tap-id home.lessons\ntap-label " + lesson.title[Lang::En] +
                                     "\ntap-id lesson.read\nwait 500\ntap-id lesson.next\nwait 100\n",
                                 {"--lang", "en"});
    REQUIRE_MESSAGE(next.result.exit_code == 0, next.result.err);
    CHECK(next.state["speaking"].is_null());  // another slide: the reading of the first one stopped
}

TEST_CASE("A language without a voice, or no audio device, disables the button with the reason") {
    TempDir dir;
    auto zh = run_kiosk_script(
        dir, kOpenFirst, {"--lang", "zh", "--speech-engine", kiosk::test::write_engine_without_chinese_voice(dir)});
    REQUIRE_MESSAGE(zh.result.exit_code == 0, zh.result.err);
    CHECK(zh.state["screen"].string == "reader");
    CHECK(zh.state["speech_unavailable"].string == "no_voice");
    CHECK_FALSE(has_target_id(zh.state, "reader.read"));  // drawn disabled, not a target
    CHECK(zh.result.err.find("no voice 'cmn'") != std::string::npos);

    TempDir dir2;
    auto ru = run_kiosk_script(dir2, kOpenFirst + "tap-id reader.read\nwait 500\n",
                               {"--speech-engine", kiosk::test::write_engine_without_chinese_voice(dir2)});
    REQUIRE_MESSAGE(ru.result.exit_code == 0, ru.result.err);
    CHECK(ru.state["speaking"].type == JsonValue::Type::Number);  // Russian still has its voice

    TempDir dir3;
    ScopedEnv driver("SDL_AUDIODRIVER", "no-such-audio-driver");
    auto silent = run_kiosk_script(dir3, kOpenFirst, {"--lang", "en"});
    REQUIRE_MESSAGE(silent.result.exit_code == 0, silent.result.err);
    CHECK(silent.state["speech_unavailable"].string == "no_audio");
    CHECK_FALSE(has_target_id(silent.state, "reader.read"));
    CHECK(silent.result.err.find("reading aloud is unavailable") != std::string::npos);

    TempDir dir4;
    auto no_engine = run_kiosk_script(dir4, kOpenFirst, {"--speech-engine", dir4.file("missing")});
    REQUIRE_MESSAGE(no_engine.result.exit_code == 0, no_engine.result.err);
    CHECK(no_engine.state["speech_unavailable"].string == "no_engine");
}

TEST_CASE("Read aloud turned off by the organizer hides the button and the speed") {
    TempDir dir;
    set_setting(dir, "read_aloud", "off");
    auto run = run_kiosk_script(dir, kOpenFirst + "tap-id top.a11y\nwait 100\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["speech_unavailable"].string == "disabled");
    CHECK_FALSE(has_target(run.state, "Быстро"));
    CHECK(run.state["overlay"].string == "accessibility");
    TempDir dir2;
    set_setting(dir2, "read_aloud", "off");
    auto reader = run_kiosk_script(dir2, kOpenFirst);
    CHECK_FALSE(has_target(reader.state, "▶ Слушать"));
}

TEST_CASE("Pressing read and stop fifty times quickly leaves one voice and a working kiosk") {
    TempDir dir;
    std::string script = kOpenFirst;
    for (int i = 0; i < 25; ++i) script += "tap-id reader.read\ntap-id reader.stop\n";
    script += "tap-id reader.read\nwait 300\n";
    auto run = run_kiosk_script(dir, script);
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    REQUIRE(run.state["speaking"].type == JsonValue::Type::Number);
    CHECK((run.state["speech_audio"]["synthesizer_running"].boolean || run.state["speech_audio"]["queued_ms"].number > 0));
    CHECK(run.result.err.find("read aloud:") == std::string::npos);  // no synthesizer failed
}

namespace {

// Content with one document whose second block is 20,000 characters long in every language.
std::string build_long_block_content(const TempDir& dir) {
    const std::string head =
        kiosk::test::read_text(std::string(KIOSK_TEST_DATA_DIR) + "/content/db/documents/fixture-statement.txt");
    std::string header = head.substr(0, head.find("---"));
    header.replace(header.find("id: fixture-statement"), 21, "id: long-statement");
    auto repeat = [](const std::string& sentence, size_t bytes) {
        std::string text;
        while (text.size() < bytes) text += sentence;
        return text;
    };
    // 20,000 characters: Cyrillic letters take 2 bytes in UTF-8, Han characters 3.
    const std::string ru = repeat("Государства-члены развивают цифровое сотрудничество. ", 40000);
    const std::string en = repeat("Member states develop digital cooperation. ", 20000);
    const std::string zh = repeat("成员国为可持续发展开展数字合作。", 60000);
    REQUIRE(::system(("mkdir -p '" + dir.file("src/documents") + "' '" + dir.file("src/translations") + "'").c_str()) == 0);
    kiosk::test::write_text(dir.file("src/documents/long.txt"),
                            header + "---\nЗАЯВЛЕНИЕ\n\n" + ru + "\n\nПосле длинного абзаца идёт короткий.\n");
    kiosk::test::write_text(dir.file("src/translations/long-statement.en.txt"),
                            "document: long-statement\nlanguage: en\n---\n1: STATEMENT\n2: " + en +
                                "\n3: A short paragraph follows the long one.\n");
    kiosk::test::write_text(
        dir.file("src/translations/long-statement.zh.txt"),
        "document: long-statement\nlanguage: zh\n---\n1: 声明\n2: " + zh + "\n3: 长段落之后是一个短段落。\n");
    const auto built =
        kiosk::test::run_command(kiosk::test::with_emulator({KIOSKCTL_BIN, "build", dir.file("src"), dir.file("long.db")}));
    REQUIRE_MESSAGE(built.exit_code == 0, built.err);
    return dir.file("long.db");
}

}  // namespace

TEST_CASE("A 20000-character block is read in streamed chunks while the reader stays responsive") {
    TempDir dir;
    const std::string db = build_long_block_content(dir);
    for (Lang lang : kiosk::core::kAllLangs) {
        const std::string code = kiosk::core::lang_code(lang);
        CAPTURE(code);
        TempDir run_dir;
        // ▶ at the top, then a tap on the long block: it is read while the text grows larger.
        const char* title = lang == Lang::Ru   ? "Заявление о цифровой трансформации"
                            : lang == Lang::Zh ? "关于数字化转型的声明"
                                               : "Statement on digital transformation";
        auto run = run_kiosk_script(run_dir,
                                    std::string("tap-label ") + title +
                                        "\nwait 300\ntap-id reader.read\nwait 200\ntap 1300 500\n" +
                                        "wait 2500\ntap-id reader.larger\nwait 300\n",
                                    {"--content", db, "--lang", code});
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["document"].string == "long-statement");
        CHECK(run.state["speaking"].number == 2);
        CHECK(run.state["text_size"].number == 2);  // the tap during reading was handled
        CHECK(run.state["speech_audio"]["synthesizer_running"].boolean);
        // Streamed: never the whole block's audio (minutes of it) queued, only what the worker keeps ahead.
        CHECK(run.state["speech_audio"]["queued_ms"].number <= 1500 + 400);
        CHECK(run.state["frames_rendered"].number < 200);
    }
}
