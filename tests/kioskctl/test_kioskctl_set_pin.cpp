// kioskctl set-pin: the organizer and trainer PINs, read from standard input, stored hashed.
#include "core/pin_lock.h"
#include "core/state_store.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::core;
using namespace kiosk::test;

namespace {

CommandResult set_pin(const TempDir& dir, const std::string& input, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> argv = {KIOSKCTL_BIN, "set-pin", "--data-dir", dir.file("data")};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return run_command_with_input(argv, input);
}

// The stored value of `key`, or "" if the state database or the setting does not exist.
std::string stored(const TempDir& dir, const std::string& key) {
    std::string error, value;
    auto store = StateStore::open(dir.file("data"), StateStore::OpenMode::ExistingOnly, &error);
    if (!store || !store->get_setting(key, &value)) return {};
    return value;
}

}  // namespace

TEST_CASE("set-pin --role trainer stores a hash of the trainer PIN and leaves the organizer PIN alone") {
    TempDir dir;
    CommandResult result = set_pin(dir, "135792\n", {"--role", "trainer"});
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    CHECK(result.out.find("trainer PIN set") != std::string::npos);
    CHECK(result.out.find("135792") == std::string::npos);
    const std::string hash = stored(dir, "pin.trainer");
    CHECK(hash.find("135792") == std::string::npos);
    CHECK(verify_pin(hash, "135792"));
    CHECK_FALSE(verify_pin(hash, "135793"));
    CHECK(stored(dir, "pin.organizer").empty());
}

TEST_CASE("set-pin without --role sets the organizer PIN, and --pin-stdin and a CRLF line are accepted") {
    TempDir dir;
    CommandResult result = set_pin(dir, "97531024\r\n", {"--pin-stdin"});
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    CHECK(verify_pin(stored(dir, "pin.organizer"), "97531024"));
    CHECK(stored(dir, "pin.trainer").empty());
}

TEST_CASE("set-pin rejects a PIN that is not 6 to 12 digits, says why and keeps the previous PIN") {
    TempDir dir;
    REQUIRE(set_pin(dir, "246813\n", {"--role", "trainer"}).exit_code == 0);
    // Issue 13: four- and five-digit PINs were accepted.
    for (const std::string bad : {"2468\n", "24681\n", "1234567890123\n", "1246a4\n", "124 634\n", "\n"}) {
        CAPTURE(bad);
        CommandResult result = set_pin(dir, bad, {"--role", "trainer"});
        CHECK(result.exit_code == 1);
        CHECK(result.err.find("6 to 12 digits") != std::string::npos);
        CHECK(result.err.find("nothing was changed") != std::string::npos);
    }
    CHECK(verify_pin(stored(dir, "pin.trainer"), "246813"));
}

TEST_CASE("set-pin refuses guessable PINs and fails clearly when standard input is empty") {
    TempDir dir;
    for (const std::string guessable : {"000000\n", "123456\n", "98765432\n"}) {
        CAPTURE(guessable);
        CommandResult result = set_pin(dir, guessable);
        CHECK(result.exit_code == 1);
        CHECK(result.err.find("too easy to guess") != std::string::npos);
    }
    CommandResult empty = set_pin(dir, "");
    CHECK(empty.exit_code == 1);
    CHECK(empty.err.find("no PIN on standard input") != std::string::npos);
    CHECK(stored(dir, "pin.organizer").empty());
}

TEST_CASE("set-pin usage errors exit with status 2 and name the problem") {
    TempDir dir;
    CommandResult role = set_pin(dir, "246813\n", {"--role", "visitor"});
    CHECK(role.exit_code == 2);
    CHECK(role.err.find("--role must be organizer or trainer") != std::string::npos);
    CommandResult no_dir = run_command_with_input({KIOSKCTL_BIN, "set-pin"}, "246813\n");
    CHECK(no_dir.exit_code == 2);
    CHECK(no_dir.err.find("--data-dir") != std::string::npos);
    CommandResult positional = set_pin(dir, "246813\n", {"246813"});
    CHECK(positional.exit_code == 2);
    positional = set_pin(dir, "", {"--random", "--pin-stdin"});
    CHECK(positional.exit_code == 2);
    positional = set_pin(dir, "246813\n", {"--if-unset"});
    CHECK(positional.exit_code == 2);
    CHECK(stored(dir, "pin.organizer").empty());
}

TEST_CASE("set-pin --random makes a per-device PIN, prints it once, and --if-unset never replaces a set PIN") {
    TempDir dir;
    CommandResult first = set_pin(dir, "", {"--random", "--if-unset"});
    REQUIRE_MESSAGE(first.exit_code == 0, first.err);
    const std::string pin = first.out.substr(0, first.out.find('\n'));
    CHECK(first.out == pin + "\n");  // only the PIN on standard output, for the postinst to frame
    CHECK(is_valid_pin(pin));
    CHECK(pin.size() == kRandomPinDigits);
    CHECK(first.err.find("shown only this once") != std::string::npos);
    CHECK(verify_pin(stored(dir, "pin.organizer"), pin));
    CHECK(stored(dir, "pin.trainer").empty());

    CommandResult again = set_pin(dir, "", {"--random", "--if-unset"});  // a package upgrade
    CHECK(again.exit_code == 0);
    CHECK(again.out.empty());
    CHECK(again.err.find("already set; left unchanged") != std::string::npos);
    CHECK(verify_pin(stored(dir, "pin.organizer"), pin));

    CommandResult other = set_pin(dir, "", {"--random"});  // without --if-unset: a new one
    REQUIRE(other.exit_code == 0);
    CHECK(other.out != first.out);
    CHECK_FALSE(verify_pin(stored(dir, "pin.organizer"), pin));
}

TEST_CASE("setting a PIN clears that role's back-off") {
    TempDir dir;
    {
        std::string error;
        auto store = StateStore::open(dir.file("data"), StateStore::OpenMode::CreateIfMissing, &error);
        REQUIRE(store);
        REQUIRE(store->store_pin_attempts("organizer", StoredPinAttempts{6, 4000000000}, &error));
    }
    REQUIRE(set_pin(dir, "582039\n").exit_code == 0);
    std::string error;
    auto store = StateStore::open(dir.file("data"), StateStore::OpenMode::ExistingOnly, &error);
    REQUIRE(store);
    StoredPinAttempts attempts;
    REQUIRE(store->load_pin_attempts("organizer", &attempts, &error));
    CHECK(attempts.failures == 0);
    CHECK(attempts.locked_until == 0);
}
