#include "core/search_rank.h"

#include "core/search_tokenizer.h"

#include <cmath>
#include <new>
#include <vector>

namespace kiosk::core {

namespace {

constexpr double kK1 = 1.2;  // term frequency saturation, as in FTS5's bm25()
constexpr double kB = 0.75;  // length normalisation, as in FTS5's bm25()

// Per-query facts, computed on the first row and kept as FTS5 auxiliary data.
struct RankStats {
    double average_length = 1;
    std::vector<double> idf;  // per phrase
};

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* rows) {
    ++*static_cast<int64_t*>(rows);
    return SQLITE_OK;
}

// Builds the statistics; returns null on error with `rc` set.
RankStats* compute_stats(const Fts5ExtensionApi* api, Fts5Context* fts, bool use_idf, int* rc) {
    auto* stats = new (std::nothrow) RankStats;
    if (!stats) {
        *rc = SQLITE_NOMEM;
        return nullptr;
    }
    sqlite3_int64 rows = 0, tokens = 0;
    *rc = api->xRowCount(fts, &rows);
    if (*rc == SQLITE_OK) *rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rows > 0 && tokens > 0) stats->average_length = static_cast<double>(tokens) / static_cast<double>(rows);
    int phrases = api->xPhraseCount(fts);
    stats->idf.assign(static_cast<size_t>(phrases), 1.0);
    for (int i = 0; use_idf && *rc == SQLITE_OK && i < phrases; ++i) {
        int64_t matching = 0;
        *rc = api->xQueryPhrase(fts, i, &matching, count_row);
        double n = static_cast<double>(matching);
        stats->idf[i] = std::log(1.0 + (static_cast<double>(rows) - n + 0.5) / (n + 0.5));
    }
    if (*rc != SQLITE_OK) {
        delete stats;
        return nullptr;
    }
    return stats;
}

void delete_stats(void* stats) { delete static_cast<RankStats*>(stats); }

void rank_row(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int argc, sqlite3_value** argv) {
    bool use_idf = argc < 1 || sqlite3_value_int(argv[0]) != 0;
    auto* stats = static_cast<RankStats*>(api->xGetAuxdata(fts, 0));
    if (!stats) {
        int rc = SQLITE_OK;
        stats = compute_stats(api, fts, use_idf, &rc);
        if (stats) rc = api->xSetAuxdata(fts, stats, delete_stats);  // frees stats itself on failure
        if (rc != SQLITE_OK) {
            sqlite3_result_error_code(result, rc);
            return;
        }
    }
    // Weighted frequency of each phrase in this row: a hit in a title counts as many hits in a body.
    std::vector<double> frequency(stats->idf.size(), 0.0);
    int instances = 0;
    int rc = api->xInstCount(fts, &instances);
    for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
        int phrase = 0, column = 0, offset = 0;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        double weight = column + 1 < argc ? sqlite3_value_double(argv[column + 1]) : 1.0;
        if (rc == SQLITE_OK && phrase >= 0 && phrase < static_cast<int>(frequency.size())) frequency[phrase] += weight;
    }
    int length = 0;
    if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &length);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(result, rc);
        return;
    }
    double norm = kK1 * (1 - kB + kB * static_cast<double>(length) / stats->average_length);
    double score = 0;
    for (size_t p = 0; p < frequency.size(); ++p)
        score += stats->idf[p] * frequency[p] * (kK1 + 1) / (frequency[p] + norm);
    sqlite3_result_double(result, score);
}

void rank_function(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int argc, sqlite3_value** argv) {
    // Exceptions must not cross SQLite's C frames; the only one possible here is bad_alloc.
    try {
        rank_row(api, fts, result, argc, argv);
    } catch (const std::bad_alloc&) {
        sqlite3_result_error_nomem(result);
    }
}

}  // namespace

bool register_search_rank(sqlite3* db, std::string* error) {
    fts5_api* api = find_fts5_api(db);
    if (!api) {
        if (error) *error = "this SQLite library has no FTS5 full-text search";
        return false;
    }
    int rc = api->xCreateFunction(api, kSearchRankFunction, nullptr, rank_function, nullptr);
    if (rc != SQLITE_OK) {
        if (error) *error = std::string("registering the search rank function failed: ") + sqlite3_errstr(rc);
        return false;
    }
    return true;
}

}  // namespace kiosk::core
