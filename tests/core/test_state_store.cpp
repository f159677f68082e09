// The writable state database: trainer sessions, settings, schema migrations, and what
// a killed writer leaves behind.
#include "core/content_schema.h"
#include "core/file_io.h"
#include "core/sqlite_db.h"
#include "core/state_store.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace kiosk;
using namespace kiosk::core;
using namespace kiosk::test;

namespace {

TrainerSession sample_session(const std::string& lesson, int question_count, int option_count) {
    TrainerSession session;
    session.lesson_id = lesson;
    session.content_version = 7;
    session.started_at = 1750000000;
    session.ended_at = 1750000000 + 25 * 60;
    for (int q = 0; q < question_count; ++q) {
        TrainerQuestionResult result;
        result.question = q;
        result.correct_option = q % option_count;
        for (int o = 0; o < option_count; ++o) result.participants.push_back(q * 10 + o);
        session.questions.push_back(result);
    }
    return session;
}

std::unique_ptr<StateStore> open_store(const std::string& dir) {
    std::string error;
    auto store = StateStore::open(dir, StateStore::OpenMode::CreateIfMissing, &error);
    REQUIRE_MESSAGE(store, error);
    return store;
}

std::vector<TrainerSession> list_sessions(const StateStore& store) {
    std::vector<TrainerSession> sessions;
    std::string error;
    REQUIRE_MESSAGE(store.list_trainer_sessions(&sessions, &error), error);
    return sessions;
}

void check_same(const TrainerSession& got, const TrainerSession& want) {
    CHECK(got.id == want.id);
    CHECK(got.lesson_id == want.lesson_id);
    CHECK(got.content_version == want.content_version);
    CHECK(got.started_at == want.started_at);
    CHECK(got.ended_at == want.ended_at);
    REQUIRE(got.questions.size() == want.questions.size());
    for (size_t i = 0; i < want.questions.size(); ++i) {
        CHECK(got.questions[i].question == want.questions[i].question);
        CHECK(got.questions[i].correct_option == want.questions[i].correct_option);
        CHECK(got.questions[i].participants == want.questions[i].participants);
    }
}

std::string integrity(const std::string& path) {
    SqliteDb db;
    std::string error;
    if (!db.open(path, SqliteDb::Mode::ReadOnly, &error)) return error;
    return db.query_text("PRAGMA integrity_check", "no answer");
}

}  // namespace

TEST_CASE("the state store creates DATA_DIR/state.db in WAL mode at the current schema version") {
    TempDir dir;
    std::string data_dir = dir.file("nested/data");
    auto store = open_store(data_dir);
    CHECK(store->path() == data_dir + "/state.db");
    CHECK(fs::exists(store->path()));
    store.reset();

    SqliteDb db;
    REQUIRE(db.open(data_dir + "/state.db", SqliteDb::Mode::ReadOnly, nullptr));
    CHECK(db.query_text("PRAGMA journal_mode") == "wal");
    CHECK(db.query_text("PRAGMA user_version") == std::to_string(StateStore::current_schema_version()));
    CHECK(db.query_text("PRAGMA application_id") == std::to_string(kStateApplicationId));
}

TEST_CASE("recorded trainer sessions list back oldest first, also after reopening") {
    TempDir dir;
    TrainerSession first = sample_session("passwords-2fa", 5, 3);
    TrainerSession second = sample_session("ai-basics", 6, 4);
    second.started_at += 3600;
    second.ended_at += 3600;
    {
        auto store = open_store(dir.path());
        std::string error;
        REQUIRE_MESSAGE(store->record_trainer_session(&first, &error), error);
        REQUIRE_MESSAGE(store->record_trainer_session(&second, &error), error);
        CHECK(first.id > 0);
        CHECK(second.id > first.id);
    }
    auto store = open_store(dir.path());
    std::vector<TrainerSession> sessions = list_sessions(*store);
    REQUIRE(sessions.size() == 2);
    check_same(sessions[0], first);
    check_same(sessions[1], second);
}

TEST_CASE("an inconsistent trainer session is refused and nothing is stored") {
    TempDir dir;
    auto store = open_store(dir.path());
    std::string error;
    TrainerSession no_lesson = sample_session("", 4, 3);
    CHECK_FALSE(store->record_trainer_session(&no_lesson, &error));
    CHECK(error.find("lesson id") != std::string::npos);

    TrainerSession backwards = sample_session("ai-basics", 4, 3);
    backwards.ended_at = backwards.started_at - 1;
    CHECK_FALSE(store->record_trainer_session(&backwards, &error));

    TrainerSession bad_correct = sample_session("ai-basics", 4, 3);
    bad_correct.questions[2].correct_option = 3;
    CHECK_FALSE(store->record_trainer_session(&bad_correct, &error));
    CHECK(error.find("question 3") != std::string::npos);

    TrainerSession negative = sample_session("ai-basics", 4, 3);
    negative.questions[1].participants[0] = -1;
    CHECK_FALSE(store->record_trainer_session(&negative, &error));

    TrainerSession duplicate_question = sample_session("ai-basics", 4, 3);
    duplicate_question.questions[3].question = 0;  // the database refuses it: all or nothing
    CHECK_FALSE(store->record_trainer_session(&duplicate_question, &error));
    CHECK(error.find("recording the trainer session failed") != std::string::npos);

    CHECK(list_sessions(*store).empty());
}

TEST_CASE("settings are stored, replaced and read back, an unset key reads as absent") {
    TempDir dir;
    std::string error, value;
    {
        auto store = open_store(dir.path());
        CHECK_FALSE(store->get_setting("language", &value));
        REQUIRE(store->set_setting("language", "zh", &error));
        REQUIRE(store->set_setting("language", "ru", &error));
        REQUIRE(store->set_setting("idle_seconds", "90", &error));
    }
    auto store = open_store(dir.path());
    REQUIRE(store->get_setting("language", &value));
    CHECK(value == "ru");
    REQUIRE(store->get_setting("idle_seconds", &value));
    CHECK(value == "90");
}

TEST_CASE("an empty database from before the first migration is upgraded") {
    TempDir dir;
    {
        SqliteDb db;
        REQUIRE(db.open(dir.file("state.db"), SqliteDb::Mode::Create, nullptr));
        REQUIRE(db.exec("CREATE TABLE leftover(x); PRAGMA user_version=0;"));
    }
    auto store = open_store(dir.path());
    TrainerSession session = sample_session("e-government", 4, 2);
    std::string error;
    CHECK_MESSAGE(store->record_trainer_session(&session, &error), error);
}

TEST_CASE("a state database from a newer kiosk is refused and left untouched") {
    TempDir dir;
    {
        auto store = open_store(dir.path());
        std::string error;
        REQUIRE(store->set_setting("language", "en", &error));
    }
    {
        SqliteDb db;
        REQUIRE(db.open(dir.file("state.db"), SqliteDb::Mode::ReadWrite, nullptr));
        std::string bump = "PRAGMA user_version=" + std::to_string(StateStore::current_schema_version() + 1);
        REQUIRE(db.exec(bump.c_str()));
        REQUIRE(db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    std::string before = read_text(dir.file("state.db"));
    std::string error;
    CHECK(StateStore::open(dir.path(), StateStore::OpenMode::CreateIfMissing, &error) == nullptr);
    CHECK(error.find("newer kiosk") != std::string::npos);
    CHECK(error.find(dir.file("state.db")) != std::string::npos);
    CHECK(read_text(dir.file("state.db")) == before);
}

TEST_CASE("a file that is not a kiosk state database is refused, not overwritten") {
    TempDir dir;
    std::string error;
    SUBCASE("garbage") {
        write_text(dir.file("state.db"), std::string(4096, 'x'));
        CHECK(StateStore::open(dir.path(), StateStore::OpenMode::CreateIfMissing, &error) == nullptr);
        CHECK(read_text(dir.file("state.db")) == std::string(4096, 'x'));
    }
    SUBCASE("another application's database") {
        SqliteDb db;
        REQUIRE(db.open(dir.file("state.db"), SqliteDb::Mode::Create, nullptr));
        std::string sql = "PRAGMA application_id=" + std::to_string(kContentApplicationId) + "; CREATE TABLE meta(k);";
        REQUIRE(db.exec(sql.c_str()));
        db.close();
        CHECK(StateStore::open(dir.path(), StateStore::OpenMode::CreateIfMissing, &error) == nullptr);
        CHECK(error.find("not a kiosk state database") != std::string::npos);
    }
}

TEST_CASE("opening only an existing state database fails cleanly when there is none") {
    TempDir dir;
    std::string error;
    CHECK(StateStore::open(dir.file("data"), StateStore::OpenMode::ExistingOnly, &error) == nullptr);
    CHECK(error.find("no state database") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("data")));
}

TEST_CASE("a writer killed inside an open transaction leaves the committed sessions intact") {
    TempDir dir;
    TrainerSession committed = sample_session("phishing-fraud", 6, 3);
    {
        auto store = open_store(dir.path());
        std::string error;
        REQUIRE(store->record_trainer_session(&committed, &error));
    }
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // A big session half written, never committed, then the process dies like a pulled
        // plug. The tiny page cache forces the uncommitted pages out into the WAL file, so
        // recovery has uncommitted frames on disk to ignore.
        SqliteDb db;
        if (!db.open(dir.file("state.db"), SqliteDb::Mode::ReadWrite, nullptr)) _exit(3);
        db.exec("PRAGMA journal_mode=WAL; PRAGMA cache_size=2; BEGIN IMMEDIATE;");
        db.exec("INSERT INTO trainer_sessions VALUES(999, 'half', 1, 1, 2);");
        db.exec("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 4999) "
                "INSERT INTO trainer_questions SELECT 999, i, 0 FROM n;");
        db.exec("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 4999) "
                "INSERT INTO trainer_votes SELECT 999, i, 0, 1 FROM n;");
        raise(SIGKILL);
        _exit(4);
    }
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    CHECK(read_text(dir.file("state.db-wal")).size() > 100000);  // the uncommitted frames did reach the disk

    CHECK(integrity(dir.file("state.db")) == "ok");
    auto store = open_store(dir.path());
    std::vector<TrainerSession> sessions = list_sessions(*store);
    REQUIRE(sessions.size() == 1);
    check_same(sessions[0], committed);
}

TEST_CASE("a writer killed while recording sessions in a loop leaves only whole sessions") {
    TempDir dir;
    open_store(dir.path()).reset();
    int ready[2];
    REQUIRE(pipe(ready) == 0);
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        close(ready[0]);
        std::string error;
        auto store = StateStore::open(dir.path(), StateStore::OpenMode::ExistingOnly, &error);
        if (!store) _exit(3);
        for (;;) {
            TrainerSession session = sample_session("fact-checking", 8, 5);
            if (!store->record_trainer_session(&session, &error)) _exit(4);
            if (write(ready[1], "x", 1) != 1) _exit(5);
        }
    }
    close(ready[1]);
    char byte;
    for (int i = 0; i < 3; ++i) REQUIRE(read(ready[0], &byte, 1) == 1);
    kill(child, SIGKILL);  // most likely in the middle of the next transaction
    int status = 0;
    waitpid(child, &status, 0);
    close(ready[0]);
    REQUIRE(WIFSIGNALED(status));

    CHECK(integrity(dir.file("state.db")) == "ok");
    auto store = open_store(dir.path());
    std::vector<TrainerSession> sessions = list_sessions(*store);
    CHECK(sessions.size() >= 3);
    TrainerSession whole = sample_session("fact-checking", 8, 5);
    for (TrainerSession& session : sessions) {
        whole.id = session.id;
        check_same(session, whole);
    }
}

TEST_CASE("the PIN back-off is stored per role and read back after reopening") {
    TempDir dir;
    std::string error;
    {
        auto store = open_store(dir.path());
        StoredPinAttempts none{7, 7};
        REQUIRE(store->load_pin_attempts("organizer", &none, &error));
        CHECK(none.failures == 0);  // nothing stored yet
        CHECK(none.locked_until == 0);
        REQUIRE(store->store_pin_attempts("organizer", StoredPinAttempts{4, 1800000010}, &error));
        REQUIRE(store->store_pin_attempts("trainer", StoredPinAttempts{1, 1800000000}, &error));
        REQUIRE(store->store_pin_attempts("organizer", StoredPinAttempts{5, 1800000020}, &error));
    }
    auto store = open_store(dir.path());
    StoredPinAttempts organizer, trainer;
    REQUIRE(store->load_pin_attempts("organizer", &organizer, &error));
    REQUIRE(store->load_pin_attempts("trainer", &trainer, &error));
    CHECK(organizer.failures == 5);
    CHECK(organizer.locked_until == 1800000020);
    CHECK(trainer.failures == 1);
    CHECK_FALSE(store->store_pin_attempts("organizer", StoredPinAttempts{-1, 0}, &error));  // CHECK(failures >= 0)
}

TEST_CASE("a version 1 state database is upgraded to keep the PIN back-off, its settings intact") {
    TempDir dir;
    {
        SqliteDb db;
        REQUIRE(db.open(dir.file("state.db"), SqliteDb::Mode::Create, nullptr));
        const std::string version_1 =
            "PRAGMA application_id=" + std::to_string(kStateApplicationId) +
            "; PRAGMA user_version=1;"
            "CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
            "CREATE TABLE trainer_sessions(id INTEGER PRIMARY KEY, lesson TEXT NOT NULL, content_version "
            "INTEGER NOT NULL, started_at INTEGER NOT NULL, ended_at INTEGER NOT NULL);"
            "INSERT INTO settings VALUES('pin.organizer', '$argon2id$x');";
        REQUIRE(db.exec(version_1.c_str()));
    }
    auto store = open_store(dir.path());
    std::string value, error;
    REQUIRE(store->get_setting("pin.organizer", &value));
    CHECK(value == "$argon2id$x");
    CHECK(store->store_pin_attempts("organizer", StoredPinAttempts{3, 1}, &error));
}

TEST_CASE("an empty, damaged or read-only state database is refused with the reason, and left as it is") {
    TempDir dir;
    {
        auto store = open_store(dir.path());
        std::string error;
        REQUIRE(store->set_setting("pin.organizer", "$argon2id$x", &error));
    }
    std::string error;
    SUBCASE("0 bytes: SQLite would take it for a new database and start over without PINs") {
        write_text(dir.file("state.db"), "");
        CHECK(StateStore::open(dir.path(), StateStore::OpenMode::CreateIfMissing, &error) == nullptr);
        CHECK(error.find("empty (0 bytes)") != std::string::npos);
        CHECK(read_text(dir.file("state.db")).empty());
    }
    SUBCASE("a damaged page: found at open, not when a query happens to touch it") {
        std::string bytes = read_text(dir.file("state.db"));
        REQUIRE(bytes.size() >= 3 * 4096);
        bytes.replace(4096, 4096, std::string(4096, '\xA5'));
        write_text(dir.file("state.db"), bytes);
        CHECK(StateStore::open(dir.path(), StateStore::OpenMode::CreateIfMissing, &error) == nullptr);
        CHECK(error.find("damaged (quick_check") != std::string::npos);
        CHECK(read_text(dir.file("state.db")) == bytes);
    }
    SUBCASE("read-only (checked as the unprivileged user it is for; root writes anyway)") {
        if (geteuid() == 0) return;
        REQUIRE(chmod(dir.file("state.db").c_str(), 0444) == 0);
        CHECK(StateStore::open(dir.path(), StateStore::OpenMode::CreateIfMissing, &error) == nullptr);
        CHECK(error.find("is not writable") != std::string::npos);
    }
}
