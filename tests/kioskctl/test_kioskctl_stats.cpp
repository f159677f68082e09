// kioskctl stats export / merge: a kiosk's usage statistics as a report folder, and several
// kiosks' reports as one, each event counted once.
#include "core/event_log.h"
#include "core/file_io.h"
#include "core/state_store.h"
#include "core/stats_summary.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::core;
using namespace kiosk::test;

namespace {

CommandResult kioskctl(std::vector<std::string> args) {
    args.insert(args.begin(), KIOSKCTL_BIN);
    return run_command(args);
}

// A kiosk data dir with `visitors` sessions on 2026-11-20 and one on 2026-11-25, and its id set.
void make_kiosk(const std::string& data_dir, const std::string& id, int visitors) {
    std::string error;
    auto store = StateStore::open(data_dir, StateStore::OpenMode::CreateIfMissing, &error);
    REQUIRE_MESSAGE(store, error);
    REQUIRE(store->set_setting("kiosk_id", id, &error));
    REQUIRE(store->set_setting("kiosk_name", "Hall " + id, &error));
    SqliteDb db;
    REQUIRE(db.open(fs::join(data_dir, kStateFileName), SqliteDb::Mode::ReadWrite, &error));
    int64_t day = 0, later = 0;
    REQUIRE(parse_local_date("2026-11-20", &day));
    REQUIRE(parse_local_date("2026-11-25", &later));
    std::vector<UsageEvent> events;
    for (int i = 0; i < visitors; ++i) {
        UsageEvent session;
        session.kind = EventKind::Session;
        session.subject = "idle_reset";
        session.detail = "ru";
        session.value = 30000;
        session.session = i + 1;
        session.at_ms = day + (10 * 3600 + i * 60) * 1000LL;
        events.push_back(session);
        UsageEvent search = session;
        search.kind = EventKind::Search;
        search.subject = "ШОС";
        search.value = 0;
        events.push_back(search);
    }
    UsageEvent doc = events[0];
    doc.kind = EventKind::Document;
    doc.subject = open_factory_content()->documents().front().info.id;
    doc.detail = "ru";
    events.push_back(doc);
    UsageEvent late = events[0];
    late.at_ms = later + 12LL * 3600 * 1000;
    events.push_back(late);
    REQUIRE(insert_events(db, &events, &error));
}

}  // namespace

TEST_CASE("stats export writes the report of a period, and merge adds kiosks up without double counting") {
    TempDir dir;
    make_kiosk(dir.file("a"), "k-a", 3);
    make_kiosk(dir.file("b"), "k-b", 4);
    CommandResult a = kioskctl({"stats", "export", "--data-dir", dir.file("a"), "--out", dir.file("out/a"), "--from",
                                "2026-11-19", "--to", "2026-11-21", "--lang", "ru"});
    REQUIRE_MESSAGE(a.exit_code == 0, a.err);
    CHECK(a.out.find("exported: 7 events") == 0);  // the 2026-11-25 session is outside the period
    CHECK(read_text(dir.file("out/a/report.html")).find("Посетители по дням") != std::string::npos);
    CHECK(read_text(dir.file("out/a/session.csv")).find("k-a,1,") != std::string::npos);
    CommandResult b = kioskctl(
        {"stats", "export", "--data-dir", dir.file("b"), "--out", dir.file("out/b"), "--content", KIOSK_CONTENT_DB});
    REQUIRE_MESSAGE(b.exit_code == 0, b.err);
    CHECK(b.out.find("exported: 10 events") == 0);
    // --content: documents by their titles (in the kiosk's default language, Russian).
    const auto content = open_factory_content();
    const kiosk::core::Document& first = content->documents().front();
    const std::string title_start = first.info.title[Lang::Ru].substr(0, first.info.title[Lang::Ru].find(' ', 20));
    CHECK(read_text(dir.file("out/b/report.html")).find(title_start) != std::string::npos);
    CHECK(read_text(dir.file("out/a/report.html")).find(title_start) == std::string::npos);

    CommandResult merged =
        kioskctl({"stats", "merge", dir.file("out/a"), dir.file("out/b"), dir.file("out/a"), "--out", dir.file("merged")});
    REQUIRE_MESSAGE(merged.exit_code == 0, merged.err);
    CHECK(merged.out.find("merged 3 of 3 reports from 2 kiosks") == 0);
    CHECK(merged.out.find("17 events") != std::string::npos);  // 7 + 10: the repeated report added nothing
    const std::string html = read_text(dir.file("merged/report.html"));
    CHECK(html.find("Hall k-a (k-a)") != std::string::npos);
    CHECK(html.find("Hall k-b (k-b)") != std::string::npos);
    // The merged report merges again like any other.
    CommandResult again = kioskctl({"stats", "merge", dir.file("merged"), dir.file("out/b"), "--out", dir.file("merged2")});
    REQUIRE_MESSAGE(again.exit_code == 0, again.err);
    CHECK(again.out.find("17 events") != std::string::npos);
}

TEST_CASE("stats merge names a damaged or foreign report and merges nothing from it") {
    TempDir dir;
    make_kiosk(dir.file("a"), "k-a", 2);
    REQUIRE(kioskctl({"stats", "export", "--data-dir", dir.file("a"), "--out", dir.file("a-report")}).exit_code == 0);
    REQUIRE(kiosk::core::fs::make_dirs(dir.file("holiday-photos")));
    write_text(dir.file("holiday-photos/beach.jpg"), "jpeg");
    const std::string csv = dir.file("a-report/search.csv");
    write_text(csv, read_text(csv) + "garbage\r\n");
    CommandResult result =
        kioskctl({"stats", "merge", dir.file("a-report"), dir.file("holiday-photos"), "--out", dir.file("merged")});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find(csv + ": changed or damaged since it was written") != std::string::npos);
    CHECK(result.err.find(dir.file("holiday-photos/export.txt") + ": missing: not a kiosk statistics report") !=
          std::string::npos);
    CHECK(result.err.find("no report could be read; nothing written") != std::string::npos);
    CHECK_FALSE(kiosk::core::fs::exists(dir.file("merged")));
}

TEST_CASE("stats export refuses bad dates and a data dir without a state database") {
    TempDir dir;
    CommandResult no_db = kioskctl({"stats", "export", "--data-dir", dir.file("none"), "--out", dir.file("o")});
    CHECK(no_db.exit_code == 1);
    CHECK(no_db.err.find("no state database") != std::string::npos);
    make_kiosk(dir.file("a"), "k-a", 1);
    CommandResult bad =
        kioskctl({"stats", "export", "--data-dir", dir.file("a"), "--out", dir.file("o"), "--from", "2026-02-30"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--from: '2026-02-30' is not a date like 2026-05-01") != std::string::npos);
    CHECK_FALSE(kiosk::core::fs::exists(dir.file("o")));
}
