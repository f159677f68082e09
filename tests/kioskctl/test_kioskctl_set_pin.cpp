// kioskctl set-pin: the organizer and trainer PINs, read from standard input, stored hashed.
#include "core/pin_lock.h"
#include "core/state_store.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace kiosk;
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
    CommandResult result = set_pin(dir, "13579\n", {"--role", "trainer"});
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    CHECK(result.out.find("trainer PIN set") != std::string::npos);
    CHECK(result.out.find("13579") == std::string::npos);
    const std::string hash = stored(dir, "pin.trainer");
    CHECK(hash.find("13579") == std::string::npos);
    CHECK(verify_pin(hash, "13579"));
    CHECK_FALSE(verify_pin(hash, kFactoryPin));
    CHECK(stored(dir, "pin.organizer").empty());
}

TEST_CASE("set-pin without --role sets the organizer PIN, and --pin-stdin and a CRLF line are accepted") {
    TempDir dir;
    CommandResult result = set_pin(dir, "97531024\r\n", {"--pin-stdin"});
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    CHECK(verify_pin(stored(dir, "pin.organizer"), "97531024"));
    CHECK(stored(dir, "pin.trainer").empty());
}

TEST_CASE("set-pin rejects a PIN that is not 4 to 12 digits, says why and keeps the previous PIN") {
    TempDir dir;
    REQUIRE(set_pin(dir, "2468\n", {"--role", "trainer"}).exit_code == 0);
    for (const std::string bad : {"123\n", "1234567890123\n", "12a4\n", "12 34\n", "\n"}) {
        CAPTURE(bad);
        CommandResult result = set_pin(dir, bad, {"--role", "trainer"});
        CHECK(result.exit_code == 1);
        CHECK(result.err.find("4 to 12 digits") != std::string::npos);
        CHECK(result.err.find("nothing was changed") != std::string::npos);
    }
    CHECK(verify_pin(stored(dir, "pin.trainer"), "2468"));
}

TEST_CASE("set-pin refuses the factory PIN and fails clearly when standard input is empty") {
    TempDir dir;
    CommandResult factory = set_pin(dir, std::string(kFactoryPin) + "\n");
    CHECK(factory.exit_code == 1);
    CHECK(factory.err.find("factory PIN") != std::string::npos);
    CommandResult empty = set_pin(dir, "");
    CHECK(empty.exit_code == 1);
    CHECK(empty.err.find("no PIN on standard input") != std::string::npos);
    CHECK(stored(dir, "pin.organizer").empty());
}

TEST_CASE("set-pin usage errors exit with status 2 and name the problem") {
    TempDir dir;
    CommandResult role = set_pin(dir, "2468\n", {"--role", "visitor"});
    CHECK(role.exit_code == 2);
    CHECK(role.err.find("--role must be organizer or trainer") != std::string::npos);
    CommandResult no_dir = run_command_with_input({KIOSKCTL_BIN, "set-pin"}, "2468\n");
    CHECK(no_dir.exit_code == 2);
    CHECK(no_dir.err.find("--data-dir") != std::string::npos);
    CommandResult positional = set_pin(dir, "2468\n", {"2468"});
    CHECK(positional.exit_code == 2);
    CHECK(stored(dir, "pin.organizer").empty());
}
