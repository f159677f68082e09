// kioskctl set-pin --data-dir DIR [--role organizer|trainer] [--pin-stdin]: sets the organizer
// or trainer PIN. The PIN is read from standard input (one line), never from the command
// line, where it would show in `ps` and the shell history. At a terminal it is asked for
// twice without echo. Only its crypto_pwhash string is stored (settings key pin.organizer or
// pin.trainer); a running kiosk uses it after a restart.
#include "core/pin_lock.h"
#include "core/state_store.h"
#include "kioskctl/command_line.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

namespace kiosk::ctl {

namespace {

constexpr const char* kUsage = "expected --data-dir DIR [--role organizer|trainer], with the PIN on standard input";

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
    if (terminal) std::fprintf(stderr, "New %s PIN (4 to 12 digits): ", role.c_str());
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

}  // namespace

int cmd_set_pin(const std::vector<std::string>& args) {
    CommandLine cl(args, {"data-dir", "role"}, {"pin-stdin"});
    if (!cl.ok()) return usage_error("set-pin", cl.error());
    if (!cl.positional().empty() || cl.value("data-dir").empty()) return usage_error("set-pin", kUsage);
    const std::string role = cl.value("role", "organizer");
    if (role != "organizer" && role != "trainer")
        return usage_error("set-pin", "--role must be organizer or trainer, got '" + role + "'");

    std::string pin, error;
    if (!read_pin(role, &pin, &error)) {
        std::fprintf(stderr, "kioskctl set-pin: %s\n", error.c_str());
        return 1;
    }
    // The message never repeats the PIN: it may be close to the real one.
    if (!is_valid_pin(pin)) {
        std::fprintf(stderr, "kioskctl set-pin: a PIN is 4 to 12 digits (0-9) and nothing else; nothing was changed\n");
        return 1;
    }
    if (pin == kFactoryPin) {
        std::fprintf(stderr, "kioskctl set-pin: that is the factory PIN, which is printed in the guide; choose another\n");
        return 1;
    }
    const std::string hash = hash_pin(pin);
    if (hash.empty()) {
        std::fprintf(stderr, "kioskctl set-pin: hashing the PIN failed (out of memory?); nothing was changed\n");
        return 1;
    }
    auto store = StateStore::open(cl.value("data-dir"), StateStore::OpenMode::CreateIfMissing, &error);
    if (!store || !store->set_setting("pin." + role, hash, &error)) {
        std::fprintf(stderr, "kioskctl set-pin: %s\n", error.c_str());
        return 1;
    }
    std::printf("%s PIN set in %s; a running kiosk uses it after a restart\n", role.c_str(), store->path().c_str());
    return 0;
}

}  // namespace kiosk::ctl
