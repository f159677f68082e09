// The organizer panel, behind the organizer PIN: what content is active, how the kiosk is
// doing, restart / quit, and content updates from USB sticks (update_screen.cpp).
#include "core/utf8.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

// `text` if it fits `width`, else "…" and as much of its end as fits.
std::string fit_keeping_end(const Font* font, const std::string& text, float width) {
    if (text_size(font, text).x <= width) return text;
    const std::string ellipsis = "\xE2\x80\xA6";
    size_t start = 0;
    while (start < text.size()) {
        utf8::decode(text, start);
        if (text_size(font, ellipsis + text.substr(start)).x <= width) break;
    }
    return ellipsis + text.substr(start);
}

struct FactRow {
    const char* label_key;
    std::string value;
};

// A card of facts in two columns (label above value). Returns its height.
float draw_card(UiContext& ctx, const char* title_key, const FactRow* rows, size_t count, ImVec2 min, float width) {
    const Palette& c = ctx.theme.colors;
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* regular = ctx.font(FontRole::Regular);
    const Font* small = ctx.font(FontRole::Small);
    const float pad = ctx.metrics().pad_card_large, gap = ctx.metrics().space_card;
    const float row_h = small->size * 1.3f + regular->size * 1.5f;
    const size_t grid_rows = (count + 1) / 2;
    const float height = pad * 2 + medium->size * 1.6f + row_h * grid_rows;
    const float column_w = (width - pad * 2 - gap) * 0.5f;
    ImVec2 max(min.x + width, min.y + height);
    draw_card(ctx, min, max);
    draw_text(ctx.draw, medium, ImVec2(min.x + pad, min.y + pad), c.text, ctx.t(title_key));
    const float top = min.y + pad + medium->size * 1.6f;
    for (size_t i = 0; i < count; ++i) {
        const float x = min.x + pad + (i % 2) * (column_w + gap);
        const size_t row = i / 2;  // two facts a row
        float y = top + row * row_h;
        draw_text(ctx.draw, small, ImVec2(x, y), c.text_muted, ctx.t(rows[i].label_key));
        y += small->size * 1.3f;
        // Values change every second (uptime, memory): drawn directly, not through the text
        // cache. A value too long for its column (a path) keeps its end, after an ellipsis:
        // the file name matters more than the folders.
        draw_text(ctx.draw, regular, ImVec2(x, y), c.text, fit_keeping_end(regular, rows[i].value, column_w));
    }
    return height;
}

std::string format_uptime(double seconds) {
    long s = static_cast<long>(seconds);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    return buffer;
}

// "31 MB (peak 94 MB)" in the panel's language.
std::string format_mb(const UiContext& ctx, double current, double peak) {
    std::string text = ctx.t("admin.memory_value");
    for (const auto& [name, value] : {std::pair<const char*, double>{"{now}", current}, {"{peak}", peak}}) {
        const size_t at = text.find(name);
        if (at != std::string::npos)
            text.replace(at, std::char_traits<char>::length(name), std::to_string(std::lround(value)));
    }
    return text;
}

}  // namespace

void draw_admin_screen(UiContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    const Metrics& m = ctx.metrics();
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, c.background);
    if (draw_top_bar(ctx, ctx.t("admin.title"), true)) {
        ctx.state.nav.reset();  // the organizer is done: the library, for the next visitor
        return;
    }
    // One page that scrolls: the facts, the actions and every package on the sticks.
    KineticScroll& scroll = ctx.state.admin_scroll;
    const ImVec2 area_min(0, theme.top_bar_height()), area_max(ctx.screen.x, ctx.screen.y);
    scroll_region(ctx, scroll, area_min, area_max);
    ctx.draw->PushClipRect(area_min, area_max, true);
    const float margin = theme.margin();
    const float top = area_min.y + margin * 0.7f - scroll.offset();
    float y = top;

    // The status strings change every second; the panel is for organizers, not a hot path.
    const ContentInfo& info = ctx.content.info();
    const float gap = m.space_group;
    const float bh = theme.button_height();
    const std::string& restart = ctx.t("admin.restart");
    const std::string& quit = ctx.t("admin.quit");
    const std::string& stats = ctx.t("stats.open");
    const FactRow content_rows[] = {
        {"admin.content_version", std::to_string(info.content_version)},
        {"admin.built_at", info.built_at},
        {"admin.items",
         std::to_string(ctx.content.documents().size()) + " / " + std::to_string(ctx.content.lessons().size())},
        {"admin.content_path", ctx.content.path()},
    };
    const KioskStatus& status = ctx.state.status;
    const FactRow kiosk_rows[] = {
        {"admin.uptime", format_uptime(status.uptime_s)},
        {"admin.frames", std::to_string(status.frames_rendered)},
        {"admin.memory", format_mb(ctx, status.rss_mb, status.peak_rss_mb)},
        {"admin.data_dir", status.data_dir},
    };
    const float content_w = ctx.screen.x - margin * 2;
    struct Action {
        const char* id;
        const std::string& label;
        ButtonStyle style;
    };
    const Action actions[] = {{"admin.restart", restart, ButtonStyle::Primary},
                              {"admin.quit", quit, ButtonStyle::Secondary},
                              {"admin.stats", stats, ButtonStyle::Primary}};
    auto act = [&](int i, ImVec2 min, ImVec2 max) {
        if (!touch_button(ctx, actions[i].id, actions[i].label, min, max, actions[i].style)) return;
        if (i == 0) ctx.state.requests.restart = true;
        else if (i == 1) ctx.state.requests.quit = true;
        else open_stats(ctx.state);
    };
    if (ctx.layout().large()) {
        // Two cards of facts, the actions in a column beside them.
        float buttons_w = 0;
        for (const Action& action : actions) buttons_w = std::max(buttons_w, button_width(ctx, action.label));
        const float card_w = (content_w - gap * 2 - buttons_w) * 0.5f;
        const float h1 = draw_card(ctx, "admin.content", content_rows, 4, ImVec2(margin, y), card_w);
        const float h2 = draw_card(ctx, "admin.kiosk", kiosk_rows, 4, ImVec2(margin + card_w + gap, y), card_w);
        const float bx = ctx.screen.x - margin - buttons_w;
        for (int i = 0; i < 3; ++i) {
            const float by = y + (bh + m.space_list) * static_cast<float>(i);
            act(i, ImVec2(bx, by), ImVec2(bx + buttons_w, by + bh));
        }
        y += std::max(std::max(h1, h2), bh * 3 + m.space_list * 2) + margin * 0.6f;
    } else {
        // The actions in a row (as many rows as they need), then the cards: side by side on a
        // small landscape panel, one above the other in portrait.
        float bx = margin;
        for (int i = 0; i < 3; ++i) {
            const float w = std::min(content_w, button_width(ctx, actions[i].label));
            if (bx > margin && bx + w > margin + content_w) {
                bx = margin;
                y += bh + m.space_list;
            }
            act(i, ImVec2(bx, y), ImVec2(bx + w, y + bh));
            bx += w + m.space_list;
        }
        y += bh + gap;
        if (ctx.layout().portrait()) {
            y += draw_card(ctx, "admin.content", content_rows, 4, ImVec2(margin, y), content_w) + gap;
            y += draw_card(ctx, "admin.kiosk", kiosk_rows, 4, ImVec2(margin, y), content_w) + gap;
        } else {
            const float card_w = (content_w - gap) * 0.5f;
            const float h1 = draw_card(ctx, "admin.content", content_rows, 4, ImVec2(margin, y), card_w);
            const float h2 = draw_card(ctx, "admin.kiosk", kiosk_rows, 4, ImVec2(margin + card_w + gap, y), card_w);
            y += std::max(h1, h2) + gap;
        }
    }
    // The USB card reaches at least to the bottom of the screen, and further with many packages.
    y += draw_usb_update_card(ctx, ImVec2(margin, y), content_w, area_max.y - margin - y) + margin;
    ctx.draw->PopClipRect();
    const float content = y - top + margin * 0.7f;
    scroll.set_extent(content, area_max.y - area_min.y);
    scroll_indicator(ctx, scroll, area_min, area_max, content);
}

}  // namespace kiosk::ui
