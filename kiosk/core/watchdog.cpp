#include "core/watchdog.h"

#include <algorithm>

namespace kiosk::core {

WatchdogHeartbeat::WatchdogHeartbeat(int64_t timeout_us) : timeout_us_(std::max<int64_t>(0, timeout_us)) {}

bool WatchdogHeartbeat::due(int64_t now_us) const {
    if (!enabled() || !progress_since_sent_) return false;
    return !sent_any_ || now_us - last_sent_us_ >= interval_us();
}

void WatchdogHeartbeat::mark_sent(int64_t now_us) {
    sent_any_ = true;
    last_sent_us_ = now_us;
    progress_since_sent_ = false;
}

int WatchdogHeartbeat::wait_ms(int64_t now_us, int max_ms) const {
    if (!enabled() || !sent_any_) return max_ms;
    int64_t until_due_us = last_sent_us_ + interval_us() - now_us;
    if (until_due_us <= 0) return 0;
    // Round up: waking a little late is harmless at half the timeout, busy-waking is not.
    int64_t until_due_ms = (until_due_us + 999) / 1000;
    return static_cast<int>(std::min<int64_t>(until_due_ms, max_ms));
}

}  // namespace kiosk::core
