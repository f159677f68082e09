#include "core/search_tokenizer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kiosk;
using namespace kiosk::core;

namespace {

struct Tok {
    std::string text;
    int start, end;
    bool colocated;
};

std::vector<Tok> tokens_of(std::string_view text, TokenizeMode mode = TokenizeMode::Document) {
    SearchTokenizer tokenizer;
    REQUIRE(tokenizer.ok());
    std::vector<Tok> out;
    tokenizer.tokenize(text, mode, [&](const SearchToken& t) {
        out.push_back({std::string(t.text), t.start, t.end, t.colocated});
        return 0;
    });
    return out;
}

std::vector<std::string> terms_of(std::string_view text, TokenizeMode mode = TokenizeMode::Document) {
    std::vector<std::string> out;
    for (const Tok& t : tokens_of(text, mode)) out.push_back(t.text);
    return out;
}

}  // namespace

TEST_CASE("different Russian word forms of one phrase give the same index terms") {
    CHECK(terms_of("умные города") == terms_of("умных городов"));
    CHECK(terms_of("информационная безопасность") == terms_of("информационной безопасности"));
    CHECK(terms_of("информационную безопасность") == terms_of("информационной безопасности"));
}

TEST_CASE("English words are stemmed with the English stemmer") {
    CHECK(terms_of("smart cities") == terms_of("smart city"));
    CHECK(terms_of("Cooperation") == terms_of("cooperating"));
}

TEST_CASE("case is folded for Latin and Cyrillic including their extended letters") {
    CHECK(terms_of("ЦИФРОВАЯ ЭКОНОМИКА") == terms_of("цифровая экономика"));
    CHECK(terms_of("ҚАЗАҚСТАН ӨЗБЕКСТАН") == terms_of("қазақстан өзбекстан"));
    CHECK(terms_of("ÉCONOMIE ŁÓDŹ ǄEMAL") == terms_of("économie łódź ǆemal"));
    CHECK(terms_of("ＡＢＣ１２３") == terms_of("abc123"));  // full-width forms from CJK keyboards
}

TEST_CASE("ё is folded to е in any case and spelling") {
    CHECK(terms_of("ёлка") == terms_of("елка"));
    CHECK(terms_of("ЁЛКА") == terms_of("елка"));
    CHECK(terms_of("объём") == terms_of("объем"));
    CHECK(terms_of("объе\xCC\x88м") == terms_of("объем"));  // е + combining diaeresis
}

TEST_CASE("й stays distinct from и, also when written decomposed") {
    CHECK(terms_of("йод") != terms_of("иод"));
    CHECK(terms_of("районах") != terms_of("раионах"));
    CHECK(terms_of("ЙОД") == terms_of("йод"));
    CHECK(terms_of("и\xCC\x86од") == terms_of("йод"));  // и + combining breve
}

TEST_CASE("tokens carry the byte offsets of the original words") {
    std::string text = "«Умных» ГОРОДОВ, ёмко";
    std::vector<Tok> tokens = tokens_of(text);
    REQUIRE(tokens.size() == 3);
    CHECK(text.substr(tokens[0].start, tokens[0].end - tokens[0].start) == "Умных");
    CHECK(text.substr(tokens[1].start, tokens[1].end - tokens[1].start) == "ГОРОДОВ");
    CHECK(text.substr(tokens[2].start, tokens[2].end - tokens[2].start) == "ёмко");
}

TEST_CASE("Chinese text is indexed as characters with colocated bigrams") {
    std::vector<Tok> tokens = tokens_of("数字经济");
    std::vector<std::string> expected = {"数", "数字", "字", "字经", "经", "经济", "济"};
    REQUIRE(tokens.size() == expected.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
        CHECK(tokens[i].text == expected[i]);
        CHECK(tokens[i].colocated == (i % 2 == 1));
    }
    CHECK(tokens[1].start == 0);
    CHECK(tokens[1].end == 6);
}

TEST_CASE("a Chinese query is the phrase of its bigrams and its last character") {
    CHECK(terms_of("数字经济", TokenizeMode::Query) == std::vector<std::string>{"数字", "字经", "经济", "济"});
    CHECK(terms_of("数字", TokenizeMode::Query) == std::vector<std::string>{"数字", "字"});
    CHECK(terms_of("数", TokenizeMode::Query) == std::vector<std::string>{"数"});
}

TEST_CASE("a word being typed matches both as typed and as its stem") {
    std::vector<Tok> tokens = tokens_of("Города", TokenizeMode::PrefixQuery);
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].text == "города");
    CHECK_FALSE(tokens[0].colocated);
    CHECK(tokens[1].text == "город");
    CHECK(tokens[1].colocated);
}

TEST_CASE("Chinese next to Cyrillic and digits splits into separate words") {
    std::vector<std::string> words;
    std::string text = "5G网络сеть";
    split_search_words(text, [&](size_t start, size_t end, bool) {
        words.push_back(text.substr(start, end - start));
        return 0;
    });
    CHECK(words == std::vector<std::string>{"5G", "网络", "сеть"});
}

TEST_CASE("punctuation, emoji, control bytes and invalid UTF-8 separate words and never crash") {
    CHECK(terms_of("\"*-^:()😀\x01\xff\xfe\xc3").empty());
    CHECK(terms_of("a\xff"
                   "b") == terms_of("a b"));
    std::string nul_inside("цифровой\0экономики", sizeof("цифровой\0экономики") - 1);
    CHECK(terms_of(nul_inside) == terms_of("цифровой экономики"));
}

TEST_CASE("very long words are cut to a bounded token") {
    std::string word(20000, 'a');
    std::vector<Tok> tokens = tokens_of(word);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].text.size() <= 64);
    CHECK(tokens[0].end == 20000);
}
