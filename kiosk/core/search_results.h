// What a search finds, as plain values: the hits and matched ranges SearchIndex returns
// (search_index.h), without SQLite, so the UI's state can hold them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace kiosk::core {

// Snippets and highlights mark each matched stretch of text as
// kMatchBegin + text + kMatchEnd. SearchIndexWriter refuses passages that contain
// these control bytes, so a screen can split on them without ambiguity.
constexpr char kMatchBegin = '\x01';
constexpr char kMatchEnd = '\x02';
// Marks where a snippet cuts the passage.
constexpr const char* kSnippetEllipsis = "\xE2\x80\xA6";  // …

// The best passage of one matching item; search() returns one per item, best first.
struct SearchHit {
    std::string kind;     // "document" or "lesson"
    std::string item;     // the document id or the lesson id
    int paragraph = 0;    // document: block id to open the reader at; lesson: slide number, 1-based;
                          // 0 = the header (title or summary matched)
    std::string field;    // what matched: "title", "summary", "heading" or "block"
    std::string lang;     // language of the matched text: "ru", "zh" or "en"
    double score = 0;     // relevance of the item, higher is better (search_rank(), a BM25)
    std::string snippet;  // a short extract with kMatchBegin/kMatchEnd around the matches
};

// A byte range [begin, end) of a passage's text.
struct TextRange {
    size_t begin = 0;
    size_t end = 0;
};

// Where one passage of an item matches, for stepping through the highlights in the reader.
struct PassageMatch {
    int paragraph = 0;  // block id (for a heading: the first block of its section); lessons: slide number
    std::string field;  // "title", "summary", "heading" or "block"
    std::string lang;
    std::vector<TextRange> ranges;  // matched ranges in the passage's original text, in order
};

}  // namespace kiosk::core
