// What the db/ source parsers (documents, lessons) share: the id rule, the character check
// and the reader of their meaningful lines.
#pragma once

#include "core/diagnostic.h"
#include "core/line_reader.h"
#include "core/utf8.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::core {

// A stable content id: 1 to 64 of a-z, 0-9 and '-'.
bool is_valid_content_id(std::string_view id);

// False, with one diagnostic "PATH:LINE: contains control character U+001B" per offending
// line, when `text` holds NUL or another control character (tab and line ends are fine):
// official text never does, and some would break the screen or the logs.
bool check_source_characters(std::string_view text, const std::string& path, Diagnostics* diagnostics);

// The kiosk addresses visitors as 您; 你 in a Chinese text is too familiar for an official kiosk.
constexpr std::string_view kInformalYou = "\xe4\xbd\xa0";  // 你 U+4F60

// Calls `visit(line, line_no)` for each non-empty line of `text` that is not a `;` comment,
// trimmed; returns the number of the last such line (0 if none). The line reader of the
// `key: value` sources (lessons, local slides, db/explore).
template <typename Visit>
int for_each_source_line(std::string_view text, Visit visit) {
    int last = 0;
    LineReader reader(text);
    for (TextLine line; reader.next(&line);) {
        std::string_view trimmed = utf8::trim(line.text);
        if (trimmed.empty()) continue;
        last = line.number;
        if (trimmed.front() != ';') visit(trimmed, line.number);
    }
    return last;
}

}  // namespace kiosk::core
