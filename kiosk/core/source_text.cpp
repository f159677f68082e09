#include "core/source_text.h"

#include "core/utf8.h"

#include <cstdio>

namespace kiosk::core {

bool is_valid_content_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

bool check_source_characters(std::string_view text, const std::string& path, Diagnostics* diagnostics) {
    bool clean = true;
    int reported_line = 0;
    for (size_t pos = 0; pos < text.size();) {
        const size_t start = pos;
        const char32_t cp = utf8::decode(text, pos);
        const bool control = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
        if (!control) continue;
        clean = false;
        const int line = line_at_offset(text, start);
        if (line == reported_line) continue;  // one message per line
        reported_line = line;
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
        diagnostics->push_back(
            {path, line, "",
             std::string("contains control character ") + code + "; official text never holds one (remove it)"});
    }
    return clean;
}

}  // namespace kiosk::core
