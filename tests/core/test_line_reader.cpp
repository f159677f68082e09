// The one line reader of the text formats: line ends, a byte order mark, a last line without
// a newline, and the line a diagnostic names for a file that is not UTF-8.
#include "core/document_source.h"
#include "core/line_reader.h"
#include "core/section_source.h"
#include "core/source_text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using kiosk::core::LineReader;
using kiosk::core::split_fields;
using kiosk::core::TextLine;

namespace {

std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> out;
    LineReader reader(text);
    for (TextLine line; reader.next(&line);) {
        CHECK(line.number == static_cast<int>(out.size()) + 1);
        out.emplace_back(line.text);
    }
    return out;
}

using Lines = std::vector<std::string>;

const kiosk::core::SectionRules kTermRules{"term", {"id"}, {}, {}};

}  // namespace

TEST_CASE("the line reader numbers lines from 1 and keeps blank lines") {
    CHECK(lines_of("a\n\nb\n") == Lines{"a", "", "b"});
    CHECK(lines_of("") == Lines{});
    CHECK(lines_of("\n") == Lines{""});
    CHECK(kiosk::core::count_lines("a\n\nb\n") == 3);
}

TEST_CASE("the line reader takes CRLF line ends like LF and keeps a lone CR inside a line") {
    CHECK(lines_of("a\r\nb\r\n") == Lines{"a", "b"});
    CHECK(lines_of("a\r\n\r\nb") == Lines{"a", "", "b"});
    CHECK(lines_of("a\rb\n") == Lines{"a\rb"});
}

TEST_CASE("the line reader keeps a last line that has no newline") {
    CHECK(lines_of("a\nlast") == Lines{"a", "last"});
    CHECK(kiosk::core::count_lines("a\nlast") == 2);
}

TEST_CASE("the line reader drops a UTF-8 byte order mark only at the very start") {
    CHECK(lines_of("\xEF\xBB\xBF"
                   "first\nsecond") == Lines{"first", "second"});
    CHECK(lines_of("\xEF\xBB\xBF") == Lines{});
    CHECK(lines_of("a\n\xEF\xBB\xBF"
                   "b") == Lines{"a", "\xEF\xBB\xBF"
                                      "b"});
}

TEST_CASE("a file that is not UTF-8 is placed at the line of its first bad byte") {
    CHECK(kiosk::core::first_invalid_utf8_line("ok\nюникод\n中文\n") == 0);
    CHECK(kiosk::core::first_invalid_utf8_line("\xEF\xBB\xBF"
                                               "ok") == 0);
    CHECK(kiosk::core::first_invalid_utf8_line("a\nb\n\xFF\n") == 3);     // a stray byte
    CHECK(kiosk::core::first_invalid_utf8_line("a\n\xD0") == 2);          // truncated at the end
    CHECK(kiosk::core::first_invalid_utf8_line("\xE4\xB8\nx") == 1);      // truncated by a newline
    CHECK(kiosk::core::first_invalid_utf8_line("a\nb\n\xC0\xAF") == 3);   // overlong '/'
    CHECK(kiosk::core::first_invalid_utf8_line("a\n\xED\xA0\x80") == 2);  // a surrogate
    CHECK(kiosk::core::line_at_offset("a\nb\nc", 4) == 3);
}

TEST_CASE("source lines skip blanks and comments, trim, and report the last written line") {
    std::vector<std::pair<std::string, int>> seen;
    const int last =
        kiosk::core::for_each_source_line("\xEF\xBB\xBF  first  \r\n; note\r\n\r\nsecond",
                                          [&](std::string_view line, int n) { seen.emplace_back(std::string(line), n); });
    CHECK(seen == std::vector<std::pair<std::string, int>>{{"first", 1}, {"second", 4}});
    CHECK(last == 4);
    CHECK(kiosk::core::for_each_source_line("x\n; only a comment\n\n", [](std::string_view, int) {}) == 2);
}

TEST_CASE("a db source written with CRLF and a byte order mark reads like one written with LF") {
    const std::string lf = "[term]\nid: one\n\n[term]\nid: two";
    std::string windows = "\xEF\xBB\xBF";
    for (char c : lf) windows += c == '\n' ? std::string("\r\n") : std::string(1, c);
    windows += "\r\n";
    std::vector<kiosk::core::SourceSection> plain, crlf;
    kiosk::core::Diagnostics diagnostics;
    REQUIRE(kiosk::core::parse_sections(lf, "db/terms.txt", kTermRules, &plain, &diagnostics));
    REQUIRE(kiosk::core::parse_sections(windows, "db/terms.txt", kTermRules, &crlf, &diagnostics));
    CHECK(diagnostics.empty());
    REQUIRE(crlf.size() == 2);
    CHECK(crlf[1].fields.at("id").value == "two");
    CHECK(crlf[1].fields.at("id").line == plain[1].fields.at("id").line);
    CHECK(crlf[1].line == 4);
}

TEST_CASE("every text parser names file and line of bytes that are not UTF-8 the same way") {
    kiosk::core::Diagnostics sections;
    std::vector<kiosk::core::SourceSection> out;
    CHECK_FALSE(kiosk::core::parse_sections("[term]\r\nid: \xE4\xB8\r\n", "db/terms.txt", kTermRules, &out, &sections));
    REQUIRE(sections.size() == 1);
    CHECK(sections[0].str() == "db/terms.txt:2: file is not valid UTF-8");

    kiosk::core::Diagnostics document;
    kiosk::core::Document doc;
    CHECK_FALSE(kiosk::core::parse_document_source("id: x\n\n\xFF\n---\ntext\n", "db/x.txt", &doc, &document));
    REQUIRE(document.size() == 1);
    CHECK(document[0].str() == "db/x.txt:3: file is not valid UTF-8");
}

TEST_CASE("a document whose header never ends is reported at its last line, with or without a final newline") {
    for (const char* text : {"id: x\ntitle.ru: y\n", "id: x\ntitle.ru: y", "\xEF\xBB\xBFid: x\r\ntitle.ru: y\r\n"}) {
        kiosk::core::Diagnostics diagnostics;
        kiosk::core::Document doc;
        CHECK_FALSE(kiosk::core::parse_document_source(text, "db/x.txt", &doc, &diagnostics));
        REQUIRE(!diagnostics.empty());
        CHECK(diagnostics.back().str() == "db/x.txt:2: missing the '---' line that ends the header");
    }
}

TEST_CASE("a line splits into its fields at runs of spaces and tabs, and nothing else") {
    using Fields = std::vector<std::string_view>;
    CHECK(split_fields("file search.csv 12 ab09") == Fields{"file", "search.csv", "12", "ab09"});
    CHECK(split_fields("  failed_starts\t 3  4 ") == Fields{"failed_starts", "3", "4"});
    CHECK(split_fields("").empty());
    CHECK(split_fields(" \t ").empty());
    CHECK(split_fields("один,два три") == Fields{"один,два", "три"});
}
