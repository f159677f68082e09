#include "ui/lesson_widgets.h"

#include "ui/illustrations.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr int kMaxAnswerLines = 3;
// A slide's picture panel: its share of the width beside the text (less on a small screen, where
// the text needs the room), and of the height above it when stacked, at most this wide a band.
constexpr float kPanelShare = 0.38f;
constexpr float kSmallPanelShare = 0.3f;
constexpr float kStackedPanelShare = 0.45f;
constexpr float kStackedPanelAspect = 0.75f;
constexpr float kPictureInsetShare = 0.16f;
constexpr float kStackedTextPlace = 0.3f;  // where the free height goes: this much above the text
constexpr float kStackedTextWidth = 1.2f;  // a stacked slide's text column may be wider than a side one
// Beside the picture, the text column is at least this many of its line boxes wide.
constexpr float kMinTextColumnEm = 15.0f;

// Space for the letter badge at the left of an answer row and the mark at its right.
float badge_space(const UiContext& ctx) { return ctx.metrics().answer_badge_space; }
float mark_space(const UiContext& ctx) { return ctx.metrics().answer_mark_space; }

}  // namespace

SlideFonts visitor_slide_fonts(const UiContext& ctx) {
    // Slide text reads like a document: the reader's body size, at the visitor's text size.
    return {ctx.font(FontRole::Title), ctx.reader_font(ctx.state.language)};
}

SlideText draw_slide(UiContext& ctx, const Slide& slide, const char* caption, SlideFonts fonts, ImVec2 min, ImVec2 max,
                     float reserve, SlideScroll& scroll) {
    const Palette& c = ctx.theme.colors;
    const Metrics& m = ctx.metrics();
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    if (scroll.slide != &slide) scroll = SlideScroll{KineticScroll{}, &slide};
    const float area_w = max.x - min.x, area_h = max.y - min.y;
    // Side by side where the text keeps a comfortable column beside the picture; stacked otherwise.
    const float side_panel =
        std::min(area_w * (ctx.layout().small() ? kSmallPanelShare : kPanelShare), area_h + m.space_section);
    const bool side = !ctx.layout().portrait() && area_w - side_panel - m.column_gap >= fonts.text->size * kMinTextColumnEm;
    ImVec2 panel_max, text_min;
    if (side) {
        panel_max = ImVec2(min.x + side_panel, max.y);
        text_min = ImVec2(panel_max.x + m.column_gap, min.y);
    } else {
        panel_max = ImVec2(max.x, min.y + std::min(area_h * kStackedPanelShare, area_w * kStackedPanelAspect));
        text_min = ImVec2(min.x, panel_max.y + m.space_block);
    }
    ctx.draw->AddRectFilled(min, panel_max, c.accent_soft, ctx.theme.corner() * 1.5f);
    const float panel_w = panel_max.x - min.x, panel_h = panel_max.y - min.y;
    const float inset = std::min(m.slide_picture_inset, std::min(panel_w, panel_h) * kPictureInsetShare);
    const float picture = std::max(0.0f, std::min(panel_w, panel_h) - inset);
    ctx.state.lesson.pictures.push_back({"slide", min.x + (panel_w - picture) * 0.5f,
                                         min.y + (panel_h - picture) * 0.5f, picture, min.x, min.y, panel_w, panel_h});
    draw_illustration(ctx.draw, ctx.theme, slide.illustration,
                      ImVec2(min.x + (panel_w - picture) * 0.5f, min.y + (panel_h - picture) * 0.5f), picture);

    const float width = std::min(max.x - text_min.x, m.lesson_text_max_width * (side ? 1.0f : kStackedTextWidth));
    const float x = side ? text_min.x : min.x + (area_w - width) * 0.5f;
    const Font* small = ctx.font(FontRole::Small);
    const std::string& title = slide.title.get(lang);
    const std::string& text = slide.text.get(lang);
    const WrappedText& title_lines = ctx.text_cache.wrap(title, fonts.title, width, lc);
    const WrappedText& text_lines = ctx.text_cache.wrap(text, fonts.text, width, lc);
    const float caption_h = small->size * 1.8f, gap = m.space_block;
    const float block = caption_h + title_lines.height() + gap + text_lines.height() + reserve;
    const ImVec2 clip_min(x, text_min.y), clip_max(x + width + m.scrollbar_width * 2, max.y);
    const float view_h = clip_max.y - clip_min.y;
    scroll.scroll.set_extent(block, view_h);
    float y = clip_min.y;
    if (block > view_h) {
        scroll_region(ctx, scroll.scroll, clip_min, clip_max);
        y -= scroll.scroll.offset();
    } else {
        // Centred beside the picture; under it, nearer the picture than the buttons.
        y += side ? std::max(m.space_list, (view_h - block) * 0.45f) : (view_h - block) * kStackedTextPlace;
    }
    ctx.draw->PushClipRect(clip_min, clip_max, true);
    draw_text(ctx.draw, small, ImVec2(x, y), c.accent, caption);
    y += caption_h;
    y += draw_wrapped(ctx.draw, ctx.text_cache, title, fonts.title, ImVec2(x, y), width, c.text, lc);
    y += gap;
    y += draw_wrapped(ctx.draw, ctx.text_cache, text, fonts.text, ImVec2(x, y), width, c.text, lc);
    ctx.draw->PopClipRect();
    if (block > view_h) scroll_indicator(ctx, scroll.scroll, clip_min, clip_max, block);
    return {ImVec2(x, y + m.space_section * 0.5f), width, clip_min, clip_max};
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
    // As many lines as the box holds (a low row on a narrow panel), at most kMaxAnswerLines.
    const size_t fit = static_cast<size_t>(
        std::max(1.0f, std::floor((max.y - min.y - font->size) / std::max(1.0f, wrapped.line_height)) + 1.0f));
    const size_t max_lines = std::min<size_t>(kMaxAnswerLines, fit);
    const size_t lines = std::max<size_t>(1, std::min(wrapped.lines.size(), max_lines));
    // Centre the glyphs, not the line boxes: the last line's leading hangs below its text.
    const float block = wrapped.line_height * static_cast<float>(lines - 1) + font->size;
    draw_wrapped(ctx.draw, ctx.text_cache, text, font, ImVec2(text_x, cy - block * 0.5f - font->size * 0.05f), width,
                 ink, lang_code(ctx.state.language), static_cast<int>(max_lines));
    if (look == AnswerLook::Correct || look == AnswerLook::Wrong)
        draw_mark(ctx.draw, ImVec2(max.x - mark_space(ctx) * 0.5f, cy), ctx.metrics().answer_mark_radius,
                  look == AnswerLook::Correct, border, ctx.metrics().line_mark);
}

}  // namespace kiosk::ui
