#include "core/search_query.h"

#include "core/search_tokenizer.h"

namespace kiosk::core {

namespace {

// Cuts `word` to kMaxSearchWordChars characters; true if it was longer.
bool cut_word(std::string& word) {
    size_t pos = 0;
    for (int chars = 0; pos < word.size() && chars < kMaxSearchWordChars; ++chars) decode_search_char(word, pos);
    if (pos == word.size()) return false;
    word.resize(pos);
    return true;
}

std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) out += (c == '"') ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// The FTS5 expression for one word.
std::string word_expression(const SearchWord& word, const PrefixExpander& expand) {
    if (!word.prefix) return quoted(word.text);
    if (!expand) return quoted(word.text) + "*";
    std::vector<std::string> terms = expand(word);
    // No term completes the word: a raw term that cannot exist, so the word matches nothing.
    if (terms.empty()) return quoted(std::string(kRawTermMarker) + kRawTermMarker);
    std::string out = "(";
    for (size_t i = 0; i < terms.size(); ++i) out += (i ? " OR " : "") + quoted(kRawTermMarker + terms[i]);
    return out + ")";
}

}  // namespace

std::vector<SearchWord> split_visitor_input(std::string_view visitor_input) {
    std::vector<SearchWord> words;
    split_search_words(visitor_input, [&](size_t start, size_t end, bool ideographic) {
        SearchWord word;
        word.text = std::string(visitor_input.substr(start, end - start));
        // Chinese has no prefixes to wait for: each character is already a term of its own, and a
        // "*" on the last one would only add the bigrams it starts, which stand at the same position.
        word.prefix = !ideographic && (cut_word(word.text) || end == visitor_input.size());
        word.ideographic = ideographic;
        words.push_back(std::move(word));
        return static_cast<int>(words.size()) >= kMaxSearchWords ? 1 : 0;
    });
    return words;
}

SearchQuery make_search_query(std::string_view visitor_input, const PrefixExpander& expand) {
    SearchQuery query;
    std::vector<SearchWord> words = split_visitor_input(visitor_input);
    for (size_t i = 0; i < words.size(); ++i) {
        std::string expression = word_expression(words[i], expand);
        // Explicit AND: FTS5 only joins plain phrases implicitly, not a parenthesised OR of completions.
        query.all_words += (i ? " AND " : "") + expression;
        query.any_word += (i ? " OR " : "") + expression;
    }
    query.word_count = static_cast<int>(words.size());
    return query;
}

}  // namespace kiosk::core
