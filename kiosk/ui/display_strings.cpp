#include "ui/display_strings.h"

#include "core/calendar_date.h"
#include "core/utf8.h"

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

std::string format_date(const Translations& translations, Lang lang, const std::string& iso_date) {
    CalendarDate date;
    if (!parse_iso_date(std::string_view(iso_date).substr(0, 10), &date)) return iso_date;
    const int year = date.year, month = date.month, day = date.day;
    const std::string& month_name = translations.get(lang, "month." + std::to_string(month));
    switch (lang) {
        case Lang::Zh: return std::to_string(year) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
        case Lang::En: return std::to_string(day) + " " + month_name + " " + std::to_string(year);
        case Lang::Ru: return std::to_string(day) + " " + month_name + " " + std::to_string(year) + " г.";
    }
    return iso_date;
}

std::string fill_count(const std::string& pattern, long n) {
    std::string out = pattern;
    size_t at = out.find("{n}");
    if (at != std::string::npos) out.replace(at, 3, std::to_string(n));
    return out;
}

// `pattern` with "{title}" and "{year}" filled in.
std::string fill_source(std::string pattern, const std::string& title, const std::string& year) {
    if (size_t at = pattern.find("{title}"); at != std::string::npos) pattern.replace(at, 7, title);
    if (size_t at = pattern.find("{year}"); at != std::string::npos) pattern.replace(at, 6, year);
    return pattern;
}

void DisplayStrings::build(const ContentStore& content, const Translations& translations) {
    timeline_dates.clear();
    for (const TimelineEntry& entry : content.overview().timeline) {
        std::array<std::string, kLangCount> dates;
        for (Lang lang : kAllLangs) dates[static_cast<int>(lang)] = format_date(translations, lang, entry.date);
        timeline_dates.push_back(std::move(dates));
    }
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
        strings.attract_caption = translations.get(Lang::Ru, std::string("doctype.") + document_type_name(doc.info.type)) +
                                  "  ·  " + strings.date[static_cast<int>(Lang::Ru)];
        const std::string year = doc.info.date.substr(0, 4);
        for (Lang lang : kAllLangs) {
            int i = static_cast<int>(lang);
            strings.quote_source[i] =
                fill_source(translations.get(lang, "attract.quote_source"), doc.info.title.get(lang), year);
            strings.quote_translation_note[i] =
                fill_source(translations.get(lang, "attract.translation_note"), doc.info.title.get(lang), year);
        }
        documents.push_back(std::move(strings));
    }
    lesson_meta.clear();
    for (const Lesson& lesson : content.lessons()) {
        std::array<std::string, kLangCount> meta;
        for (Lang lang : kAllLangs)
            meta[static_cast<int>(lang)] =
                fill_count(translations.get(lang, "lessons.slides"), static_cast<long>(lesson.slides.size())) + "  ·  " +
                fill_count(translations.get(lang, "lessons.questions"), static_cast<long>(lesson.questions.size()));
        lesson_meta.push_back(std::move(meta));
    }
    for (Lang lang : kAllLangs)
        lessons_banner[static_cast<int>(lang)] =
            fill_count(translations.get(lang, "home.lessons_text"), static_cast<long>(content.lessons().size()));
    attract_subtitle = translations.get(Lang::Zh, "app.title") + "   ·   " + translations.get(Lang::En, "app.title");
    attract_touch.clear();
    for (Lang lang : kAllLangs) {
        attract_touch += (attract_touch.empty() ? "" : "     ·     ") + translations.get(lang, "attract.touch");
        attract_touch_lines[static_cast<int>(lang)] = translations.get(lang, "attract.touch");
    }
    const ContentInfo& info = content.info();
    for (Lang lang : kAllLangs) {
        std::string built =
            info.built_at.size() >= 10 ? format_date(translations, lang, info.built_at.substr(0, 10)) : info.built_at;
        footer[static_cast<int>(lang)] = translations.get(lang, "footer.content_version") + " " +
                                         std::to_string(info.content_version) + "  ·  " + built;
    }
}

}  // namespace kiosk::ui
