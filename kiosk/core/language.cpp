#include "core/language.h"

namespace kiosk::core {

const char* lang_code(Lang lang) {
    switch (lang) {
        case Lang::Ru: return "ru";
        case Lang::Zh: return "zh";
        case Lang::En: return "en";
    }
    return "ru";
}

std::optional<Lang> parse_lang(std::string_view code) {
    for (Lang lang : kAllLangs)
        if (code == lang_code(lang)) return lang;
    return std::nullopt;
}

const std::string& LocalizedText::get(Lang lang) const {
    if (!(*this)[lang].empty()) return (*this)[lang];
    if (!(*this)[Lang::En].empty()) return (*this)[Lang::En];
    return (*this)[Lang::Ru];
}

}  // namespace kiosk::core
