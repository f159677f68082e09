// UI strings, one file per language in assets/i18n/<code>.txt, looked up by key.
// File format: `key = value` per line, `#` starts a comment line, `\n` in a value is a line break, `\uXXXX` any character (e.g. `\u0020`, a space).
#pragma once

#include "core/diagnostic.h"
#include "core/language.h"

#include <array>
#include <string>
#include <map>
#include <string_view>
#include <vector>

namespace kiosk::core {

class Translations {
public:
    // Loads ru.txt, zh.txt and en.txt from `dir`. Returns false with diagnostics if a
    // file is missing or malformed. Missing keys are not an error here; see missing_keys().
    bool load(const std::string& dir, Diagnostics* diagnostics);
    // Parses one language file's text (used by load and by tests).
    bool parse(Lang lang, const std::string& text, const std::string& file_name, Diagnostics* diagnostics);

    // The string for `key` in `lang`. A key missing in `lang` falls back to English and
    // then to the key itself, so a gap is visible rather than blank.
    const std::string& get(Lang lang, std::string_view key) const;
    bool has(Lang lang, std::string_view key) const;

    // Keys present in some language but absent from `lang`, sorted.
    std::vector<std::string> missing_keys(Lang lang) const;
    // Every key of every language, sorted.
    std::vector<std::string> all_keys() const;
    // Every character used by the strings of every language, for glyph ranges.
    std::string charset() const;
    // Every character used by the strings of one language.
    std::string charset(Lang lang) const;

private:
    // std::less<> allows lookups by string_view without building a std::string per frame.
    std::array<std::map<std::string, std::string, std::less<>>, kLangCount> strings_;
    mutable std::map<std::string, std::string, std::less<>> missing_;  // key -> key, stable storage
};

}  // namespace kiosk::core
