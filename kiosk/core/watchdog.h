// When to send systemd's watchdog heartbeat (WATCHDOG=1). systemd restarts the kiosk when no
// heartbeat arrives within WatchdogSec. A heartbeat goes out only after the main loop has made
// progress since the previous one, so a hung UI stops the heartbeats and gets restarted.
// Pure logic on a monotonic clock in microseconds; the platform layer sends the datagrams.
#pragma once

#include <cstdint>

namespace kiosk::core {

class WatchdogHeartbeat {
public:
    // `timeout_us` is systemd's WATCHDOG_USEC; 0 (not run under a watchdog) disables heartbeats.
    explicit WatchdogHeartbeat(int64_t timeout_us = 0);

    // A watchdog timeout was given.
    bool enabled() const { return timeout_us_ > 0; }
    // Time between heartbeats: half the timeout, as sd_watchdog_enabled(3) advises, so one
    // late wake-up does not get the kiosk killed.
    int64_t interval_us() const { return timeout_us_ / 2; }

    // The main loop completed one pass (drew a frame or woke from its idle wait).
    void note_progress() { progress_since_sent_ = true; }
    // A heartbeat is due at `now_us`: the interval has passed since the last one (or none was
    // sent yet) and the loop made progress since then.
    bool due(int64_t now_us) const;
    // Records that a heartbeat was sent at `now_us`; the next needs fresh progress.
    void mark_sent(int64_t now_us);
    // How long an idle loop may sleep at `now_us` and still wake in time for the next
    // heartbeat; never more than `max_ms`.
    int wait_ms(int64_t now_us, int max_ms) const;

private:
    int64_t timeout_us_ = 0;
    bool sent_any_ = false;
    int64_t last_sent_us_ = 0;
    bool progress_since_sent_ = false;
};

}  // namespace kiosk::core
