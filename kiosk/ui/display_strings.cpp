#include "ui/display_strings.h"

#include <cstdlib>

namespace kiosk::ui {

std::string format_date(const Translations& translations, Lang lang, const std::string& iso_date) {
    if (iso_date.size() < 10) return iso_date;
    int year = std::atoi(iso_date.substr(0, 4).c_str());
    int month = std::atoi(iso_date.substr(5, 2).c_str());
    int day = std::atoi(iso_date.substr(8, 2).c_str());
    if (month < 1 || month > 12) return iso_date;
    const std::string& month_name = translations.get(lang, "month." + std::to_string(month));
    switch (lang) {
        case Lang::Zh: return std::to_string(year) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
        case Lang::En: return std::to_string(day) + " " + month_name + " " + std::to_string(year);
        case Lang::Ru: return std::to_string(day) + " " + month_name + " " + std::to_string(year) + " г.";
    }
    return iso_date;
}

void DisplayStrings::build(const ContentStore& content, const Translations& translations) {
    documents.clear();
    for (const Document& doc : content.documents()) {
        DocumentStrings strings;
        for (Lang lang : kAllLangs) {
            int i = static_cast<int>(lang);
            strings.date[i] = format_date(translations, lang, doc.info.date);
            strings.date_place[i] = strings.date[i] + "  ·  " + doc.info.place.get(lang);
            std::string parties;
            for (const std::string& code : doc.info.parties)
                parties += (parties.empty() ? "" : translations.get(lang, "list.separator")) +
                           translations.get(lang, "country." + code);
            strings.parties[i] = parties;
        }
        documents.push_back(std::move(strings));
    }
    const ContentInfo& info = content.info();
    for (Lang lang : kAllLangs) {
        std::string built = info.built_at.size() >= 10 ? format_date(translations, lang, info.built_at.substr(0, 10)) : info.built_at;
        footer[static_cast<int>(lang)] = translations.get(lang, "footer.content_version") + " " +
                                         std::to_string(info.content_version) + "  ·  " + built;
    }
}

}  // namespace kiosk::ui
