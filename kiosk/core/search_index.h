// Full-text search over a content database, for the search screen and `kioskctl search`
// (docs/search.md). Opens its own read-only connection to the content database:
// ContentStore loads everything at open and keeps no connection, while search needs
// one for the life of the screen, with its statements prepared once.
//
// Call search() when the visitor's input changes (per keystroke), never per frame.
// Not thread-safe: use one SearchIndex per thread.
#pragma once

#include "core/search_query.h"
#include "core/search_results.h"
#include "core/search_tokenizer.h"
#include "core/sqlite_db.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

class SearchIndex {
public:
    // Opens the index in the content database at `path`. Returns null and fills `error`
    // if the file is missing or was built without a search index.
    static std::unique_ptr<SearchIndex> open(const std::string& path, std::string* error);

    // Items matching `visitor_input` (any string), best first, at most `limit`. Every word must
    // match; if no item has them all, items with any of them are returned. Empty input: no hits.
    std::vector<SearchHit> search(std::string_view visitor_input, int limit);

    // Every passage of one item that matches `visitor_input`, in reading order, with the
    // matched byte ranges: what the reader highlights and steps through.
    std::vector<PassageMatch> matches_in(std::string_view visitor_input, std::string_view kind, std::string_view item);

    // The last SQLite error, for logs; searches themselves never report syntax errors.
    const std::string& last_error() const { return last_error_; }

    ~SearchIndex();

private:
    struct Statements;
    SearchIndex() = default;
    void note_error(const SqliteStatement& stmt);
    std::vector<std::string> completions_of(const SearchWord& word);
    SearchQuery make_query(std::string_view visitor_input);
    bool rank_items(const std::string& expression, int limit, std::vector<std::pair<int64_t, double>>* ranked);
    bool best_passage(const std::string& expression, int64_t ordinal, int64_t* rowid);
    bool describe_hit(const std::string& expression, int64_t rowid, SearchHit* hit);

    SqliteDb db_;
    std::unique_ptr<Statements> statements_;
    SearchTokenizer tokenizer_;  // folds and stems the word being typed, for completion
    std::string last_error_;
};

// Splits a snippet or highlighted text on kMatchBegin/kMatchEnd: the plain text and the matched ranges.
std::string strip_match_markers(std::string_view marked, std::vector<TextRange>* ranges);

}  // namespace kiosk::core
