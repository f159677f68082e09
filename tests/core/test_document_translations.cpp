// Translations of the documents (db/translations/, db/terminology.txt): every block of every
// document in zh and en, checked by the build; stored in the database; searchable.
#include "core/content_builder.h"
#include "core/content_store.h"
#include "core/file_io.h"
#include "core/search_index.h"
#include "core/translation_source.h"
#include "content_fixture_tree.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <set>
#include <unistd.h>
#include <string>

using namespace kiosk;
using namespace kiosk::core;
using kiosk::test::TempDir;

namespace {

// A copy of the content fixture (two documents and their translations) to break one thing in.
struct TranslatedTree : test::ContentFixtureTree {
    std::string translation(const std::string& name) const { return db() + "/translations/" + name; }

    // Replaces the first `from` in translation file `name` with `to`.
    void edit(const std::string& name, const std::string& from, const std::string& to) const {
        std::string text = test::read_text(translation(name));
        size_t pos = text.find(from);
        REQUIRE_MESSAGE(pos != std::string::npos, name << " lacks: " << from);
        test::write_text(translation(name), text.replace(pos, from.size(), to));
    }
};

// The 1-based line of `needle` in `path`.
int line_in(const std::string& path, const std::string& needle) {
    std::string text = test::read_text(path);
    size_t pos = text.find(needle);
    REQUIRE(pos != std::string::npos);
    int line = 1;
    for (size_t i = 0; i < pos; ++i) line += text[i] == '\n';
    return line;
}

// Expects a diagnostic starting "FILE:LINE: " that contains `part`.
void expect(const Diagnostics& diagnostics, const std::string& file, int line, const std::string& part) {
    std::string location = line > 0 ? file + ":" + std::to_string(line) + ": " : file + ": ";
    std::string all;
    bool found = false;
    for (const Diagnostic& d : diagnostics) {
        all += d.str() + "\n";
        found = found || (d.str().rfind(location, 0) == 0 && d.str().find(part) != std::string::npos);
    }
    INFO("expected " << location << "... " << part << "\ngot:\n" << all);
    CHECK(found);
}

}  // namespace

TEST_CASE("every heading and block of every bundled document has a Chinese and an English translation") {
    ContentSources sources;
    Diagnostics diagnostics;
    bool ok = load_content_sources(std::string(KIOSK_SOURCE_DIR) + "/db", &sources, &diagnostics);
    for (const Diagnostic& d : diagnostics) MESSAGE(d.str());
    REQUIRE(ok);
    REQUIRE(sources.documents.size() == 5);
    for (const Document& doc : sources.documents) {
        CAPTURE(doc.info.id);
        for (Lang lang : kTranslationLangs) {
            CAPTURE(lang_code(lang));
            for (const Block& block : doc.blocks) {
                CAPTURE(block.id);
                CHECK_FALSE(block.translation[lang].empty());
            }
            for (const Section& section : doc.sections)
                if (!section.heading.empty()) CHECK_FALSE(section.heading_translation[lang].empty());
        }
    }
}

TEST_CASE("the translations are stored with the document and read back block by block") {
    TranslatedTree tree;
    auto store = tree.build_and_open();
    const Document* decision = store->find_document("fixture-decision");
    REQUIRE(decision);
    CHECK(decision->blocks[1].text == "Утвердить Концепцию (прилагается).");
    CHECK(decision->blocks[1].translation[Lang::En] == "To approve the Concept (attached).");
    CHECK(decision->blocks[1].text_in(Lang::Zh) == "批准《构想》（附后）。");
    CHECK(decision->blocks[1].text_in(Lang::Ru) == decision->blocks[1].text);
    CHECK(decision->sections[1].heading == "I. Введение");
    CHECK(decision->sections[1].heading_in(Lang::En) == "I. Introduction");
    CHECK(decision->sections[1].heading_in(Lang::Zh) == "一、引言");
}

TEST_CASE("a block without a translation fails the build, naming the file, the language and the block") {
    TranslatedTree tree;
    tree.edit("fixture-decision.zh.txt", "2: 批准《构想》（附后）。\n", "");
    std::string file = tree.translation("fixture-decision.zh.txt");
    expect(tree.build(), file, line_in(file, "---"), "no zh translation of block 2 (fixture-decision line ");
}

TEST_CASE("a document with no translation file in a language fails the build") {
    TranslatedTree tree;
    REQUIRE(::unlink(tree.translation("fixture-statement.en.txt").c_str()) == 0);
    expect(tree.build(), tree.translation("fixture-statement.en.txt"), 0,
           "missing: document 'fixture-statement' has no en translation");
}

TEST_CASE("a translation of a block the original does not have is refused") {
    TranslatedTree tree;
    tree.edit("fixture-decision.en.txt", "5: This Concept", "5: This Concept has been drawn up.\n9: This Concept");
    std::string file = tree.translation("fixture-decision.en.txt");
    expect(tree.build(), file, line_in(file, "9: "), "block 9 does not exist in the original (it has 5 blocks)");

    TranslatedTree headings;
    headings.edit("fixture-decision.en.txt", "h1: I. Introduction", "h1: I. Introduction\nh2: II. Goals");
    file = headings.translation("fixture-decision.en.txt");
    expect(headings.build(), file, line_in(file, "h2: "), "heading 2 does not exist in the original (it has 1 headings)");
}

TEST_CASE("two translations of one block are refused with both lines") {
    TranslatedTree tree;
    tree.edit("fixture-statement.en.txt", "4: Tianjin", "3: to strengthen coordination;\n4: Tianjin");
    std::string file = tree.translation("fixture-statement.en.txt");
    int second = line_in(file, "4: Tianjin") - 1;
    expect(tree.build(), file, second, "translated twice (first on line " + std::to_string(second - 1) + ")");
}

TEST_CASE("a block translated into the wrong language is refused") {
    TranslatedTree russian_in_zh;
    russian_in_zh.edit("fixture-statement.zh.txt", "1: 声明", "1: ЗАЯВЛЕНИЕ");
    std::string file = russian_in_zh.translation("fixture-statement.zh.txt");
    expect(russian_in_zh.build(), file, line_in(file, "1: ЗАЯВЛЕНИЕ"),
           "contains Cyrillic letters: Russian text in the zh translation");

    TranslatedTree english_in_zh;
    english_in_zh.edit("fixture-statement.zh.txt", "1: 声明", "1: STATEMENT");
    file = english_in_zh.translation("fixture-statement.zh.txt");
    expect(english_in_zh.build(), file, line_in(file, "1: STATEMENT"), "has no Chinese characters: not a Chinese translation");

    TranslatedTree chinese_in_en;
    chinese_in_en.edit("fixture-statement.en.txt", "1: STATEMENT", "1: 声明");
    file = chinese_in_en.translation("fixture-statement.en.txt");
    expect(chinese_in_en.build(), file, line_in(file, "1: 声明"), "contains Chinese characters: not an English translation");
}

TEST_CASE("a translation ten times longer than its original is refused") {
    TranslatedTree tree;
    std::string long_text;
    for (int i = 0; i < 10; ++i) long_text += "To approve the Concept (attached). ";
    tree.edit("fixture-decision.en.txt", "2: To approve the Concept (attached).", "2: " + long_text);
    std::string file = tree.translation("fixture-decision.en.txt");
    expect(tree.build(), file, line_in(file, "2: "), "not a translation of this block");
}

TEST_CASE("a translation file whose name, header or lines are malformed is reported with file and line") {
    TranslatedTree wrong_header;
    wrong_header.edit("fixture-decision.en.txt", "language: en", "language: zh");
    std::string file = wrong_header.translation("fixture-decision.en.txt");
    expect(wrong_header.build(), file, 1, "the file name says fixture-decision.en but the header says fixture-decision.zh");

    TranslatedTree bad_line;
    bad_line.edit("fixture-decision.en.txt", "2: To approve", "second: To approve");
    file = bad_line.translation("fixture-decision.en.txt");
    expect(bad_line.build(), file, line_in(file, "second:"), "expected 'N: text' (block N) or 'hN: text' (heading N)");

    TranslatedTree unknown_document;
    test::write_text(unknown_document.translation("no-such-document.en.txt"),
                     "document: no-such-document\nlanguage: en\n---\n1: Text\n");
    expect(unknown_document.build(), unknown_document.translation("no-such-document.en.txt"), 1,
           "no document with id 'no-such-document'");

    TranslatedTree russian_file;
    test::write_text(russian_file.translation("fixture-decision.ru.txt"), "document: fixture-decision\n");
    expect(russian_file.build(), russian_file.translation("fixture-decision.ru.txt"), 0,
           "translation files are named DOCUMENT-ID.zh.txt or DOCUMENT-ID.en.txt");
}

TEST_CASE("a term of the terminology file translated otherwise is reported at the translation's line") {
    TranslatedTree tree;
    test::write_text(tree.db() + "/terminology.txt",
                     "; fixed translations\n[term]\nru: Концепци\nen: Concept\nzh: 构想\n");
    REQUIRE(tree.build().empty());  // the fixture follows it

    tree.edit("fixture-decision.en.txt", "This Concept has been drawn up", "This framework has been drawn up");
    std::string file = tree.translation("fixture-decision.en.txt");
    expect(tree.build(), file, line_in(file, "This framework"),
           "the original has the term \"Концепци\" (terminology line 2): translate it as \"Concept\"");

    TranslatedTree chinese;
    test::write_text(chinese.db() + "/terminology.txt", "[term]\nru: Концепци\nen: Concept\nzh: 构想\n");
    chinese.edit("fixture-decision.zh.txt", "制定本构想", "制定本文件");
    file = chinese.translation("fixture-decision.zh.txt");
    expect(chinese.build(), file, line_in(file, "制定本文件"), "translate it as \"构想\"");
}

TEST_CASE("a malformed terminology file is reported with its line") {
    TranslatedTree tree;
    std::string terminology = tree.db() + "/terminology.txt";
    test::write_text(terminology, "[term]\nru: Концепци\nen: Concept\n\n[term]\nru: ШОС\nfr: OCS\nzh: 上合组织\n");
    Diagnostics diagnostics = tree.build();
    expect(diagnostics, terminology, 1, "zh: term without a 'zh:' line");
    expect(diagnostics, terminology, 7, "fr: unknown field (expected ru, zh, en or note)");
}

TEST_CASE("the bundled translations follow the bundled terminology, and it catches a planted violation") {
    std::string root = std::string(KIOSK_SOURCE_DIR) + "/db";
    std::vector<Term> terms;
    Diagnostics diagnostics;
    REQUIRE(parse_terminology(test::read_text(root + "/terminology.txt"), root + "/terminology.txt", &terms, &diagnostics));
    CHECK(terms.size() >= 20);

    // The 2019 Concept's first mention of the member states, with the fixed term replaced.
    TempDir dir;
    for (const char* folder : {"/documents/", "/translations/", "/lessons/"}) {
        REQUIRE(fs::make_dirs(dir.path() + folder));
        for (const std::string& name : fs::list_files(root + folder, ".txt"))
            test::write_text(dir.path() + folder + name, test::read_text(root + folder + name));
    }
    test::write_text(dir.path() + "/terminology.txt", test::read_text(root + "/terminology.txt"));
    std::string file = dir.path() + "/translations/2019-digital-concept.en.txt";
    std::string text = test::read_text(file);
    size_t pos = text.find("Member States");
    REQUIRE(pos != std::string::npos);
    test::write_text(file, text.replace(pos, 13, "member countries"));
    int line = line_in(file, "member countries");

    ContentSources sources;
    Diagnostics planted;
    CHECK_FALSE(load_content_sources(dir.path(), &sources, &planted));
    expect(planted, file, line, "translate it as \"Member States\"");
}

TEST_CASE("Chinese and English queries find passages in the translated full text, with their language") {
    ContentSources sources;
    Diagnostics diagnostics;
    TempDir dir;
    BuildOptions options;
    options.source_dir = std::string(KIOSK_SOURCE_DIR) + "/db";
    options.out_path = dir.file("content.db");
    REQUIRE(build_content(options, &diagnostics));
    std::string error;
    auto index = SearchIndex::open(options.out_path, &error);
    REQUIRE_MESSAGE(index, error);

    // Some document's translated full text (a block, not only a title or summary) matches.
    auto found_in_text = [&](const std::string& query, const std::string& lang) {
        for (const SearchHit& hit : index->search(query, 20)) {
            if (hit.kind != "document") continue;
            for (const PassageMatch& match : index->matches_in(query, "document", hit.item))
                if (match.field == "block" && match.lang == lang && match.paragraph > 0 && !match.ranges.empty())
                    return true;
        }
        return false;
    };
    for (const char* query : {"网络安全", "人工智能", "电子商务", "数字素养"}) {
        CAPTURE(query);
        CHECK(found_in_text(query, "zh"));
    }
    bool english = found_in_text("artificial intelligence", "en") && found_in_text("digital economy", "en");
    CHECK(english);
}
