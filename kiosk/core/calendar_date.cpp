#include "core/calendar_date.h"

#include <cstdio>
#include <ctime>

namespace kiosk::core {

namespace {

// Value of the digits text[begin, end); -1 if any of them is not a digit.
int digits(std::string_view text, size_t begin, size_t end) {
    int value = 0;
    for (size_t i = begin; i < end; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

std::tm utc_tm(int64_t unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return tm;
}

}  // namespace

int days_in_month(int year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

bool parse_iso_date(std::string_view text, CalendarDate* out) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    const CalendarDate date{digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)};
    if (date.year < 1 || date.day < 1 || date.day > days_in_month(date.year, date.month)) return false;
    *out = date;
    return true;
}

std::string format_iso_date(const CalendarDate& date) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

std::string format_utc_seconds(int64_t unix_seconds) {
    const std::tm tm = utc_tm(unix_seconds);
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buffer;
}

std::string format_utc_millis(int64_t unix_ms) {
    int64_t seconds = unix_ms / 1000;
    int64_t millis = unix_ms % 1000;
    if (millis < 0) {  // before 1970: the second before, plus a positive fraction
        millis += 1000;
        --seconds;
    }
    const std::tm tm = utc_tm(seconds);
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(millis));
    return buffer;
}

}  // namespace kiosk::core
