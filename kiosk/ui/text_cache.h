// Wrapped text for the screens, laid out once per (text, font, width) and reused every
// frame, so drawing a steady screen does no line breaking and no allocation.
#pragma once

#include "core/text_layout.h"
#include "ui/fonts.h"

#include <imgui.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

struct WrappedText {
    std::vector<LineSpan> lines;
    float line_height = 0;
    size_t cut_line = SIZE_MAX;  // the line drawn with an ellipsis, and where its text ends
    size_t cut_end = 0;
    float height() const { return line_height * static_cast<float>(lines.size()); }
};

// Lines of `text` in `font` wrapped to `width` (what TextCache and WrapSlot keep).
WrappedText wrap_text(const std::string& text, const Font* font, float width, const char* lang);

// The wrapped lines of one text that its holder owns and may replace (a search snippet, an
// update message), which TextCache cannot key by address. Wrapped again only when the font or
// the width changes; reset the slot (= {}) when the text changes.
struct WrapSlot {
    WrappedText wrapped;
    float width = -1;
    const Font* font = nullptr;
    WrappedText& wrap(const std::string& text, const Font* for_font, float for_width, const char* lang);
};

class TextCache {
public:
    // Lines of `text` in `font` wrapped to `width`. Entries are found by the text's address
    // (content, translations and DisplayStrings keep theirs) and checked against a copy of
    // the text, so a string built for one frame that reuses an address never gets another
    // text's lines. `lang` hints the line breaker ("ru", "zh", "en").
    WrappedText& wrap(const std::string& text, const Font* font, float width, const char* lang);
    void clear() { entries_.clear(); }

    size_t size() const { return entries_.size(); }

private:
    static constexpr size_t kMaxEntries = 4096;
    struct Key {
        const void* text;
        size_t size;
        const void* font;
        float width;
        bool operator==(const Key& other) const {
            return text == other.text && size == other.size && font == other.font && width == other.width;
        }
    };
    struct KeyHash {
        size_t operator()(const Key& k) const {
            return std::hash<const void*>()(k.text) ^ (std::hash<const void*>()(k.font) << 1) ^
                   std::hash<float>()(k.width) ^ k.size;
        }
    };
    struct Entry {
        std::string text;  // what was wrapped, to catch a different text at the same address
        WrappedText wrapped;
    };
    std::unordered_map<Key, Entry, KeyHash> entries_;
};

// Draws `text`, wrapped as `wrapped`, at `pos` with at most `max_lines` lines (0: all), each
// line centred in `width` when `centered`; the last visible line ends with an ellipsis when
// text is cut. Returns the height used.
float draw_wrapped(ImDrawList* draw, WrappedText& wrapped, const std::string& text, const Font* font, ImVec2 pos,
                   float width, ImU32 color, int max_lines = 0, bool centered = false);
// The same, wrapped through the cache.
float draw_wrapped(ImDrawList* draw, TextCache& cache, const std::string& text, const Font* font, ImVec2 pos,
                   float width, ImU32 color, const char* lang, int max_lines = 0, bool centered = false);

}  // namespace kiosk::ui
