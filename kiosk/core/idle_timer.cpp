#include "core/idle_timer.h"

#include <cmath>

namespace kiosk::core {

IdleTimer::Phase IdleTimer::phase(double now) const {
    double idle = now - last_activity_;
    if (idle < idle_s_) return Phase::Active;
    if (idle < idle_s_ + countdown_s_) return Phase::Countdown;
    return Phase::Expired;
}

double IdleTimer::countdown_remaining(double now) const {
    double remaining = idle_s_ + countdown_s_ - (now - last_activity_);
    if (remaining > countdown_s_) return countdown_s_;
    return remaining < 0 ? 0 : remaining;
}

int IdleTimer::countdown_display(double now) const {
    return static_cast<int>(std::ceil(countdown_remaining(now) - 1e-9));
}

double IdleTimer::next_change(double now) const {
    const double countdown_start = last_activity_ + idle_s_;
    const double expiry = countdown_start + countdown_s_;
    if (now < countdown_start) return countdown_start;
    if (now >= expiry) return now;
    // The displayed number changes on every whole second of the countdown.
    double elapsed = now - countdown_start;
    double next = countdown_start + std::floor(elapsed + 1e-9) + 1.0;
    return next < expiry ? next : expiry;
}

}  // namespace kiosk::core
