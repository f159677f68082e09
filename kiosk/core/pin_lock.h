// The organizer and trainer PINs: stored only as libsodium crypto_pwhash strings, and
// guarded by a back-off so a visitor cannot try PINs quickly.
#pragma once

#include <string>

namespace kiosk {

// The PIN of a new kiosk until an organizer sets one (`kioskctl set-pin`). Documented in
// docs/organizer-guide.md; the organizer panel asks for it to be changed while in use.
constexpr const char* kFactoryPin = "246810";

// A PIN is 4 to 12 digits.
bool is_valid_pin(const std::string& pin);
// crypto_pwhash_str of `pin` (Argon2id, interactive limits: fast enough on a Raspberry Pi).
// Returns an empty string if hashing failed (out of memory).
std::string hash_pin(const std::string& pin);
// True if `pin` matches `stored_hash`; with no stored hash, true only for kFactoryPin.
bool verify_pin(const std::string& stored_hash, const std::string& pin);

// Counts wrong PINs: after three, each further try must wait, longer each time
// (5 s, 10 s, 20 s, ... up to 5 minutes). A right PIN clears it.
class PinAttempts {
public:
    bool can_try(double now) const { return now >= locked_until_; }
    double wait_remaining(double now) const { return now >= locked_until_ ? 0 : locked_until_ - now; }
    int failures() const { return failures_; }
    void record_failure(double now);
    void record_success() { failures_ = 0; locked_until_ = 0; }
    // The wait imposed after the `failures`-th wrong PIN in a row.
    static double delay_after(int failures);

private:
    int failures_ = 0;
    double locked_until_ = 0;
};

}  // namespace kiosk
