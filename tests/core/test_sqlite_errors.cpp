// SQLite failures are classified by SQLite's result codes (SqliteStatement::error_code), never
// by the words of its messages: a file that is no database is SQLITE_NOTADB, whatever SQLite
// calls it in this version.
#include "core/content_store.h"
#include "core/sqlite_db.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <string>

using namespace kiosk;
using namespace kiosk::core;
using kiosk::test::TempDir;

namespace {

// The code the first statement on `path` (opened as untrusted content) fails with.
int first_statement_code(const std::string& path) {
    SqliteDb db;
    std::string error;
    REQUIRE_MESSAGE(db.open_untrusted(path, 5.0, &error), error);  // SQLite reads the header lazily
    SqliteStatement select(db, "SELECT key, value FROM meta");
    CHECK_FALSE(select.ok());
    return select.error_code();
}

}  // namespace

TEST_CASE("a file that is not a database fails with SQLITE_NOTADB and the content store refuses it") {
    TempDir dir;
    const std::string path = dir.file("content.db");
    SUBCASE("text") { kiosk::test::write_text(path, std::string(4096, 'x')); }
    SUBCASE("a ZIP archive") { kiosk::test::write_text(path, "PK\x03\x04" + std::string(2048, '\x01')); }
    CHECK((first_statement_code(path) & 0xff) == SQLITE_NOTADB);

    SqliteDb db;
    std::string error;
    REQUIRE(db.open_untrusted(path, 5.0, &error));
    ContentInfo info;
    CHECK_FALSE(read_content_info(db, &info, &error));
    CHECK(ContentStore::open(path, &error) == nullptr);
    CHECK(error.rfind(path + ": ", 0) == 0);  // the organizer sees which file
}

TEST_CASE("a database without the meta table is an SQLITE_ERROR, not SQLITE_NOTADB") {
    TempDir dir;
    const std::string path = dir.file("other.db");
    {
        SqliteDb db;
        std::string error;
        REQUIRE_MESSAGE(db.open(path, SqliteDb::Mode::Create, &error), error);
        REQUIRE_MESSAGE(db.exec("CREATE TABLE notes(text TEXT)", &error), error);
    }
    CHECK(first_statement_code(path) == SQLITE_ERROR);
}

TEST_CASE("a failed step keeps SQLite's extended result code, and a good statement has none") {
    TempDir dir;
    SqliteDb db;
    std::string error;
    REQUIRE_MESSAGE(db.open(dir.file("state.db"), SqliteDb::Mode::Create, &error), error);
    REQUIRE_MESSAGE(db.exec("CREATE TABLE pins(role TEXT PRIMARY KEY)", &error), error);
    SqliteStatement insert(db, "INSERT INTO pins(role) VALUES('organizer')");
    CHECK(insert.run());
    CHECK(insert.error_code() == SQLITE_OK);
    CHECK_FALSE(insert.run());  // the same key again
    CHECK(insert.error_code() == SQLITE_CONSTRAINT_PRIMARYKEY);
}
