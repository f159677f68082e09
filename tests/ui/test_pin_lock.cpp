// PINs fail closed (issue 13): a state database the kiosk cannot use (it cannot be opened,
// its directory is read-only, it is empty, a page is damaged, a newer kiosk wrote it) never
// lets a default PIN in. The kiosk keeps the organizer panel locked and logs why, and
// `kioskctl status` and `kioskctl settings` say so and exit 1. Each case is played as an
// organizer would: the corner gesture and the PIN that was set before the damage.
#include "core/file_io.h"
#include "core/sqlite_db.h"
#include "core/state_store.h"
#include "kiosk_runner.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace kiosk::test;

namespace {

const std::string kCornerTaps = "tap 1910 10\ntap 1910 10\ntap 1910 10\ntap 1910 10\ntap 1910 10\nwait 100\n";

// Runs the rest of the command line with `data_dir` bind-mounted read-only, in a private
// mount namespace of an unprivileged user namespace: a read-only file system even for root,
// who would ignore a chmod.
std::vector<std::string> read_only_wrapper(const std::string& data_dir) {
    return {"/usr/bin/unshare",
            "-rm",
            "/bin/sh",
            "-c",
            "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\"",
            data_dir};
}

bool read_only_mounts_work(const TempDir& dir) {
    std::vector<std::string> probe = read_only_wrapper(dir.path());
    probe.insert(probe.end(), {"/bin/sh", "-c", "! touch \"$0/probe\" 2>/dev/null", dir.path()});
    return run_command(probe).exit_code == 0;
}

struct Damage {
    const char* name;
    const char* reason;  // part of the one sentence the kiosk and kioskctl give
    void (*apply)(const TempDir& dir);
};

std::string state_db(const TempDir& dir) { return dir.file("data/state.db"); }

void overwrite(const std::string& path, long offset, const std::string& bytes) {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    REQUIRE(file);
    file.seekp(offset);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

const Damage kDamages[] = {
    {"a directory where state.db should be", "unable to open",
     [](const TempDir& dir) {
         std::filesystem::remove(state_db(dir));
         REQUIRE(kiosk::core::fs::make_dirs(state_db(dir) + "/x"));
     }},
    {"not a database at all", "not a database",
     [](const TempDir& dir) { write_text(state_db(dir), std::string(8192, 'x')); }},
    {"an empty (0-byte) file", "empty (0 bytes)", [](const TempDir& dir) { write_text(state_db(dir), ""); }},
    {"a damaged page", "damaged", [](const TempDir& dir) { overwrite(state_db(dir), 4096, std::string(4096, '\xA5')); }},
    {"a schema from a newer kiosk", "newer kiosk",
     [](const TempDir& dir) {
         kiosk::core::SqliteDb db;
         REQUIRE(db.open(state_db(dir), kiosk::core::SqliteDb::Mode::ReadWrite, nullptr));
         std::string bump = "PRAGMA user_version=" + std::to_string(kiosk::core::StateStore::current_schema_version() + 1);
         REQUIRE(db.exec(bump.c_str()));
         REQUIRE(db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
     }},
};

CommandResult kioskctl(const TempDir& dir, const std::string& command) {
    return run_command({KIOSKCTL_BIN, command, "--data-dir", dir.file("data"), "--factory", KIOSK_CONTENT_DB});
}

void check_locked(const KioskRun& run, const std::string& reason) {
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);  // visitors are still served
    CHECK(run.state["screen"].string == "pin");
    CHECK(run.state["pin_locked"].string == "state_db");
    CHECK(run.state["pin_failures"].number == 0);  // the PIN was not even compared
    CHECK(run.state["state_db_error"].string.find(reason) != std::string::npos);
    CHECK(run.result.err.find("kiosk: error: the organizer panel and trainer mode stay locked: ") != std::string::npos);
    CHECK(run.result.err.find(reason) != std::string::npos);
}

}  // namespace

TEST_CASE("a state database the kiosk cannot use keeps the panel locked, and kioskctl says why with exit 1") {
    for (const Damage& damage : kDamages) {
        CAPTURE(damage.name);
        TempDir dir;
        set_pin(dir, kOrganizerTestPin);
        set_setting(dir, "attract", "off");  // the damage must be why the panel stays shut, not a missing file
        damage.apply(dir);
        const std::string before = kiosk::core::fs::exists(state_db(dir)) ? read_text(state_db(dir)) : "";

        auto run = run_kiosk_script(dir, kCornerTaps + enter_pin(kOrganizerTestPin));
        check_locked(run, damage.reason);
        CHECK(read_text(state_db(dir)) == before);  // left as it was, for diagnosis

        CommandResult status = kioskctl(dir, "status");
        CHECK(status.exit_code == 1);
        CHECK(status.err.find("the organizer panel and trainer mode stay locked") != std::string::npos);
        CHECK(status.err.find(damage.reason) != std::string::npos);
        CHECK(status.out.find("active content: version") != std::string::npos);  // the rest is still reported
        CommandResult json =
            run_command({KIOSKCTL_BIN, "status", "--json", "--data-dir", dir.file("data"), "--factory", KIOSK_CONTENT_DB});
        CHECK(json.exit_code == 1);
        CHECK(parse_json(json.out)["state_db_error"].string.find(damage.reason) != std::string::npos);
        CommandResult settings = run_command({KIOSKCTL_BIN, "settings", "--data-dir", dir.file("data")});
        CHECK(settings.exit_code == 1);
        CHECK(settings.err.find(damage.reason) != std::string::npos);
        CHECK(settings.out.find("factory") == std::string::npos);
    }
}

TEST_CASE("a read-only data dir keeps the panel locked: wrong PINs could not be counted") {
    TempDir dir;
    if (!read_only_mounts_work(dir)) {
        MESSAGE("skipped: this machine allows no user or mount namespaces (unshare -rm) to make a read-only mount");
        return;
    }
    set_pin(dir, kOrganizerTestPin);
    auto run = run_kiosk_script_under(read_only_wrapper(dir.file("data")), dir, kCornerTaps + enter_pin(kOrganizerTestPin));
    check_locked(run, "Read-only file system");

    std::vector<std::string> status = read_only_wrapper(dir.file("data"));
    status.insert(status.end(), {KIOSKCTL_BIN, "status", "--data-dir", dir.file("data"), "--factory", KIOSK_CONTENT_DB});
    CommandResult result = run_command(status);
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("Read-only file system") != std::string::npos);
}

TEST_CASE("kioskctl status reports the PINs of a healthy data dir, and exits 0") {
    TempDir dir;
    CommandResult fresh = kioskctl(dir, "status");
    REQUIRE_MESSAGE(fresh.exit_code == 0, fresh.err);
    CHECK(fresh.out.find("organizer PIN: no organizer PIN is set, so the organizer panel stays locked; set it with "
                         "kioskctl set-pin --data-dir " +
                         dir.file("data") + "\n") != std::string::npos);
    CHECK(fresh.out.find("--role trainer\n") != std::string::npos);
    set_pin(dir, kOrganizerTestPin);
    CommandResult set =
        run_command({KIOSKCTL_BIN, "status", "--json", "--data-dir", dir.file("data"), "--factory", KIOSK_CONTENT_DB});
    REQUIRE_MESSAGE(set.exit_code == 0, set.err);
    JsonValue json = parse_json(set.out);
    CHECK(json["state_db_error"].is_null());
    CHECK(json["organizer_pin_set"].boolean);
    CHECK_FALSE(json["trainer_pin_set"].boolean);
}

TEST_CASE("on a full disk a wrong PIN that cannot be counted locks the pads until the next start") {
    // Without this, switching the kiosk off and on would give three fresh tries each time.
    TempDir dir;
    if (!read_only_mounts_work(dir)) {
        MESSAGE("skipped: this machine allows no user or mount namespaces (unshare -rm) to mount a small tmpfs");
        return;
    }
    REQUIRE(kiosk::core::fs::make_dirs(dir.file("data")));
    // The data dir becomes a 512 KiB tmpfs with a PIN set, filled up to 9 free pages: enough
    // for SQLite to open the database (its 32 KiB -shm), not for the first write to its -wal.
    const std::string fill =
        "mount -t tmpfs -o size=512k tmpfs \"$0\" && echo " + std::string(kOrganizerTestPin) +
        " | \"$1\" set-pin --data-dir \"$0\" >/dev/null && avail=$(($(stat -f -c '%a*%S' \"$0\"))) && "
        "dd if=/dev/zero of=\"$0/filler\" bs=4096 count=$(((avail - 36864) / 4096)) 2>/dev/null && shift && exec "
        "\"$@\"";
    auto run = run_kiosk_script_under({"/usr/bin/unshare", "-rm", "/bin/sh", "-c", fill, dir.file("data"), KIOSKCTL_BIN},
                                      dir, kCornerTaps + enter_pin("111111") + enter_pin(kOrganizerTestPin));
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["screen"].string == "pin");  // the right PIN came after the failure could not be stored
    CHECK(run.state["pin_failures"].number == 1);
    CHECK(run.state["pin_locked"].string == "state_db");
    CHECK(run.state["state_db_error"].string.find("database or disk is full") != std::string::npos);
    CHECK(run.result.err.find("stay locked: PIN attempts cannot be stored") != std::string::npos);
}
