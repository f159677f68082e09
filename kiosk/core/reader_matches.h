// The matches of a search inside one document, for the reader's highlights and its ▲ n / m ▼
// stepping: which passages of the text column match, in which language and where, on which
// laid-out line, and which one the visitor stepped to. No drawing here: ui/reader_screen.cpp
// draws the highlights and the stepper and calls these.
#pragma once

#include "core/content_model.h"
#include "core/language.h"
#include "core/search_results.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::core {

class SearchIndex;  // core/search_index.h: SQLite stays out of the UI's headers

// The visitor's title and summary, which lead the reader's column above the text.
enum class ReaderLeadPart : unsigned char { None, Title, Summary };

// A match the reader highlights: a byte range of one block's text, of one section heading, or
// of the title or summary leading the column.
struct ReaderMatch {
    int block = -1;                              // index into Document::blocks, or -1 for a heading or the lead
    int section = -1;                            // index into Document::sections when it is a heading
    ReaderLeadPart lead = ReaderLeadPart::None;  // the title or summary when it is in the lead
    Lang lang = Lang::Ru;                        // which text: the original or a translation
    size_t begin = 0, end = 0;
    int line = -1;  // first ReaderLayout line holding it; -1 until the layout is built
};

// The matches among `passages` (SearchIndex::matches_in of the document) in the document's text
// column, in reading order: passages in `text_lang`, and with `with_original` the Russian
// original's too (the side-by-side view). Title and summary matches are kept when they are in
// `lead_lang`, the language of the title and summary leading the column (first in reading
// order); without a lead, or in another language, they are left out. So are ranges outside
// their text (a stale index).
std::vector<ReaderMatch> reader_matches_in(const std::vector<PassageMatch>& passages, const Document& doc,
                                           Lang text_lang, bool with_original, std::optional<Lang> lead_lang = {});
// The same for `query`, asking `index`.
std::vector<ReaderMatch> reader_matches(SearchIndex& index, const std::string& query, const Document& doc,
                                        Lang text_lang, bool with_original, std::optional<Lang> lead_lang = {});
// The text a match points into: its block's, its section heading's, or the document's title or
// summary, in the match's language.
const std::string& reader_match_text(const Document& doc, const ReaderMatch& match);
// The first match in the passage a search result showed, so the reader opens where the snippet
// was (a title or summary hit: its match in the lead); -1 when that passage is not shown.
int first_match_of_hit(const Document& doc, const std::vector<ReaderMatch>& matches, const SearchHit& hit);

// Sets each match's `line`: the first of `lines` (anything with `const char* begin, end` into
// the document's strings, in reading order) that holds its first byte; -1 when none does.
// Matches and lines are both in reading order, so one walk over the lines places them all.
template <class Line>
void place_matches(std::vector<ReaderMatch>& matches, const Document& doc, const std::vector<Line>& lines) {
    auto holds = [&lines](size_t i, const char* at) { return lines[i].begin <= at && at < lines[i].end; };
    size_t line = 0;
    for (ReaderMatch& match : matches) {
        const char* at = reader_match_text(doc, match).data() + match.begin;
        size_t found = line;
        while (found < lines.size() && !holds(found, at)) ++found;
        if (found == lines.size())  // not after the previous match (it should be): look from the top
            for (found = 0; found < lines.size() && !holds(found, at);) ++found;
        match.line = found < lines.size() ? static_cast<int>(found) : -1;
        if (found < lines.size()) line = found;
    }
}

// Leaves out the matches place_matches() found no line for; with `by_line`, orders the rest by
// line (a translation's column and its original's interleave by line, not by block).
void keep_placed_matches(std::vector<ReaderMatch>& matches, bool by_line);
// The match in `matches` that `was` (from before a re-layout) became: the same range, else the
// first in the same passage; -1 when the passage is no longer shown.
int find_match_again(const std::vector<ReaderMatch>& matches, const ReaderMatch& was);
// The match ▲ (`forward` false) or ▼ steps to from `current` (-1: none yet) among `count`:
// wraps around at both ends, as find-in-page does.
int step_match(int current, int count, bool forward);

}  // namespace kiosk::core
