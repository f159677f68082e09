#include "ui/text_renderer.h"

#include "core/utf8.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

TextRenderer::TextRenderer(const text::FontCollection& fonts, int cache_width, int cache_height)
    : fonts_(fonts), shaper_(fonts), cache_(fonts, cache_width, cache_height) {}

namespace {

constexpr const char* kEllipsis = "\xE2\x80\xA6";

bool has_chinese(std::string_view text) {
    for (size_t pos = 0; pos < text.size();)
        if (utf8::is_cjk(utf8::decode(text, pos))) return true;
    return false;
}

}  // namespace

void LayoutProbe::clear() {
    text_count_ = 0;
    scroll_regions_.clear();
    covered_ = false;
}

void LayoutProbe::add_text(ImVec2 min, ImVec2 max, const ImVec4& clip, float px, std::string_view text, bool elided) {
    if (text_count_ == texts_.size()) texts_.emplace_back();
    TextBox& box = texts_[text_count_++];
    box.min = min;
    box.max = max;
    box.clip = clip;
    box.px = px;
    box.chinese = has_chinese(text);
    box.elided = elided;
    box.valid_utf8 = utf8::is_valid(text);
    // Whole characters, bytes that are not UTF-8 as U+FFFD; the storage is reused from frame to frame.
    box.text.clear();
    for (size_t pos = 0; pos < text.size();) {
        const char32_t cp = utf8::decode(text, pos);
        if (box.text.size() + (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4) > kTextBoxBytes) break;
        utf8::append(box.text, cp);
    }
    if (elided && box.text.size() + 3 <= kTextBoxBytes) box.text += kEllipsis;
}

void LayoutProbe::add_scroll_region(ImVec2 min, ImVec2 max, bool horizontal) {
    if (recording()) scroll_regions_.push_back({min, max, horizontal});
}

void TextRenderer::begin_frame(const char* lang) {
    cache_.begin_frame();
    if (lang) lang_ = lang;
    probe_.clear();
}

float TextRenderer::baseline(const Font& font) const {
    // ImGui's FreeType builder rounded the ascender up to whole pixels; so does this.
    return std::ceil(fonts_.face(0, font.weight).ascender * font.size);
}

float TextRenderer::width(const Font& font, std::string_view text, const char* lang) {
    if (text.empty()) return 0;
    return shaper_.shape(text, font.weight, hint(lang)).width * font.size;
}

void TextRenderer::record(ImDrawList* draw, const Font& font, ImVec2 pos, std::string_view text, const char* lang,
                          bool elided) {
    // The box of what draw() draws: each line's shaped width, lines round(size) apart; an elided
    // line (one line) and its ellipsis are one box.
    const float line_height = std::round(font.size);
    float widest = elided ? width(font, kEllipsis, lang) : 0.0f, lines = 0;
    for (std::string_view rest = text;; lines += 1) {
        const size_t newline = rest.find('\n');
        const float line = width(font, rest.substr(0, newline), lang);
        widest = elided ? widest + line : std::max(widest, line);
        if (newline == std::string_view::npos) break;
        rest.remove_prefix(newline + 1);
    }
    const ImVec2 min(std::round(pos.x), std::round(pos.y));
    const ImVec2 max(min.x + widest, min.y + lines * line_height + font.size);
    const ImVec4 clip = draw->_ClipRectStack.back();
    if (max.x <= clip.x || min.x >= clip.z || max.y <= clip.y || min.y >= clip.w) return;  // not visible
    probe_.add_text(min, max, clip, font.size, text, elided);
}

void TextRenderer::draw(ImDrawList* draw, const Font& font, ImVec2 pos, ImU32 color, std::string_view text, const char* lang) {
    if (probe_.recording() && !text.empty() && (color & IM_COL32_A_MASK) != 0)
        record(draw, font, pos, text, lang, false);
    const float line_height = std::round(font.size);
    while (true) {
        size_t newline = text.find('\n');
        draw_line(draw, font, pos, color, text.substr(0, newline), lang);
        if (newline == std::string_view::npos) break;
        text.remove_prefix(newline + 1);
        pos.y += line_height;
    }
}

void TextRenderer::draw_elided(ImDrawList* draw, const Font& font, ImVec2 pos, ImU32 color, std::string_view text,
                               const char* lang) {
    draw_line(draw, font, pos, color, text, lang);
    const float used = width(font, text, lang);
    draw_line(draw, font, ImVec2(pos.x + used, pos.y), color, kEllipsis, lang);
    if (probe_.recording() && (color & IM_COL32_A_MASK) != 0) record(draw, font, pos, text, lang, true);
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

void draw_text_elided(ImDrawList* draw, const Font* font, ImVec2 pos, ImU32 color, std::string_view text) {
    font->renderer->draw_elided(draw, *font, pos, color, text);
}

}  // namespace kiosk::ui
