#include "core/strict_number.h"

#include <charconv>
#include <cmath>

namespace kiosk::core {

namespace {

bool fail(std::string* error, std::string message) {
    if (error) *error = std::move(message);
    return false;
}

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string decimal_text(double value) {
    if (std::fabs(value) < 1e15 && value == std::floor(value)) return std::to_string(static_cast<long long>(value));
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? std::string(buffer, end) : std::string("?");
}

}  // namespace

bool parse_integer(std::string_view text, int64_t min, int64_t max, int64_t* out, std::string* error) {
    const std::string range = "(expected " + std::to_string(min) + " to " + std::to_string(max) + ")";
    int64_t value = 0;
    const char* end = text.data() + text.size();
    auto [stop, ec] = std::from_chars(text.data(), end, value, 10);
    // from_chars stops at the first character that is not a digit: "12abc" must not be 12.
    // "-0" is 0 to from_chars, but nobody writes it for zero: treat it as damage.
    if (text.empty() || stop != end || (ec != std::errc() && ec != std::errc::result_out_of_range) ||
        (text[0] == '-' && value == 0 && ec == std::errc()))
        return fail(error, quoted(text) + " is not a whole number " + range);
    if (ec == std::errc::result_out_of_range || value < min || value > max)
        return fail(error, quoted(text) + " is out of range " + range);
    *out = value;
    return true;
}

bool parse_hex(std::string_view text, size_t digits, uint32_t* out, std::string* error) {
    const std::string expected = quoted(text) + " is not " + std::to_string(digits) + " hexadecimal digits";
    if (text.size() != digits || digits == 0 || digits > 8) return fail(error, expected);
    uint32_t value = 0;
    const char* end = text.data() + text.size();
    auto [stop, ec] = std::from_chars(text.data(), end, value, 16);
    if (ec != std::errc() || stop != end) return fail(error, expected);
    *out = value;
    return true;
}

bool parse_decimal(std::string_view text, double min, double max, double* out, std::string* error) {
    const std::string range = "(expected " + decimal_text(min) + " to " + decimal_text(max) + ")";
    double value = 0;
    const char* end = text.data() + text.size();
    auto [stop, ec] = std::from_chars(text.data(), end, value, std::chars_format::general);
    if (text.empty() || stop != end || (ec != std::errc() && ec != std::errc::result_out_of_range) || std::isnan(value))
        return fail(error, quoted(text) + " is not a number " + range);
    if (ec == std::errc::result_out_of_range || !(value >= min && value <= max))
        return fail(error, quoted(text) + " is out of range " + range);
    *out = value;
    return true;
}

}  // namespace kiosk::core
