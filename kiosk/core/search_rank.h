// The ranking function of the search index: search_rank(), an FTS5 auxiliary function.
//
// It is Okapi BM25 like FTS5's built-in bm25(), with two differences that matter for a
// kiosk holding a handful of documents:
//   - IDF is Lucene's log(1 + (N - n + 0.5) / (n + 0.5)), which stays positive. FTS5's
//     log((N - n + 0.5) / (n + 0.5)) is clamped to ~0 for any word in half the rows, and
//     with five documents that is nearly every word: all scores would be equal.
//   - IDF can be switched off, for choosing the best passage within one item: then no
//     full scan of each phrase's rows is needed per item.
// The score is positive; higher is better.
//
//   search_rank(table, use_idf, weight_column_0, weight_column_1, ...)
#pragma once

#include <sqlite3.h>

#include <string>

namespace kiosk::core {

constexpr const char* kSearchRankFunction = "search_rank";

// Registers search_rank() on `db`. Returns false and fills `error` if FTS5 is missing.
bool register_search_rank(sqlite3* db, std::string* error);

}  // namespace kiosk::core
