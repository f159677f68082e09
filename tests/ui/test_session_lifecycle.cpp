// Visitor sessions on the simulated clock: idle countdown, reset, attract loop, lockdown,
// the hidden organizer gesture, PIN back-off, render-only-when-needed and accessibility.
#include "core/content_store.h"
#include "core/pin_lock.h"
#include "core/state_store.h"
#include "kiosk_runner.h"
#include "notify_socket.h"

#include <doctest/doctest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

extern char** environ;

using kiosk::test::check_target_sizes;
using kiosk::test::enter_pin;
using kiosk::test::JsonValue;
using kiosk::test::kOrganizerTestPin;
using kiosk::test::NotifySocket;
using kiosk::test::run_kiosk_script;
using kiosk::test::set_pin;
using kiosk::test::set_setting;
using kiosk::test::TempDir;

namespace {

std::string first_title(kiosk::core::Lang lang) {
    std::string error;
    auto store = kiosk::core::ContentStore::open(KIOSK_CONTENT_DB, &error);
    REQUIRE_MESSAGE(store, error);
    return store->documents()[0].info.card_title(lang);  // what its home card reads
}

// Idle 15 s then a 5 s countdown, so the tests need not wait 100 s of simulated time.
void short_timeouts(const TempDir& dir) {
    set_setting(dir, "idle_timeout_s", "15");
    set_setting(dir, "countdown_s", "5");
}

const std::string kCornerTaps = "tap 1910 10\ntap 1910 10\ntap 1910 10\ntap 1910 10\ntap 1910 10\nwait 100\n";

}  // namespace

TEST_CASE("an idle visitor session counts down, resets, shows the attract loop, and a touch goes home") {
    const std::string visit =
        "tap-id top.language.en\ntap-label " + first_title(kiosk::core::Lang::En) + "\ntap-id reader.larger\nwait 100\n";
    {
        TempDir dir;
        short_timeouts(dir);
        auto run = run_kiosk_script(dir, visit + "wait 14000\n");
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["screen"].string == "reader");
        CHECK(run.state["overlay"].is_null());
    }
    {
        TempDir dir;
        short_timeouts(dir);
        auto run = run_kiosk_script(dir, visit + "wait 16500\n");
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["screen"].string == "reader");
        CHECK(run.state["overlay"].string == "countdown");
        CHECK(run.state["countdown"].number == 4);
    }
    {
        TempDir dir;
        short_timeouts(dir);
        auto run = run_kiosk_script(dir, visit + "wait 21000\n");
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["screen"].string == "attract");
        CHECK(run.state["language"].string == "ru");  // back to the default language
        CHECK(run.state["document"].is_null());
        CHECK(run.state["text_size"].number == 1);
        CHECK(run.state["overlay"].is_null());
    }
    {
        TempDir dir;
        short_timeouts(dir);
        auto run = run_kiosk_script(dir, visit + "wait 21000\ntap 900 500\nwait 200\n");
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["screen"].string == "home");
        CHECK(run.state["scroll_y"].number == 0);
    }
}

TEST_CASE("a touch during the countdown cancels it and keeps the visitor where they were") {
    TempDir dir;
    short_timeouts(dir);
    auto run = run_kiosk_script(dir, "tap-id top.language.en\ntap-label " + first_title(kiosk::core::Lang::En) +
                                         "\nwait 16500\ntap 1200 600\nwait 3000\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["overlay"].is_null());
    CHECK(run.state["screen"].string == "reader");
    CHECK(run.state["language"].string == "en");
}

TEST_CASE("the default language setting is used at start and after every reset") {
    TempDir dir;
    short_timeouts(dir);
    set_setting(dir, "default_language", "zh");
    set_setting(dir, "attract", "off");
    auto run = run_kiosk_script(dir, "tap-id top.language.en\nwait 21000\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["language"].string == "zh");
    CHECK(run.state["screen"].string == "home");  // attract off: the reset goes straight home
}

TEST_CASE("five taps in the top-right corner open the PIN pad, and the organizer's PIN opens the organizer panel") {
    TempDir dir;
    auto pin = run_kiosk_script(dir, kCornerTaps);
    REQUIRE_MESSAGE(pin.result.exit_code == 0, pin.result.err);
    CHECK(pin.state["screen"].string == "pin");

    TempDir dir2;
    set_pin(dir2, kOrganizerTestPin);
    auto admin = run_kiosk_script(dir2, kCornerTaps + enter_pin(kOrganizerTestPin));
    REQUIRE_MESSAGE(admin.result.exit_code == 0, admin.result.err);
    CHECK(admin.state["screen"].string == "admin");

    TempDir dir3;
    auto slow = run_kiosk_script(dir3, "tap 1910 10\nwait 1000\ntap 1910 10\nwait 1000\ntap 1910 10\nwait 1000\n"
                                       "tap 1910 10\nwait 1000\ntap 1910 10\nwait 100\n");
    CHECK(slow.state["screen"].string != "pin");  // five taps over 4 s are not the gesture
}

TEST_CASE("a kiosk with no PIN set opens for no PIN at all, the former factory PIN included, and says why") {
    // Issue 13: a published factory PIN (246810) used to open every new kiosk's panel.
    for (const std::string tried : {"246810", "000000", "123456", kOrganizerTestPin}) {
        CAPTURE(tried);
        TempDir dir;
        auto run = run_kiosk_script(dir, kCornerTaps + enter_pin(tried));
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["screen"].string == "pin");
        CHECK(run.state["pin_locked"].string == "no_pin");
        CHECK(run.result.err.find("no organizer PIN is set, so the organizer panel stays locked") != std::string::npos);
    }
    // Trainer mode too; and a PIN set for one role does not open the other.
    TempDir dir;
    set_pin(dir, kOrganizerTestPin);
    auto trainer = run_kiosk_script(
        dir, "tap-id home.lessons\nwait 300\ntap-id lessons.trainer\nwait 300\n" + enter_pin(kOrganizerTestPin));
    REQUIRE_MESSAGE(trainer.result.exit_code == 0, trainer.result.err);
    CHECK(trainer.state["screen"].string == "pin");
    CHECK(trainer.state["pin_role"].string == "trainer");
    CHECK(trainer.state["pin_locked"].string == "no_pin");
}

TEST_CASE("only the PIN set by the organizer opens the panel") {
    TempDir dir;
    set_pin(dir, kOrganizerTestPin);
    auto wrong = run_kiosk_script(dir, kCornerTaps + enter_pin("975310"));
    REQUIRE_MESSAGE(wrong.result.exit_code == 0, wrong.result.err);
    CHECK(wrong.state["screen"].string == "pin");
    CHECK(wrong.state["pin_locked"].is_null());
    CHECK(wrong.state["pin_failures"].number == 1);

    TempDir dir2;
    set_pin(dir2, kOrganizerTestPin);
    auto right = run_kiosk_script(dir2, kCornerTaps + enter_pin(kOrganizerTestPin));
    REQUIRE_MESSAGE(right.result.exit_code == 0, right.result.err);
    CHECK(right.state["screen"].string == "admin");
}

TEST_CASE("after three wrong PINs the pad makes each further try wait longer") {
    const std::string three_wrong = kCornerTaps + enter_pin("111111") + enter_pin("222222") + enter_pin("333333");
    TempDir dir;
    set_pin(dir, kOrganizerTestPin);
    auto run = run_kiosk_script(dir, three_wrong);
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["pin_failures"].number == 3);
    const double first_wait = run.state["pin_wait_s"].number;
    CHECK(first_wait > 0);

    // While locked, digits are refused: the right PIN does not open the panel.
    TempDir dir2;
    set_pin(dir2, kOrganizerTestPin);
    auto locked = run_kiosk_script(dir2, three_wrong + enter_pin(kOrganizerTestPin));
    CHECK(locked.state["screen"].string == "pin");

    TempDir dir3;
    set_pin(dir3, kOrganizerTestPin);
    auto longer = run_kiosk_script(dir3, three_wrong + "wait 6000\n" + enter_pin("444444"));
    CHECK(longer.state["pin_failures"].number == 4);
    CHECK(longer.state["pin_wait_s"].number > first_wait);
}

TEST_CASE("the PIN back-off survives a restart of the kiosk, and the right PIN clears it") {
    // Issue 13: the count lived in memory, so pulling the plug gave three fresh tries.
    TempDir dir;
    set_pin(dir, kOrganizerTestPin);
    // Seven wrong PINs: the seventh imposes 80 s, far longer than starting the kiosk again takes.
    auto first = run_kiosk_script(dir, kCornerTaps + enter_pin("111111") + enter_pin("222222") + enter_pin("333333") +
                                           "wait 5500\n" + enter_pin("444444") + "wait 10500\n" + enter_pin("555555") +
                                           "wait 20500\n" + enter_pin("666666") + "wait 40500\n" + enter_pin("777777"));
    REQUIRE_MESSAGE(first.result.exit_code == 0, first.result.err);
    REQUIRE(first.state["pin_failures"].number == 7);

    auto again = run_kiosk_script(dir, kCornerTaps + enter_pin(kOrganizerTestPin));
    REQUIRE_MESSAGE(again.result.exit_code == 0, again.result.err);
    CHECK(again.state["screen"].string == "pin");  // still waiting: the right PIN was not even tried
    CHECK(again.state["pin_failures"].number == 7);
    CHECK(again.state["pin_wait_s"].number > 0);
    CHECK(again.state["pin_wait_s"].number <= 80);

    auto later = run_kiosk_script(dir, kCornerTaps + "wait 81000\n" + enter_pin(kOrganizerTestPin));
    REQUIRE_MESSAGE(later.result.exit_code == 0, later.result.err);
    CHECK(later.state["screen"].string == "admin");
    auto cleared = run_kiosk_script(dir, kCornerTaps);
    CHECK(cleared.state["pin_failures"].number == 0);
}

TEST_CASE("quit shortcuts do nothing in kiosk mode and work in windowed development mode") {
    TempDir dir;
    auto kiosk_mode =
        run_kiosk_script(dir, "key escape\nkey alt+f4\nkey ctrl+q\nkey ctrl+w\ntap-id top.language.en\nwait 100\n");
    REQUIRE_MESSAGE(kiosk_mode.result.exit_code == 0, kiosk_mode.result.err);
    CHECK_FALSE(kiosk_mode.state["quit_requested"].boolean);
    CHECK(kiosk_mode.state["language"].string == "en");  // the script carried on after the keys

    TempDir dir2;
    auto windowed = run_kiosk_script(dir2, "key alt+f4\ntap-id top.language.en\nwait 100\n", {"--windowed"});
    REQUIRE_MESSAGE(windowed.result.exit_code == 0, windowed.result.err);
    CHECK(windowed.state["quit_requested"].boolean);
    CHECK(windowed.state["language"].string == "ru");  // it stopped at the shortcut
}

TEST_CASE("an idle screen costs almost no frames") {
    TempDir dir;
    auto brief = run_kiosk_script(dir, "wait 100\n");
    TempDir dir2;
    auto minute = run_kiosk_script(dir2, "wait 60100\n");
    REQUIRE_MESSAGE(minute.result.exit_code == 0, minute.result.err);
    CHECK(minute.state["frames_rendered"].number - brief.state["frames_rendered"].number <= 2);

    // The reader after a flick: frames while it moves, then none.
    const std::string read = "tap-label " + first_title(kiosk::core::Lang::Ru) + "\ndrag 1200 900 1200 400 120\n";
    TempDir dir3;
    auto settled = run_kiosk_script(dir3, read + "wait 5000\n");
    TempDir dir4;
    auto idle = run_kiosk_script(dir4, read + "wait 65000\n");
    CHECK(idle.state["frames_rendered"].number - settled.state["frames_rendered"].number <= 2);
}

TEST_CASE("the attract loop draws only while it cross-fades") {
    // A smaller screen: the point is the frame count, not the pixels.
    const std::vector<std::string> small = {"--size", "960x540"};
    TempDir dir;
    short_timeouts(dir);
    auto start = run_kiosk_script(dir, "wait 20100\n", small);
    TempDir dir2;
    short_timeouts(dir2);
    auto later = run_kiosk_script(dir2, "wait 60100\n", small);
    REQUIRE_MESSAGE(later.result.exit_code == 0, later.result.err);
    CHECK(later.state["screen"].string == "attract");
    const double frames = later.state["frames_rendered"].number - start.state["frames_rendered"].number;
    CHECK(frames > 20);           // it does animate: five cross-fades in 40 s
    CHECK(frames < 40 * 60 / 4);  // but far below a frame every 1/60 s
}

TEST_CASE("press feedback stays visible for about 100 ms after a very short tap") {
    TempDir dir;
    auto run = run_kiosk_script(dir, "tap-id top.language.en\n");  // a 60 ms tap, dumped one frame after release
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["pressed"].string == "EN");
    TempDir dir2;
    auto later = run_kiosk_script(dir2, "tap-id top.language.en\nwait 200\n");
    CHECK(later.state["pressed"].is_null());
}

TEST_CASE("text size and high contrast are reachable from every screen and reset with the session") {
    TempDir dir;
    short_timeouts(dir);
    const std::string a11y =
        "tap-id top.a11y\ntap-id a11y.contrast_on\ntap-id a11y.larger\ntap-id a11y.close\nwait 100\n";
    auto home = run_kiosk_script(dir, a11y);
    REQUIRE_MESSAGE(home.result.exit_code == 0, home.result.err);
    CHECK(home.state["high_contrast"].boolean);
    CHECK(home.state["text_size"].number == 2);

    TempDir dir2;
    short_timeouts(dir2);
    auto reader = run_kiosk_script(dir2, "tap-label " + first_title(kiosk::core::Lang::Ru) + "\n" + a11y);
    CHECK(reader.state["screen"].string == "reader");
    CHECK(reader.state["high_contrast"].boolean);

    TempDir dir3;
    short_timeouts(dir3);
    auto reset = run_kiosk_script(dir3, a11y + "wait 21000\n");
    CHECK_FALSE(reset.state["high_contrast"].boolean);
    CHECK(reset.state["text_size"].number == 1);
}

TEST_CASE("a rotated screen lays the UI out turned and maps touches back") {
    TempDir dir;
    set_setting(dir, "rotation", "90");
    auto run =
        run_kiosk_script(dir, "shot @DIR@/rotated.png\ntap-label " + first_title(kiosk::core::Lang::Ru) + "\nwait 200\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["rotation"].number == 90);
    REQUIRE(run.state["screen_size"].array.size() == 2);
    CHECK(run.state["screen_size"].array[0].number == 1080);
    CHECK(run.state["screen_size"].array[1].number == 1920);
    CHECK(run.state["screen"].string == "reader");  // the tap landed on the card through the rotation
    // Portrait shrinks the design scale to 0.56; targets must still be fingertip-sized.
    check_target_sizes(run.state);
    TempDir dir2;
    set_setting(dir2, "rotation", "90");
    auto panel = run_kiosk_script(dir2, "tap-id top.a11y\nwait 100\n");
    REQUIRE_MESSAGE(panel.result.exit_code == 0, panel.result.err);
    CHECK(panel.state["overlay"].string == "accessibility");
    check_target_sizes(panel.state);
}

TEST_CASE("SIGTERM shuts the kiosk down cleanly") {
    TempDir dir;
    // systemd's notify socket: the kiosk says READY=1 once its first frame is up, so the signal
    // lands on a running kiosk, not on one still starting.
    NotifySocket notify(dir.file("notify"));
    REQUIRE(notify.bound());
    std::vector<std::string> args = {KIOSK_BIN,      "--windowed",
                                     "--content",    KIOSK_CONTENT_DB,
                                     "--assets",     std::string(KIOSK_SOURCE_DIR) + "/assets",
                                     "--data-dir",   dir.file("data"),
                                     "--dump-state", dir.file("state.json")};
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e)
        if (std::string(*e).rfind("NOTIFY_SOCKET=", 0) != 0 && std::string(*e).rfind("WATCHDOG_", 0) != 0)
            env_strings.push_back(*e);
    env_strings.push_back("SDL_VIDEODRIVER=dummy");
    env_strings.push_back("SDL_RENDER_DRIVER=software");
    env_strings.push_back("NOTIFY_SOCKET=" + dir.file("notify"));
    std::vector<char*> envp;
    envp.reserve(env_strings.size() + 1);
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), envp.data()) == 0);
    const std::vector<std::string> startup = notify.read_until("READY=1", 60);
    const bool ready = !startup.empty() && startup.back() == "READY=1";
    if (!ready) ::kill(pid, SIGKILL);  // never reap a hung kiosk by waiting for ever
    REQUIRE_MESSAGE(ready, "the kiosk did not report READY=1 within 60 s");
    REQUIRE(kill(pid, SIGTERM) == 0);
    // Start from a status that fails every check below: only a real, clean exit passes.
    int status = W_EXITCODE(255, 0);
    pid_t reaped = 0;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while ((reaped = waitpid(pid, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (reaped != pid) {
        ::kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
    }
    REQUIRE_MESSAGE(reaped == pid, "the kiosk did not exit within 10 s of SIGTERM");
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(!kiosk::test::read_text(dir.file("state.json")).empty());  // it shut down through the normal path
}

TEST_CASE("the organizer panel's quit ends the kiosk with status 64, which systemd does not restart") {
    TempDir dir;
    set_pin(dir, kOrganizerTestPin);
    auto run = run_kiosk_script(dir, kCornerTaps + enter_pin(kOrganizerTestPin) + "tap-id admin.quit\nwait 100\n");
    CHECK(run.result.exit_code == 64);
    CHECK(run.state["quit_requested"].boolean);
    CHECK(run.state["screen"].string == "admin");
}

TEST_CASE("in kiosk mode the kiosk tries to hold its virtual terminal, and off a VT says it could not") {
    // Under systemd, standard input is tty7 (TTYPath=) and the guard engages; here it is a
    // file, so the kiosk must carry on and say why VT switching is not blocked.
    TempDir dir;
    kiosk::test::write_text(dir.file("script.txt"), "tap-id top.language.en\nwait 100\n");
    std::vector<std::string> argv = {"/usr/bin/env",
                                     "SDL_VIDEODRIVER=dummy",
                                     "SDL_RENDER_DRIVER=software",
                                     KIOSK_BIN,
                                     "--content",
                                     KIOSK_CONTENT_DB,
                                     "--assets",
                                     std::string(KIOSK_SOURCE_DIR) + "/assets",
                                     "--data-dir",
                                     dir.file("data"),
                                     "--script",
                                     dir.file("script.txt"),
                                     "--dump-state",
                                     dir.file("state.json")};
    auto kiosk_mode = kiosk::test::run_command(argv);
    REQUIRE_MESSAGE(kiosk_mode.exit_code == 0, kiosk_mode.err);
    CHECK(kiosk_mode.err.find(
              "kiosk: warning: VT switching is not blocked: standard input is not a virtual terminal") != std::string::npos);
    CHECK(kiosk::test::parse_json(kiosk::test::read_text(dir.file("state.json")))["language"].string == "en");
    // Development modes leave the terminal alone.
    auto headless = run_kiosk_script(dir, "wait 100\n");
    CHECK(headless.result.err.find("VT switching") == std::string::npos);
}
