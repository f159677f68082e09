// Topics, glossary, external acts and cross-references (issue 14): what `kioskctl build` makes
// of db/topics.txt, db/glossary.txt, db/acts.txt and db/references.txt, and how it refuses
// bad input (file, line, problem; nothing written).
#include "core/content_builder.h"
#include "core/content_store.h"
#include "core/file_io.h"
#include "core/utf8.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <set>
#include <string>

using namespace kiosk;
using namespace kiosk::core;
using kiosk::test::TempDir;

namespace {

const std::string kSourceDb = std::string(KIOSK_SOURCE_DIR) + "/db";

std::unique_ptr<ContentStore> bundled() {
    std::string error;
    auto store = ContentStore::open(KIOSK_CONTENT_DB, &error);
    REQUIRE_MESSAGE(store, error);
    return store;
}

// The bundled sources copied to a temp dir, so one file can be broken.
struct SourceCopy {
    TempDir dir;
    std::string db() const { return dir.path() + "/db"; }
    std::string out() const { return dir.path() + "/out.db"; }
    SourceCopy() {
        std::string command = "cp -r '" + kSourceDb + "' '" + db() + "'";
        REQUIRE(std::system(command.c_str()) == 0);
    }
    void append(const std::string& file, const std::string& text) const {
        test::write_text(db() + "/" + file, test::read_text(db() + "/" + file) + text);
    }
    int lines(const std::string& file) const {
        const std::string text = test::read_text(db() + "/" + file);
        int n = 0;
        for (char c : text) n += c == '\n';
        return n;
    }
    // Builds and expects exactly a problem "FILE:LINE: ..." holding `problem`, and no database.
    void expect_problem(const std::string& file, int line, const std::string& problem) const {
        BuildOptions options;
        options.source_dir = db();
        options.out_path = out();
        Diagnostics diagnostics;
        CHECK_FALSE(build_content(options, &diagnostics));
        const std::string location = db() + "/" + file + ":" + std::to_string(line) + ": ";
        bool found = false;
        for (const Diagnostic& d : diagnostics) {
            MESSAGE(d.str());
            found = found || (d.str().rfind(location, 0) == 0 && d.str().find(problem) != std::string::npos);
        }
        INFO("expected " << location << "... " << problem);
        CHECK(found);
        CHECK_FALSE(fs::exists(out()));
    }
};

const std::string* span_text(const ContentStore& store, const PassageSpan& span) {
    const Document* doc = store.find_document(span.document);
    if (!doc || span.block < 1 || span.block > static_cast<int>(doc->blocks.size())) return nullptr;
    return &doc->blocks[span.block - 1].text_in(span.lang);
}

}  // namespace

TEST_CASE("the bundled topics each have passages, named in three languages, their words matched in word forms") {
    auto store = bundled();
    const ExploreContent& explore = store->explore();
    CHECK(explore.topics.size() >= 14);
    CHECK(explore.topics.size() <= 16);
    for (const Topic& topic : explore.topics) {
        CAPTURE(topic.id);
        for (Lang lang : kAllLangs) CHECK_FALSE(topic.name[lang].empty());
        CHECK(topic.passage_count > 0);
        std::set<Lang> langs;
        for (const PassageSpan& span : topic.spans) {
            const std::string* text = span_text(*store, span);
            REQUIRE(text);
            CHECK(span.begin < span.end);
            CHECK(static_cast<size_t>(span.end) <= text->size());
            langs.insert(span.lang);
        }
        CHECK(langs.size() == 3);  // found in the original and in both translations
    }
    // «искусственного интеллекта» in the text is found by the rule «искусственный интеллект».
    const Topic* ai = store->find_topic("artificial-intelligence");
    REQUIRE(ai);
    bool inflected = false;
    for (const PassageSpan& span : ai->spans)
        if (span.lang == Lang::Ru)
            inflected = inflected || span_text(*store, span)->substr(span.begin, span.end - span.begin) ==
                                         "искусственного интеллекта";
    CHECK(inflected);
}

TEST_CASE("the bundled glossary has about forty terms, each defined in three languages and linked in the text") {
    auto store = bundled();
    const ExploreContent& explore = store->explore();
    CHECK(explore.glossary.size() >= 35);
    std::set<std::string> linked;
    for (const PassageLink& link : explore.links)
        if (link.kind == LinkKind::Term) linked.insert(link.target);
    for (const GlossaryTerm& term : explore.glossary) {
        CAPTURE(term.id);
        for (Lang lang : kAllLangs) {
            CHECK_FALSE(term.term[lang].empty());
            CHECK_FALSE(term.definition[lang].empty());
        }
        CHECK(term.definition[Lang::Zh].find("你") == std::string::npos);
        CHECK(linked.count(term.id) == 1);
        if (!term.source_document.empty()) CHECK(store->find_document(term.source_document));
    }
    // A definition taken from a bundled text names it.
    const GlossaryTerm* spirit = store->find_term("shanghai-spirit");
    REQUIRE(spirit);
    CHECK(spirit->source_document == "2025-digital-economy-statement");
    CHECK(spirit->source_block == 6);
}

TEST_CASE("every cross-reference resolves to a bundled document or an external act, and links never overlap") {
    auto store = bundled();
    const ExploreContent& explore = store->explore();
    CHECK(explore.acts.size() >= 6);
    std::set<std::string> act_targets;
    int document_links = 0;
    for (size_t i = 0; i < explore.links.size(); ++i) {
        const PassageLink& link = explore.links[i];
        CAPTURE(link.target);
        const std::string* text = span_text(*store, link.span);
        REQUIRE(text);
        CHECK(static_cast<size_t>(link.span.end) <= text->size());
        switch (link.kind) {
            case LinkKind::Document:
                CHECK(store->find_document(link.target));
                CHECK(link.target != link.span.document);  // a document naming itself is no link
                ++document_links;
                break;
            case LinkKind::Act:
                CHECK(store->find_act(link.target));
                act_targets.insert(link.target);
                break;
            case LinkKind::Term: CHECK(store->find_term(link.target)); break;
        }
        if (i > 0) {
            const PassageSpan& prev = explore.links[i - 1].span;
            if (prev.document == link.span.document && prev.block == link.span.block && prev.lang == link.span.lang)
                CHECK(prev.end <= link.span.begin);
        }
    }
    CHECK(document_links > 0);
    for (const ExternalAct& act : explore.acts) {
        CAPTURE(act.id);
        CHECK(act_targets.count(act.id) == 1);  // every act is reached from a passage
        for (Lang lang : kAllLangs) {
            CHECK_FALSE(act.name[lang].empty());
            CHECK_FALSE(act.place[lang].empty());
            CHECK_FALSE(act.issuer[lang].empty());
        }
    }
    // The 2022 Programme cites the Charter «(7 июня 2002 года, г. Санкт-Петербург)».
    bool charter = false;
    for (const PassageLink& link : explore.links)
        charter = charter || (link.span.document == "2022-digital-economy-programme" &&
                              link.target == "2002-sco-charter" && link.span.lang == Lang::Ru);
    CHECK(charter);
}

TEST_CASE("a topic phrase, term or reference that matches nothing is refused with its file and line") {
    SourceCopy copy;
    const int line = copy.lines("topics.txt") + 6;
    copy.append("topics.txt", "\n[topic]\nid: nothing-here\nname.ru: Ничего\nname.en: Nothing\nname.zh: 无\n"
                              "match.ru: кракозябра\nmatch.en: data\nmatch.zh: 数据\n");
    copy.expect_problem("topics.txt", line + 1, "'кракозябра' matches no passage of the ru text");
}

TEST_CASE("a duplicate topic id is refused on the line of the second id") {
    SourceCopy copy;
    const int line = copy.lines("topics.txt") + 3;
    copy.append("topics.txt", "\n[topic]\nid: blockchain\nname.ru: Блокчейн\nname.en: Blockchain\nname.zh: 区块链\n"
                              "match.ru: блокчейн\nmatch.en: blockchain\nmatch.zh: 区块链\n");
    copy.expect_problem("topics.txt", line, "duplicate id 'blockchain'");
}

TEST_CASE("a glossary term without its Chinese definition is refused on its [term] line") {
    SourceCopy copy;
    const int line = copy.lines("glossary.txt") + 2;
    copy.append("glossary.txt", "\n[term]\nid: test-term\nterm.ru: Данные\nterm.en: Data\nterm.zh: 数据\n"
                                "definition.ru: Сведения.\ndefinition.en: Information.\n"
                                "match.ru: данных\nmatch.en: data\nmatch.zh: 数据\n");
    copy.expect_problem("glossary.txt", line, "missing language");
}

TEST_CASE("a glossary source that points at no paragraph is refused") {
    SourceCopy copy;
    const int line = copy.lines("glossary.txt") + 13;
    copy.append("glossary.txt", "\n[term]\nid: test-term\nterm.ru: Данные\nterm.en: Data\nterm.zh: 数据\n"
                                "definition.ru: Сведения.\ndefinition.en: Information.\ndefinition.zh: 信息。\n"
                                "match.ru: данных\nmatch.en: data\nmatch.zh: 数据\nsource: 2019-digital-concept#999\n");
    copy.expect_problem("glossary.txt", line, "points at no paragraph");
}

TEST_CASE("a cross-reference to an act that does not exist is refused") {
    SourceCopy copy;
    const int line = copy.lines("references.txt") + 3;
    copy.append("references.txt", "\n[reference]\ntarget: 1999-no-such-act\nmatch.ru: Хартии ШОС\n"
                                  "match.en: Charter\nmatch.zh: 宪章\n");
    copy.expect_problem("references.txt", line, "'1999-no-such-act' is neither a bundled document nor an act");
}

TEST_CASE("an external act that no passage refers to, or with an impossible date, is refused") {
    SourceCopy copy;
    const int line = copy.lines("acts.txt") + 2;
    const std::string act = "\n[act]\nid: 2001-unused-act\ndate: 2001-06-15\nname.ru: А\nname.en: A\nname.zh: 甲\n"
                            "place.ru: Шанхай\nplace.en: Shanghai\nplace.zh: 上海\n"
                            "issuer.ru: Б\nissuer.en: B\nissuer.zh: 乙\n";
    copy.append("acts.txt", act);
    copy.expect_problem("acts.txt", line, "is the target of no [reference]");
    SourceCopy bad_date;
    const int date_line = bad_date.lines("acts.txt") + 4;
    std::string impossible = act;
    impossible.replace(impossible.find("2001-06-15"), 10, "2001-02-30");
    bad_date.append("acts.txt", impossible);
    bad_date.expect_problem("acts.txt", date_line, "'2001-02-30' is not a real date");
}

TEST_CASE("an unknown key and a key given twice in the explore sources are refused with their lines") {
    SourceCopy copy;
    const int line = copy.lines("topics.txt") + 3;
    copy.append("topics.txt", "\n[topic]\ncolour: red\n");
    copy.expect_problem("topics.txt", line, "unknown key in [topic]");
    SourceCopy twice;
    const int second = twice.lines("glossary.txt") + 4;
    twice.append("glossary.txt", "\n[term]\nid: x\nid: y\n");
    twice.expect_problem("glossary.txt", second, "given twice");
}
