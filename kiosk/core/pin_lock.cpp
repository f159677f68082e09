#include "core/pin_lock.h"

#include <sodium.h>

namespace kiosk {

bool is_valid_pin(const std::string& pin) {
    if (pin.size() < 4 || pin.size() > 12) return false;
    for (char c : pin)
        if (c < '0' || c > '9') return false;
    return true;
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
    if (stored_hash.empty()) return pin == kFactoryPin;
    if (sodium_init() < 0 || stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(stored_hash.c_str(), pin.data(), pin.size()) == 0;
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

}  // namespace kiosk
