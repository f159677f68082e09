// What the dashboard and report.html show, computed from usage events: visitors per hour and
// per day, the median visit, top documents, lessons and searches, searches that found
// nothing, the language split, quiz results per lesson, and (merged reports) each kiosk.
// Days and hours are the kiosk's local time.
#pragma once

#include "core/usage_events.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core {

struct StatsRow {
    std::string key;    // document or lesson id, query, kiosk id
    int64_t count = 0;  // opens, starts, searches, visitors
    int64_t extra = 0;  // documents: median percent read; lessons: finished; searches: results
};

struct QuizRow {
    std::string lesson;
    int64_t attempts = 0;
    int64_t correct = 0;    // answers, over all attempts
    int64_t questions = 0;  // asked, over all attempts
};

struct StatsSummary {
    int64_t from_ms = 0, to_ms = 0;  // the period, [from, to)
    int64_t events = 0;
    int64_t visitors = 0;  // visitor sessions (the organizer's and trainer's left out)
    int64_t median_visit_s = 0;
    int64_t documents_opened = 0;
    int64_t searches = 0;
    std::string last_day;                                  // YYYY-MM-DD: the day per_hour shows
    std::array<int64_t, 24> per_hour{};                    // visitors who came in each hour of last_day
    std::vector<std::pair<std::string, int64_t>> per_day;  // every day of the period, oldest first
    std::vector<StatsRow> top_documents, top_lessons, top_searches, zero_searches;
    std::array<int64_t, 3> languages{};  // visitors who used ru, zh, en
    std::vector<QuizRow> quizzes;        // per lesson, by attempts
    std::vector<StatsRow> kiosks;        // per kiosk id: visitors (count), events (extra)
};

// At most this many rows in each top list, and days in per_day.
constexpr size_t kStatsTopRows = 10;
constexpr size_t kStatsMaxDays = 400;

// `from_ms` 0 means from the first event; `to_ms` is the end of the period (exclusive).
StatsSummary summarize_events(const std::vector<UsageEvent>& events, int64_t from_ms, int64_t to_ms);

// Local-time helpers: "YYYY-MM-DD" of a time, the hour 0-23, and the start of a day.
std::string local_date(int64_t unix_ms);
int local_hour(int64_t unix_ms);
// Parses "YYYY-MM-DD" as the start of that local day; false if it is not a real date.
bool parse_local_date(const std::string& text, int64_t* unix_ms);
// The start of the local day `days` after the one holding `unix_ms` (negative: before).
int64_t local_day_start(int64_t unix_ms, int days = 0);
// Parses "2026-11-29T14:03:07.250Z" (as format_utc_millis writes it); false if it is not a real time.
bool parse_utc_timestamp(const std::string& text, int64_t* unix_ms);

}  // namespace kiosk::core
