// The usage statistics in the core: the event log in state.db (batched writer, retention,
// crash safety), report folders (CSV columns, report.html with SVG charts, export.txt
// checksums), reading them back and merging several kiosks' reports.
#include "core/calendar_date.h"
#include "core/event_log.h"
#include "core/file_io.h"
#include "core/kiosk_settings.h"
#include "core/state_store.h"
#include "core/stats_export.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <functional>

using namespace kiosk;
using namespace kiosk::core;
using namespace kiosk::test;

namespace {

std::unique_ptr<StateStore> open_store(const std::string& dir) {
    std::string error;
    auto store = StateStore::open(dir, StateStore::OpenMode::CreateIfMissing, &error);
    REQUIRE_MESSAGE(store, error);
    return store;
}

std::unique_ptr<EventLog> open_log(const std::string& dir, EventRetention retention = {}) {
    std::string error;
    auto log = EventLog::open(fs::join(dir, kStateFileName), retention, true, &error);
    REQUIRE_MESSAGE(log, error);
    return log;
}

UsageEvent event(EventKind kind, const std::string& subject, int64_t value = 0, int64_t at_ms = 0, int64_t session = 1) {
    UsageEvent e;
    e.kind = kind;
    e.subject = subject;
    e.value = value;
    e.at_ms = at_ms;
    e.session = session;
    return e;
}

std::vector<UsageEvent> load_all(const StateStore& store) {
    std::vector<UsageEvent> events;
    std::string error;
    REQUIRE_MESSAGE(store.load_events(0, INT64_MAX, &events, &error), error);
    return events;
}

Translations translations() {
    Translations tr;
    Diagnostics diagnostics;
    REQUIRE(tr.load(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n", &diagnostics));
    return tr;
}

// A day of a small forum on one kiosk: visitors, a document, searches, a quiz.
std::vector<UsageEvent> sample_day(int64_t day_ms, int sessions) {
    std::vector<UsageEvent> events;
    for (int s = 1; s <= sessions; ++s) {
        const int64_t at = day_ms + int64_t{9 + s % 8} * 3600 * 1000 + int64_t{s} * 1000;
        UsageEvent session = event(EventKind::Session, "idle_reset", 60000 + s * 1000, at, s);
        session.detail = s % 3 == 0 ? "ru,zh" : "en";
        events.push_back(session);
        UsageEvent doc = event(EventKind::Document, "sco-digital-2020", 40 + s, at + 5000, s);
        doc.detail = "en";
        events.push_back(doc);
        events.push_back(
            event(EventKind::Search, s % 2 ? "цифровая экономика" : "\"quoted, query\"", s % 2 ? 3 : 0, at + 9000, s));
        UsageEvent quiz = event(EventKind::Quiz, "phishing-fraud", s % 4, at + 20000, s);
        quiz.value2 = 4;
        events.push_back(quiz);
    }
    for (size_t i = 0; i < events.size(); ++i) events[i].id = static_cast<int64_t>(i + 1);
    return events;
}

std::string csv_first_line(const std::string& path) {
    const std::string text = read_text(path);
    return text.substr(0, text.find("\r\n"));
}

// Checks that every <svg>...</svg> in `html` is well-formed XML (xmllint) and the page parses as HTML.
void check_html_and_svg(const TempDir& dir, const std::string& html_path) {
    const std::string html = read_text(html_path);
    CommandResult page = run_command({"/usr/bin/xmllint", "--html", "--noout", html_path});
    CHECK_MESSAGE(page.exit_code == 0, page.err);
    size_t count = 0;
    for (size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
        const size_t end = html.find("</svg>", at);
        REQUIRE(end != std::string::npos);
        const std::string svg_path = dir.file("chart" + std::to_string(count++) + ".svg");
        write_text(svg_path, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + html.substr(at, end + 6 - at));
        CommandResult xml = run_command({"/usr/bin/xmllint", "--noout", svg_path});
        CHECK_MESSAGE(xml.exit_code == 0, xml.err);
    }
    CHECK(count >= 6);  // hour, day, documents, searches, languages, quizzes
}

// Runs `body` in a child process, waits until it wrote `signals` bytes to the fd it is given
// (it is then in the middle of its work), and kills it with SIGKILL, like a power cut.
void kill_child_midway(int signals, const std::function<void(int)>& body) {
    int ready[2];
    REQUIRE(pipe(ready) == 0);
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        close(ready[0]);
        body(ready[1]);
        _exit(0);
    }
    close(ready[1]);
    char byte;
    for (int i = 0; i < signals; ++i) REQUIRE(read(ready[0], &byte, 1) == 1);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    close(ready[0]);
    REQUIRE(WIFSIGNALED(status));
}

}  // namespace

TEST_CASE("events recorded through the log are stored in batches and read back in order") {
    TempDir dir;
    auto store = open_store(dir.path());
    {
        auto log = open_log(dir.path());
        CHECK(log->next_session() == 1);
        for (int i = 0; i < 1200; ++i) log->record(event(EventKind::Screen, "home", i));
        log->flush();
        CHECK(log->written() == 1200);
        CHECK(log->dropped() == 0);
    }
    std::vector<UsageEvent> events = load_all(*store);
    REQUIRE(events.size() == 1200);
    CHECK(events[0].id == 1);
    CHECK(events[1199].value == 1199);
    CHECK(events[1199].at_ms > 0);
    // Session numbers go on across restarts.
    auto log = open_log(dir.path());
    CHECK(log->next_session() == 2);
}

TEST_CASE("retention removes the oldest events first, by age and by size") {
    TempDir dir;
    auto store = open_store(dir.path());
    SqliteDb db;
    REQUIRE(db.open(dir.file("state.db"), SqliteDb::Mode::ReadWrite, nullptr));
    const int64_t now = 1800000000000LL;
    const int64_t day = 86400 * 1000LL;
    std::vector<UsageEvent> events;
    events.reserve(100);
    for (int i = 0; i < 100; ++i) events.push_back(event(EventKind::Screen, "home", i, now - (100 - i) * day));
    std::string error;
    REQUIRE(insert_events(db, &events, &error));
    CHECK(apply_retention(db, EventRetention{30, 50}, now, &error) == 70);
    std::vector<UsageEvent> left = load_all(*store);
    REQUIRE(left.size() == 30);
    CHECK(left.front().value == 70);  // the oldest went, the newest stayed

    // 1 MB limit: fill well past it; the oldest go until the file's used pages fit.
    std::vector<UsageEvent> bulk;
    bulk.reserve(20000);
    for (int i = 0; i < 20000; ++i)
        bulk.push_back(event(EventKind::Search, std::string(100, 'q') + std::to_string(i), i, now));
    REQUIRE(insert_events(db, &bulk, &error));
    const int64_t removed = apply_retention(db, EventRetention{3650, 1}, now, &error);
    CHECK(removed > 0);
    left = load_all(*store);
    CHECK(left.back().subject == std::string(100, 'q') + "19999");
    CHECK(left.front().id > 30);
    SqliteStatement used(db, "SELECT (page_count - freelist_count) * page_size FROM pragma_page_count(), "
                             "pragma_freelist_count(), pragma_page_size()");
    REQUIRE(used.step());
    CHECK(used.integer(0) <= 1024 * 1024);
}

TEST_CASE("a kiosk id is generated once, kept, and settable only to a safe name") {
    TempDir dir;
    auto store = open_store(dir.path());
    std::string id, again, error;
    REQUIRE(ensure_kiosk_id(*store, &id, &error));
    CHECK(valid_kiosk_id(id));
    REQUIRE(ensure_kiosk_id(*store, &again, &error));
    CHECK(again == id);
    KioskSettings settings;
    CHECK(apply_setting(&settings, "kiosk_id", "hall-b-1", &error));
    CHECK_FALSE(apply_setting(&settings, "kiosk_id", "../etc", &error));
    CHECK(error.find("kiosk_id") != std::string::npos);
    CHECK(apply_setting(&settings, "kiosk_name", "Hall B, entrance", &error));
    CHECK(settings.kiosk_name == "Hall B, entrance");
    CHECK_FALSE(apply_setting(&settings, "stats_retention_days", "0", &error));
    CHECK(apply_setting(&settings, "stats_log_queries", "off", &error));
    CHECK_FALSE(settings.stats_log_queries);
}

TEST_CASE("the summary counts visitors per hour and day, the median visit, top lists and quiz results") {
    setenv("TZ", "UTC", 1);
    tzset();
    int64_t day = 0;
    REQUIRE(parse_local_date("2026-11-20", &day));
    std::vector<UsageEvent> events = sample_day(day, 10);
    UsageEvent staff = event(EventKind::Session, "staff", 5000, day + 3600 * 1000LL);
    events.push_back(staff);
    StatsSummary s = summarize_events(events, day - 86400 * 1000LL, day + 86400 * 1000LL);
    CHECK(s.visitors == 10);  // the organizer's session is not a visitor
    CHECK(s.per_day.size() == 2);
    CHECK(s.per_day[1].second == 10);
    int64_t hours = 0;
    for (int64_t h : s.per_hour) hours += h;
    CHECK(hours == 10);
    CHECK(s.per_hour[10] == 2);     // sessions 1 and 9 came at 10:00
    CHECK(s.median_visit_s == 66);  // 61..70 s: the median of ten is 65.5 s, rounded
    REQUIRE(s.top_documents.size() == 1);
    CHECK(s.top_documents[0].count == 10);
    REQUIRE(s.zero_searches.size() == 1);
    CHECK(s.zero_searches[0].key == "\"quoted, query\"");
    CHECK(s.zero_searches[0].count == 5);
    CHECK(s.languages[static_cast<int>(Lang::En)] == 7);
    CHECK(s.languages[static_cast<int>(Lang::Zh)] == 3);
    REQUIRE(s.quizzes.size() == 1);
    CHECK(s.quizzes[0].attempts == 10);
    CHECK(s.quizzes[0].questions == 40);
}

TEST_CASE("a report folder has documented CSV columns, report.html whose charts parse as SVG, and reads back") {
    TempDir dir;
    std::vector<UsageEvent> events = sample_day(1790000000000LL, 12);
    ReportInfo info;
    info.kiosk_id = "hall-b";
    info.kiosk_name = "Hall B, entrance";
    info.kiosk_names[info.kiosk_id] = info.kiosk_name;
    info.from_ms = 1789000000000LL;
    info.to_ms = 1791000000000LL;
    info.lang = Lang::Zh;
    std::vector<float> progress;
    ExportResult result = write_report(events, info, translations(), dir.file("out/hall-b-2026-11-29"),
                                       [&](float p) { progress.push_back(p); });
    REQUIRE_MESSAGE(result.ok, result.error);
    CHECK(result.files == kEventKindCount + 2);
    CHECK(progress.back() == 1.0f);
    CHECK_FALSE(fs::exists(dir.file("out/hall-b-2026-11-29.incomplete")));
    const std::string out = dir.file("out/hall-b-2026-11-29");
    CHECK(csv_first_line(out + "/session.csv") == "kiosk_id,event_id,time_utc,session,ended,languages,duration_ms");
    CHECK(csv_first_line(out + "/search.csv") == "kiosk_id,event_id,time_utc,session,query,language,results");
    CHECK(csv_first_line(out + "/document.csv") ==
          "kiosk_id,event_id,time_utc,session,document,language,percent_read,dwell_ms");
    CHECK(csv_first_line(out + "/quiz.csv") == "kiosk_id,event_id,time_utc,session,lesson,correct,questions");
    CHECK(read_text(out + "/search.csv").find("\"\"\"quoted, query\"\"\"") != std::string::npos);
    const std::string html = read_text(out + "/report.html");
    CHECK(html.find("<html lang=\"zh\">") != std::string::npos);
    CHECK(html.find("每小时访客") != std::string::npos);
    CHECK(html.find("Hall B, entrance") != std::string::npos);
    check_html_and_svg(dir, out + "/report.html");

    std::vector<UsageEvent> back;
    ReportInfo back_info;
    std::string error;
    REQUIRE_MESSAGE(read_report(out, &back, &back_info, &error), error);
    CHECK(back.size() == events.size());
    CHECK(back_info.kiosk_name == "Hall B, entrance");
    // Writing again replaces the older report of the same name.
    ExportResult again = write_report(events, info, translations(), out);
    CHECK_MESSAGE(again.ok, again.error);
    // A folder that is not a report is never overwritten.
    REQUIRE(fs::make_dirs(dir.file("photos")));
    write_text(dir.file("photos/cat.jpg"), "x");
    ExportResult refused = write_report(events, info, translations(), dir.file("photos"));
    CHECK_FALSE(refused.ok);
    CHECK(refused.error.find("is not a kiosk statistics report") != std::string::npos);
    CHECK(read_text(dir.file("photos/cat.jpg")) == "x");
}

TEST_CASE("merging counts each kiosk's events once, even when a report is given twice") {
    TempDir dir;
    Translations tr = translations();
    auto write = [&](const std::string& id, int sessions) {
        ReportInfo info;
        info.kiosk_id = id;
        info.kiosk_names[id] = "";
        info.to_ms = 1792000000000LL;
        ExportResult result = write_report(sample_day(1790000000000LL, sessions), info, tr, dir.file(id));
        REQUIRE_MESSAGE(result.ok, result.error);
    };
    write("k-a", 5);
    write("k-b", 7);
    std::vector<std::vector<UsageEvent>> reports;
    for (const char* name : {"k-a", "k-b", "k-a"}) {
        std::vector<UsageEvent> events;
        ReportInfo info;
        std::string error;
        REQUIRE_MESSAGE(read_report(dir.file(name), &events, &info, &error), error);
        reports.push_back(events);
    }
    std::vector<UsageEvent> merged = merge_events(reports);
    StatsSummary s = summarize_events(merged, 0, 1792000000000LL);
    CHECK(s.visitors == 12);
    REQUIRE(s.kiosks.size() == 2);
    CHECK(s.kiosks[0].count == 5);
    CHECK(s.kiosks[1].count == 7);
}

TEST_CASE("a damaged, cut-off or foreign report is refused with the file and the problem") {
    TempDir dir;
    ReportInfo info;
    info.kiosk_id = "k-a";
    info.kiosk_names["k-a"] = "";
    info.to_ms = 1792000000000LL;
    REQUIRE(write_report(sample_day(1790000000000LL, 3), info, translations(), dir.file("r")).ok);
    std::vector<UsageEvent> events;
    ReportInfo read_info;
    std::string error;
    SUBCASE("a changed CSV") {
        write_text(dir.file("r/search.csv"), read_text(dir.file("r/search.csv")) + "k-a,99,x,1,q,en,1\r\n");
        CHECK_FALSE(read_report(dir.file("r"), &events, &read_info, &error));
        CHECK(error == dir.file("r/search.csv") +
                           ": changed or damaged since it was written (checksum differs from export.txt)");
    }
    SUBCASE("a row count in export.txt that is not a whole number") {
        std::string manifest = read_text(dir.file("r/export.txt"));
        const size_t at = manifest.find("file search.csv ");
        REQUIRE(at != std::string::npos);
        const size_t count = at + std::string("file search.csv ").size();
        manifest.replace(count, manifest.find(' ', count) - count, "3x");
        write_text(dir.file("r/export.txt"), manifest);
        CHECK_FALSE(read_report(dir.file("r"), &events, &read_info, &error));
        CHECK(error.find("field 'file': expected NAME ROWS CHECKSUM") != std::string::npos);
    }
    SUBCASE("no export.txt: not a report, or cut off") {
        std::remove(dir.file("r/export.txt").c_str());
        CHECK_FALSE(read_report(dir.file("r"), &events, &read_info, &error));
        CHECK(error.find(dir.file("r/export.txt") + ": missing") == 0);
    }
    SUBCASE("some other program's folder") {
        REQUIRE(fs::make_dirs(dir.file("other")));
        write_text(dir.file("other/export.txt"), "format something-else 3\n");
        CHECK_FALSE(read_report(dir.file("other"), &events, &read_info, &error));
        CHECK(error == dir.file("other/export.txt") +
                           ": line 1: not a kiosk statistics report (expected 'format sco-kiosk-stats 1')");
    }
    CHECK(events.empty());
}

TEST_CASE("an event writer killed in the middle of its batches leaves a readable database of whole events") {
    TempDir dir;
    open_store(dir.path()).reset();
    kill_child_midway(3, [&](int ready) {
        std::string error;
        auto log = EventLog::open(dir.file("state.db"), EventRetention{}, true, &error);
        if (!log) _exit(3);
        for (int64_t i = 0;; ++i) {
            UsageEvent e;
            e.kind = EventKind::Search;
            e.subject = "query " + std::to_string(i);
            e.value = i;
            log->record(e);
            if (i % 2000 == 1999) {
                log->flush();
                if (write(ready, "x", 1) != 1) _exit(5);
            }
        }
    });
    auto store = open_store(dir.path());  // runs quick_check
    std::vector<UsageEvent> events = load_all(*store);
    CHECK(events.size() >= 6000);
    for (size_t i = 0; i < events.size(); ++i) {
        REQUIRE(events[i].subject == "query " + std::to_string(i));
        REQUIRE(events[i].value == static_cast<int64_t>(i));
    }
}

TEST_CASE("an export killed half-way leaves no report under the final name") {
    TempDir dir;
    std::vector<UsageEvent> events;
    for (int round = 0; round < 40; ++round) {
        std::vector<UsageEvent> day = sample_day(1790000000000LL + round * 86400000LL, 500);
        for (UsageEvent& e : day) e.id += int64_t{round} * 10000;
        events.insert(events.end(), day.begin(), day.end());
    }
    Translations tr = translations();
    ReportInfo info;
    info.kiosk_id = "k-a";
    info.kiosk_names["k-a"] = "";
    info.to_ms = 1800000000000LL;
    kill_child_midway(1, [&](int ready) {
        bool told = false;
        write_report(events, info, tr, dir.file("report"), [&](float p) {
            if (p > 0.05f && !told) told = write(ready, "x", 1) == 1;
            if (told) pause();  // killed here, half-way
        });
    });
    CHECK_FALSE(fs::exists(dir.file("report")));
    CHECK(fs::exists(dir.file("report.incomplete")));
    std::vector<UsageEvent> back;
    ReportInfo back_info;
    std::string error;
    CHECK_FALSE(read_report(dir.file("report.incomplete"), &back, &back_info, &error));
    CHECK(error.find("cut off while being written") != std::string::npos);
    // Killed after export.txt but before the rename: the files are whole, the name says
    // the writer never finished, and that is what counts.
    REQUIRE(write_report(events, info, tr, dir.file("whole")).ok);
    REQUIRE(::rename(dir.file("whole").c_str(), dir.file("whole.incomplete").c_str()) == 0);
    error.clear();
    CHECK_FALSE(read_report(dir.file("whole.incomplete") + "/", &back, &back_info, &error));
    CHECK(error.find("cut off while being written") != std::string::npos);
    // The next export starts afresh and completes.
    ExportResult result = write_report(events, info, tr, dir.file("report"));
    CHECK_MESSAGE(result.ok, result.error);
    CHECK_FALSE(fs::exists(dir.file("report.incomplete")));
}

TEST_CASE("a stick pulled out while the report is written leaves an incomplete report and says so") {
    TempDir dir;
    REQUIRE(fs::make_dirs(dir.file("stick/sco-kiosk/reports")));
    ReportInfo info;
    info.kiosk_id = "k-a";
    info.kiosk_names["k-a"] = "";
    info.to_ms = 1792000000000LL;
    bool pulled = false;
    // The stick goes away between two files: its folder is gone, as after a surprise removal.
    ExportResult result =
        write_report(sample_day(1790000000000LL, 50), info, translations(),
                     dir.file("stick/sco-kiosk/reports/k-a-2026-11-29"), [&](float p) {
                         if (p > 0 && !pulled) {
                             pulled = true;
                             REQUIRE(run_command({"/bin/rm", "-rf", dir.file("stick/sco-kiosk")}).exit_code == 0);
                         }
                     });
    CHECK_FALSE(result.ok);
    CHECK(classify_report_error(result.sys_errno) == ReportProblem::Pulled);
    CHECK(result.error.find(dir.file("stick/sco-kiosk/reports/k-a-2026-11-29.incomplete/")) == 0);
    CHECK_FALSE(fs::exists(dir.file("stick/sco-kiosk/reports/k-a-2026-11-29")));
    CHECK(classify_report_error(ENOSPC) == ReportProblem::Full);
    CHECK(classify_report_error(EROFS) == ReportProblem::ReadOnly);
    CHECK(classify_report_error(EIO) == ReportProblem::Pulled);
}

TEST_CASE("report dates and timestamps are read strictly, field by field") {
    int64_t ms = 0;
    CHECK(parse_local_date("2026-05-01", &ms));
    for (const char* bad : {"2026- 5-01", "+026-05-01", "2026-05-1x", "2026/05/01", "2026-13-01", "2026-05--1"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_local_date(bad, &ms));
    }
    REQUIRE(parse_utc_timestamp("2026-05-01T09:30:00.250Z", &ms));
    CHECK(format_utc_millis(ms) == "2026-05-01T09:30:00.250Z");
    for (const char* bad : {"2026-05-01T09:30:00.-25Z", "2026-05-01T09:3 :00.250Z", "2026-05-01T24:00:00.000Z",
                            "2026-05-01 09:30:00.250Z", "2026-05-01T09:30:00.250+"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_utc_timestamp(bad, &ms));
    }
}
