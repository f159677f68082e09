// Member states: a tile per state (its flag colours as a drawn emblem, its name in the three
// languages, the year it joined); a tap lists the kiosk's documents and what each says about the
// state: named as a party, a text that names no states (with its note), or not named
// (db/explore/members.txt and the documents' corrected `parties` and `parties_note`).
#include "ui/overview_widgets.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr int kColumns = 5;

// Returns true when the tile was tapped.
bool draw_member_tile(UiContext& ctx, const MemberState& member, bool selected, ImVec2 min, ImVec2 max) {
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const std::string& name = member.name.get(lang);
    TouchArea area = touch_area(ctx, {"members.state", member.code}, name, min, max);
    const float rounding = ctx.theme.corner();
    draw_card(ctx, min, max, area.pressed, selected ? c.accent_soft : c.surface);
    if (selected) ctx.draw->AddRect(min, max, c.accent, rounding, 0, ctx.metrics().line_bold);
    const float pad = ctx.metrics().pad_tile;
    const float emblem = std::min(ctx.metrics().emblem_size, (max.y - min.y) * 0.36f);
    draw_member_emblem(ctx, member, ImVec2(min.x + pad, min.y + pad), emblem);
    const Font* small = ctx.font(FontRole::Small);
    const std::string since = fill_count(ctx.t("members.since"), member.joined);
    draw_wrapped(ctx.draw, ctx.text_cache, since, small,
                 ImVec2(min.x + pad * 1.5f + emblem, min.y + pad + emblem * 0.5f - small->size * 0.6f),
                 max.x - min.x - pad * 2.5f - emblem, c.text_muted, lang_code(lang), 1);
    const float inner = max.x - min.x - pad * 2;
    float y = min.y + pad + emblem + ctx.metrics().space_related;
    const Font* medium = ctx.font(FontRole::Medium);
    y += draw_wrapped(ctx.draw, ctx.text_cache, name, medium, ImVec2(min.x + pad, y), inner, c.text, lang_code(lang), 1);
    // The name in the two other languages, so every visitor finds theirs.
    std::string others;
    for (Lang other : kAllLangs)
        if (other != lang) others += (others.empty() ? "" : "  ·  ") + member.name[other];
    draw_wrapped(ctx.draw, ctx.text_cache, others, small, ImVec2(min.x + pad, y + ctx.metrics().space_nudge), inner,
                 c.text_muted, "zh", 1);
    return area.clicked;
}

// The translation key of the status line for what `doc` says about `member`.
const char* party_status_key(const Document& doc, const MemberState& member) {
    switch (party_status(doc.info, member.code)) {
        case PartyStatus::Party: return "members.party";
        case PartyStatus::NoStatesNamed: return "members.no_states";
        case PartyStatus::NotNamed: return "members.not_named";
    }
    return "members.not_named";
}

// The chosen state: its official name, since when, the source, and the documents.
void draw_member_details(UiContext& ctx, const MemberState& member, ImVec2 min, ImVec2 max) {
    OverviewState& overview = ctx.state.overview;
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    scroll_region(ctx, overview.members_scroll, min, max);
    ctx.draw->PushClipRect(min, max, true);
    const float margin = ctx.theme.margin();
    const float x = min.x + margin, width = max.x - min.x - margin * 2;
    const float top = min.y - overview.members_scroll.offset();
    float y = top;
    const Font* small = ctx.font(FontRole::Small);
    const Font* regular = ctx.font(FontRole::Regular);
    y += draw_wrapped(ctx.draw, ctx.text_cache, member.full_name.get(lang), ctx.font(FontRole::Medium), ImVec2(x, y),
                      width, c.text, lc);
    y += ctx.metrics().space_nudge;
    y += draw_source_line(ctx, member.source, ImVec2(x, y), width);
    y += ctx.metrics().space_related;
    const auto& documents = ctx.content.documents();
    const float status_w = std::min(width * 0.36f, ctx.metrics().status_column_max_width);
    for (size_t i = 0; i < documents.size(); ++i) {
        const Document& doc = documents[i];
        const std::string& title = doc.info.title.get(lang);
        const char* status_key = party_status_key(doc, member);
        const bool party = party_status(doc.info, member.code) == PartyStatus::Party;
        const std::string& note = party ? std::string() : doc.info.parties_note.get(lang);
        const float pad = ctx.metrics().pad_row;
        const float text_w = width - status_w - pad * 3;
        const WrappedText& wrapped_title = ctx.text_cache.wrap(title, regular, text_w, lc);
        const float title_h = wrapped_title.line_height * std::min<size_t>(2, wrapped_title.lines.size());
        const float note_h = note.empty() ? 0 : ctx.text_cache.wrap(note, small, status_w, lc).height();
        const float height = std::max({ctx.theme.min_target() * 1.4f, small->size * 1.6f + title_h + pad * 2,
                                       small->size * 1.5f + note_h + pad * 2});
        const ImVec2 row_min(x, y), row_max(x + width, y + height);
        TouchArea area = touch_area(ctx, {"members.document", doc.info.id}, title, row_min, row_max);
        ctx.draw->AddRectFilled(row_min, row_max, area.pressed ? c.surface_alt : c.surface, ctx.metrics().radius_item);
        ctx.draw->AddRectFilled(row_min, ImVec2(row_min.x + ctx.metrics().accent_strip, row_max.y),
                                ctx.theme.document_type_color(doc.info.type), ctx.metrics().radius_item,
                                ImDrawFlags_RoundCornersLeft);
        float ty = y + pad;
        draw_text(ctx.draw, small, ImVec2(x + pad * 1.5f, ty), c.text_muted,
                  ctx.strings.documents[i].date[static_cast<int>(lang)]);
        ty += small->size * 1.45f;
        draw_wrapped(ctx.draw, ctx.text_cache, title, regular, ImVec2(x + pad * 1.5f, ty), text_w, c.text, lc, 2);
        const float sx = row_max.x - status_w - pad;
        draw_wrapped(ctx.draw, ctx.text_cache, ctx.t(status_key), small, ImVec2(sx, y + pad), status_w,
                     party ? c.success : c.text_muted, lc, 1);
        if (!note.empty())
            draw_wrapped(ctx.draw, ctx.text_cache, note, small, ImVec2(sx, y + pad + small->size * 1.45f), status_w,
                         c.text_muted, lc);
        if (area.clicked) {
            ctx.draw->PopClipRect();
            open_document(ctx.state, doc);
            return;
        }
        y += height + ctx.metrics().space_related;
    }
    ctx.draw->PopClipRect();
    overview.members_scroll.set_extent(y - top, max.y - min.y);
    scroll_indicator(ctx, overview.members_scroll, min, max, y - top);
}

}  // namespace

void open_members(UiState& state) {
    state.nav.push(Screen::Members);
    state.overview.member_selected = -1;
}

bool has_members(const ContentStore& content) { return !content.overview().members.empty(); }

void draw_members_screen(UiContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    OverviewState& overview = ctx.state.overview;
    if (!draw_overview_frame(ctx, "members.title")) return;
    const auto& members = ctx.content.overview().members;
    const Lang lang = ctx.state.language;
    const float margin = theme.margin();
    float y = theme.top_bar_height() + margin * 0.6f;
    y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("members.subheading"), ctx.font(FontRole::Regular),
                      ImVec2(margin, y), ctx.screen.x - margin * 2, c.text_muted, lang_code(lang), 2);
    y += margin * 0.4f;

    const float gap = ctx.metrics().space_card;
    const float tile_w = (ctx.screen.x - margin * 2 - gap * (kColumns - 1)) / kColumns;
    const float tile_h = std::max(theme.min_target() * 2.5f, ctx.metrics().member_tile_min_height);
    int tapped = -1;
    for (size_t i = 0; i < members.size(); ++i) {
        const int row = static_cast<int>(i) / kColumns, col = static_cast<int>(i) % kColumns;
        const ImVec2 min(margin + col * (tile_w + gap), y + row * (tile_h + gap));
        if (draw_member_tile(ctx, members[i], static_cast<int>(i) == overview.member_selected, min,
                             ImVec2(min.x + tile_w, min.y + tile_h)))
            tapped = static_cast<int>(i);
    }
    const int rows = (static_cast<int>(members.size()) + kColumns - 1) / kColumns;
    y += rows * (tile_h + gap) + ctx.metrics().space_tight;
    if (tapped >= 0) {
        overview.member_selected = tapped;
        overview.members_scroll.stop();
        overview.members_scroll.scroll_to(0, false, ctx.now);
    }
    const int selected = overview.member_selected;
    if (selected >= 0 && selected < static_cast<int>(members.size())) {
        draw_member_details(ctx, members[selected], ImVec2(0, y), ImVec2(ctx.screen.x, ctx.screen.y - margin * 0.3f));
    } else {
        draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("members.pick"), ctx.font(FontRole::Regular), ImVec2(margin, y),
                     ctx.screen.x - margin * 2, c.text_muted, lang_code(lang), 3);
    }
}

}  // namespace kiosk::ui
