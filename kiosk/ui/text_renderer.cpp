#include "ui/text_renderer.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

TextRenderer::TextRenderer(const text::FontCollection& fonts, int cache_width, int cache_height)
    : fonts_(fonts), shaper_(fonts), cache_(fonts, cache_width, cache_height) {}

void TextRenderer::begin_frame(const char* lang) {
    cache_.begin_frame();
    if (lang) lang_ = lang;
}

float TextRenderer::baseline(const Font& font) const {
    // ImGui's FreeType builder rounded the ascender up to whole pixels; so does this.
    return std::ceil(fonts_.face(0, font.weight).ascender * font.size);
}

float TextRenderer::width(const Font& font, std::string_view text, const char* lang) {
    if (text.empty()) return 0;
    return shaper_.shape(text, font.weight, hint(lang)).width * font.size;
}

void TextRenderer::draw(ImDrawList* draw, const Font& font, ImVec2 pos, ImU32 color, std::string_view text, const char* lang) {
    const float line_height = std::round(font.size);
    while (true) {
        size_t newline = text.find('\n');
        draw_line(draw, font, pos, color, text.substr(0, newline), lang);
        if (newline == std::string_view::npos) break;
        text.remove_prefix(newline + 1);
        pos.y += line_height;
    }
}

void TextRenderer::draw_line(ImDrawList* draw, const Font& font, ImVec2 pos, ImU32 color, std::string_view text,
                             const char* lang) {
    if (text.empty() || (color & IM_COL32_A_MASK) == 0) return;
    const ImVec4 clip = draw->_ClipRectStack.back();
    if (pos.y > clip.w || pos.y + font.size * 1.5f < clip.y || pos.x > clip.z) return;  // not visible
    const text::ShapedText& shaped = shaper_.shape(text, font.weight, hint(lang));
    const uint16_t size_key = text::GlyphCache::size_key(font.size);
    const float baseline_y = std::round(pos.y) + baseline(font);
    const float inv_w = 1.0f / static_cast<float>(cache_.width()), inv_h = 1.0f / static_cast<float>(cache_.height());
    // Vertices are reserved in chunks: with 16-bit indices one reservation must stay well under
    // 65,536 vertices, whatever the text (10,000 combining marks on one letter are 10,001 quads).
    constexpr size_t kChunk = 4096;
    draw->PushTextureID(texture_);
    float pen = std::round(pos.x);
    for (size_t first = 0; first < shaped.glyphs.size() && pen <= clip.z; first += kChunk) {
        const size_t last = std::min(shaped.glyphs.size(), first + kChunk);
        const int reserved = static_cast<int>(last - first);
        draw->PrimReserve(reserved * 6, reserved * 4);
        int drawn = 0;
        for (size_t i = first; i < last; ++i) {
            const text::ShapedGlyph& glyph = shaped.glyphs[i];
            const float gx = pen + glyph.x_offset * font.size;
            pen += glyph.x_advance * font.size;
            if (gx > clip.z) break;
            const text::CachedGlyph* cached = cache_.get({glyph.face_id, glyph.glyph, size_key});
            if (!cached || cached->w == 0) continue;
            const float x0 = std::round(gx) + cached->left;
            const float y0 = baseline_y - std::round(glyph.y_offset * font.size) - cached->top;
            draw->PrimRectUV(ImVec2(x0, y0), ImVec2(x0 + cached->w, y0 + cached->h),
                             ImVec2(cached->x * inv_w, cached->y * inv_h),
                             ImVec2((cached->x + cached->w) * inv_w, (cached->y + cached->h) * inv_h), color);
            ++drawn;
        }
        draw->PrimUnreserve((reserved - drawn) * 6, (reserved - drawn) * 4);
    }
    draw->PopTextureID();
}

std::vector<LineSpan> TextRenderer::break_lines(const Font& font, std::string_view text, float max_width, const char* lang) {
    if (text.empty()) return {};
    // The paragraph is shaped once; a segment's width is the sum of its clusters' advances,
    // read from prefix sums over byte offsets. Each line is then checked shaped on its own.
    const text::ShapedText shaped = shaper_.shape_uncached(text, font.weight, hint(lang));
    prefix_.assign(text.size() + 1, 0.0f);
    for (const text::ShapedGlyph& glyph : shaped.glyphs) prefix_[glyph.cluster + 1] += glyph.x_advance * font.size;
    for (size_t i = 1; i <= text.size(); ++i) prefix_[i] += prefix_[i - 1];
    const char* base = text.data();
    const std::vector<float>& prefix = prefix_;
    MeasureFn measure = [base, &prefix](std::string_view s) {
        const size_t begin = static_cast<size_t>(s.data() - base);
        return prefix[begin + s.size()] - prefix[begin];
    };
    MeasureFn line_width = [this, &font, lang](std::string_view s) { return width(font, s, lang); };
    return kiosk::core::break_lines(text, max_width, measure, hint(lang), &line_width);
}

float text_width(const Font* font, std::string_view text) { return font->renderer->width(*font, text); }

void draw_text(ImDrawList* draw, const Font* font, ImVec2 pos, ImU32 color, std::string_view text) {
    font->renderer->draw(draw, *font, pos, color, text);
}

}  // namespace kiosk::ui
