#include "core/utf8.h"

#include <algorithm>
#include <cstdio>

namespace kiosk::core::utf8 {

char32_t decode(std::string_view text, size_t& pos) {
    auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(pos);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    int extra = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((lead & 0xE0) == 0xC0) {
        extra = 1;
        cp = lead & 0x1F;
        min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        extra = 2;
        cp = lead & 0x0F;
        min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        extra = 3;
        cp = lead & 0x07;
        min = 0x10000;
    } else {
        ++pos;
        return kReplacement;
    }
    for (int i = 1; i <= extra; ++i) {
        if (pos + i >= text.size() || (byte(pos + i) & 0xC0) != 0x80) {
            ++pos;
            return kReplacement;
        }
        cp = (cp << 6) | (byte(pos + i) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return kReplacement;
    }
    pos += extra + 1;
    return cp;
}

size_t prev_boundary(std::string_view text, size_t pos) {
    if (pos == 0) return 0;
    pos = std::min(pos, text.size());
    size_t start = pos - 1;
    while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    size_t end = start;
    decode(text, end);
    return end == pos ? start : pos - 1;
}

void append(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_valid(std::string_view text, size_t* bad_offset) {
    size_t pos = 0;
    while (pos < text.size()) {
        size_t start = pos;
        char32_t cp = decode(text, pos);
        if (cp == kReplacement && !(pos - start == 3 && text.substr(start, 3) == "\xEF\xBF\xBD")) {
            if (bad_offset) *bad_offset = start;
            return false;
        }
    }
    return true;
}

std::string printable(std::string_view text) {
    std::string out;
    for (size_t pos = 0; pos < text.size();) {
        const size_t start = pos;
        const char32_t cp = decode(text, pos);
        const bool bad = cp == kReplacement && text.substr(start, pos - start) != "\xEF\xBF\xBD";
        if (!bad && cp >= 0x20 && !(cp >= 0x7F && cp <= 0x9F) && cp != '\\') {
            out.append(text.substr(start, pos - start));
            continue;
        }
        if (cp == '\\') {
            out += "\\\\";
            continue;
        }
        for (size_t i = start; i < pos; ++i) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(text[i]));
            out += hex;
        }
    }
    return out;
}

size_t length(std::string_view text) {
    size_t n = 0;
    for (size_t pos = 0; pos < text.size(); ++n) decode(text, pos);
    return n;
}

std::u32string to_u32(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) out += decode(text, pos);
    return out;
}

std::string from_u32(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t cp : text) append(out, cp);
    return out;
}

namespace {
bool is_space(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
           cp == 0x3000 || cp == 0x2007 || cp == 0x202F || (cp >= 0x2000 && cp <= 0x200A) || cp == 0xFEFF;
}
}  // namespace

std::string_view trim(std::string_view text) {
    size_t begin = 0;
    size_t end = text.size();
    while (begin < end) {
        size_t pos = begin;
        if (!is_space(decode(text, pos))) break;
        begin = pos;
    }
    while (end > begin) {
        size_t start = std::max(begin, prev_boundary(text, end));
        size_t pos = start;
        if (!is_space(decode(text, pos))) break;
        end = start;
    }
    return text.substr(begin, end - begin);
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (size_t pos = 0; pos < text.size();) {
        char32_t cp = decode(text, pos);
        if (is_space(cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        append(out, cp);
    }
    return out;
}

void erase_last(std::string* text) { text->erase(prev_boundary(*text, text->size())); }

bool is_cjk(char32_t cp) {
    return (cp >= 0x2E80 && cp <= 0x9FFF) ||  // radicals, CJK punctuation, kana, ideographs
           (cp >= 0xAC00 && cp <= 0xD7AF) ||  // hangul
           (cp >= 0xF900 && cp <= 0xFAFF) ||  // compatibility ideographs
           (cp >= 0xFE30 && cp <= 0xFE4F) ||  // CJK compatibility forms
           (cp >= 0xFF00 && cp <= 0xFFEF) ||  // full-width forms
           (cp >= 0x20000 && cp <= 0x3FFFF);  // extension planes
}

}  // namespace kiosk::core::utf8
