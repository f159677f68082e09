// search_bench: search latency, p50 and p99, over a fixed query set (docs/performance.md).
//
//   search_bench [--bundled CONTENT.db] [--large CACHE.db] [--scale N] [--runs N] [--query Q]
//
// (a) the bundled content database; (b) a synthetic corpus N times larger (default 1000),
// generated deterministically from the bundled documents: each copy keeps the structure
// and vocabulary of its original, with about a third of the words swapped for words drawn
// from the whole corpus (so word frequencies stay realistic). The large index is cached
// at --large and rebuilt when missing. Prints one JSON object per corpus. --query times one
// query instead of the set (for profiling).
#include "core/content_store.h"
#include "core/search_index.h"
#include "core/search_index_writer.h"
#include "core/search_tokenizer.h"
#include "core/sqlite_db.h"
#include "core/strict_number.h"
#include "core/utf8.h"

#include <unistd.h>

#include <algorithm>
#include <climits>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace kiosk;
using namespace kiosk::core;

namespace {

using Clock = std::chrono::steady_clock;

// What visitors type: whole words, phrases, every keystroke of two words being typed,
// English, Chinese, and inputs that are pure syntax or noise.
std::vector<std::string> query_set(const char* only) {
    if (only) return {only};
    std::vector<std::string> queries = {
        "цифровая экономика",
        "умные города",
        "информационная безопасность",
        "искусственный интеллект",
        "электронная торговля",
        "цифровой трансформации",
        "ШОС",
        "сотрудничество",
        "5G",
        "интернет вещей",
        "кибербезопасность",
        "Бишкек",
        "стартапов",
        "digital economy",
        "smart cities",
        "artificial intelligence",
        "数字",
        "数",
        "智慧城市",
        "人工智能",
        "数字经济合作",
        "\"",
        "NEAR(цифровой OR",
        "😀",
        "и",
        "в",
    };
    for (const char* word : {"информационная безопасность", "цифровая грамотность"}) {
        std::string typed;
        const std::string_view text = word;
        for (size_t pos = 0; pos < text.size();) {
            const size_t start = pos;
            utf8::decode(text, pos);
            typed.append(text.substr(start, pos - start));
            queries.push_back(typed);
        }
    }
    return queries;
}

double percentile(std::vector<double> sorted, double fraction) {
    std::sort(sorted.begin(), sorted.end());
    size_t index = static_cast<size_t>(std::lround(fraction * static_cast<double>(sorted.size() - 1)));
    return sorted[std::min(index, sorted.size() - 1)];
}

// The database file's size in bytes, as SQLite counts its pages (0 if it cannot tell).
double file_bytes(SqliteDb& db) {
    int64_t bytes = 0;
    const std::string text = db.query_text("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size", "0");
    return parse_integer(text, int64_t{0}, INT64_MAX, &bytes) ? static_cast<double>(bytes) : 0.0;
}

// Runs the query set `runs` times after one warm-up pass and prints the figures as JSON.
void measure(const char* corpus, const std::string& path, int runs, double build_seconds, const char* only) {
    std::string error;
    auto index = SearchIndex::open(path, &error);
    if (!index) {
        std::fprintf(stderr, "search_bench: %s\n", error.c_str());
        std::exit(1);
    }
    std::vector<std::string> queries = query_set(only);
    size_t hits = 0;
    for (const std::string& query : queries) hits += index->search(query, 20).size();
    std::vector<double> latencies;
    std::vector<std::pair<double, std::string>> slowest;  // worst time per query
    slowest.reserve(queries.size());
    for (const std::string& query : queries) slowest.emplace_back(0, query);
    for (int run = 0; run < runs; ++run) {
        for (size_t q = 0; q < queries.size(); ++q) {
            auto start = Clock::now();
            index->search(queries[q], 20);
            latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            slowest[q].first = std::max(slowest[q].first, latencies.back());
        }
    }
    std::sort(slowest.rbegin(), slowest.rend());
    for (size_t i = 0; i < 3 && i < slowest.size(); ++i)
        std::fprintf(stderr, "search_bench: %s: slow query %.3f ms: %s\n", corpus, slowest[i].first,
                     slowest[i].second.c_str());
    SqliteDb db;
    db.open(path, SqliteDb::Mode::ReadOnly, nullptr);
    std::string items = db.query_text("SELECT count(*) FROM search_items", "0");
    std::string passages = db.query_text("SELECT count(*) FROM search_passages_docsize", "0");
    std::printf("{\"corpus\": \"%s\", \"items\": %s, \"passages\": %s, \"file_mb\": %.1f, \"queries\": %zu, "
                "\"runs\": %d, \"hits\": %zu, \"p50_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f, "
                "\"build_s\": %.1f}\n",
                corpus, items.c_str(), passages.c_str(), file_bytes(db) / 1e6, queries.size(), runs, hits,
                percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(latencies, 1.0), build_seconds);
    std::fflush(stdout);
}

// A small deterministic generator (xorshift64*): the corpus must be identical on every run.
struct Random {
    uint64_t state = 0x9E3779B97F4A7C15ull;
    uint64_t next() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 0x2545F4914F6CDD1Dull;
    }
    size_t below(size_t n) { return static_cast<size_t>(next() % n); }
};

// Every word of the corpus in order, as byte ranges of the texts: drawing a random position
// draws words with their real frequencies.
struct WordPool {
    std::vector<std::string> words;
    void add(const std::string& text) {
        split_search_words(text, [&](size_t start, size_t end, bool ideographic) {
            if (!ideographic) words.push_back(text.substr(start, end - start));
            return 0;
        });
    }
};

// `text` with about a third of its alphabetic words replaced by words drawn from `pool`.
std::string vary(const std::string& text, const WordPool& pool, Random& random) {
    std::string out;
    size_t copied = 0;
    split_search_words(text, [&](size_t start, size_t end, bool ideographic) {
        if (ideographic || random.below(3) != 0) return 0;
        out.append(text, copied, start - copied);
        out += pool.words[random.below(pool.words.size())];
        copied = end;
        return 0;
    });
    out.append(text, copied, std::string::npos);
    return out;
}

bool build_large(const std::string& bundled, const std::string& out, int scale, std::string* error) {
    auto store = ContentStore::open(bundled, error);
    if (!store) return false;
    WordPool pool;
    std::vector<std::vector<SearchPassage>> originals;
    for (const Document& doc : store->documents()) {
        originals.push_back(document_passages(doc));
        for (const SearchPassage& passage : originals.back()) pool.add(passage.text);
    }
    if (originals.empty() || pool.words.empty()) {
        *error = bundled + ": no documents to grow a corpus from";
        return false;
    }
    std::string temp = out + ".tmp";
    ::unlink(temp.c_str());
    SqliteDb db;
    if (!db.open(temp, SqliteDb::Mode::Create, error)) return false;
    if (!db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; BEGIN;", error)) return false;
    SearchIndexWriter writer(db);
    if (!writer.begin(error)) return false;
    Random random;
    for (int copy = 0; copy < scale; ++copy) {
        for (size_t d = 0; d < originals.size(); ++d) {
            std::vector<SearchPassage> passages = originals[d];
            for (SearchPassage& passage : passages) passage.text = vary(passage.text, pool, random);
            std::string id = "synthetic-" + std::to_string(copy) + "-" + std::to_string(d);
            if (!writer.add_item("document", id, passages, error)) return false;
        }
    }
    if (!writer.finish(error) || !db.exec("COMMIT;", error)) return false;
    db.close();
    return ::rename(temp.c_str(), out.c_str()) == 0;
}

const char* option(int argc, char** argv, const char* name, const char* fallback) {
    for (int i = 1; i + 1 < argc; ++i)
        if (!std::strcmp(argv[i], name)) return argv[i + 1];
    return fallback;
}

}  // namespace

int main(int argc, char** argv) {
    std::string bundled = option(argc, argv, "--bundled", KIOSK_CONTENT_DB);
    std::string large = option(argc, argv, "--large", KIOSK_BENCH_LARGE_DB);
    int scale = 0, runs = 0;
    if (!parse_integer(option(argc, argv, "--scale", "1000"), 1, 1000000, &scale) ||
        !parse_integer(option(argc, argv, "--runs", "20"), 1, 1000000, &runs)) {
        std::fprintf(stderr, "usage: search_bench [--bundled CONTENT.db] [--large CACHE.db] [--scale N] [--runs N]\n");
        return 2;
    }
    const char* only = option(argc, argv, "--query", nullptr);
    measure("bundled", bundled, runs, 0, only);

    double build_seconds = 0;
    if (access(large.c_str(), F_OK) != 0) {
        std::fprintf(stderr, "search_bench: generating the %d× corpus at %s (once)\n", scale, large.c_str());
        auto start = Clock::now();
        std::string error;
        if (!build_large(bundled, large, scale, &error)) {
            std::fprintf(stderr, "search_bench: %s\n", error.c_str());
            return 1;
        }
        build_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    }
    measure("large", large, runs, build_seconds, only);
    return 0;
}
