#include "core/search_index.h"

#include "core/search_index_writer.h"
#include "core/search_query.h"
#include "core/search_rank.h"
#include "core/search_tokenizer.h"
#include "core/utf8.h"

#include <algorithm>
#include <cstdio>

namespace kiosk::core {

namespace {

constexpr int kSnippetTokens = 20;
// How many completions a word being typed expands to, most common first. After a few letters
// there are fewer than this; after one or two, the rare completions wait for the next letter.
constexpr int kMaxCompletions = 16;

// One or two letters complete to words found in nearly every item, and every matching item is
// ranked: fewer completions keep the first keystrokes as fast as the later ones.
int completion_limit(const SearchWord& word) {
    size_t chars = utf8::length(word.text);
    return chars <= 1 ? kMaxCompletions / 4 : chars == 2 ? kMaxCompletions / 2 : kMaxCompletions;
}
constexpr int64_t kPassageMask = (int64_t{1} << kSearchPassageBits) - 1;

// `format` with the rank function's name and the three column weights filled in.
std::string with_weights(const char* format) {
    char sql[320];
    std::snprintf(sql, sizeof sql, format, kSearchRankFunction, kSearchTitleWeight, kSearchHeadingWeight, kSearchBodyWeight);
    return sql;
}

constexpr const char* kItemRankSql = "SELECT rowid, %s(search_item_text, 1, %g, %g, %g) AS score FROM search_item_text "
                                     "WHERE search_item_text MATCH ?1 ORDER BY score DESC LIMIT ?2";

// Within one item IDF adds nothing but cost (see search_rank.h). The five UNINDEXED columns
// come first and get weight 0.
constexpr const char* kBestPassageSql =
    "SELECT rowid FROM search_passages WHERE search_passages MATCH ?1 AND rowid BETWEEN ?2 AND ?3 "
    "ORDER BY %s(search_passages, 0, 0, 0, 0, 0, 0, %g, %g, %g) DESC LIMIT 1";

constexpr const char* kDescribeSql =
    "SELECT kind, item, paragraph, field, lang, snippet(search_passages, -1, char(1), char(2), ?3, ?4) "
    "FROM search_passages WHERE search_passages MATCH ?1 AND rowid = ?2";

constexpr const char* kMatchesSql =
    "SELECT paragraph, field, lang, highlight(search_passages, 5, char(1), char(2)), "
    "highlight(search_passages, 6, char(1), char(2)), highlight(search_passages, 7, char(1), char(2)) "
    "FROM search_passages WHERE search_passages MATCH ?1 AND rowid BETWEEN ?2 AND ?3 ORDER BY rowid";

constexpr const char* kOrdinalSql = "SELECT ordinal FROM search_items WHERE kind = ?1 AND item = ?2";

// ?2 is the prefix followed by byte 0xFF, which no UTF-8 text contains: every term starting
// with the prefix sorts between the two.
constexpr const char* kCompletionsSql =
    "SELECT term, items FROM search_terms WHERE term >= ?1 AND term < ?2 ORDER BY items DESC LIMIT ?3";

constexpr const char* kHasIndexSql = "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                     "('search_items', 'search_item_text', 'search_passages', 'search_terms')";

}  // namespace

struct SearchIndex::Statements {
    explicit Statements(const SqliteDb& db)
        : rank(db, with_weights(kItemRankSql).c_str()),
          best(db, with_weights(kBestPassageSql).c_str()),
          describe(db, kDescribeSql),
          matches(db, kMatchesSql),
          ordinal(db, kOrdinalSql),
          completions(db, kCompletionsSql) {}

    // The first preparation error, or empty.
    std::string error() const {
        for (const SqliteStatement* stmt : {&rank, &best, &describe, &matches, &ordinal, &completions})
            if (!stmt->ok()) return stmt->error();
        return {};
    }

    SqliteStatement rank, best, describe, matches, ordinal, completions;
};

SearchIndex::~SearchIndex() = default;

std::unique_ptr<SearchIndex> SearchIndex::open(const std::string& path, std::string* error) {
    std::unique_ptr<SearchIndex> index(new SearchIndex);
    if (!index->db_.open(path, SqliteDb::Mode::ReadOnly, error)) return nullptr;
    if (!register_search_tokenizer(index->db_.handle(), error)) return nullptr;
    if (!register_search_rank(index->db_.handle(), error)) return nullptr;
    if (index->db_.query_text(kHasIndexSql) != "4") {
        *error = path + ": no search index (not a content database, or built by an older kioskctl; rebuild it)";
        return nullptr;
    }
    index->statements_ = std::make_unique<Statements>(index->db_);
    std::string prepare_error = index->statements_->error();
    if (!prepare_error.empty()) {
        *error = path + ": search index unreadable: " + prepare_error;
        return nullptr;
    }
    return index;
}

std::vector<std::string> SearchIndex::completions_of(const SearchWord& word) {
    std::vector<std::pair<int64_t, std::string>> found;  // (items, term)
    int limit = completion_limit(word);
    SqliteStatement& select = statements_->completions;
    tokenizer_.tokenize(word.text, TokenizeMode::PrefixQuery, [&](const SearchToken& token) {
        std::string prefix(token.text);
        select.reset();
        select.bind(1, prefix).bind(2, prefix + '\xFF').bind(3, static_cast<int64_t>(limit));
        while (select.step()) found.emplace_back(select.integer(1), select.text(0));
        note_error(select);
        select.reset();
        return 0;
    });
    // The word as typed and its stem complete to overlapping sets: merge, most common first.
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> terms;
    for (const auto& entry : found) {
        if (static_cast<int>(terms.size()) == limit) break;
        if (std::find(terms.begin(), terms.end(), entry.second) == terms.end()) terms.push_back(entry.second);
    }
    return terms;
}

SearchQuery SearchIndex::make_query(std::string_view visitor_input) {
    return make_search_query(visitor_input, [this](const SearchWord& word) { return completions_of(word); });
}

void SearchIndex::note_error(const SqliteStatement& stmt) {
    if (!stmt.error().empty()) last_error_ = stmt.error();
}

bool SearchIndex::rank_items(const std::string& expression, int limit, std::vector<std::pair<int64_t, double>>* ranked) {
    SqliteStatement& rank = statements_->rank;
    rank.reset();
    rank.bind(1, expression).bind(2, static_cast<int64_t>(limit));
    while (rank.step()) ranked->emplace_back(rank.integer(0), rank.real(1));
    note_error(rank);
    rank.reset();
    return !ranked->empty();
}

bool SearchIndex::best_passage(const std::string& expression, int64_t ordinal, int64_t* rowid) {
    SqliteStatement& best = statements_->best;
    best.reset();
    int64_t first = ordinal << kSearchPassageBits;
    best.bind(1, expression).bind(2, first).bind(3, first | kPassageMask);
    bool found = best.step();
    if (found) *rowid = best.integer(0);
    note_error(best);
    best.reset();
    return found;
}

bool SearchIndex::describe_hit(const std::string& expression, int64_t rowid, SearchHit* hit) {
    SqliteStatement& describe = statements_->describe;
    describe.reset();
    describe.bind(1, expression).bind(2, rowid).bind(3, kSnippetEllipsis).bind(4, int64_t{kSnippetTokens});
    bool found = describe.step();
    if (found) {
        hit->kind = describe.text(0);
        hit->item = describe.text(1);
        hit->paragraph = static_cast<int>(describe.integer(2));
        hit->field = describe.text(3);
        hit->lang = describe.text(4);
        hit->snippet = describe.text(5);
    }
    note_error(describe);
    describe.reset();
    return found;
}

std::vector<SearchHit> SearchIndex::search(std::string_view visitor_input, int limit) {
    std::vector<SearchHit> hits;
    if (limit <= 0) return hits;
    SearchQuery query = make_query(visitor_input);
    if (query.empty()) return hits;
    std::vector<std::pair<int64_t, double>> ranked;
    if (!rank_items(query.all_words, limit, &ranked) && query.word_count > 1)
        rank_items(query.any_word, limit, &ranked);
    for (const auto& [ordinal, score] : ranked) {
        // An item can hold all the words without any one passage holding them all.
        int64_t rowid = 0;
        if (!best_passage(query.all_words, ordinal, &rowid) && !best_passage(query.any_word, ordinal, &rowid)) continue;
        SearchHit hit;
        // Highlight every query word the passage contains, not only those of the matching expression.
        if (!describe_hit(query.any_word, rowid, &hit)) continue;
        hit.score = score;
        hits.push_back(std::move(hit));
    }
    return hits;
}

std::vector<PassageMatch> SearchIndex::matches_in(std::string_view visitor_input, std::string_view kind,
                                                  std::string_view item) {
    std::vector<PassageMatch> matches;
    SearchQuery query = make_query(visitor_input);
    if (query.empty()) return matches;
    SqliteStatement& ordinal = statements_->ordinal;
    ordinal.reset();
    ordinal.bind(1, kind).bind(2, item);
    bool known = ordinal.step();
    int64_t first = known ? ordinal.integer(0) << kSearchPassageBits : 0;
    ordinal.reset();
    if (!known) return matches;

    SqliteStatement& select = statements_->matches;
    select.reset();
    select.bind(1, query.any_word).bind(2, first).bind(3, first | kPassageMask);
    while (select.step()) {
        PassageMatch match;
        match.paragraph = static_cast<int>(select.integer(0));
        match.field = select.text(1);
        match.lang = select.text(2);
        int column = match.field == "title" ? 3 : match.field == "heading" ? 4 : 5;
        strip_match_markers(select.text(column), &match.ranges);
        if (!match.ranges.empty()) matches.push_back(std::move(match));
    }
    note_error(select);
    select.reset();
    return matches;
}

std::string strip_match_markers(std::string_view marked, std::vector<TextRange>* ranges) {
    std::string plain;
    plain.reserve(marked.size());
    size_t begin = 0;
    for (char c : marked) {
        if (c == kMatchBegin) {
            begin = plain.size();
        } else if (c == kMatchEnd) {
            if (ranges) ranges->push_back({begin, plain.size()});
        } else {
            plain += c;
        }
    }
    return plain;
}

}  // namespace kiosk::core
