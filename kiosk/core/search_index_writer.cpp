#include "core/search_index_writer.h"

#include "core/search_tokenizer.h"
#include "core/translation_source.h"

#include <unordered_map>

namespace kiosk::core {

namespace {

constexpr const char* kSearchSchemaSql = R"sql(
CREATE TABLE search_items(
  ordinal INTEGER PRIMARY KEY,     -- high bits of the item's passage rowids
  kind    TEXT NOT NULL,           -- document | lesson
  item    TEXT NOT NULL,           -- documents.id for documents
  UNIQUE(kind, item)
);
CREATE VIRTUAL TABLE search_item_text USING fts5(title, heading, body, tokenize='kiosk', content='');
CREATE VIRTUAL TABLE search_passages USING fts5(
  kind UNINDEXED, item UNINDEXED, paragraph UNINDEXED, field UNINDEXED, lang UNINDEXED,
  title, heading, body, tokenize='kiosk');
)sql";

// Every index term with the number of items that contain it: SearchIndex completes the word
// being typed from here, most common completions first (search_query.h says why).
constexpr const char* kSearchTermsSql = R"sql(
CREATE TABLE search_terms(
  term  TEXT PRIMARY KEY,          -- as the tokenizer emits it: a stem, a character or a bigram
  items INTEGER NOT NULL           -- how many items contain it
) WITHOUT ROWID;
CREATE VIRTUAL TABLE temp.search_item_vocabulary USING fts5vocab(main, search_item_text, row);
INSERT INTO search_terms SELECT term, doc FROM temp.search_item_vocabulary;
DROP TABLE temp.search_item_vocabulary;
)sql";

// Which of the three text columns (title, heading, body) a passage's field goes to.
int column_of(const std::string& field) {
    if (field == "title") return 0;
    if (field == "heading") return 1;
    return 2;
}

// In the item row a word form counts at most this often. BM25 saturates term frequency (with
// k1 = 1.2 three hits give 80% of the maximum), so ranking barely changes, but ranking reads
// every hit of every matching item: uncapped, a common word makes each long document cost
// hundreds of hits.
constexpr int kMaxItemWordRepeats = 3;

// `text` with each alphabetic word form beyond its kMaxItemWordRepeats-th occurrence in the
// item left out; runs of Chinese characters are kept whole, since their bigrams need neighbours.
void append_capped(std::string& out, const std::string& text, std::unordered_map<std::string, int>& seen) {
    split_search_words(text, [&](size_t start, size_t end, bool ideographic) {
        std::string word = text.substr(start, end - start);
        if (!ideographic && ++seen[word] > kMaxItemWordRepeats) return 0;
        out += word;
        out += ' ';
        return 0;
    });
    out += '\n';
}

bool fail(const SqliteStatement& stmt, std::string* error) {
    *error = "search index: " + stmt.error();
    return false;
}

}  // namespace

bool SearchIndexWriter::begin(std::string* error) {
    if (!register_search_tokenizer(db_.handle(), error)) return false;
    if (!db_.exec(kSearchSchemaSql, error)) return false;
    return true;
}

bool SearchIndexWriter::add_item(std::string_view kind, std::string_view id, const std::vector<SearchPassage>& passages,
                                 std::string* error) {
    if (passages.size() >= (size_t{1} << kSearchPassageBits)) {
        *error = "search index: " + std::string(kind) + " '" + std::string(id) + "' has too many passages";
        return false;
    }
    int64_t ordinal = next_ordinal_++;
    SqliteStatement insert_item(db_, "INSERT INTO search_items(ordinal, kind, item) VALUES(?, ?, ?)");
    if (!insert_item.bind(1, ordinal).bind(2, kind).bind(3, id).run()) return fail(insert_item, error);

    SqliteStatement insert_passage(db_, "INSERT INTO search_passages(rowid, kind, item, paragraph, field, lang, "
                                        "title, heading, body) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::string columns[3];                     // the item's text by column, for search_item_text
    std::unordered_map<std::string, int> seen;  // body word form -> occurrences so far
    for (size_t i = 0; i < passages.size(); ++i) {
        const SearchPassage& passage = passages[i];
        if (passage.text.find_first_of("\x01\x02") != std::string::npos) {
            *error = "search index: " + std::string(kind) + " '" + std::string(id) + "' " + passage.field +
                     " contains control character U+0001 or U+0002 (reserved for search highlights)";
            return false;
        }
        int column = column_of(passage.field);
        insert_passage.reset();
        insert_passage.bind(1, (ordinal << kSearchPassageBits) | static_cast<int64_t>(i)).bind(2, kind).bind(3, id);
        insert_passage.bind(4, static_cast<int64_t>(passage.paragraph)).bind(5, passage.field).bind(6, passage.lang);
        for (int c = 0; c < 3; ++c) insert_passage.bind(7 + c, c == column ? std::string_view(passage.text) : "");
        if (!insert_passage.run()) return fail(insert_passage, error);
        if (column == 2) {
            append_capped(columns[column], passage.text, seen);
        } else {
            columns[column] += passage.text;
            columns[column] += '\n';
        }
    }
    SqliteStatement insert_text(db_, "INSERT INTO search_item_text(rowid, title, heading, body) VALUES(?, ?, ?, ?)");
    insert_text.bind(1, ordinal).bind(2, columns[0]).bind(3, columns[1]).bind(4, columns[2]);
    if (!insert_text.run()) return fail(insert_text, error);
    return true;
}

bool SearchIndexWriter::finish(std::string* error) {
    return db_.exec("INSERT INTO search_item_text(search_item_text) VALUES('optimize');"
                    "INSERT INTO search_passages(search_passages) VALUES('optimize');",
                    error) &&
           db_.exec(kSearchTermsSql, error);
}

std::vector<SearchPassage> document_passages(const Document& doc) {
    std::vector<SearchPassage> passages;
    for (Lang lang : kAllLangs) {
        if (!doc.info.title[lang].empty()) passages.push_back({0, "title", lang_code(lang), doc.info.title[lang]});
        if (!doc.info.summary[lang].empty())
            passages.push_back({0, "summary", lang_code(lang), doc.info.summary[lang]});
    }
    for (const Section& section : doc.sections) {
        if (section.heading.empty()) continue;
        // A heading opens the reader at its section's first paragraph.
        int paragraph = 0;
        if (section.first_block >= 0 && section.first_block < static_cast<int>(doc.blocks.size()))
            paragraph = doc.blocks[section.first_block].id;
        passages.push_back({paragraph, "heading", "ru", section.heading});
        for (Lang lang : kTranslationLangs)
            if (!section.heading_translation[lang].empty())
                passages.push_back({paragraph, "heading", lang_code(lang), section.heading_translation[lang]});
    }
    // The Russian original and its translations: a query in any visitor language finds the block.
    for (const Block& block : doc.blocks) {
        passages.push_back({block.id, "block", "ru", block.text});
        for (Lang lang : kTranslationLangs)
            if (!block.translation[lang].empty())
                passages.push_back({block.id, "block", lang_code(lang), block.translation[lang]});
    }
    return passages;
}

std::vector<SearchPassage> lesson_passages(const Lesson& lesson) {
    std::vector<SearchPassage> passages;
    for (Lang lang : kAllLangs) {
        if (!lesson.title[lang].empty()) passages.push_back({0, "title", lang_code(lang), lesson.title[lang]});
        if (!lesson.summary[lang].empty()) passages.push_back({0, "summary", lang_code(lang), lesson.summary[lang]});
    }
    // Slide titles rank like section headings; slide numbers are 1-based so that 0 keeps
    // meaning "the item's header", as for documents.
    for (size_t i = 0; i < lesson.slides.size(); ++i) {
        const Slide& slide = lesson.slides[i];
        const int number = static_cast<int>(i) + 1;
        for (Lang lang : kAllLangs) {
            if (!slide.title[lang].empty()) passages.push_back({number, "heading", lang_code(lang), slide.title[lang]});
            if (!slide.text[lang].empty()) passages.push_back({number, "block", lang_code(lang), slide.text[lang]});
        }
    }
    return passages;
}

bool write_search_index(SqliteDb& db, const ContentSources& sources, std::string* error) {
    SearchIndexWriter writer(db);
    if (!writer.begin(error)) return false;
    for (const Document& doc : sources.documents)
        if (!writer.add_item("document", doc.info.id, document_passages(doc), error)) return false;
    for (const Lesson& lesson : sources.lessons)
        if (!writer.add_item("lesson", lesson.id, lesson_passages(lesson), error)) return false;
    return writer.finish(error);
}

}  // namespace kiosk::core
