// kioskctl search DB QUERY [--limit N] [--json]: the visitor's search, from the command line.
// One line per matching document or lesson, best first: document (or lesson) id, paragraph id
// (for a lesson: slide number), score, snippet. Plain output marks matches as [match]; --json
// prints one object per line with the fields document, paragraph, score and snippet, where
// matches are marked with U+0001 ... U+0002 exactly as SearchIndex returns them, and kind
// ("document" or "lesson") and language (of the matched text: "ru", "zh" or "en").
#include "core/json_writer.h"
#include "core/search_index.h"
#include "kioskctl/command_line.h"

#include <cstdio>

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr int64_t kDefaultLimit = 20;

// For a terminal: matches in [brackets], everything on one line.
std::string plain_snippet(std::string_view snippet) {
    std::string out;
    for (char c : snippet) {
        if (c == kMatchBegin) out += '[';
        else if (c == kMatchEnd) out += ']';
        else if (c == '\n' || c == '\t') out += ' ';
        else out += c;
    }
    return out;
}

}  // namespace

int cmd_search(const std::vector<std::string>& args) {
    CommandLine cl(args, {"limit"}, {"json"});
    if (!cl.ok()) return usage_error("search", cl.error());
    if (cl.positional().size() < 2) return usage_error("search", "expected DB and QUERY");
    int64_t limit = 0;
    std::string error;
    if (!cl.integer("limit", kDefaultLimit, &limit, &error)) return usage_error("search", error);
    if (limit < 1 || limit > 10000) return usage_error("search", "--limit must be between 1 and 10000");

    // Words given as separate arguments are one query, as if typed with spaces.
    std::string query;
    for (size_t i = 1; i < cl.positional().size(); ++i) query += (i > 1 ? " " : "") + cl.positional()[i];

    auto index = SearchIndex::open(cl.positional()[0], &error);
    if (!index) {
        std::fprintf(stderr, "kioskctl search: %s\n", error.c_str());
        return 1;
    }
    bool json = cl.has("json");
    for (const SearchHit& hit : index->search(query, static_cast<int>(limit))) {
        if (json) {
            JsonWriter line;
            line.begin_object();
            line.key("document").value(hit.item).key("paragraph").value(hit.paragraph);
            line.key("score").value(hit.score).key("snippet").value(hit.snippet).key("kind").value(hit.kind);
            line.key("language").value(hit.lang);
            std::printf("%s\n", line.end_object().str().c_str());
        } else {
            std::printf("%s\t%d\t%.4f\t%s\n", hit.item.c_str(), hit.paragraph, hit.score,
                        plain_snippet(hit.snippet).c_str());
        }
    }
    return 0;
}

}  // namespace kiosk::ctl
