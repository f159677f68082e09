// ContentInstaller: every bad input of issue 5 is refused and leaves the installed content
// byte-identical; installs, rollbacks and recovery do what the data-dir layout promises.
#include "core/content_installer.h"
#include "core/file_io.h"
#include "core/usb_package_scanner.h"
#include "package_fixture.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace kiosk;
using namespace kiosk::core;
using kiosk::test::PackageFixture;

namespace {

// Content version 2 installed over the factory content, so the data dir has something to lose.
struct InstalledFixture : PackageFixture {
    InstalledFixture() {
        install_version(2);
        before_active = active_bytes();
        before_previous = test::read_text(ContentInstaller(config()).previous_db());
    }

    // Installs `package`, expects a refusal for `problem`, and checks nothing changed.
    InstallOutcome expect_refused(const std::string& package, PackageProblem problem, const char* reason_part,
                                  const InstallerConfig& installer_config) {
        ContentInstaller installer(installer_config);
        InstallOutcome outcome = installer.install(package, package + ".minisig");
        CHECK_FALSE(outcome.ok());
        CHECK_MESSAGE(outcome.check.problem == problem, outcome.reason);
        CHECK_MESSAGE(outcome.reason.find(reason_part) != std::string::npos, outcome.reason);
        CHECK(active_bytes() == before_active);
        CHECK(test::read_text(installer.previous_db()) == before_previous);
        CHECK(fs::list_files(installer.staging_dir(), "").empty());
        CHECK(installer.status().version == 2);
        return outcome;
    }
    InstallOutcome expect_refused(const std::string& package, PackageProblem problem, const char* reason_part) {
        return expect_refused(package, problem, reason_part, config());
    }

    // A validly signed version-3 package whose database `sql` changed before signing.
    std::string forged_package(const std::string& sql) {
        std::string path = make_package(3, "p.kpkg");
        test::run_sql(path, sql);
        sign(path);
        return path;
    }

    std::string before_active, before_previous;
};

std::string write_unsigned(PackageFixture& f, const std::string& name, const std::string& bytes) {
    std::string path = f.dir.file(name);
    test::write_text(path, bytes);
    return path;
}

// Overwrites the cell pointers of the database's last page: meta stays readable, integrity_check fails.
void corrupt_last_page(const std::string& path) {
    std::string bytes = test::read_text(path);
    size_t page_size = (static_cast<unsigned char>(bytes[16]) << 8) | static_cast<unsigned char>(bytes[17]);
    REQUIRE(bytes.size() >= 3 * page_size);
    size_t last = bytes.size() - page_size;
    for (size_t i = last + 8; i < last + 40; ++i) bytes[i] = static_cast<char>(0xAB);
    test::write_text(path, bytes);
}

}  // namespace

TEST_CASE("installing a newer signed package makes it active and keeps the old one for rollback") {
    PackageFixture f;
    ContentInstaller installer(f.config());
    CHECK(installer.active_content_path() == f.factory_db);
    f.install_version(2);
    CHECK(installer.active_content_path() == installer.active_db());
    ContentStatus status = installer.status();
    CHECK(status.version == 2);
    CHECK(status.previous_is_factory);
    CHECK(status.previous_version == 1);
    std::string v2 = f.active_bytes();
    f.install_version(3);
    status = installer.status();
    CHECK(status.version == 3);
    CHECK(status.previous_version == 2);
    CHECK(test::read_text(installer.previous_db()) == v2);
}

TEST_CASE("the copy reports progress up to the package size") {
    PackageFixture f;
    std::string package = f.make_package(2, "p.kpkg");
    InstallerConfig config = f.config();
    config.copy_chunk_bytes = 4096;
    ContentInstaller installer(config);
    uint64_t last = 0, total_seen = 0;
    int calls = 0;
    InstallOutcome outcome = installer.install(package, package + ".minisig", [&](uint64_t copied, uint64_t total) {
        CHECK(copied > last);
        last = copied;
        total_seen = total;
        ++calls;
    });
    REQUIRE_MESSAGE(outcome.ok(), outcome.reason);
    CHECK(last == total_seen);
    CHECK(total_seen == test::read_text(package).size());
    CHECK(calls == static_cast<int>((total_seen + 4095) / 4096));
}

TEST_CASE("rollback brings back the previous content, then the factory content, then refuses") {
    PackageFixture f;
    f.install_version(2);
    std::string v2 = f.active_bytes();
    f.install_version(3);
    ContentInstaller installer(f.config());
    std::string message;
    REQUIRE_MESSAGE(installer.rollback(&message), message);
    CHECK(f.active_bytes() == v2);
    CHECK(message == "rolled back to content version 2");
    REQUIRE_MESSAGE(installer.rollback(&message), message);
    CHECK(installer.active_content_path() == f.factory_db);
    CHECK_FALSE(installer.rollback(&message));
    CHECK(message.find("nothing to roll back to") != std::string::npos);
    f.install_version(3);  // after a rollback the newer version installs again
    CHECK(installer.status().version == 3);
}

TEST_CASE("bad inputs are refused and leave the installed content byte-identical") {
    InstalledFixture f;

    SUBCASE("a missing signature") {
        std::string p = f.make_package(3, "p.kpkg");
        ::unlink((p + ".minisig").c_str());
        f.expect_refused(p, PackageProblem::SignatureMissing, "p.kpkg.minisig is missing");
    }
    SUBCASE("an empty signature") {
        std::string p = f.make_package(3, "p.kpkg");
        test::write_text(p + ".minisig", "");
        f.expect_refused(p, PackageProblem::SignatureMalformed, "empty");
    }
    SUBCASE("a truncated signature") {
        std::string p = f.make_package(3, "p.kpkg");
        std::string sig = test::read_text(p + ".minisig");
        test::write_text(p + ".minisig", sig.substr(0, sig.size() - 30));
        f.expect_refused(p, PackageProblem::SignatureMalformed, "trusted comment signature");
    }
    SUBCASE("one flipped bit in the package") {
        std::string p = f.make_package(3, "p.kpkg");
        test::flip_bit(p, 5000, 3);
        f.expect_refused(p, PackageProblem::SignatureInvalid, "does not match the file");
    }
    SUBCASE("one flipped bit in the signature") {
        std::string p = f.make_package(3, "p.kpkg");
        std::string sig = test::read_text(p + ".minisig");
        size_t line2 = sig.find('\n') + 1;
        sig[line2 + 40] = sig[line2 + 40] == 'A' ? 'B' : 'A';  // inside the Ed25519 signature, which the global one covers
        test::write_text(p + ".minisig", sig);
        f.expect_refused(p, PackageProblem::SignatureInvalid, "signature file was forged or changed");
    }
    SUBCASE("one flipped bit in the trusted comment") {
        std::string p = f.make_package(3, "p.kpkg");
        std::string sig = test::read_text(p + ".minisig");
        size_t at = sig.find("timestamp:1") + std::string("timestamp:1").size();
        sig[at] = static_cast<char>(sig[at] ^ 1);
        test::write_text(p + ".minisig", sig);
        f.expect_refused(p, PackageProblem::SignatureInvalid, "trusted comment");
    }
    SUBCASE("an unknown key") {
        std::string p = f.make_package(3, "p.kpkg");
        minisign::SecretKey stranger;
        minisign::PublicKey stranger_public;
        REQUIRE(minisign::generate_key_pair(&stranger, &stranger_public));
        f.sign(p, stranger);
        f.expect_refused(p, PackageProblem::UntrustedKey, minisign::key_id_hex(stranger.key_id).c_str());
    }
    SUBCASE("another product id") {
        f.expect_refused(f.forged_package("UPDATE meta SET value='org.example.other' WHERE key='product_id'"),
                         PackageProblem::WrongProduct, "org.example.other");
    }
    SUBCASE("an equal version") {
        f.expect_refused(f.make_package(2, "p.kpkg"), PackageProblem::NotNewer, "not newer than the installed version 2");
    }
    SUBCASE("an older version") {
        f.expect_refused(f.make_package(1, "p.kpkg"), PackageProblem::NotNewer, "content version 1 is not newer");
    }
    SUBCASE("a file that is not SQLite") {
        std::string p = write_unsigned(f, "p.kpkg", std::string(8192, 'x'));
        f.sign(p);
        f.expect_refused(p, PackageProblem::NotContent, "not an SQLite database at all");
    }
    SUBCASE("an SQLite file without the content schema") {
        std::string p = f.dir.file("p.kpkg");
        test::run_sql(p, "CREATE TABLE t(x); INSERT INTO t VALUES(1);");
        f.sign(p);
        f.expect_refused(p, PackageProblem::NotContent, "no such table: meta");
    }
    SUBCASE("an SQLite file with an unsupported schema version") {
        f.expect_refused(f.forged_package("UPDATE meta SET value='99' WHERE key='schema_version'"),
                         PackageProblem::UnsupportedSchema, "schema version 99");
    }
    SUBCASE("a content database whose content breaks the rules") {
        f.expect_refused(f.forged_package("DELETE FROM blocks WHERE document='fixture-cooperation-concept'"),
                         PackageProblem::InvalidContent, "has no text");
    }
    SUBCASE("a corrupt database") {
        std::string p = f.make_package(3, "p.kpkg");
        corrupt_last_page(p);
        f.sign(p);
        f.expect_refused(p, PackageProblem::Corrupt, "integrity_check failed");
    }
    SUBCASE("a package larger than the free space") {
        std::string p = f.make_package(3, "p.kpkg");
        InstallerConfig config = f.config();
        const uint64_t size = test::read_text(p).size();
        config.free_space = [&](const std::string&, uint64_t* free_bytes, std::string*) {
            *free_bytes = size;  // enough for the bytes, not for the margin the kiosk keeps
            return true;
        };
        InstallOutcome outcome = f.expect_refused(p, PackageProblem::None, "not enough free space", config);
        CHECK(outcome.failure == InstallFailure::NoSpace);
    }
    SUBCASE("a stick pulled in the middle of the copy") {
        std::string p = f.make_package(3, "p.kpkg");
        InstallerConfig config = f.config();
        config.copy_chunk_bytes = 4096;
        ContentInstaller installer(config);
        // The file shrinking under the reader is what a pulled stick looks like to read().
        InstallOutcome outcome = installer.install(p, p + ".minisig", [&](uint64_t copied, uint64_t) {
            if (copied == 4096) REQUIRE(::truncate(p.c_str(), 6000) == 0);
        });
        CHECK_FALSE(outcome.ok());
        CHECK(outcome.failure == InstallFailure::CopyFailed);
        CHECK_MESSAGE(outcome.reason.find("was the stick removed?") != std::string::npos, outcome.reason);
        CHECK(f.active_bytes() == f.before_active);
        CHECK(fs::list_files(installer.staging_dir(), "").empty());
    }
    SUBCASE("two different packages with the same version on the stick") {
        std::string stick = f.dir.file("stick/sco-kiosk");
        REQUIRE(fs::make_dirs(stick));
        std::string a = f.make_package(3, "stick/sco-kiosk/a.kpkg");
        test::run_sql(a, "UPDATE meta SET value='2024-05-05T00:00:00Z' WHERE key='built_at'");
        f.sign(a);
        f.make_package(3, "stick/sco-kiosk/b.kpkg");
        ContentInstaller installer(f.config());
        PackageVerifier verifier(installer.trusted_keys().keys, installer.status().version);
        StickScan scan = UsbPackageScanner({f.dir.file("stick")}).scan(verifier);
        CHECK(scan.packages.size() == 2);
        CHECK(scan.chosen == -1);
        CHECK(scan.problem_kind == ScanProblem::Ambiguous);  // what the panel shows goes by this
        CHECK(scan.problem.find("two different packages claim content version 3") != std::string::npos);
        CHECK(f.active_bytes() == f.before_active);
    }
}

TEST_CASE("recovery removes what an interrupted install left in staging") {
    PackageFixture f;
    f.install_version(2);
    ContentInstaller installer(f.config());
    test::write_text(installer.staging_dir() + "/incoming.kpkg", "half a package");
    test::write_text(installer.previous_db() + ".tmp", "a link that was never renamed");
    std::vector<std::string> actions = installer.recover();
    CHECK(actions.size() == 2);
    CHECK(fs::list_files(installer.staging_dir(), "").empty());
    CHECK_FALSE(fs::exists(installer.previous_db() + ".tmp"));
    CHECK(installer.status().version == 2);
}

TEST_CASE("content failing quick_check falls back to the previous content, then to the factory content") {
    PackageFixture f;
    f.install_version(2);
    std::string v2 = f.active_bytes();
    f.install_version(3);
    ContentInstaller installer(f.config());

    corrupt_last_page(installer.active_db());
    std::vector<std::string> actions = installer.recover();
    REQUIRE_FALSE(actions.empty());
    CHECK(actions[0].find("quick_check failed") != std::string::npos);
    CHECK(f.active_bytes() == v2);
    CHECK(fs::exists(fs::dirname(installer.active_db()) + "/rejected.db"));

    corrupt_last_page(installer.active_db());
    installer.recover();
    CHECK(installer.active_content_path() == f.factory_db);
    CHECK(installer.recover().empty());  // nothing left to do
}

TEST_CASE("a second installer on the same data dir is refused while the first holds the lock") {
    PackageFixture f;
    std::string p = f.make_package(2, "p.kpkg");
    InstallerConfig config = f.config();
    InstallOutcome inner;
    bool ran = false;
    config.before_step = [&](const char* step) {
        if (ran || std::string(step) != "copy chunk") return;
        ran = true;
        inner = ContentInstaller(f.config()).install(p, p + ".minisig");
        CHECK(ContentInstaller(f.config()).recover().empty());  // and recovery leaves the live staging alone
    };
    InstallOutcome outer = ContentInstaller(config).install(p, p + ".minisig");
    CHECK(outer.ok());
    CHECK(inner.failure == InstallFailure::Busy);
}

TEST_CASE("an unusable data dir is named as such, never as another install running") {
    PackageFixture f;
    std::string p = f.make_package(2, "p.kpkg");
    InstallerConfig config = f.config();
    SUBCASE("a file where the data dir should be") {
        test::write_text(f.dir.file("not-a-dir"), "x");
        config.data_dir = f.dir.file("not-a-dir");
        InstallOutcome outcome = ContentInstaller(config).install(p, p + ".minisig");
        CHECK(outcome.failure == InstallFailure::DataDir);
        CHECK(outcome.reason.find("is not a folder") != std::string::npos);
    }
    SUBCASE("under a file, so it cannot be created") {
        test::write_text(f.dir.file("file"), "x");
        config.data_dir = f.dir.file("file/data");
        std::string message;
        CHECK_FALSE(ContentInstaller(config).rollback(&message));
        CHECK(message.find("another install") == std::string::npos);
        CHECK(message.find(config.data_dir) != std::string::npos);
    }
    SUBCASE("not writable for an ordinary user") {
        if (::geteuid() == 0) {
            // Root writes anywhere; data_dir_problem() is checked for a path it cannot create.
            CHECK(data_dir_problem(f.dir.file("missing/sub")).find("does not exist") != std::string::npos);
        } else {
            REQUIRE(::chmod(f.data_dir.c_str(), 0555) == 0);
            InstallOutcome outcome = ContentInstaller(config).install(p, p + ".minisig");
            CHECK(outcome.reason.find("is not writable for user") != std::string::npos);
            ::chmod(f.data_dir.c_str(), 0755);
        }
    }
}

TEST_CASE("run as root on a data dir owned by the kiosk's user, the installer's files go back to that user") {
    if (::geteuid() != 0) {
        MESSAGE("skipped: needs root");
        return;
    }
    PackageFixture f;
    const uid_t owner = 65534;  // nobody, standing in for sco-kiosk
    REQUIRE(::chown(f.data_dir.c_str(), owner, owner) == 0);
    f.install_version(2);
    std::vector<std::string> changes = keep_data_dir_owner(f.data_dir);
    CHECK_FALSE(changes.empty());
    ContentInstaller installer(f.config());
    for (const std::string& path : {installer.active_db(), fs::dirname(installer.active_db()),
                                    f.data_dir + "/install.lock", installer.staging_dir()}) {
        struct stat st {};
        REQUIRE(::lstat(path.c_str(), &st) == 0);
        CAPTURE(path);
        CHECK(st.st_uid == owner);
    }
    CHECK(keep_data_dir_owner(f.data_dir).empty());  // nothing left to change
}

TEST_CASE("a package with a stranger's or forged signature is refused before a byte of it is copied") {
    PackageFixture f;
    std::string p = f.make_package(2, "p.kpkg");
    SUBCASE("a stranger's key") {
        minisign::SecretKey stranger;
        minisign::PublicKey stranger_public;
        REQUIRE(minisign::generate_key_pair(&stranger, &stranger_public));
        f.sign(p, stranger);
    }
    SUBCASE("a trusted key id, but a forged signature over a grown file") {
        test::write_text(p, test::read_text(p) + std::string(4096, 'x'));
    }
    int copied_chunks = 0;
    InstallOutcome outcome =
        ContentInstaller(f.config()).install(p, p + ".minisig", [&](uint64_t, uint64_t) { ++copied_chunks; });
    CHECK(outcome.failure == InstallFailure::Rejected);
    CHECK(copied_chunks == 0);
}
