#include "core/pin_lock.h"

#include <sodium.h>

#include <cmath>

namespace kiosk::core {

const char* pin_role_name(PinRole role) { return role == PinRole::Organizer ? "organizer" : "trainer"; }

std::string pin_not_set_message(PinRole role, const std::string& data_dir) {
    const bool organizer = role == PinRole::Organizer;
    return std::string("no ") + pin_role_name(role) + " PIN is set, so " +
           (organizer ? "the organizer panel" : "trainer mode") +
           " stays locked; set it with kioskctl set-pin --data-dir " + data_dir + (organizer ? "" : " --role trainer");
}

bool is_valid_pin(const std::string& pin) {
    if (pin.size() < kMinPinDigits || pin.size() > kMaxPinDigits) return false;
    for (char c : pin)
        if (c < '0' || c > '9') return false;
    return true;
}

bool is_guessable_pin(const std::string& pin) {
    if (pin.size() < 2) return true;
    for (int step : {0, 1, 9}) {  // 9 is one down, modulo 10
        bool run = true;
        for (size_t i = 1; i < pin.size() && run; ++i) run = (pin[i] - '0') == (pin[i - 1] - '0' + step) % 10;
        if (run) return true;
    }
    return false;
}

std::string hash_pin(const std::string& pin) {
    if (sodium_init() < 0) return {};
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return out;
}

bool verify_pin(const std::string& stored_hash, const std::string& pin) {
    if (stored_hash.empty() || pin.empty()) return false;
    if (sodium_init() < 0 || stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(stored_hash.c_str(), pin.data(), pin.size()) == 0;
}

std::string random_pin(size_t digits) {
    if (sodium_init() < 0) return {};
    std::string pin;
    do {
        pin.clear();
        for (size_t i = 0; i < digits; ++i) pin += static_cast<char>('0' + randombytes_uniform(10));
    } while (is_guessable_pin(pin));
    return pin;
}

double PinAttempts::delay_after(int failures) {
    if (failures < 3) return 0;
    double delay = 5.0;
    for (int i = 3; i < failures && delay < 300; ++i) delay *= 2;
    return delay > 300 ? 300 : delay;
}

void PinAttempts::record_failure(double now) {
    ++failures_;
    locked_until_ = now + delay_after(failures_);
}

int64_t PinAttempts::locked_until_unix(double now, int64_t unix_now) const {
    return unix_now + static_cast<int64_t>(std::ceil(wait_remaining(now)));
}

void PinAttempts::restore(int failures, int64_t locked_until_unix, double now, int64_t unix_now) {
    failures_ = failures < 0 ? 0 : failures;
    double left = static_cast<double>(locked_until_unix - unix_now);
    const double cap = delay_after(failures_);
    if (left > cap) left = cap;
    if (left < 0) left = 0;
    locked_until_ = now + left;
}

}  // namespace kiosk::core
