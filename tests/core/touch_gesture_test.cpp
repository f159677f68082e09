#include "core/touch_gesture.h"

#include <doctest/doctest.h>

using kiosk::core::PressFeedback;
using kiosk::core::TouchGesture;

TEST_CASE("A press and release on the spot is a tap for exactly one frame") {
    TouchGesture gesture;
    CHECK_FALSE(gesture.is_down());
    gesture.press(100, 200, 1.0);
    CHECK(gesture.is_down());
    CHECK(gesture.just_pressed());
    CHECK(gesture.press_x() == 100);
    CHECK(gesture.press_y() == 200);
    CHECK_FALSE(gesture.released_as_tap());
    gesture.next_frame();
    CHECK_FALSE(gesture.just_pressed());
    gesture.release(100, 200, 1.08);
    CHECK_FALSE(gesture.is_down());
    CHECK(gesture.released_as_tap());
    CHECK_FALSE(gesture.released_from_drag());
    gesture.next_frame();
    CHECK_FALSE(gesture.released_as_tap());
}

TEST_CASE("Movement within the threshold is still a tap") {
    TouchGesture gesture;
    gesture.press(100, 200, 0);
    gesture.move(108, 193, 0.02);
    gesture.move(92, 210, 0.04);  // exactly 10 px down: not beyond the threshold
    CHECK_FALSE(gesture.is_dragging());
    CHECK(gesture.drag_dy() == 10);
    gesture.release(95, 205, 0.06);
    CHECK(gesture.released_as_tap());
}

TEST_CASE("Moving beyond the threshold makes a drag that never ends as a tap") {
    TouchGesture gesture;
    gesture.press(100, 200, 0);
    gesture.next_frame();
    gesture.move(100, 189, 0.02);
    CHECK(gesture.is_dragging());
    CHECK(gesture.drag_started());
    CHECK(gesture.drag_dy() == -11);
    gesture.next_frame();
    CHECK_FALSE(gesture.drag_started());
    gesture.move(100, 200, 0.04);  // back to the press point: still a drag
    CHECK(gesture.is_dragging());
    gesture.release(100, 200, 0.06);
    CHECK_FALSE(gesture.released_as_tap());
    CHECK(gesture.released_from_drag());
    CHECK_FALSE(gesture.is_dragging());
}

TEST_CASE("A sideways move beyond the threshold also cancels the tap") {
    TouchGesture gesture;
    gesture.press(100, 200, 0);
    gesture.move(111, 200, 0.02);
    CHECK(gesture.is_dragging());
    gesture.release(111, 200, 0.03);
    CHECK_FALSE(gesture.released_as_tap());
}

TEST_CASE("A release that lands beyond the threshold is not a tap") {
    TouchGesture gesture;
    gesture.press(100, 200, 0);
    gesture.release(100, 260, 0.05);
    CHECK_FALSE(gesture.released_as_tap());
    CHECK(gesture.released_from_drag());
}

TEST_CASE("The threshold follows the screen density") {
    TouchGesture gesture;
    CHECK(gesture.threshold() == TouchGesture::kDragThresholdPx);
    gesture.set_threshold(20);
    gesture.press(0, 0, 0);
    gesture.move(0, 15, 0.02);
    CHECK_FALSE(gesture.is_dragging());
    gesture.move(0, 21, 0.04);
    CHECK(gesture.is_dragging());
}

TEST_CASE("Hovering and stray releases without a press do nothing") {
    TouchGesture gesture;
    gesture.move(50, 50, 0);
    CHECK_FALSE(gesture.is_dragging());
    gesture.release(50, 50, 0.1);
    CHECK_FALSE(gesture.released_as_tap());
    CHECK_FALSE(gesture.released_from_drag());
    gesture.press(0, 0, 1);
    gesture.cancel();
    gesture.release(0, 0, 1.1);
    CHECK_FALSE(gesture.released_as_tap());
}

TEST_CASE("Press feedback stays visible at least 100 ms after a 10 ms tap, then needs no frames") {
    PressFeedback feedback;
    CHECK_FALSE(feedback.visible(0));
    CHECK_FALSE(feedback.needs_frames(0));
    feedback.pressed(5.0);
    CHECK(feedback.visible(5.0));
    CHECK_FALSE(feedback.needs_frames(5.0));  // while held, nothing changes without input
    feedback.released(5.01);
    CHECK(feedback.visible(5.01));
    CHECK(feedback.needs_frames(5.01));
    CHECK(feedback.visible(5.099));
    CHECK(feedback.needs_frames(5.099));
    CHECK_FALSE(feedback.visible(5.1));
    CHECK_FALSE(feedback.needs_frames(5.1));
    CHECK_FALSE(feedback.needs_frames(60));
}

TEST_CASE("Press feedback after a long press disappears on release") {
    PressFeedback feedback;
    feedback.pressed(1.0);
    CHECK(feedback.visible(1.5));
    feedback.released(1.5);
    CHECK_FALSE(feedback.visible(1.5));
    CHECK_FALSE(feedback.needs_frames(1.5));
}

TEST_CASE("Press feedback is dropped at once when scrolling starts") {
    PressFeedback feedback;
    feedback.pressed(1.0);
    feedback.cancel();
    CHECK_FALSE(feedback.visible(1.01));
    CHECK_FALSE(feedback.needs_frames(1.01));
    feedback.released(1.02);  // the later release must not bring it back
    CHECK_FALSE(feedback.visible(1.03));
}

TEST_CASE("The minimum press feedback time is configurable") {
    PressFeedback feedback(0.25);
    feedback.pressed(0);
    feedback.released(0.01);
    CHECK(feedback.visible(0.2));
    CHECK_FALSE(feedback.visible(0.25));
}
