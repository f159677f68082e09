#include "platform/watchdog_notifier.h"

#include "core/log.h"

#include <systemd/sd-daemon.h>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

// systemd's WatchdogSec for this process in microseconds, 0 when there is none.
int64_t watchdog_timeout_us() {
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) <= 0) return 0;
    return static_cast<int64_t>(usec);
}

void notify(const char* state) {
    // A failed notification is worth a log line but never worth stopping the kiosk.
    int result = sd_notify(0, state);
    if (result < 0) log_warning("sd_notify(%s) failed: error %d", state, -result);
}

}  // namespace

WatchdogNotifier::WatchdogNotifier() : start_(std::chrono::steady_clock::now()), heartbeat_(watchdog_timeout_us()) {}

int64_t WatchdogNotifier::now_us() const {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start_).count();
}

void WatchdogNotifier::loop_pass(int64_t frames_rendered) {
    if (!ready_sent_ && frames_rendered > 0) {
        notify("READY=1");
        ready_sent_ = true;
    }
    heartbeat_.note_progress();
    int64_t now = now_us();
    if (heartbeat_.due(now)) {
        notify("WATCHDOG=1");
        heartbeat_.mark_sent(now);
    }
}

int WatchdogNotifier::wait_ms(int max_ms) const { return heartbeat_.wait_ms(now_us(), max_ms); }

void WatchdogNotifier::stopping() { notify("STOPPING=1"); }

}  // namespace kiosk::platform
