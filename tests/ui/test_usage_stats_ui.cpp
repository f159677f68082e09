// Usage statistics in the running kiosk: a scripted visitor's session recorded and found in
// the export, the organizer's dashboard behind the PIN with its charts on screen, and the
// report to a USB stick, including a full and a read-only stick.
#include "core/content_store.h"
#include "core/event_log.h"
#include "core/file_io.h"
#include "core/state_store.h"
#include "core/stats_summary.h"
#include "core/translations.h"
#include "kiosk_runner.h"

#include <doctest/doctest.h>
#include <signal.h>
#include <stb_image.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

using namespace kiosk::test;
using kiosk::core::Lang;

namespace {

const std::string kCornerTaps = "tap 1910 10\ntap 1910 10\ntap 1910 10\ntap 1910 10\ntap 1910 10\nwait 100\n";
const std::string kOpenDashboard = kCornerTaps + enter_pin(kOrganizerTestPin) + "tap-id admin.stats\nwait 200\n";

CommandResult kioskctl(std::vector<std::string> args) {
    args.insert(args.begin(), KIOSKCTL_BIN);
    return run_command(args);
}

// The factory content, and the label of translation `key` in Russian for `tap-label`.
struct Fixture {
    std::unique_ptr<kiosk::core::ContentStore> content = open_factory_content();
    kiosk::core::Translations translations;
    std::string tap(const std::string& key) {
        if (translations.all_keys().empty()) {
            kiosk::core::Diagnostics diagnostics;
            REQUIRE(translations.load(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n", &diagnostics));
        }
        return "tap-label " + translations.get(Lang::Ru, key) + "\n";
    }
};

// Rows of `file` in the report folder `dir` (header left out) that contain every one of `parts`.
size_t rows_with(const std::string& dir, const std::string& file, const std::vector<std::string>& parts) {
    const std::string text = read_text(dir + "/" + file);
    size_t count = 0, start = text.find("\r\n") + 2;
    while (start < text.size()) {
        size_t end = text.find("\r\n", start);
        const std::string line = text.substr(start, end - start);
        bool all = true;
        for (const std::string& part : parts) all = all && line.find(part) != std::string::npos;
        count += all;
        start = end + 2;
    }
    return count;
}

// Stores `n` visitor sessions from today (and a search each) in `dir`/data, as the kiosk would.
void store_visits(const TempDir& dir, int n) {
    std::string error;
    auto store = kiosk::core::StateStore::open(dir.file("data"), kiosk::core::StateStore::OpenMode::CreateIfMissing, &error);
    REQUIRE_MESSAGE(store, error);
    kiosk::core::SqliteDb db;
    REQUIRE(db.open(dir.file("data/state.db"), kiosk::core::SqliteDb::Mode::ReadWrite, &error));
    const int64_t today = kiosk::core::local_day_start(kiosk::core::unix_now_ms());
    std::vector<kiosk::core::UsageEvent> events;
    for (int i = 0; i < n; ++i) {
        kiosk::core::UsageEvent session;
        session.kind = kiosk::core::EventKind::Session;
        session.subject = "idle_reset";
        session.detail = i % 3 ? "ru" : "zh";
        session.value = 90000 + i * 1000;
        session.session = i + 1;
        session.at_ms = today + ((9 + i % 8) * 3600 + i) * 1000LL;
        events.push_back(session);
        kiosk::core::UsageEvent search = session;
        search.kind = kiosk::core::EventKind::Search;
        search.subject = i % 2 ? "кибербезопасность" : "blockchain";
        search.value = i % 2 ? 4 : 0;
        events.push_back(search);
    }
    REQUIRE(kiosk::core::insert_events(db, &events, &error));
}

// Pixels of exactly `rgb` inside [x0, x1) x [y0, y1) of the PNG at `path`.
int count_pixels(const std::string& path, int x0, int y0, int x1, int y1, unsigned rgb) {
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &channels, 3);
    REQUIRE(pixels);
    int count = 0;
    for (int y = y0; y < y1 && y < h; ++y)
        for (int x = x0; x < x1 && x < w; ++x) {
            const unsigned char* p = pixels + static_cast<size_t>(y * w + x) * 3;
            count += (static_cast<unsigned>(p[0]) << 16 | p[1] << 8 | p[2]) == rgb;
        }
    stbi_image_free(pixels);
    return count;
}

}  // namespace

TEST_CASE("a visitor's session is recorded: a document, a search with no result, a quiz, a language switch") {
    Fixture f;
    TempDir dir;
    set_setting(dir, "attract", "off");
    const kiosk::core::Lesson* lesson = nullptr;
    for (const kiosk::core::Lesson& l : f.content->lessons())
        if (!l.questions.empty()) lesson = &l;
    REQUIRE(lesson);
    const kiosk::core::Document& doc = f.content->documents().front();
    std::string script = "tap-label " + doc.info.card_title(Lang::Ru) +
                         "\nwait 3000\ndrag 900 900 900 300 300\nwait 1000\n" + f.tap("action.back") +
                         "tap-id top.search\ntap-label Ж\ntap-label Ж\ntap-label Ж\nwait 500\n" + f.tap("action.back") +
                         f.tap("home.lessons_title") + "tap-label " + lesson->title[Lang::Ru] + "\n";
    for (size_t i = 0; i + 1 < lesson->slides.size(); ++i) script += f.tap("lesson.next");
    script += f.tap("lesson.take_quiz");
    for (size_t q = 0; q < lesson->questions.size(); ++q) {
        const kiosk::core::Question& question = lesson->questions[q];
        script += "tap-label " + question.options[question.correct_option][Lang::Ru] + "\n";
        script += f.tap(q + 1 == lesson->questions.size() ? "quiz.finish" : "quiz.next");
    }
    script += "wait 500\ntap-id top.language.en\nwait 500\nwait 120000\n";  // then the idle reset ends the session
    KioskRun run = run_kiosk_script(dir, script);
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["stats"]["events_written"].number >= 8);
    CHECK(run.state["screen"].string == "home");

    CommandResult exported = kioskctl({"stats", "export", "--data-dir", dir.file("data"), "--out", dir.file("report")});
    REQUIRE_MESSAGE(exported.exit_code == 0, exported.err);
    const std::string report = dir.file("report");
    CHECK(rows_with(report, "document.csv", {"," + doc.info.id + ",ru,"}) == 1);
    CHECK_MESSAGE(rows_with(report, "search.csv", {",жжж,ru,0"}) == 1, read_text(report + "/search.csv"));
    const std::string n = std::to_string(lesson->questions.size());
    CHECK(rows_with(report, "quiz.csv", {"," + lesson->id + "," + n + "," + n}) == 1);
    CHECK(rows_with(report, "lesson.csv", {"," + lesson->id + ",started"}) == 1);
    CHECK(rows_with(report, "lesson.csv", {"," + lesson->id + ",finished"}) == 1);
    CHECK(rows_with(report, "language.csv", {",en,ru"}) == 1);
    CHECK(rows_with(report, "session.csv", {",idle_reset,\"ru,en\","}) == 1);
    CHECK(rows_with(report, "screen.csv", {",reader,"}) == 1);
    // Nothing about where the visitor touched.
    for (const char* file : {"screen.csv", "session.csv", "document.csv"})
        CHECK(read_text(report + "/" + file).find("1910") == std::string::npos);
}

TEST_CASE("with query logging off, searches are counted without what was typed") {
    Fixture f;
    TempDir dir;
    set_setting(dir, "attract", "off");
    set_setting(dir, "stats_log_queries", "off");
    KioskRun run = run_kiosk_script(
        dir, "tap-id top.search\ntap-label Ж\ntap-label Ж\nwait 300\n" + f.tap("action.back") + "wait 200\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    REQUIRE(kioskctl({"stats", "export", "--data-dir", dir.file("data"), "--out", dir.file("report")}).exit_code == 0);
    CHECK(rows_with(dir.file("report"), "search.csv", {",,ru,0"}) == 1);
    CHECK(read_text(dir.file("report/search.csv")).find("ЖЖ") == std::string::npos);
}

TEST_CASE("the dashboard opens with the organizer PIN and draws its charts") {
    TempDir dir;
    set_setting(dir, "attract", "off");
    set_setting(dir, "kiosk_name", "Hall B, entrance");
    set_pin(dir, kOrganizerTestPin);
    store_visits(dir, 40);
    for (const char* lang : {"RU", "中文", "EN"}) {  // the panel follows the language switch
        KioskRun run = run_kiosk_script(dir, kOpenDashboard + "tap-label " + lang + "\nwait 100\nshot @DIR@/stats.png\n");
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["screen"].string == "stats");
        CHECK(run.state["stats"]["loaded"].boolean);
        CHECK(run.state["stats"]["period"].string == "today");
        CHECK(run.state["stats"]["visitors"].number == 40);
        CHECK(run.state["stats"]["searches"].number == 40);
        check_target_sizes(run.state);
        // The bars of the per-hour chart, in the kiosk's blue, inside the left chart card.
        CHECK(count_pixels(dir.file("stats.png"), 60, 420, 940, 640, 0x0F4C81) > 5000);
        // And the line of the per-day chart on the right.
        CHECK(count_pixels(dir.file("stats.png"), 1000, 420, 1880, 640, 0x0F4C81) > 50);
    }
    KioskRun week = run_kiosk_script(dir, kOpenDashboard + "tap-id stats.period.week\nwait 200\n");
    CHECK(week.state["stats"]["period"].string == "week");
    CHECK(week.state["stats"]["visitors"].number == 40);
}

TEST_CASE("one tap writes the report to the stick, and says where") {
    TempDir dir;
    set_setting(dir, "attract", "off");
    set_pin(dir, kOrganizerTestPin);
    store_visits(dir, 10);
    SUBCASE("a stick is there") {
        REQUIRE(kiosk::core::fs::make_dirs(dir.file("stick/sco-kiosk")));
        set_setting(dir, "usb_mounts", dir.file("stick"));
        KioskRun run = run_kiosk_script(dir, kOpenDashboard + "tap-id stats.report\nwait 500\nshot @DIR@/done.png\n");
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["stats"]["report"].string == "done");
        const std::string path = run.state["stats"]["report_path"].string;
        CHECK(path.find(dir.file("stick/sco-kiosk/reports/") + run.state["stats"]["kiosk_id"].string + "-") == 0);
        CHECK(kiosk::core::fs::exists(path + "/export.txt"));
        CHECK(rows_with(path, "session.csv", {",idle_reset,"}) == 10);
        CHECK(run.result.err.find("statistics report written") != std::string::npos);
    }
    SUBCASE("no stick") {
        set_setting(dir, "usb_mounts", dir.file("nothing-here/*"));
        KioskRun run = run_kiosk_script(dir, kOpenDashboard + "tap-id stats.report\nwait 500\n");
        CHECK(run.state["stats"]["report"].string == "failed");
        CHECK(run.state["stats"]["report_message"].string == "stats.report.no_stick");
    }
}

TEST_CASE("a full or write-protected stick gets a clear message, and nothing is lost on the kiosk") {
    TempDir dir;
    std::vector<std::string> probe = {"/usr/bin/unshare", "-rm", "/bin/sh", "-c", "mount -t tmpfs tmpfs \"$0\"",
                                      dir.path()};
    if (run_command(probe).exit_code != 0) {
        MESSAGE("skipped: this machine allows no user or mount namespaces (unshare -rm) to mount a stick");
        return;
    }
    set_setting(dir, "attract", "off");
    set_pin(dir, kOrganizerTestPin);
    store_visits(dir, 3000);
    REQUIRE(kiosk::core::fs::make_dirs(dir.file("stick/sco-kiosk")));
    set_setting(dir, "usb_mounts", dir.file("stick"));
    const std::string script = kOpenDashboard + "tap-id stats.report\nwait 500\nshot @DIR@/band.png\n";
    SUBCASE("full: a 64 KiB stick") {
        KioskRun run = run_kiosk_script_under({"/usr/bin/unshare", "-rm", "/bin/sh", "-c",
                                               "mount -t tmpfs -o size=64k tmpfs \"$0\" && exec \"$@\"", dir.file("stick")},
                                              dir, script);
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["stats"]["report"].string == "failed");
        CHECK(run.state["stats"]["report_message"].string == "stats.report.full");
        CHECK(run.state["stats"]["report_path"].string.find(".incomplete") != std::string::npos);
        CHECK(run.result.err.find("No space left on device") != std::string::npos);
    }
    SUBCASE("read-only") {
        KioskRun run = run_kiosk_script_under(
            {"/usr/bin/unshare", "-rm", "/bin/sh", "-c",
             "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\"", dir.file("stick")},
            dir, script);
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["stats"]["report"].string == "failed");
        CHECK(run.state["stats"]["report_message"].string == "stats.report.read_only");
        CHECK(kiosk::core::fs::list_files(dir.file("stick/sco-kiosk"), "").empty());
    }
    // The events are all still there (the report only reads them).
    REQUIRE(kioskctl({"stats", "export", "--data-dir", dir.file("data"), "--out", dir.file("check")}).exit_code == 0);
    CHECK(rows_with(dir.file("check"), "session.csv", {",idle_reset,"}) == 3000);
}

TEST_CASE("a kiosk killed with SIGKILL while writing its report leaves a readable database and no false report") {
    TempDir dir;
    store_visits(dir, 20000);
    set_setting(dir, "kiosk_id", "k-kill");
    set_setting(dir, "fleet_dir", dir.file("fleet"));
    REQUIRE(kiosk::core::fs::make_dirs(dir.file("fleet")));
    const std::string reports = dir.file("fleet/sco-kiosk/reports");
    // The running kiosk writes its fleet report at start, in its report thread.
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        setenv("SDL_RENDER_DRIVER", "software", 1);
        if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(126);
        const std::string assets = std::string(KIOSK_SOURCE_DIR) + "/assets", data = dir.file("data");
        execl(KIOSK_BIN, KIOSK_BIN, "--windowed", "--size", "480x270", "--assets", assets.c_str(), "--data-dir",
              data.c_str(), "--content", KIOSK_CONTENT_DB, static_cast<char*>(nullptr));
        _exit(127);
    }
    // Kill it as soon as the report folder is being written (or, on a fast machine, is done).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline &&
           run_command({"/bin/sh", "-c", "ls \"$0\"/k-kill-* >/dev/null 2>&1", reports}).exit_code != 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    // Whatever is under the final name is a whole report; a cut one is named .incomplete.
    CommandResult listing = run_command({"/bin/sh", "-c", "ls -d \"$0\"/k-kill-*", reports});
    REQUIRE_MESSAGE(!listing.out.empty(), "the kiosk never started its report");
    MESSAGE("killed with " << listing.out);
    for (size_t start = 0; start < listing.out.size();) {
        const size_t end = listing.out.find('\n', start);
        const std::string folder = listing.out.substr(start, end - start);
        start = end + 1;
        CommandResult merged = kioskctl({"stats", "merge", folder, "--out", dir.file("merged-" + std::to_string(start))});
        if (folder.size() > 11 && folder.compare(folder.size() - 11, 11, ".incomplete") == 0) {
            CHECK(merged.exit_code == 1);
            CHECK(merged.err.find("cut off while being written") != std::string::npos);
        } else {
            CHECK_MESSAGE(merged.exit_code == 0, merged.err);
        }
    }
    // The state database opens and still has every visit.
    REQUIRE(kioskctl({"stats", "export", "--data-dir", dir.file("data"), "--out", dir.file("check")}).exit_code == 0);
    CHECK(rows_with(dir.file("check"), "session.csv", {",idle_reset,"}) == 20000);
}
