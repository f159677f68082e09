// Thin RAII wrappers over the SQLite C API, shared by every store.
// Errors are reported as strings rather than exceptions so callers can put them
// in front of an organizer with the file name attached.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace kiosk::core {

class SqliteStatement;

class SqliteDb {
public:
    enum class Mode { ReadOnly, ReadWrite, Create };

    SqliteDb() = default;
    ~SqliteDb();
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;
    SqliteDb(SqliteDb&& other) noexcept;
    SqliteDb& operator=(SqliteDb&& other) noexcept;

    // Opens `path`; on failure returns false and fills `error`.
    bool open(const std::string& path, Mode mode, std::string* error);
    // Opens a database that came from outside (a content package, even a signed one) the way
    // https://www.sqlite.org/security.html advises: read-only and immutable (no -wal, -shm or
    // -journal is ever read), SQLITE_DBCONFIG_DEFENSIVE, no triggers or views, trusted_schema
    // off, tight limits, and every statement interrupted once `time_limit_s` has passed.
    bool open_untrusted(const std::string& path, double time_limit_s, std::string* error);
    // The same on a private in-memory copy of the file, for checks SQLite only runs on a
    // writable database (FTS5's integrity-check); nothing is ever written to the file.
    bool open_untrusted_copy(const std::string& path, double time_limit_s, std::string* error);
    void close();
    bool is_open() const { return db_ != nullptr; }

    // Runs one or more statements without results. Returns false and fills `error` on failure.
    bool exec(const char* sql, std::string* error = nullptr);
    // Returns the first column of the first row as text, or `fallback`.
    std::string query_text(const char* sql, const std::string& fallback = {});

    sqlite3* handle() const { return db_; }
    std::string last_error() const;

private:
    void restrict_untrusted(double time_limit_s);

    sqlite3* db_ = nullptr;
    std::unique_ptr<std::chrono::steady_clock::time_point> deadline_;  // progress handler's, when set
};

// A prepared statement; reset and rebind to reuse it.
class SqliteStatement {
public:
    SqliteStatement(const SqliteDb& db, const char* sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    bool ok() const { return stmt_ != nullptr; }
    const std::string& error() const { return error_; }
    // SQLite's extended result code of the failure (SQLITE_OK while none): classify errors by
    // this, never by the words of error(). The primary code is error_code() & 0xff.
    int error_code() const { return error_code_; }

    SqliteStatement& bind(int index, std::string_view text);
    SqliteStatement& bind(int index, int64_t value);
    SqliteStatement& bind_null(int index);

    // Advances to the next row; false when done or on error (see error()).
    bool step();
    // Runs a statement that returns no rows; false on error.
    bool run();
    void reset();

    std::string text(int column) const;
    int64_t integer(int column) const;
    double real(int column) const;
    bool is_null(int column) const;

private:
    void fail();  // records the connection's last error message and code

    sqlite3_stmt* stmt_ = nullptr;
    sqlite3* db_ = nullptr;
    std::string error_;
    int error_code_ = SQLITE_OK;
};

}  // namespace kiosk::core
