#include "ui/lesson_widgets.h"

#include "ui/illustrations.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cstdio>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr int kMaxAnswerLines = 3;

// Space for the letter badge at the left of an answer row and the mark at its right.
float badge_space(const UiContext& ctx) { return ctx.metrics().answer_badge_space; }
float mark_space(const UiContext& ctx) { return ctx.metrics().answer_mark_space; }

}  // namespace

SlideFonts visitor_slide_fonts(const UiContext& ctx) {
    // Slide text reads like a document: the reader's body size, at the visitor's text size.
    return {ctx.font(FontRole::Title), ctx.reader_font(ctx.state.language)};
}

ImVec2 draw_slide(UiContext& ctx, const Slide& slide, const char* caption, SlideFonts fonts, ImVec2 min, ImVec2 max,
                  float reserve) {
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    const float panel_w = std::min((max.x - min.x) * 0.38f, max.y - min.y + ctx.metrics().space_section);
    ctx.draw->AddRectFilled(min, ImVec2(min.x + panel_w, max.y), c.accent_soft, ctx.theme.corner() * 1.5f);
    const float picture = std::min(panel_w, max.y - min.y) - ctx.metrics().slide_picture_inset;
    draw_illustration(ctx.draw, ctx.theme, slide.illustration,
                      ImVec2(min.x + (panel_w - picture) * 0.5f, min.y + (max.y - min.y - picture) * 0.5f), picture);

    const float x = min.x + panel_w + ctx.metrics().column_gap;
    const float width = max.x - x;
    const Font* small = ctx.font(FontRole::Small);
    const std::string& title = slide.title.get(lang);
    const std::string& text = slide.text.get(lang);
    const WrappedText& title_lines = ctx.text_cache.wrap(title, fonts.title, width, lc);
    const WrappedText& text_lines = ctx.text_cache.wrap(text, fonts.text, width, lc);
    const float caption_h = small->size * 1.8f, gap = ctx.metrics().space_block;
    const float block = caption_h + std::min<size_t>(title_lines.lines.size(), 3) * title_lines.line_height + gap +
                        text_lines.height() + reserve;
    float y = min.y + std::max(ctx.metrics().space_list, (max.y - min.y - block) * 0.45f);
    draw_text(ctx.draw, small, ImVec2(x, y), c.accent, caption);
    y += caption_h;
    y += draw_wrapped(ctx.draw, ctx.text_cache, title, fonts.title, ImVec2(x, y), width, c.text, lc, 3);
    y += gap;
    y += draw_wrapped(ctx.draw, ctx.text_cache, text, fonts.text, ImVec2(x, y), width, c.text, lc);
    return ImVec2(x, y + ctx.metrics().space_section);
}

void draw_progress_dots(UiContext& ctx, ImVec2 center, int count, int current) {
    const float step = ctx.metrics().progress_dot_step;
    float x = center.x - step * static_cast<float>(count - 1) * 0.5f;
    for (int i = 0; i < count; ++i, x += step) {
        if (i == current)
            ctx.draw->AddCircleFilled(ImVec2(x, center.y), ctx.metrics().progress_dot_current, ctx.theme.colors.primary, 24);
        else if (i < current)
            ctx.draw->AddCircleFilled(ImVec2(x, center.y), ctx.metrics().progress_dot, ctx.theme.colors.accent, 24);
        else
            ctx.draw->AddCircle(ImVec2(x, center.y), ctx.metrics().progress_dot, ctx.theme.colors.text_muted, 24,
                                ctx.metrics().line_regular);
    }
}

void format_progress(char* out, size_t size, const std::string& label, int index, int total) {
    std::snprintf(out, size, "%s %d / %d", label.c_str(), index + 1, total);
}

const std::string& option_letter(int index) {
    static const std::string kLetters[kMaxOptions] = {"A", "B", "C", "D", "E"};
    return kLetters[std::clamp(index, 0, kMaxOptions - 1)];
}

float answer_height(UiContext& ctx, const std::string& text, const Font* font, float width) {
    const WrappedText& wrapped =
        ctx.text_cache.wrap(text, font, width - badge_space(ctx) - mark_space(ctx), lang_code(ctx.state.language));
    const size_t lines = std::min<size_t>(wrapped.lines.size(), kMaxAnswerLines);
    return std::max(ctx.metrics().answer_min_height,
                    wrapped.line_height * static_cast<float>(lines) + ctx.metrics().pad_tile * 2);
}

void draw_mark(ImDrawList* draw, ImVec2 center, float size, bool tick, ImU32 color, float thickness) {
    const float h = size * 0.5f;
    if (tick) {
        const ImVec2 pts[3] = {ImVec2(center.x - h, center.y), ImVec2(center.x - h * 0.3f, center.y + h * 0.7f),
                               ImVec2(center.x + h, center.y - h * 0.8f)};
        draw->AddPolyline(pts, 3, color, 0, thickness);
    } else {
        draw->AddLine(ImVec2(center.x - h * 0.8f, center.y - h * 0.8f),
                      ImVec2(center.x + h * 0.8f, center.y + h * 0.8f), color, thickness);
        draw->AddLine(ImVec2(center.x + h * 0.8f, center.y - h * 0.8f),
                      ImVec2(center.x - h * 0.8f, center.y + h * 0.8f), color, thickness);
    }
}

void draw_answer(UiContext& ctx, ImVec2 min, ImVec2 max, int index, const std::string& text, const Font* font,
                 AnswerLook look, bool pressed) {
    const Palette& c = ctx.theme.colors;
    ImU32 fill = pressed ? c.surface_alt : c.surface, border = c.border, badge = c.primary, ink = c.text;
    float border_width = ctx.metrics().line_thin;
    switch (look) {
        case AnswerLook::Open: break;
        case AnswerLook::Correct:
            fill = c.success_soft, border = c.success, badge = c.success, border_width = ctx.metrics().line_bold;
            break;
        case AnswerLook::Wrong:
            fill = c.danger_soft, border = c.danger, badge = c.danger, border_width = ctx.metrics().line_bold;
            break;
        case AnswerLook::Dimmed: badge = c.text_muted, ink = c.text_muted; break;
    }
    const float rounding = ctx.theme.corner();
    if (look == AnswerLook::Open) draw_card_shadow(ctx.draw, min, max, rounding, ctx.theme);
    ctx.draw->AddRectFilled(min, max, fill, rounding);
    ctx.draw->AddRect(min, max, border, rounding, 0, border_width);

    const float cy = (min.y + max.y) * 0.5f;
    const ImVec2 badge_center(min.x + badge_space(ctx) * 0.5f + ctx.metrics().space_nudge, cy);
    ctx.draw->AddCircleFilled(badge_center, ctx.metrics().answer_badge_radius, badge);
    draw_text_centered(ctx.draw, ctx.font(FontRole::Medium),
                       ImVec2(badge_center.x - ctx.metrics().answer_badge_radius, cy - ctx.metrics().answer_badge_radius),
                       ImVec2(badge_center.x + ctx.metrics().answer_badge_radius, cy + ctx.metrics().answer_badge_radius),
                       c.text_on_primary, option_letter(index));

    const float text_x = min.x + badge_space(ctx) + ctx.metrics().space_tight;
    const float width = max.x - min.x - badge_space(ctx) - mark_space(ctx);
    const WrappedText& wrapped = ctx.text_cache.wrap(text, font, width, lang_code(ctx.state.language));
    const size_t lines = std::min<size_t>(wrapped.lines.size(), kMaxAnswerLines);
    // Centre the glyphs, not the line boxes: the last line's leading hangs below its text.
    const float block = wrapped.line_height * static_cast<float>(lines - 1) + font->size;
    draw_wrapped(ctx.draw, ctx.text_cache, text, font, ImVec2(text_x, cy - block * 0.5f - font->size * 0.05f), width,
                 ink, lang_code(ctx.state.language), kMaxAnswerLines);
    if (look == AnswerLook::Correct || look == AnswerLook::Wrong)
        draw_mark(ctx.draw, ImVec2(max.x - mark_space(ctx) * 0.5f, cy), ctx.metrics().answer_mark_radius,
                  look == AnswerLook::Correct, border, ctx.metrics().line_mark);
}

}  // namespace kiosk::ui
