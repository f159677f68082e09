#include "core/search_index.h"

#include "core/sqlite_db.h"
#include "search_fixture.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <set>

using namespace kiosk;
using namespace kiosk::core;

namespace {

SearchIndex& fixture_index() {
    static std::unique_ptr<SearchIndex> index;
    if (!index) {
        std::string error;
        index = SearchIndex::open(test::search_fixture_db(), &error);
        INFO(error);
        REQUIRE(index);
    }
    return *index;
}

std::vector<std::string> documents_found(std::string_view query) {
    std::vector<std::string> ids;
    for (const SearchHit& hit : fixture_index().search(query, 20)) ids.push_back(hit.item);
    return ids;
}

bool finds(std::string_view query, const std::string& document) {
    for (const std::string& id : documents_found(query))
        if (id == document) return true;
    return false;
}

const SearchHit* hit_for(const std::vector<SearchHit>& hits, const std::string& document) {
    for (const SearchHit& hit : hits)
        if (hit.item == document) return &hit;
    return nullptr;
}

}  // namespace

TEST_CASE("«умные города» finds the paragraphs that say «умных городов»") {
    std::vector<SearchHit> hits = fixture_index().search("умные города", 10);
    const SearchHit* programme = hit_for(hits, "fixture-2022-programme");
    REQUIRE(programme);
    CHECK(programme->paragraph == 2);
    CHECK(programme->field == "block");
    CHECK(programme->snippet.find("\x01умных\x02 \x01городов\x02") != std::string::npos);
    const SearchHit* economy = hit_for(hits, "fixture-2025-economy");
    REQUIRE(economy);
    CHECK(economy->paragraph == 7);
}

TEST_CASE("«информационная безопасность» finds «информационной безопасности» and «информационную безопасность»") {
    std::vector<SearchHit> hits = fixture_index().search("информационная безопасность", 10);
    const SearchHit* transformation = hit_for(hits, "fixture-2023-transformation");
    REQUIRE(transformation);
    CHECK(transformation->paragraph == 4);
    CHECK(transformation->snippet.find("\x01информационной\x02 \x01безопасности\x02") != std::string::npos);
    const SearchHit* economy = hit_for(hits, "fixture-2025-economy");
    REQUIRE(economy);
    CHECK(economy->snippet.find("\x01информационную\x02") != std::string::npos);
}

TEST_CASE("a query with е finds text with ё and the reverse, showing the original spelling") {
    std::vector<SearchHit> hits = fixture_index().search("отдаленных", 10);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].item == "fixture-2022-programme");
    CHECK(hits[0].field == "summary");
    CHECK(hits[0].snippet.find("\x01отдалённых\x02") != std::string::npos);

    hits = fixture_index().search("удалённых", 10);  // the official text writes «удаленных»
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].paragraph == 1);
    CHECK(hits[0].snippet.find("\x01удаленных\x02") != std::string::npos);
    CHECK(finds("ОБЪЁМ", "fixture-2022-programme"));
}

TEST_CASE("й and и are different letters to search") {
    CHECK(finds("районах", "fixture-2022-programme"));
    CHECK(finds("район", "fixture-2022-programme"));
    CHECK(documents_found("раионах").empty());
}

TEST_CASE("Chinese queries of one, two and more characters find the summaries and titles") {
    CHECK(documents_found("数字").size() == 3);
    CHECK(documents_found("数").size() == 3);
    std::set<std::string> smart_city;
    for (const std::string& id : documents_found("智慧城市")) smart_city.insert(id);
    CHECK(smart_city == std::set<std::string>{"fixture-2025-economy", "fixture-2022-programme"});
    CHECK(documents_found("城").size() == 2);
    // The 2023 title says 数字化转型; the 2025 statement only in its full text (a translated block).
    CHECK(documents_found("数字化转型") ==
          std::vector<std::string>{"fixture-2023-transformation", "fixture-2025-economy"});
    CHECK(documents_found("市智").empty());  // both characters occur, but never in this order
}

TEST_CASE("a Chinese match highlights exactly the characters searched for") {
    std::vector<SearchHit> hits = fixture_index().search("智慧城市", 10);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].lang == "zh");
    CHECK(hits[0].field == "summary");
    CHECK(hits[0].snippet.find("\x01智慧城市\x02") != std::string::npos);
    hits = fixture_index().search("城", 10);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].snippet.find("\x01城\x02市") != std::string::npos);
}

TEST_CASE("English titles and summaries are searchable with stemming") {
    CHECK(finds("smart city", "fixture-2025-economy"));
    CHECK(finds("Digital Transformation", "fixture-2023-transformation"));
}

TEST_CASE("every kind of visitor input is a valid query and never an error") {
    std::string long_input;
    for (int i = 0; i < 500; ++i) long_input += "цифровой \"экономики\" NEAR( ";
    const std::string inputs[] = {
        "",
        " ",
        "\"",
        "\"\"",
        "'",
        "*",
        "-",
        "^",
        ":",
        "(",
        ")",
        "()",
        "(((",
        ")))",
        "\"цифровой",
        "цифровой\"",
        "цифр*",
        "-цифровой",
        "^цифровой",
        "title:цифровой",
        "body : экономики",
        "NEAR",
        "NEAR(цифровой экономики, 2)",
        "AND",
        "OR",
        "NOT",
        "цифровой AND",
        "OR экономики",
        "NOT NOT",
        "цифровой NOT экономики",
        ".",
        ",",
        "!",
        "?",
        "…",
        "—",
        "№",
        "+",
        "{",
        "}",
        "[",
        "]",
        "\\",
        "/",
        "|",
        "&",
        "%",
        "$",
        "#",
        "@",
        "~",
        "`",
        "=",
        "😀",
        "🇷🇺 цифровой 👍",
        "\xff",
        "\xc3",
        "\xe2\x82",
        "\xed\xa0\x80",
        std::string("\0", 1),
        std::string(5000, 'a'),
        std::string(3000, '"'),
        std::string(3000, '*'),
        long_input,
    };
    for (const std::string& input : inputs) {
        INFO("input: " << input.substr(0, 40));
        INFO("error: " << fixture_index().last_error());
        std::vector<SearchHit> hits = fixture_index().search(input, 20);
        CHECK(fixture_index().last_error().empty());
        CHECK(hits.size() <= 20);
        fixture_index().matches_in(input, "document", "fixture-2025-economy");
        CHECK(fixture_index().last_error().empty());
    }
}

TEST_CASE("input without a searchable word gives no results") {
    for (const char* input : {"", "   ", "\"", "-", "*", "()", "😀", "\xff\xfe", "…"})
        CHECK(fixture_index().search(input, 20).empty());
}

TEST_CASE("operator words and punctuation around real words still find those words") {
    CHECK(finds("\"цифровой", "fixture-2025-economy"));
    CHECK(finds("(цифровой)", "fixture-2025-economy"));
    CHECK(finds("-экономики ^", "fixture-2025-economy"));
    CHECK(finds("title:трансформации", "fixture-2023-transformation"));  // no item has all words: any word
    CHECK(finds("NOT цифровой", "fixture-2025-economy"));
}

TEST_CASE("a document with the words in its title ranks above one that mentions them in passing") {
    std::vector<SearchHit> hits = fixture_index().search("цифровой трансформации", 10);
    REQUIRE(hits.size() >= 2);
    CHECK(hits[0].item == "fixture-2023-transformation");
    CHECK(hits[0].field == "title");
    CHECK(hit_for(hits, "fixture-2025-economy"));
    CHECK(hits[0].score > hits[1].score);
}

TEST_CASE("results are grouped by document, best first, within the limit") {
    std::vector<SearchHit> hits = fixture_index().search("цифровой", 20);
    std::set<std::string> seen;
    for (size_t i = 0; i < hits.size(); ++i) {
        CHECK(seen.insert(hits[i].item).second);
        if (i > 0) CHECK(hits[i - 1].score >= hits[i].score);
    }
    CHECK(hits.size() == 3);
    CHECK(fixture_index().search("цифровой", 1).size() == 1);
    CHECK(fixture_index().search("цифровой", 0).empty());
}

TEST_CASE("results update as the visitor types each letter") {
    const char* typed[] = {"и", "ин", "инф", "инфо", "информ", "информаци", "информационн", "информационная"};
    for (const char* input : typed) {
        INFO(input);
        CHECK(finds(input, "fixture-2023-transformation"));
    }
    CHECK(finds("умные гор", "fixture-2022-programme"));
    CHECK(finds("умные городо", "fixture-2022-programme"));
}

TEST_CASE("matches in a document give every matching paragraph with ranges in its original text") {
    SearchIndex& index = fixture_index();
    std::vector<PassageMatch> matches = index.matches_in("умные города", "document", "fixture-2022-programme");
    const PassageMatch* block = nullptr;
    for (const PassageMatch& match : matches)
        if (match.field == "block") block = &match;
    REQUIRE(block);
    CHECK(block->paragraph == 2);
    REQUIRE(block->ranges.size() == 2);
    std::string text =
        "5. Содействие развитию и созданию инфраструктуры цифровой экономики, включая 5G, технологические "
        "решения на основе искусственного интеллекта, промышленный интернет вещей, кибербезопасности, "
        "системы «умных городов», реализация совместных проектов и инициатив между странами ШОС;";
    CHECK(text.substr(block->ranges[0].begin, block->ranges[0].end - block->ranges[0].begin) == "умных");
    CHECK(text.substr(block->ranges[1].begin, block->ranges[1].end - block->ranges[1].begin) == "городов");
    CHECK(index.matches_in("умные города", "document", "no-such-document").empty());
    CHECK(index.matches_in("", "document", "fixture-2022-programme").empty());
}

TEST_CASE("match markers split into plain text and ranges") {
    std::vector<TextRange> ranges;
    CHECK(strip_match_markers("a \x01"
                              "bc\x02 d \x01"
                              "e\x02",
                              &ranges) == "a bc d e");
    REQUIRE(ranges.size() == 2);
    CHECK(ranges[0].begin == 2);
    CHECK(ranges[0].end == 4);
    CHECK(ranges[1].begin == 7);
    CHECK(ranges[1].end == 8);
}

TEST_CASE("opening a database without a search index fails with a clear message") {
    test::TempDir dir;
    std::string path = dir.file("plain.db");
    {
        SqliteDb db;
        REQUIRE(db.open(path, SqliteDb::Mode::Create, nullptr));
        REQUIRE(db.exec("CREATE TABLE meta(key TEXT, value TEXT);"));
    }
    std::string error;
    CHECK_FALSE(SearchIndex::open(path, &error));
    CHECK(error.find("no search index") != std::string::npos);
    CHECK_FALSE(SearchIndex::open(dir.file("missing.db"), &error));
    CHECK_FALSE(error.empty());
}

TEST_CASE("lessons are indexed: a word form in a slide finds the lesson at that slide") {
    std::vector<SearchHit> hits = fixture_index().search("приложений", 10);
    const SearchHit* lesson = hit_for(hits, "fixture-passwords");
    REQUIRE(lesson);
    CHECK(lesson->kind == "lesson");
    CHECK(lesson->paragraph == 4);  // slide 4, counted from 1: slide 0 would be the lesson's header
    CHECK(lesson->field == "block");
    CHECK(lesson->lang == "ru");
    CHECK(lesson->snippet.find("\x01приложения\x02") != std::string::npos);
}

TEST_CASE("lessons are found by their titles, summaries and slides in all three languages") {
    std::vector<SearchHit> hits = fixture_index().search("пароли", 10);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].kind == "lesson");
    CHECK(hits[0].field == "title");
    CHECK(hits[0].paragraph == 0);

    hits = fixture_index().search("passwords", 10);
    REQUIRE(hit_for(hits, "fixture-passwords"));
    CHECK(hit_for(hits, "fixture-passwords")->lang == "en");

    hits = fixture_index().search("never share", 10);
    REQUIRE(hit_for(hits, "fixture-passwords"));
    CHECK(hit_for(hits, "fixture-passwords")->paragraph == 5);

    hits = fixture_index().search("验证码", 10);
    REQUIRE(hit_for(hits, "fixture-passwords"));
    CHECK(hit_for(hits, "fixture-passwords")->lang == "zh");
    CHECK(hit_for(hits, "fixture-passwords")->snippet.find("\x01验证码\x02") != std::string::npos);

    CHECK(fixture_index().search("надежные", 10).size() == 1);  // ё in the title, е typed
}

TEST_CASE("quiz questions and answers are not searchable") {
    // «мошенники» and «трубку» occur only in the quiz of the fixture lesson.
    CHECK(documents_found("мошенники").empty());
    CHECK(documents_found("трубку").empty());
}

TEST_CASE("matches in a lesson give every matching slide with ranges in its original text") {
    std::vector<PassageMatch> matches = fixture_index().matches_in("СМС", "lesson", "fixture-passwords");
    std::vector<int> slides;
    for (const PassageMatch& match : matches) {
        CHECK(match.field == "block");
        CHECK(match.ranges.size() == 1);
        slides.push_back(match.paragraph);
    }
    CHECK(slides == std::vector<int>{4, 5});
    CHECK(fixture_index().matches_in("СМС", "document", "fixture-passwords").empty());  // kinds do not mix
}
