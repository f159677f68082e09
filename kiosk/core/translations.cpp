#include "core/translations.h"

#include "core/file_io.h"
#include "core/strict_number.h"
#include "core/utf8.h"

#include <algorithm>
#include <cstdint>
#include <set>

namespace kiosk::core {

namespace {

// "\n" is a line break and "\uXXXX" (exactly four hex digits) a code point, e.g. \u0020 for
// a space that trimming would otherwise drop. A malformed \u is an error, not text: it would
// otherwise show up on the kiosk's screen as "\u00G0" or a wrong character.
bool unescape(std::string_view raw, std::string* value, std::string* error) {
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 1 < raw.size() && raw[i + 1] == 'n') {
            *value += '\n';
            ++i;
        } else if (raw[i] == '\\' && i + 1 < raw.size() && raw[i + 1] == 'u') {
            uint32_t cp = 0;
            const std::string_view digits = raw.substr(i + 2, 4);
            if (!parse_hex(digits, 4, &cp) || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
                *error = "malformed escape '\\u" + utf8::printable(digits) +
                         "': expected \\u and four hexadecimal digits of a character, e.g. \\u0020";
                return false;
            }
            utf8::append(*value, static_cast<char32_t>(cp));
            i += 5;
        } else {
            *value += raw[i];
        }
    }
    return true;
}

}  // namespace

bool Translations::load(const std::string& dir, Diagnostics* diagnostics) {
    bool ok = true;
    for (Lang lang : kAllLangs) {
        std::string path = fs::join(dir, std::string(lang_code(lang)) + ".txt");
        std::string text, error;
        if (!fs::read_file(path, &text, &error)) {
            diagnostics->push_back({path, 0, "", "cannot read translation file: " + error});
            ok = false;
            continue;
        }
        ok = parse(lang, text, path, diagnostics) && ok;
    }
    return ok;
}

bool Translations::parse(Lang lang, const std::string& text, const std::string& file_name, Diagnostics* diagnostics) {
    auto& table = strings_[static_cast<int>(lang)];
    size_t errors_before = diagnostics->size();
    size_t bad = 0;
    if (!utf8::is_valid(text, &bad)) {
        diagnostics->push_back({file_name, 0, "", "file is not valid UTF-8 (byte " + std::to_string(bad) + ")"});
        return false;
    }
    size_t pos = 0;
    int line_no = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string_view line = utf8::trim(std::string_view(text).substr(pos, end - pos));
        pos = end + 1;
        ++line_no;
        if (line.empty() || line.front() == '#') continue;
        size_t eq = line.find('=');
        if (eq == std::string_view::npos) {
            diagnostics->push_back({file_name, line_no, "", "malformed line, expected 'key = value'"});
            continue;
        }
        std::string key(utf8::trim(line.substr(0, eq)));
        std::string_view raw_value = utf8::trim(line.substr(eq + 1));
        std::string value, escape_error;
        if (!unescape(raw_value, &value, &escape_error)) {
            diagnostics->push_back({file_name, line_no, key, escape_error});
            continue;
        }
        if (key.empty()) {
            diagnostics->push_back({file_name, line_no, "", "empty key"});
            continue;
        }
        if (value.empty()) {
            diagnostics->push_back({file_name, line_no, key, "empty value"});
            continue;
        }
        if (!table.emplace(key, value).second) diagnostics->push_back({file_name, line_no, key, "key defined twice"});
    }
    return diagnostics->size() == errors_before;
}

const std::string& Translations::get(Lang lang, std::string_view key) const {
    const auto& table = strings_[static_cast<int>(lang)];
    if (auto it = table.find(key); it != table.end()) return it->second;
    const auto& english = strings_[static_cast<int>(Lang::En)];
    if (auto it = english.find(key); it != english.end()) return it->second;
    if (auto it = missing_.find(key); it != missing_.end()) return it->second;
    return missing_.emplace(std::string(key), std::string(key)).first->second;
}

bool Translations::has(Lang lang, std::string_view key) const {
    const auto& table = strings_[static_cast<int>(lang)];
    return table.find(key) != table.end();
}

std::vector<std::string> Translations::all_keys() const {
    std::set<std::string> keys;
    for (const auto& table : strings_)
        for (const auto& entry : table) keys.insert(entry.first);
    return {keys.begin(), keys.end()};
}

std::vector<std::string> Translations::missing_keys(Lang lang) const {
    std::vector<std::string> missing;
    for (const std::string& key : all_keys())
        if (!has(lang, key)) missing.push_back(key);
    return missing;
}

namespace {
std::string charset_of(const std::map<std::string, std::string, std::less<>>* const* tables, size_t count) {
    std::set<char32_t> chars;
    for (size_t i = 0; i < count; ++i)
        for (const auto& entry : *tables[i])
            for (size_t pos = 0; pos < entry.second.size();) chars.insert(utf8::decode(entry.second, pos));
    std::string out;
    for (char32_t cp : chars)
        if (cp >= 0x20) utf8::append(out, cp);
    return out;
}
}  // namespace

std::string Translations::charset() const {
    const std::map<std::string, std::string, std::less<>>* tables[kLangCount] = {&strings_[0], &strings_[1], &strings_[2]};
    return charset_of(tables, kLangCount);
}

std::string Translations::charset(Lang lang) const {
    const std::map<std::string, std::string, std::less<>>* table = &strings_[static_cast<int>(lang)];
    return charset_of(&table, 1);
}

}  // namespace kiosk::core
