// The organizer panel, behind the organizer PIN: what content is active, how the kiosk is
// doing, restart / quit, and content updates from USB sticks (update_screen.cpp).
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cstdio>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

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
        // Values change every second (uptime, memory): draw them clipped, never through the
        // text cache, which is only for text that outlives it. A value too long for its column
        // (a path) keeps its end in view: the file name matters more than the folders.
        const float value_w = text_size(regular, rows[i].value).x;
        const float value_x = value_w > column_w ? x + column_w - value_w : x;
        ctx.draw->PushClipRect(ImVec2(x, y), ImVec2(x + column_w, y + regular->size * 1.5f), true);
        draw_text(ctx.draw, regular, ImVec2(value_x, y), c.text, rows[i].value);
        ctx.draw->PopClipRect();
    }
    return height;
}

std::string format_uptime(double seconds) {
    long s = static_cast<long>(seconds);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    return buffer;
}

std::string format_mb(double current, double peak) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.0f MB (peak %.0f MB)", current, peak);
    return buffer;
}

}  // namespace

void draw_admin_screen(UiContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, c.background);
    if (draw_top_bar(ctx, ctx.t("admin.title"), true)) {
        ctx.state.nav.reset();  // the organizer is done: the library, for the next visitor
        return;
    }
    const float margin = theme.margin();
    float y = theme.top_bar_height() + margin * 0.7f;

    // The status strings change every second; the panel is for organizers, not a hot path.
    const ContentInfo& info = ctx.content.info();
    const float gap = ctx.metrics().space_group;
    const float bh = theme.button_height();
    const std::string& restart = ctx.t("admin.restart");
    const std::string& quit = ctx.t("admin.quit");
    const std::string& stats = ctx.t("stats.open");
    const float buttons_w =
        std::max(std::max(button_width(ctx, restart), button_width(ctx, quit)), button_width(ctx, stats));
    const float card_w = (ctx.screen.x - margin * 2 - gap * 2 - buttons_w) * 0.5f;
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
        {"admin.memory", format_mb(status.rss_mb, status.peak_rss_mb)},
        {"admin.data_dir", status.data_dir},
    };
    float h1 = draw_card(ctx, "admin.content", content_rows, 4, ImVec2(margin, y), card_w);
    float h2 = draw_card(ctx, "admin.kiosk", kiosk_rows, 4, ImVec2(margin + card_w + gap, y), card_w);
    const float bx = ctx.screen.x - margin - buttons_w;
    if (touch_button(ctx, "admin.restart", restart, ImVec2(bx, y), ImVec2(bx + buttons_w, y + bh), ButtonStyle::Primary))
        ctx.state.requests.restart = true;
    if (touch_button(ctx, "admin.quit", quit, ImVec2(bx, y + bh + ctx.metrics().space_list),
                     ImVec2(bx + buttons_w, y + bh * 2 + ctx.metrics().space_list), ButtonStyle::Secondary))
        ctx.state.requests.quit = true;
    const float stats_y = y + (bh + ctx.metrics().space_list) * 2;
    if (touch_button(ctx, "admin.stats", stats, ImVec2(bx, stats_y), ImVec2(bx + buttons_w, stats_y + bh), ButtonStyle::Primary))
        open_stats(ctx.state);
    y += std::max(std::max(h1, h2), bh * 3 + ctx.metrics().space_section) + margin * 0.6f;
    draw_usb_update_card(ctx, ImVec2(margin, y), ImVec2(ctx.screen.x - margin, ctx.screen.y - margin));
}

}  // namespace kiosk::ui
