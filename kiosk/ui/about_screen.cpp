// About the SCO: what the Organisation is, its bodies and languages, each fact with its source
// and a link to the bundled passage that says it; beside them the member states with the year
// each joined, and the SCO website as a QR code. Everything comes from db/explore/about.txt and
// members.txt.
#include "ui/overview_widgets.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

// One fact: label, text, source and the passages that say it. Returns the height used.
float draw_fact(UiContext& ctx, const AboutFact& fact, float x, float y, float width) {
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    const float top = y;
    y += draw_wrapped(ctx.draw, ctx.text_cache, fact.label.get(lang), ctx.font(FontRole::Medium), ImVec2(x, y), width,
                      c.primary, lc);
    y += ctx.metrics().space_tight;
    y += draw_wrapped(ctx.draw, ctx.text_cache, fact.text.get(lang), ctx.font(FontRole::Regular), ImVec2(x, y), width,
                      c.text, lc);
    y += ctx.metrics().space_tight;
    y += draw_source_line(ctx, fact.source, ImVec2(x, y), width);
    for (const OverviewMention& mention : fact.mentions) {
        const Document* doc = ctx.content.find_document(mention.document);
        if (!doc) continue;
        y += ctx.metrics().space_related;
        const float height = mention_link_height(ctx);
        if (draw_mention_link(ctx, *doc, ImVec2(x, y),
                              ImVec2(x + std::min(width, ctx.metrics().mention_link_max_width), y + height))) {
            open_passage(ctx.state, *doc, mention.block - 1);
            return 0;
        }
        y += height;
    }
    return y - top;
}

// The member states with the year each joined; returns the height used.
float draw_member_years(UiContext& ctx, float x, float y, float width) {
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    const float top = y;
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* regular = ctx.font(FontRole::Regular);
    y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("about.members"), medium, ImVec2(x, y), width, c.primary, lc);
    y += ctx.metrics().space_related;
    const float row = std::max(regular->size * 1.7f, ctx.metrics().list_row_min_height);
    const float emblem = row * 0.62f;
    for (const MemberState& member : ctx.content.overview().members) {
        draw_member_emblem(ctx, member, ImVec2(x, y + (row - emblem) * 0.5f), emblem);
        const std::string year = std::to_string(member.joined);
        const float year_w = text_size(regular, year).x;
        const float text_y = y + (row - regular->size * 1.2f) * 0.5f;
        draw_wrapped(ctx.draw, ctx.text_cache, member.name.get(lang), regular,
                     ImVec2(x + emblem + ctx.metrics().space_item, text_y),
                     width - emblem - ctx.metrics().space_group - year_w, c.text, lc, 1);
        draw_text(ctx.draw, regular, ImVec2(x + width - year_w, text_y), c.text_muted, year);
        y += row;
    }
    return y - top;
}

}  // namespace

void open_about(UiState& state) {
    state.nav.push(Screen::About);
    state.overview.about_scroll.stop();
    state.overview.about_scroll.scroll_to(0, false, 0);
}

bool has_about(const ContentStore& content) { return !content.overview().about.facts.empty(); }

void draw_about_screen(UiContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    OverviewState& overview = ctx.state.overview;
    if (!draw_overview_frame(ctx, "about.title")) return;
    const AboutPage& about = ctx.content.overview().about;
    const float margin = theme.margin();
    const ImVec2 area_min(0, theme.top_bar_height()), area_max(ctx.screen.x, ctx.screen.y);
    // On a large landscape screen the facts are on the left and the member states and the QR
    // code in a side column; on a small panel or in portrait that panel follows the facts, full
    // width. Everything scrolls together.
    const bool side_column = ctx.layout().large();
    const float full_width = ctx.screen.x - margin * 2;
    const float side_width = side_column ? std::min(ctx.metrics().sidebar_max_width, ctx.screen.x * 0.34f) : full_width;
    const float side_x = ctx.screen.x - margin - side_width;
    const float main_width = side_column ? side_x - margin * 2 : full_width;
    scroll_region(ctx, overview.about_scroll, area_min, area_max);
    ctx.draw->PushClipRect(area_min, area_max, true);
    const float top = area_min.y + margin * 0.7f - overview.about_scroll.offset();
    float y = top;
    const Font* title = ctx.font(FontRole::Title);
    y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("about.heading"), title, ImVec2(margin, y), main_width, c.text,
                      lang_code(ctx.state.language));
    y += ctx.metrics().space_list;
    for (const AboutFact& fact : about.facts) {
        const float used = draw_fact(ctx, fact, margin, y, main_width);
        if (ctx.state.screen() != Screen::About) {  // a passage link was tapped
            ctx.draw->PopClipRect();
            return;
        }
        y += used + ctx.metrics().space_block;
    }
    const float main_height = y - top;

    const float side_y = side_column ? top : y;
    const float pad = ctx.metrics().pad_card_large;
    const float inner = side_width - pad * 2;
    float side_content = pad;
    const float qr = draw_qr_block(ctx, about.url, ctx.t("about.qr"), ImVec2(side_x + pad, side_y + side_content),
                                   inner, std::min(inner, ctx.metrics().qr_code_max_size));
    if (qr > 0) side_content += qr + ctx.metrics().space_block;
    side_content += draw_member_years(ctx, side_x + pad, side_y + side_content, inner) + pad;
    // An outline, not a fill: it is drawn after its contents, whose height it needs.
    ctx.draw->AddRect(ImVec2(side_x, side_y), ImVec2(side_x + side_width, side_y + side_content), c.border,
                      theme.corner(), 0, ctx.metrics().line_thin);
    ctx.draw->PopClipRect();
    const float content = (side_column ? std::max(main_height, side_content) : main_height + side_content) + margin;
    overview.about_scroll.set_extent(content, area_max.y - area_min.y);
    scroll_indicator(ctx, overview.about_scroll, area_min, area_max, content);
}

}  // namespace kiosk::ui
