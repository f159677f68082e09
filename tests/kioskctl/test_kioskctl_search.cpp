#include "../core/search_fixture.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace kiosk::test;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE(
    "kioskctl search --json prints one object per result with document, paragraph, score, snippet, kind and language") {
    CommandResult result = run_command({KIOSKCTL_BIN, "search", search_fixture_db(), "умные города", "--json"});
    CHECK(result.exit_code == 0);
    std::vector<std::string> lines = lines_of(result.out);
    REQUIRE(lines.size() == 2);
    for (const std::string& line : lines) {
        bool ok = false;
        JsonValue hit = parse_json(line, &ok);
        REQUIRE(ok);
        CHECK(hit.object.size() == 6);
        CHECK(hit["kind"].string == "document");
        CHECK(hit["language"].string == "ru");
        CHECK(hit["document"].type == JsonValue::Type::String);
        CHECK(hit["paragraph"].type == JsonValue::Type::Number);
        CHECK(hit["score"].type == JsonValue::Type::Number);
        CHECK(hit["snippet"].string.find("\x01умных\x02") != std::string::npos);
    }
    JsonValue first = parse_json(lines[0]);
    JsonValue second = parse_json(lines[1]);
    CHECK(first["score"].number >= second["score"].number);
}

TEST_CASE("kioskctl search prints one tab-separated line per document with matches in brackets") {
    CommandResult result = run_command({KIOSKCTL_BIN, "search", search_fixture_db(), "информационная безопасность"});
    CHECK(result.exit_code == 0);
    std::vector<std::string> lines = lines_of(result.out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].find("fixture-20") == 0);
    CHECK(result.out.find("[информационной] [безопасности]") != std::string::npos);
}

TEST_CASE("kioskctl search exits 0 with no output when nothing matches") {
    for (const char* query : {"раионах", "\"", "😀", "NEAR("}) {
        CommandResult result = run_command({KIOSKCTL_BIN, "search", search_fixture_db(), query, "--json"});
        CHECK(result.exit_code == 0);
        CHECK(result.out.empty());
    }
}

TEST_CASE("kioskctl search --limit caps the number of results") {
    CommandResult result = run_command({KIOSKCTL_BIN, "search", search_fixture_db(), "цифровой", "--limit", "1"});
    CHECK(result.exit_code == 0);
    CHECK(lines_of(result.out).size() == 1);
    CHECK(run_command({KIOSKCTL_BIN, "search", search_fixture_db(), "цифровой", "--limit", "x"}).exit_code == 2);
    CHECK(run_command({KIOSKCTL_BIN, "search", search_fixture_db(), "цифровой", "--limit", "0"}).exit_code == 2);
}

TEST_CASE("kioskctl search reports an unreadable database and exits 1") {
    TempDir dir;
    CommandResult result = run_command({KIOSKCTL_BIN, "search", dir.file("missing.db"), "цифровой"});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("missing.db") != std::string::npos);
    CHECK(run_command({KIOSKCTL_BIN, "search", search_fixture_db()}).exit_code == 2);
}

TEST_CASE("kioskctl search prints lessons with their id as the document and kind lesson") {
    CommandResult result = run_command({KIOSKCTL_BIN, "search", search_fixture_db(), "двухфакторная", "--json"});
    CHECK(result.exit_code == 0);
    std::vector<std::string> lines = lines_of(result.out);
    REQUIRE(lines.size() == 1);
    JsonValue hit = parse_json(lines[0]);
    CHECK(hit["document"].string == "fixture-passwords");
    CHECK(hit["kind"].string == "lesson");
    CHECK(hit["paragraph"].number == 0);
    CommandResult plain = run_command({KIOSKCTL_BIN, "search", search_fixture_db(), "двухфакторная"});
    CHECK(plain.out.find("fixture-passwords\t0\t") == 0);
}
