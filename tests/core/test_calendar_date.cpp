// The one parser and formatter of dates: sources, statistics, package stamps and kioskctl.
#include "core/calendar_date.h"
#include "core/document_source.h"
#include "core/stats_summary.h"

#include <doctest/doctest.h>

using kiosk::core::CalendarDate;

namespace {

bool parses(const char* text) {
    CalendarDate date;
    return kiosk::core::parse_iso_date(text, &date);
}

}  // namespace

TEST_CASE("an ISO date parses into year month and day and formats back the same") {
    CalendarDate date;
    REQUIRE(kiosk::core::parse_iso_date("2019-06-14", &date));
    CHECK(date.year == 2019);
    CHECK(date.month == 6);
    CHECK(date.day == 14);
    CHECK(kiosk::core::format_iso_date(date) == "2019-06-14");
    CHECK(kiosk::core::format_iso_date({7, 1, 2}) == "0007-01-02");
}

TEST_CASE("impossible dates are refused, leap years included") {
    CHECK(parses("2024-02-29"));
    CHECK(parses("2000-02-29"));  // divisible by 400
    CHECK_FALSE(parses("2023-02-29"));
    CHECK_FALSE(parses("1900-02-29"));  // divisible by 100
    CHECK_FALSE(parses("2026-02-30"));
    CHECK_FALSE(parses("2026-04-31"));
    CHECK_FALSE(parses("2026-13-01"));
    CHECK_FALSE(parses("2026-00-10"));
    CHECK_FALSE(parses("2026-01-00"));
    CHECK_FALSE(parses("0000-01-01"));
    CHECK(parses("2026-12-31"));
}

TEST_CASE("anything but exactly YYYY-MM-DD is not a date") {
    for (const char* text : {"", "2019-6-14", "2019-06-14 ", " 2019-06-14", "2019/06/14", "2019-06-1x", "+019-06-14",
                             "2019-06-14T00:00:00Z", "20190614", "2019-0６-14",
                             "2019-\xFF\x36-14"})  // \x36 is "6", written so that it is not read as part of \xFF
        CHECK_MESSAGE(!parses(text), text);
    CalendarDate untouched{1, 2, 3};
    CHECK_FALSE(kiosk::core::parse_iso_date("2023-02-29", &untouched));
    CHECK(untouched.year == 1);
}

TEST_CASE("days in a month follow the Gregorian calendar") {
    CHECK(kiosk::core::days_in_month(2024, 2) == 29);
    CHECK(kiosk::core::days_in_month(2100, 2) == 28);
    CHECK(kiosk::core::days_in_month(2026, 11) == 30);
    CHECK(kiosk::core::days_in_month(2026, 12) == 31);
    CHECK(kiosk::core::days_in_month(2026, 13) == 0);
}

TEST_CASE("UTC timestamps are written to the second and to the millisecond") {
    CHECK(kiosk::core::format_utc_seconds(0) == "1970-01-01T00:00:00Z");
    CHECK(kiosk::core::format_utc_seconds(1764466987) == "2025-11-30T01:43:07Z");
    CHECK(kiosk::core::format_utc_millis(1764466987250) == "2025-11-30T01:43:07.250Z");
    CHECK(kiosk::core::format_utc_millis(1764466987005) == "2025-11-30T01:43:07.005Z");
    CHECK(kiosk::core::format_utc_millis(-1) == "1969-12-31T23:59:59.999Z");
}

TEST_CASE("the statistics read back the timestamps they write and refuse impossible ones") {
    int64_t ms = 0;
    REQUIRE(kiosk::core::parse_utc_timestamp(kiosk::core::format_utc_millis(1764466987250), &ms));
    CHECK(ms == 1764466987250);
    CHECK_FALSE(kiosk::core::parse_utc_timestamp("2026-02-30T10:00:00.000Z", &ms));
    CHECK_FALSE(kiosk::core::parse_utc_timestamp("2026-11-29T24:00:00.000Z", &ms));
    CHECK_FALSE(kiosk::core::parse_utc_timestamp("2026-11-29T10:00:00.000", &ms));
    REQUIRE(kiosk::core::parse_local_date("2026-11-20", &ms));
    CHECK(kiosk::core::local_date(ms) == "2026-11-20");
    CHECK_FALSE(kiosk::core::parse_local_date("2026-02-30", &ms));
    CHECK_FALSE(kiosk::core::parse_local_date("1969-12-31", &ms));  // before the statistics could start
}

TEST_CASE("a document date must be a real day") {
    CHECK(kiosk::core::is_valid_date("2019-06-14"));
    CHECK_FALSE(kiosk::core::is_valid_date("2023-02-29"));
    CHECK_FALSE(kiosk::core::is_valid_date("14.06.2019"));
}
