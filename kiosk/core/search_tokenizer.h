// The FTS5 tokenizer "kiosk" used by the search index (docs/search.md).
//
// Words in Latin, Cyrillic and other alphabets are case-folded (Unicode case
// folding via ICU), ё is folded to е while й stays distinct from и, and the word
// is stemmed with Snowball: Russian for words with Cyrillic letters, English
// for words with Latin letters. Chinese (Han) and Japanese kana are indexed per
// character, each character also carrying the bigram it starts as a colocated
// token, so 1-character queries match a character and longer queries become a
// phrase of bigrams. Every token carries the byte offsets of the original text,
// so snippet() and highlight() show the text as written.
//
// Any connection that reads or writes the index must call
// register_search_tokenizer() first; FTS5 looks tokenizers up by name.
#pragma once

#include <sqlite3.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

// The name used in `CREATE VIRTUAL TABLE ... USING fts5(..., tokenize='kiosk')`.
constexpr const char* kSearchTokenizerName = "kiosk";

// The FTS5 API of `db` (through `SELECT fts5(?1)`), or null if SQLite was built without FTS5.
fts5_api* find_fts5_api(sqlite3* db);

// A query string that starts with this marker (U+E000, a private-use character, which the
// word splitter treats as a separator so no visitor input can produce it) is one index term,
// used as is: SearchIndex expands a prefix into the terms it completes to this way.
constexpr const char* kRawTermMarker = "\xEE\x80\x80";

// Registers the tokenizer on `db`. Returns false and fills `error` if FTS5 is missing.
bool register_search_tokenizer(sqlite3* db, std::string* error);

// How text is being tokenized; mirrors FTS5's FTS5_TOKENIZE_* modes.
enum class TokenizeMode {
    Document,     // text being indexed (also used to re-tokenize for snippets)
    Query,        // a complete query word: stems only
    PrefixQuery,  // the word still being typed: the folded word and its stem, both as prefixes
};

// One token: `text` is what goes into the index; [start, end) are byte offsets in the input.
struct SearchToken {
    std::string_view text;
    int start = 0;
    int end = 0;
    bool colocated = false;  // same position as the previous token (a synonym)
};

// Stateful because Snowball stemmers allocate and are not thread-safe: one per connection's tokenizer.
class SearchTokenizer {
public:
    SearchTokenizer();
    ~SearchTokenizer();
    SearchTokenizer(const SearchTokenizer&) = delete;
    SearchTokenizer& operator=(const SearchTokenizer&) = delete;

    // False if a stemmer could not be created (out of memory).
    bool ok() const;

    // Calls `emit` for each token of `text`; stops early and returns the first non-zero value `emit` returns.
    int tokenize(std::string_view text, TokenizeMode mode, const std::function<int(const SearchToken&)>& emit);

private:
    struct Stemmers;
    int emit_word(std::string_view text, size_t start, size_t end, TokenizeMode mode,
                  const std::function<int(const SearchToken&)>& emit);
    int emit_ideographs(std::string_view text, size_t start, size_t end, TokenizeMode mode,
                        const std::function<int(const SearchToken&)>& emit);

    Stemmers* stemmers_;
    std::string folded_;          // reused between words: no allocation per token once warmed up
    std::vector<size_t> bounds_;  // character boundaries of the current ideograph run
};

// What a code point is to the word splitter; shared by the tokenizer and the query sanitizer
// so that both agree on where words start and end.
enum class CharClass {
    Separator,  // spaces, punctuation, symbols, emoji, invalid bytes
    Word,       // letters and digits of alphabetic scripts
    Mark,       // combining marks: part of the word they follow
    Ideograph,  // Han and kana: one token per character
};
CharClass classify_char(char32_t cp);

// Decodes the code point at `pos`, advancing `pos`; full-width ASCII forms are mapped to ASCII.
char32_t decode_search_char(std::string_view text, size_t& pos);

// Calls `word(start, end, ideographic)` for every run of word characters (a run of Han/kana
// is one run with ideographic=true); stops and returns `word`'s first non-zero result.
int split_search_words(std::string_view text, const std::function<int(size_t, size_t, bool)>& word);

}  // namespace kiosk::core
