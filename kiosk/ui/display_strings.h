// Text the screens show that is derived from content and translations (formatted dates,
// metadata lines), prepared once at start-up for every language so frames never format.
#pragma once

#include "core/content_store.h"
#include "core/translations.h"

#include <array>
#include <string>
#include <vector>

namespace kiosk::ui {

struct DocumentStrings {
    std::array<std::string, kLangCount> date;        // "14 июня 2019 г.", "14 June 2019", "2019年6月14日"
    std::array<std::string, kLangCount> date_place;  // date · place
    std::array<std::string, kLangCount> parties;     // "Индия, Казахстан, ..." in each language
};

struct DisplayStrings {
    std::vector<DocumentStrings> documents;  // parallel to ContentStore::documents()
    std::array<std::string, kLangCount> footer;  // content version and build date

    void build(const ContentStore& content, const Translations& translations);
};

// "14 June 2019" in `lang`, from YYYY-MM-DD.
std::string format_date(const Translations& translations, Lang lang, const std::string& iso_date);

}  // namespace kiosk::ui
