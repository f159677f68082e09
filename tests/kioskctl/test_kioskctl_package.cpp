// kioskctl keygen/pack/sign/verify/install/rollback/status, run as an organizer runs them,
// and the round trip with the standard `minisign` tool (Debian package `minisign`).
#include "core/file_io.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace kiosk::test;

namespace {

const std::string kMinisign = "/usr/bin/minisign";

std::string source_dir() { return std::string(KIOSK_TEST_DATA_DIR) + "/packages/source"; }

CommandResult kioskctl(std::vector<std::string> args) {
    args.insert(args.begin(), KIOSKCTL_BIN);
    return run_command(args);
}

// A key pair, a factory content database (version 1) and a data dir trusting the key.
struct Organizer {
    Organizer() {
        REQUIRE(kioskctl({"keygen", "--secret-key", dir.file("org.key"), "--public-key", dir.file("org.pub")}).exit_code == 0);
        REQUIRE(kioskctl({"build", source_dir(), dir.file("factory.db"), "--content-version", "1"}).exit_code == 0);
        REQUIRE(kiosk::core::fs::make_dirs(dir.file("data/trusted-keys")));
        write_text(dir.file("data/trusted-keys/org.pub"), read_text(dir.file("org.pub")));
    }
    CommandResult pack(int version, const std::string& name, const std::string& key = "org.key") {
        return kioskctl({"pack", source_dir(), "--content-version", std::to_string(version), "--secret-key",
                         dir.file(key), "--out", dir.file(name)});
    }
    CommandResult on_data_dir(std::vector<std::string> args) {
        for (const char* extra : {"--data-dir", "", "--factory", ""}) args.push_back(extra);
        args[args.size() - 3] = dir.file("data");
        args[args.size() - 1] = dir.file("factory.db");
        return kioskctl(args);
    }
    JsonValue status() {
        CommandResult result = on_data_dir({"status", "--json"});
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        bool ok = false;
        JsonValue json = parse_json(result.out, &ok);
        REQUIRE_MESSAGE(ok, result.out);
        return json;
    }
    TempDir dir;
};

}  // namespace

TEST_CASE("kioskctl pack, verify, install, status and rollback work end to end") {
    Organizer o;
    JsonValue status = o.status();
    CHECK(status["version"].number == 1);
    CHECK(status["path"].string == o.dir.file("factory.db"));
    CHECK(status["previous_version"].is_null());

    REQUIRE(o.pack(2, "content-2.kpkg").exit_code == 0);
    CommandResult verify = kioskctl({"verify", o.dir.file("content-2.kpkg"), "--public-key", o.dir.file("org.pub")});
    CHECK_MESSAGE(verify.exit_code == 0, verify.err);
    CHECK(verify.out.find("content version 2") != std::string::npos);

    CommandResult install = o.on_data_dir({"install", o.dir.file("content-2.kpkg")});
    REQUIRE_MESSAGE(install.exit_code == 0, install.err);
    status = o.status();
    CHECK(status["version"].number == 2);
    CHECK(status["path"].string == o.dir.file("data/content/active.db"));
    CHECK(status["previous_version"].number == 1);

    CommandResult again = o.on_data_dir({"install", o.dir.file("content-2.kpkg")});
    CHECK(again.exit_code == 1);
    CHECK(again.err.find("not newer than the installed version 2") != std::string::npos);

    CommandResult rollback = o.on_data_dir({"rollback"});
    CHECK_MESSAGE(rollback.exit_code == 0, rollback.err);
    CHECK(o.status()["version"].number == 1);
    CHECK(o.on_data_dir({"rollback"}).exit_code == 1);
}

TEST_CASE("kioskctl verify exits 1 with the reason for a changed package or a wrong key") {
    Organizer o;
    REQUIRE(o.pack(2, "p.kpkg").exit_code == 0);
    REQUIRE(kioskctl({"keygen", "--secret-key", o.dir.file("other.key"), "--public-key", o.dir.file("other.pub")}).exit_code ==
            0);
    CommandResult wrong_key = kioskctl({"verify", o.dir.file("p.kpkg"), "--public-key", o.dir.file("other.pub")});
    CHECK(wrong_key.exit_code == 1);
    CHECK(wrong_key.err.find("untrusted_key") != std::string::npos);

    std::string bytes = read_text(o.dir.file("p.kpkg"));
    bytes[bytes.size() / 2] ^= 0x10;
    write_text(o.dir.file("p.kpkg"), bytes);
    CommandResult changed = kioskctl({"verify", o.dir.file("p.kpkg"), "--public-key", o.dir.file("org.pub")});
    CHECK(changed.exit_code == 1);
    CHECK(changed.err.find("does not match the file") != std::string::npos);
}

TEST_CASE("kioskctl install refuses a package signed with an untrusted key and changes nothing") {
    Organizer o;
    REQUIRE(kioskctl({"keygen", "--secret-key", o.dir.file("visitor.key"), "--public-key", o.dir.file("visitor.pub")}).exit_code ==
            0);
    REQUIRE(o.pack(2, "p.kpkg", "visitor.key").exit_code == 0);
    CommandResult install = o.on_data_dir({"install", o.dir.file("p.kpkg")});
    CHECK(install.exit_code == 1);
    CHECK(install.err.find("does not trust") != std::string::npos);
    CHECK(o.status()["version"].number == 1);
    CHECK_FALSE(kiosk::core::fs::exists(o.dir.file("data/content/active.db")));
}

TEST_CASE("kioskctl keygen refuses to overwrite a key and pack refuses a missing key without writing a package") {
    Organizer o;
    CommandResult again =
        kioskctl({"keygen", "--secret-key", o.dir.file("org.key"), "--public-key", o.dir.file("new.pub")});
    CHECK(again.exit_code == 1);
    CHECK(again.err.find("--force") != std::string::npos);
    CommandResult pack = o.pack(2, "p.kpkg", "missing.key");
    CHECK(pack.exit_code == 1);
    CHECK_FALSE(kiosk::core::fs::exists(o.dir.file("p.kpkg")));
}

TEST_CASE("kioskctl status recovers an interrupted install before it reports") {
    Organizer o;
    REQUIRE(kiosk::core::fs::make_dirs(o.dir.file("data/staging")));
    write_text(o.dir.file("data/staging/incoming.kpkg"), "half");
    CommandResult status = o.on_data_dir({"status"});
    CHECK(status.exit_code == 0);
    CHECK(status.err.find("interrupted install") != std::string::npos);
    CHECK_FALSE(kiosk::core::fs::exists(o.dir.file("data/staging/incoming.kpkg")));
}

TEST_CASE("a key made by minisign -G -W signs a package that kioskctl installs") {
    Organizer o;
    CommandResult keygen = run_command({kMinisign, "-G", "-W", "-p", o.dir.file("m.pub"), "-s", o.dir.file("m.key")});
    REQUIRE_MESSAGE(keygen.exit_code == 0, keygen.err);
    write_text(o.dir.file("data/trusted-keys/m.pub"), read_text(o.dir.file("m.pub")));

    // kioskctl can use minisign's secret key ...
    REQUIRE(o.pack(2, "content-2.kpkg", "m.key").exit_code == 0);
    // ... and minisign's own signature is accepted too.
    REQUIRE(kioskctl({"build", source_dir(), o.dir.file("content-3.kpkg"), "--content-version", "3"}).exit_code == 0);
    CommandResult sign = run_command({kMinisign, "-S", "-s", o.dir.file("m.key"), "-m", o.dir.file("content-3.kpkg"),
                                      "-t", "content 3 for the forum"});
    REQUIRE_MESSAGE(sign.exit_code == 0, sign.err);

    CommandResult first = o.on_data_dir({"install", o.dir.file("content-2.kpkg")});
    CHECK_MESSAGE(first.exit_code == 0, first.err);
    CommandResult second = o.on_data_dir({"install", o.dir.file("content-3.kpkg")});
    CHECK_MESSAGE(second.exit_code == 0, second.err);
    CHECK(o.status()["version"].number == 3);
}

TEST_CASE("a package signed by kioskctl verifies with minisign -V") {
    Organizer o;
    REQUIRE(o.pack(2, "content-2.kpkg").exit_code == 0);
    CommandResult verify = run_command({kMinisign, "-V", "-p", o.dir.file("org.pub"), "-m", o.dir.file("content-2.kpkg")});
    CHECK_MESSAGE(verify.exit_code == 0, verify.err);
    CHECK(verify.out.find("Signature and comment signature verified") != std::string::npos);

    CommandResult resign = kioskctl({"sign", o.dir.file("content-2.kpkg"), "--secret-key", o.dir.file("org.key"),
                                     "--trusted-comment", "forum build"});
    REQUIRE(resign.exit_code == 0);
    verify = run_command({kMinisign, "-V", "-p", o.dir.file("org.pub"), "-m", o.dir.file("content-2.kpkg")});
    CHECK(verify.exit_code == 0);
    CHECK(verify.out.find("Trusted comment: forum build") != std::string::npos);

    // minisign also signs with a key that kioskctl made.
    CommandResult sign = run_command({kMinisign, "-S", "-s", o.dir.file("org.key"), "-m", o.dir.file("content-2.kpkg")});
    CHECK_MESSAGE(sign.exit_code == 0, sign.err);
    CHECK(kioskctl({"verify", o.dir.file("content-2.kpkg"), "--public-key", o.dir.file("org.pub")}).exit_code == 0);
}
