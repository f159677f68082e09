// kioskctl and lessons: build errors as an organizer sees them, `list` lines for lessons
// and quizzes, and `trainer-results` in text and CSV.
#include "../core/lesson_test_support.h"
#include "core/file_io.h"
#include "core/state_store.h"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::core;
using namespace kiosk::test;

namespace {

// Copies the lesson fixture sources into `dir`/db and returns that path.
std::string copy_fixture(const TempDir& dir) {
    std::string root = dir.file("db");
    REQUIRE(run_command({"/bin/cp", "-r", lesson_fixture_dir(), root}).exit_code == 0);
    return root;
}

// The fixture copied into `dir`/db with `from` replaced by `to` in its lesson, then built.
struct EditedBuild {
    std::string path;  // of the edited lesson
    std::string text;  // its edited text
    CommandResult build;
};

EditedBuild build_edited_fixture(const TempDir& dir, const std::string& from, const std::string& to) {
    std::string root = copy_fixture(dir);
    EditedBuild out;
    out.path = root + "/lessons/sample.txt";
    out.text = replaced(read_text(out.path), from, to);
    write_text(out.path, out.text);
    out.build = run_command({KIOSKCTL_BIN, "build", root, dir.file("content.db")});
    return out;
}

TrainerSession recorded_session(const std::string& data_dir) {
    TrainerSession session;
    session.lesson_id = "sample-lesson";
    session.content_version = 3;
    session.started_at = 1751360400;  // 2025-07-01T09:00:00Z
    session.ended_at = 1751360400 + 20 * 60;
    session.questions = {{0, 1, {2, 9, 1}}, {1, 2, {0, 4, 8}}};
    std::string error;
    auto store = StateStore::open(data_dir, StateStore::OpenMode::CreateIfMissing, &error);
    REQUIRE_MESSAGE(store, error);
    REQUIRE_MESSAGE(store->record_trainer_session(&session, &error), error);
    return session;
}

}  // namespace

TEST_CASE("kioskctl list prints one line per lesson and one per quiz") {
    TempDir dir;
    std::string root = copy_fixture(dir);
    CommandResult build = run_command({KIOSKCTL_BIN, "build", root, dir.file("content.db")});
    REQUIRE_MESSAGE(build.exit_code == 0, build.err);
    CommandResult list = run_command({KIOSKCTL_BIN, "list", dir.file("content.db")});
    REQUIRE(list.exit_code == 0);
    CHECK(list.out.find("mini-statement\tdocument/statement\tru,zh,en\t3 paragraphs\n") != std::string::npos);
    CHECK(list.out.find("sample-lesson\tlesson\tru,zh,en\t5 slides\n") != std::string::npos);
    CHECK(list.out.find("sample-lesson\tquiz\tru,zh,en\t4 questions\n") != std::string::npos);
}

TEST_CASE("kioskctl build names the lesson file and line of a broken quiz and writes nothing") {
    TempDir dir;
    EditedBuild edited = build_edited_fixture(dir, "correct: c", "correct: a, c");
    CHECK(edited.build.exit_code == 1);
    std::string expected = edited.path + ":" + std::to_string(line_of(edited.text, "correct: a, c")) +
                           ": correct: exactly one option must be correct; found 2";
    CHECK_MESSAGE(edited.build.err.find(expected) != std::string::npos, edited.build.err);
    CHECK(edited.build.err.find("nothing was written") != std::string::npos);
}

TEST_CASE("kioskctl build names the file, line and field of a Chinese lesson text that says 你") {
    TempDir dir;
    EditedBuild edited = build_edited_fixture(dir, "text.zh: 问题 2?", "text.zh: 你知道吗?");
    CHECK(edited.build.exit_code == 1);
    std::string expected = edited.path + ":" + std::to_string(line_of(edited.text, "text.zh: 你知道吗?")) +
                           ": text.zh: addresses the visitor as 你";
    CHECK_MESSAGE(edited.build.err.find(expected) != std::string::npos, edited.build.err);
    CHECK_FALSE(fs::exists(dir.file("content.db")));
}

TEST_CASE("kioskctl build shows a local slide from the sources' local/ folder, and names a missing one") {
    TempDir dir;
    EditedBuild missing = build_edited_fixture(dir, "[question]", "[slide]\ninclude: helpline\n\n[question]");
    CHECK(missing.build.exit_code == 1);
    CHECK_MESSAGE(missing.build.err.find(missing.path + ":" + std::to_string(line_of(missing.text, "include: helpline")) +
                                         ": include: no local slide 'helpline'") != std::string::npos,
                  missing.build.err);
    const std::string root = dir.file("db");

    REQUIRE(fs::make_dirs(root + "/local"));
    write_text(root + "/local/helpline.txt",
               "illustration: scam-call\ntitle.ru: Т\ntitle.en: Helpline\ntitle.zh: 热线\n"
               "text.ru: Т.\ntext.en: Call 0000.\ntext.zh: 请拨打 0000。\n");
    CommandResult built = run_command({KIOSKCTL_BIN, "build", root, dir.file("content.db")});
    REQUIRE_MESSAGE(built.exit_code == 0, built.err);
    CommandResult list = run_command({KIOSKCTL_BIN, "list", dir.file("content.db")});
    CHECK(list.out.find("sample-lesson\tlesson\tru,zh,en\t6 slides\n") != std::string::npos);
}

TEST_CASE("kioskctl trainer-results prints a recorded session as text") {
    TempDir dir;
    recorded_session(dir.path());
    CommandResult result = run_command({KIOSKCTL_BIN, "trainer-results", "--data-dir", dir.path()});
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    CHECK(result.out ==
          "session 1\tsample-lesson\t2025-07-01T09:00:00Z\t20 min\t2 questions\t17 of 24 answers correct\n"
          "  Q1: A 2, B 9 (correct), C 1\n"
          "  Q2: A 0, B 4, C 8 (correct)\n");
}

TEST_CASE("kioskctl trainer-results --csv prints one row per option with a header") {
    TempDir dir;
    recorded_session(dir.path());
    CommandResult result = run_command({KIOSKCTL_BIN, "trainer-results", "--data-dir", dir.path(), "--csv"});
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    CHECK(result.out == "session,lesson,content_version,started_at,ended_at,question,option,participants,correct\n"
                        "1,sample-lesson,3,2025-07-01T09:00:00Z,2025-07-01T09:20:00Z,1,A,2,0\n"
                        "1,sample-lesson,3,2025-07-01T09:00:00Z,2025-07-01T09:20:00Z,1,B,9,1\n"
                        "1,sample-lesson,3,2025-07-01T09:00:00Z,2025-07-01T09:20:00Z,1,C,1,0\n"
                        "1,sample-lesson,3,2025-07-01T09:00:00Z,2025-07-01T09:20:00Z,2,A,0,0\n"
                        "1,sample-lesson,3,2025-07-01T09:00:00Z,2025-07-01T09:20:00Z,2,B,4,0\n"
                        "1,sample-lesson,3,2025-07-01T09:00:00Z,2025-07-01T09:20:00Z,2,C,8,1\n");
}

TEST_CASE("kioskctl trainer-results with no state database prints nothing and succeeds without creating one") {
    TempDir dir;
    CommandResult text = run_command({KIOSKCTL_BIN, "trainer-results", "--data-dir", dir.file("data")});
    CHECK(text.exit_code == 0);
    CHECK(text.out.empty());
    CHECK(text.err.find("no trainer sessions recorded") != std::string::npos);
    CommandResult csv = run_command({KIOSKCTL_BIN, "trainer-results", "--data-dir", dir.file("data"), "--csv"});
    CHECK(csv.exit_code == 0);
    CHECK(csv.out == "session,lesson,content_version,started_at,ended_at,question,option,participants,correct\n");
    CHECK_FALSE(fs::exists(dir.file("data")));
}

TEST_CASE("kioskctl trainer-results reports an unreadable state database and a missing --data-dir") {
    TempDir dir;
    write_text(dir.file("state.db"), std::string(2048, 'x'));
    CommandResult broken = run_command({KIOSKCTL_BIN, "trainer-results", "--data-dir", dir.path()});
    CHECK(broken.exit_code == 1);
    CHECK(broken.err.find(dir.file("state.db")) != std::string::npos);
    CommandResult usage = run_command({KIOSKCTL_BIN, "trainer-results"});
    CHECK(usage.exit_code == 2);
    CHECK(usage.err.find("usage: kioskctl trainer-results --data-dir DIR [--csv]") != std::string::npos);
}
