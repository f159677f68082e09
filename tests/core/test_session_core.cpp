// Session timekeeping, PIN back-off and hashing, screen rotation and settings validation.
#include "core/idle_timer.h"
#include "core/kiosk_settings.h"
#include "core/pin_lock.h"
#include "core/screen_rotation.h"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::core;

TEST_CASE("the idle timer counts down after the idle time and expires after the countdown") {
    IdleTimer timer(90, 10);
    timer.touch(100);
    CHECK(timer.phase(150) == IdleTimer::Phase::Active);
    CHECK(timer.next_change(150) == doctest::Approx(190));
    CHECK(timer.phase(190.5) == IdleTimer::Phase::Countdown);
    CHECK(timer.countdown_display(190.5) == 10);
    CHECK(timer.countdown_display(199.2) == 1);
    CHECK(timer.next_change(190.5) == doctest::Approx(191));
    CHECK(timer.phase(200) == IdleTimer::Phase::Expired);
}

TEST_CASE("a touch during the countdown cancels it") {
    IdleTimer timer(90, 10);
    timer.touch(0);
    CHECK(timer.phase(95) == IdleTimer::Phase::Countdown);
    timer.touch(95);
    CHECK(timer.phase(96) == IdleTimer::Phase::Active);
    CHECK(timer.countdown_remaining(96) == doctest::Approx(10));
}

TEST_CASE("after three wrong PINs each further try waits longer than the last") {
    PinAttempts attempts;
    double now = 0;
    for (int i = 0; i < 3; ++i) {
        CHECK(attempts.can_try(now));
        attempts.record_failure(now);
    }
    double previous_wait = attempts.wait_remaining(now);
    CHECK(previous_wait > 0);
    for (int i = 0; i < 5; ++i) {
        now += attempts.wait_remaining(now);
        CHECK(attempts.can_try(now));
        attempts.record_failure(now);
        double wait = attempts.wait_remaining(now);
        CHECK(wait > previous_wait);
        previous_wait = wait;
    }
    CHECK(PinAttempts::delay_after(40) == 300);  // capped at five minutes
    attempts.record_success();
    CHECK(attempts.can_try(now));
    CHECK(attempts.failures() == 0);
}

TEST_CASE("PINs are stored as crypto_pwhash strings and verified against them") {
    std::string hash = hash_pin("480213");
    REQUIRE(!hash.empty());
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("480213") == std::string::npos);
    CHECK(verify_pin(hash, "480213"));
    CHECK_FALSE(verify_pin(hash, "480214"));
    CHECK_FALSE(verify_pin(hash, ""));
    // No stored hash: no PIN opens, the former factory PIN 246810 included (issue 13).
    for (const char* pin : {"246810", "000000", "", "123456"}) CHECK_FALSE(verify_pin("", pin));
    CHECK(is_valid_pin("480213"));
    CHECK(is_valid_pin("480213480213"));
    CHECK_FALSE(is_valid_pin("48021"));  // at least six digits
    CHECK_FALSE(is_valid_pin("4802a3"));
    CHECK_FALSE(is_valid_pin("4802134802134"));
}

TEST_CASE("guessable PINs are recognised, and random PINs are valid, not guessable and differ") {
    for (const char* pin : {"000000", "999999999", "123456", "654321", "890123", "3210987"}) {
        CAPTURE(pin);
        CHECK(is_guessable_pin(pin));
    }
    for (const char* pin : {"480213", "246810", "135792", "112233"}) {
        CAPTURE(pin);
        CHECK_FALSE(is_guessable_pin(pin));
    }
    const std::string a = random_pin(), b = random_pin();
    CHECK(a.size() == kRandomPinDigits);
    CHECK(is_valid_pin(a));
    CHECK_FALSE(is_guessable_pin(a));
    CHECK(a != b);  // 1 in 10^8 to fail by chance
}

TEST_CASE("the PIN back-off goes through Unix time and back, never waiting longer than its delay") {
    PinAttempts attempts;
    for (int i = 0; i < 5; ++i) attempts.record_failure(100.0);  // fifth failure: 20 s
    const int64_t unix_now = 1800000000;
    const int64_t until = attempts.locked_until_unix(103.0, unix_now);
    CHECK(until == unix_now + 17);

    PinAttempts restored;  // a restart 5 s later, on a kiosk clock that starts again at 0
    restored.restore(attempts.failures(), until, 0.0, unix_now + 5);
    CHECK(restored.failures() == 5);
    CHECK(restored.wait_remaining(0.0) == doctest::Approx(12));
    CHECK_FALSE(restored.can_try(11.0));
    CHECK(restored.can_try(12.0));

    PinAttempts set_back;  // the clock went back a day: the wait is capped at the delay for five failures
    set_back.restore(5, until, 0.0, unix_now - 86400);
    CHECK(set_back.wait_remaining(0.0) == doctest::Approx(20));
    PinAttempts passed;  // long over: no wait, the count remains
    passed.restore(5, until, 0.0, unix_now + 3600);
    CHECK(passed.can_try(0.0));
    CHECK(passed.failures() == 5);
    passed.record_failure(0.0);
    CHECK(passed.wait_remaining(0.0) == doctest::Approx(40));  // the sixth failure doubles on
}

TEST_CASE("touch coordinates are rotated back into the UI for every rotation") {
    const Size2 panel{1920, 1080};
    for (int degrees : {0, 90, 180, 270}) {
        CAPTURE(degrees);
        Rotation rotation;
        REQUIRE(parse_rotation(degrees, &rotation));
        Size2 logical = logical_size(rotation, panel);
        for (Point2 p : {Point2{0, 0}, Point2{100, 50}, Point2{logical.width - 1, logical.height - 1}}) {
            Point2 on_panel = logical_to_panel(rotation, panel, p);
            CHECK(on_panel.x >= 0);
            CHECK(on_panel.y >= 0);
            CHECK(on_panel.x <= panel.width);
            CHECK(on_panel.y <= panel.height);
            Point2 back = panel_to_logical(rotation, panel, on_panel);
            CHECK(back.x == doctest::Approx(p.x));
            CHECK(back.y == doctest::Approx(p.y));
        }
    }
    // Turned a quarter clockwise: the UI's top-left corner is at the panel's top-right.
    Point2 corner = logical_to_panel(Rotation::R90, panel, {0, 0});
    CHECK(corner.x == doctest::Approx(1920));
    CHECK(corner.y == doctest::Approx(0));
    Rotation r;
    CHECK_FALSE(parse_rotation(45, &r));
}

TEST_CASE("settings are validated with messages that name the setting and what it accepts") {
    KioskSettings settings;
    std::string error;
    CHECK(apply_setting(&settings, "idle_timeout_s", "120", &error));
    CHECK(settings.idle_timeout_s == 120);
    CHECK(apply_setting(&settings, "default_language", "zh", &error));
    CHECK(settings.default_language == Lang::Zh);
    CHECK(apply_setting(&settings, "attract", "off", &error));
    CHECK_FALSE(settings.attract);
    CHECK(apply_setting(&settings, "rotation", "270", &error));
    CHECK(settings.rotation == Rotation::R270);
    CHECK_FALSE(apply_setting(&settings, "idle_timeout_s", "5", &error));
    CHECK(error == "setting 'idle_timeout_s': '5' is not valid (expected seconds, 15 to 3600)");
    CHECK_FALSE(apply_setting(&settings, "rotation", "45", &error));
    CHECK_FALSE(apply_setting(&settings, "default_language", "fr", &error));
    CHECK_FALSE(apply_setting(&settings, "colour", "blue", &error));
    CHECK(error == "unknown setting 'colour'");
    // Every value listed reads back.
    KioskSettings copy;
    for (const auto& [key, value] : setting_values(settings)) CHECK(apply_setting(&copy, key, value, &error));
    CHECK(copy.idle_timeout_s == 120);
    CHECK(copy.rotation == Rotation::R270);
}

TEST_CASE("usb_mounts takes comma-separated absolute globs and refuses empty or relative entries") {
    KioskSettings settings;
    CHECK(settings.usb_mounts == default_usb_mount_globs());
    std::string error;
    CHECK(apply_setting(&settings, "usb_mounts", "/media/*, /srv/sticks/*", &error));
    CHECK(settings.usb_mounts == std::vector<std::string>{"/media/*", "/srv/sticks/*"});
    for (const char* bad : {"", "media/*", "/media/*,", ",/mnt/*", "/media/*,,/mnt/*", " , "}) {
        CAPTURE(bad);
        CHECK_FALSE(apply_setting(&settings, "usb_mounts", bad, &error));
        CHECK(error.find("usb_mounts") != std::string::npos);
    }
    CHECK(settings.usb_mounts == std::vector<std::string>{"/media/*", "/srv/sticks/*"});
    KioskSettings copy;
    for (const auto& [key, value] : setting_values(settings)) CHECK(apply_setting(&copy, key, value, &error));
    CHECK(copy.usb_mounts == settings.usb_mounts);
}
