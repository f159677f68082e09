// The bar across the top of every screen. It holds, at every class of screen: Back and Home
// (or the emblem on home), the title, search, the text size panel and the language switch,
// and leaves the top-right corner blank for the organizer's five-tap gesture (kiosk_ui.cpp).
//
// Large landscape screens get an icon beside each word; small landscape screens (800x480,
// 1024x600) the compact bar: each icon above a short word in small print, narrow language
// segments; portrait screens two rows (title with Back and Home above, the other controls
// below). Whatever does not fit in the full form falls back to the compact one, and the title
// always takes what is left, ending with an ellipsis when it is cut.
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

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

enum class Icon { Back, Home, Search, TextSize };

// A letter A of `height` standing on `baseline` from `left`: two strokes and a bar.
void draw_letter_a(ImDrawList* draw, float left, float baseline, float height, ImU32 color, float line) {
    const float width = height * 0.7f;
    const ImVec2 strokes[3] = {ImVec2(left, baseline), ImVec2(left + width * 0.5f, baseline - height),
                               ImVec2(left + width, baseline)};
    draw->AddPolyline(strokes, 3, color, 0, line);
    draw->AddLine(ImVec2(left + width * 0.22f, baseline - height * 0.38f),
                  ImVec2(left + width * 0.78f, baseline - height * 0.38f), color, line);
}

// The icons of the bar, drawn in a square of edge `s` centred on `c`.
void draw_icon(ImDrawList* draw, Icon icon, ImVec2 c, float s, ImU32 color) {
    const float line = std::max(1.5f, s * 0.11f);
    switch (icon) {
        case Icon::Back: {
            const ImVec2 head[3] = {ImVec2(c.x - s * 0.05f, c.y - s * 0.4f), ImVec2(c.x - s * 0.45f, c.y),
                                    ImVec2(c.x - s * 0.05f, c.y + s * 0.4f)};
            draw->AddPolyline(head, 3, color, 0, line);
            draw->AddLine(ImVec2(c.x - s * 0.42f, c.y), ImVec2(c.x + s * 0.45f, c.y), color, line);
            break;
        }
        case Icon::Home: {
            const ImVec2 roof[3] = {ImVec2(c.x - s * 0.5f, c.y - s * 0.02f), ImVec2(c.x, c.y - s * 0.46f),
                                    ImVec2(c.x + s * 0.5f, c.y - s * 0.02f)};
            draw->AddPolyline(roof, 3, color, 0, line);
            const ImVec2 walls[4] = {ImVec2(c.x - s * 0.34f, c.y - s * 0.14f), ImVec2(c.x - s * 0.34f, c.y + s * 0.45f),
                                     ImVec2(c.x + s * 0.34f, c.y + s * 0.45f), ImVec2(c.x + s * 0.34f, c.y - s * 0.14f)};
            draw->AddPolyline(walls, 4, color, 0, line);
            draw->AddRectFilled(ImVec2(c.x - s * 0.1f, c.y + s * 0.14f), ImVec2(c.x + s * 0.1f, c.y + s * 0.45f), color);
            break;
        }
        case Icon::Search: {
            const ImVec2 lens(c.x - s * 0.1f, c.y - s * 0.1f);
            draw->AddCircle(lens, s * 0.32f, color, 24, line);
            draw->AddLine(ImVec2(lens.x + s * 0.23f, lens.y + s * 0.23f), ImVec2(c.x + s * 0.46f, c.y + s * 0.46f),
                          color, line * 1.6f);
            break;
        }
        case Icon::TextSize: {
            // A small and a large A: the sizes the control chooses between.
            const float baseline = c.y + s * 0.45f;
            draw_letter_a(draw, c.x - s * 0.5f, baseline, s * 0.5f, color, line * 0.8f);
            draw_letter_a(draw, c.x - s * 0.1f, baseline, s * 0.86f, color, line);
            break;
        }
    }
}

// The sizes of the bar's controls in this frame.
struct BarStyle {
    bool compact = false;  // the icon above a word in small print; otherwise beside it
    float height = 0;      // of a control
    const Font* font = nullptr;
    float icon = 0;  // edge of the icon's square
    float gap = 0;   // between two controls
};

BarStyle bar_style(const UiContext& ctx, bool compact) {
    BarStyle style;
    style.compact = compact;
    style.height = ctx.theme.button_height() * 0.9f;
    style.font = ctx.font(compact ? FontRole::Small : FontRole::Regular);
    style.icon = compact ? std::min(style.height * 0.38f, style.height - style.font->size - ctx.metrics().space_tight)
                         : style.font->size * 0.85f;
    style.gap = ctx.metrics().top_bar_gap;
    return style;
}

float control_width(const UiContext& ctx, const BarStyle& style, const std::string& label) {
    const float text = text_size(style.font, label).x;
    if (style.compact)
        return std::max(ctx.theme.min_target(), std::max(text, style.icon) + ctx.metrics().pad_chip_x * 2);
    return std::max(ctx.theme.min_target() * 1.5f,
                    ctx.metrics().pad_button * 2 + style.icon + ctx.metrics().space_item + text);
}

// One control of the bar: its icon and its word, on the blue bar or, when `light`, white.
bool bar_control(UiContext& ctx, const BarStyle& style, const TargetId& id, const std::string& label, Icon icon,
                 float left, float center_y, float width, bool light) {
    const ImVec2 min(left, center_y - style.height / 2), max(left + width, center_y + style.height / 2);
    const TouchArea area = touch_area(ctx, id, label, min, max);
    const Palette& c = ctx.theme.colors;
    const float rounding = ctx.theme.corner() * 0.75f;
    ImU32 fill = area.pressed ? c.on_primary_pressed : c.on_primary_fill, ink = c.text_on_primary;
    if (light) {
        fill = area.pressed ? c.surface_alt : c.surface;
        ink = c.primary;
    }
    ctx.draw->AddRectFilled(min, max, fill, rounding);
    if (!light) ctx.draw->AddRect(min, max, c.on_primary_border, rounding, 0, ctx.metrics().line_thin);
    const float text_w = text_size(style.font, label).x;
    if (style.compact) {
        const float nudge = ctx.metrics().space_nudge;
        const float top = min.y + (style.height - style.icon - nudge - style.font->size) * 0.5f;
        draw_icon(ctx.draw, icon, ImVec2(left + width * 0.5f, top + style.icon * 0.5f), style.icon, ink);
        draw_text(ctx.draw, style.font,
                  ImVec2(std::floor(left + (width - text_w) * 0.5f), std::floor(top + style.icon + nudge)), ink, label);
    } else {
        const float content = style.icon + ctx.metrics().space_item + text_w;
        const float x = left + (width - content) * 0.5f;
        draw_icon(ctx.draw, icon, ImVec2(x + style.icon * 0.5f, center_y), style.icon, ink);
        draw_text(
            ctx.draw, style.font,
            ImVec2(std::floor(x + style.icon + ctx.metrics().space_item), std::floor(center_y - style.font->size * 0.5f)),
            ink, label);
    }
    return area.clicked;
}

}  // namespace

bool draw_top_bar(UiContext& ctx, const std::string& title, bool with_back, bool with_search) {
    const Theme& theme = ctx.theme;
    const Metrics& m = ctx.metrics();
    const float width = ctx.screen.x;
    const bool two_rows = ctx.layout().portrait();
    const float row = m.top_bar_row_height;
    const float first_y = row * 0.5f, second_y = two_rows ? row * 1.5f : first_y;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ImVec2(width, theme.top_bar_height()), theme.colors.primary);
    // Under the accessibility panel the bar stays usable: the panel opens below it.
    const bool input = ctx.input_enabled;
    if (ctx.top_bar_input) ctx.input_enabled = true;

    const bool search = with_search && ctx.search;
    const std::string& back_label = ctx.t("action.back");
    const std::string& home_label = ctx.t("action.home");
    const std::string& search_label = ctx.t("search.button");
    const std::string& size_label = ctx.t("a11y.button");
    const float edge = theme.margin() * 0.6f;
    // The corner stays blank: five taps there open the organizer's PIN pad.
    const float corner_left = width - m.admin_corner;

    // The full form where it fits, else the compact one.
    auto left_group = [&](const BarStyle& s) {
        return with_back ? control_width(ctx, s, back_label) + s.gap + control_width(ctx, s, home_label)
                         : m.emblem_radius * 2;
    };
    auto right_group = [&](const BarStyle& s) {
        return (search ? control_width(ctx, s, search_label) + s.gap : 0) + control_width(ctx, s, size_label) + s.gap +
               language_switch_width(ctx, s.compact);
    };
    BarStyle style = bar_style(ctx, ctx.layout().small());
    if (!style.compact) {
        const float min_title = width * 0.2f;
        const bool fits =
            two_rows ? right_group(style) <= width - edge * 2 && edge + left_group(style) + style.gap + min_title <= corner_left
                     : edge + left_group(style) + style.gap + min_title + style.gap + right_group(style) <= corner_left;
        if (!fits) style = bar_style(ctx, true);
    }

    // Left of the first row: Back and Home, or the emblem on home.
    float x = edge;
    bool leave = false;
    if (with_back) {
        const float back_w = control_width(ctx, style, back_label);
        leave = bar_control(ctx, style, {screen_name(ctx.state.screen()), "back"}, back_label, Icon::Back, x, first_y,
                            back_w, false);
        x += back_w + style.gap;
        const float home_w = control_width(ctx, style, home_label);
        if (bar_control(ctx, style, "top.home", home_label, Icon::Home, x, first_y, home_w, false)) {
            ctx.go_home = true;
            leave = true;
        }
        x += home_w + style.gap;
    } else {
        const float radius = m.emblem_radius;
        draw_emblem(ctx.draw, ImVec2(x + radius, first_y), radius, theme.colors.text_on_primary);
        x += radius * 2 + m.space_card;
    }

    // Right: the languages, the text size, search; on the second row in portrait.
    float right = two_rows ? width - edge : corner_left;
    right = language_switch(ctx, right, second_y, style.compact) - style.gap;
    const float size_w = control_width(ctx, style, size_label);
    right -= size_w;
    if (bar_control(ctx, style, "top.a11y", size_label, Icon::TextSize, right, second_y, size_w, ctx.state.accessibility_open))
        ctx.state.accessibility_open = !ctx.state.accessibility_open;  // a second tap closes it
    right -= style.gap;
    if (search) {
        const float search_w = control_width(ctx, style, search_label);
        // In portrait search starts the second row; on one row it sits beside the text size.
        const float search_x = two_rows ? edge : right - search_w;
        if (bar_control(ctx, style, "top.search", search_label, Icon::Search, search_x, second_y, search_w, true)) {
            open_search(ctx.state);
            ctx.state.accessibility_open = false;
        }
        if (!two_rows) right = search_x - style.gap;
    }
    if (leave) ctx.state.accessibility_open = false;  // the visitor goes elsewhere

    // The title takes what is left of the first row, cut with an ellipsis.
    const float title_right = two_rows ? corner_left - style.gap : right;
    const float available = title_right - x;
    const Font* font = ctx.font(with_back || style.compact ? FontRole::Medium : FontRole::Title);
    if (available > font->size) {
        ctx.draw->PushClipRect(ImVec2(x, 0), ImVec2(title_right, row), true);
        draw_wrapped(ctx.draw, ctx.text_cache, title, font, ImVec2(x, std::floor(first_y - font->size * 0.5f)),
                     available, theme.colors.text_on_primary, lang_code(ctx.state.language), 1);
        ctx.draw->PopClipRect();
    }
    ctx.input_enabled = input;
    return leave;
}

}  // namespace kiosk::ui
