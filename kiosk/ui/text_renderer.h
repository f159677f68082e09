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

class TextRenderer {
public:
    explicit TextRenderer(const text::FontCollection& fonts, int cache_width = text::GlyphCache::kDefaultWidth,
                          int cache_height = text::GlyphCache::kDefaultHeight);

    // Once per frame, before drawing: protects this frame's glyphs from eviction and sets the
    // language hint for text drawn without one ("ru", "zh", "en").
    void begin_frame(const char* lang);
    void set_texture(ImTextureID texture) { texture_ = texture; }
    ImTextureID texture() const { return texture_; }

    // Width of one line of text (no line breaks).
    float width(const Font& font, std::string_view text, const char* lang = nullptr);
    // Draws `text` with the top of its line box at `pos`; '\n' starts a new line.
    void draw(ImDrawList* draw, const Font& font, ImVec2 pos, ImU32 color, std::string_view text, const char* lang = nullptr);
    // Lines of `text` no wider than `max_width` (UAX #14 opportunities, shaped widths; see break_lines()).
    std::vector<LineSpan> break_lines(const Font& font, std::string_view text, float max_width, const char* lang);
    // Distance from the top of the line box to the baseline.
    float baseline(const Font& font) const;

    text::GlyphCache& cache() { return cache_; }
    const text::GlyphCache& cache() const { return cache_; }
    text::TextShaper& shaper() { return shaper_; }
    const text::TextShaper& shaper() const { return shaper_; }

private:
    const char* hint(const char* lang) const { return lang ? lang : lang_; }
    void draw_line(ImDrawList* draw, const Font& font, ImVec2 pos, ImU32 color, std::string_view text, const char* lang);

    const text::FontCollection& fonts_;
    text::TextShaper shaper_;
    text::GlyphCache cache_;
    ImTextureID texture_ = nullptr;
    const char* lang_ = "en";
    std::vector<float> prefix_;  // scratch for break_lines
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

}  // namespace kiosk::ui
