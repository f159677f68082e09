// The strict number parser: the whole text is the number, within the caller's range, or
// the error says what was wrong.
#include "core/strict_number.h"

#include <doctest/doctest.h>

#include <climits>
#include <filesystem>
#include <fstream>
#include <regex>

using kiosk::core::parse_decimal;
using kiosk::core::parse_hex;
using kiosk::core::parse_integer;

TEST_CASE("parse_integer reads a whole number within its range") {
    int value = 0;
    std::string error;
    CHECK(parse_integer("120", 15, 3600, &value, &error));
    CHECK(value == 120);
    CHECK(parse_integer("-7", -10, 10, &value, &error));
    CHECK(value == -7);
    int64_t big = 0;
    CHECK(parse_integer("9223372036854775807", int64_t{0}, INT64_MAX, &big, &error));
    CHECK(big == INT64_MAX);
}

TEST_CASE("parse_integer refuses trailing text, blanks, signs and empty input and names the value") {
    int value = 42;
    std::string error;
    for (const char* bad : {"12abc", "", " 12", "12 ", "+12", "-0", "1.5", "0x10", "abc", "-", "١٢"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_integer(bad, 0, 100, &value, &error));
        CHECK(error == "'" + std::string(bad) + "' is not a whole number (expected 0 to 100)");
        CHECK(value == 42);  // untouched
    }
}

TEST_CASE("parse_integer refuses values outside the range, even beyond 64 bits") {
    int value = 42;
    std::string error;
    CHECK_FALSE(parse_integer("5", 15, 3600, &value, &error));
    CHECK(error == "'5' is out of range (expected 15 to 3600)");
    CHECK_FALSE(parse_integer("99999999999", 15, 3600, &value, &error));
    CHECK(error == "'99999999999' is out of range (expected 15 to 3600)");
    CHECK_FALSE(parse_integer("99999999999999999999999", 0, INT_MAX, &value, &error));
    CHECK(error.find("out of range") != std::string::npos);
    CHECK(value == 42);
}

TEST_CASE("parse_hex reads exactly the number of hexadecimal digits asked for") {
    uint32_t cp = 0;
    std::string error;
    CHECK(parse_hex("00aF", 4, &cp, &error));
    CHECK(cp == 0xAF);
    for (const char* bad : {"00G1", "123", "12345", "", "-001", "+001", "0x12"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_hex(bad, 4, &cp, &error));
        CHECK(error == "'" + std::string(bad) + "' is not 4 hexadecimal digits");
    }
}

TEST_CASE("parse_decimal reads a finite number within its range") {
    double value = 0;
    std::string error;
    CHECK(parse_decimal("-0.5", -1, 1, &value, &error));
    CHECK(value == -0.5);
    CHECK(parse_decimal("1e3", 0, 5000, &value, &error));
    CHECK(value == 1000);
    for (const char* bad : {"", "1.5x", "nan", "inf", " 1", "1,5"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_decimal(bad, -1e9, 1e9, &value, &error));
        CHECK(error.find("'" + std::string(bad) + "'") == 0);
    }
    CHECK_FALSE(parse_decimal("2", 0, 1, &value, &error));
    CHECK(error == "'2' is out of range (expected 0 to 1)");
}

namespace {
const std::regex& lenient_parser_call() {
    static const std::regex call(
        R"(\b(atoi|atol|atoll|atof|strtol|strtoll|strtoul|strtoull|strtod|strtof|strtold|stoi|stol|stoll|stoul|stoull|stof|stod|stold)\s*\()");
    return call;
}
}  // namespace

// The lenient C and C++ number parsers read "12abc" as 12 and overflow silently (or throw):
// kiosk/ uses parse_integer, parse_hex and parse_decimal instead. This keeps them out.
TEST_CASE("no source file in kiosk uses atoi, strtol, stoi or their relatives") {
    const std::regex& lenient = lenient_parser_call();
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(KIOSK_SOURCE_DIR) + "/kiosk")) {
        const std::string ext = entry.path().extension().string();
        if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h")) continue;
        ++files;
        std::ifstream in(entry.path());
        std::string line;
        for (int line_no = 1; std::getline(in, line); ++line_no) {
            const std::string code = line.substr(0, line.find("//"));
            if (std::regex_search(code, lenient)) FAIL_CHECK(entry.path().string(), ":", line_no, ": ", line);
        }
    }
    CHECK(files > 100);
}

TEST_CASE("the lenient-parser check would catch an atoi") {
    const std::regex& lenient = lenient_parser_call();
    CHECK(std::regex_search(std::string("    int n = std::atoi(text.c_str());"), lenient));
    CHECK(std::regex_search(std::string("long v = strtol (p, &end, 10);"), lenient));
    CHECK_FALSE(std::regex_search(std::string("bool parse_integer(std::string_view text)"), lenient));
}
