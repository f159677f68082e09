// [SECTION] Character classes
// [SECTION] Words: folding and stemming
// [SECTION] Ideographs: characters and bigrams
// [SECTION] FTS5 glue
#include "core/search_tokenizer.h"

#include "core/utf8.h"

#include <libstemmer.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <new>

namespace kiosk::core {

namespace {

// Longer "words" (a visitor holding a key down, a pasted hash) are cut: nothing real is that long,
// and a bounded token keeps the stemmer's work bounded.
constexpr int kMaxWordChars = 64;

bool is_cyrillic(char32_t cp) {
    return (cp >= 0x400 && cp <= 0x52F) || (cp >= 0x1C80 && cp <= 0x1C8F) || (cp >= 0x2DE0 && cp <= 0x2DFF) ||
           (cp >= 0xA640 && cp <= 0xA69F);
}

bool is_latin_letter(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(static_cast<UChar32>(cp), &status) == USCRIPT_LATIN && U_SUCCESS(status);
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] Character classes

CharClass classify_char(char32_t cp) {
    if (cp < 0x80) {
        bool alnum = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
        return alnum ? CharClass::Word : CharClass::Separator;
    }
    uint32_t mask = U_GET_GC_MASK(static_cast<UChar32>(cp));
    if (mask & U_GC_M_MASK) return CharClass::Mark;
    if (!(mask & (U_GC_L_MASK | U_GC_N_MASK))) return CharClass::Separator;
    if (cp < 0x2E80) return CharClass::Word;  // nothing ideographic below the CJK radicals
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
    if (U_SUCCESS(status) && (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA))
        return CharClass::Ideograph;
    return CharClass::Word;
}

char32_t decode_search_char(std::string_view text, size_t& pos) {
    char32_t cp = utf8::decode(text, pos);
    // Full-width ASCII (ＡＢＣ１２３ from a CJK input method) searches like ASCII.
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    return cp;
}

int split_search_words(std::string_view text, const std::function<int(size_t, size_t, bool)>& word) {
    size_t pos = 0;
    size_t run_start = 0;
    CharClass run = CharClass::Separator;
    while (pos < text.size()) {
        size_t start = pos;
        CharClass cls = classify_char(decode_search_char(text, pos));
        if (cls == CharClass::Mark) cls = (run == CharClass::Word) ? CharClass::Word : CharClass::Separator;
        if (cls == run) continue;
        if (run != CharClass::Separator)
            if (int rc = word(run_start, start, run == CharClass::Ideograph)) return rc;
        run = cls;
        run_start = start;
    }
    if (run != CharClass::Separator) return word(run_start, text.size(), run == CharClass::Ideograph);
    return 0;
}

// ---------------------------------------------------------------- [SECTION] Words: folding and stemming

struct SearchTokenizer::Stemmers {
    sb_stemmer* russian = sb_stemmer_new("russian", "UTF_8");
    sb_stemmer* english = sb_stemmer_new("english", "UTF_8");
    ~Stemmers() {
        sb_stemmer_delete(russian);
        sb_stemmer_delete(english);
    }
};

SearchTokenizer::SearchTokenizer() : stemmers_(new (std::nothrow) Stemmers) {}

SearchTokenizer::~SearchTokenizer() { delete stemmers_; }

bool SearchTokenizer::ok() const { return stemmers_ && stemmers_->russian && stemmers_->english; }

namespace {

// Appends the case-folded form of `cp` to `out`, applying the Russian-specific folds.
// Combining marks arrive here only inside a word (decomposed input, stress accents).
void append_folded(std::string& out, char32_t cp) {
    constexpr std::string_view kI = "\xD0\xB8";   // и
    constexpr std::string_view kIe = "\xD0\xB5";  // е
    auto ends_with = [&](std::string_view tail) {
        return out.size() >= tail.size() && out.compare(out.size() - tail.size(), tail.size(), tail) == 0;
    };
    switch (cp) {
        case 0x0306:  // combining breve: и + ◌̆ is й, which must stay distinct from и
            if (ends_with(kI)) {
                out.resize(out.size() - kI.size());
                out += "\xD0\xB9";
                return;
            }
            break;
        case 0x0308:  // combining diaeresis: е + ◌̈ is ё, which searches as е
            if (ends_with(kIe)) return;
            break;
        case 0x0300:
        case 0x0301:  // stress marks in Russian teaching texts are not part of the word
            return;
        default: break;
    }
    char32_t folded = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
    if (folded == 0x0451) folded = 0x0435;  // ё → е
    utf8::append(out, folded);
}

}  // namespace

int SearchTokenizer::emit_word(std::string_view text, size_t start, size_t end, TokenizeMode mode,
                               const std::function<int(const SearchToken&)>& emit) {
    folded_.clear();
    bool cyrillic = false;
    bool latin = false;
    int chars = 0;
    for (size_t pos = start; pos < end && chars < kMaxWordChars; ++chars) {
        char32_t cp = decode_search_char(text, pos);
        cyrillic = cyrillic || is_cyrillic(cp);
        latin = latin || (!cyrillic && is_latin_letter(cp));
        append_folded(folded_, cp);
    }
    if (folded_.empty()) return 0;  // only stress marks

    sb_stemmer* stemmer = nullptr;
    if (stemmers_) stemmer = cyrillic ? stemmers_->russian : latin ? stemmers_->english : nullptr;
    std::string_view stem = folded_;
    if (stemmer) {
        const sb_symbol* stemmed =
            sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(folded_.data()), static_cast<int>(folded_.size()));
        if (stemmed && sb_stemmer_length(stemmer) > 0)
            stem = std::string_view(reinterpret_cast<const char*>(stemmed), sb_stemmer_length(stemmer));
    }
    SearchToken token{stem, static_cast<int>(start), static_cast<int>(end), false};
    if (mode != TokenizeMode::PrefixQuery) return emit(token);
    // A word being typed may be cut anywhere: match what was typed, and what its stem is, as prefixes.
    token.text = folded_;
    if (int rc = emit(token)) return rc;
    if (stem == folded_) return 0;
    token.text = stem;
    token.colocated = true;
    return emit(token);
}

// ---------------------------------------------------------------- [SECTION] Ideographs: characters and bigrams

// Documents: every character is a token at its own position, and the bigram it starts is a
// colocated token at the same position. Queries: one character is the character token; n ≥ 2
// characters are the phrase of their n-1 bigrams followed by the last character. That phrase
// matches exactly where the characters stand consecutively, and because highlight() uses the
// offsets of the non-colocated (single-character) tokens, the highlight covers exactly them.
int SearchTokenizer::emit_ideographs(std::string_view text, size_t start, size_t end, TokenizeMode mode,
                                     const std::function<int(const SearchToken&)>& emit) {
    std::vector<size_t>& bounds = bounds_;  // byte offset of each character, plus the end
    bounds.clear();
    for (size_t pos = start; pos < end;) {
        bounds.push_back(pos);
        decode_search_char(text, pos);
    }
    bounds.push_back(end);
    size_t count = bounds.size() - 1;
    auto piece = [&](size_t first, size_t chars, bool colocated) {
        SearchToken token;
        token.text = text.substr(bounds[first], bounds[first + chars] - bounds[first]);
        token.start = static_cast<int>(bounds[first]);
        token.end = static_cast<int>(bounds[first + chars]);
        token.colocated = colocated;
        return emit(token);
    };
    for (size_t i = 0; i < count; ++i) {
        bool has_next = i + 1 < count;
        if (mode == TokenizeMode::Document) {
            if (int rc = piece(i, 1, false)) return rc;
            if (has_next)
                if (int rc = piece(i, 2, true)) return rc;
        } else {
            if (int rc = piece(i, has_next ? 2 : 1, false)) return rc;
        }
    }
    return 0;
}

int SearchTokenizer::tokenize(std::string_view text, TokenizeMode mode, const std::function<int(const SearchToken&)>& emit) {
    // Only queries honour the marker: documents are indexed as written, whatever they hold.
    std::string_view marker = kRawTermMarker;
    if (mode != TokenizeMode::Document && text.size() > marker.size() && text.substr(0, marker.size()) == marker) {
        SearchToken raw{text.substr(marker.size()), 0, static_cast<int>(text.size()), false};
        return emit(raw);
    }
    return split_search_words(text, [&](size_t start, size_t end, bool ideographic) {
        return ideographic ? emit_ideographs(text, start, end, mode, emit) : emit_word(text, start, end, mode, emit);
    });
}

// ---------------------------------------------------------------- [SECTION] FTS5 glue

namespace {

int create_tokenizer(void*, const char**, int, Fts5Tokenizer** out) {
    auto* tokenizer = new (std::nothrow) SearchTokenizer;
    if (!tokenizer || !tokenizer->ok()) {
        delete tokenizer;
        return SQLITE_NOMEM;
    }
    *out = reinterpret_cast<Fts5Tokenizer*>(tokenizer);
    return SQLITE_OK;
}

void delete_tokenizer(Fts5Tokenizer* tokenizer) { delete reinterpret_cast<SearchTokenizer*>(tokenizer); }

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

int run_tokenizer(Fts5Tokenizer* handle, void* context, int flags, const char* text, int size, TokenCallback callback) {
    TokenizeMode mode = TokenizeMode::Document;  // also FTS5_TOKENIZE_AUX: snippets must see indexed positions
    if (flags & FTS5_TOKENIZE_QUERY)
        mode = (flags & FTS5_TOKENIZE_PREFIX) ? TokenizeMode::PrefixQuery : TokenizeMode::Query;
    auto* tokenizer = reinterpret_cast<SearchTokenizer*>(handle);
    std::string_view input(text ? text : "", text ? static_cast<size_t>(size) : 0);
    // Exceptions must not cross SQLite's C frames; the only one possible here is bad_alloc.
    try {
        return tokenizer->tokenize(input, mode, [&](const SearchToken& token) {
            return callback(context, token.colocated ? FTS5_TOKEN_COLOCATED : 0, token.text.data(),
                            static_cast<int>(token.text.size()), token.start, token.end);
        });
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    }
}

}  // namespace

fts5_api* find_fts5_api(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
    sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

bool register_search_tokenizer(sqlite3* db, std::string* error) {
    fts5_api* api = find_fts5_api(db);
    if (!api || api->iVersion < 2) {
        if (error) *error = "this SQLite library has no FTS5 full-text search";
        return false;
    }
    fts5_tokenizer tokenizer = {create_tokenizer, delete_tokenizer, run_tokenizer};
    int rc = api->xCreateTokenizer(api, kSearchTokenizerName, nullptr, &tokenizer, nullptr);
    if (rc != SQLITE_OK) {
        if (error) *error = std::string("registering the search tokenizer failed: ") + sqlite3_errstr(rc);
        return false;
    }
    return true;
}

}  // namespace kiosk::core
