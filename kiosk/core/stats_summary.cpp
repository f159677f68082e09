#include "core/stats_summary.h"

#include "core/calendar_date.h"
#include "core/language.h"
#include "core/strict_number.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <set>

namespace kiosk::core {

namespace {

std::tm local_tm(int64_t unix_ms) {
    std::time_t t = static_cast<std::time_t>(unix_ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    return tm;
}

std::vector<StatsRow> top_rows(const std::map<std::string, StatsRow>& rows) {
    std::vector<StatsRow> out;
    out.reserve(rows.size());
    for (const auto& entry : rows) out.push_back(entry.second);
    std::stable_sort(out.begin(), out.end(), [](const StatsRow& a, const StatsRow& b) { return a.count > b.count; });
    if (out.size() > kStatsTopRows) out.resize(kStatsTopRows);
    return out;
}

int64_t median(std::vector<int64_t> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

}  // namespace

std::string local_date(int64_t unix_ms) {
    const std::tm tm = local_tm(unix_ms);
    return format_iso_date({tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday});
}

int local_hour(int64_t unix_ms) { return local_tm(unix_ms).tm_hour; }

int64_t local_day_start(int64_t unix_ms, int days) {
    std::tm tm = local_tm(unix_ms);
    tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
    tm.tm_mday += days;
    tm.tm_isdst = -1;
    return static_cast<int64_t>(std::mktime(&tm)) * 1000;
}

// The digits of `text` at [pos, pos + len), e.g. the month of "2026-05-01", in [min, max].
bool date_field(const std::string& text, size_t pos, size_t len, int min, int max, int* out) {
    return parse_integer(std::string_view(text).substr(pos, len), min, max, out);
}

// True if `text` has `separator` at each of `positions` ("2026-05-01": '-' at 4 and 7).
bool separators_at(const std::string& text, std::initializer_list<std::pair<size_t, char>> positions) {
    for (const auto& [pos, separator] : positions)
        if (pos >= text.size() || text[pos] != separator) return false;
    return true;
}

bool parse_local_date(const std::string& text, int64_t* unix_ms) {
    CalendarDate date;
    if (!parse_iso_date(text, &date) || date.year < 1970) return false;
    std::tm tm{};
    tm.tm_year = date.year - 1900;
    tm.tm_mon = date.month - 1;
    tm.tm_mday = date.day;
    tm.tm_isdst = -1;
    const std::time_t t = std::mktime(&tm);
    if (t == -1) return false;
    *unix_ms = static_cast<int64_t>(t) * 1000;
    return true;
}

bool parse_utc_timestamp(const std::string& text, int64_t* unix_ms) {
    // "2026-05-01T09:30:00.250Z"
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
    if (text.size() != 24 ||
        !separators_at(text, {{4, '-'}, {7, '-'}, {10, 'T'}, {13, ':'}, {16, ':'}, {19, '.'}, {23, 'Z'}}) ||
        !date_field(text, 0, 4, 1970, 9999, &y) || !date_field(text, 5, 2, 1, 12, &mo) ||
        !date_field(text, 8, 2, 1, 31, &d) || !date_field(text, 11, 2, 0, 23, &h) || !date_field(text, 14, 2, 0, 59, &mi) ||
        !date_field(text, 17, 2, 0, 60, &s) || !date_field(text, 20, 3, 0, 999, &ms))
        return false;
    CalendarDate date;
    if (!parse_iso_date(std::string_view(text).substr(0, 10), &date)) return false;  // no 2026-02-30
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    *unix_ms = static_cast<int64_t>(timegm(&tm)) * 1000 + ms;
    return true;
}

StatsSummary summarize_events(const std::vector<UsageEvent>& events, int64_t from_ms, int64_t to_ms) {
    StatsSummary out;
    out.to_ms = to_ms;
    out.from_ms = from_ms;
    if (from_ms == 0) {
        out.from_ms = to_ms;
        for (const UsageEvent& e : events) out.from_ms = std::min(out.from_ms, e.at_ms);
    }
    const int64_t last_day_start = local_day_start(to_ms - 1);
    out.last_day = local_date(to_ms - 1);
    std::map<std::string, int64_t> days;
    for (int64_t day = local_day_start(out.from_ms); day < to_ms && days.size() < kStatsMaxDays;
         day = local_day_start(day, 1))
        days[local_date(day)] = 0;

    std::vector<int64_t> visit_ms;
    std::map<std::string, StatsRow> documents, lessons, searches, zero, kiosks;
    std::map<std::string, std::vector<int64_t>> read_percent;
    std::map<std::string, QuizRow> quizzes;
    for (const UsageEvent& e : events) {
        if (e.at_ms < out.from_ms || e.at_ms >= to_ms) continue;
        ++out.events;
        StatsRow& kiosk = kiosks[e.kiosk_id];
        kiosk.key = e.kiosk_id;
        ++kiosk.extra;
        switch (e.kind) {
            case EventKind::Session: {
                if (e.subject == "staff") break;
                ++out.visitors;
                ++kiosk.count;
                visit_ms.push_back(e.value);
                auto day = days.find(local_date(e.at_ms));
                if (day != days.end()) ++day->second;
                if (e.at_ms >= last_day_start) ++out.per_hour[local_hour(e.at_ms)];
                for (Lang lang : {Lang::Ru, Lang::Zh, Lang::En})
                    if (e.detail.find(lang_code(lang)) != std::string::npos) ++out.languages[static_cast<int>(lang)];
                break;
            }
            case EventKind::Document: {
                ++out.documents_opened;
                StatsRow& row = documents[e.subject];
                row.key = e.subject;
                ++row.count;
                read_percent[e.subject].push_back(e.value);
                break;
            }
            case EventKind::Lesson: {
                StatsRow& row = lessons[e.subject];
                row.key = e.subject;
                (e.detail == "finished" ? row.extra : row.count)++;
                break;
            }
            case EventKind::Search: {
                ++out.searches;
                if (e.subject.empty()) break;  // query logging was off
                StatsRow& row = (e.value == 0 ? zero : searches)[e.subject];
                row.key = e.subject;
                ++row.count;
                row.extra = e.value;
                break;
            }
            case EventKind::Quiz: {
                QuizRow& row = quizzes[e.subject];
                row.lesson = e.subject;
                ++row.attempts;
                row.correct += e.value;
                row.questions += e.value2;
                break;
            }
            default: break;
        }
    }
    for (const auto& day : days) out.per_day.emplace_back(day.first, day.second);
    out.median_visit_s = (median(visit_ms) + 500) / 1000;
    for (auto& entry : documents) entry.second.extra = median(read_percent[entry.first]);
    out.top_documents = top_rows(documents);
    out.top_lessons = top_rows(lessons);
    out.top_searches = top_rows(searches);
    out.zero_searches = top_rows(zero);
    for (const auto& entry : quizzes) out.quizzes.push_back(entry.second);
    std::stable_sort(out.quizzes.begin(), out.quizzes.end(),
                     [](const QuizRow& a, const QuizRow& b) { return a.attempts > b.attempts; });
    for (const auto& entry : kiosks) out.kiosks.push_back(entry.second);
    return out;
}

}  // namespace kiosk::core
