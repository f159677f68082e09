#include "core/line_reader.h"

#include "core/utf8.h"

namespace kiosk::core {

namespace {
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
}  // namespace

LineReader::LineReader(std::string_view text) : text_(text) {
    if (text_.substr(0, kByteOrderMark.size()) == kByteOrderMark) pos_ = kByteOrderMark.size();
}

bool LineReader::next(TextLine* line) {
    if (pos_ >= text_.size()) return false;
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view text = text_.substr(pos_, end - pos_);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    pos_ = end + 1;
    *line = {text, ++number_};
    return true;
}

std::vector<std::string_view> split_fields(std::string_view line) {
    std::vector<std::string_view> fields;
    size_t pos = 0;
    while (pos < line.size()) {
        if (line[pos] == ' ' || line[pos] == '\t') {
            ++pos;
            continue;
        }
        const size_t end = line.find_first_of(" \t", pos);
        const size_t stop = end == std::string_view::npos ? line.size() : end;
        fields.push_back(line.substr(pos, stop - pos));
        pos = stop;
    }
    return fields;
}

int count_lines(std::string_view text) {
    LineReader reader(text);
    for (TextLine line; reader.next(&line);) {
    }
    return reader.lines_read();
}

int line_at_offset(std::string_view text, size_t offset) {
    int line = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') ++line;
    return line;
}

int first_invalid_utf8_line(std::string_view text) {
    size_t bad = 0;
    return utf8::is_valid(text, &bad) ? 0 : line_at_offset(text, bad);
}

}  // namespace kiosk::core
