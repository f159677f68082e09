// The organizer and trainer PINs: stored only as libsodium crypto_pwhash strings, and
// guarded by a back-off so a visitor cannot try PINs quickly. There is no factory PIN: a
// role without a stored PIN cannot be opened at all (docs/organizer-guide.md).
#pragma once

#include <cstdint>
#include <string>

namespace kiosk::core {

// Who a PIN is for: the organizer panel, or trainer mode.
enum class PinRole { Organizer, Trainer };
constexpr int kPinRoleCount = 2;
// "organizer" or "trainer": the role's name in settings (pin.<name>), the state database and messages.
const char* pin_role_name(PinRole role);

// One sentence for the log and `kioskctl status` when `role` has no PIN: "no organizer PIN is
// set, so the organizer panel stays locked; set it with kioskctl set-pin --data-dir DIR".
std::string pin_not_set_message(PinRole role, const std::string& data_dir);

constexpr size_t kMinPinDigits = 6;
constexpr size_t kMaxPinDigits = 12;
// Digits of a PIN made by random_pin(): about 26 bits, for a PIN typed rarely.
constexpr size_t kRandomPinDigits = 8;

// A PIN is kMinPinDigits to kMaxPinDigits digits.
bool is_valid_pin(const std::string& pin);
// True for PINs a visitor would try first: one digit repeated (000000) or a run up or down
// (123456, 987654, wrapping past 0 as in 890123).
bool is_guessable_pin(const std::string& pin);
// crypto_pwhash_str of `pin` (Argon2id, interactive limits: fast enough on a Raspberry Pi).
// Returns an empty string if hashing failed (out of memory).
std::string hash_pin(const std::string& pin);
// True if `pin` matches `stored_hash`. An empty hash (no PIN set) matches nothing.
bool verify_pin(const std::string& stored_hash, const std::string& pin);
// A uniformly random PIN of `digits` digits from libsodium's CSPRNG, never a guessable one.
// Empty if libsodium cannot start.
std::string random_pin(size_t digits = kRandomPinDigits);

// Counts wrong PINs: after three, each further try must wait, longer each time
// (5 s, 10 s, 20 s, ... up to 5 minutes). A right PIN clears it. Times are on the kiosk
// clock; stored() and restore() convert to Unix time for the state database, so the count
// and the wait outlast a restart.
class PinAttempts {
public:
    bool can_try(double now) const { return now >= locked_until_; }
    double wait_remaining(double now) const { return now >= locked_until_ ? 0 : locked_until_ - now; }
    int failures() const { return failures_; }
    void record_failure(double now);
    void record_success() {
        failures_ = 0;
        locked_until_ = 0;
    }
    // The wait imposed after the `failures`-th wrong PIN in a row.
    static double delay_after(int failures);

    // The end of the wait as Unix seconds (rounded up), given the kiosk clock `now` and Unix time `unix_now`.
    int64_t locked_until_unix(double now, int64_t unix_now) const;
    // Takes over a stored count and end of wait. The wait left is what remains by the wall
    // clock, never more than the delay for that count (a clock set back cannot lock the pad
    // for longer) and never negative.
    void restore(int failures, int64_t locked_until_unix, double now, int64_t unix_now);

private:
    int failures_ = 0;
    double locked_until_ = 0;
};

}  // namespace kiosk::core
