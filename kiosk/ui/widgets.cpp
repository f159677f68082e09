#include "ui/widgets.h"

#include "ui/screens.h"

#include <algorithm>
#include <cfloat>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

bool contains(ImVec2 min, ImVec2 max, float x, float y) { return x >= min.x && x < max.x && y >= min.y && y < max.y; }

unsigned target_id(const std::string& label, ImVec2 min) {
    unsigned hash = 2166136261u;
    for (char c : label) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    hash = (hash ^ static_cast<unsigned>(min.x)) * 16777619u;
    hash = (hash ^ static_cast<unsigned>(min.y)) * 16777619u;
    return hash ? hash : 1;
}

}  // namespace

TouchArea touch_area(UiContext& ctx, const TargetId& stable_id, const std::string& label, ImVec2 min, ImVec2 max) {
    TouchArea area;
    if (!ctx.input_enabled) return area;  // covered by a modal overlay: neither visible nor touchable
    // Only the part inside the current clip rectangle can be seen, so only it can be touched.
    const ImVec2 size(max.x - min.x, max.y - min.y);
    const ImVec2 clip_min = ctx.draw->GetClipRectMin(), clip_max = ctx.draw->GetClipRectMax();
    min = ImVec2(std::max(min.x, clip_min.x), std::max(min.y, clip_min.y));
    max = ImVec2(std::min(max.x, clip_max.x), std::min(max.y, clip_max.y));
    if (max.x <= min.x || max.y <= min.y) return area;
    ctx.targets.add(stable_id, label.data(), label.data() + label.size(), min, max, size);
    const TouchGesture& g = ctx.gesture;
    unsigned id = target_id(label, min);
    bool pressed_here = contains(min, max, g.press_x(), g.press_y());
    if (g.is_down() && !g.is_dragging() && pressed_here) ctx.feedback_target = id;
    if (g.is_dragging() && ctx.feedback_target == id) ctx.feedback_target = 0;
    area.pressed = ctx.feedback_target == id && ctx.feedback.visible(ctx.now);
    if (area.pressed) ctx.pressed_label = label;
    if (g.released_as_tap() && pressed_here && contains(min, max, g.x(), g.y())) {
        area.clicked = true;
        ctx.animating = true;  // the tap changes state: draw the result next frame
    }
    if (area.pressed) ctx.animating = ctx.animating || ctx.feedback.needs_frames(ctx.now);
    return area;
}

float button_width(const UiContext& ctx, const std::string& label, FontRole font) {
    float width = text_size(ctx.font(font), label).x + ctx.metrics().pad_button * 2;
    return width < ctx.theme.min_target() * 1.5f ? ctx.theme.min_target() * 1.5f : width;
}

bool touch_button(UiContext& ctx, const TargetId& id, const std::string& label, ImVec2 min, ImVec2 max,
                  ButtonStyle style, FontRole font) {
    TouchArea area = touch_area(ctx, id, label, min, max);
    const Palette& c = ctx.theme.colors;
    const float rounding = ctx.theme.corner() * 0.75f;
    ImU32 fill = c.surface, text = c.text, border = c.border;
    switch (style) {
        case ButtonStyle::Primary:
            fill = area.pressed ? c.primary_pressed : c.primary;
            text = c.text_on_primary;
            border = fill;
            break;
        case ButtonStyle::Secondary:
            fill = area.pressed ? c.surface_alt : c.surface;
            text = c.primary;
            border = c.border;
            break;
        case ButtonStyle::OnPrimary:
            fill = area.pressed ? c.on_primary_pressed : c.on_primary_fill;
            text = c.text_on_primary;
            border = c.on_primary_border;
            break;
        case ButtonStyle::SegmentOn:
            fill = area.pressed ? c.surface_alt : c.surface;
            text = c.primary;
            border = c.surface;
            break;
        case ButtonStyle::SegmentOff:
            fill = area.pressed ? c.on_primary_pressed : IM_COL32_BLACK_TRANS;
            text = c.text_on_primary;
            border = fill;
            break;
    }
    ctx.draw->AddRectFilled(min, max, fill, rounding);
    if (border != fill) ctx.draw->AddRect(min, max, border, rounding, 0, ctx.metrics().line_thin);
    const Font* f = ctx.font(font);
    const float inner = max.x - min.x - ctx.metrics().pad_chip_x * 2;
    if (inner > 0 && text_size(f, label).x > inner) {  // a label longer than its button ends in an ellipsis
        draw_wrapped(ctx.draw, ctx.text_cache, label, f,
                     ImVec2(min.x + ctx.metrics().pad_chip_x, (min.y + max.y - f->size) * 0.5f), inner, text,
                     lang_code(ctx.state.language), 1, true);
    } else {
        draw_text_centered(ctx.draw, f, min, max, text, label);
    }
    return area.clicked;
}

namespace {

constexpr const char* kLanguageLabelKeys[kLangCount] = {"language.ru", "language.zh", "language.en"};

// Each language names itself, so a visitor finds their own whatever is showing.
const std::string& language_label(const UiContext& ctx, int i) {
    return ctx.translations.get(kAllLangs[i], kLanguageLabelKeys[i]);
}

float language_segment_width(const UiContext& ctx, int i, bool compact) {
    if (!compact) return button_width(ctx, language_label(ctx, i));
    const float text = text_size(ctx.font(FontRole::Regular), language_label(ctx, i)).x;
    return std::max(ctx.theme.min_target(), text + ctx.metrics().pad_chip_x * 2);
}

}  // namespace

float language_switch_width(const UiContext& ctx, bool compact) {
    // Segments at least 8 px apart, so a finger between two never counts for both.
    const float pad = std::max(ctx.metrics().segment_gap, 8.0f);
    float total = pad;
    for (int i = 0; i < kLangCount; ++i) total += language_segment_width(ctx, i, compact) + pad;
    return total;
}

float language_switch(UiContext& ctx, float right, float center_y, bool compact) {
    const float height = ctx.theme.button_height() * 0.9f;
    const float pad = std::max(ctx.metrics().segment_gap, 8.0f);
    const float left = right - language_switch_width(ctx, compact);
    ImVec2 frame_min(left, center_y - height / 2 - ctx.metrics().segment_gap),
        frame_max(right, center_y + height / 2 + ctx.metrics().segment_gap);
    ctx.draw->AddRectFilled(frame_min, frame_max, ctx.theme.colors.on_primary_fill, ctx.theme.corner());
    ctx.draw->AddRect(frame_min, frame_max, ctx.theme.colors.on_primary_border, ctx.theme.corner(), 0,
                      ctx.metrics().line_hairline);
    float x = left + pad;
    for (int i = 0; i < kLangCount; ++i) {
        const Lang lang = kAllLangs[i];
        const float width = language_segment_width(ctx, i, compact);
        ImVec2 min(x, center_y - height / 2), max(x + width, center_y + height / 2);
        const bool selected = ctx.state.language == lang;
        if (touch_button(ctx, {"top.language", lang_code(lang)}, language_label(ctx, i), min, max,
                         selected ? ButtonStyle::SegmentOn : ButtonStyle::SegmentOff))
            ctx.state.language = lang;
        x += width + pad;
    }
    return left;
}

namespace {

// Drags along one axis (y: lists, x: the timeline) move `scroll`.
void scroll_region_along(UiContext& ctx, KineticScroll& scroll, ImVec2 min, ImVec2 max, bool horizontal) {
    const TouchGesture& g = ctx.gesture;
    // The layout check accepts text cut at the edges where this region scrolls.
    ctx.font(FontRole::Regular)->renderer->probe().add_scroll_region(min, max, horizontal);
    bool pressed_inside = ctx.input_enabled && contains(min, max, g.press_x(), g.press_y());
    const float finger = horizontal ? g.x() : g.y();
    if (g.is_down() && pressed_inside) {
        if (g.is_dragging()) {
            if (!scroll.is_dragging()) scroll.begin_drag(finger, ctx.now);
            scroll.drag_to(finger, ctx.now);
        } else if (scroll.is_moving()) {
            scroll.stop();  // a finger on a moving list holds it, as on a phone
        }
    } else if (scroll.is_dragging()) {
        scroll.end_drag(ctx.now);
    }
    scroll.update(ctx.now);
    if (scroll.is_moving() || scroll.is_dragging()) ctx.animating = true;
}

}  // namespace

void scroll_region(UiContext& ctx, KineticScroll& scroll, ImVec2 min, ImVec2 max) {
    scroll_region_along(ctx, scroll, min, max, false);
}

void scroll_region_horizontal(UiContext& ctx, KineticScroll& scroll, ImVec2 min, ImVec2 max) {
    scroll_region_along(ctx, scroll, min, max, true);
}

void scroll_indicator(UiContext& ctx, const KineticScroll& scroll, ImVec2 min, ImVec2 max, float content_height) {
    float view = max.y - min.y;
    if (content_height <= view + 1.0f) return;
    float track_x = max.x - (ctx.metrics().scrollbar_width + ctx.metrics().space_nudge);
    float thumb = view * view / content_height;
    if (thumb < ctx.metrics().scroll_thumb_min) thumb = ctx.metrics().scroll_thumb_min;
    float max_offset = content_height - view;
    float t = scroll.offset() / max_offset;
    if (t < 0) t = 0;
    if (t > 1) t = 1;
    float top = min.y + ctx.metrics().space_tight + (view - thumb - ctx.metrics().space_tight * 2) * t;
    ctx.draw->AddRectFilled(ImVec2(track_x, top), ImVec2(track_x + ctx.metrics().scrollbar_width, top + thumb),
                            ctx.theme.colors.scrollbar, ctx.metrics().scrollbar_width * 0.5f);
}

ImVec2 text_size(const Font* font, const std::string& text) { return ImVec2(text_width(font, text), font->size); }

void draw_text_centered(ImDrawList* draw, const Font* font, ImVec2 min, ImVec2 max, ImU32 color, const std::string& text) {
    ImVec2 size = text_size(font, text);
    ImVec2 pos((min.x + max.x - size.x) * 0.5f, (min.y + max.y - size.y) * 0.5f);
    draw_text(draw, font, ImVec2(static_cast<float>(static_cast<int>(pos.x)), static_cast<float>(static_cast<int>(pos.y))),
              color, text);
}

void draw_card_shadow(ImDrawList* draw, ImVec2 min, ImVec2 max, float rounding, const Theme& theme) {
    if (theme.high_contrast) {
        draw->AddRect(min, max, theme.colors.border, rounding, 0, theme.metrics.line_thin);  // outline, not shadow
        return;
    }
    for (int i = 3; i >= 1; --i) {
        const float spread = theme.metrics.shadow_spread * static_cast<float>(i);
        // Three layers, the widest the faintest, together as dark as the palette's shadow.
        const unsigned alpha =
            ((theme.colors.shadow >> IM_COL32_A_SHIFT) & 0xFF) * static_cast<unsigned>(7 + 3 * (3 - i)) / 24;
        const ImU32 color = (theme.colors.shadow & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
        draw->AddRectFilled(ImVec2(min.x - spread * 0.3f, min.y + spread * 0.2f),
                            ImVec2(max.x + spread * 0.3f, max.y + spread), color, rounding + spread);
    }
}

void draw_card(UiContext& ctx, ImVec2 min, ImVec2 max, bool pressed, ImU32 fill) {
    const float rounding = ctx.theme.corner();
    draw_card_shadow(ctx.draw, min, max, rounding, ctx.theme);
    ctx.draw->AddRectFilled(min, max, pressed ? ctx.theme.colors.surface_alt : fill, rounding);
}

void draw_card(UiContext& ctx, ImVec2 min, ImVec2 max, bool pressed) {
    draw_card(ctx, min, max, pressed, ctx.theme.colors.surface);
}

float chip_height(const UiContext& ctx) { return ctx.font(FontRole::Small)->size + ctx.metrics().pad_chip_y * 2; }

ImVec2 chip_size(const UiContext& ctx, const std::string& label) {
    return ImVec2(text_size(ctx.font(FontRole::Small), label).x + ctx.metrics().pad_chip_x * 2, chip_height(ctx));
}

ImVec2 draw_chip(UiContext& ctx, ImVec2 pos, const std::string& label, ImU32 fill, ImU32 text_color) {
    const ImVec2 size = chip_size(ctx, label);
    ctx.draw->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), fill, ctx.metrics().radius_pill);
    draw_text(ctx.draw, ctx.font(FontRole::Small),
              ImVec2(pos.x + ctx.metrics().pad_chip_x, pos.y + ctx.metrics().pad_chip_y), text_color, label);
    return size;
}

ImVec2 draw_document_type_chip(UiContext& ctx, ImVec2 pos, DocumentType type) {
    return draw_chip(ctx, pos, ctx.t(document_type_key(type)), ctx.theme.document_type_color(type),
                     ctx.theme.colors.text_on_primary);
}

}  // namespace kiosk::ui
