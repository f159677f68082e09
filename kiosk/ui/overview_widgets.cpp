#include "ui/overview_widgets.h"

#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr int kQuietZoneModules = 4;  // the light margin the QR standard asks for

const QrMatrix* qr_matrix(UiState& state, const std::string& url) {
    for (const auto& [address, matrix] : state.overview.qr_codes)
        if (address == url) return matrix.size > 0 ? &matrix : nullptr;
    QrMatrix matrix;
    encode_qr(url, &matrix);  // content was checked at build time; a failure draws nothing
    state.overview.qr_codes.emplace_back(url, std::move(matrix));
    const QrMatrix& stored = state.overview.qr_codes.back().second;
    return stored.size > 0 ? &stored : nullptr;
}

ImU32 rgb(uint32_t color) { return IM_COL32((color >> 16) & 0xFF, (color >> 8) & 0xFF, color & 0xFF, 255); }

}  // namespace

int grid_columns(float width, float min_width, float gap, int count, int max_columns) {
    const int fit = static_cast<int>((width + gap) / std::max(1.0f, min_width + gap));
    const int columns = std::clamp(fit, 1, std::max(1, std::min(count, max_columns)));
    const int rows = (count + columns - 1) / columns;
    return (count + rows - 1) / rows;
}

bool draw_overview_frame(UiContext& ctx, const char* title_key) {
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, ctx.theme.colors.background);
    if (!draw_top_bar(ctx, ctx.t(title_key), true)) return true;
    ctx.state.nav.pop();
    return false;
}

float draw_qr_code(UiContext& ctx, const std::string& url, ImVec2 min, float size) {
    const QrMatrix* qr = qr_matrix(ctx.state, url);
    if (!qr) return 0;
    const int modules = qr->size + kQuietZoneModules * 2;
    const float module = std::max(2.0f, std::floor(size / static_cast<float>(modules)));
    const float side = module * static_cast<float>(modules);
    min = ImVec2(std::round(min.x), std::round(min.y));
    // Always dark on white, in high contrast too: phone cameras expect it.
    ctx.draw->AddRectFilled(min, ImVec2(min.x + side, min.y + side), IM_COL32(255, 255, 255, 255));
    const ImU32 dark = IM_COL32(0, 0, 0, 255);
    for (int y = 0; y < qr->size; ++y) {
        int x = 0;
        while (x < qr->size) {
            if (!qr->at(x, y)) {
                ++x;
                continue;
            }
            int run = x;
            while (run < qr->size && qr->at(run, y)) ++run;  // one rectangle per run of dark modules
            const float left = min.x + module * static_cast<float>(x + kQuietZoneModules);
            const float top = min.y + module * static_cast<float>(y + kQuietZoneModules);
            ctx.draw->AddRectFilled(ImVec2(left, top),
                                    ImVec2(left + module * static_cast<float>(run - x), top + module), dark);
            x = run;
        }
    }
    return side;
}

float draw_qr_block(UiContext& ctx, const std::string& url, const std::string& caption, ImVec2 min, float width,
                    float qr_size) {
    if (url.empty()) return 0;
    const Palette& c = ctx.theme.colors;
    const Font* small = ctx.font(FontRole::Small);
    const char* lc = lang_code(ctx.state.language);
    float y = min.y;
    y += draw_wrapped(ctx.draw, ctx.text_cache, caption, small, ImVec2(min.x, y), width, c.text, lc, 3);
    y += ctx.metrics().space_related;
    const float side = draw_qr_code(ctx, url, ImVec2(min.x, y), std::min(qr_size, width));
    if (side <= 0) return 0;
    y += side + ctx.metrics().space_tight;
    y += draw_wrapped(ctx.draw, ctx.text_cache, url, small, ImVec2(min.x, y), width, c.text_muted, "en", 2);
    return y - min.y;
}

void draw_qr_panel(UiContext& ctx, const std::string& url, const std::string& caption, ImVec2 min, ImVec2 max) {
    if (url.empty()) return;
    const Palette& c = ctx.theme.colors;
    ctx.draw->AddRectFilled(min, max, c.surface);
    ctx.draw->AddLine(min, ImVec2(max.x, min.y), c.border, ctx.metrics().line_thin);
    const float pad = ctx.metrics().pad_tile;
    const float side = draw_qr_code(ctx, url, ImVec2(min.x + pad, min.y + pad), max.y - min.y - pad * 2);
    const float x = min.x + pad * 2 + side;
    const float width = max.x - x - pad;
    const Font* small = ctx.font(FontRole::Small);
    float y = min.y + pad;
    y += draw_wrapped(ctx.draw, ctx.text_cache, caption, small, ImVec2(x, y), width, c.text,
                      lang_code(ctx.state.language), 4);
    y += ctx.metrics().space_tight;
    const int url_lines = static_cast<int>((max.y - pad - y) / (small->size * 1.3f));
    if (url_lines >= 1)
        draw_wrapped(ctx.draw, ctx.text_cache, url, small, ImVec2(x, y), width, c.text_muted, "en", url_lines);
}

void draw_member_emblem(UiContext& ctx, const MemberState& member, ImVec2 min, float size) {
    const ImVec2 max(min.x + size, min.y + size);
    const float rounding = size * 0.18f;
    const size_t bands = std::max<size_t>(member.colors.size(), 1);
    const float band = size / static_cast<float>(bands);
    for (size_t i = 0; i < member.colors.size(); ++i) {
        ImDrawFlags flags = ImDrawFlags_RoundCornersNone;
        if (i == 0) flags |= ImDrawFlags_RoundCornersTop;
        if (i + 1 == member.colors.size()) flags |= ImDrawFlags_RoundCornersBottom;
        const float top = min.y + band * static_cast<float>(i);
        ctx.draw->AddRectFilled(ImVec2(min.x, top), ImVec2(max.x, i + 1 == member.colors.size() ? max.y : top + band),
                                rgb(member.colors[i]), rounding, flags);
    }
    // A thin outline keeps white bands visible on white cards.
    ctx.draw->AddRect(min, max, ctx.theme.colors.border, rounding, 0, ctx.metrics().line_thin);
}

float draw_source_line(UiContext& ctx, const LocalizedText& source, ImVec2 pos, float width) {
    const std::string& text = source.get(ctx.state.language);
    if (text.empty()) return 0;
    const std::string line = ctx.t("explore.source") + ctx.t("label.separator") + text;
    return draw_wrapped(ctx.draw, ctx.text_cache, line, ctx.font(FontRole::Small), pos, width,
                        ctx.theme.colors.text_muted, lang_code(ctx.state.language));
}

bool draw_mention_link(UiContext& ctx, const Document& doc, ImVec2 min, ImVec2 max) {
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const std::string label = ctx.t("explore.open_passage") + (lang == Lang::Zh ? "" : " ") + doc.info.title.get(lang);
    TouchArea area = touch_area(ctx, {"explore.passage", doc.info.id}, label, min, max);
    ctx.draw->AddRectFilled(min, max, area.pressed ? c.pressed_overlay : c.accent_soft, ctx.metrics().radius_item);
    const float pad = ctx.metrics().pad_row;
    const Font* small = ctx.font(FontRole::Small);
    const WrappedText& wrapped = ctx.text_cache.wrap(label, small, max.x - min.x - pad * 2, lang_code(lang));
    const float text_h = wrapped.line_height * static_cast<float>(std::min<size_t>(2, wrapped.lines.size()));
    draw_wrapped(ctx.draw, ctx.text_cache, label, small, ImVec2(min.x + pad, min.y + (max.y - min.y - text_h) * 0.5f),
                 max.x - min.x - pad * 2, c.primary, lang_code(lang), 2);
    return area.clicked;
}

float mention_link_height(const UiContext& ctx) {
    const float two_lines = ctx.font(FontRole::Small)->size * 1.3f * 2 + ctx.metrics().space_related;
    return std::max({ctx.theme.min_target() * 1.3f, ctx.metrics().mention_link_height, two_lines});
}

const MemberState* find_member(const ContentStore& content, const std::string& code) {
    for (const MemberState& member : content.overview().members)
        if (member.code == code) return &member;
    return nullptr;
}

}  // namespace kiosk::ui
