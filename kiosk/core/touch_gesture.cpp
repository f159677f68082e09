#include "core/touch_gesture.h"

#include <algorithm>
#include <cmath>

namespace kiosk::core {

void TouchGesture::press(float x, float y, double time_s) {
    down_ = true;
    dragging_ = false;
    just_pressed_ = true;
    press_x_ = x_ = x;
    press_y_ = y_ = y;
    press_time_ = time_s;
}

void TouchGesture::move(float x, float y, double time_s) {
    (void)time_s;
    x_ = x;
    y_ = y;
    if (!down_ || dragging_) return;
    // Per axis, as LVGL does: a slight diagonal wobble of a tapping finger stays a tap.
    if (std::fabs(drag_dx()) > threshold_ || std::fabs(drag_dy()) > threshold_) {
        dragging_ = true;
        drag_started_ = true;
    }
}

void TouchGesture::release(float x, float y, double time_s) {
    if (!down_) return;
    move(x, y, time_s);
    if (dragging_) released_from_drag_ = true;
    else released_as_tap_ = true;
    down_ = false;
    dragging_ = false;
}

void TouchGesture::cancel() {
    down_ = false;
    dragging_ = false;
}

void TouchGesture::next_frame() {
    just_pressed_ = false;
    drag_started_ = false;
    released_as_tap_ = false;
    released_from_drag_ = false;
}

void PressFeedback::pressed(double t) {
    down_ = true;
    lingering_ = false;
    press_time_ = t;
}

void PressFeedback::released(double t) {
    if (!down_) return;
    down_ = false;
    lingering_ = true;
    hide_at_ = std::max(t, press_time_ + min_visible_s_);
}

void PressFeedback::cancel() {
    down_ = false;
    lingering_ = false;
}

bool PressFeedback::visible(double t) const { return down_ || (lingering_ && t < hide_at_); }

bool PressFeedback::needs_frames(double t) const { return !down_ && lingering_ && t < hide_at_; }

}  // namespace kiosk::core
