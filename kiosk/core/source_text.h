// What the db/ source parsers (documents, lessons) share: the id rule and turning a byte
// offset into the line number a diagnostic names.
#pragma once

#include "core/diagnostic.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk {

// A stable content id: 1 to 64 of a-z, 0-9 and '-'.
bool is_valid_content_id(std::string_view id);

// The 1-based line of `text` that holds byte `offset`.
int line_at_offset(std::string_view text, size_t offset);

// False, with one diagnostic "PATH:LINE: contains control character U+001B" per offending
// line, when `text` holds NUL or another control character (tab and line ends are fine):
// official text never does, and some would break the screen or the logs.
bool check_source_characters(std::string_view text, const std::string& path, Diagnostics* diagnostics);

}  // namespace kiosk
