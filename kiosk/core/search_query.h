// Turns whatever a visitor typed into a safe FTS5 query (docs/search.md).
//
// The visitor never writes FTS5 syntax: the input is split into words exactly as
// the tokenizer splits text (letters and digits; a run of Chinese characters is
// one word), everything else is a separator, and each word is quoted. So quotes,
// *, -, ^, :, parentheses, NEAR/AND/OR/NOT, emoji and invalid UTF-8 can never
// reach the FTS5 parser as syntax. The last word, if the input does not end with
// a separator, is still being typed and matches as a prefix.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

// At most this many words are searched; more cannot narrow a kiosk search usefully
// and would only make a held-down key expensive.
constexpr int kMaxSearchWords = 12;
// Words are cut to this many characters (the cut word then matches as a prefix).
constexpr int kMaxSearchWordChars = 48;

// One word of the visitor's input.
struct SearchWord {
    std::string text;          // as typed (letters, digits and marks only; never a quote)
    bool prefix = false;       // still being typed, or cut: matches words it begins (never for Chinese)
    bool ideographic = false;  // a run of Chinese characters
};

// Splits any byte string into at most kMaxSearchWords words; never fails.
std::vector<SearchWord> split_visitor_input(std::string_view visitor_input);

// Index terms that a word being typed may complete to. Given to make_search_query so a prefix
// becomes an OR of whole terms: FTS5 merges the whole posting list of every matching term for
// a prefix query, on every execution, which is what made prefixes slow on a large index.
using PrefixExpander = std::function<std::vector<std::string>(const SearchWord& word)>;

struct SearchQuery {
    std::string all_words;  // FTS5 expression: every word must match
    std::string any_word;   // FTS5 expression: at least one word matches (fallback, and for highlighting)
    int word_count = 0;     // 0: nothing searchable was typed

    bool empty() const { return word_count == 0; }
};

// Never fails: any byte string gives a valid (possibly empty) query. Without `expand`, a word
// being typed is an FTS5 prefix query ("word"*); with it, the OR of the terms `expand` returns.
SearchQuery make_search_query(std::string_view visitor_input, const PrefixExpander& expand = nullptr);

}  // namespace kiosk::core
