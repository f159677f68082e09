// The three visitor languages and a string held in each of them.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::core {

// Order is the order of the language switch on screen: RU / 中文 / EN.
enum class Lang { Ru = 0, Zh = 1, En = 2 };
constexpr int kLangCount = 3;
constexpr std::array<Lang, kLangCount> kAllLangs = {Lang::Ru, Lang::Zh, Lang::En};

// "ru", "zh" or "en".
const char* lang_code(Lang lang);
// Parses "ru", "zh" or "en" (case-sensitive); nullopt otherwise.
std::optional<Lang> parse_lang(std::string_view code);

// One piece of text in each visitor language. Missing translations are empty.
struct LocalizedText {
    std::array<std::string, kLangCount> values;

    std::string& operator[](Lang lang) { return values[static_cast<int>(lang)]; }
    const std::string& operator[](Lang lang) const { return values[static_cast<int>(lang)]; }
    // The text in `lang`, falling back to English, then Russian, when it is missing.
    const std::string& get(Lang lang) const;
};

}  // namespace kiosk::core
