// Shaping: UTF-8 in, positioned glyphs out, in visual (left-to-right drawing) order.
//
// Invalid UTF-8 decodes as U+FFFD, one per bad byte. Paragraph direction and embedding levels
// come from FriBiDi (only when the text holds right-to-left characters); the text is split into
// runs of one level, one script (HarfBuzz's Unicode data; common and inherited characters join
// their neighbours) and one face (the first face of the fallback chain that has the character,
// kept for marks and punctuation while the current face has them); each run is shaped by
// HarfBuzz with the language hint, and runs are reordered by level (UAX #9 rule L2).
// Code points no face supplies are drawn as the primary face's .notdef box and reported.
#pragma once

#include "core/text/font_collection.h"

#include <cstdint>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kiosk::core::text {

// Positions are in pixels for a style of size 1 px: multiply by the style size.
struct ShapedGlyph {
    uint16_t face_id;  // FontCollection::face_id
    uint32_t glyph;
    float x_advance;
    float x_offset;
    float y_offset;    // up is positive, as in HarfBuzz
    uint32_t cluster;  // byte offset in the text of the first character of its cluster
};

struct ShapedText {
    std::vector<ShapedGlyph> glyphs;  // visual order
    float width = 0;                  // sum of the advances, per px of style size
    bool rtl = false;                 // the paragraph direction is right to left
};

class TextShaper {
public:
    explicit TextShaper(const FontCollection& fonts) : fonts_(fonts) {}

    // Shapes `text`; the result is cached (least recently used entries go past the budget),
    // so a steady frame never reshapes. The reference stays valid until the next call.
    const ShapedText& shape(std::string_view text, Weight weight, std::string_view lang);
    // The same without touching the cache (whole paragraphs measured for line breaking).
    ShapedText shape_uncached(std::string_view text, Weight weight, std::string_view lang);

    // Distinct code points that no face could supply, in every text shaped so far (at most
    // kMaxMissing are remembered; missing_count() keeps counting past that).
    const std::unordered_set<char32_t>& missing() const { return missing_; }
    size_t missing_count() const { return missing_count_; }
    size_t cache_entries() const { return lru_.size(); }
    size_t cache_bytes() const { return cache_bytes_; }
    const FontCollection& fonts() const { return fonts_; }

    static constexpr size_t kCacheBudgetBytes = 2u << 20;
    static constexpr size_t kMaxMissing = 4096;

private:
    struct Entry {
        std::string key;
        ShapedText shaped;
    };
    void note_missing(char32_t cp);
    static size_t entry_bytes(const Entry& entry);

    const FontCollection& fonts_;
    std::list<Entry> lru_;  // most recent first
    std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;
    size_t cache_bytes_ = 0;
    std::unordered_set<char32_t> missing_;
    size_t missing_count_ = 0;
};

}  // namespace kiosk::core::text
