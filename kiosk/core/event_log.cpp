// [SECTION] Storage: insert, retention, load
// [SECTION] The writer thread
#include "core/event_log.h"

#include <algorithm>

namespace kiosk::core {

// ---------------------------------------------------------------- [SECTION] Storage

bool insert_events(SqliteDb& db, std::vector<UsageEvent>* events, std::string* error) {
    if (events->empty()) return true;
    if (!db.exec("BEGIN IMMEDIATE;", error)) return false;
    SqliteStatement insert(db, "INSERT INTO events(at, session, kind, subject, detail, value, value2) "
                               "VALUES(?, ?, ?, ?, ?, ?, ?)");
    bool ok = insert.ok();
    for (UsageEvent& event : *events) {
        if (!ok) break;
        insert.reset();
        insert.bind(1, event.at_ms).bind(2, event.session).bind(3, event_kind_name(event.kind));
        insert.bind(4, event.subject).bind(5, event.detail).bind(6, event.value).bind(7, event.value2);
        ok = insert.run();
        event.id = sqlite3_last_insert_rowid(db.handle());
    }
    std::string commit_error;
    if (ok && db.exec("COMMIT;", &commit_error)) return true;
    *error = "storing " + std::to_string(events->size()) +
             " events failed: " + (insert.error().empty() ? commit_error : insert.error());
    db.exec("ROLLBACK;");
    for (UsageEvent& event : *events) event.id = 0;
    return false;
}

namespace {

int64_t used_bytes(SqliteDb& db) {
    SqliteStatement stmt(db, "SELECT (SELECT page_count FROM pragma_page_count()) - "
                             "(SELECT freelist_count FROM pragma_freelist_count()), "
                             "(SELECT page_size FROM pragma_page_size())");
    return stmt.step() ? stmt.integer(0) * stmt.integer(1) : -1;
}

}  // namespace

int64_t apply_retention(SqliteDb& db, const EventRetention& retention, int64_t now_ms, std::string* error) {
    int64_t removed = 0;
    SqliteStatement old(db, "DELETE FROM events WHERE at < ?");
    old.bind(1, now_ms - static_cast<int64_t>(retention.days) * 86400 * 1000);
    if (!old.run()) {
        *error = "removing events older than " + std::to_string(retention.days) + " days failed: " + old.error();
        return -1;
    }
    removed += sqlite3_changes(db.handle());
    // Freed pages go to the freelist and are reused, so the file stops growing at the limit.
    const int64_t limit = static_cast<int64_t>(retention.max_mb) * 1024 * 1024;
    for (int round = 0; round < 64; ++round) {
        const int64_t used = used_bytes(db);
        if (used < 0 || used <= limit) break;
        SqliteStatement count(db, "SELECT count(*) FROM events");
        const int64_t rows = count.step() ? count.integer(0) : 0;
        if (rows == 0) break;
        // Remove the oldest share that should bring it under the limit, at least 1 %.
        int64_t share = static_cast<int64_t>(rows * (static_cast<double>(used - limit) / used)) + rows / 100 + 1;
        SqliteStatement trim(db, "DELETE FROM events WHERE id IN (SELECT id FROM events ORDER BY id LIMIT ?)");
        if (!trim.bind(1, share).run()) {
            *error = "removing the oldest events failed: " + trim.error();
            return -1;
        }
        removed += sqlite3_changes(db.handle());
    }
    return removed;
}

bool load_events(const SqliteDb& db, int64_t from_ms, int64_t to_ms, std::vector<UsageEvent>* out, std::string* error) {
    SqliteStatement select(db, "SELECT id, at, session, kind, subject, detail, value, value2 FROM events "
                               "WHERE at >= ? AND at < ? ORDER BY id");
    select.bind(1, from_ms).bind(2, to_ms);
    while (select.step()) {
        UsageEvent event;
        event.id = select.integer(0);
        event.at_ms = select.integer(1);
        event.session = select.integer(2);
        if (!parse_event_kind(select.text(3), &event.kind)) continue;  // a kind a newer kiosk wrote
        event.subject = select.text(4);
        event.detail = select.text(5);
        event.value = select.integer(6);
        event.value2 = select.integer(7);
        out->push_back(std::move(event));
    }
    if (select.error().empty()) return true;
    *error = "reading the events failed: " + select.error();
    return false;
}

// ---------------------------------------------------------------- [SECTION] The writer thread

std::unique_ptr<EventLog> EventLog::open(const std::string& state_db_path, EventRetention retention, bool log_queries,
                                         std::string* error) {
    auto log = std::unique_ptr<EventLog>(new EventLog());
    std::string reason;
    if (!log->db_.open(state_db_path, SqliteDb::Mode::ReadWrite, &reason) ||
        !log->db_.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", &reason)) {
        *error = state_db_path + ": the event log cannot be opened: " + reason;
        return nullptr;
    }
    SqliteStatement last(log->db_, "SELECT coalesce(max(session), 0) FROM events");
    if (!last.step()) {
        *error = state_db_path + ": the event log cannot be read: " + last.error();
        return nullptr;
    }
    log->last_session_ = last.integer(0);
    log->retention_ = retention;
    log->queue_.reserve(kEventBatchMax);  // the two buffers swap: no allocation in record() once warm
    log->log_queries_ = log_queries;
    log->writer_ = std::thread(&EventLog::run, log.get());
    return log;
}

EventLog::~EventLog() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    if (writer_.joinable()) writer_.join();
}

void EventLog::record(UsageEvent event) {
    if (event.at_ms == 0) event.at_ms = unix_now_ms();
    bool wake = false;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (queue_.size() >= kEventQueueMax) {
            dropped_.fetch_add(1);
            return;
        }
        queue_.push_back(std::move(event));
        ++queued_total_;
        wake = queue_.size() >= kEventBatchMax;
    }
    if (wake) wake_.notify_one();
}

void EventLog::flush() {
    std::unique_lock<std::mutex> lock(mutex_);
    const uint64_t target = queued_total_;
    flush_requested_ = true;
    wake_.notify_one();
    written_cv_.wait(lock, [&] { return done_total_ >= target || !writer_.joinable(); });
}

std::string EventLog::last_error() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return error_;
}

void EventLog::run() {
    std::vector<UsageEvent> batch;
    int64_t next_retention_ms = 0;
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
        wake_.wait_for(lock, std::chrono::duration<double>(kEventBatchSeconds),
                       [&] { return stopping_ || flush_requested_ || queue_.size() >= kEventBatchMax; });
        flush_requested_ = false;
        const bool stopping = stopping_;
        batch.swap(queue_);
        lock.unlock();
        std::string error;
        const uint64_t count = batch.size();
        bool ok = true;
        size_t start = 0;
        for (; ok && start < batch.size(); start += kEventBatchMax) {
            std::vector<UsageEvent> part(batch.begin() + start,
                                         batch.begin() + std::min(batch.size(), start + kEventBatchMax));
            ok = insert_events(db_, &part, &error);
            (ok ? written_ : dropped_).fetch_add(static_cast<int64_t>(part.size()));
        }
        if (start < batch.size()) dropped_.fetch_add(static_cast<int64_t>(batch.size() - start));
        const int64_t now = unix_now_ms();
        if (ok && count > 0 && now >= next_retention_ms) {
            // Once a minute at most: the time limit moves slowly, and the size limit is far.
            next_retention_ms = now + int64_t{60} * 1000;
            if (apply_retention(db_, retention_, now, &error) < 0) ok = false;
        }
        batch.clear();
        lock.lock();
        if (!ok) error_ = error;
        done_total_ += count;
        written_cv_.notify_all();
        if (stopping && queue_.empty()) break;
    }
}

}  // namespace kiosk::core
