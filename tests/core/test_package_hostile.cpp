// Packages signed with the trusted key whose database is hostile anyway (issue 13): a view
// where a table belongs, a trigger, WAL mode, a damaged search index, an oversized charset,
// a version that is not a sane whole number. Each is refused by the full check with one
// sentence naming the package, and an install leaves the active content byte-identical.
#include "core/content_installer.h"
#include "core/file_io.h"
#include "core/sqlite_db.h"
#include "core/usb_package_scanner.h"
#include "core/utf8.h"
#include "package_fixture.h"

#include <doctest/doctest.h>

#include <chrono>

using namespace kiosk;
using namespace kiosk::core;
using kiosk::test::PackageFixture;

namespace {

struct HostileFixture : PackageFixture {
    // Content version 5, changed by `sql` after it was built, then signed.
    // The manifest stays the honest one (an attacker with the key could write any).
    std::string forge(const std::string& sql, const std::string& name = "hostile.kpkg") {
        std::string path = make_package(5, name), error;
        PackageManifest manifest;
        REQUIRE(read_package_manifest(path, &manifest, &error));
        test::run_sql(path, sql);
        manifest.size_bytes = test::read_text(path).size();
        minisign::FileHash hash;
        REQUIRE(minisign::hash_file(path, &hash, &error));
        test::write_text(path + ".minisig", minisign::format_signature(minisign::sign_hash(
                                                key, hash, format_package_comment(manifest, 1700000000, name, ""))));
        return path;
    }
    PackageCheck verify(const std::string& path) {
        ContentInstaller installer(config());
        PackageVerifier verifier(installer.trusted_keys().keys, installer.status().version);
        return verifier.verify(path, path + ".minisig");
    }
    // Verifies in well under a second, refuses with `problem` and a reason containing `words`,
    // and an install of it changes nothing.
    void check_refused(const std::string& path, PackageProblem problem, const std::string& words) {
        const std::string before = active_bytes();
        auto start = std::chrono::steady_clock::now();
        PackageCheck check = verify(path);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CAPTURE(check.reason);
        CHECK_FALSE(check.ok());
        CHECK(package_problem_name(check.problem) == std::string(package_problem_name(problem)));
        CHECK(check.reason.find(words) != std::string::npos);
        CHECK(check.reason.find(fs::basename(path)) != std::string::npos);
        CHECK(check.reason.find('\n') == std::string::npos);
        CHECK(seconds < 5.0);
        ContentInstaller installer(config());
        InstallOutcome outcome = installer.install(path, path + ".minisig");
        CHECK_FALSE(outcome.ok());
        CHECK(active_bytes() == before);
    }
};

std::string many_code_points(int count) {
    std::string text;
    for (char32_t cp = 0x4E00; count > 0; ++cp) {
        if (cp >= 0xD800 && cp < 0xE000) continue;
        utf8::append(text, cp);
        --count;
    }
    return text;
}

}  // namespace

TEST_CASE("a trusted-signed package whose meta is an endless recursive view is refused without reading it") {
    HostileFixture f;
    f.check_refused(f.forge("DROP TABLE meta; CREATE VIEW meta(key, value) AS WITH RECURSIVE n(x) AS "
                            "(SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT 'k' || x, x FROM n;"),
                    PackageProblem::UnsupportedSchema, "view");
}

TEST_CASE("a trusted-signed package whose documents table is a slow view is refused quickly") {
    HostileFixture f;
    f.check_refused(f.forge("CREATE TABLE documents_real AS SELECT * FROM documents; DROP TABLE documents; "
                            "CREATE VIEW documents AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
                            "WHERE x < 100000000) SELECT d.* FROM documents_real d, n WHERE n.x = 100000000;"),
                    PackageProblem::UnsupportedSchema, "view");
}

TEST_CASE("a trusted-signed package with an extra trigger or table is refused") {
    HostileFixture f;
    SUBCASE("trigger") {
        f.check_refused(f.forge("CREATE TRIGGER t AFTER INSERT ON documents BEGIN SELECT 1; END;"),
                        PackageProblem::UnsupportedSchema, "trigger");
    }
    SUBCASE("table") { f.check_refused(f.forge("CREATE TABLE extra(x);"), PackageProblem::UnsupportedSchema, "extra"); }
}

TEST_CASE("a trusted-signed package whose schema SQL is corrupt is refused with a one-line reason") {
    // Found by fuzz_package: SQLite's message quotes the broken CREATE statement, newlines and all.
    HostileFixture f;
    std::string path = f.forge("PRAGMA writable_schema=ON; UPDATE sqlite_schema SET sql = "
                               "replace(sql, 'field UNINDEXED', 'field` UNINDEXED') WHERE name = 'search_passages';");
    const std::string before = f.active_bytes();
    PackageCheck check = f.verify(path);
    CAPTURE(check.reason);
    CHECK_FALSE(check.ok());
    CHECK(check.reason.find("malformed database schema") != std::string::npos);
    CHECK(check.reason.find('\n') == std::string::npos);
    CHECK_FALSE(ContentInstaller(f.config()).install(path, path + ".minisig").ok());
    CHECK(f.active_bytes() == before);
}

TEST_CASE("a trusted-signed package in WAL mode is refused") {
    HostileFixture f;
    f.check_refused(f.forge("PRAGMA journal_mode=WAL;"), PackageProblem::Corrupt, "WAL");
}

TEST_CASE("a trusted-signed package with a damaged full-text index is refused") {
    HostileFixture f;
    f.check_refused(f.forge("DELETE FROM search_passages_data WHERE id = (SELECT max(id) FROM search_passages_data);"),
                    PackageProblem::Corrupt, "search index");
}

TEST_CASE("a trusted-signed package whose charset is not the characters of its text is refused") {
    HostileFixture f;
    SUBCASE("200,000 code points") {
        f.check_refused(f.forge("UPDATE meta SET value = '" + many_code_points(200000) + "' WHERE key = 'charset';"),
                        PackageProblem::InvalidContent, "charset");
    }
    SUBCASE("text that uses more different characters than the fonts can hold") {
        const std::string all = many_code_points(25000);
        const size_t half = all.size() / 2 / 3 * 3;  // whole 3-byte characters
        f.check_refused(f.forge("UPDATE blocks SET text = '" + all.substr(0, half) +
                                "' WHERE id = 1; UPDATE blocks SET text = '" + all.substr(half) + "' WHERE id = 2;"),
                        PackageProblem::InvalidContent, "different characters, more than the 20000");
    }
    SUBCASE("a character missing") {
        f.check_refused(f.forge("UPDATE meta SET value = substr(value, 2) WHERE key = 'charset';"),
                        PackageProblem::InvalidContent, "charset");
    }
}

TEST_CASE("a trusted-signed package whose content version is not a sane whole number is refused") {
    HostileFixture f;
    SUBCASE("8abc") {
        f.check_refused(f.forge("UPDATE meta SET value = '8abc' WHERE key = 'content_version';"),
                        PackageProblem::NotContent, "8abc");
    }
    SUBCASE("the largest 64-bit number") {
        f.check_refused(f.forge("UPDATE meta SET value = '9223372036854775807' WHERE key = 'content_version';"),
                        PackageProblem::NotContent, "9223372036854775807");
    }
}

TEST_CASE("a package whose database says another version than its signed manifest is refused") {
    HostileFixture f;
    // The manifest is written by the signer from the database; a database changed afterwards
    // and signed again with a stale manifest must not install as something else.
    std::string path = f.make_package(5, "p.kpkg");
    std::string signature = test::read_text(path + ".minisig");
    test::run_sql(path, "UPDATE meta SET value = '6' WHERE key = 'content_version';");
    minisign::Signature parsed;
    std::string error;
    REQUIRE(minisign::parse_signature(signature, &parsed, &error));
    minisign::FileHash hash;
    REQUIRE(minisign::hash_file(path, &hash, &error));
    test::write_text(path + ".minisig",
                     minisign::format_signature(minisign::sign_hash(f.key, hash, parsed.trusted_comment)));
    f.check_refused(path, PackageProblem::InvalidContent, "manifest");
}

TEST_CASE("a -wal and -shm beside a signed WAL-mode package on a stick are never read") {
    HostileFixture f;
    REQUIRE(fs::make_dirs(f.dir.file("stick/sco-kiosk")));
    std::string path = f.make_package(5, "stick/sco-kiosk/p.kpkg");
    {
        // Version 99 lives only in the -wal beside it.
        SqliteDb db;
        std::string error;
        REQUIRE(db.open(path, SqliteDb::Mode::ReadWrite, &error));
        REQUIRE(db.exec("PRAGMA journal_mode=WAL;", &error));
        f.sign(path);
        REQUIRE(sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr) == SQLITE_OK);
        REQUIRE(db.exec("PRAGMA wal_autocheckpoint=0; UPDATE meta SET value = '99' WHERE key = 'content_version';", &error));
    }
    REQUIRE(fs::exists(path + "-wal"));
    ContentInstaller installer(f.config());
    PackageVerifier verifier(installer.trusted_keys().keys, 1);
    StickScan scan = scan_package_dirs({f.dir.file("stick/sco-kiosk")}, verifier);
    REQUIRE(scan.packages.size() == 1);
    CHECK(scan.packages[0].check.info.content_version != 99);
    InstallOutcome outcome = installer.install(path, path + ".minisig");
    CHECK_FALSE(outcome.ok());
    CHECK(outcome.reason.find("WAL") != std::string::npos);
    CHECK(installer.status().version == 1);
}
