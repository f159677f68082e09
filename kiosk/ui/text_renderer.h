// All kiosk text goes through here: shaped by text::TextShaper, drawn as textured quads from
// the on-demand text::GlyphCache into ImGui draw lists (PushTextureID with the cache's texture,
// PrimRectUV per glyph, the colour in the vertices). The platform owns the texture: it uploads
// the cache's dirty rectangle before each render and hands the texture over as an ImTextureID.
#pragma once

#include "core/text/glyph_cache.h"
#include "core/text/text_shaper.h"
#include "core/text_layout.h"
#include "ui/fonts.h"

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

// One run of text drawn in a frame, for the layout check (tests/screens/layout_rules.h).
struct TextBox {
    ImVec2 min, max;       // the line boxes: from the pen's start to its end, the first line's top to the last's bottom
    ImVec4 clip;           // the draw list's clip rectangle it was drawn in (x0, y0, x1, y1)
    float px = 0;          // the font's size (line box)
    bool chinese = false;  // holds Han characters or CJK punctuation
    bool elided = false;   // cut to fit by the caller and ended with an ellipsis
    bool valid_utf8 = true;  // false: drawn from inside a character, or bytes that are not text
    std::string text;        // its first bytes (at most kTextBoxBytes, whole characters; U+FFFD for bad bytes)
};
constexpr size_t kTextBoxBytes = 40;

// An area that scrolls (widgets.h scroll_region): text it clips at its scrolling edges is cut on purpose.
struct ScrollRegion {
    ImVec2 min, max;
    bool horizontal = false;
};

// What a frame drew, recorded only when asked (headless runs that dump their state): every run
// of text and every scroll region. The vectors keep their storage from frame to frame.
class LayoutProbe {
public:
    bool enabled() const { return enabled_; }
    void set_enabled(bool on) { enabled_ = on; }
    // While true (a modal overlay will cover what is drawn), nothing is recorded.
    void set_covered(bool covered) { covered_ = covered; }
    bool recording() const { return enabled_ && !covered_; }
    void clear();
    void add_text(ImVec2 min, ImVec2 max, const ImVec4& clip, float px, std::string_view text, bool elided);
    void add_scroll_region(ImVec2 min, ImVec2 max, bool horizontal);
    size_t text_count() const { return text_count_; }
    const TextBox& text(size_t i) const { return texts_[i]; }
    const std::vector<ScrollRegion>& scroll_regions() const { return scroll_regions_; }

private:
    bool enabled_ = false, covered_ = false;
    std::vector<TextBox> texts_;  // the first text_count_ are this frame's
    size_t text_count_ = 0;
    std::vector<ScrollRegion> scroll_regions_;
};

class TextRenderer {
public:
    explicit TextRenderer(const text::FontCollection& fonts, int cache_width = text::GlyphCache::kDefaultWidth,
                          int cache_height = text::GlyphCache::kDefaultHeight);

    // Once per frame, before drawing: protects this frame's glyphs from eviction, sets the
    // language hint for text drawn without one ("ru", "zh", "en") and starts the probe's record.
    void begin_frame(const char* lang);
    void set_texture(ImTextureID texture) { texture_ = texture; }
    ImTextureID texture() const { return texture_; }

    // Width of one line of text (no line breaks).
    float width(const Font& font, std::string_view text, const char* lang = nullptr);
    // Draws `text` with the top of its line box at `pos`; '\n' starts a new line.
    void draw(ImDrawList* draw, const Font& font, ImVec2 pos, ImU32 color, std::string_view text, const char* lang = nullptr);
    // Draws one line `text`, already cut to fit, followed by an ellipsis ("…").
    void draw_elided(ImDrawList* draw, const Font& font, ImVec2 pos, ImU32 color, std::string_view text,
                     const char* lang = nullptr);
    // Lines of `text` no wider than `max_width` (UAX #14 opportunities, shaped widths; see break_lines()).
    std::vector<LineSpan> break_lines(const Font& font, std::string_view text, float max_width, const char* lang);
    // Distance from the top of the line box to the baseline.
    float baseline(const Font& font) const;

    text::GlyphCache& cache() { return cache_; }
    const text::GlyphCache& cache() const { return cache_; }
    text::TextShaper& shaper() { return shaper_; }
    const text::TextShaper& shaper() const { return shaper_; }
    LayoutProbe& probe() { return probe_; }
    const LayoutProbe& probe() const { return probe_; }

private:
    const char* hint(const char* lang) const { return lang ? lang : lang_; }
    void draw_line(ImDrawList* draw, const Font& font, ImVec2 pos, ImU32 color, std::string_view text, const char* lang);
    void record(ImDrawList* draw, const Font& font, ImVec2 pos, std::string_view text, const char* lang, bool elided);

    const text::FontCollection& fonts_;
    text::TextShaper shaper_;
    text::GlyphCache cache_;
    ImTextureID texture_ = nullptr;
    const char* lang_ = "en";
    std::vector<float> prefix_;  // scratch for break_lines
    LayoutProbe probe_;
};

// Shorthands for the screens.
float text_width(const Font* font, std::string_view text);
inline float text_width(const Font* font, const char* begin, const char* end) {
    return text_width(font, std::string_view(begin, static_cast<size_t>(end - begin)));
}
void draw_text(ImDrawList* draw, const Font* font, ImVec2 pos, ImU32 color, std::string_view text);
inline void draw_text(ImDrawList* draw, const Font* font, ImVec2 pos, ImU32 color, const char* begin, const char* end) {
    draw_text(draw, font, pos, color, std::string_view(begin, static_cast<size_t>(end - begin)));
}
inline void draw_text(ImDrawList* draw, const Font* font, ImVec2 pos, ImU32 color, const char* text) {
    draw_text(draw, font, pos, color, std::string_view(text));
}
inline void draw_text(ImDrawList* draw, const Font* font, ImVec2 pos, ImU32 color, const std::string& text) {
    draw_text(draw, font, pos, color, std::string_view(text));
}
// One line already cut to fit, followed by an ellipsis.
void draw_text_elided(ImDrawList* draw, const Font* font, ImVec2 pos, ImU32 color, std::string_view text);

}  // namespace kiosk::ui
