// The reader's search matches (core/reader_matches.h) without the screen: which passages of
// the text column match, their reading order, the line each sits on, where the reader opens,
// which match survives a re-layout, and the ▲ / ▼ stepping.
#include "core/content_store.h"
#include "core/reader_matches.h"
#include "core/search_index.h"
#include "search_fixture.h"

#include <doctest/doctest.h>

#include <string>

using namespace kiosk;
using namespace kiosk::core;

namespace {

// An untitled opening section with one block, then a section with a heading and one block;
// every text in Russian and English.
Document make_document() {
    Document doc;
    doc.info.id = "doc";
    Section opening;
    Section chapter;
    chapter.heading = "Глава 1. Цифровая экономика";
    chapter.heading_translation[Lang::En] = "Chapter 1. The digital economy";
    chapter.first_block = 1;
    doc.sections = {opening, chapter};
    Block first;
    first.id = 1;
    first.text = "Первый абзац о цифровой экономике и цифровой торговле.";
    first.translation[Lang::En] = "The first paragraph, on the digital economy and digital trade.";
    Block second;
    second.id = 2;
    second.section = 1;
    second.text = "Второй абзац: цифровой мир.";
    second.translation[Lang::En] = "The second paragraph: the digital world.";
    doc.blocks = {first, second};
    return doc;
}

// The range of the `nth` occurrence of `word` in `text`.
TextRange range_of(const std::string& text, const std::string& word, int nth = 0) {
    size_t at = text.find(word);
    while (nth-- > 0) at = text.find(word, at + 1);
    REQUIRE(at != std::string::npos);
    return {at, at + word.size()};
}

PassageMatch passage(int paragraph, const char* field, const char* lang, std::vector<TextRange> ranges) {
    PassageMatch match;
    match.paragraph = paragraph;
    match.field = field;
    match.lang = lang;
    match.ranges = std::move(ranges);
    return match;
}

// What the index gives for "digital" / "цифровой" in make_document(), in its order.
std::vector<PassageMatch> digital_passages(const Document& doc) {
    const std::string& ru1 = doc.blocks[0].text;
    const std::string& en1 = doc.blocks[0].translation[Lang::En];
    const std::string& ru2 = doc.blocks[1].text;
    const std::string& en2 = doc.blocks[1].translation[Lang::En];
    const std::string& heading_en = doc.sections[1].heading_translation[Lang::En];
    return {
        passage(0, "title", "en", {{0, 3}}),  // not in the text column
        passage(2, "block", "ru", {range_of(ru2, "цифровой")}),
        passage(2, "block", "en", {range_of(en2, "digital")}),
        passage(1, "block", "en", {range_of(en1, "digital"), range_of(en1, "digital", 1)}),
        passage(1, "block", "ru", {range_of(ru1, "цифровой"), {0, ru1.size() + 10}}),  // the second range is stale
        passage(2, "heading", "en", {range_of(heading_en, "digital")}),
        passage(9, "block", "en", {{0, 3}}),  // a block this document does not have
    };
}

struct Line {
    const char* begin;
    const char* end;
};

}  // namespace

TEST_CASE("reader matches keep the column's languages, in reading order, and leave out what the column lacks") {
    const Document doc = make_document();
    SUBCASE("the translation alone") {
        std::vector<ReaderMatch> matches = reader_matches_in(digital_passages(doc), doc, Lang::En, false);
        REQUIRE(matches.size() == 4);
        CHECK(matches[0].block == 0);
        CHECK(matches[0].lang == Lang::En);
        CHECK(matches[0].begin < matches[1].begin);  // both in the first block, in order
        CHECK(matches[1].block == 0);
        CHECK(matches[2].block == -1);  // the heading comes before its section's first block
        CHECK(matches[2].section == 1);
        CHECK(reader_match_text(doc, matches[2]).substr(matches[2].begin, 7) == "digital");
        CHECK(matches[3].block == 1);
    }
    SUBCASE("beside the original: each block's translation before its original") {
        std::vector<ReaderMatch> matches = reader_matches_in(digital_passages(doc), doc, Lang::En, true);
        REQUIRE(matches.size() == 6);
        CHECK(matches[2].block == 0);
        CHECK(matches[2].lang == Lang::Ru);
        CHECK(reader_match_text(doc, matches[2]).substr(matches[2].begin, matches[2].end - matches[2].begin) ==
              "цифровой");
        CHECK(matches[4].lang == Lang::En);
        CHECK(matches[5].block == 1);
        CHECK(matches[5].lang == Lang::Ru);
    }
    SUBCASE("the original alone") {
        std::vector<ReaderMatch> matches = reader_matches_in(digital_passages(doc), doc, Lang::Ru, false);
        REQUIRE(matches.size() == 2);
        CHECK(matches[0].lang == Lang::Ru);
        CHECK(matches[1].lang == Lang::Ru);
    }
}

TEST_CASE("the reader opens at the first match in the passage the search result showed") {
    const Document doc = make_document();
    const std::vector<ReaderMatch> matches = reader_matches_in(digital_passages(doc), doc, Lang::En, false);
    SearchHit hit;
    hit.field = "block";
    hit.paragraph = 2;
    CHECK(first_match_of_hit(doc, matches, hit) == 3);
    hit.paragraph = 1;
    CHECK(first_match_of_hit(doc, matches, hit) == 0);
    hit.field = "heading";
    hit.paragraph = 2;
    CHECK(first_match_of_hit(doc, matches, hit) == 2);
    hit.field = "title";
    CHECK(first_match_of_hit(doc, matches, hit) == -1);  // open at the top
}

TEST_CASE("with the visitor's title and summary leading the column, their matches come first and open the reader") {
    Document doc = make_document();
    doc.info.title[Lang::En] = "Digital cooperation";
    doc.info.summary[Lang::En] = "A summary of digital trade and the digital economy.";
    doc.info.summary[Lang::Ru] = "Резюме о цифровой торговле.";
    std::vector<PassageMatch> passages = digital_passages(doc);
    passages[0] = passage(0, "title", "en", {range_of(doc.info.title[Lang::En], "Digital")});
    passages.push_back(
        passage(0, "summary", "en",
                {range_of(doc.info.summary[Lang::En], "digital"), range_of(doc.info.summary[Lang::En], "digital", 1)}));
    passages.push_back(passage(0, "summary", "ru", {range_of(doc.info.summary[Lang::Ru], "цифровой")}));
    passages.push_back(passage(0, "summary", "en", {{0, doc.info.summary[Lang::En].size() + 1}}));  // stale

    // An English lead over the English text: title, then the summary's two, then the text's four.
    const std::vector<ReaderMatch> matches = reader_matches_in(passages, doc, Lang::En, false, Lang::En);
    REQUIRE(matches.size() == 7);
    CHECK(matches[0].lead == ReaderLeadPart::Title);
    CHECK(reader_match_text(doc, matches[0]).substr(matches[0].begin, 7) == "Digital");
    CHECK(matches[1].lead == ReaderLeadPart::Summary);
    CHECK(matches[2].lead == ReaderLeadPart::Summary);
    CHECK(matches[1].begin < matches[2].begin);
    CHECK(&reader_match_text(doc, matches[1]) == &doc.info.summary[Lang::En]);
    CHECK(matches[3].lead == ReaderLeadPart::None);
    CHECK(matches[3].block == 0);

    SearchHit hit;
    hit.field = "summary";
    hit.lang = "en";
    CHECK(first_match_of_hit(doc, matches, hit) == 1);
    hit.field = "title";
    CHECK(first_match_of_hit(doc, matches, hit) == 0);
    hit.lang = "ru";  // a Russian title is not in an English lead: open at the top
    CHECK(first_match_of_hit(doc, matches, hit) == -1);

    // The Russian original under an English lead: the lead's matches stay English.
    const std::vector<ReaderMatch> original = reader_matches_in(passages, doc, Lang::Ru, false, Lang::En);
    REQUIRE(original.size() == 5);
    CHECK(original[2].lead == ReaderLeadPart::Summary);
    CHECK(original[2].lang == Lang::En);
    CHECK(original[3].lang == Lang::Ru);
    // A Russian lead keeps only the Russian summary's match.
    const std::vector<ReaderMatch> russian = reader_matches_in(passages, doc, Lang::Ru, false, Lang::Ru);
    REQUIRE(russian.size() == 3);
    CHECK(russian[0].lead == ReaderLeadPart::Summary);
    CHECK(russian[0].lang == Lang::Ru);
    // Found again after a re-layout by part, not mistaken for the title.
    CHECK(find_match_again(matches, matches[2]) == 2);
    CHECK(find_match_again(original, matches[2]) == 2);
    CHECK(find_match_again(russian, matches[0]) == -1);
}

TEST_CASE("matches are placed on the laid-out line holding their first byte, and unplaced ones are left out") {
    const Document doc = make_document();
    std::vector<ReaderMatch> matches = reader_matches_in(digital_passages(doc), doc, Lang::En, false);
    const std::string& en1 = doc.blocks[0].translation[Lang::En];
    const std::string& heading = doc.sections[1].heading_translation[Lang::En];
    // The first block on two lines, split after "economy"; the heading; the second block not laid out.
    const size_t split = en1.find(" and");
    const std::vector<Line> lines = {{en1.data(), en1.data() + split},
                                     {en1.data() + split, en1.data() + en1.size()},
                                     {heading.data(), heading.data() + heading.size()}};
    place_matches(matches, doc, lines);
    REQUIRE(matches.size() == 4);
    CHECK(matches[0].line == 0);
    CHECK(matches[1].line == 1);
    CHECK(matches[2].line == 2);
    CHECK(matches[3].line == -1);
    keep_placed_matches(matches, true);
    CHECK(matches.size() == 3);

    // Out of reading order (a side-by-side row puts the original's line after the translation's).
    std::vector<ReaderMatch> shuffled = {matches[2], matches[0]};
    place_matches(shuffled, doc, lines);
    CHECK(shuffled[0].line == 2);
    CHECK(shuffled[1].line == 0);  // found again from the top
    keep_placed_matches(shuffled, true);
    CHECK(shuffled[0].line == 0);
    CHECK(shuffled[1].line == 2);
}

TEST_CASE("after a re-layout the current match is found again by its range, else by its passage") {
    const Document doc = make_document();
    const std::vector<ReaderMatch> translation = reader_matches_in(digital_passages(doc), doc, Lang::En, false);
    const std::vector<ReaderMatch> both = reader_matches_in(digital_passages(doc), doc, Lang::En, true);
    const std::vector<ReaderMatch> original = reader_matches_in(digital_passages(doc), doc, Lang::Ru, false);
    CHECK(find_match_again(both, translation[1]) == 1);       // the same range
    CHECK(find_match_again(original, translation[1]) == 0);   // the same block, in the original
    CHECK(find_match_again(original, translation[2]) == -1);  // the English heading has no Russian match
}

TEST_CASE("stepping through matches wraps around at both ends") {
    CHECK(step_match(-1, 3, true) == 0);
    CHECK(step_match(0, 3, true) == 1);
    CHECK(step_match(2, 3, true) == 0);
    CHECK(step_match(-1, 3, false) == 2);
    CHECK(step_match(0, 3, false) == 2);
    CHECK(step_match(2, 3, false) == 1);
    CHECK(step_match(-1, 0, true) == -1);
    CHECK(step_match(-1, 0, false) == -1);
}

TEST_CASE("reader matches from the search index point at the words searched for") {
    std::string error;
    auto content = ContentStore::open(test::search_fixture_db(), &error);
    REQUIRE_MESSAGE(content, error);
    auto index = SearchIndex::open(test::search_fixture_db(), &error);
    REQUIRE_MESSAGE(index, error);
    const Document* doc = content->find_document("fixture-2022-programme");
    REQUIRE(doc);
    const std::vector<ReaderMatch> matches = reader_matches(*index, "умные города", *doc, Lang::Ru, false);
    REQUIRE(matches.size() >= 2);
    std::vector<std::string> in_block_2;  // the passage test_search_index checks word by word
    for (const ReaderMatch& match : matches) {
        CHECK(match.lang == Lang::Ru);
        CHECK(match.begin < match.end);
        CHECK(match.end <= reader_match_text(*doc, match).size());
        if (match.block >= 0 && doc->blocks[match.block].id == 2)
            in_block_2.push_back(reader_match_text(*doc, match).substr(match.begin, match.end - match.begin));
    }
    CHECK(in_block_2 == std::vector<std::string>{"умных", "городов"});
    CHECK(reader_matches(*index, "", *doc, Lang::Ru, false).empty());
}
