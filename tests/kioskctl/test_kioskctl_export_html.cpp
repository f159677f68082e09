// `kioskctl export-html`: the page a headless Chromium draws in deploy/bench-vs-chromium.sh.
// The comparison is only fair if the page holds every piece of text the database holds.
#include "core/content_store.h"
#include "core/file_io.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kiosk;
using namespace kiosk::core;
using kiosk::test::CommandResult;
using kiosk::test::run_command;
using kiosk::test::TempDir;

namespace {

CommandResult kioskctl(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {KIOSKCTL_BIN};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv);
}

// Written out here rather than shared with the command, so a wrong escape in it cannot hide.
std::string escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else if (c == '\'') out += "&#39;";
        else out += c;
    }
    return out;
}

std::string export_html(const std::string& db, const TempDir& dir) {
    const std::string out = dir.file("documents.html");
    CommandResult result = kioskctl({"export-html", db, out});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return test::read_text(out);
}

// Each text must appear as an element's whole content (">text<"), after the previous one.
void check_in_order(const std::string& html, const std::vector<std::string>& texts) {
    size_t pos = 0;
    for (const std::string& text : texts) {
        CAPTURE(text);
        size_t found = html.find(">" + escaped(text) + "<", pos);
        REQUIRE(found != std::string::npos);
        pos = found + text.size();
    }
}

// A document's text in page order: header fields, then section headings and blocks.
std::vector<std::string> texts_of(const Document& doc) {
    const DocumentInfo& info = doc.info;
    std::vector<std::string> texts;
    for (Lang lang : {Lang::Ru, Lang::Zh, Lang::En}) texts.push_back(info.title[lang]);
    texts.push_back(info.date);
    for (const LocalizedText* field :
         {&info.date_note, &info.place, &info.issuer, &info.parties_note, &info.annex_note, &info.summary})
        for (Lang lang : kAllLangs)
            if (!(*field)[lang].empty()) texts.push_back((*field)[lang]);
    int section = -1;
    for (const Block& block : doc.blocks) {
        for (; section < block.section; ++section) {
            const std::string& heading = doc.sections[static_cast<size_t>(section) + 1].heading;
            if (!heading.empty()) texts.push_back(heading);
        }
        texts.push_back(block.text);
    }
    return texts;
}

const char* kDocumentWithMarkup = "id: markup-test\n"
                                  "type: statement\n"
                                  "date: 2020-11-10\n"
                                  "parties: KZ, RU\n"
                                  "title.ru: Заявление о «A & B» <тест>\n"
                                  "title.en: Statement on \"A & B\"\n"
                                  "title.zh: 关于<A&B>的声明\n"
                                  "summary.en: A statement used by the tests: 'quoted'.\n"
                                  "summary.zh: 测试使用的声明。\n"
                                  "place.ru: Москва\n"
                                  "place.en: Moscow\n"
                                  "place.zh: 莫斯科\n"
                                  "issuer.ru: Совет глав государств-членов ШОС\n"
                                  "issuer.en: SCO Council of Heads of State\n"
                                  "issuer.zh: 上海合作组织成员国元首理事会\n"
                                  "---\n"
                                  "ЗАЯВЛЕНИЕ\n"
                                  "## 1. Раздел <script>alert(1)</script>\n"
                                  "* пункт a < b & c > d\n"
                                  "* пункт \"второй\"\n"
                                  "Абзац после списка.\n"
                                  "> За Российскую Федерацию\n";

}  // namespace

TEST_CASE("kioskctl export-html writes every block of every factory document, in reading order") {
    std::string error;
    auto store = ContentStore::open(KIOSK_CONTENT_DB, &error);
    INFO(error);
    REQUIRE(store);
    REQUIRE(store->documents().size() == 5);
    TempDir dir;
    const std::string html = export_html(KIOSK_CONTENT_DB, dir);
    size_t article = 0;
    for (const Document& doc : store->documents()) {
        CAPTURE(doc.info.id);
        // Documents follow one another in library order; each one's text sits inside its article.
        size_t begin = html.find("<article id=\"" + doc.info.id + "\"", article);
        REQUIRE(begin != std::string::npos);
        size_t end = html.find("</article>", begin);
        REQUIRE(end != std::string::npos);
        check_in_order(html.substr(begin, end - begin), texts_of(doc));
        article = end;
    }
    CHECK(html.find("font-family: 'Noto Sans CJK SC'") != std::string::npos);
    CHECK(html.find("lang=\"zh-Hans\"") != std::string::npos);
}

TEST_CASE("kioskctl export-html escapes markup in titles, headings and blocks and keeps list structure") {
    TempDir dir;
    REQUIRE(fs::make_dirs(dir.file("db/documents")));
    test::write_text(dir.file("db/documents/markup.txt"), kDocumentWithMarkup);
    REQUIRE(fs::make_dirs(dir.file("db/translations")));
    test::write_text(dir.file("db/translations/markup-test.en.txt"),
                     "document: markup-test\nlanguage: en\n---\nh1: 1. Section\n1: STATEMENT\n2: item a < b\n"
                     "3: item \"two\"\n4: A paragraph after the list.\n5: For the Russian Federation\n");
    test::write_text(dir.file("db/translations/markup-test.zh.txt"),
                     "document: markup-test\nlanguage: zh\n---\nh1: 一、章节\n1: 声明\n2: 条目a < b\n"
                     "3: 条目“二”\n4: 列表后的段落。\n5: 俄罗斯联邦代表\n");
    const std::string db = dir.file("content.db");
    CommandResult build = kioskctl({"build", dir.file("db"), db});
    INFO(build.err);
    REQUIRE(build.exit_code == 0);

    const std::string html = export_html(db, dir);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("<тест>") == std::string::npos);
    check_in_order(html, {"Заявление о «A & B» <тест>", "关于<A&B>的声明", "Statement on \"A & B\"",
                          "A statement used by the tests: 'quoted'.", "ЗАЯВЛЕНИЕ", "1. Раздел <script>alert(1)</script>",
                          "пункт a < b & c > d", "пункт \"второй\"", "Абзац после списка.", "За Российскую Федерацию"});
    CHECK(html.find("<h2>1. Раздел &lt;script&gt;alert(1)&lt;/script&gt;</h2>") != std::string::npos);
    CHECK(html.find("<ul>\n<li>пункт a &lt; b &amp; c &gt; d</li>\n<li>пункт &quot;второй&quot;</li>\n</ul>") !=
          std::string::npos);
    CHECK(html.find("<p class=\"signature\">За Российскую Федерацию</p>") != std::string::npos);
}

TEST_CASE("kioskctl export-html names a file that is not a content database and writes nothing") {
    TempDir dir;
    test::write_text(dir.file("not.db"), "plain text");
    CommandResult result = kioskctl({"export-html", dir.file("not.db"), dir.file("out.html")});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("kioskctl export-html: ") == 0);
    CHECK(result.err.find(dir.file("not.db")) != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("out.html")));

    CommandResult usage = kioskctl({"export-html", KIOSK_CONTENT_DB});
    CHECK(usage.exit_code == 2);
    CHECK(usage.err.find("expected DB and OUT.html") != std::string::npos);
}
