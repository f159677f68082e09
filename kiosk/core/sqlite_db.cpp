#include "core/sqlite_db.h"

#include "core/file_io.h"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace kiosk::core {

SqliteDb::~SqliteDb() { close(); }

SqliteDb::SqliteDb(SqliteDb&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), deadline_(std::move(other.deadline_)) {}

SqliteDb& SqliteDb::operator=(SqliteDb&& other) noexcept {
    if (this != &other) {
        close();
        db_ = std::exchange(other.db_, nullptr);
        deadline_ = std::move(other.deadline_);
    }
    return *this;
}

namespace {

// file: URI for `path` with the characters URIs give meaning to escaped.
std::string file_uri(const std::string& path) {
    std::string uri = "file:";
    for (unsigned char c : path) {
        if (c == '%' || c == '?' || c == '#' || c <= 0x20 || c >= 0x7F) {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            uri += hex;
        } else {
            uri += static_cast<char>(c);
        }
    }
    return uri;
}

int past_deadline(void* deadline) {
    return std::chrono::steady_clock::now() > *static_cast<std::chrono::steady_clock::time_point*>(deadline) ? 1 : 0;
}

}  // namespace

bool SqliteDb::open_untrusted(const std::string& path, double time_limit_s, std::string* error) {
    close();
    const std::string uri = file_uri(path) + "?mode=ro&immutable=1";
    int rc = sqlite3_open_v2(uri.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        if (error) *error = path + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
        close();
        return false;
    }
    restrict_untrusted(time_limit_s);
    return true;
}

bool SqliteDb::open_untrusted_copy(const std::string& path, double time_limit_s, std::string* error) {
    close();
    std::string bytes;
    if (!fs::read_file(path, &bytes, error)) return false;
    if (sqlite3_open_v2(":memory:", &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        if (error) *error = path + ": cannot open a copy in memory";
        close();
        return false;
    }
    auto* buffer = static_cast<unsigned char*>(sqlite3_malloc64(bytes.size()));
    if (!buffer && !bytes.empty()) {
        if (error) *error = path + ": not enough memory for a copy";
        close();
        return false;
    }
    std::copy(bytes.begin(), bytes.end(), buffer);
    const int rc = sqlite3_deserialize(db_, "main", buffer, static_cast<sqlite3_int64>(bytes.size()),
                                       static_cast<sqlite3_int64>(bytes.size()), SQLITE_DESERIALIZE_FREEONCLOSE);
    if (rc != SQLITE_OK) {
        if (error) *error = path + ": " + sqlite3_errstr(rc);
        close();
        return false;
    }
    restrict_untrusted(time_limit_s);
    return true;
}

void SqliteDb::restrict_untrusted(double time_limit_s) {
    sqlite3_extended_result_codes(db_, 1);
    int off = 0;
    sqlite3_db_config(db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &off);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_ENABLE_VIEW, 0, &off);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &off);
    // The limits SQLite's security page suggests, sized for content databases (docs/content-format.md).
    sqlite3_limit(db_, SQLITE_LIMIT_LENGTH, 4 << 20);
    sqlite3_limit(db_, SQLITE_LIMIT_SQL_LENGTH, 100000);
    sqlite3_limit(db_, SQLITE_LIMIT_COLUMN, 100);
    sqlite3_limit(db_, SQLITE_LIMIT_EXPR_DEPTH, 100);
    sqlite3_limit(db_, SQLITE_LIMIT_COMPOUND_SELECT, 3);
    sqlite3_limit(db_, SQLITE_LIMIT_VDBE_OP, 25000);
    sqlite3_limit(db_, SQLITE_LIMIT_FUNCTION_ARG, 8);
    sqlite3_limit(db_, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(db_, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 50);
    sqlite3_limit(db_, SQLITE_LIMIT_VARIABLE_NUMBER, 10);
    sqlite3_limit(db_, SQLITE_LIMIT_TRIGGER_DEPTH, 10);
    if (time_limit_s > 0) {
        deadline_ = std::make_unique<std::chrono::steady_clock::time_point>(
            std::chrono::steady_clock::now() +
            std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(time_limit_s)));
        sqlite3_progress_handler(db_, 1000, past_deadline, deadline_.get());
    }
}

bool SqliteDb::open(const std::string& path, Mode mode, std::string* error) {
    close();
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
        case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
        case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
        case Mode::Create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    }
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        if (error) *error = path + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
        close();
        return false;
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 2000);
    return true;
}

void SqliteDb::close() {
    if (db_) sqlite3_close_v2(db_);
    db_ = nullptr;
    deadline_.reset();
}

bool SqliteDb::exec(const char* sql, std::string* error) {
    char* message = nullptr;
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        if (error) *error = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        return false;
    }
    return true;
}

std::string SqliteDb::query_text(const char* sql, const std::string& fallback) {
    SqliteStatement stmt(*this, sql);
    if (stmt.ok() && stmt.step() && !stmt.is_null(0)) return stmt.text(0);
    return fallback;
}

std::string SqliteDb::last_error() const { return db_ ? sqlite3_errmsg(db_) : "database not open"; }

SqliteStatement::SqliteStatement(const SqliteDb& db, const char* sql) : db_(db.handle()) {
    if (!db_) {
        error_ = "database not open";
        error_code_ = SQLITE_MISUSE;
        return;
    }
    if (sqlite3_prepare_v2(db_, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
        fail();
        stmt_ = nullptr;
    }
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

SqliteStatement& SqliteStatement::bind(int index, std::string_view text) {
    if (stmt_) sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, int64_t value) {
    if (stmt_) sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

SqliteStatement& SqliteStatement::bind_null(int index) {
    if (stmt_) sqlite3_bind_null(stmt_, index);
    return *this;
}

bool SqliteStatement::step() {
    if (!stmt_) return false;
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail();
    return false;
}

bool SqliteStatement::run() {
    if (!stmt_) return false;
    int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return true;
    fail();
    return false;
}

void SqliteStatement::fail() {
    error_ = sqlite3_errmsg(db_);
    error_code_ = sqlite3_extended_errcode(db_);
}

void SqliteStatement::reset() {
    if (!stmt_) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string SqliteStatement::text(int column) const {
    const unsigned char* value = sqlite3_column_text(stmt_, column);
    if (!value) return {};
    return std::string(reinterpret_cast<const char*>(value), static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

int64_t SqliteStatement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }
double SqliteStatement::real(int column) const { return sqlite3_column_double(stmt_, column); }
bool SqliteStatement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

}  // namespace kiosk::core
