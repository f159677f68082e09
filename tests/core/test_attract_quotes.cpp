// The attract loop's quotations (quote.ru, quote.zh, quote.en in a document's header): whole
// sentences of one block of the official Russian text, verbatim, and the same passage of that
// block's translations made for the kiosk. Checked by the build, stored with the document.
#include "core/content_builder.h"
#include "core/content_store.h"
#include "core/file_io.h"
#include "core/translation_source.h"
#include "content_fixture_tree.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <string>
#include <unistd.h>

using namespace kiosk;
using namespace kiosk::core;

namespace {

const char* kQuoteLines = "quote.ru: Настоящая Концепция разработана в целях расширения взаимодействия.\n"
                          "quote.zh: 制定本构想旨在扩大相互协作。\n"
                          "quote.en: This Concept has been drawn up to expand interaction.\n";

// A copy of the content fixture whose decision has a quotation (`quote` lines in its header).
struct QuotedTree : test::ContentFixtureTree {
    std::string decision() const { return db() + "/documents/fixture-decision.txt"; }

    explicit QuotedTree(const std::string& quote = kQuoteLines) {
        std::string text = test::read_text(decision());
        text.insert(text.find("---\n"), quote);
        test::write_text(decision(), text);
        std::string en = test::read_text(db() + "/translations/fixture-decision.en.txt");
        size_t line = en.find("\n5: ");
        REQUIRE(line != std::string::npos);
        en.replace(line, en.find('\n', line + 1) - line, "\n5: This Concept has been drawn up to expand interaction.");
        test::write_text(db() + "/translations/fixture-decision.en.txt", en);
    }

    // "file:line: field: ..." of the header line starting with `key`.
    std::string at(const std::string& key) const {
        std::string text = test::read_text(decision());
        size_t pos = text.find("\n" + key + ":");
        REQUIRE(pos != std::string::npos);
        int line = 2;
        for (size_t i = 0; i < pos; ++i) line += text[i] == '\n';
        return decision() + ":" + std::to_string(line) + ": " + key + ": ";
    }
};

bool reported(const Diagnostics& diagnostics, const std::string& prefix, const std::string& part) {
    std::string all;
    for (const Diagnostic& d : diagnostics) {
        all += d.str() + "\n";
        if (d.str().rfind(prefix, 0) == 0 && d.str().find(part) != std::string::npos) return true;
    }
    MESSAGE("expected " << prefix << "... " << part << "\ngot:\n" << all);
    return false;
}

}  // namespace

TEST_CASE("a whole sentence is told from a fragment, in Russian, English and Chinese") {
    const std::string ru = "2. Стороны обсудили вопросы. Достигнута договоренность, в частности, по ИИ.";
    CHECK(whole_sentence_problem(ru, "Стороны обсудили вопросы.", Lang::Ru).empty());  // after the list number
    CHECK(whole_sentence_problem(ru, "Достигнута договоренность, в частности, по ИИ.", Lang::Ru).empty());
    CHECK(whole_sentence_problem(ru, ru, Lang::Ru).empty());
    CHECK(whole_sentence_problem(ru, "обсудили вопросы.", Lang::Ru) == "starts in the middle of a sentence");
    CHECK(whole_sentence_problem(ru, "Стороны обсудили", Lang::Ru).find("does not end") == 0);
    CHECK(whole_sentence_problem(ru, "Стороны обсудили вопросы", Lang::Ru).find("does not end") == 0);
    CHECK(whole_sentence_problem("признавая, что сотрудничество важно,", "признавая, что сотрудничество важно,",
                                 Lang::Ru) != "");
    CHECK(whole_sentence_problem(ru, "Стороны решили.", Lang::Ru) == "not found verbatim in the text");
    const std::string zh = "二、各方审议了广泛问题。各方商定定期交流经验。";
    CHECK(whole_sentence_problem(zh, "各方审议了广泛问题。", Lang::Zh).empty());
    CHECK(whole_sentence_problem(zh, "各方商定定期交流经验。", Lang::Zh).empty());
    CHECK(whole_sentence_problem(zh, "定期交流经验。", Lang::Zh) == "starts in the middle of a sentence");
    CHECK(whole_sentence_problem("2. The Parties met. They agreed.", "The Parties met.", Lang::En).empty());
    CHECK(whole_sentence_problem("2. The Parties met. They agreed.", "they agreed.", Lang::En) != "");
}

TEST_CASE("every bundled quotation is whole sentences of its document and the same block's translations") {
    ContentSources sources;
    Diagnostics diagnostics;
    bool ok = load_content_sources(std::string(KIOSK_SOURCE_DIR) + "/db", &sources, &diagnostics);
    for (const Diagnostic& d : diagnostics) MESSAGE(d.str());
    REQUIRE(ok);
    int quoted = 0;
    for (const Document& doc : sources.documents) {
        CAPTURE(doc.info.id);
        const std::string& quote = doc.info.quote[Lang::Ru];
        if (quote.empty()) continue;
        ++quoted;
        const int index = quote_block(doc);
        REQUIRE(index >= 0);
        const Block& block = doc.blocks[static_cast<size_t>(index)];
        CHECK(block.text.find(quote) != std::string::npos);  // verbatim in the official text
        CHECK(whole_sentence_problem(block.text, quote, Lang::Ru) == "");
        for (Lang lang : kTranslationLangs) {
            CAPTURE(lang_code(lang));
            REQUIRE_FALSE(doc.info.quote[lang].empty());  // every bundled document is translated
            CHECK(block.translation[lang].find(doc.info.quote[lang]) != std::string::npos);
            CHECK(whole_sentence_problem(block.translation[lang], doc.info.quote[lang], lang) == "");
        }
    }
    CHECK(quoted >= 4);
}

TEST_CASE("a quotation is stored with its document and read back") {
    QuotedTree tree;
    auto store = tree.build_and_open();
    const Document* decision = store->find_document("fixture-decision");
    REQUIRE(decision);
    CHECK(decision->info.quote[Lang::Ru] == "Настоящая Концепция разработана в целях расширения взаимодействия.");
    CHECK(decision->info.quote[Lang::Zh] == "制定本构想旨在扩大相互协作。");
    CHECK(quote_block(*decision) == 4);
    CHECK(store->find_document("fixture-statement")->info.quote[Lang::Ru].empty());
}

TEST_CASE("a quotation that is a fragment or not in the text is refused at its line") {
    {
        QuotedTree tree(std::string("quote.ru: Концепция разработана в целях расширения взаимодействия.\n") +
                        "quote.zh: 制定本构想旨在扩大相互协作。\n" +
                        "quote.en: This Concept has been drawn up to expand interaction.\n");
        CHECK(reported(tree.build(), tree.at("quote.ru"), "not whole sentences of block 5 (line "));
        CHECK(reported(tree.build(), tree.at("quote.ru"), "starts in the middle of a sentence"));
    }
    {
        QuotedTree tree("quote.ru: Настоящая Концепция разработана в целях расширения.\n");
        CHECK(reported(tree.build(), tree.at("quote.ru"), "not found verbatim in any block of the body"));
    }
    {
        QuotedTree tree("quote.zh: 制定本构想旨在扩大相互协作。\n");
        CHECK(reported(tree.build(), tree.at("quote.zh"), "a translated quotation needs quote.ru"));
    }
}

TEST_CASE("a translated quotation must be the same passage of the same block's translation") {
    {
        // 批准《构想》（附后）。 is the translation of block 2, not of the block quoted.
        QuotedTree tree(std::string("quote.ru: Настоящая Концепция разработана в целях расширения взаимодействия.\n") +
                        "quote.zh: 批准《构想》（附后）。\n" +
                        "quote.en: This Concept has been drawn up to expand interaction.\n");
        CHECK(reported(tree.build(), tree.at("quote.zh"),
                       "not the same passage of the translation of block 5 (the block holding quote.ru)"));
    }
    {
        QuotedTree tree(std::string("quote.ru: Настоящая Концепция разработана в целях расширения взаимодействия.\n") +
                        "quote.zh: 制定本构想旨在扩大相互协作。\n");
        CHECK(reported(tree.build(), tree.at("quote.ru").substr(0, tree.at("quote.ru").size() - 10) + "quote.en: ",
                       "missing: block 5 holding quote.ru is translated"));
    }
}
