// The line reader of every text format the kiosk reads (db/ sources, lessons, overview,
// translations of documents, input scripts), so all of them agree on what a line is and
// which number a diagnostic gives it.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace kiosk::core {

// One line of a text, without its line end, numbered from 1.
struct TextLine {
    std::string_view text;
    int number = 0;
};

// Reads `text` line by line. A UTF-8 byte order mark (Windows editors write one) is not part
// of the first line; "\r\n" ends a line as "\n" does; a last line without a newline is still a
// line, and a final newline does not start an empty one.
class LineReader {
public:
    explicit LineReader(std::string_view text);

    // The next line, false at the end of the text.
    bool next(TextLine* line);
    // How many lines have been read: after the last one, the number of lines of the text.
    int lines_read() const { return number_; }

private:
    std::string_view text_;
    size_t pos_ = 0;
    int number_ = 0;
};

// The fields of one line, separated by runs of spaces or tabs: "file a.csv 12 ab" gives
// "file", "a.csv", "12", "ab". The views point into `line`.
std::vector<std::string_view> split_fields(std::string_view line);

// How many lines LineReader finds in `text`.
int count_lines(std::string_view text);

// The 1-based line of `text` that holds byte `offset`.
int line_at_offset(std::string_view text, size_t offset);

// What every parser says about a file that is not UTF-8, at the line first_invalid_utf8_line()
// names.
constexpr const char* kNotUtf8Message = "file is not valid UTF-8";

// 0 when `text` is well-formed UTF-8 (a byte order mark included); otherwise the line that
// holds the first byte that is not: a stray byte, a truncated sequence, an overlong form, a
// surrogate.
int first_invalid_utf8_line(std::string_view text);

}  // namespace kiosk::core
