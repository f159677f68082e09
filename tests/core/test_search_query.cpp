#include "core/search_query.h"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::core;

TEST_CASE("nothing searchable typed gives an empty query") {
    for (const char* input : {"", " ", "   \t\n", "\"", "-", "*", "^", ":", "(", ")", "…", "😀", "\xff\xfe", "«»"})
        CHECK(make_search_query(input).empty());
}

TEST_CASE("the last word matches as a prefix while it is being typed") {
    SearchQuery query = make_search_query("умные гор");
    CHECK(query.word_count == 2);
    CHECK(query.all_words == "\"умные\" AND \"гор\"*");
    CHECK(query.any_word == "\"умные\" OR \"гор\"*");
}

TEST_CASE("a space after the last word ends the prefix") {
    CHECK(make_search_query("умные города ").all_words == "\"умные\" AND \"города\"");
}

TEST_CASE("FTS5 syntax typed by a visitor becomes plain quoted words") {
    CHECK(make_search_query("NEAR(a b) AND c OR NOT d").all_words ==
          "\"NEAR\" AND \"a\" AND \"b\" AND \"AND\" AND \"c\" AND \"OR\" AND \"NOT\" AND \"d\"*");
    CHECK(make_search_query("title:\"цифровой* ^-экономики").all_words ==
          "\"title\" AND \"цифровой\" AND \"экономики\"*");
}

TEST_CASE("thousands of characters give a bounded query") {
    std::string input;
    for (int i = 0; i < 2000; ++i) input += "слово ";
    SearchQuery query = make_search_query(input);
    CHECK(query.word_count == kMaxSearchWords);
    std::string long_word(5000, 'x');
    SearchQuery cut = make_search_query(long_word + " ");
    CHECK(cut.all_words == "\"" + std::string(kMaxSearchWordChars, 'x') + "\"*");
}

TEST_CASE("a word being typed becomes the OR of its completions when they are known") {
    auto expand = [](const SearchWord& word) {
        CHECK(word.prefix);
        return std::vector<std::string>{"город", "городск"};
    };
    SearchQuery query = make_search_query("умные гор", expand);
    CHECK(query.all_words == "\"умные\" AND (\"\xEE\x80\x80город\" OR \"\xEE\x80\x80городск\")");
    SearchQuery none = make_search_query("умные xyz", [](const SearchWord&) { return std::vector<std::string>{}; });
    CHECK(none.all_words == "\"умные\" AND \"\xEE\x80\x80\xEE\x80\x80\"");
    CHECK(make_search_query("数字").all_words == "\"数字\"");  // Chinese characters are whole terms already
}
