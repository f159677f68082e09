// The metadata written for the kiosk around the official texts (db/documents/*.txt, built
// into the content database) says only what the texts support: a document's parties are
// states its text names, a text that names none says so in a note, and the English the
// kiosk writes (documents, lessons, UI) follows one spelling convention: the SCO's
// "Organisation", -ise.
#include "core/content_store.h"
#include "core/document_source.h"
#include "core/file_io.h"
#include "core/translations.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

using namespace kiosk;
using namespace kiosk::core;

namespace {

// How the official Russian texts name each member state, as a stem that every case form
// and every name of the state (short or full) contains: «Республики Индия», «Индии»...
const std::map<std::string, std::string> kRussianStems = {
    {"BY", "Беларус"},  {"IN", "Инди"},     {"IR", "Иран"},     {"KZ", "Казахстан"},   {"CN", "Китайск"},
    {"KG", "Кыргызск"}, {"PK", "Пакистан"}, {"RU", "Российск"}, {"TJ", "Таджикистан"}, {"UZ", "Узбекистан"},
};

std::string body_text(const Document& doc) {
    std::string text;
    for (const Section& section : doc.sections) text += section.heading + "\n";
    for (const Block& block : doc.blocks) text += block.text + "\n";
    return text;
}

// The states a piece of official text names.
std::set<std::string> states_named_in(const std::string& text) {
    std::set<std::string> named;
    for (const auto& [code, stem] : kRussianStems)
        if (text.find(stem) != std::string::npos) named.insert(code);
    return named;
}

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

TEST_CASE("every known party has a stem to find it in the official texts") {
    for (const std::string& code : known_parties()) {
        CAPTURE(code);
        CHECK(kRussianStems.count(code) == 1);
    }
    CHECK(kRussianStems.size() == known_parties().size());
}

TEST_CASE("every party of every document is a state its official text names, or the document has a note") {
    auto store = test::open_factory_content();
    REQUIRE(!store->documents().empty());
    for (const Document& doc : store->documents()) {
        CAPTURE(doc.info.id);
        const std::set<std::string> named = states_named_in(body_text(doc));
        for (const std::string& party : doc.info.parties) {
            CAPTURE(party);
            CHECK(is_known_party(party));
            CHECK(named.count(party) == 1);
        }
        if (doc.info.parties.empty()) {
            INFO("a document that lists no parties must say why in parties_note, in every language");
            for (Lang lang : kAllLangs) CHECK(!doc.info.parties_note[lang].empty());
        }
    }
}

TEST_CASE("a text that lists its parties («Государства-члены ... – Республика ...») has exactly those as parties") {
    // The 2022 Programme's parties are the seven states its preamble names, not the eight
    // signatories of the Decision that approves it.
    auto store = test::open_factory_content();
    int listing_texts = 0;
    for (const Document& doc : store->documents()) {
        CAPTURE(doc.info.id);
        for (const Block& block : doc.blocks) {
            if (!starts_with(block.text, "Государства-члены") && !starts_with(block.text, "Государства – члены"))
                continue;
            std::set<std::string> named = states_named_in(block.text);
            if (named.size() < 2) continue;  // «Государства-члены ШОС заявляют...»: no list here
            ++listing_texts;
            CAPTURE(block.text);
            CHECK(std::set<std::string>(doc.info.parties.begin(), doc.info.parties.end()) == named);
        }
    }
    CHECK(listing_texts >= 1);
}

TEST_CASE("the 2023 and 2025 statements name no states, so they list no parties and say so") {
    auto store = test::open_factory_content();
    for (const char* id : {"2023-digital-transformation-statement", "2025-digital-economy-statement"}) {
        CAPTURE(id);
        const Document* doc = store->find_document(id);
        REQUIRE(doc != nullptr);
        CHECK(states_named_in(body_text(*doc)).empty());
        CHECK(doc->info.parties.empty());
        CHECK(doc->info.parties_note[Lang::En].find("does not list the member states") != std::string::npos);
    }
}

TEST_CASE("a document is authentic in Chinese too only where its text says it was signed in Russian and Chinese") {
    auto store = test::open_factory_content();
    for (const Document& doc : store->documents()) {
        CAPTURE(doc.info.id);
        bool says_chinese = body_text(doc).find("на русском и китайском языках") != std::string::npos;
        CHECK(doc.info.is_authentic(Lang::Ru));
        CHECK(doc.info.is_authentic(Lang::Zh) == says_chinese);
        CHECK_FALSE(doc.info.is_authentic(Lang::En));
    }
    CHECK(store->find_document("2021-ict-ministers-protocol")->info.is_authentic(Lang::Zh));
}

TEST_CASE("the English the kiosk writes spells -ise, as the SCO does (\"Organisation\")") {
    // Words ending in -ize, -ization, -izer...; size, seize and prize are not spellings of -ise.
    const std::regex ize_word(R"(\b[A-Za-z]*[A-Za-z]iz(e|es|ed|ing|ation|ations|er|ers)\b)", std::regex::icase);
    const std::set<std::string> allowed = {"size", "sizes", "resize", "seize", "seized", "prize", "prizes"};
    auto check_english = [&](const std::string& where, const std::string& text) {
        for (std::sregex_iterator it(text.begin(), text.end(), ize_word), end; it != end; ++it) {
            std::string word = it->str();
            std::string lower;
            for (char ch : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (allowed.count(lower)) continue;
            FAIL_CHECK(where << ": '" << word << "' (the kiosk writes -ise)");
        }
    };
    auto store = test::open_factory_content();
    for (const Document& doc : store->documents())
        for (const DocumentTextField& field : kDocumentTextFields)
            check_english(doc.info.id + " " + field.name + ".en", (doc.info.*field.member)[Lang::En]);
    for (const Lesson& lesson : store->lessons()) {
        std::string text = lesson.title[Lang::En] + "\n" + lesson.summary[Lang::En];
        for (const Slide& slide : lesson.slides) text += "\n" + slide.title[Lang::En] + "\n" + slide.text[Lang::En];
        for (const Question& question : lesson.questions) {
            text += "\n" + question.text[Lang::En] + "\n" + question.explanation[Lang::En];
            for (const LocalizedText& option : question.options) text += "\n" + option[Lang::En];
        }
        check_english("lesson " + lesson.id, text);
    }
    const ExploreContent& explore = store->explore();
    for (const Topic& topic : explore.topics) check_english("topic " + topic.id, topic.name[Lang::En]);
    for (const GlossaryTerm& term : explore.glossary)
        check_english("term " + term.id, term.term[Lang::En] + "\n" + term.definition[Lang::En]);
    for (const ExternalAct& act : explore.acts)
        check_english("act " + act.id, act.name[Lang::En] + "\n" + act.place[Lang::En] + "\n" + act.issuer[Lang::En]);

    Translations translations;
    Diagnostics diagnostics;
    REQUIRE(translations.load(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n", &diagnostics));
    for (const std::string& key : translations.all_keys())
        check_english("en.txt " + key, translations.get(Lang::En, key));

    SUBCASE("the check itself catches -ize") {
        int before = 0;
        const std::string sample = "Digitalization and an Organizer panel; text size";
        for (std::sregex_iterator it(sample.begin(), sample.end(), ize_word), end; it != end; ++it) ++before;
        CHECK(before == 3);  // digitalization, organizer, size (allowed above)
    }
}

TEST_CASE("every bundled document has short card titles, distinct, with its year, in each language") {
    auto store = test::open_factory_content();
    REQUIRE(store->documents().size() >= 2);
    for (Lang lang : kAllLangs) {
        CAPTURE(lang_code(lang));
        std::set<std::string> seen;
        for (const Document& doc : store->documents()) {
            CAPTURE(doc.info.id);
            const std::string& short_title = doc.info.short_title[lang];
            REQUIRE_FALSE(short_title.empty());
            CHECK(short_title.size() < doc.info.title[lang].size());
            CHECK(seen.insert(short_title).second);
            // The year tells the document from earlier acts of the same kind (the 2020 statement
            // on the digital economy is on the timeline): "(2025)", in Chinese "（2025年）".
            const std::string year = doc.info.date.substr(0, 4);
            const std::string suffix = lang == Lang::Zh ? "（" + year + "年）" : " (" + year + ")";
            CHECK(short_title.size() > suffix.size());
            CHECK(short_title.compare(short_title.size() - suffix.size(), suffix.size(), suffix) == 0);
            // A statement is named as such: 关于…的声明 in the official register.
            if (doc.info.type == DocumentType::Statement) {
                if (lang == Lang::Zh) CHECK(short_title.rfind("关于", 0) == 0);
                if (lang == Lang::Zh) CHECK(short_title.find("的声明") != std::string::npos);
                if (lang == Lang::En) CHECK(short_title.rfind("Statement on ", 0) == 0);
                if (lang == Lang::Ru) CHECK(short_title.rfind("Заявление ", 0) == 0);
            }
        }
    }
}
