// Turns whatever a visitor typed into a safe FTS5 query (docs/search.md).
//
// The visitor never writes FTS5 syntax: the input is split into words exactly as
// the tokenizer splits text (letters and digits; a run of Chinese characters is
// one word), everything else is a separator, and each word is quoted. So quotes,
// *, -, ^, :, parentheses, NEAR/AND/OR/NOT, emoji and invalid UTF-8 can never
// reach the FTS5 parser as syntax. The last word, if the input does not end with
// a separator, is still being typed and matches as a prefix.
#pragma once

#include <string>
#include <string_view>

namespace kiosk {

// At most this many words are searched; more cannot narrow a kiosk search usefully
// and would only make a held-down key expensive.
constexpr int kMaxSearchWords = 12;
// Words are cut to this many characters (the cut word then matches as a prefix).
constexpr int kMaxSearchWordChars = 48;

struct SearchQuery {
    std::string all_words;  // FTS5 expression: every word must match
    std::string any_word;   // FTS5 expression: at least one word matches (fallback, and for highlighting)
    int word_count = 0;     // 0: nothing searchable was typed

    bool empty() const { return word_count == 0; }
};

// Never fails: any byte string gives a valid (possibly empty) query.
SearchQuery make_search_query(std::string_view visitor_input);

}  // namespace kiosk
