// What the db/ source parsers (documents, lessons) share: the id rule and turning a byte
// offset into the line number a diagnostic names.
#pragma once

#include "core/diagnostic.h"
#include "core/utf8.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::core {

// A stable content id: 1 to 64 of a-z, 0-9 and '-'.
bool is_valid_content_id(std::string_view id);

// The 1-based line of `text` that holds byte `offset`.
int line_at_offset(std::string_view text, size_t offset);

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
    int line_no = 0, last = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = utf8::trim(text.substr(pos, end - pos));
        ++line_no;
        pos = end + 1;
        if (line.empty()) continue;
        last = line_no;
        if (line.front() != ';') visit(line, line_no);
    }
    return last;
}

}  // namespace kiosk::core
