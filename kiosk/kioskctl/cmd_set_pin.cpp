// kioskctl set-pin --data-dir DIR [--role organizer|trainer] [--pin-stdin | --random [--if-unset]]:
// sets the organizer or trainer PIN. The PIN is read from standard input (one line), never
// from the command line, where it would show in `ps` and the shell history. At a terminal it
// is asked for twice without echo. --random makes one (kRandomPinDigits digits) and prints
// it once on standard output; with --if-unset it does nothing when the role has a PIN (the
// package's postinst uses both). Only the crypto_pwhash string is stored (settings key
// pin.organizer or pin.trainer) and the role's back-off is cleared; a running kiosk uses the
// PIN after a restart.
#include "core/pin_lock.h"
#include "core/state_store.h"
#include "kioskctl/command_line.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr const char* kUsage =
    "expected --data-dir DIR [--role organizer|trainer], with the PIN on standard input, or --random [--if-unset]";

// Turns terminal echo off while it lives, so a typed PIN does not show.
class EchoOff {
public:
    EchoOff() {
        if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff() {
        if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    termios saved_{};
    bool active_ = false;
};

// One line of standard input without its line ending; false at end of input.
bool read_line(std::string* out) {
    char buffer[256];
    if (!std::fgets(buffer, sizeof buffer, stdin)) return false;
    size_t length = std::strlen(buffer);
    while (length > 0 && (buffer[length - 1] == '\n' || buffer[length - 1] == '\r')) --length;
    out->assign(buffer, length);
    std::memset(buffer, 0, sizeof buffer);
    return true;
}

// At a terminal: asks twice, without echo. Otherwise: the first line of standard input.
bool read_pin(const std::string& role, std::string* pin, std::string* error) {
    const bool terminal = isatty(STDIN_FILENO);
    EchoOff echo_off;
    if (terminal) std::fprintf(stderr, "New %s PIN (%zu to %zu digits): ", role.c_str(), kMinPinDigits, kMaxPinDigits);
    if (!read_line(pin)) {
        *error = "no PIN on standard input (give it as one line, e.g. from a file or a pipe)";
        return false;
    }
    if (!terminal) return true;
    std::string again;
    std::fprintf(stderr, "\nRepeat the PIN: ");
    bool repeated = read_line(&again);
    std::fprintf(stderr, "\n");
    if (!repeated || again != *pin) {
        *error = "the two PINs differ; nothing was changed";
        return false;
    }
    return true;
}

int fail(const std::string& message) {
    std::fprintf(stderr, "kioskctl set-pin: %s\n", message.c_str());
    return 1;
}

}  // namespace

int cmd_set_pin(const std::vector<std::string>& args) {
    CommandLine cl(args, {"data-dir", "role"}, {"pin-stdin", "random", "if-unset"});
    if (!cl.ok()) return usage_error("set-pin", cl.error());
    if (!cl.positional().empty() || cl.value("data-dir").empty()) return usage_error("set-pin", kUsage);
    const std::string role = cl.value("role", "organizer");
    if (role != "organizer" && role != "trainer")
        return usage_error("set-pin", "--role must be organizer or trainer, got '" + role + "'");
    const bool random = cl.has("random");
    if (random && cl.has("pin-stdin")) return usage_error("set-pin", "--random and --pin-stdin exclude each other");
    if (cl.has("if-unset") && !random) return usage_error("set-pin", "--if-unset goes with --random");

    std::string error;
    auto store = StateStore::open(cl.value("data-dir"), StateStore::OpenMode::CreateIfMissing, &error);
    if (!store) return fail(error);
    std::string existing;
    if (cl.has("if-unset") && store->get_setting("pin." + role, &existing) && !existing.empty()) {
        std::fprintf(stderr, "kioskctl set-pin: the %s PIN is already set; left unchanged\n", role.c_str());
        return 0;
    }

    std::string pin;
    if (random) {
        pin = random_pin();
        if (pin.empty()) return fail("libsodium could not start, so no random PIN was made; nothing was changed");
    } else if (!read_pin(role, &pin, &error)) {
        return fail(error);
    }
    // The messages never repeat the PIN: it may be close to the real one.
    if (!is_valid_pin(pin))
        return fail("a PIN is " + std::to_string(kMinPinDigits) + " to " + std::to_string(kMaxPinDigits) +
                    " digits (0-9) and nothing else; nothing was changed");
    if (is_guessable_pin(pin))
        return fail("that PIN is too easy to guess (one digit repeated, or a run such as 123456 or 987654); "
                    "choose another; nothing was changed");
    const std::string hash = hash_pin(pin);
    if (hash.empty()) return fail("hashing the PIN failed (out of memory?); nothing was changed");
    if (!store->set_setting("pin." + role, hash, &error) || !store->store_pin_attempts(role, StoredPinAttempts{}, &error))
        return fail(error);
    if (random) {
        // Only the PIN on standard output, so a script can capture it; the rest on stderr.
        std::printf("%s\n", pin.c_str());
        std::fprintf(stderr, "%s PIN set in %s; it is shown only this once; a running kiosk uses it after a restart\n",
                     role.c_str(), store->path().c_str());
    } else {
        std::printf("%s PIN set in %s; a running kiosk uses it after a restart\n", role.c_str(), store->path().c_str());
    }
    return 0;
}

}  // namespace kiosk::ctl
