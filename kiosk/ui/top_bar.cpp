#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

// A simple emblem: a ring with a dot grid, drawn so the kiosk needs no image assets.
void draw_emblem(ImDrawList* draw, ImVec2 center, float radius, ImU32 color) {
    draw->AddCircle(center, radius, color, 48, radius * 0.12f);
    const float step = radius * 0.42f;
    for (int row = -1; row <= 1; ++row)
        for (int col = -1; col <= 1; ++col)
            draw->AddCircleFilled(ImVec2(center.x + col * step, center.y + row * step), radius * 0.11f, color, 12);
}

// The search button: white on the blue bar with a drawn magnifier, the most visible control
// there, so a visitor looking for a topic finds it at once. Returns its left edge.
float search_button(UiContext& ctx, float right, float center_y) {
    const Theme& theme = ctx.theme;
    const std::string& label = ctx.t("search.button");
    const Font* font = ctx.font(FontRole::Medium);
    const float h = theme.button_height() * 0.9f;
    const float icon = h * 0.55f;
    const float width = std::max(theme.min_target() * 1.5f, text_size(font, label).x + icon +
                                                                theme.metrics.pad_button * 2 + theme.metrics.space_tight);
    ImVec2 min(right - width, center_y - h / 2), max(right, center_y + h / 2);
    TouchArea area = touch_area(ctx, "top.search", label, min, max);
    const Palette& c = theme.colors;
    ctx.draw->AddRectFilled(min, max, area.pressed ? c.surface_alt : c.surface, theme.corner() * 0.75f);
    const ImVec2 lens(min.x + theme.metrics.pad_card + icon * 0.42f, center_y - icon * 0.1f);
    ctx.draw->AddCircle(lens, icon * 0.32f, c.primary, 24, theme.metrics.line_regular);
    ctx.draw->AddLine(ImVec2(lens.x + icon * 0.23f, lens.y + icon * 0.23f),
                      ImVec2(lens.x + icon * 0.52f, lens.y + icon * 0.52f), c.primary, theme.metrics.line_mark);
    draw_text(ctx.draw, font,
              ImVec2(min.x + theme.metrics.pad_card + theme.metrics.space_related + icon, center_y - font->size * 0.62f),
              c.primary, label);
    if (area.clicked) open_search(ctx.state);
    return min.x;
}

}  // namespace

bool draw_top_bar(UiContext& ctx, const std::string& title, bool with_back, bool with_search) {
    const Theme& theme = ctx.theme;
    const float height = theme.top_bar_height();
    const float center_y = height * 0.5f;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ImVec2(ctx.screen.x, height), theme.colors.primary);

    float x = theme.margin() * 0.6f;
    bool back = false;
    if (with_back) {
        const std::string& label = ctx.t("action.back");
        float width = button_width(ctx, label);
        const float bh = theme.button_height() * 0.9f;
        back = touch_button(ctx, {screen_name(ctx.state.screen()), "back"}, label, ImVec2(x, center_y - bh / 2),
                            ImVec2(x + width, center_y + bh / 2), ButtonStyle::OnPrimary);
        x += width + theme.metrics.space_block;
    } else {
        float radius = theme.metrics.emblem_radius;
        draw_emblem(ctx.draw, ImVec2(x + radius, center_y), radius, theme.colors.text_on_primary);
        x += radius * 2 + theme.metrics.space_card;
    }

    float switch_left = language_switch(ctx, ctx.screen.x - theme.margin() * 0.6f, center_y);
    // Text size and contrast, reachable from every screen.
    const std::string& aa = ctx.t("a11y.button");
    const float aa_width = button_width(ctx, aa, FontRole::Medium);
    const float h = theme.button_height() * 0.9f;
    switch_left -= theme.metrics.space_list + aa_width;
    if (touch_button(ctx, "top.a11y", aa, ImVec2(switch_left, center_y - h / 2),
                     ImVec2(switch_left + aa_width, center_y + h / 2), ButtonStyle::OnPrimary, FontRole::Medium))
        ctx.state.accessibility_open = !ctx.state.accessibility_open;
    if (with_search && ctx.search) switch_left = search_button(ctx, switch_left - theme.metrics.space_list, center_y);
    const Font* font = ctx.font(with_back ? FontRole::Medium : FontRole::Title);
    float available = switch_left - theme.metrics.space_group - x;
    ctx.draw->PushClipRect(ImVec2(x, 0), ImVec2(x + available, height), true);
    const WrappedText& wrapped = ctx.text_cache.wrap(title, font, 1e9f, lang_code(ctx.state.language));
    float title_width = wrapped.lines.empty() ? 0 : wrapped.lines[0].width;
    if (title_width <= available) {
        draw_text(ctx.draw, font, ImVec2(x, center_y - font->size * 0.62f), theme.colors.text_on_primary, title);
    } else {
        draw_wrapped(ctx.draw, ctx.text_cache, title, font, ImVec2(x, center_y - font->size * 0.62f), available,
                     theme.colors.text_on_primary, lang_code(ctx.state.language), 1);
    }
    ctx.draw->PopClipRect();
    return back;
}

}  // namespace kiosk::ui
