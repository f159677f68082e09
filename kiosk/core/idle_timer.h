// Visitor inactivity: after `idle_s` without a touch the kiosk asks "Are you still there?"
// and counts down `countdown_s`; at zero the session ends. Pure timekeeping, no UI.
#pragma once

namespace kiosk::core {

class IdleTimer {
public:
    enum class Phase {
        Active,     // someone touched the screen recently
        Countdown,  // the "are you still there?" overlay counts down
        Expired,    // the countdown reached zero: reset the session
    };

    IdleTimer() = default;
    IdleTimer(double idle_s, double countdown_s) : idle_s_(idle_s), countdown_s_(countdown_s) {}

    void configure(double idle_s, double countdown_s) {
        idle_s_ = idle_s;
        countdown_s_ = countdown_s;
    }
    double idle_seconds() const { return idle_s_; }
    double countdown_seconds() const { return countdown_s_; }

    // Any touch: the visitor is still here; cancels a running countdown.
    void touch(double now) { last_activity_ = now; }
    Phase phase(double now) const;
    // Seconds left on the countdown (countdown_s while Active, 0 once Expired).
    double countdown_remaining(double now) const;
    // Whole seconds shown on the overlay: 10, 9, ... 1.
    int countdown_display(double now) const;
    // The next time phase() or countdown_display() changes; the main loop may sleep until then.
    double next_change(double now) const;

private:
    double idle_s_ = 90;
    double countdown_s_ = 10;
    double last_activity_ = 0;
};

}  // namespace kiosk::core
