// The Chinese words the bundled content contains, for ranking input-method candidates: a
// candidate that occurs in the content's Chinese text finds something when searched, so the
// pinyin keyboard offers it before candidates that would find nothing (docs/search.md).
//
// Holds the Chinese text of the search index (titles, headings, summaries and blocks in
// Chinese) as code points, with every character and every pair of adjacent characters
// indexed, so contains() is exact: the word stands in one passage, characters together.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk::core {

class ContentVocabulary {
public:
    // The most code points kept: a library far larger than the bundled one (about 10,000) still
    // ranks by its first four million characters, in some 32 MB.
    static constexpr size_t kMaxChars = 4'000'000;

    // Reads the Chinese passages of the search index in the content database at `path`.
    // Returns false and fills `error` if the file has no readable search index.
    bool load(const std::string& path, std::string* error);

    // Adds one passage. Only CJK characters are kept; anything else separates words.
    void add_text(std::string_view utf8);

    // How often `word` (UTF-8, CJK characters) occurs within passages, its characters adjacent
    // (counted up to kMaxCount).
    size_t occurrences(std::string_view word) const;
    bool contains(std::string_view word) const { return occurrences(word) > 0; }
    static constexpr size_t kMaxCount = 100000;

    size_t chars() const { return text_.size(); }  // code points held, one separator after each run
    bool empty() const { return text_.empty(); }
    // Bytes held, roughly (for the benchmark's memory report).
    size_t memory_bytes() const;

private:
    static uint64_t pair_key(char32_t a, char32_t b) { return (uint64_t{a} << 32) | b; }

    std::u32string text_;                                        // CJK runs, each followed by U+0000
    std::unordered_map<char32_t, uint32_t> chars_;               // character -> occurrences
    std::unordered_map<uint64_t, std::vector<uint32_t>> pairs_;  // adjacent pair -> positions in text_
};

// The order to show input-method candidates in (indices into `candidates`, which is the engine's
// order, best first): within each run of candidates of the same length, those found in
// `vocabulary` come first, the most frequent in the content first; the engine's order is kept
// otherwise (ties, and the words the content lacks). Runs stay where they are: a two-character
// word the content holds never moves above the four-character phrase that covers all the
// pinyin typed.
std::vector<size_t> rank_by_vocabulary(const std::vector<std::string>& candidates, const ContentVocabulary& vocabulary);

}  // namespace kiosk::core
