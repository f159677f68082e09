// The kiosk's writable state: DATA_DIR/state.db, separate from the read-only content
// database. Holds settings (key/value) and anonymous trainer-session results and usage
// events (core/event_log.h). Built to survive power cuts: WAL journal, synchronous=FULL,
// every write one transaction, and the schema upgraded by numbered migrations, each in
// its own transaction, tracked in PRAGMA user_version.
#pragma once

#include "core/sqlite_db.h"
#include "core/trainer_results.h"
#include "core/usage_events.h"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::core {

constexpr const char* kStateFileName = "state.db";
// PRAGMA application_id: "SCOS", telling a state database apart from a content one.
constexpr int kStateApplicationId = 0x53434F53;

// The PIN back-off of one role as stored: wrong PINs in a row and the end of the wait.
struct StoredPinAttempts {
    int failures = 0;
    int64_t locked_until = 0;  // Unix time, seconds
};

class StateStore {
public:
    enum class OpenMode {
        CreateIfMissing,  // the kiosk: create DATA_DIR and state.db on first start
        ExistingOnly,     // tools that only read: fail if there is no state.db
    };

    // Opens DATA_DIR/state.db and brings its schema up to date. Returns null with `error`
    // set (one sentence, starting with the path) if it cannot be opened or written, is empty
    // (0 bytes), is damaged (PRAGMA quick_check), is not a kiosk state database, or was
    // written by a newer kiosk. Such a file is left untouched.
    static std::unique_ptr<StateStore> open(const std::string& data_dir, OpenMode mode, std::string* error);

    // The schema version this build writes; PRAGMA user_version of an up-to-date file.
    static int current_schema_version();

    const std::string& path() const { return path_; }

    // Stores `session` (all or nothing) and sets its id. Rejects inconsistent totals.
    bool record_trainer_session(TrainerSession* session, std::string* error);
    // Every recorded session, oldest first.
    bool list_trainer_sessions(std::vector<TrainerSession>* out, std::string* error) const;

    // Stores a setting, replacing any previous value.
    bool set_setting(const std::string& key, const std::string& value, std::string* error);
    // Reads a setting; false if it was never set (or cannot be read: see read_settings).
    bool get_setting(const std::string& key, std::string* value) const;
    // Every stored setting as (key, value), by key. False with `error` if they cannot be read.
    bool read_settings(std::vector<std::pair<std::string, std::string>>* out, std::string* error) const;

    // Every usage event with from_ms <= at < to_ms, oldest first (EventLog writes them).
    bool load_events(int64_t from_ms, int64_t to_ms, std::vector<UsageEvent>* out, std::string* error) const;

    // The back-off of the role named `role` (pin_role_name); zeros if nothing was stored.
    bool load_pin_attempts(const std::string& role, StoredPinAttempts* out, std::string* error) const;
    bool store_pin_attempts(const std::string& role, const StoredPinAttempts& attempts, std::string* error);

private:
    bool configure(std::string* error);
    bool migrate(std::string* error);

    std::string path_;
    SqliteDb db_;
};

// Checks a session before it is stored: a lesson id, an end not before the start, and
// per question at least one option, no negative tally and a correct option that exists.
bool validate_trainer_session(const TrainerSession& session, std::string* error);

}  // namespace kiosk::core
