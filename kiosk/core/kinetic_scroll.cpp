// [SECTION] Geometry: edges, elastic overscroll
// [SECTION] Finger: drag and release velocity
// [SECTION] Motion phases: Throw -> Overshoot -> Spring, and Animate
#include "core/kinetic_scroll.h"

#include <algorithm>
#include <cmath>

namespace kiosk::core {

namespace {

constexpr double kVelocityWindowS = 0.1;   // release velocity is measured over this much movement
constexpr double kRestBeforeLiftS = 0.05;  // a finger still for this long before lifting throws nothing
constexpr double kMinSampleSpanS = 0.002;  // shorter spans give meaningless velocities
constexpr double kTimeEpsilonS = 1e-6;     // absorbs rounding in "start + duration - start"

double ease_out_cubic(double u) { return 1 - (1 - u) * (1 - u) * (1 - u); }
double ease_out_cubic_slope(double u) { return 3 * (1 - u) * (1 - u); }
double ease_in_out_cubic(double u) { return u < 0.5 ? 4 * u * u * u : 1 - std::pow(2 - 2 * u, 3) / 2; }
double ease_in_out_cubic_slope(double u) { return u < 0.5 ? 12 * u * u : 3 * (2 - 2 * u) * (2 - 2 * u); }

}  // namespace

KineticScroll::KineticScroll() = default;

KineticScroll::KineticScroll(const Params& p) : params_(p) {}

// ---------------------------------------------------------------- [SECTION] Geometry

float KineticScroll::max_offset() const { return std::max(0.0f, content_height_ - viewport_height_); }

float KineticScroll::max_overscroll_px() const { return std::max(0.0f, params_.max_overscroll * viewport_height_); }

float KineticScroll::nearest_edge(float offset) const { return std::clamp(offset, 0.0f, max_offset()); }

bool KineticScroll::is_overscrolled() const { return offset_ < 0 || offset_ > max_offset(); }

// Maps where the finger would have put the content to where it is shown: 1:1 inside the
// content, overscroll_ratio of the distance past an edge, never more than max_overscroll.
float KineticScroll::elastic_offset(float raw) const {
    float limit = max_overscroll_px();
    float ratio = std::max(0.0f, params_.overscroll_ratio);
    if (raw < 0) return -std::min(-raw * ratio, limit);
    if (raw > max_offset()) return max_offset() + std::min((raw - max_offset()) * ratio, limit);
    return raw;
}

// The inverse of elastic_offset(), so a drag that starts overscrolled continues smoothly.
float KineticScroll::raw_offset(float offset) const {
    float ratio = params_.overscroll_ratio;
    if (ratio <= 0) return nearest_edge(offset);
    if (offset < 0) return offset / ratio;
    if (offset > max_offset()) return max_offset() + (offset - max_offset()) / ratio;
    return offset;
}

void KineticScroll::set_extent(float content_height, float viewport_height) {
    content_height_ = std::max(0.0f, content_height);
    viewport_height_ = std::max(0.0f, viewport_height);
    if (dragging_) {
        offset_ = elastic_offset(raw_offset(offset_));  // keeps it within the new overscroll limit
        drag_start_finger_ = sample(0).finger_y;
        drag_start_raw_ = raw_offset(offset_);
    } else if (motion_ != Motion::None) {
        restart_motion_from_here();
    } else {
        offset_ = nearest_edge(offset_);
    }
}

// ---------------------------------------------------------------- [SECTION] Finger

void KineticScroll::begin_drag(float finger_y, double time_s) {
    update(time_s);
    motion_ = Motion::None;
    velocity_ = 0;
    dragging_ = true;
    drag_start_finger_ = finger_y;
    drag_start_raw_ = raw_offset(offset_);
    sample_count_ = 0;
    sample_next_ = 0;
    drag_to(finger_y, time_s);
}

void KineticScroll::drag_to(float finger_y, double time_s) {
    if (!dragging_) return;
    samples_[sample_next_] = {time_s, finger_y};
    sample_next_ = (sample_next_ + 1) % kSampleCount;
    sample_count_ = std::min(sample_count_ + 1, kSampleCount);
    last_time_ = time_s;
    // A list that fits its viewport does not scroll, not even elastically.
    if (is_scrollable()) offset_ = elastic_offset(drag_start_raw_ - (finger_y - drag_start_finger_));
    else offset_ = 0;
    velocity_ = release_velocity(time_s);
}

void KineticScroll::end_drag(double time_s) {
    if (!dragging_) return;
    float velocity = release_velocity(time_s);
    dragging_ = false;
    last_time_ = time_s;
    velocity_ = 0;
    if (is_overscrolled()) start_eased(Motion::Spring, time_s, nearest_edge(offset_), params_.spring_ms / 1000.0);
    else if (is_scrollable()) start_throw(time_s, velocity);
}

// The sample `age` steps before the newest one (0 = newest).
const KineticScroll::Sample& KineticScroll::sample(int age) const {
    return samples_[(sample_next_ - 1 - age + 2 * kSampleCount) % kSampleCount];
}

// Offset velocity implied by the finger's last movement. Trailing samples at the final position
// (touch panels often repeat it just before the lift) are skipped, so the flick keeps its speed.
float KineticScroll::release_velocity(double time_s) const {
    if (sample_count_ < 2) return 0;
    int arrival = 0;  // oldest sample of the run at the final position
    while (arrival + 1 < sample_count_ && sample(arrival + 1).finger_y == sample(0).finger_y) ++arrival;
    if (time_s - sample(arrival).time > kRestBeforeLiftS || arrival + 1 >= sample_count_) return 0;
    int start = arrival + 1;  // at least one movement, more while it is inside the window
    while (start + 1 < sample_count_ && sample(arrival).time - sample(start + 1).time <= kVelocityWindowS) ++start;
    double span = sample(arrival).time - sample(start).time;
    if (span < kMinSampleSpanS) return 0;
    double finger_velocity = (sample(arrival).finger_y - sample(start).finger_y) / span;
    return static_cast<float>(std::clamp(-finger_velocity, -double(params_.max_velocity), double(params_.max_velocity)));
}

// ---------------------------------------------------------------- [SECTION] Motion phases

double KineticScroll::decay_rate() const {
    double decay = std::clamp(double(params_.throw_decay_per_frame), 1e-4, 0.999);
    return -60.0 * std::log(1.0 - decay);  // (1 - decay)^(60 t) == exp(-rate t)
}

// Inertia: v(t) = v0 exp(-k t). It ends at rest when |v| falls to min_velocity, or earlier when
// the offset reaches the edge it is heading for.
void KineticScroll::start_throw(double time_s, double velocity) {
    double speed = std::fabs(velocity);
    double min_speed = std::max(1e-3f, params_.min_velocity);
    if (speed <= min_speed) {
        motion_ = Motion::None;
        velocity_ = 0;
        return;
    }
    double rate = decay_rate();
    float edge = velocity > 0 ? max_offset() : 0.0f;
    double distance_to_edge = std::max(0.0, std::fabs(double(edge) - offset_));
    double distance_at_rest = (speed - min_speed) / rate;
    motion_ = Motion::Throw;
    phase_start_ = time_s;
    phase_from_ = offset_;
    phase_velocity_ = velocity;
    phase_rate_ = rate;
    phase_target_ = edge;
    phase_hits_edge_ = distance_to_edge < distance_at_rest;
    phase_duration_ =
        phase_hits_edge_ ? -std::log(1.0 - distance_to_edge * rate / speed) / rate : std::log(speed / min_speed) / rate;
}

// Past an edge the content slows much faster (overscroll_ratio of the throw's decay distance,
// and never beyond max_overscroll), then springs back.
void KineticScroll::start_overshoot(double time_s, double velocity) {
    double speed = std::fabs(velocity);
    double min_speed = std::max(1e-3f, params_.min_velocity);
    double limit = max_overscroll_px();
    if (speed <= min_speed || limit <= 0 || params_.overscroll_ratio <= 0) {
        start_eased(Motion::Spring, time_s, nearest_edge(offset_), params_.spring_ms / 1000.0);
        return;
    }
    double rate = std::max(decay_rate() / params_.overscroll_ratio, (speed - min_speed) / limit);
    motion_ = Motion::Overshoot;
    phase_start_ = time_s;
    phase_from_ = offset_;
    phase_velocity_ = velocity;
    phase_rate_ = rate;
    phase_duration_ = std::log(speed / min_speed) / rate;
}

// Spring-back (ease-out) and scroll_to (ease-in-out): fixed-length curves ending exactly on target.
void KineticScroll::start_eased(Motion motion, double time_s, float target, double duration_s) {
    if (duration_s <= 0 || target == offset_) {
        offset_ = target;
        velocity_ = 0;
        motion_ = Motion::None;
        return;
    }
    motion_ = motion;
    phase_start_ = time_s;
    phase_from_ = offset_;
    phase_target_ = target;
    phase_duration_ = duration_s;
}

// Sets offset and velocity for time_s within the current phase. Returns true if the phase ended
// by then; the next phase has been started at the exact end time.
bool KineticScroll::advance_phase(double time_s) {
    double elapsed = std::max(0.0, time_s - phase_start_);
    bool ended = elapsed >= phase_duration_ - kTimeEpsilonS;
    double t = std::min(elapsed, phase_duration_);
    if (motion_ == Motion::Throw || motion_ == Motion::Overshoot) {
        double fade = std::exp(-phase_rate_ * t);
        offset_ = static_cast<float>(phase_from_ + phase_velocity_ / phase_rate_ * (1 - fade));
        velocity_ = static_cast<float>(phase_velocity_ * fade);
    } else {
        double u = t / phase_duration_;
        bool spring = motion_ == Motion::Spring;
        double distance = double(phase_target_) - phase_from_;
        offset_ = static_cast<float>(phase_from_ + distance * (spring ? ease_out_cubic(u) : ease_in_out_cubic(u)));
        velocity_ = static_cast<float>(distance * (spring ? ease_out_cubic_slope(u) : ease_in_out_cubic_slope(u)) /
                                       phase_duration_);
    }
    if (ended) end_phase();
    return ended;
}

void KineticScroll::end_phase() {
    double end_s = phase_start_ + phase_duration_;
    switch (motion_) {
        case Motion::Throw:
            if (phase_hits_edge_) {
                offset_ = phase_target_;
                start_overshoot(end_s, velocity_);
            } else {
                motion_ = Motion::None;
                velocity_ = 0;
            }
            break;
        case Motion::Overshoot:
            start_eased(Motion::Spring, end_s, nearest_edge(offset_), params_.spring_ms / 1000.0);
            break;
        case Motion::Spring:
        case Motion::Animate:
            offset_ = phase_target_;
            velocity_ = 0;
            motion_ = Motion::None;
            break;
        case Motion::None: break;
    }
}

void KineticScroll::update(double time_s) {
    if (dragging_) return;
    // Throw -> Overshoot -> Spring -> None: a few phase changes at most, whatever the time step.
    for (int phase = 0; phase < 4 && motion_ != Motion::None; ++phase) {
        if (!advance_phase(time_s)) break;
    }
    last_time_ = std::max(last_time_, time_s);
}

void KineticScroll::scroll_to(float offset, bool animated, double time_s) {
    update(time_s);
    dragging_ = false;
    last_time_ = time_s;
    float target = nearest_edge(offset);
    if (animated) start_eased(Motion::Animate, time_s, target, params_.scroll_to_ms / 1000.0);
    else start_eased(Motion::Animate, time_s, target, 0);
}

void KineticScroll::stop() {
    dragging_ = false;
    velocity_ = 0;
    motion_ = Motion::None;
    if (is_overscrolled()) start_eased(Motion::Spring, last_time_, nearest_edge(offset_), params_.spring_ms / 1000.0);
}

// After the extent changed mid-motion: continue from the current state towards the new edges.
// A throw is memoryless, so restarting it from (offset, velocity) now changes nothing else.
void KineticScroll::restart_motion_from_here() {
    double remaining = std::max(0.0, phase_start_ + phase_duration_ - last_time_);
    if (motion_ == Motion::Animate) {
        start_eased(Motion::Animate, last_time_, nearest_edge(phase_target_), remaining);
    } else if (is_overscrolled()) {
        double spring_s = motion_ == Motion::Spring ? remaining : params_.spring_ms / 1000.0;
        start_eased(Motion::Spring, last_time_, nearest_edge(offset_), spring_s);
    } else if (motion_ == Motion::Throw) {
        start_throw(last_time_, velocity_);
    } else {  // an overshoot or spring-back that the grown content now contains: rest here
        motion_ = Motion::None;
        velocity_ = 0;
    }
}

}  // namespace kiosk::core
