// [SECTION] Schema migrations
// [SECTION] Opening: pragmas and migration
// [SECTION] Trainer sessions
// [SECTION] Settings
// [SECTION] Usage events
// [SECTION] PIN back-off
#include "core/state_store.h"

#include "core/event_log.h"
#include "core/file_io.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>

namespace kiosk::core {

namespace {

// ---------------------------------------------------------------- [SECTION] Schema migrations

// kStateMigrations[i] upgrades a file from user_version i to i + 1. Never edit a shipped
// entry: append a new one, so every kiosk in the field can walk forward from what it has.
constexpr const char* kStateMigrations[] = {
    // 0 -> 1: settings and trainer results.
    R"sql(
CREATE TABLE settings(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE trainer_sessions(
  id              INTEGER PRIMARY KEY,
  lesson          TEXT NOT NULL,     -- lessons.id in the content database
  content_version INTEGER NOT NULL,  -- of the package the quiz came from; 0 if unknown
  started_at      INTEGER NOT NULL,  -- Unix time, seconds
  ended_at        INTEGER NOT NULL
);
CREATE TABLE trainer_questions(
  session        INTEGER NOT NULL REFERENCES trainer_sessions(id) ON DELETE CASCADE,
  question       INTEGER NOT NULL,   -- 0-based position in the quiz
  correct_option INTEGER NOT NULL,   -- 0-based
  PRIMARY KEY(session, question)
) WITHOUT ROWID;
CREATE TABLE trainer_votes(
  session      INTEGER NOT NULL,
  question     INTEGER NOT NULL,
  option       INTEGER NOT NULL,     -- 0-based: A, B, C...
  participants INTEGER NOT NULL CHECK(participants >= 0),
  PRIMARY KEY(session, question, option),
  FOREIGN KEY(session, question) REFERENCES trainer_questions(session, question) ON DELETE CASCADE
) WITHOUT ROWID;
)sql",
    // 1 -> 2: the PIN back-off per role, so a restart does not reset it.
    R"sql(
CREATE TABLE pin_attempts(
  role         TEXT PRIMARY KEY,                        -- organizer | trainer
  failures     INTEGER NOT NULL CHECK(failures >= 0),   -- wrong PINs in a row
  locked_until INTEGER NOT NULL                         -- Unix time, seconds: no try before this
) WITHOUT ROWID;
)sql",
    // 2 -> 3: the usage statistics (core/usage_events.h). AUTOINCREMENT: an id is never
    // reused after retention removed events, so merging exports can deduplicate by id.
    R"sql(
CREATE TABLE events(
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  at      INTEGER NOT NULL,              -- Unix time, milliseconds
  session INTEGER NOT NULL,              -- visitor session number; 0: none
  kind    TEXT NOT NULL,                 -- session | screen | document | search | ...
  subject TEXT NOT NULL DEFAULT '',
  detail  TEXT NOT NULL DEFAULT '',
  value   INTEGER NOT NULL DEFAULT 0,
  value2  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_at ON events(at);
)sql",
};
constexpr int kStateSchemaVersion = static_cast<int>(sizeof kStateMigrations / sizeof kStateMigrations[0]);

int64_t pragma_integer(const SqliteDb& db, const char* sql) {
    SqliteStatement stmt(db, sql);
    return stmt.step() ? stmt.integer(0) : -1;
}

// Rolls back an open transaction when a step fails; a committed one is left alone.
void roll_back(SqliteDb& db) { db.exec("ROLLBACK;"); }

// The kiosk must be able to write its state (the PIN back-off is kept there), so a file or
// directory it cannot write is refused up front with the system's reason, instead of
// failing later inside SQLite with "unable to open database file".
bool check_writable(const std::string& path, const char* what, std::string* error) {
    if (::access(path.c_str(), W_OK) == 0) return true;
    *error = std::string(what) + " " + path + " is not writable (" + std::strerror(errno) + ")";
    return false;
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] Opening

int StateStore::current_schema_version() { return kStateSchemaVersion; }

std::unique_ptr<StateStore> StateStore::open(const std::string& data_dir, OpenMode mode, std::string* error) {
    std::string path = fs::join(data_dir, kStateFileName);
    bool existed = fs::exists(path);
    if (!existed && mode == OpenMode::ExistingOnly) {
        *error = path + ": no state database (nothing has been recorded yet)";
        return nullptr;
    }
    if (!existed && !fs::make_dirs(data_dir, error)) return nullptr;

    if (existed) {
        struct stat st {};
        if (::stat(path.c_str(), &st) == 0 && st.st_size == 0) {
            // SQLite would take an empty file for a new database and start over without PINs.
            *error = path + ": the file is empty (0 bytes), probably cut short by a power failure or a full disk; "
                            "move it away and set the PINs again (kioskctl set-pin)";
            return nullptr;
        }
    }
    if (!check_writable(data_dir, "the data directory", error) || (existed && !check_writable(path, "the file", error)))
        return nullptr;

    auto store = std::unique_ptr<StateStore>(new StateStore());
    store->path_ = path;
    SqliteDb::Mode db_mode = existed ? SqliteDb::Mode::ReadWrite : SqliteDb::Mode::Create;
    std::string reason;
    if (!store->db_.open(path, db_mode, &reason) || !store->configure(&reason) || !store->migrate(&reason)) {
        *error = path + ": " + reason;
        return nullptr;
    }
    // A new file's directory entry must reach the disk too, or a power cut could lose the file.
    if (!existed && !fs::sync_path(data_dir, error)) return nullptr;
    return store;
}

bool StateStore::configure(std::string* error) {
    int64_t application_id = pragma_integer(db_, "PRAGMA application_id");
    if (application_id < 0) {
        *error = "cannot be read as a database (" + db_.last_error() + ")";
        return false;
    }
    if (application_id != 0 && application_id != kStateApplicationId) {
        *error = "not a kiosk state database (application_id " + std::to_string(application_id) + ")";
        return false;
    }
    // WAL: a crash mid-write leaves the last committed state. synchronous=FULL: a commit the
    // trainer saw succeed is on disk, even if power goes a moment later. Writes are rare, so
    // the extra fsync per commit costs nothing a visitor could notice.
    if (sqlite3_db_readonly(db_.handle(), "main") == 1) {
        *error = "opened read-only (is the file system read-only?)";
        return false;
    }
    if (db_.query_text("PRAGMA journal_mode=WAL") != "wal") {
        *error = "cannot switch to WAL journal mode (" + db_.last_error() + ")";
        return false;
    }
    // A damaged page would otherwise only show when a query happens to touch it, and a
    // settings row that cannot be read looks like one that was never written.
    const std::string check = db_.query_text("PRAGMA quick_check(1)", "(" + db_.last_error() + ")");
    if (check != "ok") {
        *error = "the database is damaged (quick_check: " + check + "); move it away and set the PINs again";
        return false;
    }
    return db_.exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", error);
}

bool StateStore::migrate(std::string* error) {
    int64_t version = pragma_integer(db_, "PRAGMA user_version");
    if (version > kStateSchemaVersion) {
        *error = "written by a newer kiosk (schema version " + std::to_string(version) + "; this kiosk knows up to " +
                 std::to_string(kStateSchemaVersion) + "); left untouched";
        return false;
    }
    for (int64_t step = version; step < kStateSchemaVersion; ++step) {
        // Each step commits together with its version number, so a power cut repeats the
        // whole step on the next start instead of leaving half of it.
        std::string bump = "PRAGMA application_id=" + std::to_string(kStateApplicationId) +
                           "; PRAGMA user_version=" + std::to_string(step + 1) + ";";
        if (!db_.exec("BEGIN IMMEDIATE;", error)) return false;
        if (!db_.exec(kStateMigrations[step], error) || !db_.exec(bump.c_str(), error) || !db_.exec("COMMIT;", error)) {
            *error = "upgrading the schema to version " + std::to_string(step + 1) + " failed: " + *error;
            roll_back(db_);
            return false;
        }
    }
    return true;
}

// ---------------------------------------------------------------- [SECTION] Trainer sessions

bool validate_trainer_session(const TrainerSession& session, std::string* error) {
    if (session.lesson_id.empty()) {
        *error = "a trainer session needs a lesson id";
        return false;
    }
    if (session.ended_at < session.started_at) {
        *error = "a trainer session cannot end before it starts";
        return false;
    }
    for (const TrainerQuestionResult& result : session.questions) {
        std::string where = "question " + std::to_string(result.question + 1) + ": ";
        if (result.question < 0 || result.participants.empty()) {
            *error = where + "needs a position and at least one option";
            return false;
        }
        if (result.correct_option < 0 || result.correct_option >= static_cast<int>(result.participants.size())) {
            *error = where + "the correct option is not one of its options";
            return false;
        }
        for (int count : result.participants) {
            if (count < 0) {
                *error = where + "a tally cannot be negative";
                return false;
            }
        }
    }
    return true;
}

bool StateStore::record_trainer_session(TrainerSession* session, std::string* error) {
    if (!validate_trainer_session(*session, error)) return false;
    if (!db_.exec("BEGIN IMMEDIATE;", error)) return false;
    SqliteStatement insert_session(db_, "INSERT INTO trainer_sessions(lesson, content_version, started_at, ended_at) "
                                        "VALUES(?, ?, ?, ?)");
    insert_session.bind(1, session->lesson_id).bind(2, session->content_version);
    insert_session.bind(3, session->started_at).bind(4, session->ended_at);
    bool ok = insert_session.run();
    int64_t id = sqlite3_last_insert_rowid(db_.handle());
    SqliteStatement insert_question(db_, "INSERT INTO trainer_questions VALUES(?, ?, ?)");
    SqliteStatement insert_vote(db_, "INSERT INTO trainer_votes VALUES(?, ?, ?, ?)");
    for (const TrainerQuestionResult& result : session->questions) {
        if (!ok) break;
        insert_question.reset();
        ok = insert_question.bind(1, id).bind(2, result.question).bind(3, result.correct_option).run();
        for (size_t option = 0; ok && option < result.participants.size(); ++option) {
            insert_vote.reset();
            insert_vote.bind(1, id).bind(2, result.question).bind(3, static_cast<int64_t>(option));
            ok = insert_vote.bind(4, result.participants[option]).run();
        }
    }
    if (!ok || !db_.exec("COMMIT;", error)) {
        std::string reason = insert_session.error() + insert_question.error() + insert_vote.error();
        *error = "recording the trainer session failed: " + (reason.empty() ? *error : reason);
        roll_back(db_);
        return false;
    }
    session->id = id;
    return true;
}

bool StateStore::list_trainer_sessions(std::vector<TrainerSession>* out, std::string* error) const {
    std::map<int64_t, size_t> index;
    SqliteStatement sessions(db_, "SELECT id, lesson, content_version, started_at, ended_at FROM trainer_sessions "
                                  "ORDER BY id");
    while (sessions.step()) {
        TrainerSession session;
        session.id = sessions.integer(0);
        session.lesson_id = sessions.text(1);
        session.content_version = sessions.integer(2);
        session.started_at = sessions.integer(3);
        session.ended_at = sessions.integer(4);
        index[session.id] = out->size();
        out->push_back(std::move(session));
    }
    SqliteStatement questions(db_, "SELECT session, question, correct_option FROM trainer_questions "
                                   "ORDER BY session, question");
    while (questions.step()) {
        auto it = index.find(questions.integer(0));
        if (it == index.end()) continue;
        TrainerQuestionResult result;
        result.question = static_cast<int>(questions.integer(1));
        result.correct_option = static_cast<int>(questions.integer(2));
        (*out)[it->second].questions.push_back(std::move(result));
    }
    SqliteStatement votes(db_, "SELECT session, question, participants FROM trainer_votes "
                               "ORDER BY session, question, option");
    while (votes.step()) {
        auto it = index.find(votes.integer(0));
        if (it == index.end()) continue;
        for (TrainerQuestionResult& result : (*out)[it->second].questions)
            if (result.question == votes.integer(1)) result.participants.push_back(static_cast<int>(votes.integer(2)));
    }
    std::string reason = sessions.error() + questions.error() + votes.error();
    if (!reason.empty()) *error = path_ + ": " + reason;
    return reason.empty();
}

// ---------------------------------------------------------------- [SECTION] Settings

bool StateStore::set_setting(const std::string& key, const std::string& value, std::string* error) {
    SqliteStatement upsert(db_, "INSERT INTO settings(key, value) VALUES(?, ?) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (upsert.bind(1, key).bind(2, value).run()) return true;
    *error = path_ + ": storing setting '" + key + "' failed: " + upsert.error();
    return false;
}

bool StateStore::get_setting(const std::string& key, std::string* value) const {
    SqliteStatement select(db_, "SELECT value FROM settings WHERE key = ?");
    select.bind(1, key);
    if (!select.step()) return false;
    *value = select.text(0);
    return true;
}

bool StateStore::read_settings(std::vector<std::pair<std::string, std::string>>* out, std::string* error) const {
    SqliteStatement select(db_, "SELECT key, value FROM settings ORDER BY key");
    while (select.step()) out->emplace_back(select.text(0), select.text(1));
    if (select.error().empty()) return true;
    *error = path_ + ": reading the settings failed: " + select.error();
    return false;
}

// ---------------------------------------------------------------- [SECTION] Usage events

bool StateStore::load_events(int64_t from_ms, int64_t to_ms, std::vector<UsageEvent>* out, std::string* error) const {
    if (core::load_events(db_, from_ms, to_ms, out, error)) return true;
    *error = path_ + ": " + *error;
    return false;
}

// ---------------------------------------------------------------- [SECTION] PIN back-off

bool StateStore::load_pin_attempts(const std::string& role, StoredPinAttempts* out, std::string* error) const {
    SqliteStatement select(db_, "SELECT failures, locked_until FROM pin_attempts WHERE role = ?");
    select.bind(1, role);
    *out = StoredPinAttempts{};
    if (select.step()) {
        out->failures = static_cast<int>(select.integer(0));
        out->locked_until = select.integer(1);
    }
    if (select.error().empty()) return true;
    *error = path_ + ": reading the " + role + " PIN attempts failed: " + select.error();
    return false;
}

bool StateStore::store_pin_attempts(const std::string& role, const StoredPinAttempts& attempts, std::string* error) {
    SqliteStatement upsert(db_, "INSERT INTO pin_attempts(role, failures, locked_until) VALUES(?, ?, ?) "
                                "ON CONFLICT(role) DO UPDATE SET failures = excluded.failures, "
                                "locked_until = excluded.locked_until");
    upsert.bind(1, role).bind(2, static_cast<int64_t>(attempts.failures)).bind(3, attempts.locked_until);
    if (upsert.run()) return true;
    *error = path_ + ": storing the " + role + " PIN attempts failed: " + upsert.error();
    return false;
}

}  // namespace kiosk::core
