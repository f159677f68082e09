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

constexpr int kMaxColumns = 5;
// A tile is at least this many ems of its name's font wide: columns follow the screen's
// width and the visitor's text size.
constexpr float kTileMinEms = 9.0f;

// The height a member tile needs: the emblem with the name beside it, the names in the other
// languages, and the year the state joined.
float member_tile_height(const UiContext& ctx) {
    const Metrics& m = ctx.metrics();
    const float small_line = ctx.font(FontRole::Small)->size * 1.3f;
    // The names in the other languages include Chinese but in a Chinese session.
    const float others_line = ctx.font(FontRole::Small, Lang::Zh)->size * 1.3f;
    const float content = m.pad_tile * 2 + std::max(m.emblem_size, ctx.font(FontRole::Medium)->size * 1.3f) +
                          m.space_tight + small_line + std::max(small_line, others_line) + m.space_nudge;
    return std::max(ctx.theme.min_target() * 1.5f, content);
}

// Returns true when the tile was tapped.
bool draw_member_tile(UiContext& ctx, const MemberState& member, bool selected, ImVec2 min, ImVec2 max) {
    const Palette& c = ctx.theme.colors;
    const Metrics& m = ctx.metrics();
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    const std::string& name = member.name.get(lang);
    TouchArea area = touch_area(ctx, {"members.state", member.code}, name, min, max);
    const float rounding = ctx.theme.corner();
    draw_card(ctx, min, max, area.pressed, selected ? c.accent_soft : c.surface);
    if (selected) ctx.draw->AddRect(min, max, c.accent, rounding, 0, m.line_bold);
    const float pad = m.pad_tile;
    const float inner = max.x - min.x - pad * 2;
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* small = ctx.font(FontRole::Small);
    const float emblem = m.emblem_size;
    const float first_row = std::max(emblem, medium->size * 1.3f);
    draw_member_emblem(ctx, member, ImVec2(min.x + pad, min.y + pad + (first_row - emblem) * 0.5f), emblem);
    const float name_x = min.x + pad + emblem + m.space_item;
    draw_wrapped(ctx.draw, ctx.text_cache, name, medium,
                 ImVec2(name_x, min.y + pad + (first_row - medium->size * 1.3f) * 0.5f), max.x - pad - name_x, c.text,
                 lc, 1);
    float y = min.y + pad + first_row + m.space_tight;
    // The name in the two other languages, so every visitor finds theirs.
    std::string others;
    for (Lang other : kAllLangs)
        if (other != lang) others += (others.empty() ? "" : "  ·  ") + member.name[other];
    // Set in the Chinese size when the line holds Chinese (every session but a Chinese one).
    const Font* others_font = lang == Lang::Zh ? small : ctx.font(FontRole::Small, Lang::Zh);
    y += draw_wrapped(ctx.draw, ctx.text_cache, others, others_font, ImVec2(min.x + pad, y), inner, c.text_muted, "zh", 1) +
         m.space_nudge;
    draw_wrapped(ctx.draw, ctx.text_cache, fill_count(ctx.t("members.since"), member.joined), small,
                 ImVec2(min.x + pad, y), inner, c.text_muted, lc, 1);
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

// The chosen state from `top` across [x, x + width]: its official name, since when, the source,
// and the documents. Returns the height used; `opened` is set when a document was tapped.
float draw_member_details(UiContext& ctx, const MemberState& member, float x, float top, float width,
                          const Document** opened) {
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
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
        const std::string& title = doc.info.card_title(lang);  // short: the status column shares the row
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
        if (area.clicked) *opened = &doc;
        y += height + ctx.metrics().target_gap;
    }
    return y - top;
}

}  // namespace

void open_members(UiState& state) {
    state.nav.push(Screen::Members);
    state.overview.member_selected = -1;
    state.overview.members_scroll.stop();
    state.overview.members_scroll.set_extent(0, 1);
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
    const float width = ctx.screen.x - margin * 2;
    // The whole page scrolls: on a small panel or with large text the tiles alone fill it.
    const ImVec2 area_min(0, theme.top_bar_height()), area_max(ctx.screen.x, ctx.screen.y);
    KineticScroll& scroll = overview.members_scroll;
    scroll_region(ctx, scroll, area_min, area_max);
    ctx.draw->PushClipRect(area_min, area_max, true);
    const float top = area_min.y + margin * 0.6f - scroll.offset();
    float y = top;
    y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("members.subheading"), ctx.font(FontRole::Regular),
                      ImVec2(margin, y), width, c.text_muted, lang_code(lang), 2);
    y += margin * 0.4f;

    const float gap = ctx.metrics().space_card;
    const int count = static_cast<int>(members.size());
    const int columns = grid_columns(width, ctx.font(FontRole::Medium)->size * kTileMinEms, gap, count, kMaxColumns);
    const float tile_w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float tile_h = member_tile_height(ctx);
    int tapped = -1;
    for (int i = 0; i < count; ++i) {
        const int row = i / columns, col = i % columns;
        const ImVec2 min(margin + static_cast<float>(col) * (tile_w + gap), y + static_cast<float>(row) * (tile_h + gap));
        if (min.y > area_max.y || min.y + tile_h < area_min.y) continue;
        if (draw_member_tile(ctx, members[static_cast<size_t>(i)], i == overview.member_selected, min,
                             ImVec2(min.x + tile_w, min.y + tile_h)))
            tapped = i;
    }
    const int rows = (count + columns - 1) / columns;
    y += static_cast<float>(rows) * (tile_h + gap) + ctx.metrics().space_tight;
    if (tapped >= 0) overview.member_selected = tapped;
    const float details_top = y - top;
    const Document* opened = nullptr;
    const int selected = overview.member_selected;
    if (selected >= 0 && selected < count) {
        y += draw_member_details(ctx, members[static_cast<size_t>(selected)], margin, y, width, &opened);
    } else {
        y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("members.pick"), ctx.font(FontRole::Regular),
                          ImVec2(margin, y), width, c.text_muted, lang_code(lang), 3);
    }
    ctx.draw->PopClipRect();
    const float content_height = y - top + margin * 0.6f;
    scroll.set_extent(content_height, area_max.y - area_min.y);
    // A state chosen further down brings its documents into view.
    if (tapped >= 0 && details_top > scroll.offset() + (area_max.y - area_min.y) * 0.5f)
        scroll.scroll_to(details_top - gap, true, ctx.now);
    scroll_indicator(ctx, scroll, area_min, area_max, content_height);
    if (opened) open_document(ctx.state, *opened);
}

}  // namespace kiosk::ui
