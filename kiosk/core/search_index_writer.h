// Writes the full-text search index into a content database (docs/search.md).
//
// The index is generic over "items" (documents and lessons), each made of passages: a title,
// a summary, a section heading or a paragraph (for lessons: a slide title or a slide text),
// in one language.
// Two FTS5 tables hold it:
//   search_item_text  one row per item, all its passages by column, body words capped at three
//                     repeats: ranks items (contentless)
//   search_passages   one row per passage: finds the best paragraph and makes the snippet
// and one plain table, search_terms, lists every term with its item count (prefix completion).
// A passage's rowid is (item ordinal << kSearchPassageBits) | passage number, so the
// passages of one item are one rowid range.
#pragma once

#include "core/content_model.h"
#include "core/content_sources.h"
#include "core/lesson_model.h"
#include "core/sqlite_db.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

// Passages per item are numbered within this many bits of the rowid.
constexpr int kSearchPassageBits = 20;

// Column weights for search_rank() (search_rank.h): titles and headings outrank body text.
constexpr double kSearchTitleWeight = 10.0;
constexpr double kSearchHeadingWeight = 5.0;
constexpr double kSearchBodyWeight = 1.0;

// One searchable piece of text of an item.
struct SearchPassage {
    int paragraph = 0;  // document: the block id to open the reader at; lesson: the slide number (1-based);
                        // 0 for the item's header (title, summary)
    std::string field;  // "title", "summary", "heading" or "block": which column it goes to and what it is
    std::string lang;   // "ru", "zh" or "en"
    std::string text;
};

class SearchIndexWriter {
public:
    explicit SearchIndexWriter(SqliteDb& db) : db_(db) {}

    // Registers the tokenizer on the connection and creates the tables.
    bool begin(std::string* error);
    // Adds one item (`kind` is "document" or "lesson"; `id` its stable id) and its passages.
    bool add_item(std::string_view kind, std::string_view id, const std::vector<SearchPassage>& passages, std::string* error);
    // Merges the index into its most compact form for reading and lists its terms.
    bool finish(std::string* error);

private:
    SqliteDb& db_;
    int64_t next_ordinal_ = 1;
};

// The passages of a document: titles and summaries in every language, headings, paragraphs.
std::vector<SearchPassage> document_passages(const Document& doc);

// The passages of a lesson: titles and summaries, then each slide's title ("heading") and text
// ("block") in every language, with the slide number as paragraph. Quiz questions are left out:
// a search must not hand visitors the answers.
std::vector<SearchPassage> lesson_passages(const Lesson& lesson);

// Writes the whole index for `sources` (the hook content_builder calls inside its transaction).
bool write_search_index(SqliteDb& db, const ContentSources& sources, std::string* error);

}  // namespace kiosk::core
