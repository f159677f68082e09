// Timeline: SCO acts from the founding declaration to the newest bundled document, on a line a
// visitor drags sideways (in portrait, up and down). The kiosk's own documents open with a tap; the acts they refer to are
// marked as not in the kiosk, and a tap shows their date, place, issuer and the bundled
// passages that mention them (db/explore/timeline.txt).
#include "ui/overview_widgets.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

struct TimelineGeometry {
    float card_w, card_h, gap;
};

// Cards as wide and tall as their text needs at the visitor's text size: the year, date and
// place, a title of up to kTitleLines lines and the "Read" or "Not in this kiosk" line.
constexpr int kTitleLines = 5;
constexpr float kCardMinEms = 11.0f;

// `lines`: the title lines a card keeps room for (0: as the screen class wants).
TimelineGeometry timeline_geometry(const UiContext& ctx, int lines = 0) {
    const Metrics& m = ctx.metrics();
    const Font* regular = ctx.font(FontRole::Regular);
    const Font* small = ctx.font(FontRole::Small);
    if (lines <= 0) lines = ctx.layout().small() ? kTitleLines - 1 : kTitleLines;
    const float needed = m.pad_card * 1.8f + ctx.font(FontRole::Title)->size * 1.15f + small->size * 1.6f +
                         regular->size * 1.3f * static_cast<float>(lines) + m.space_tight +
                         std::max(regular->size, small->size + m.pad_chip_y * 2) * 1.2f;
    return {std::max(m.timeline_card_width, regular->size * kCardMinEms), std::max(m.timeline_card_height, needed),
            m.space_block};
}

// Returns true when the card was tapped.
bool draw_event_card(UiContext& ctx, const TimelineEntry& entry, const Document* doc, const std::string& date,
                     bool selected, ImVec2 min, ImVec2 max) {
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    const std::string& title = doc ? doc->info.title.get(lang) : entry.title.get(lang);
    TouchArea area = touch_area(ctx, {"timeline.entry", entry.id}, title, min, max);
    const float rounding = ctx.theme.corner();
    draw_card(ctx, min, max, area.pressed, doc ? c.surface : c.background);
    const ImU32 band = doc ? ctx.theme.document_type_color(doc->info.type) : c.border;
    ctx.draw->AddRectFilled(min, ImVec2(max.x, min.y + ctx.metrics().card_band), band, rounding, ImDrawFlags_RoundCornersTop);
    if (selected) ctx.draw->AddRect(min, max, c.accent, rounding, 0, ctx.metrics().line_bold);
    else if (!doc) ctx.draw->AddRect(min, max, c.border, rounding, 0, ctx.metrics().line_thin);

    const float pad = ctx.metrics().pad_card;
    const float inner = max.x - min.x - pad * 2;
    float y = min.y + pad;
    const Font* title_font = ctx.font(FontRole::Title);
    draw_text(ctx.draw, title_font, ImVec2(min.x + pad, y), doc ? c.primary : c.text_muted, entry.date.substr(0, 4));
    y += title_font->size * 1.15f;
    const Font* small = ctx.font(FontRole::Small);
    const std::string& place = doc ? doc->info.place.get(lang) : entry.place.get(lang);
    draw_wrapped(ctx.draw, ctx.text_cache, date + "  ·  " + place, small, ImVec2(min.x + pad, y), inner, c.text_muted, lc, 1);
    y += small->size * 1.6f;
    const Font* regular = ctx.font(FontRole::Regular);
    const float footer_y = max.y - pad * 0.8f - small->size * 1.2f;
    const float line = ctx.text_cache.wrap(title, regular, inner, lc).line_height;
    const int lines = std::clamp(static_cast<int>((footer_y - y - ctx.metrics().space_tight) / line), 1, 5);
    draw_wrapped(ctx.draw, ctx.text_cache, title, regular, ImVec2(min.x + pad, y), inner, c.text, lc, lines);
    if (doc) {
        draw_text(ctx.draw, ctx.font(FontRole::Regular), ImVec2(min.x + pad, footer_y - ctx.metrics().space_nudge),
                  c.accent, ctx.t("home.read"));
    } else {
        draw_chip(ctx, ImVec2(min.x + pad, footer_y - ctx.metrics().space_nudge), ctx.t("timeline.not_bundled"),
                  c.surface_alt, c.text_muted);
    }
    return area.clicked;
}

// The chosen act that is not bundled: what it is and the passages that mention it.
void draw_event_details(UiContext& ctx, const TimelineEntry& entry, const std::string& date, ImVec2 min, ImVec2 max) {
    OverviewState& overview = ctx.state.overview;
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    scroll_region(ctx, overview.timeline_detail_scroll, min, max);
    ctx.draw->PushClipRect(min, max, true);
    const float margin = ctx.theme.margin();
    const float width = max.x - min.x - margin * 2;
    const float x = min.x + margin;
    const float top = min.y - overview.timeline_detail_scroll.offset();
    float y = top;
    y += draw_wrapped(ctx.draw, ctx.text_cache, entry.title.get(lang), ctx.font(FontRole::Medium), ImVec2(x, y), width,
                      c.text, lc);
    y += ctx.metrics().space_tight;
    const Font* small = ctx.font(FontRole::Small);
    // The issuer plainly, not as "Adopted by": an entry may be a meeting rather than an act.
    const std::string facts = date + "  ·  " + entry.place.get(lang) + "  ·  " + entry.issuer.get(lang);
    y += draw_wrapped(ctx.draw, ctx.text_cache, facts, small, ImVec2(x, y), width, c.text_muted, lc);
    y += ctx.metrics().space_tight;
    y += draw_source_line(ctx, entry.source, ImVec2(x, y), width);
    if (!entry.mentions.empty()) {
        y += ctx.metrics().space_related;
        y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("timeline.mentioned_in"), small, ImVec2(x, y), width,
                          c.primary, lc);
        y += ctx.metrics().space_tight;
    }
    const float link_h = mention_link_height(ctx);
    for (const OverviewMention& mention : entry.mentions) {
        const Document* doc = ctx.content.find_document(mention.document);
        if (!doc) continue;
        const Block& block = doc->blocks[mention.block - 1];
        const Lang text_lang = block.translation[lang].empty() ? Lang::Ru : lang;
        // Quoted as each language quotes: «…» in Russian, “…” in Chinese and English.
        const bool guillemets = text_lang == Lang::Ru;
        const std::string quoted = (guillemets ? "«" : "“") + block.text_in(lang) + (guillemets ? "»" : "”");
        y += draw_wrapped(ctx.draw, ctx.text_cache, quoted, ctx.font(FontRole::Regular), ImVec2(x, y), width, c.text,
                          lang_code(text_lang), 3);
        y += ctx.metrics().space_tight;
        if (draw_mention_link(ctx, *doc, ImVec2(x, y),
                              ImVec2(x + std::min(width, ctx.metrics().mention_link_max_width), y + link_h))) {
            ctx.draw->PopClipRect();
            open_passage(ctx.state, *doc, mention.block - 1);
            return;
        }
        y += link_h + ctx.metrics().space_item;
    }
    ctx.draw->PopClipRect();
    overview.timeline_detail_scroll.set_extent(y - top, max.y - min.y);
    scroll_indicator(ctx, overview.timeline_detail_scroll, min, max, y - top);
}

// A tapped card: a bundled document opens in the reader (true), another act shows its details.
bool open_tapped(UiContext& ctx, int tapped) {
    OverviewState& overview = ctx.state.overview;
    const TimelineEntry& entry = ctx.content.overview().timeline[tapped];
    if (const Document* doc = entry.bundled() ? ctx.content.find_document(entry.document) : nullptr) {
        open_document(ctx.state, *doc);
        return true;
    }
    overview.timeline_selected = tapped;
    overview.timeline_detail_scroll.stop();
    overview.timeline_detail_scroll.scroll_to(0, false, ctx.now);
    return false;
}

// Portrait: the line runs down the screen, the cards beside it as wide as the screen allows,
// dragged up and down; a chosen act's details take the lower part of the screen.
void draw_timeline_portrait(UiContext& ctx, float top) {
    const Palette& c = ctx.theme.colors;
    OverviewState& overview = ctx.state.overview;
    const auto& timeline = ctx.content.overview().timeline;
    const Lang lang = ctx.state.language;
    const float margin = ctx.theme.margin();
    const int selected = overview.timeline_selected;
    const bool details = selected >= 0 && selected < static_cast<int>(timeline.size()) && !timeline[selected].bundled();
    const float list_bottom = details ? top + (ctx.screen.y - top) * 0.5f : ctx.screen.y - margin * 0.4f;
    const ImVec2 list_min(0, top), list_max(ctx.screen.x, list_bottom);
    const TimelineGeometry g = timeline_geometry(ctx, 3);
    const float dot = ctx.metrics().timeline_dot_radius;
    const float axis_x = margin + dot;
    const float card_x = axis_x + dot + ctx.metrics().space_card;
    const float card_w = ctx.screen.x - margin - card_x;
    const float step = g.card_h + g.gap;
    const float content_h = timeline.empty() ? 0 : static_cast<float>(timeline.size()) * step - g.gap;
    const float view_h = list_max.y - list_min.y;
    overview.timeline_scroll.set_extent(content_h, view_h);
    if (overview.timeline_focus && selected >= 0) {
        // Opened at an entry (a link in a passage): that card in the middle of the list.
        const float wanted = static_cast<float>(selected) * step - (view_h - g.card_h) * 0.5f;
        overview.timeline_scroll.scroll_to(std::clamp(wanted, 0.0f, std::max(0.0f, content_h - view_h)), false, ctx.now);
    }
    overview.timeline_focus = false;
    scroll_region(ctx, overview.timeline_scroll, list_min, list_max);
    ctx.draw->PushClipRect(list_min, list_max, true);
    const float first = list_min.y - overview.timeline_scroll.offset();
    if (!timeline.empty())
        ctx.draw->AddLine(ImVec2(axis_x, first + g.card_h * 0.5f), ImVec2(axis_x, first + content_h - g.card_h * 0.5f),
                          c.border, ctx.metrics().line_bold);
    int tapped = -1;
    for (size_t i = 0; i < timeline.size(); ++i) {
        const float y = first + static_cast<float>(i) * step;
        const Document* doc = timeline[i].bundled() ? ctx.content.find_document(timeline[i].document) : nullptr;
        ctx.draw->AddCircleFilled(ImVec2(axis_x, y + g.card_h * 0.5f), dot, doc ? c.primary : c.text_muted);
        if (y + g.card_h < list_min.y || y > list_max.y) continue;
        const std::string& date = ctx.strings.timeline_dates[i][static_cast<int>(lang)];
        if (draw_event_card(ctx, timeline[i], doc, date, static_cast<int>(i) == selected, ImVec2(card_x, y),
                            ImVec2(card_x + card_w, y + g.card_h)))
            tapped = static_cast<int>(i);
    }
    ctx.draw->PopClipRect();
    scroll_indicator(ctx, overview.timeline_scroll, list_min, list_max, content_h);
    if (tapped >= 0 && open_tapped(ctx, tapped)) return;
    const int shown = overview.timeline_selected;
    if (shown >= 0 && shown < static_cast<int>(timeline.size()) && !timeline[shown].bundled())
        draw_event_details(ctx, timeline[shown], ctx.strings.timeline_dates[shown][static_cast<int>(lang)],
                           ImVec2(0, list_max.y + ctx.metrics().space_item),
                           ImVec2(ctx.screen.x, ctx.screen.y - margin * 0.4f));
}

}  // namespace

void open_timeline(UiState& state) {
    state.nav.push(Screen::Timeline);
    state.overview.timeline_selected = -1;
}

bool open_timeline_entry(UiState& state, const ContentStore& content, const std::string& id) {
    const auto& timeline = content.overview().timeline;
    for (size_t i = 0; i < timeline.size(); ++i) {
        if (timeline[i].id != id) continue;
        state.nav.push(Screen::Timeline);
        state.overview.timeline_selected = static_cast<int>(i);
        state.overview.timeline_focus = true;
        state.overview.timeline_detail_scroll.stop();
        state.overview.timeline_detail_scroll.scroll_to(0, false, 0);
        return true;
    }
    return false;
}

bool has_timeline(const ContentStore& content) { return !content.overview().timeline.empty(); }

void draw_timeline_screen(UiContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    OverviewState& overview = ctx.state.overview;
    if (!draw_overview_frame(ctx, "timeline.title")) return;
    const auto& timeline = ctx.content.overview().timeline;
    const Lang lang = ctx.state.language;
    const float margin = theme.margin();
    float y = theme.top_bar_height() + margin * 0.6f;
    // A small panel keeps its height for the cards and the details: the top bar names the
    // screen, so the heading gives way and the hint keeps one line.
    const bool small = ctx.layout().small();
    if (!small) {
        const Font* heading = ctx.font(FontRole::Title);
        y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("timeline.heading"), heading, ImVec2(margin, y),
                          ctx.screen.x - margin * 2, c.text, lang_code(lang), 1);
        y += ctx.metrics().space_tight;
    }
    y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("timeline.subheading"), ctx.font(FontRole::Regular),
                      ImVec2(margin, y), ctx.screen.x - margin * 2, c.text_muted, lang_code(lang), small ? 1 : 2);
    y += margin * 0.5f;
    if (ctx.layout().portrait()) {
        // The hint first: the lower part of the screen is for a chosen act's details.
        y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("timeline.pick"), ctx.font(FontRole::Small),
                          ImVec2(margin, y), ctx.screen.x - margin * 2, c.text_muted, lang_code(lang), 2);
        draw_timeline_portrait(ctx, y + ctx.metrics().space_item);
        return;
    }

    // The line of cards, dragged sideways, with the axis and a dot per act under it.
    const TimelineGeometry g = timeline_geometry(ctx);
    const float axis_gap = ctx.metrics().timeline_axis_gap;
    const ImVec2 track_min(0, y), track_max(ctx.screen.x, y + g.card_h + axis_gap);
    const float content_w =
        margin * 2 + timeline.size() * g.card_w + (timeline.size() > 0 ? timeline.size() - 1 : 0) * g.gap;
    overview.timeline_scroll.set_extent(content_w, ctx.screen.x);
    if (overview.timeline_focus && overview.timeline_selected >= 0) {
        // Opened at an entry (a link in a passage): that card in the middle of the screen.
        const float card_x = margin + static_cast<float>(overview.timeline_selected) * (g.card_w + g.gap);
        const float wanted = card_x - (ctx.screen.x - g.card_w) * 0.5f;
        overview.timeline_scroll.scroll_to(std::clamp(wanted, 0.0f, std::max(0.0f, content_w - ctx.screen.x)), false,
                                           ctx.now);
    }
    overview.timeline_focus = false;
    scroll_region_horizontal(ctx, overview.timeline_scroll, track_min, track_max);
    ctx.draw->PushClipRect(track_min, track_max, true);
    const float axis_y = y + g.card_h + axis_gap * 0.55f;
    const float left = margin - overview.timeline_scroll.offset();
    ctx.draw->AddLine(ImVec2(left, axis_y), ImVec2(left + content_w - margin * 2, axis_y), c.border, ctx.metrics().line_bold);
    int tapped = -1;
    for (size_t i = 0; i < timeline.size(); ++i) {
        const float x = left + static_cast<float>(i) * (g.card_w + g.gap);
        const Document* doc = timeline[i].bundled() ? ctx.content.find_document(timeline[i].document) : nullptr;
        ctx.draw->AddCircleFilled(ImVec2(x + g.card_w * 0.5f, axis_y), ctx.metrics().timeline_dot_radius,
                                  doc ? c.primary : c.text_muted);
        if (x + g.card_w < 0 || x > ctx.screen.x) continue;
        const std::string& date = ctx.strings.timeline_dates[i][static_cast<int>(lang)];
        const bool selected = static_cast<int>(i) == overview.timeline_selected;
        if (draw_event_card(ctx, timeline[i], doc, date, selected, ImVec2(x, y), ImVec2(x + g.card_w, y + g.card_h)))
            tapped = static_cast<int>(i);
    }
    ctx.draw->PopClipRect();
    // A thin position bar under the axis, as the lists have at their side.
    if (content_w > ctx.screen.x + 1) {
        const float view = ctx.screen.x - margin * 2;
        const float thumb = std::max(ctx.metrics().scroll_thumb_min, view * ctx.screen.x / content_w);
        const float t = std::clamp(overview.timeline_scroll.offset() / (content_w - ctx.screen.x), 0.0f, 1.0f);
        const float bar_y = track_max.y - ctx.metrics().space_tight;
        ctx.draw->AddRectFilled(ImVec2(margin + (view - thumb) * t, bar_y),
                                ImVec2(margin + (view - thumb) * t + thumb, bar_y + ctx.metrics().scrollbar_width),
                                c.scrollbar, ctx.metrics().scrollbar_width * 0.5f);
    }
    if (tapped >= 0 && open_tapped(ctx, tapped)) return;

    const ImVec2 detail_min(0, track_max.y + ctx.metrics().space_item),
        detail_max(ctx.screen.x, ctx.screen.y - margin * 0.4f);
    const int selected = overview.timeline_selected;
    if (selected >= 0 && selected < static_cast<int>(timeline.size()) && !timeline[selected].bundled()) {
        draw_event_details(ctx, timeline[selected], ctx.strings.timeline_dates[selected][static_cast<int>(lang)],
                           detail_min, detail_max);
    } else {
        draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("timeline.pick"), ctx.font(FontRole::Regular),
                     ImVec2(margin, detail_min.y), ctx.screen.x - margin * 2, c.text_muted, lang_code(lang), 3);
    }
}

}  // namespace kiosk::ui
