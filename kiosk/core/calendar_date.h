// Dates as the kiosk writes and reads them: ISO 8601 calendar dates ("2019-06-14") in the
// sources and the settings, and UTC timestamps ("2026-11-29T14:03:07Z", with milliseconds
// in the usage statistics). One parser and one formatter, so an impossible date such as
// 2023-02-29 is refused the same way everywhere.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::core {

struct CalendarDate {
    int year = 0;
    int month = 0;  // 1-12
    int day = 0;    // 1-31
};

// Days of `month` (1-12) in `year` of the Gregorian calendar.
int days_in_month(int year, int month);

// Parses exactly "YYYY-MM-DD" (four, two and two digits) naming a real day from year 1 on;
// false for anything else: other lengths, signs, spaces, month 13, February 30, 2023-02-29.
bool parse_iso_date(std::string_view text, CalendarDate* out);

// "YYYY-MM-DD".
std::string format_iso_date(const CalendarDate& date);

// "2026-11-29T14:03:07Z": the UTC time of `unix_seconds`.
std::string format_utc_seconds(int64_t unix_seconds);

// "2026-11-29T14:03:07.250Z": the UTC time of `unix_ms`.
std::string format_utc_millis(int64_t unix_ms);

}  // namespace kiosk::core
