// The kiosk's event log: UsageEvents queued by the UI thread and written to state.db by a
// writer thread of its own, in batches, so that recording an event costs a frame no disk
// access (docs/performance.md has the number). Each batch is one transaction in WAL mode:
// after a crash or power cut an event is either stored or not, and the file is never damaged.
// After each batch the retention limits are applied, oldest events first.
#pragma once

#include "core/sqlite_db.h"
#include "core/usage_events.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::core {

struct EventRetention {
    int days = 90;    // stats_retention_days: events older than this are removed
    int max_mb = 50;  // stats_max_mb: the events take at most this much of state.db
};

// How long the writer waits to gather a batch, and the most events one transaction takes.
constexpr double kEventBatchSeconds = 1.0;
constexpr size_t kEventBatchMax = 512;
// Events queued beyond this while the disk is stuck are dropped (and counted), never waited for.
constexpr size_t kEventQueueMax = 20000;

// Inserts `events` in one transaction; sets their ids. False (nothing stored) with `error`.
bool insert_events(SqliteDb& db, std::vector<UsageEvent>* events, std::string* error);
// Removes events older than `retention.days` before `now_ms`, then the oldest until the
// events' pages fit in `retention.max_mb`. Returns how many were removed, -1 on error.
int64_t apply_retention(SqliteDb& db, const EventRetention& retention, int64_t now_ms, std::string* error);
// Every event with from_ms <= at_ms < to_ms, oldest first.
bool load_events(const SqliteDb& db, int64_t from_ms, int64_t to_ms, std::vector<UsageEvent>* out, std::string* error);

class EventLog : public UsageSink {
public:
    // Opens its own connection to `state_db_path` (which StateStore created and migrated)
    // and starts the writer thread. Null with `error` if the file cannot be opened.
    static std::unique_ptr<EventLog> open(const std::string& state_db_path, EventRetention retention, bool log_queries,
                                          std::string* error);
    ~EventLog() override;  // writes what is queued, then stops the writer

    void record(UsageEvent event) override;
    int64_t next_session() override { return ++last_session_; }
    bool log_queries() const override { return log_queries_; }

    // Blocks until everything recorded so far is written (or failed). For exports and tests.
    void flush();
    // Events written, and dropped (queue full or a failed write), since open.
    int64_t written() const { return written_.load(); }
    int64_t dropped() const { return dropped_.load(); }
    // The last write error, empty if none.
    std::string last_error() const;

private:
    EventLog() = default;
    void run();

    SqliteDb db_;
    EventRetention retention_;
    bool log_queries_ = true;
    int64_t last_session_ = 0;
    std::thread writer_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable written_cv_;
    std::vector<UsageEvent> queue_;  // guarded by mutex_
    uint64_t queued_total_ = 0;      // guarded: events ever queued
    uint64_t done_total_ = 0;        // guarded: events written or dropped by the writer
    bool stopping_ = false;          // guarded
    bool flush_requested_ = false;   // guarded
    std::string error_;              // guarded
    std::atomic<int64_t> written_{0};
    std::atomic<int64_t> dropped_{0};
};

}  // namespace kiosk::core
