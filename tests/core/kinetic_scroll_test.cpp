#include "core/kinetic_scroll.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using kiosk::core::KineticScroll;

namespace {

constexpr double kFrame = 1.0 / 60;

// Moves the finger from `from_y` to `to_y` in `steps` touch samples, one per `step_s`,
// starting at `start_s`. Returns the time of the last sample.
double swipe(KineticScroll& scroll, float from_y, float to_y, int steps, double start_s, double step_s = kFrame) {
    scroll.begin_drag(from_y, start_s);
    double t = start_s;
    for (int i = 1; i <= steps; ++i) {
        t = start_s + i * step_s;
        scroll.drag_to(from_y + (to_y - from_y) * i / steps, t);
    }
    return t;
}

// A 3000 px/s flick (300 px up in 6 frames) released at the returned time, on a long list.
double flick_long_list(KineticScroll& scroll) {
    scroll.set_extent(100000, 500);
    double release = swipe(scroll, 400, 100, 6, 0);
    scroll.end_drag(release);
    return release;
}

// Calls update() every `step_s` until the scroll rests; returns the time it came to rest.
double run_until_rest(KineticScroll& scroll, double start_s, double step_s = kFrame, double limit_s = 10) {
    double t = start_s;
    while (scroll.is_moving() && t < start_s + limit_s) {
        t += step_s;
        scroll.update(t);
    }
    return t;
}

// k in v(t) = v0 exp(-k t) for the default decay of 5 % per 1/60 s.
double default_decay_rate() { return -60.0 * std::log(1.0 - 0.05); }

}  // namespace

TEST_CASE("Dragging moves the content one to one with the finger") {
    KineticScroll scroll;
    scroll.set_extent(2000, 500);
    scroll.begin_drag(400, 0);
    CHECK(scroll.is_dragging());
    scroll.drag_to(300, 0.016);
    CHECK(scroll.offset() == doctest::Approx(100));
    scroll.drag_to(350, 0.032);
    CHECK(scroll.offset() == doctest::Approx(50));
    scroll.drag_to(-500, 0.048);
    CHECK(scroll.offset() == doctest::Approx(900));
    CHECK_FALSE(scroll.is_moving());
}

TEST_CASE("A flick keeps going after release, loses 5 % per frame and comes to rest in bounded time") {
    KineticScroll scroll;
    double release = flick_long_list(scroll);
    REQUIRE(scroll.is_moving());

    scroll.update(release);
    float start_offset = scroll.offset();
    CHECK(scroll.velocity() == doctest::Approx(3000).epsilon(0.01));
    scroll.update(release + kFrame);
    CHECK(scroll.velocity() == doctest::Approx(3000 * 0.95).epsilon(0.01));
    CHECK(scroll.offset() > start_offset);

    float previous = scroll.offset();
    double t = release + kFrame;
    while (scroll.is_moving() && t < release + 10) {
        t += kFrame;
        scroll.update(t);
        CHECK(scroll.offset() >= previous);
        previous = scroll.offset();
    }
    // Rest comes when the speed falls below 20 px/s: ln(3000 / 20) / k seconds.
    double expected_rest = std::log(3000.0 / 20) / default_decay_rate();
    CHECK(t - release == doctest::Approx(expected_rest).epsilon(0.05));
    CHECK(scroll.velocity() == 0);
    // It travels v0 / k * (1 - 20 / v0) in total.
    CHECK(scroll.offset() - start_offset == doctest::Approx((3000 - 20) / default_decay_rate()).epsilon(0.02));
}

TEST_CASE("Inertia gives the same positions whether updated at 60 Hz, 30 Hz or irregularly") {
    for (float content : {100000.0f, 1200.0f}) {  // free flight, and a flick into the bottom edge
        CAPTURE(content);
        KineticScroll at_60, at_30, irregular;
        for (KineticScroll* scroll : {&at_60, &at_30, &irregular}) {
            scroll->set_extent(content, 500);
            double release = swipe(*scroll, 450, 50, 5, 0);
            scroll->end_drag(release);
        }
        double release = 5 * kFrame;
        double t_irregular = release;
        int step = 0;
        for (double t = release; t < release + 3; t += 2 * kFrame) {
            at_60.update(t - kFrame);
            at_60.update(t);
            at_30.update(t);
            while (t_irregular + 0.007 * (1 + step % 5) < t) irregular.update(t_irregular += 0.007 * (1 + step++ % 5));
            irregular.update(t);
            CHECK(at_60.offset() == doctest::Approx(at_30.offset()).epsilon(1e-5));
            CHECK(irregular.offset() == doctest::Approx(at_30.offset()).epsilon(1e-5));
            CHECK(at_60.is_moving() == at_30.is_moving());
        }
        CHECK_FALSE(at_30.is_moving());
    }
}

TEST_CASE("Dragging past an edge moves the content at a quarter of the finger speed, up to a limit") {
    KineticScroll scroll;
    scroll.set_extent(2000, 500);
    scroll.begin_drag(100, 0);
    scroll.drag_to(140, kFrame);  // pulling down at the top
    CHECK(scroll.offset() == doctest::Approx(-10));
    scroll.drag_to(180, 2 * kFrame);
    CHECK(scroll.offset() == doctest::Approx(-20));
    scroll.drag_to(2000, 3 * kFrame);
    CHECK(scroll.offset() == doctest::Approx(-0.15f * 500));  // max_overscroll of the viewport
    scroll.drag_to(100, 4 * kFrame);                          // back inside: 1:1 again
    CHECK(scroll.offset() == doctest::Approx(0));

    scroll.scroll_to(1500, false, 1);
    scroll.begin_drag(500, 1);
    scroll.drag_to(400, 1 + kFrame);  // pushing up at the bottom
    CHECK(scroll.offset() == doctest::Approx(1500 + 25));
    scroll.drag_to(-5000, 1 + 2 * kFrame);
    CHECK(scroll.offset() == doctest::Approx(1500 + 75));
}

TEST_CASE("A drag that starts while overscrolled continues from where the content is shown") {
    KineticScroll scroll;
    scroll.set_extent(2000, 500);
    double t = swipe(scroll, 100, 140, 2, 0);  // 10 px overscroll at the top
    scroll.end_drag(t);
    scroll.update(t + 0.05);
    float caught_at = scroll.offset();
    REQUIRE(caught_at < 0);
    scroll.begin_drag(300, t + 0.05);
    CHECK(scroll.offset() == doctest::Approx(caught_at));
    scroll.drag_to(304, t + 0.06);
    CHECK(scroll.offset() == doctest::Approx(caught_at - 1));
}

TEST_CASE("Released past an edge the content springs back to exactly the edge in spring_ms") {
    KineticScroll scroll;
    scroll.set_extent(2000, 500);
    double t = swipe(scroll, 100, 200, 10, 0);
    REQUIRE(scroll.offset() == doctest::Approx(-25));
    scroll.end_drag(t);
    CHECK(scroll.is_moving());
    scroll.update(t + 0.1);
    CHECK(scroll.offset() > -25);
    CHECK(scroll.offset() < 0);
    CHECK(scroll.velocity() > 0);
    scroll.update(t + 0.25);
    CHECK(scroll.offset() == 0);
    CHECK(scroll.velocity() == 0);
    CHECK_FALSE(scroll.is_moving());
}

TEST_CASE("A flick into the end overshoots by a bounded amount and settles exactly at the edge") {
    for (float speed_px_per_frame : {10.0f, 60.0f, 200.0f}) {
        CAPTURE(speed_px_per_frame);
        KineticScroll scroll;
        scroll.set_extent(1000, 500);
        double release = swipe(scroll, 450, 450 - 5 * speed_px_per_frame, 5, 0);
        scroll.end_drag(release);
        float furthest = scroll.offset();
        double t = release;
        while (scroll.is_moving() && t < release + 10) {
            t += kFrame;
            scroll.update(t);
            furthest = std::max(furthest, scroll.offset());
        }
        CHECK(t - release < 3);
        CHECK(furthest <= 500 + 0.15f * 500 + 0.01f);
        if (speed_px_per_frame >= 60) {
            CHECK(furthest > 500);
            CHECK(scroll.offset() == 500);
        } else {  // 600 px/s coasts (600 - 20) / k = 188 px: short of the edge
            CHECK(scroll.offset() == doctest::Approx(50 + (600 - 20) / default_decay_rate()).epsilon(0.02));
        }
        CHECK(scroll.max_offset() == 500);
    }
}

TEST_CASE("Content shorter than the viewport never scrolls") {
    KineticScroll scroll;
    scroll.set_extent(300, 500);
    CHECK(scroll.max_offset() == 0);
    double t = swipe(scroll, 100, 400, 6, 0);
    CHECK(scroll.offset() == 0);
    scroll.end_drag(t);
    CHECK_FALSE(scroll.is_moving());
    t = swipe(scroll, 400, 0, 3, 1);
    scroll.end_drag(t);
    run_until_rest(scroll, t);
    CHECK(scroll.offset() == 0);
    scroll.scroll_to(200, true, 2);
    scroll.update(3);
    CHECK(scroll.offset() == 0);
}

TEST_CASE("Shrinking the content clamps the offset and growing it keeps the offset") {
    KineticScroll scroll;
    scroll.set_extent(2000, 500);
    scroll.scroll_to(800, false, 0);
    CHECK(scroll.offset() == 800);
    scroll.set_extent(3000, 500);
    CHECK(scroll.offset() == 800);
    scroll.set_extent(1000, 500);
    CHECK(scroll.offset() == 500);
    scroll.set_extent(1000, 800);  // a taller viewport (bigger text area) also shrinks the range
    CHECK(scroll.offset() == 200);
    CHECK_FALSE(scroll.is_moving());
}

TEST_CASE("Shrinking the content during a flick ends the flick at the new edge") {
    KineticScroll scroll;
    double release = flick_long_list(scroll);
    scroll.update(release + 0.2);
    float offset = scroll.offset();
    scroll.set_extent(offset + 500 + 50, 500);  // 50 px of content left ahead
    CHECK(scroll.offset() == offset);
    run_until_rest(scroll, release + 0.2);
    CHECK(scroll.offset() == offset + 50);
}

TEST_CASE("The scroll is at rest when nothing moves, so the UI can stop rendering") {
    KineticScroll scroll;
    CHECK_FALSE(scroll.is_moving());
    scroll.set_extent(2000, 500);
    CHECK_FALSE(scroll.is_moving());
    // A slow drag (60 px/s, above min_velocity) coasts a little, then stops by itself.
    double t = swipe(scroll, 300, 290, 10, 0);
    scroll.end_drag(t);
    double rest = run_until_rest(scroll, t);
    CHECK_FALSE(scroll.is_moving());
    CHECK(scroll.velocity() == 0);
    float resting = scroll.offset();
    scroll.update(rest + 5);
    CHECK(scroll.offset() == resting);
    CHECK_FALSE(scroll.is_moving());
}

TEST_CASE("A finger that rests before lifting throws nothing") {
    KineticScroll scroll;
    scroll.set_extent(2000, 500);
    double t = swipe(scroll, 400, 100, 6, 0);
    scroll.drag_to(100, t + 0.05);
    scroll.drag_to(100, t + 0.1);
    scroll.end_drag(t + 0.12);
    CHECK_FALSE(scroll.is_moving());
    CHECK(scroll.offset() == doctest::Approx(300));

    // The same without any sample during the rest (a touch panel that only reports movement).
    t = swipe(scroll, 400, 100, 6, 1);
    scroll.end_drag(t + 0.2);
    CHECK_FALSE(scroll.is_moving());
}

TEST_CASE("A repeated final touch position does not cancel the flick") {
    KineticScroll scroll;
    scroll.set_extent(100000, 500);
    double t = swipe(scroll, 400, 100, 6, 0);  // 3000 px/s
    scroll.drag_to(100, t + 0.008);            // the panel repeats the last position
    scroll.end_drag(t + 0.01);
    REQUIRE(scroll.is_moving());
    scroll.update(t + 0.01);
    CHECK(scroll.velocity() == doctest::Approx(3000).epsilon(0.02));
}

TEST_CASE("The release velocity is averaged over the last ~100 ms, not the last two samples") {
    KineticScroll scroll;
    scroll.set_extent(100000, 500);
    // 30 frames at 1200 px/s, then one jittery sample 1 ms later with a 5 px jump.
    double t = swipe(scroll, 800, 200, 30, 0);
    scroll.drag_to(195, t + 0.001);
    scroll.end_drag(t + 0.001);
    scroll.update(t + 0.001);
    CHECK(scroll.velocity() > 1100);
    CHECK(scroll.velocity() < 1400);
}

TEST_CASE("Animated scroll_to eases to exactly the target and clamps it to the content") {
    KineticScroll scroll;
    scroll.set_extent(2000, 500);
    scroll.scroll_to(1000, true, 10);
    CHECK(scroll.is_moving());
    scroll.update(10.15);
    CHECK(scroll.offset() == doctest::Approx(500).epsilon(0.01));  // halfway at half time
    scroll.update(10.3);
    CHECK(scroll.offset() == 1000);
    CHECK_FALSE(scroll.is_moving());

    scroll.scroll_to(99999, true, 11);
    run_until_rest(scroll, 11);
    CHECK(scroll.offset() == 1500);
    scroll.scroll_to(-50, false, 12);
    CHECK(scroll.offset() == 0);
    CHECK_FALSE(scroll.is_moving());
}

TEST_CASE("Touching a moving list catches it where it is") {
    KineticScroll scroll;
    double release = flick_long_list(scroll);
    scroll.update(release + 0.2);
    KineticScroll reference = scroll;
    reference.update(release + 0.3);
    scroll.begin_drag(250, release + 0.3);
    CHECK(scroll.offset() == reference.offset());
    CHECK_FALSE(scroll.is_moving());
    CHECK(scroll.velocity() == 0);
    scroll.end_drag(release + 0.4);
    CHECK_FALSE(scroll.is_moving());
}

TEST_CASE("stop() halts inertia at once but an overscrolled list still springs back") {
    KineticScroll scroll;
    double release = flick_long_list(scroll);
    scroll.update(release + 0.1);
    float offset = scroll.offset();
    scroll.stop();
    CHECK_FALSE(scroll.is_moving());
    scroll.update(release + 1);
    CHECK(scroll.offset() == offset);

    scroll.set_extent(2000, 500);
    scroll.scroll_to(0, false, 2);
    double t = swipe(scroll, 100, 200, 4, 2);
    scroll.stop();
    CHECK_FALSE(scroll.is_dragging());
    CHECK(scroll.is_moving());
    run_until_rest(scroll, t);
    CHECK(scroll.offset() == 0);
}
