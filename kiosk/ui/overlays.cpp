// Modal overlays: the accessibility panel and the "are you still there?" countdown.
#include "ui/read_aloud.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <string>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

bool contains(ImVec2 min, ImVec2 max, float x, float y) { return x >= min.x && x < max.x && y >= min.y && y < max.y; }

}  // namespace

void draw_accessibility_panel(UiContext& ctx) {
    const Palette& c = ctx.theme.colors;
    ctx.draw->AddRectFilled(ImVec2(0, ctx.theme.top_bar_height()), ctx.screen, c.overlay_dim);
    const float width = ctx.metrics().accessibility_panel_width, pad = ctx.metrics().pad_panel;
    const float h = ctx.theme.button_height();
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* regular = ctx.font(FontRole::Regular);
    // The speed of reading aloud, unless the organizer turned reading aloud off.
    const bool speech_row = read_aloud_support(ctx, ctx.state.language) != SpeechSupport::Disabled;
    const int rows = speech_row ? 3 : 2;
    const float height = pad * 2 + medium->size * 1.6f + (regular->size * 1.5f + h + ctx.metrics().space_card) * rows + h;
    ImVec2 min(ctx.screen.x - ctx.theme.margin() * 0.6f - width, ctx.theme.top_bar_height() + ctx.metrics().space_item);
    ImVec2 max(min.x + width, min.y + height);
    draw_card(ctx, min, max);

    float y = min.y + pad;
    const float x = min.x + pad, inner = width - pad * 2;
    draw_text(ctx.draw, medium, ImVec2(x, y), c.text, ctx.t("a11y.title"));
    y += medium->size * 1.6f;

    draw_text(ctx.draw, regular, ImVec2(x, y), c.text_muted, ctx.t("a11y.text_size"));
    y += regular->size * 1.5f;
    const std::string& smaller = ctx.t("reader.text_smaller");
    const std::string& larger = ctx.t("reader.text_larger");
    const float bw = ctx.metrics().text_size_button_width;
    if (touch_button(ctx, "a11y.smaller", smaller, ImVec2(x, y), ImVec2(x + bw, y + h), ButtonStyle::Secondary) &&
        ctx.state.text_size > 0)
        --ctx.state.text_size;
    if (touch_button(ctx, "a11y.larger", larger, ImVec2(x + inner - bw, y + h * 0), ImVec2(x + inner, y + h),
                     ButtonStyle::Secondary) &&
        ctx.state.text_size + 1 < kTextSizeSteps)
        ++ctx.state.text_size;
    const float mid = x + inner * 0.5f;
    for (int i = 0; i < kTextSizeSteps; ++i)
        ctx.draw->AddCircleFilled(ImVec2(mid + (i - 1) * ctx.metrics().level_dot_step * 2, y + h * 0.5f),
                                  ctx.metrics().size_dot_radius + ctx.metrics().size_dot_growth * static_cast<float>(i),
                                  i <= ctx.state.text_size ? c.primary : c.border, 20);
    y += h + ctx.metrics().space_card;

    draw_text(ctx.draw, regular, ImVec2(x, y), c.text_muted, ctx.t("a11y.contrast"));
    y += regular->size * 1.5f;
    const std::string& on = ctx.t("a11y.contrast_on");
    const std::string& off = ctx.t("a11y.contrast_off");
    const float half = (inner - ctx.metrics().space_related) * 0.5f;
    if (touch_button(ctx, "a11y.contrast_off", off, ImVec2(x, y), ImVec2(x + half, y + h),
                     ctx.state.high_contrast ? ButtonStyle::Secondary : ButtonStyle::Primary))
        ctx.state.high_contrast = false;
    if (touch_button(ctx, "a11y.contrast_on", on, ImVec2(x + inner - half, y), ImVec2(x + inner, y + h),
                     ctx.state.high_contrast ? ButtonStyle::Primary : ButtonStyle::Secondary))
        ctx.state.high_contrast = true;
    y += h + ctx.metrics().space_card;

    if (speech_row) {
        draw_text(ctx.draw, regular, ImVec2(x, y), c.text_muted, ctx.t("a11y.speech_rate"));
        y += regular->size * 1.5f;
        static const char* const kRateKeys[kSpeechRateSteps] = {"a11y.rate_slow", "a11y.rate_normal", "a11y.rate_fast"};
        const float gap = ctx.metrics().space_related;
        const float third = (inner - gap * (kSpeechRateSteps - 1)) / kSpeechRateSteps;
        for (int i = 0; i < kSpeechRateSteps; ++i) {
            const float bx = x + (third + gap) * static_cast<float>(i);
            if (touch_button(ctx, kRateKeys[i], ctx.t(kRateKeys[i]), ImVec2(bx, y), ImVec2(bx + third, y + h),
                             ctx.state.speech_rate == i ? ButtonStyle::Primary : ButtonStyle::Secondary))
                ctx.state.speech_rate = i;
        }
        y += h + ctx.metrics().space_card;
    }

    const std::string& close = ctx.t("action.close");
    if (touch_button(ctx, "a11y.close", close, ImVec2(x, y), ImVec2(x + inner, y + h), ButtonStyle::Secondary))
        ctx.state.accessibility_open = false;

    // A tap anywhere outside the panel (below the top bar) closes it.
    const TouchGesture& g = ctx.gesture;
    if (g.released_as_tap() && !contains(min, max, g.press_x(), g.press_y()) && g.press_y() > ctx.theme.top_bar_height()) {
        ctx.state.accessibility_open = false;
        ctx.animating = true;
    }
}

void draw_countdown_overlay(UiContext& ctx, int seconds) {
    const Palette& c = ctx.theme.colors;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, c.overlay_dim);
    const float width = ctx.metrics().countdown_width, height = ctx.metrics().countdown_height;
    ImVec2 min((ctx.screen.x - width) * 0.5f, (ctx.screen.y - height) * 0.5f), max(min.x + width, min.y + height);
    draw_card(ctx, min, max);
    const Font* title = ctx.font(FontRole::Title);
    const Font* display = ctx.font(FontRole::Display);
    const Font* regular = ctx.font(FontRole::Regular);
    float y = min.y + ctx.metrics().pad_dialog;
    draw_text_centered(ctx.draw, title, ImVec2(min.x, y), ImVec2(max.x, y + title->size), c.text,
                       ctx.t("session.still_there"));
    y += title->size + ctx.metrics().space_wide;
    // The countdown number in a ring.
    const ImVec2 center((min.x + max.x) * 0.5f, y + ctx.metrics().countdown_ring_radius);
    ctx.draw->AddCircle(center, ctx.metrics().countdown_ring_radius, c.accent, 64, ctx.metrics().line_ring);
    char number[8];
    std::snprintf(number, sizeof number, "%d", seconds);
    draw_text_centered(
        ctx.draw, display,
        ImVec2(center.x - ctx.metrics().countdown_ring_radius, center.y - ctx.metrics().countdown_ring_radius),
        ImVec2(center.x + ctx.metrics().countdown_ring_radius, center.y + ctx.metrics().countdown_ring_radius), c.text,
        number);
    y += ctx.metrics().countdown_ring_radius * 2 + ctx.metrics().space_section;
    draw_text_centered(ctx.draw, regular, ImVec2(min.x, y), ImVec2(max.x, y + regular->size), c.text_muted,
                       ctx.t("session.touch_to_continue"));
}

}  // namespace kiosk::ui
