// Scroll physics for one vertical axis, in the style of LVGL's defaults: the content follows the
// finger 1:1, a flick keeps going and loses a fixed fraction of its speed per frame, scrolling past
// an edge moves at a quarter of the finger speed and springs back.
//
// Every motion is a closed-form function of time (exponential decay, eased curves), so the result
// does not depend on how often update() is called: 30 Hz and 60 Hz give the same positions.
// Times are seconds on any monotonic clock; offsets are pixels, 0 = top, positive scrolls down.
#pragma once

namespace kiosk::core {

class KineticScroll {
public:
    struct Params {
        float throw_decay_per_frame = 0.05f;  // fraction of velocity lost per 1/60 s
        float overscroll_ratio = 0.25f;       // content moves at 1/4 of finger speed past an edge
        float spring_ms = 250;                // time to spring back from an overscroll
        float max_overscroll = 0.15f;         // fraction of viewport
        float min_velocity = 20;              // px/s: below, stop
        float scroll_to_ms = 300;             // duration of an animated scroll_to()
        float max_velocity = 8000;            // px/s: caps a flick measured from jittery samples
    };

    KineticScroll();
    explicit KineticScroll(const Params& p);

    // Sets the scrollable size. Keeps the offset where it is unless it is now past the end,
    // in which case it is clamped (no animation, no jump otherwise).
    void set_extent(float content_height, float viewport_height);

    // The finger touches down: any motion stops where it is ("catching" a moving list).
    void begin_drag(float finger_y, double time_s);
    // Follows the finger 1:1; past an edge the content moves at overscroll_ratio of the finger
    // speed, up to max_overscroll of the viewport.
    void drag_to(float finger_y, double time_s);
    // The finger lifts: flicks on with the finger's velocity over its last ~100 ms of movement
    // (a repeated final position is ignored; a finger that rested ~50 ms before lifting throws
    // nothing), or springs back if released past an edge.
    void end_drag(double time_s);
    // Advances inertia, spring-back and animated scrolls to time_s.
    void update(double time_s);
    // Goes to `offset` (clamped to the content): eased over scroll_to_ms if animated, else at once.
    void scroll_to(float offset, bool animated, double time_s);
    // Halts every motion and ends a drag without a flick (a tap during inertia stops the list).
    // An overscrolled list still springs back to its edge.
    void stop();

    // Current scroll offset in pixels (negative or beyond max_offset() while overscrolled).
    float offset() const { return offset_; }
    // Largest resting offset: content height minus viewport height, never negative.
    float max_offset() const;
    // Current speed of the offset in px/s (positive: moving down the content).
    float velocity() const { return velocity_; }
    // True between begin_drag() and end_drag().
    bool is_dragging() const { return dragging_; }
    // Inertia, spring-back or animated scroll in progress: the UI must keep rendering.
    bool is_moving() const { return motion_ != Motion::None; }

private:
    enum class Motion { None, Throw, Overshoot, Spring, Animate };
    struct Sample {
        double time;
        float finger_y;
    };
    static constexpr int kSampleCount = 32;  // > 100 ms of samples at 250 Hz

    void start_throw(double time_s, double velocity);
    void start_overshoot(double time_s, double velocity);
    void start_eased(Motion motion, double time_s, float target, double duration_s);
    bool advance_phase(double time_s);
    void end_phase();
    float nearest_edge(float offset) const;
    bool is_overscrolled() const;
    bool is_scrollable() const { return max_offset() > 0; }
    float elastic_offset(float raw) const;
    float raw_offset(float offset) const;
    float max_overscroll_px() const;
    const Sample& sample(int age) const;
    float release_velocity(double time_s) const;
    double decay_rate() const;
    void restart_motion_from_here();

    Params params_;
    float content_height_ = 0;
    float viewport_height_ = 0;
    float offset_ = 0;
    float velocity_ = 0;
    double last_time_ = 0;

    bool dragging_ = false;
    float drag_start_finger_ = 0;
    float drag_start_raw_ = 0;  // offset without elastic damping at drag start
    Sample samples_[kSampleCount] = {};
    int sample_count_ = 0;  // samples stored, at most kSampleCount
    int sample_next_ = 0;   // ring buffer write position

    // The current motion phase: offset(t) is a closed-form curve from (phase_start_, phase_from_).
    Motion motion_ = Motion::None;
    double phase_start_ = 0;
    float phase_from_ = 0;
    double phase_velocity_ = 0;     // initial velocity (Throw, Overshoot)
    double phase_rate_ = 0;         // exponential decay rate in 1/s (Throw, Overshoot)
    float phase_target_ = 0;        // end offset (Spring, Animate), the edge hit (Throw), 0 otherwise
    bool phase_hits_edge_ = false;  // the Throw ends at an edge rather than at rest
    double phase_duration_ = 0;     // length of the phase in seconds
};

}  // namespace kiosk::core
