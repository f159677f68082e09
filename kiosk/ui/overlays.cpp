// Modal overlays: the accessibility panel and the "are you still there?" countdown.
#include "ui/read_aloud.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

bool contains(ImVec2 min, ImVec2 max, float x, float y) { return x >= min.x && x < max.x && y >= min.y && y < max.y; }

}  // namespace

void draw_accessibility_panel(UiContext& ctx) {
    const Palette& c = ctx.theme.colors;
    const Metrics& m = ctx.metrics();
    // Below the top bar, which stays usable: its text size button closes the panel again.
    const float top = ctx.theme.top_bar_height();
    ctx.draw->AddRectFilled(ImVec2(0, top), ctx.screen, c.overlay_dim);
    const float pad = m.pad_panel, h = ctx.theme.button_height(), gap = std::max(8.0f, m.space_card);
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* regular = ctx.font(FontRole::Regular);
    const char* lang = lang_code(ctx.state.language);
    // The speed of reading aloud, unless the organizer turned reading aloud off.
    const bool speech_row = read_aloud_support(ctx, ctx.state.language) != SpeechSupport::Disabled;
    const int sections = speech_row ? 3 : 2;

    // One column where it fits under the bar; two side by side where it does not (a small
    // landscape panel), each section a label over its buttons.
    const float edge = ctx.theme.margin() * 0.6f;
    const float room_w = ctx.screen.x - edge * 2, room_h = ctx.screen.y - top - m.space_item * 2;
    const float label_h = regular->size * 1.4f, section_h = label_h + h;
    const float header_h = std::max(h, medium->size * 1.3f);
    int columns = 1;
    float column_w = std::min(m.accessibility_panel_width, room_w - pad * 2);
    auto height_for = [&](int cols) {
        const int rows = (sections + cols - 1) / cols;  // sections down each column
        return pad * 2 + header_h + (gap + section_h) * static_cast<float>(rows);
    };
    if (height_for(1) > room_h && room_w > room_h) {
        columns = 2;
        column_w = std::min(m.accessibility_panel_width, (room_w - pad * 2 - m.column_gap) * 0.5f);
    }
    const float width = pad * 2 + column_w * static_cast<float>(columns) + m.column_gap * static_cast<float>(columns - 1);
    ImVec2 min(ctx.screen.x - edge - width, top + m.space_item);
    ImVec2 max(min.x + width, min.y + height_for(columns));
    draw_card(ctx, min, max);

    // The title, and Close at the right of the same row.
    const std::string& close = ctx.t("action.close");
    const float close_w = button_width(ctx, close);
    const float inner = width - pad * 2;
    float y = min.y + pad;
    if (touch_button(ctx, "a11y.close", close, ImVec2(max.x - pad - close_w, y), ImVec2(max.x - pad, y + h),
                     ButtonStyle::Secondary))
        ctx.state.accessibility_open = false;
    draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("a11y.title"), medium,
                 ImVec2(min.x + pad, y + (h - medium->size) * 0.5f), inner - close_w - m.space_item, c.text, lang, 1);
    y += header_h + gap;

    int section = 0;
    // Where the next section goes: down the first column, then the second.
    auto place = [&](float* sx, float* sy) {
        const int rows = (sections + columns - 1) / columns;
        const int col = section / rows, row = section % rows;
        *sx = min.x + pad + (column_w + m.column_gap) * static_cast<float>(col);
        *sy = y + (section_h + gap) * static_cast<float>(row);
        ++section;
    };
    auto label = [&](float x, float sy, const std::string& text) {
        draw_wrapped(ctx.draw, ctx.text_cache, text, regular, ImVec2(x, sy), column_w, c.text_muted, lang, 1);
        return sy + label_h;
    };

    float x = 0, sy = 0;
    place(&x, &sy);
    sy = label(x, sy, ctx.t("a11y.text_size"));
    const std::string& smaller = ctx.t("reader.text_smaller");
    const std::string& larger = ctx.t("reader.text_larger");
    const float dots_w = m.level_dot_step * 2 * (kTextSizeSteps - 1) + (m.size_dot_radius + m.size_dot_growth * 2) * 2;
    const float bw = std::min(std::max({m.text_size_button_width, button_width(ctx, smaller), button_width(ctx, larger)}),
                              (column_w - dots_w - m.space_item * 2) * 0.5f);
    if (touch_button(ctx, "a11y.smaller", smaller, ImVec2(x, sy), ImVec2(x + bw, sy + h), ButtonStyle::Secondary) &&
        ctx.state.text_size > 0)
        --ctx.state.text_size;
    if (touch_button(ctx, "a11y.larger", larger, ImVec2(x + column_w - bw, sy), ImVec2(x + column_w, sy + h),
                     ButtonStyle::Secondary) &&
        ctx.state.text_size + 1 < kTextSizeSteps)
        ++ctx.state.text_size;
    const float mid = x + column_w * 0.5f;
    for (int i = 0; i < kTextSizeSteps; ++i)
        ctx.draw->AddCircleFilled(ImVec2(mid + (i - 1) * m.level_dot_step * 2, sy + h * 0.5f),
                                  m.size_dot_radius + m.size_dot_growth * static_cast<float>(i),
                                  i <= ctx.state.text_size ? c.primary : c.border, 20);

    place(&x, &sy);
    sy = label(x, sy, ctx.t("a11y.contrast"));
    const std::string& on = ctx.t("a11y.contrast_on");
    const std::string& off = ctx.t("a11y.contrast_off");
    const float half = (column_w - std::max(8.0f, m.space_related)) * 0.5f;
    if (touch_button(ctx, "a11y.contrast_off", off, ImVec2(x, sy), ImVec2(x + half, sy + h),
                     ctx.state.high_contrast ? ButtonStyle::Secondary : ButtonStyle::Primary))
        ctx.state.high_contrast = false;
    if (touch_button(ctx, "a11y.contrast_on", on, ImVec2(x + column_w - half, sy), ImVec2(x + column_w, sy + h),
                     ctx.state.high_contrast ? ButtonStyle::Primary : ButtonStyle::Secondary))
        ctx.state.high_contrast = true;

    if (speech_row) {
        place(&x, &sy);
        sy = label(x, sy, ctx.t("a11y.speech_rate"));
        static const char* const kRateKeys[kSpeechRateSteps] = {"a11y.rate_slow", "a11y.rate_normal", "a11y.rate_fast"};
        const float rate_gap = std::max(8.0f, m.space_related);
        const float third = (column_w - rate_gap * (kSpeechRateSteps - 1)) / kSpeechRateSteps;
        for (int i = 0; i < kSpeechRateSteps; ++i) {
            const float bx = x + (third + rate_gap) * static_cast<float>(i);
            if (touch_button(ctx, kRateKeys[i], ctx.t(kRateKeys[i]), ImVec2(bx, sy), ImVec2(bx + third, sy + h),
                             ctx.state.speech_rate == i ? ButtonStyle::Primary : ButtonStyle::Secondary))
                ctx.state.speech_rate = i;
        }
    }

    // A tap anywhere outside the panel (below the top bar) closes it.
    const TouchGesture& g = ctx.gesture;
    if (g.released_as_tap() && !contains(min, max, g.press_x(), g.press_y()) && g.press_y() > top) {
        ctx.state.accessibility_open = false;
        ctx.animating = true;
    }
}

void draw_countdown_overlay(UiContext& ctx, int seconds) {
    const Palette& c = ctx.theme.colors;
    const Metrics& m = ctx.metrics();
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, c.overlay_dim);
    const Font* title = ctx.font(FontRole::Title);
    const Font* display = ctx.font(FontRole::Display);
    const Font* regular = ctx.font(FontRole::Regular);
    const char* lang = lang_code(ctx.state.language);
    // As wide as the design where the screen allows, the texts wrapped to it, the card as tall
    // as they need: it fits a 480 px wide portrait panel at the largest text size.
    const float width = std::min(m.countdown_width, ctx.screen.x - ctx.theme.margin() * 2);
    const float pad = std::min(m.pad_dialog, width * 0.08f), inner = width - pad * 2;
    const std::string& question = ctx.t("session.still_there");
    const std::string& hint = ctx.t("session.touch_to_continue");
    WrappedText& question_lines = ctx.text_cache.wrap(question, title, inner, lang);
    WrappedText& hint_lines = ctx.text_cache.wrap(hint, regular, inner, lang);
    const float ring = std::max(m.countdown_ring_radius, display->size * 0.9f);
    const float height = std::max(m.countdown_height, pad * 2 + question_lines.height() + m.space_wide + ring * 2 +
                                                          m.space_section + hint_lines.height());
    ImVec2 min((ctx.screen.x - width) * 0.5f, (ctx.screen.y - height) * 0.5f), max(min.x + width, min.y + height);
    draw_card(ctx, min, max);
    float y = min.y +
              (height - (question_lines.height() + m.space_wide + ring * 2 + m.space_section + hint_lines.height())) * 0.5f;
    y += draw_wrapped(ctx.draw, question_lines, question, title, ImVec2(min.x + pad, y), inner, c.text, 0, true);
    y += m.space_wide;
    // The countdown number in a ring.
    const ImVec2 center((min.x + max.x) * 0.5f, y + ring);
    ctx.draw->AddCircle(center, ring, c.accent, 64, m.line_ring);
    char number[8];
    std::snprintf(number, sizeof number, "%d", seconds);
    draw_text_centered(ctx.draw, display, ImVec2(center.x - ring, center.y - ring),
                       ImVec2(center.x + ring, center.y + ring), c.text, number);
    y += ring * 2 + m.space_section;
    draw_wrapped(ctx.draw, hint_lines, hint, regular, ImVec2(min.x + pad, y), inner, c.text_muted, 0, true);
}

}  // namespace kiosk::ui
