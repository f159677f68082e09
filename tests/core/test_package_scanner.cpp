// UsbPackageScanner: finds sco-kiosk/*.kpkg under mount-point globs, skips macOS junk,
// reports what it found, and offers the highest valid version.
#include "core/content_installer.h"
#include "core/file_io.h"
#include "core/usb_package_scanner.h"
#include "package_fixture.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <map>

using namespace kiosk;
using namespace kiosk::core;
using kiosk::test::PackageFixture;

namespace {

// A fake /media with one stick mounted at media/organizer/STICK.
struct StickFixture : PackageFixture {
    StickFixture() : folder(dir.file("media/organizer/STICK/sco-kiosk")) { REQUIRE(fs::make_dirs(folder)); }
    std::string put(int64_t version, const std::string& name) {
        return make_package(version, "media/organizer/STICK/sco-kiosk/" + name);
    }
    StickScan scan() {
        ContentInstaller installer(config());
        PackageVerifier verifier(installer.trusted_keys().keys, installer.status().version);
        return UsbPackageScanner({dir.file("media/*"), dir.file("media/*/*")}).scan(verifier);
    }
    std::string folder;
};

}  // namespace

TEST_CASE("the default mount points are the ones issue 5 lists") {
    std::vector<std::string> expected = {"/media/*", "/media/*/*", "/run/media/*/*", "/mnt/*"};
    CHECK(default_usb_mount_globs() == expected);
}

TEST_CASE("the scanner finds packages under nested mount points and reports version, date, size and signature") {
    StickFixture f;
    std::string path = f.put(4, "content-4.kpkg");
    UsbPackageScanner scanner({f.dir.file("media/*"), f.dir.file("media/*/*")});
    REQUIRE(scanner.find_package_dirs() == std::vector<std::string>{f.folder});
    StickScan scan = f.scan();
    REQUIRE(scan.packages.size() == 1);
    const FoundPackage& found = scan.packages[0];
    CHECK(found.path == path);
    CHECK(found.check.ok());
    CHECK(found.check.info.content_version == 4);
    CHECK(found.check.info.built_at == "2024-05-01T10:00:00Z");
    CHECK(found.size_bytes == test::read_text(path).size());
    CHECK(found.check.key_id == minisign::key_id_hex(f.key.key_id));
    CHECK(scan.chosen == 0);
}

TEST_CASE("the scanner ignores macOS ._ files and hidden files") {
    StickFixture f;
    f.put(4, "content-4.kpkg");
    test::write_text(f.folder + "/._content-4.kpkg", "AppleDouble junk");
    test::write_text(f.folder + "/._content-4.kpkg.minisig", "junk");
    test::write_text(f.folder + "/.hidden.kpkg", "junk");
    StickScan scan = f.scan();
    CHECK(scan.packages.size() == 1);
    CHECK(scan.chosen == 0);
}

TEST_CASE("with several packages on a stick the highest valid version wins") {
    StickFixture f;
    f.put(3, "a-content-3.kpkg");
    f.put(5, "b-content-5.kpkg");
    std::string forged = f.put(9, "c-content-9.kpkg");
    test::flip_bit(forged, 3000);  // the highest version is not valid
    std::string unsigned_package = f.put(8, "d-content-8.kpkg");
    std::remove((unsigned_package + ".minisig").c_str());
    f.put(1, "e-old.kpkg");  // older than the factory content's successor: not newer

    StickScan scan = f.scan();
    REQUIRE(scan.packages.size() == 5);
    REQUIRE(scan.chosen == 1);
    CHECK(scan.problem_kind == ScanProblem::None);
    CHECK(scan.packages[1].check.info.content_version == 5);
    CHECK(scan.packages[2].check.problem == PackageProblem::SignatureInvalid);
    CHECK(scan.packages[3].check.problem == PackageProblem::SignatureMissing);
    CHECK(scan.packages[4].check.problem == PackageProblem::NotNewer);

    ContentInstaller installer(f.config());
    InstallOutcome outcome = installer.install(scan.packages[scan.chosen].path, scan.packages[scan.chosen].signature_path);
    REQUIRE_MESSAGE(outcome.ok(), outcome.reason);
    CHECK(installer.status().version == 5);
}

TEST_CASE("identical copies of the same package on a stick are not a conflict") {
    StickFixture f;
    std::string a = f.put(4, "a.kpkg");
    test::write_text(f.folder + "/b.kpkg", test::read_text(a));
    test::write_text(f.folder + "/b.kpkg.minisig", test::read_text(a + ".minisig"));
    StickScan scan = f.scan();
    CHECK(scan.packages.size() == 2);
    CHECK(scan.chosen == 0);
    CHECK(scan.problem_kind == ScanProblem::None);
}

TEST_CASE(
    "a stick with only refused packages says none is valid, and two different packages of one version are ambiguous") {
    StickFixture f;
    SUBCASE("none valid") {
        std::string forged = f.put(4, "a.kpkg");
        test::flip_bit(forged, 3000);
        StickScan scan = f.scan();
        CHECK(scan.chosen == -1);
        CHECK(scan.problem_kind == ScanProblem::NoneValid);
    }
    SUBCASE("two different packages claim the highest version, a lower one is valid") {
        f.put(2, "a.kpkg");
        f.put(3, "b.kpkg");
        const std::string other = f.put(3, "c.kpkg");
        test::run_sql(other, "UPDATE meta SET value='2024-05-05T00:00:00Z' WHERE key='built_at'");
        f.sign(other);  // the same version, another package
        StickScan scan = f.scan();
        REQUIRE(scan.packages.size() == 3);
        CHECK(scan.chosen == -1);
        CHECK(scan.problem_kind == ScanProblem::Ambiguous);
    }
}

TEST_CASE("a scan with no sticks mounted finds nothing and offers nothing") {
    PackageFixture f;
    PackageVerifier verifier({f.public_key}, 1);
    StickScan scan = UsbPackageScanner({f.dir.file("nothing/*")}).scan(verifier);
    CHECK(scan.packages.empty());
    CHECK(scan.chosen == -1);
    CHECK(scan.problem.empty());
    CHECK(scan.problem_kind == ScanProblem::None);
}

TEST_CASE("stick files that are not ordinary files are refused without being read, and never block") {
    StickFixture f;
    std::string good = f.put(4, "a.kpkg");
    test::write_text(f.folder + "/fifo.kpkg", "x");
    REQUIRE(::mkfifo((f.folder + "/fifo.kpkg.minisig").c_str(), 0644) == 0);  // open() would block forever
    test::write_text(f.folder + "/zero.kpkg", "x");
    REQUIRE(::symlink("/dev/zero", (f.folder + "/zero.kpkg.minisig").c_str()) == 0);
    test::write_text(f.folder + "/huge-sig.kpkg", "x");
    test::write_text(f.folder + "/huge-sig.kpkg.minisig", "");
    REQUIRE(::truncate((f.folder + "/huge-sig.kpkg.minisig").c_str(), off_t{1} << 30) == 0);  // sparse 1 GiB
    // A huge package beside a copy of a real signature: names the trusted key id.
    test::write_text(f.folder + "/huge.kpkg", "");
    REQUIRE(::truncate((f.folder + "/huge.kpkg").c_str(), off_t{8} << 30) == 0);
    test::write_text(f.folder + "/huge.kpkg.minisig", test::read_text(good + ".minisig"));
    // A package one byte longer than signed: refused by size before it is hashed.
    test::write_text(f.folder + "/grown.kpkg", test::read_text(good) + "x");
    test::write_text(f.folder + "/grown.kpkg.minisig", test::read_text(good + ".minisig"));
    REQUIRE(::symlink(good.c_str(), (f.folder + "/link.kpkg").c_str()) == 0);
    test::write_text(f.folder + "/link.kpkg.minisig", test::read_text(good + ".minisig"));

    StickScan scan = f.scan();
    REQUIRE(scan.packages.size() == 7);
    std::map<std::string, const FoundPackage*> by_name;
    for (const FoundPackage& found : scan.packages) by_name[fs::basename(found.path)] = &found;
    CHECK(by_name.at("a.kpkg")->check.ok());
    CHECK(by_name.at("fifo.kpkg")->check.reason.find("not a regular file") != std::string::npos);
    CHECK(by_name.at("zero.kpkg")->check.reason.find("symbolic link") != std::string::npos);
    CHECK(by_name.at("huge-sig.kpkg")->check.reason.find("more than the 16 KiB allowed") != std::string::npos);
    CHECK(by_name.at("huge.kpkg")->check.problem == PackageProblem::TooLarge);
    CHECK(by_name.at("huge.kpkg")->check.reason.find("more than the 256 MiB allowed") != std::string::npos);
    CHECK(by_name.at("grown.kpkg")->check.problem == PackageProblem::SignatureInvalid);  // not its signed size
    CHECK(by_name.at("grown.kpkg")->check.reason.find("but was signed at") != std::string::npos);
    CHECK(by_name.at("link.kpkg")->check.reason.find("symbolic link") != std::string::npos);
    CHECK(scan.chosen >= 0);
}

TEST_CASE("at most 50 packages are checked per scan, the rest are counted") {
    StickFixture f;
    std::string good = f.put(4, "a.kpkg");
    for (int i = 0; i < 120; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "/p%03d.kpkg", i);
        test::write_text(f.folder + name, "x");
        test::write_text(f.folder + name + ".minisig", test::read_text(good + ".minisig"));
    }
    StickScan scan = f.scan();
    CHECK(scan.packages.size() == kMaxPackagesPerScan);
    CHECK(scan.skipped == 121 - kMaxPackagesPerScan);
    CHECK(scan.chosen == 0);  // a.kpkg sorts first
    CHECK(scan.problem_kind == ScanProblem::Skipped);
    CHECK(scan.problem.find("71 more packages were not checked") != std::string::npos);
}

TEST_CASE("a package signed without a manifest is listed as such, and verify and install still accept it") {
    StickFixture f;
    std::string path = f.put(4, "a.kpkg");
    minisign::FileHash hash;
    std::string error;
    REQUIRE(minisign::hash_file(path, &hash, &error));
    test::write_text(path + ".minisig", minisign::format_signature(minisign::sign_hash(
                                            f.key, hash, minisign::default_trusted_comment(1700000000, "a.kpkg"))));
    StickScan scan = f.scan();
    REQUIRE(scan.packages.size() == 1);
    CHECK(scan.packages[0].check.problem == PackageProblem::NoManifest);
    CHECK(scan.packages[0].check.reason.find("sign it again with kioskctl sign") != std::string::npos);
    ContentInstaller installer(f.config());
    InstallOutcome outcome = installer.install(path, path + ".minisig");
    CHECK_MESSAGE(outcome.ok(), outcome.reason);
}
