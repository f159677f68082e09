// stats_bench: what the usage statistics cost (docs/performance.md).
//
//   stats_bench [--events N] [--dir DIR]
//
// (1) the UI thread's cost of recording one event (EventLog::record: a queue push; the writer
// thread stores batches meanwhile), p50/p99/max over N events recorded at full speed;
// (2) how long the writer still needs after each burst of 10,000 to store it (flush, summed); (3) a report of N events: reading
// them from state.db, and writing the CSV files, report.html and export.txt; (4) reading that
// report back (checksums, CSV parsing) and merging it. Prints one JSON object.
#include "core/event_log.h"
#include "core/file_io.h"
#include "core/state_store.h"
#include "core/stats_export.h"
#include "core/strict_number.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#ifndef KIOSK_ASSETS_DIR
#define KIOSK_ASSETS_DIR "assets"
#endif

using namespace kiosk;
using namespace kiosk::core;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// A plausible mix: per visitor a session, 6 screens, 2 documents, 2 searches, a lesson and a quiz.
UsageEvent sample_event(int64_t i) {
    static const char* kQueries[] = {"цифровая экономика", "数字经济", "cybersecurity", "blockchain", "ИИ"};
    UsageEvent e;
    e.session = i / 13 + 1;
    switch (i % 13) {
        case 0: e.kind = EventKind::Session, e.subject = "idle_reset", e.detail = "ru,en", e.value = 95000; break;
        case 1:
        case 2: e.kind = EventKind::Document, e.subject = "sco-digital-2020", e.detail = "ru", e.value = 60; break;
        case 3:
        case 4: e.kind = EventKind::Search, e.subject = kQueries[i % 5], e.detail = "ru", e.value = i % 3; break;
        case 5: e.kind = EventKind::Lesson, e.subject = "phishing-fraud", e.detail = "started"; break;
        case 6: e.kind = EventKind::Quiz, e.subject = "phishing-fraud", e.value = 3, e.value2 = 4; break;
        default: e.kind = EventKind::Screen, e.subject = "reader", e.value = 12000; break;
    }
    return e;
}

}  // namespace

int main(int argc, char** argv) {
    int64_t count = 100000;
    std::string dir;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--events") && !parse_integer(argv[i + 1], int64_t{1}, int64_t{100000000}, &count)) {
            std::fprintf(stderr, "stats_bench: --events expects a whole number from 1 to 100000000, got '%s'\n",
                         argv[i + 1]);
            return 2;
        } else if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
    }
    if (dir.empty()) {
        char pattern[] = "/tmp/stats-bench-XXXXXX";
        if (!mkdtemp(pattern)) return 1;
        dir = pattern;
    }
    std::string error;
    auto store = StateStore::open(fs::join(dir, "data"), StateStore::OpenMode::CreateIfMissing, &error);
    auto log = store ? EventLog::open(store->path(), EventRetention{3650, 1000}, true, &error) : nullptr;
    Translations translations;
    Diagnostics diagnostics;
    if (!log || !translations.load(fs::join(KIOSK_ASSETS_DIR, "i18n"), &diagnostics)) {
        std::fprintf(stderr, "stats_bench: %s\n", error.empty() ? "translations" : error.c_str());
        return 1;
    }
    std::vector<UsageEvent> prepared;
    for (int64_t i = 0; i < count; ++i) prepared.push_back(sample_event(i));
    std::vector<double> record_us;
    record_us.reserve(static_cast<size_t>(count));
    // Bursts of 10,000 (far more than visitors make: a few per second), each then written out,
    // so the queue limit never drops any; the writer works during the next burst.
    double record_total_ms = 0, flush_ms = 0;
    for (size_t burst = 0; burst < prepared.size(); burst += 10000) {
        const auto all = Clock::now();
        for (size_t i = burst; i < std::min(prepared.size(), burst + 10000); ++i) {
            const auto start = Clock::now();
            log->record(std::move(prepared[i]));
            record_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
        }
        record_total_ms += ms_since(all);
        const auto flush_start = Clock::now();
        log->flush();
        flush_ms += ms_since(flush_start);
    }
    std::sort(record_us.begin(), record_us.end());
    auto pct = [&](double p) { return record_us[static_cast<size_t>(p * (record_us.size() - 1))]; };

    const auto load_start = Clock::now();
    std::vector<UsageEvent> events;
    store->load_events(0, INT64_MAX, &events, &error);
    const double load_ms = ms_since(load_start);
    ReportInfo info;
    info.kiosk_id = "bench";
    info.kiosk_names["bench"] = "";
    info.to_ms = unix_now_ms() + 1;
    const auto write_start = Clock::now();
    ExportResult result = write_report(events, info, translations, fs::join(dir, "report"));
    const double write_ms = ms_since(write_start);
    const auto read_start = Clock::now();
    std::vector<UsageEvent> back;
    ReportInfo back_info;
    const bool read_ok = read_report(fs::join(dir, "report"), &back, &back_info, &error);
    std::vector<UsageEvent> merged = merge_events({back, back});
    const double read_merge_ms = ms_since(read_start);
    std::printf("{\"events\": %lld, \"record_us_p50\": %.3f, \"record_us_p99\": %.3f, \"record_us_max\": %.1f, "
                "\"record_all_ms\": %.1f, \"writer_flush_ms\": %.1f, \"written\": %lld, \"dropped\": %lld, "
                "\"export_load_ms\": %.1f, \"export_write_ms\": %.1f, \"export_kb\": %.0f, \"export_ok\": %s, "
                "\"read_and_merge_ms\": %.1f, \"merged\": %zu, \"read_ok\": %s}\n",
                static_cast<long long>(count), pct(0.5), pct(0.99), record_us.back(), record_total_ms, flush_ms,
                static_cast<long long>(log->written()), static_cast<long long>(log->dropped()), load_ms, write_ms,
                result.bytes / 1024.0, result.ok ? "true" : "false", read_merge_ms, merged.size(),
                read_ok ? "true" : "false");
    return result.ok && read_ok ? 0 : 1;
}
