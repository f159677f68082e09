#include "core/watchdog.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

using kiosk::core::WatchdogHeartbeat;

namespace {

constexpr int64_t kSecond = 1000000;

// Simulates the interactive main loop: every pass it notes progress, sends a heartbeat when one
// is due, then sleeps as long as the heartbeat allows (at most `idle_wait_ms`, like the loop's
// SDL_WaitEventTimeout). Returns the times heartbeats were sent.
std::vector<int64_t> run_idle_loop(WatchdogHeartbeat* heartbeat, int64_t from_us, int64_t until_us, int idle_wait_ms) {
    std::vector<int64_t> sent;
    for (int64_t now = from_us; now < until_us;) {
        heartbeat->note_progress();
        if (heartbeat->due(now)) {
            heartbeat->mark_sent(now);
            sent.push_back(now);
        }
        now += std::max(1, heartbeat->wait_ms(now, idle_wait_ms)) * int64_t{1000};
    }
    return sent;
}

int64_t longest_gap(const std::vector<int64_t>& times, int64_t from_us) {
    int64_t gap = 0, previous = from_us;
    for (int64_t t : times) {
        gap = std::max(gap, t - previous);
        previous = t;
    }
    return gap;
}

}  // namespace

TEST_CASE("Without WATCHDOG_USEC no heartbeat is ever due and the loop keeps its own idle wait") {
    WatchdogHeartbeat heartbeat(0);
    CHECK_FALSE(heartbeat.enabled());
    heartbeat.note_progress();
    CHECK_FALSE(heartbeat.due(0));
    CHECK_FALSE(heartbeat.due(100 * kSecond));
    CHECK(heartbeat.wait_ms(0, 1000) == 1000);
}

TEST_CASE("The first pass of the loop sends a heartbeat at once") {
    WatchdogHeartbeat heartbeat(10 * kSecond);
    CHECK(heartbeat.interval_us() == 5 * kSecond);
    CHECK_FALSE(heartbeat.due(0));  // no pass completed yet
    heartbeat.note_progress();
    CHECK(heartbeat.due(0));
}

TEST_CASE("Heartbeats go out every half timeout while an idle loop wakes once a second") {
    WatchdogHeartbeat heartbeat(10 * kSecond);
    std::vector<int64_t> sent = run_idle_loop(&heartbeat, 0, 120 * kSecond, 1000);
    REQUIRE(sent.size() >= 23);
    CHECK(sent.size() <= 25);
    CHECK(longest_gap(sent, 0) <= 5 * kSecond + 1000);
    for (size_t i = 1; i < sent.size(); ++i) CHECK(sent[i] - sent[i - 1] >= 5 * kSecond);
}

TEST_CASE("A watchdog shorter than the idle wait shortens the wait so heartbeats stay in time") {
    WatchdogHeartbeat heartbeat(600000);  // WatchdogSec=600ms: a heartbeat every 300 ms
    std::vector<int64_t> sent = run_idle_loop(&heartbeat, 0, 10 * kSecond, 1000);
    CHECK(sent.size() >= 30);
    CHECK(longest_gap(sent, 0) < 600000);
}

TEST_CASE("The idle wait never exceeds the caller's maximum and is zero once a heartbeat is overdue") {
    WatchdogHeartbeat heartbeat(10 * kSecond);
    heartbeat.note_progress();
    heartbeat.mark_sent(0);
    CHECK(heartbeat.wait_ms(0, 1000) == 1000);
    CHECK(heartbeat.wait_ms(int64_t{4500} * 1000, 1000) == 500);
    CHECK(heartbeat.wait_ms(4999900, 1000) == 1);  // rounded up, never a busy zero before it is due
    CHECK(heartbeat.wait_ms(5 * kSecond, 1000) == 0);
    CHECK(heartbeat.wait_ms(9 * kSecond, 1000) == 0);
}

TEST_CASE("Heartbeats stop when the loop hangs, and resume when it makes progress again") {
    WatchdogHeartbeat heartbeat(10 * kSecond);
    std::vector<int64_t> sent = run_idle_loop(&heartbeat, 0, 30 * kSecond, 1000);
    REQUIRE_FALSE(sent.empty());
    const int64_t hang_start = 30 * kSecond;
    // The loop is stuck in one frame for a minute. Whoever asks, at most one more heartbeat goes
    // out (it vouches for the passes made just before the hang), then silence.
    int sent_during_hang = 0;
    int64_t last_sent = sent.back();
    for (int64_t now = hang_start; now < hang_start + 60 * kSecond; now += 100000) {
        if (!heartbeat.due(now)) continue;
        heartbeat.mark_sent(now);
        last_sent = now;
        ++sent_during_hang;
    }
    CHECK(sent_during_hang <= 1);
    // systemd sees silence for longer than WatchdogSec and restarts the kiosk.
    CHECK(hang_start + 60 * kSecond - last_sent > 10 * kSecond);
    heartbeat.note_progress();
    CHECK(heartbeat.due(hang_start + 60 * kSecond));
}

TEST_CASE("A heartbeat is not repeated until the loop has made progress since the last one") {
    WatchdogHeartbeat heartbeat(2 * kSecond);
    heartbeat.note_progress();
    REQUIRE(heartbeat.due(0));
    heartbeat.mark_sent(0);
    CHECK_FALSE(heartbeat.due(kSecond));  // interval passed, but no pass since
    CHECK_FALSE(heartbeat.due(5 * kSecond));
    heartbeat.note_progress();
    CHECK(heartbeat.due(5 * kSecond));
    heartbeat.mark_sent(5 * kSecond);
    heartbeat.note_progress();
    CHECK_FALSE(heartbeat.due(5 * kSecond + 999999));  // progress, but the interval has not passed
    CHECK(heartbeat.due(6 * kSecond));
}

TEST_CASE("A negative timeout disables the heartbeat") {
    WatchdogHeartbeat heartbeat(-5);
    CHECK_FALSE(heartbeat.enabled());
    heartbeat.note_progress();
    CHECK_FALSE(heartbeat.due(0));
}
