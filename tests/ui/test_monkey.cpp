// No visitor can break the kiosk: 100,000 random taps, drags, waits and key presses on the
// simulated clock, across every screen. CI also runs this under ASan and UBSan; a crash or a
// sanitizer report fails the run (the sanitizers abort, so the exit status is not 0).
#include "core/state_store.h"
#include "kiosk_runner.h"
#include "monkey_script.h"

#include <doctest/doctest.h>

#include <algorithm>

using kiosk::test::run_kiosk_script;
using kiosk::test::TempDir;

namespace {

kiosk::test::KioskRun run_monkey(const TempDir& dir, int actions, uint32_t seed) {
    // Short timeouts so idle periods reach the countdown, the reset and the attract loop often.
    std::string error;
    auto store = kiosk::StateStore::open(dir.file("data"), kiosk::StateStore::OpenMode::CreateIfMissing, &error);
    REQUIRE_MESSAGE(store, error);
    REQUIRE(store->set_setting("idle_timeout_s", "15", &error));
    REQUIRE(store->set_setting("countdown_s", "3", &error));
    store.reset();
    kiosk::test::set_pin(dir, kiosk::test::kOrganizerTestPin);  // for the organizer's visits (monkey_script)
    // --no-draw: every frame's UI runs (that is what a visitor can break); rasterizing
    // 500,000 frames in SDL's software renderer would only measure SDL.
    return run_kiosk_script(dir, kiosk::test::monkey_script(actions, seed, 640, 360),
                            {"--size", "640x360", "--lang", "ru", "--no-draw"});
}

#ifdef KIOSK_SANITIZED
// Under ASan and UBSan every frame costs several times as much: fewer actions keep the run
// inside the suite's 300 s timeout on two cores, and still reach every screen many times.
constexpr int kMonkeyActions = 40000;
#else
constexpr int kMonkeyActions = 100000;
#endif

}  // namespace

TEST_CASE("random visitor actions (100,000, or 40,000 under sanitizers) neither crash the kiosk, nor let it quit, nor grow its memory") {
    TempDir dir;
    auto run = run_monkey(dir, kMonkeyActions, 20261122);
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK_FALSE(run.state["quit_requested"].boolean);
    CHECK(run.state["frames_rendered"].number > kMonkeyActions);
    // Every screen random touches can reach was reached, and the organizer panel through an
    // organizer's visits (the quiz needs a whole lesson first; trainer mode its own PIN).
    std::vector<std::string> visited;
    for (const auto& screen : run.state["screens_visited"].array) visited.push_back(screen.string);
    for (const char* screen :
         {"home", "reader", "attract", "pin", "admin", "search", "lessons", "lesson", "about", "timeline", "members"}) {
        CAPTURE(screen);
        CHECK(std::find(visited.begin(), visited.end(), screen) != visited.end());
    }
    // The glyph cache held the glyphs of every screen and language within its fixed budget.
    CHECK(run.state["glyph_cache"]["glyphs"].number > 0);
    CHECK(run.state["glyph_cache"]["bytes"].number <= run.state["glyph_cache"]["budget_bytes"].number);
    CHECK(run.state["glyph_cache"]["budget_bytes"].number <= 16.0 * 1024 * 1024);
    CHECK(run.state["missing_glyphs"].number == 0);
    // Resident memory, sampled every 10,000 frames, stays flat once the kiosk has warmed up:
    // the highest later sample is within a few MB of the one taken a tenth of the way in.
    const auto& samples = run.state["rss_samples_mb"].array;
    REQUIRE(samples.size() >= 20);
    const double early = samples[samples.size() / 10].number;
    double highest = 0;
    for (size_t i = samples.size() / 10; i < samples.size(); ++i) highest = std::max(highest, samples[i].number);
    MESSAGE("resident memory " << early << " MB early, at most " << highest << " MB later, "
                               << samples.back().number << " MB at the end (" << samples.size() << " samples)");
#ifdef KIOSK_SANITIZED
    // ASan holds freed memory in quarantine, so resident memory grows by design; LeakSanitizer
    // checks at exit that nothing was lost (the run would have failed above).
    MESSAGE("sanitizer build: the memory-flatness check runs in the normal build");
#else
    CHECK(highest - early < 4.0);
#endif
}
