// `kioskctl build` and `kioskctl list`, run as an organizer runs them: the real
// binary, its exit status and what it prints.
#include "core/content_store.h"
#include "core/file_io.h"
#include "core/sqlite_db.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using namespace kiosk;
using namespace kiosk::core;
using kiosk::test::CommandResult;
using kiosk::test::run_command;
using kiosk::test::TempDir;

namespace {

const std::string kFixtureDir = std::string(KIOSK_TEST_DATA_DIR) + "/content/db";

CommandResult kioskctl(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {KIOSKCTL_BIN};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// A copy of the fixture sources in a temporary directory, for tests that break them.
struct FixtureCopy {
    TempDir dir;
    std::string db() const { return dir.path() + "/db"; }
    FixtureCopy() {
        REQUIRE(fs::make_dirs(db() + "/documents"));
        REQUIRE(fs::make_dirs(db() + "/translations"));
        for (const char* folder : {"/documents/", "/translations/"})
            for (const std::string& name : fs::list_files(kFixtureDir + folder, ".txt"))
                test::write_text(db() + folder + name, test::read_text(kFixtureDir + folder + name));
    }
};

}  // namespace

TEST_CASE("kioskctl build compiles sources and stamps the given content version") {
    TempDir dir;
    std::string out = dir.file("content.db");
    CommandResult result = kioskctl({"build", kFixtureDir, out, "--content-version", "7"});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.find("wrote " + out + " (content version 7)") != std::string::npos);

    std::string error;
    auto store = ContentStore::open(out, &error);
    INFO(error);
    REQUIRE(store);
    CHECK(store->info().content_version == 7);
    CHECK(store->documents().size() == 2);
}

TEST_CASE("kioskctl build accepts --content-version=N and a fixed --built-at") {
    TempDir dir;
    std::string out = dir.file("content.db");
    CommandResult result =
        kioskctl({"build", "--content-version=12", kFixtureDir, out, "--built-at", "2025-09-01T10:00:00Z"});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    std::string error;
    auto store = ContentStore::open(out, &error);
    REQUIRE(store);
    CHECK(store->info().content_version == 12);
    CHECK(store->info().built_at == "2025-09-01T10:00:00Z");
}

TEST_CASE("kioskctl build on a bad source exits 1, names file and line, and writes nothing") {
    FixtureCopy fixture;
    std::string broken = fixture.db() + "/documents/fixture-decision.txt";
    std::string text = test::read_text(broken);
    size_t type_line = text.find("type: decision");
    REQUIRE(type_line != std::string::npos);
    text.replace(type_line, 14, "type: law");
    test::write_text(broken, text);

    std::string out = fixture.dir.file("content.db");
    CommandResult result = kioskctl({"build", fixture.db(), out});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find(broken + ":3: type: unknown document type 'law'") != std::string::npos);
    CHECK(result.err.find("1 problem(s); nothing was written to " + out) != std::string::npos);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("kioskctl list prints one line per document with id, kind, languages and size") {
    TempDir dir;
    std::string out = dir.file("content.db");
    REQUIRE(kioskctl({"build", kFixtureDir, out}).exit_code == 0);

    CommandResult result = kioskctl({"list", out});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    std::vector<std::string> lines = lines_of(result.out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "fixture-statement\tdocument/statement\tru,zh,en\t4 paragraphs");
    CHECK(lines[1] == "fixture-decision\tdocument/decision\tru,zh,en\t5 paragraphs");
}

TEST_CASE("kioskctl list lists every document, lesson and quiz of the factory content database") {
    CommandResult result = kioskctl({"list", KIOSK_CONTENT_DB});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    int documents = 0, lessons = 0, quizzes = 0;
    for (const std::string& line : lines_of(result.out)) {
        CAPTURE(line);
        documents += line.find("\tdocument/") != std::string::npos;
        lessons += line.find("\tlesson\t") != std::string::npos;
        quizzes += line.find("\tquiz\t") != std::string::npos;
        CHECK(line.find("\tru,zh,en\t") != std::string::npos);
    }
    CHECK(documents == 5);
    CHECK(lessons >= 8);
    CHECK(quizzes == lessons);
    CHECK(documents + lessons + quizzes == static_cast<int>(lines_of(result.out).size()));
}

TEST_CASE("kioskctl list on a file that is not a content database exits 1 with a clear message") {
    TempDir dir;
    SUBCASE("a text file") {
        std::string path = dir.file("notes.db");
        test::write_text(path, "these are notes, not a database\n");
        CommandResult result = kioskctl({"list", path});
        CHECK(result.exit_code == 1);
        CHECK(result.err == "kioskctl list: " + path + ": not a kiosk content database (not an SQLite database at all)\n");
        CHECK(result.out.empty());
    }
    SUBCASE("a missing file") {
        std::string path = dir.file("missing.db");
        CommandResult result = kioskctl({"list", path});
        CHECK(result.exit_code == 1);
        CHECK(result.err == "kioskctl list: " + path + ": no such file\n");
        CHECK_FALSE(fs::exists(path));
    }
    SUBCASE("a directory") {
        CommandResult result = kioskctl({"list", dir.path()});
        CHECK(result.exit_code == 1);
        CHECK(result.err == "kioskctl list: " + dir.path() + ": is a directory, not a content database\n");
    }
    SUBCASE("an SQLite database of something else") {
        std::string path = dir.file("other.db");
        {
            SqliteDb other;
            std::string error;
            REQUIRE(other.open(path, SqliteDb::Mode::Create, &error));
            REQUIRE(other.exec("CREATE TABLE visits(day TEXT);"));
        }
        CommandResult result = kioskctl({"list", path});
        CHECK(result.exit_code == 1);
        CHECK(result.err.find("not a kiosk content database") != std::string::npos);
    }
}

TEST_CASE("kioskctl build and list exit 2 with the usage on a usage error") {
    TempDir dir;
    std::string out = dir.file("content.db");
    const std::vector<std::vector<std::string>> usage_errors = {
        {"build"},
        {"build", kFixtureDir},
        {"build", kFixtureDir, out, "extra"},
        {"build", kFixtureDir, out, "--content-version"},
        {"build", kFixtureDir, out, "--content-version", "seven"},
        {"build", kFixtureDir, out, "--content-version", "0"},
        {"build", kFixtureDir, out, "--content-version", "99999999999999999999999"},
        {"build", kFixtureDir, out, "--colour", "red"},
        {"list"},
        {"list", out, out},
        {"list", "--verbose", out},
    };
    for (const std::vector<std::string>& args : usage_errors) {
        std::string joined;
        for (const std::string& arg : args) joined += arg + " ";
        CAPTURE(joined);
        CommandResult result = kioskctl(args);
        CHECK(result.exit_code == 2);
        CHECK(result.err.find("kioskctl " + args[0] + ": ") == 0);
        CHECK(result.err.find("usage: kioskctl " + args[0]) != std::string::npos);
    }
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("kioskctl without a command or with an unknown one exits 2") {
    CommandResult none = kioskctl({});
    CHECK(none.exit_code == 2);
    CHECK(none.out.find("usage: kioskctl COMMAND") != std::string::npos);

    CommandResult unknown = kioskctl({"frobnicate"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err == "kioskctl: unknown command 'frobnicate' (see kioskctl --help)\n");

    CommandResult help = kioskctl({"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("build SOURCE_DIR OUT.db") != std::string::npos);
    CHECK(help.out.find("list DB") != std::string::npos);
}
