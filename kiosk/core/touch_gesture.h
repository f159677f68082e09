// Tap or scroll? Decides for one pointer, with LVGL's semantics: a press becomes a drag once the
// finger has moved more than a threshold along either axis, and a drag never ends in a tap.
// The UI feeds raw pointer events, reads the decision once per frame, then calls next_frame().
#pragma once

namespace kiosk::core {

class TouchGesture {
public:
    static constexpr float kDragThresholdPx = 10;  // scaled by the UI for the screen's density: set_threshold()

    // Movement (px, along x or y) beyond which a press becomes a drag.
    void set_threshold(float px) { threshold_ = px; }
    float threshold() const { return threshold_; }

    // The finger touches down at (x, y).
    void press(float x, float y, double time_s);
    // The finger (or a hovering mouse, which is ignored) moves to (x, y).
    void move(float x, float y, double time_s);
    // The finger lifts at (x, y): a tap if it never became a drag.
    void release(float x, float y, double time_s);
    // Forgets the current press without a tap (e.g. the screen changed under the finger).
    void cancel();
    // Clears the one-frame flags (just_pressed, drag_started, released_as_tap, released_from_drag).
    void next_frame();

    // The finger is down.
    bool is_down() const { return down_; }
    // The finger is down and has moved beyond the threshold since the press.
    bool is_dragging() const { return dragging_; }
    // One frame: a press began (the UI stops inertia and shows press feedback).
    bool just_pressed() const { return just_pressed_; }
    // One frame: the press became a drag (the UI starts scrolling from y() and drops press feedback).
    bool drag_started() const { return drag_started_; }
    // One frame: released without ever becoming a drag; the pressed widget gets its click.
    bool released_as_tap() const { return released_as_tap_; }
    // One frame: a drag ended (the UI lets the scroll fling on).
    bool released_from_drag() const { return released_from_drag_; }

    // Where the press began.
    float press_x() const { return press_x_; }
    float press_y() const { return press_y_; }
    double press_time() const { return press_time_; }
    // The latest pointer position.
    float x() const { return x_; }
    float y() const { return y_; }
    // Finger movement since the press (positive: down / right).
    float drag_dx() const { return x_ - press_x_; }
    float drag_dy() const { return y_ - press_y_; }

private:
    float threshold_ = kDragThresholdPx;
    bool down_ = false;
    bool dragging_ = false;
    bool just_pressed_ = false;
    bool drag_started_ = false;
    bool released_as_tap_ = false;
    bool released_from_drag_ = false;
    float press_x_ = 0;
    float press_y_ = 0;
    double press_time_ = 0;
    float x_ = 0;
    float y_ = 0;
};

// Keeps press feedback visible for at least `min_visible_s` after a very short tap (LVGL: ~100 ms),
// so a quick tap is still seen to land.
class PressFeedback {
public:
    static constexpr double kMinVisibleS = 0.1;

    explicit PressFeedback(double min_visible_s = kMinVisibleS) : min_visible_s_(min_visible_s) {}

    // The widget was pressed at time t.
    void pressed(double t);
    // The finger lifted at time t; the feedback stays until at least pressed + min_visible_s.
    void released(double t);
    // Scrolling started: the pressed look goes at once (LVGL drops the pressed state on scroll).
    void cancel();
    // Whether to draw the widget pressed at time t.
    bool visible(double t) const;
    // True while the feedback will disappear on its own later: keep drawing frames until this is
    // false (the frame drawn at a time when it is false already shows the feedback gone).
    bool needs_frames(double t) const;

private:
    double min_visible_s_;
    bool down_ = false;
    bool lingering_ = false;  // released, still shown until hide_at_
    double press_time_ = 0;
    double hide_at_ = 0;
};

}  // namespace kiosk::core
