#include "core/search_query.h"

#include "core/search_tokenizer.h"

#include <vector>

namespace kiosk {

namespace {

// Quotes one word (which holds only letters, digits and marks, so no '"' to escape) and cuts it
// to kMaxSearchWordChars; a cut word, like the word being typed, becomes a prefix.
std::string quote_word(std::string_view word, bool prefix) {
    size_t pos = 0;
    for (int chars = 0; pos < word.size() && chars < kMaxSearchWordChars; ++chars) decode_search_char(word, pos);
    if (pos < word.size()) prefix = true;
    std::string out = "\"";
    out.append(word.substr(0, pos));
    out += prefix ? "\"*" : "\"";
    return out;
}

}  // namespace

SearchQuery make_search_query(std::string_view visitor_input) {
    std::vector<std::pair<size_t, size_t>> words;
    split_search_words(visitor_input, [&](size_t start, size_t end, bool) {
        words.emplace_back(start, end);
        return static_cast<int>(words.size()) >= kMaxSearchWords ? 1 : 0;
    });
    SearchQuery query;
    for (size_t i = 0; i < words.size(); ++i) {
        auto [start, end] = words[i];
        bool being_typed = end == visitor_input.size();
        std::string quoted = quote_word(visitor_input.substr(start, end - start), being_typed);
        query.all_words += (i ? " " : "") + quoted;
        query.any_word += (i ? " OR " : "") + quoted;
    }
    query.word_count = static_cast<int>(words.size());
    return query;
}

}  // namespace kiosk
