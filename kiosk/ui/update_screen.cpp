// Content updates from a USB stick: the organizer panel's card listing what the sticks hold,
// and the overlay every visitor sees while content is replaced (progress, then the result).
// The platform fills in the facts of UsbView and UpdateView (update_state.h) and
// update_texts.cpp their words; these only draw and ask.
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <limits>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

const char* phase_names[] = {"idle", "installing", "done", "failed"};

// Wraps `text` for `width` in `font`, once per width and font. Returns the height of at most
// `max_lines` lines (0: all).
float wrap_once(const UiContext& ctx, WrappableText& text, const Font* font, float width, int max_lines = 0) {
    const WrappedText& wrapped = text.wrapped.wrap(text.text, font, width, lang_code(ctx.state.language));
    size_t count = wrapped.lines.size();
    if (max_lines > 0) count = std::min(count, static_cast<size_t>(max_lines));
    return wrapped.line_height * static_cast<float>(count);
}

// Draws `text` wrapped to `width`, at most `max_lines` lines (0: all), each line centred in
// `width` when `centered`. Returns the height used.
float draw_wrappable(UiContext& ctx, WrappableText& text, const Font* font, ImVec2 pos, float width, ImU32 color,
                     int max_lines = 0, bool centered = false) {
    WrappedText& wrapped = text.wrapped.wrap(text.text, font, width, lang_code(ctx.state.language));
    return draw_wrapped(ctx.draw, wrapped, text.text, font, pos, width, color, max_lines, centered);
}

// Draws `text`, which the next scan may replace (so the text cache cannot keep it), wrapped to
// `width`. Returns the height used.
float draw_scan_text(UiContext& ctx, const std::string& text, const Font* font, ImVec2 pos, float width, ImU32 color) {
    WrappedText wrapped = wrap_text(text, font, width, lang_code(ctx.state.language));
    return draw_wrapped(ctx.draw, wrapped, text, font, pos, width, color);
}

// A round status mark: a tick for valid or done, a cross for refused.
void draw_status_mark(UiContext& ctx, ImVec2 center, float radius, bool good) {
    const Palette& c = ctx.theme.colors;
    ctx.draw->AddCircleFilled(center, radius, good ? c.success : c.danger, 32);
    const float r = radius * 0.45f, thickness = std::max(2.0f, radius * 0.2f);
    if (good) {
        const ImVec2 points[] = {ImVec2(center.x - r, center.y), ImVec2(center.x - r * 0.25f, center.y + r * 0.75f),
                                 ImVec2(center.x + r, center.y - r * 0.7f)};
        ctx.draw->AddPolyline(points, 3, c.text_on_primary, 0, thickness);
    } else {
        ctx.draw->AddLine(ImVec2(center.x - r, center.y - r), ImVec2(center.x + r, center.y + r), c.text_on_primary,
                          thickness);
        ctx.draw->AddLine(ImVec2(center.x - r, center.y + r), ImVec2(center.x + r, center.y - r), c.text_on_primary,
                          thickness);
    }
}

// One package: mark and file name, the "will be installed" chip; version, date and size; its
// status in the session's language (for a refused package, why). Returns the height used.
float draw_package_row(UiContext& ctx, UsbPackageRow& row, ImVec2 pos, float width) {
    const Palette& c = ctx.theme.colors;
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* small = ctx.font(FontRole::Small);
    const float mark = std::max(ctx.metrics().status_mark_radius_small, medium->size * 0.4f);
    draw_status_mark(ctx, ImVec2(pos.x + mark, pos.y + medium->size * 0.6f), mark, row.valid);
    const float x = pos.x + mark * 2 + ctx.metrics().space_item, inner = pos.x + width - x;
    float y = pos.y;
    float line_right = pos.x + width;
    if (row.chosen) {
        const std::string& chosen = ctx.t("update.chosen");
        const ImVec2 chip_min(pos.x + width - chip_size(ctx, chosen).x, y + ctx.metrics().space_nudge);
        draw_chip(ctx, chip_min, chosen, c.accent_soft, c.text);
        line_right = chip_min.x - ctx.metrics().space_item;
    }
    ctx.draw->PushClipRect(ImVec2(x, y), ImVec2(std::max(x, line_right), y + medium->size * 1.4f), true);
    draw_text(ctx.draw, medium, ImVec2(x, y), c.text, row.name);
    ctx.draw->PopClipRect();
    y += medium->size * 1.4f;
    const char* lang = lang_code(ctx.state.language);
    y += draw_scan_text(ctx, row.details[static_cast<int>(ctx.state.language)], small, ImVec2(x, y), inner, c.text_muted);
    y += ctx.metrics().space_nudge;
    y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t(row.status_key), small, ImVec2(x, y), inner,
                      row.valid ? c.success : c.danger, lang);
    row.listed = true;
    return y - pos.y;
}

}  // namespace

const char* update_phase_name(UpdateView::Phase phase) { return phase_names[static_cast<int>(phase)]; }

float draw_usb_update_card(UiContext& ctx, ImVec2 min, float card_width, float min_height) {
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    UsbView& usb = ctx.state.status.usb;
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* regular = ctx.font(FontRole::Regular);
    const Font* small = ctx.font(FontRole::Small);
    const char* lang_name = lang_code(ctx.state.language);
    const float pad = ctx.metrics().pad_card_large, bh = theme.button_height(), gap = ctx.metrics().space_list;
    const float x = min.x + pad, width = card_width - pad * 2;
    // The card's height is known once its rows are drawn: they go on a channel above its surface.
    ctx.draw->ChannelsSplit(2);
    ctx.draw->ChannelsSetCurrent(1);

    // The title, and the actions right-aligned on its line, or on a line of their own when both do not fit.
    const bool idle = ctx.state.status.update.phase != UpdateView::Phase::Installing;
    const Lang lang = ctx.state.language;
    const bool can_rollback = idle && usb.can_rollback, can_install = idle && usb.chosen >= 0;
    const std::string& rollback = usb.rollback_label[static_cast<int>(lang)];
    const std::string& install = usb.install_label[static_cast<int>(lang)];
    float actions_w = 0;
    if (can_rollback) actions_w += button_width(ctx, rollback) + gap;
    if (can_install) actions_w += button_width(ctx, install) + gap;
    const std::string& title = ctx.t("update.card");
    const bool one_line = actions_w == 0 || text_size(medium, title).x + actions_w <= width;
    float y = min.y + pad;
    draw_text(ctx.draw, medium, ImVec2(x, y + (one_line && actions_w > 0 ? (bh - medium->size) * 0.5f : 0)), c.text, title);
    if (!one_line) y += medium->size * 1.4f + ctx.metrics().space_related;
    float right = x + width;
    // A button right-aligned at `right`, which then moves left past it; true when tapped.
    auto action = [&](const char* id, const std::string& label, ButtonStyle style) {
        const float w = button_width(ctx, label);
        const bool tapped = touch_button(ctx, id, label, ImVec2(right - w, y), ImVec2(right, y + bh), style);
        right -= w + gap;
        return tapped;
    };
    if (can_rollback && action("update.rollback", rollback, ButtonStyle::Secondary))
        ctx.state.requests.rollback_content = true;
    if (can_install && action("update.install", install, ButtonStyle::Primary))
        ctx.state.requests.install_update = true;
    y += actions_w > 0 ? bh : medium->size * 1.4f;
    y += ctx.metrics().space_related;
    y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t(usb.auto_install ? "update.auto_on" : "update.auto_off"), small,
                      ImVec2(x, y), width, c.text_muted, lang_name);
    y += ctx.metrics().space_item;
    // What the kiosk did by itself at start (set aside content it could not run on).
    const std::string& recovery = usb.recovery[static_cast<int>(lang)];
    if (!recovery.empty())
        y += draw_scan_text(ctx, recovery, regular, ImVec2(x, y), width, c.danger) + ctx.metrics().space_related;

    if (usb.packages.empty()) {
        y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("update.no_stick"), regular, ImVec2(x, y), width,
                          c.text_muted, lang_name);
    } else {
        // The reason nothing can be installed goes first: it is what the organizer must act on.
        if (!usb.problem_key.empty())
            y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t(usb.problem_key), regular, ImVec2(x, y), width, c.danger,
                              lang_name) +
                 ctx.metrics().space_related;
        // Every package, in path order; the page scrolls when they are many.
        for (UsbPackageRow& row : usb.packages) {
            ctx.draw->AddLine(ImVec2(x, y), ImVec2(x + width, y), c.border, ctx.metrics().line_hairline);
            y += ctx.metrics().space_related;
            y += draw_package_row(ctx, row, ImVec2(x, y), width) + ctx.metrics().space_related;
        }
    }
    const float height = std::max(min_height, y + pad - min.y);
    ctx.draw->ChannelsSetCurrent(0);
    draw_card(ctx, min, ImVec2(min.x + card_width, min.y + height));
    ctx.draw->ChannelsMerge();
    return height;
}

bool update_overlay_showing(const UiState& state, double now) {
    const UpdateView& update = state.status.update;
    if (update.phase == UpdateView::Phase::Installing) return true;
    return update.phase != UpdateView::Phase::Idle && now < update.shown_until;
}

double next_update_change(const UiState& state) {
    const UpdateView& update = state.status.update;
    // Reported until a frame without the overlay was drawn, even once the time has passed.
    if (update.phase != UpdateView::Phase::Installing && update.on_screen) return update.shown_until;
    return std::numeric_limits<double>::infinity();
}

void draw_update_overlay(UiContext& ctx) {
    const Palette& c = ctx.theme.colors;
    UpdateView& update = ctx.state.status.update;
    const int lang = static_cast<int>(ctx.state.language);
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, c.overlay_dim);
    const Font* title = ctx.font(FontRole::Title);
    const Font* regular = ctx.font(FontRole::Regular);
    const Font* small = ctx.font(FontRole::Small);
    const float width = std::min(ctx.metrics().modal_max_width, ctx.screen.x - ctx.theme.margin() * 2),
                pad = ctx.metrics().pad_dialog;
    const float inner = width - pad * 2;
    const bool installing = update.phase == UpdateView::Phase::Installing;
    // The technical reason is the log's English line: shown to an English session only, the
    // others read the translated explanation (the log keeps the detail for everyone).
    const bool technical = ctx.state.language == Lang::En && !update.technical.text.empty();

    // Measure first (wrapping is cached), then centre the panel vertically.
    const float mark = ctx.metrics().status_mark_radius;
    float height = pad * 2 + mark * 2 + ctx.metrics().space_block;
    height += wrap_once(ctx, update.title[lang], title, inner) + ctx.metrics().space_card;
    if (installing) {
        height += ctx.metrics().space_section + ctx.metrics().space_card + regular->size * 1.4f * 2;
    } else {
        height += wrap_once(ctx, update.explanation[lang], regular, inner) + ctx.metrics().space_item;
        if (technical) height += wrap_once(ctx, update.technical, small, inner);
        height += ctx.metrics().space_group + ctx.theme.button_height();
    }
    const ImVec2 min((ctx.screen.x - width) * 0.5f, std::max(ctx.metrics().space_card, (ctx.screen.y - height) * 0.5f));
    const ImVec2 max(min.x + width, min.y + height);
    draw_card(ctx, min, max);

    float y = min.y + pad;
    const float x = min.x + pad;
    const ImVec2 center((min.x + max.x) * 0.5f, y + mark);
    if (installing) {
        ctx.draw->AddCircle(center, mark, c.primary, 48, ctx.metrics().line_mark);
        ctx.draw->PathArcTo(center, mark, -1.5708f, -1.5708f + 6.2832f * update.progress, 48);
        ctx.draw->PathStroke(c.accent, 0, ctx.metrics().line_mark);
    } else {
        draw_status_mark(ctx, center, mark, update.phase == UpdateView::Phase::Done);
    }
    y += mark * 2 + ctx.metrics().space_block;
    y += draw_wrappable(ctx, update.title[lang], title, ImVec2(x, y), inner, c.text, 0, true) + ctx.metrics().space_card;
    if (installing) {
        const float bar_h = ctx.metrics().progress_bar_height;
        ctx.draw->AddRectFilled(ImVec2(x, y), ImVec2(x + inner, y + bar_h), c.surface_alt, bar_h * 0.5f);
        const float filled = std::max(bar_h, inner * std::min(1.0f, std::max(0.0f, update.progress)));
        ctx.draw->AddRectFilled(ImVec2(x, y), ImVec2(x + filled, y + bar_h), c.primary, bar_h * 0.5f);
        y += bar_h + ctx.metrics().space_card;
        draw_text_centered(ctx.draw, regular, ImVec2(x, y), ImVec2(x + inner, y + regular->size * 1.4f), c.text,
                           update.percent);
        y += regular->size * 1.4f;
        draw_text_centered(ctx.draw, regular, ImVec2(x, y), ImVec2(x + inner, y + regular->size * 1.4f), c.text_muted,
                           ctx.t("update.please_wait"));
        return;
    }
    y += draw_wrappable(ctx, update.explanation[lang], regular, ImVec2(x, y), inner, c.text, 0, true) +
         ctx.metrics().space_item;
    if (technical) y += draw_wrappable(ctx, update.technical, small, ImVec2(x, y), inner, c.text_muted, 0, true);
    y += ctx.metrics().space_group;
    const std::string& ok = ctx.t("update.ok");
    const float bw = std::max(button_width(ctx, ok), ctx.metrics().wide_button_min_width);
    if (touch_button(ctx, "update.ok", ok, ImVec2(center.x - bw * 0.5f, y),
                     ImVec2(center.x + bw * 0.5f, y + ctx.theme.button_height()), ButtonStyle::Primary))
        update.shown_until = 0;  // dismissed; the phase stays for the state dump and the log
}

}  // namespace kiosk::ui
