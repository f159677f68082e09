// `build_content`: compiles db/ sources into a content database. Every bad input must
// give a message naming file, line and problem, and a failed build must never touch
// an existing database.
#include "core/content_builder.h"
#include "core/content_store.h"
#include "core/document_source.h"
#include "core/file_io.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <ctime>
#include <string>
#include <vector>

using namespace kiosk;
using namespace kiosk::core;
using kiosk::test::TempDir;

namespace {

const std::string kFixtureDir = std::string(KIOSK_TEST_DATA_DIR) + "/content/db";

// A complete, valid document; each bad-input test breaks exactly one thing in it.
const std::string kValidDocument = "; a comment line\n"
                                   "id: sample-statement\n"
                                   "type: statement\n"
                                   "date: 2020-11-10\n"
                                   "parties: KZ, RU, CN\n"
                                   "title.ru: Заявление о сотрудничестве в области цифровой экономики\n"
                                   "title.en: Statement on cooperation in the digital economy\n"
                                   "title.zh: 关于数字经济领域合作的声明\n"
                                   "summary.en: The heads of state agree to cooperate on the digital economy.\n"
                                   "summary.zh: 各国元首同意在数字经济领域开展合作。\n"
                                   "place.ru: Москва\n"
                                   "place.en: Moscow\n"
                                   "place.zh: 莫斯科\n"
                                   "issuer.ru: Совет глав государств-членов ШОС\n"
                                   "issuer.en: SCO Council of Heads of State\n"
                                   "issuer.zh: 上海合作组织成员国元首理事会\n"
                                   "---\n"
                                   "ЗАЯВЛЕНИЕ\n"
                                   "\n"
                                   "## I. Общие положения\n"
                                   "\n"
                                   "1. Государства-члены заявляют о следующем:\n"
                                   "* укреплять сотрудничество;\n"
                                   "> За Республику Казахстан\n";

// Its translations (db/translations/), which every document needs.
const std::string kValidTranslationEn =
    "document: sample-statement\nlanguage: en\n---\n"
    "h1: I. General provisions\n1: STATEMENT\n2: 1. The Member States state the following:\n"
    "3: to strengthen cooperation;\n4: For the Republic of Kazakhstan\n";
const std::string kValidTranslationZh =
    "document: sample-statement\nlanguage: zh\n---\n"
    "h1: 一、总则\n1: 声明\n2: 1. 成员国声明如下：\n3: 加强合作；\n4: 哈萨克斯坦共和国代表\n";

// 1-based line of the first line of `text` that starts with `prefix`.
int line_of(const std::string& text, const std::string& prefix) {
    int line = 1;
    for (size_t pos = 0; pos < text.size(); ++line) {
        if (text.compare(pos, prefix.size(), prefix) == 0) return line;
        size_t end = text.find('\n', pos);
        if (end == std::string::npos) break;
        pos = end + 1;
    }
    FAIL("no line starts with '" << prefix << "'");
    return 0;
}

// `text` with the line starting with `prefix` replaced by `replacement` (which may be
// empty, deleting the line, or hold several lines).
std::string with_line(const std::string& text, const std::string& prefix, const std::string& replacement) {
    size_t pos = 0;
    while (pos != std::string::npos && text.compare(pos, prefix.size(), prefix) != 0) {
        pos = text.find('\n', pos);
        if (pos != std::string::npos) ++pos;
    }
    REQUIRE(pos != std::string::npos);
    size_t end = text.find('\n', pos);
    REQUIRE(end != std::string::npos);
    return text.substr(0, pos) + replacement + (replacement.empty() ? "" : "\n") + text.substr(end + 1);
}

// A source tree (TEMP/db/documents/...) holding the given files and the translations of kValidDocument.
struct SourceTree {
    TempDir dir;
    std::string db() const { return dir.path() + "/db"; }
    std::string document(const std::string& name) const { return db() + "/documents/" + name; }
    std::string out() const { return dir.path() + "/out/content.db"; }

    explicit SourceTree(const std::vector<std::pair<std::string, std::string>>& files) {
        REQUIRE(fs::make_dirs(db() + "/documents"));
        for (const auto& [name, text] : files) test::write_text(document(name), text);
        REQUIRE(fs::make_dirs(db() + "/translations"));
        test::write_text(db() + "/translations/sample-statement.en.txt", kValidTranslationEn);
        test::write_text(db() + "/translations/sample-statement.zh.txt", kValidTranslationZh);
    }
};

Diagnostics build(const SourceTree& tree, int64_t content_version = 1, const std::string& built_at = {}) {
    BuildOptions options;
    options.source_dir = tree.db();
    options.out_path = tree.out();
    options.content_version = content_version;
    options.built_at = built_at;
    Diagnostics diagnostics;
    bool ok = build_content(options, &diagnostics);
    for (const Diagnostic& d : diagnostics) MESSAGE(d.str());
    CHECK(ok == diagnostics.empty());
    return diagnostics;
}

// Builds a tree with one document `text` and expects the build to fail with a
// message "FILE:LINE: ..." containing `problem`.
void expect_problem(const std::string& text, int line, const std::string& problem) {
    SourceTree tree({{"doc.txt", text}});
    Diagnostics diagnostics = build(tree);
    REQUIRE(!diagnostics.empty());
    std::string expected_location = tree.document("doc.txt") + ":" + std::to_string(line) + ": ";
    bool found = false;
    for (const Diagnostic& d : diagnostics) {
        INFO(d.str());
        found = found || (d.str().rfind(expected_location, 0) == 0 && d.str().find(problem) != std::string::npos);
    }
    INFO("expected " << expected_location << "... " << problem << "; got first: " << diagnostics[0].str());
    CHECK(found);
    CHECK_FALSE(fs::exists(tree.out()));
}

std::unique_ptr<ContentStore> open_store(const std::string& path) {
    std::string error;
    auto store = ContentStore::open(path, &error);
    INFO(error);
    REQUIRE(store);
    return store;
}

}  // namespace

TEST_CASE("the content builder compiles the fixture sources into a database the store reads back field by field") {
    TempDir dir;
    BuildOptions options;
    options.source_dir = kFixtureDir;
    options.out_path = dir.file("content.db");
    Diagnostics diagnostics;
    REQUIRE(build_content(options, &diagnostics));
    CHECK(diagnostics.empty());

    auto store = open_store(options.out_path);
    REQUIRE(store->documents().size() == 2);
    // Newest first.
    CHECK(store->documents()[0].info.id == "fixture-statement");
    CHECK(store->documents()[1].info.id == "fixture-decision");

    const Document* statement = store->find_document("fixture-statement");
    REQUIRE(statement != nullptr);
    const DocumentInfo& info = statement->info;
    CHECK(info.type == DocumentType::Statement);
    CHECK(info.date == "2023-07-04");
    CHECK(info.parties == std::vector<std::string>{"IN", "KZ", "CN"});
    CHECK(info.source == "000_e8d72185721640d9.txt");
    CHECK(info.title[Lang::Ru] == "Заявление о цифровой трансформации");
    CHECK(info.title[Lang::Zh] == "关于数字化转型的声明");
    CHECK(info.summary[Lang::Ru] == "Короткий отрывок для тестов.");
    CHECK(info.date_note[Lang::En] == "The date is not stated in the text.");
    CHECK(info.parties_note[Lang::Zh] == "测试用的参与方。");
    CHECK(info.annex_note[Lang::Ru] == "Приложения не воспроизводятся.");
    // Characters only the notes use (参与, 附件) are in the charset, so the font atlas has them.
    for (const char* glyph : {"参", "与", "附", "件"}) {
        CAPTURE(glyph);
        CHECK(store->info().charset.find(glyph) != std::string::npos);
    }
    CHECK(info.issuer[Lang::Zh] == "上海合作组织成员国元首理事会");

    REQUIRE(statement->sections.size() == 2);
    CHECK(statement->sections[0].heading.empty());
    CHECK(statement->sections[1].heading == "Основная часть");
    CHECK(statement->sections[1].first_block == 1);
    REQUIRE(statement->blocks.size() == 4);
    CHECK(statement->blocks[0].text == "ЗАЯВЛЕНИЕ");
    CHECK(statement->blocks[1].kind == BlockKind::Paragraph);
    CHECK(statement->blocks[2].kind == BlockKind::ListItem);
    CHECK(statement->blocks[2].text == "укреплять координацию и осуществлять регулярный диалог;");
    CHECK(statement->blocks[3].kind == BlockKind::Signature);
    CHECK(statement->blocks[3].text == "г.Тяньцзинь, 1 сентября 2025 года");
    CHECK(statement->blocks[3].id == 4);
    CHECK(statement->blocks[3].section == 1);

    const Document* decision = store->find_document("fixture-decision");
    REQUIRE(decision != nullptr);
    CHECK(decision->info.summary[Lang::Ru].empty());
    CHECK(decision->info.date_note[Lang::En].empty());
    CHECK(decision->info.parties_note[Lang::En].empty());
    CHECK(decision->info.annex_note[Lang::En].empty());
    CHECK(decision->info.block_count == 5);
}

TEST_CASE("the content builder accepts a source saved with a byte order mark and Windows line ends") {
    std::string text = "\xEF\xBB\xBF" + kValidDocument;
    for (size_t pos = 0; (pos = text.find('\n', pos)) != std::string::npos; pos += 2) text.insert(pos, "\r");
    SourceTree tree({{"doc.txt", text}});
    CHECK(build(tree).empty());
    CHECK(open_store(tree.out())->documents().at(0).info.id == "sample-statement");
}

TEST_CASE("the content builder stamps the content version and build time into the database") {
    SourceTree tree({{"doc.txt", kValidDocument}});
    REQUIRE(build(tree, 7, "2025-09-01T08:30:00Z").empty());
    auto store = open_store(tree.out());
    CHECK(store->info().content_version == 7);
    CHECK(store->info().built_at == "2025-09-01T08:30:00Z");
    CHECK(store->info().schema_version == 3);
    CHECK(store->info().product_id == "org.sco.digital-kiosk");
    // The charset lists the glyphs the kiosk must load, for every language.
    CHECK(store->info().charset.find("Ж") == std::string::npos);
    CHECK(store->info().charset.find("З") != std::string::npos);
    CHECK(store->info().charset.find("莫") != std::string::npos);
}

TEST_CASE("the content builder stamps the current UTC time when no build time is given") {
    SourceTree tree({{"doc.txt", kValidDocument}});
    REQUIRE(build(tree, 3).empty());
    auto store = open_store(tree.out());
    CHECK(store->info().content_version == 3);
    const std::string& built_at = store->info().built_at;
    REQUIRE(built_at.size() == 20);
    std::tm tm{};
    REQUIRE(strptime(built_at.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm) != nullptr);
    double age = std::difftime(std::time(nullptr), timegm(&tm));
    CHECK(age >= -1);
    CHECK(age < 3600);
}

TEST_CASE("a metadata line without 'key: value' is reported with its file and line") {
    std::string text = with_line(kValidDocument, "type:", "type: statement\nthis line has no key");
    expect_problem(text, line_of(text, "this line"), "malformed metadata line, expected 'key: value'");
}

TEST_CASE("a missing required field is reported at the '---' line with the field's name") {
    for (const char* field : {"id:", "type:", "date:", "title.zh:", "summary.en:", "place.ru:", "issuer.en:"}) {
        CAPTURE(field);
        std::string text = with_line(kValidDocument, field, "");
        std::string name = std::string(field).substr(0, std::string(field).size() - 1);
        expect_problem(text, line_of(text, "---"), name + ": missing required field");
    }
}

TEST_CASE("an unknown document type is reported with the types that are allowed") {
    std::string text = with_line(kValidDocument, "type:", "type: law");
    expect_problem(text, line_of(text, "type:"),
                   "type: unknown document type 'law' (expected statement, decision, concept, programme or protocol)");
}

TEST_CASE("two documents with the same id are reported with both places") {
    std::string other = with_line(kValidDocument, "date:", "date: 2021-01-01");
    SourceTree tree({{"a.txt", kValidDocument}, {"b.txt", other}});
    Diagnostics diagnostics = build(tree);
    REQUIRE(diagnostics.size() == 1);
    int id_line = line_of(kValidDocument, "id:");
    CHECK(diagnostics[0].str() == tree.document("b.txt") + ":" + std::to_string(id_line) +
                                      ": id: duplicate id 'sample-statement' (already used at " +
                                      tree.document("a.txt") + ":" + std::to_string(id_line) + ")");
    CHECK_FALSE(fs::exists(tree.out()));
}

TEST_CASE("a date that is not a real YYYY-MM-DD calendar date is reported") {
    for (const char* date : {"10.11.2020", "2020-13-01", "2023-02-29", "2020-04-31", "2020-1-10", "2020-11-10x"}) {
        CAPTURE(date);
        std::string text = with_line(kValidDocument, "date:", std::string("date: ") + date);
        expect_problem(text, line_of(text, "date:"), "date: '" + std::string(date) + "' is not a date in the form YYYY-MM-DD");
    }
    SourceTree leap_day({{"doc.txt", with_line(kValidDocument, "date:", "date: 2024-02-29")}});
    CHECK(build(leap_day).empty());
}

TEST_CASE("an id with characters outside a-z, 0-9 and '-' is reported") {
    for (const char* id : {"Sample", "sample_statement", "образец", "a b"}) {
        CAPTURE(id);
        std::string text = with_line(kValidDocument, "id:", std::string("id: ") + id);
        expect_problem(text, line_of(text, "id:"), "id: '" + std::string(id) + "' is not a valid id");
    }
}

TEST_CASE("a party that is not an SCO member state code is reported with file and line") {
    for (const char* code : {"XX", "by", "IRN", "US"}) {
        CAPTURE(code);
        std::string text = with_line(kValidDocument, "parties:", std::string("parties: KZ, ") + code + ", RU");
        expect_problem(text, line_of(text, "parties:"),
                       "parties: unknown party '" + std::string(code) +
                           "' (expected one of BY, IN, IR, KZ, CN, KG, PK, RU, TJ, UZ)");
    }
}

TEST_CASE("all ten SCO member states are known parties, kept in the Russian alphabetical order of SCO texts") {
    CHECK(known_parties() == std::vector<std::string>{"BY", "IN", "IR", "KZ", "CN", "KG", "PK", "RU", "TJ", "UZ"});
    std::string text = with_line(kValidDocument, "parties:", "parties: UZ, IR, RU, BY, CN, IN, KZ, KG, TJ, PK, RU");
    Document doc;
    Diagnostics diagnostics;
    REQUIRE(parse_document_source(text, "doc.txt", &doc, &diagnostics));
    CHECK(doc.info.parties == known_parties());
}

TEST_CASE("a document without parties needs a parties note, in every language") {
    const std::string no_parties = with_line(kValidDocument, "parties:", "");
    SUBCASE("neither parties nor a note") {
        expect_problem(no_parties, line_of(no_parties, "---"), "parties: missing: list the parties the text names");
    }
    SUBCASE("a note instead of parties is read back, with no parties") {
        std::string text = with_line(no_parties, "type:",
                                     "type: statement\n"
                                     "parties_note.ru: В тексте государства не перечисляются.\n"
                                     "parties_note.en: The text does not list the states.\n"
                                     "parties_note.zh: 文本未列出国家。");
        SourceTree tree({{"doc.txt", text}});
        REQUIRE(build(tree).empty());
        auto store = open_store(tree.out());
        REQUIRE(store->documents().size() == 1);
        const DocumentInfo& info = store->documents()[0].info;
        CHECK(info.parties.empty());
        CHECK(info.parties_note[Lang::En] == "The text does not list the states.");
        CHECK(info.parties_note[Lang::Zh] == "文本未列出国家。");
    }
    SUBCASE("a note in some languages only") {
        std::string text = with_line(no_parties, "type:",
                                     "type: statement\n"
                                     "parties_note.ru: В тексте государства не перечисляются.\n"
                                     "parties_note.en: The text does not list the states.");
        expect_problem(text, line_of(text, "parties_note.ru:"),
                       "parties_note: given in some languages only; add parties_note.zh");
    }
    SUBCASE("an annex note in some languages only") {
        std::string text = with_line(kValidDocument, "type:", "type: statement\nannex_note.zh: 附件未予收录。");
        expect_problem(text, line_of(text, "annex_note.zh:"),
                       "annex_note: given in some languages only; add annex_note.ru, annex_note.en");
    }
}

const std::string kShortTitles = "short_title.ru: Заявление о цифровой экономике (2020)\n"
                                 "short_title.en: Statement on the digital economy (2020)\n"
                                 "short_title.zh: 关于数字经济的声明（2020年）";

TEST_CASE("short titles are read, stored and shown on cards, with the title as fallback") {
    SUBCASE("given in every language") {
        std::string text =
            with_line(kValidDocument,
                      "title.zh:", "title.zh: 上海合作组织成员国元首理事会关于数字经济领域合作的声明\n" + kShortTitles);
        SourceTree tree({{"doc.txt", text}});
        REQUIRE(build(tree).empty());
        auto store = open_store(tree.out());
        REQUIRE(store->documents().size() == 1);
        const DocumentInfo& info = store->documents()[0].info;
        CHECK(info.short_title[Lang::Ru] == "Заявление о цифровой экономике (2020)");
        CHECK(info.card_title(Lang::En) == "Statement on the digital economy (2020)");
        CHECK(info.card_title(Lang::Zh) == "关于数字经济的声明（2020年）");
        CHECK(info.title[Lang::En] == "Statement on cooperation in the digital economy");
    }
    SUBCASE("none: the card shows the title") {
        SourceTree tree({{"doc.txt", kValidDocument}});
        REQUIRE(build(tree).empty());
        auto store = open_store(tree.out());
        const DocumentInfo& info = store->documents()[0].info;
        CHECK(info.short_title[Lang::En].empty());
        CHECK(info.card_title(Lang::En) == "Statement on cooperation in the digital economy");
        CHECK(info.card_title(Lang::Zh) == "关于数字经济领域合作的声明");
    }
}

TEST_CASE("a short title missing in a language, empty or not short is named with its line") {
    SUBCASE("missing in one language") {
        std::string text = with_line(kValidDocument, "title.zh:",
                                     "title.zh: 上海合作组织成员国元首理事会关于数字经济领域合作的声明\n"
                                     "short_title.ru: Заявление о цифровой экономике (2020)\n"
                                     "short_title.en: Statement on the digital economy (2020)");
        expect_problem(text, line_of(text, "short_title.ru:"),
                       "short_title: given in some languages only; add short_title.zh");
    }
    SUBCASE("empty") {
        std::string text =
            with_line(kValidDocument,
                      "title.zh:", "title.zh: 上海合作组织成员国元首理事会关于数字经济领域合作的声明\n" + kShortTitles);
        text = with_line(text, "short_title.en:", "short_title.en:   ");
        expect_problem(text, line_of(text, "short_title.en:"), "short_title.en: empty value");
    }
    SUBCASE("as long as the title") {
        std::string text =
            with_line(kValidDocument,
                      "title.zh:", "title.zh: 上海合作组织成员国元首理事会关于数字经济领域合作的声明\n" + kShortTitles);
        text = with_line(text, "short_title.en:", "short_title.en: Statement on cooperation in the digital economy!");
        expect_problem(text, line_of(text, "short_title.en:"), "short_title.en: not shorter than title.en");
    }
}

TEST_CASE("two documents with the same card title are reported with both places") {
    std::string first = with_line(
        kValidDocument, "title.zh:", "title.zh: 上海合作组织成员国元首理事会关于数字经济领域合作的声明\n" + kShortTitles);
    std::string second = with_line(first, "id:", "id: other-statement");
    second = with_line(second, "short_title.ru:", "short_title.ru: Заявление о цифровой экономике (2021)");
    second = with_line(second, "short_title.zh:", "short_title.zh: 关于数字经济的声明（2021年）");
    SourceTree tree({{"a.txt", first}, {"b.txt", second}});
    Diagnostics diagnostics = build(tree);
    int line = line_of(second, "short_title.en:");
    bool found = false;
    for (const Diagnostic& d : diagnostics)
        found = found || d.str() == tree.document("b.txt") + ":" + std::to_string(line) +
                                        ": short_title.en: 'Statement on the digital economy (2020)' is already the "
                                        "card title of another document (" +
                                        tree.document("a.txt") + ":" + std::to_string(line) +
                                        "): home cards must tell documents apart";
    CHECK(found);
    CHECK_FALSE(fs::exists(tree.out()));
}

TEST_CASE("authentic languages must be known and include Russian") {
    std::string unknown = with_line(kValidDocument, "parties:", "parties: KZ, RU, CN\nauthentic: ru, de");
    expect_problem(unknown, line_of(unknown, "authentic:"), "authentic: unknown language 'de' (expected ru, zh or en)");
    std::string no_russian = with_line(kValidDocument, "parties:", "parties: KZ, RU, CN\nauthentic: zh");
    expect_problem(no_russian, line_of(no_russian, "authentic:"), "authentic: must include ru");
}

TEST_CASE("an unknown header field is reported by name") {
    std::string text = with_line(kValidDocument, "type:", "type: statement\ncolour: red");
    expect_problem(text, line_of(text, "colour:"), "colour: unknown field");
}

TEST_CASE("a header field given twice is reported with the line of its first use") {
    std::string text = with_line(kValidDocument, "place.en:", "place.en: Moscow\nplace.en: Bishkek");
    int first = line_of(text, "place.en:");
    expect_problem(text, first + 1, "place.en: field given twice (first on line " + std::to_string(first) + ")");
}

TEST_CASE("a header field with an empty value is reported") {
    std::string text = with_line(kValidDocument, "title.en:", "title.en:   ");
    expect_problem(text, line_of(text, "title.en:"), "title.en: empty value");
}

TEST_CASE("a source without the '---' line is reported") {
    std::string text = kValidDocument.substr(0, kValidDocument.find("---"));
    int last_line = line_of(text, "issuer.zh:");
    expect_problem(text, last_line, "missing the '---' line that ends the header");
    expect_problem("", 1, "missing the '---' line that ends the header");
}

TEST_CASE("a document with no text after '---' is reported") {
    std::string text = kValidDocument.substr(0, kValidDocument.find("---") + 4) + "\n; only a comment\n";
    expect_problem(text, line_of(text, "---"), "the document has no text after '---'");
}

TEST_CASE("a section heading without text is reported") {
    std::string text = with_line(kValidDocument, "## I.", "##   ");
    expect_problem(text, line_of(text, "##"), "heading: empty section heading");
}

TEST_CASE("a section heading at the end of a document with nothing under it is reported") {
    std::string text = kValidDocument + "## II. Заключительные положения\n";
    expect_problem(text, line_of(text, "## II."), "heading: section heading at the end of the document has no text under it");
}

TEST_CASE("an empty list item or signature line is reported") {
    std::string text = with_line(kValidDocument, "* ", "*");
    expect_problem(text, line_of(text, "*"), "item: empty block");
    text = with_line(kValidDocument, "> ", ">   ");
    expect_problem(text, line_of(text, ">"), "signature: empty block");
}

TEST_CASE("a source that is not valid UTF-8 is reported at the line of the first bad byte") {
    std::string text = with_line(kValidDocument, "1. ", "1. Государства\xFF-члены заявляют");
    expect_problem(text, line_of(text, "1. "), "file is not valid UTF-8");
    text = with_line(kValidDocument, "place.en:", "place.en: Mosc\xC3");
    expect_problem(text, line_of(text, "place.en:"), "file is not valid UTF-8");
}

TEST_CASE("a source directory without documents is reported") {
    SourceTree tree({});
    Diagnostics diagnostics = build(tree);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].str() == tree.db() + "/documents: no document sources (*.txt) found");

    BuildOptions options;
    options.source_dir = tree.dir.file("no-such-dir");
    options.out_path = tree.out();
    Diagnostics missing;
    CHECK_FALSE(build_content(options, &missing));
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].str() == options.source_dir + ": not a directory");
}

TEST_CASE("a content version below 1 or a malformed build time is refused before anything is read") {
    SourceTree tree({{"doc.txt", kValidDocument}});
    Diagnostics zero = build(tree, 0);
    REQUIRE(zero.size() == 1);
    CHECK(zero[0].str() == tree.out() + ": content-version: must be a positive whole number up to 999999999, got 0");
    CHECK(build(tree, -5).size() == 1);
    Diagnostics bad_time = build(tree, 1, "yesterday");
    REQUIRE(bad_time.size() == 1);
    CHECK(bad_time[0].str() ==
          tree.out() + ": built-at: 'yesterday' is not a UTC time in the form YYYY-MM-DDTHH:MM:SSZ");
    CHECK_FALSE(fs::exists(tree.out()));
}

TEST_CASE("every problem in every file is reported in one build, not just the first") {
    std::string bad_type = with_line(kValidDocument, "type:", "type: law");
    std::string bad_date = with_line(with_line(kValidDocument, "id:", "id: other"), "date:", "date: 2020-02-30");
    SourceTree tree({{"a.txt", bad_type}, {"b.txt", bad_date}});
    Diagnostics diagnostics = build(tree);
    REQUIRE(diagnostics.size() == 2);
    CHECK(diagnostics[0].file == tree.document("a.txt"));
    CHECK(diagnostics[0].field == "type");
    CHECK(diagnostics[1].file == tree.document("b.txt"));
    CHECK(diagnostics[1].field == "date");
}

TEST_CASE("a failed build leaves an existing database byte for byte untouched") {
    SourceTree tree({{"doc.txt", kValidDocument}});
    REQUIRE(build(tree, 4, "2025-01-01T00:00:00Z").empty());
    std::string before = test::read_text(tree.out());
    REQUIRE(!before.empty());

    test::write_text(tree.document("doc.txt"), with_line(kValidDocument, "type:", "type: law"));
    CHECK(!build(tree, 5).empty());
    CHECK(test::read_text(tree.out()) == before);
    CHECK(open_store(tree.out())->info().content_version == 4);
    // No temporary file is left beside it either.
    CHECK(fs::list_files(fs::dirname(tree.out()), "").size() == 1);
}

TEST_CASE("a successful build replaces an existing database") {
    SourceTree tree({{"doc.txt", kValidDocument}});
    REQUIRE(build(tree, 1).empty());
    test::write_text(tree.document("doc.txt"), with_line(kValidDocument, "title.en:", "title.en: Renamed"));
    REQUIRE(build(tree, 2).empty());
    auto store = open_store(tree.out());
    CHECK(store->info().content_version == 2);
    REQUIRE(store->documents().size() == 1);
    CHECK(store->documents()[0].info.title[Lang::En] == "Renamed");
}

TEST_CASE("a NUL or control character in a source is refused with its file and line") {
    SUBCASE("NUL in a paragraph") {
        expect_problem(with_line(kValidDocument, "* укреплять", std::string("* укреп\0лять;", 22)),
                       line_of(kValidDocument, "* укреплять"), "control character U+0000");
    }
    SUBCASE("ESC in a title") {
        expect_problem(with_line(kValidDocument, "title.en:", "title.en: Statement \x1b[31m on cooperation"),
                       line_of(kValidDocument, "title.en:"), "control character U+001B");
    }
    SUBCASE("DEL in a header") {
        expect_problem(with_line(kValidDocument, "place.en:",
                                 "place.en: Mos\x7f"
                                 "cow"),
                       line_of(kValidDocument, "place.en:"), "control character U+007F");
    }
}
