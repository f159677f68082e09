// Text the screens show that is derived from content and translations (formatted dates,
// metadata lines), prepared once at start-up for every language so frames never format.
#pragma once

#include "core/content_store.h"
#include "core/translations.h"

#include <array>
#include <string>
#include <vector>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

struct DocumentStrings {
    std::array<std::string, kLangCount> date;        // "14 июня 2019 г.", "14 June 2019", "2019年6月14日"
    std::array<std::string, kLangCount> date_place;  // date · place
    std::array<std::string, kLangCount> parties;     // "Индия, Казахстан, ..." in each language
    std::string attract_caption;  // "Заявление  ·  1 сентября 2025 г." for the attract loop
    // The attract loop's quotation source: "— Концепция …, 2019 г.", "——《…构想》，2019年", "— Concept …, 2019".
    std::array<std::string, kLangCount> quote_source;
    // Under a translated quotation: "本终端译文  ·  《…》，2019年", "Translation made for the kiosk  ·  …, 2019".
    std::array<std::string, kLangCount> quote_translation_note;
};

struct DisplayStrings {
    std::vector<DocumentStrings> documents;  // parallel to ContentStore::documents()
    // "7 slides · 5 questions" per lesson and language, parallel to ContentStore::lessons().
    std::vector<std::array<std::string, kLangCount>> lesson_meta;
    std::array<std::string, kLangCount> lessons_banner;  // the home screen's invitation, with the lesson count
    // The date of each timeline entry in every language, parallel to ContentStore::overview().timeline.
    std::vector<std::array<std::string, kLangCount>> timeline_dates;
    std::array<std::string, kLangCount> footer;               // content version and build date
    std::string attract_subtitle;                             // the app title in Chinese and English
    std::string attract_touch;                                // "touch to start" in all three languages
    std::array<std::string, kLangCount> attract_touch_lines;  // the same, one per language

    void build(const ContentStore& content, const Translations& translations);
};

// `pattern` with "{n}" replaced by `n` ("{n} slides" -> "7 slides").
std::string fill_count(const std::string& pattern, long n);

// "14 June 2019" in `lang`, from YYYY-MM-DD.
std::string format_date(const Translations& translations, Lang lang, const std::string& iso_date);

}  // namespace kiosk::ui
