// Numbers read from files, the state database and command lines are parsed strictly: the
// whole text must be the number (no spaces, no '+', nothing after it) and it must lie in the
// range the caller expects. atoi reads "12abc" as 12 and "99999999999" as whatever overflow
// gives; these say what was wrong instead, and the caller adds where (file, line, key).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::core {

// Parses `text` as a decimal whole number in [min, max]. False with `error` set to
// "'12abc' is not a whole number" or "'5' is out of range (expected 15 to 3600)".
bool parse_integer(std::string_view text, int64_t min, int64_t max, int64_t* out, std::string* error = nullptr);

// The same for a narrower type: parse_integer(text, 15, 3600, &int_value, &error).
template <typename T>
bool parse_integer(std::string_view text, T min, T max, T* out, std::string* error = nullptr) {
    int64_t value = 0;
    if (!parse_integer(text, static_cast<int64_t>(min), static_cast<int64_t>(max), &value, error)) return false;
    *out = static_cast<T>(value);
    return true;
}

// Parses `text` as exactly `digits` hexadecimal digits (either case, no "0x"), e.g. the
// XXXX of a \uXXXX escape. False with `error` ("'00G1' is not 4 hexadecimal digits").
bool parse_hex(std::string_view text, size_t digits, uint32_t* out, std::string* error = nullptr);

// Parses `text` as a decimal number ("12", "-0.5", "1e3") in [min, max]; NaN and infinity
// are refused. False with `error` as parse_integer.
bool parse_decimal(std::string_view text, double min, double max, double* out, std::string* error = nullptr);

}  // namespace kiosk::core
