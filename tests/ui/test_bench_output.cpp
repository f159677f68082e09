// Smoke tests of `kiosk --bench`, `--bench-scroll` and `--bench-speech` at their smallest
// setting: what they print
// is one JSON object with every documented field, each of its type. Their numbers are the
// benchmarks' business (docs/performance.md), not a test's.
#include "kiosk_runner.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using kiosk::test::JsonValue;
using kiosk::test::TempDir;

namespace {

// The smallest run: a small headless screen, frames run but not rasterized. `env` lists
// VAR=VALUE settings for the kiosk (through env(1)).
JsonValue run_bench(const TempDir& dir, const std::string& mode, const std::vector<std::string>& env = {}) {
    std::vector<std::string> argv = {"/usr/bin/env"};
    argv.insert(argv.end(), env.begin(), env.end());
    for (const std::string& arg :
         {std::string(KIOSK_BIN), mode, std::string("--headless"), std::string("--no-draw"), std::string("--size"),
          std::string("640x360"), std::string("--content"), std::string(KIOSK_CONTENT_DB), std::string("--assets"),
          std::string(KIOSK_SOURCE_DIR) + "/assets", std::string("--data-dir"), dir.file("data")})
        argv.push_back(arg);
    kiosk::test::CommandResult run = kiosk::test::run_command(argv);
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    bool ok = false;
    JsonValue out = kiosk::test::parse_json(run.out, &ok);
    REQUIRE_MESSAGE(ok, "not one JSON object: " << run.out);
    REQUIRE(out.type == JsonValue::Type::Object);
    return out;
}

void check_fields(const JsonValue& out, const std::vector<std::string>& names, JsonValue::Type type) {
    for (const std::string& name : names) {
        CAPTURE(name);
        REQUIRE(out.has(name));
        CHECK(out[name].type == type);
        if (type == JsonValue::Type::Number) CHECK(out[name].number >= 0);
    }
}

const std::vector<std::string> kBenchNumbers = {
    "first_frame_ms",         "frame_ms_p50",   "frame_ms_p99",       "frames_measured",       "peak_rss_mb",
    "idle_frames_per_minute", "glyph_cache_mb", "glyph_cache_glyphs", "glyph_cache_evictions", "glyph_cache_misses"};
const std::vector<std::string> kScrollNumbers = {"scroll_cold_frame_ms_p50", "scroll_cold_frame_ms_p99",
                                                 "scroll_warm_frame_ms_p50", "scroll_warm_frame_ms_p99"};

}  // namespace

TEST_CASE("--bench prints one JSON object with its timing, memory and glyph cache fields as numbers") {
    TempDir dir;
    const JsonValue out = run_bench(dir, "--bench");
    check_fields(out, kBenchNumbers, JsonValue::Type::Number);
    check_fields(out, {"renderer", "size"}, JsonValue::Type::String);
    CHECK(out["size"].string == "640x360");
    CHECK(out["frames_measured"].number >= 1);  // the scenario did draw frames to measure
    for (const std::string& name : kScrollNumbers) CHECK_FALSE(out.has(name));
}

TEST_CASE("--bench-scroll adds the cold and warm scrolling fields as numbers") {
    TempDir dir;
    const JsonValue out = run_bench(dir, "--bench-scroll");
    check_fields(out, kBenchNumbers, JsonValue::Type::Number);
    check_fields(out, kScrollNumbers, JsonValue::Type::Number);
    check_fields(out, {"renderer", "size"}, JsonValue::Type::String);
}

TEST_CASE("--bench-speech prints the time to the first sound per language and overall as numbers") {
    // SDL's disk driver stands in for a sound card; espeak-ng reads (deploy/packages-dev.txt).
    TempDir dir;
    const JsonValue out =
        run_bench(dir, "--bench-speech", {"SDL_AUDIODRIVER=disk", "SDL_DISKAUDIOFILE=" + dir.file("speaker.raw")});
    check_fields(out, {"audio_driver"}, JsonValue::Type::String);
    CHECK(out["audio_driver"].string == "disk");
    check_fields(out, {"device_buffer_ms", "first_sound_ms_p50", "first_sound_ms_max", "trials"}, JsonValue::Type::Number);
    for (const char* lang : {"ru", "zh", "en"}) {
        CAPTURE(lang);
        check_fields(out,
                     {std::string("first_sound_ms_p50_") + lang, std::string("first_sound_ms_max_") + lang,
                      std::string("first_audio_queued_ms_p50_") + lang},
                     JsonValue::Type::Number);
    }
    CHECK(out["trials"].number == 15);  // five taps on ▶ in each language
}
