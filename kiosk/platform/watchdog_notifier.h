// Talks to systemd over $NOTIFY_SOCKET (sd_notify(3)): READY=1 once the first frame is on the
// screen, WATCHDOG=1 heartbeats while the main loop runs (decided by core/watchdog.h), and
// STOPPING=1 at exit. Without systemd (no NOTIFY_SOCKET) every call does nothing.
#pragma once

#include "core/watchdog.h"

#include <chrono>
#include <cstdint>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

class WatchdogNotifier {
public:
    // Reads WATCHDOG_USEC/WATCHDOG_PID from the environment systemd gave the process.
    WatchdogNotifier();

    // Once per main-loop pass: sends READY=1 after the first frame and a heartbeat when due.
    void loop_pass(int64_t frames_rendered);
    // How long the idle loop may sleep and still send the next heartbeat in time (≤ max_ms).
    int wait_ms(int max_ms) const;
    // The kiosk is shutting down on purpose (systemd will not count it as a crash).
    void stopping();

private:
    int64_t now_us() const;

    std::chrono::steady_clock::time_point start_;
    WatchdogHeartbeat heartbeat_;
    bool ready_sent_ = false;
};

}  // namespace kiosk::platform
