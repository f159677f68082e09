// Reader: one document. The column leads with the visitor's title and summary, says which text
// follows, and shows it with kinetic scrolling, elastic edges and three text sizes: in the
// visitor's language (a translation made for the kiosk, labelled as such, each block's original a
// tap away), side by side with the Russian original where two columns fit, or the Russian
// original itself, its title block centred as printed, and an end mark under the last block.
// Large screens keep a sidebar with the document's facts and contents; small and portrait ones
// read in one column and open the facts as a sheet over the text. "Contents" opens the list of
// sections at every size.
#include "ui/read_aloud.h"
#include "ui/overview_widgets.h"
#include "ui/screens.h"
#include "ui/text_highlight.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr const char* kBullet = "\xE2\x80\xA2";  // •

// What the reader reads aloud: every block in the column's language, each in the voice of the
// language it is written in (the Russian original where a block has no translation).
std::vector<SpeechItem> reader_speech_items(const Document& doc, Lang lang) {
    std::vector<SpeechItem> items;
    items.reserve(doc.blocks.size());
    for (const Block& block : doc.blocks) {
        const Lang voice = lang == Lang::Ru || block.translation[lang].empty() ? Lang::Ru : lang;
        items.push_back({block.id, block.text_in(lang), voice});
    }
    return items;
}

void draw_sidebar_facts(UiContext& ctx, const Document& doc, const DocumentStrings& strings, float x, float width, float* y) {
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const int li = static_cast<int>(lang);
    const char* lc = lang_code(lang);
    const Font* small = ctx.font(FontRole::Small);
    const Font* medium = ctx.font(FontRole::Medium);

    *y += draw_document_type_chip(ctx, ImVec2(x, *y), doc.info.type).y + ctx.metrics().space_item;

    // The official title is Russian; visitors reading Chinese or English see theirs below it.
    *y += draw_wrapped(ctx.draw, ctx.text_cache, doc.info.title[Lang::Ru], medium, ImVec2(x, *y), width, c.text, "ru");
    if (lang != Lang::Ru) {
        *y += ctx.metrics().space_tight;
        *y += draw_wrapped(ctx.draw, ctx.text_cache, doc.info.title.get(lang), ctx.font(FontRole::Regular),
                           ImVec2(x, *y), width, c.primary, lc);
    }
    *y += ctx.metrics().space_item;

    auto fact = [&](const char* label_key, const std::string& value) {
        if (value.empty()) return;
        draw_text(ctx.draw, small, ImVec2(x, *y), c.text_muted, ctx.t(label_key));
        *y += small->size * 1.35f;
        *y += draw_wrapped(ctx.draw, ctx.text_cache, value, ctx.font(FontRole::Regular), ImVec2(x, *y), width, c.text, lc);
        *y += ctx.metrics().space_related;
    };
    auto note = [&](const std::string& text) {  // smaller, under the fact it explains
        if (text.empty()) return;
        *y -= ctx.metrics().space_tight;
        *y += draw_wrapped(ctx.draw, ctx.text_cache, text, small, ImVec2(x, *y), width, c.text_muted, lc);
        *y += ctx.metrics().space_related;
    };
    fact("reader.date", strings.date[li]);
    note(doc.info.date_note.get(lang));
    fact("reader.place", doc.info.place.get(lang));
    fact("reader.issuer", doc.info.issuer.get(lang));
    // A text that names no states has its note in place of the list; beside a list, the note explains it.
    const std::string& parties_note = doc.info.parties_note.get(lang);
    fact("reader.parties", strings.parties[li].empty() ? parties_note : strings.parties[li]);
    if (!strings.parties[li].empty()) note(parties_note);
    fact("reader.annexes", doc.info.annex_note.get(lang));
}

// The list of sections; a tap scrolls the text there (and closes the sheet it is on).
void draw_contents(UiContext& ctx, const Document& doc, float x, float width, float* y, bool with_heading) {
    ReaderState& reader = ctx.state.reader;
    const Palette& c = ctx.theme.colors;
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* regular = ctx.font(FontRole::Regular);
    if (with_heading) {
        draw_text(ctx.draw, medium, ImVec2(x, *y), c.text, ctx.t("reader.contents"));
        *y += medium->size * 1.5f;
    }
    int current = reader.layout.section_at(reader.scroll.offset());
    for (size_t s = 0; s < doc.sections.size(); ++s) {
        const char* heading_lang = lang_code(doc.sections[s].heading.empty() ? ctx.state.language : reader.text_lang);
        const std::string& heading =
            doc.sections[s].heading.empty() ? ctx.t("reader.beginning") : doc.sections[s].heading_in(reader.text_lang);
        const float pad = ctx.metrics().pad_compact;
        const WrappedText& wrapped =
            ctx.text_cache.wrap(heading, regular, width - pad * 2 - ctx.metrics().space_tight, heading_lang);
        size_t lines = std::min<size_t>(wrapped.lines.size(), 3);
        float height = std::max(ctx.theme.min_target() * 1.25f, wrapped.line_height * lines + pad * 2);
        ImVec2 min(x, *y), max(x + width, *y + height);
        TouchArea area = touch_area(ctx, {"reader.section", static_cast<int>(s) + 1}, heading, min, max);
        bool active = static_cast<int>(s) == current;
        if (active || area.pressed)
            ctx.draw->AddRectFilled(min, max, area.pressed ? c.pressed_overlay : c.accent_soft, ctx.metrics().radius_control);
        if (active)
            ctx.draw->AddRectFilled(min, ImVec2(min.x + ctx.metrics().accent_strip, max.y), c.accent,
                                    ctx.metrics().radius_strip);
        draw_wrapped(ctx.draw, ctx.text_cache, heading, regular,
                     ImVec2(x + pad + ctx.metrics().space_tight, *y + (height - wrapped.line_height * lines) * 0.5f),
                     width - pad * 2 - ctx.metrics().space_tight, active ? c.primary : c.text, heading_lang, 3);
        if (area.clicked && s < reader.layout.section_top.size()) {
            reader.scroll.scroll_to(reader.layout.section_top[s], true, ctx.now);
            reader.sheet = ReaderSheet::None;
        }
        *y += height + ctx.metrics().space_tight;
    }
}

void draw_sidebar(UiContext& ctx, const Document& doc, const DocumentStrings& strings, ImVec2 min, ImVec2 max) {
    ReaderState& reader = ctx.state.reader;
    // The official page as a QR code, pinned under the sidebar where the organizer gave one
    // (url: in the document source), so a visitor sees it whatever they scroll.
    if (!doc.info.url.empty()) {
        const float panel = std::max(ctx.metrics().qr_panel_min_height, ctx.theme.min_target() * 2.5f);
        draw_qr_panel(ctx, doc.info.url, ctx.t("reader.qr"), ImVec2(min.x, max.y - panel), max);
        max.y -= panel;
    }
    ctx.draw->AddRectFilled(min, max, ctx.theme.colors.surface_alt);
    reader.sidebar_scroll.set_extent(reader.sidebar_height, max.y - min.y);
    scroll_region(ctx, reader.sidebar_scroll, min, max);
    ctx.draw->PushClipRect(min, max, true);
    const float pad = ctx.metrics().pad_panel;
    const float x = min.x + pad, width = max.x - min.x - pad * 2;
    const float top = min.y + pad - reader.sidebar_scroll.offset();
    float y = top;
    draw_sidebar_facts(ctx, doc, strings, x, width, &y);
    y += ctx.metrics().space_block;
    draw_contents(ctx, doc, x, width, &y, true);
    reader.sidebar_height = y - top + pad;
    ctx.draw->PopClipRect();
    scroll_indicator(ctx, reader.sidebar_scroll, min, max, reader.sidebar_height);
}

// The document's details (facts and contents) or its contents alone, as a sheet from the left
// edge over the text; a tap beside it or on Close closes it.
void draw_reader_sheet(UiContext& ctx, const Document& doc, const DocumentStrings& strings) {
    ReaderState& reader = ctx.state.reader;
    if (reader.sheet == ReaderSheet::None) return;
    const Palette& c = ctx.theme.colors;
    const ScreenLayout& layout = ctx.layout();
    const float top = ctx.theme.top_bar_height();
    const float width = layout.portrait() ? ctx.screen.x
                        : layout.small()
                            ? std::max(ctx.screen.x * 0.62f, std::min(ctx.screen.x, ctx.theme.min_target() * 9))
                            : std::min(ctx.metrics().modal_max_width, ctx.screen.x * 0.45f);
    const ImVec2 min(0, top), max(width, ctx.screen.y);
    ctx.draw->AddRectFilled(ImVec2(0, top), ctx.screen, c.overlay_dim);
    const bool input = ctx.input_enabled;
    ctx.input_enabled = input && reader.sheet_opened_at != ctx.now;
    const TouchGesture& g = ctx.gesture;
    const bool outside = ctx.input_enabled && g.released_as_tap() && g.press_y() >= top && g.press_x() >= max.x;
    ctx.draw->AddRectFilled(min, max, c.surface_alt);

    // The header: what the sheet shows, and Close.
    const float pad = ctx.metrics().pad_panel;
    const float button_h = ctx.theme.button_height();
    const std::string& close = ctx.t("action.close");
    const float close_w = button_width(ctx, close);
    const float header_h = button_h + ctx.metrics().space_item * 2;
    const bool closed =
        touch_button(ctx, "reader.sheet.close", close, ImVec2(max.x - pad - close_w, top + ctx.metrics().space_item),
                     ImVec2(max.x - pad, top + ctx.metrics().space_item + button_h), ButtonStyle::Primary);
    const Font* medium = ctx.font(FontRole::Medium);
    const std::string& title = ctx.t(reader.sheet == ReaderSheet::Details ? "reader.details" : "reader.contents");
    draw_wrapped(ctx.draw, ctx.text_cache, title, medium, ImVec2(min.x + pad, top + (header_h - medium->size * 1.3f) * 0.5f),
                 std::max(0.0f, max.x - pad * 2 - close_w - ctx.metrics().space_item - min.x), c.text,
                 lang_code(ctx.state.language), 1);
    ctx.draw->AddLine(ImVec2(min.x, top + header_h), ImVec2(max.x, top + header_h), c.border, ctx.metrics().line_thin);

    // The body scrolls: at the largest text size the facts and a long contents list outgrow any panel.
    const ImVec2 body_min(min.x, top + header_h), body_max = max;
    reader.sheet_scroll.set_extent(reader.sheet_height, body_max.y - body_min.y);
    scroll_region(ctx, reader.sheet_scroll, body_min, body_max);
    ctx.draw->PushClipRect(body_min, body_max, true);
    const float x = min.x + pad, inner = max.x - min.x - pad * 2;
    const float body_top = body_min.y + pad - reader.sheet_scroll.offset();
    float y = body_top;
    if (reader.sheet == ReaderSheet::Details) {
        draw_sidebar_facts(ctx, doc, strings, x, inner, &y);
        y += ctx.metrics().space_block;
    }
    draw_contents(ctx, doc, x, inner, &y, reader.sheet == ReaderSheet::Details);
    if (reader.sheet == ReaderSheet::Details && !doc.info.url.empty()) {
        const float panel = std::max(ctx.metrics().qr_panel_min_height, ctx.theme.min_target() * 2.5f);
        y += ctx.metrics().space_block;
        draw_qr_panel(ctx, doc.info.url, ctx.t("reader.qr"), ImVec2(min.x, y), ImVec2(max.x, y + panel));
        y += panel;
    }
    reader.sheet_height = y - body_top + pad;
    ctx.draw->PopClipRect();
    scroll_indicator(ctx, reader.sheet_scroll, body_min, body_max, reader.sheet_height);
    ctx.input_enabled = input;
    if (closed || outside) reader.sheet = ReaderSheet::None;
}

// Scrolls so the current match sits in the upper third of the text, where the eye lands.
void scroll_to_current_match(UiContext& ctx, float view_height, bool animated) {
    ReaderState& reader = ctx.state.reader;
    const ReaderMatches& found = reader.search;
    if (found.current < 0 || found.current >= static_cast<int>(found.matches.size())) return;
    const int line = found.matches[found.current].line;
    if (line < 0) return;
    const float y = reader.layout.lines[line].y;
    reader.scroll.scroll_to(std::max(0.0f, y - view_height * 0.3f), animated, ctx.now);
}

// "▲  3 / 12  ▼": steps through the matches of the search the document was opened from.
// Returns the right edge of the control.
float draw_match_stepper(UiContext& ctx, ImVec2 pos, float h) {
    ReaderMatches& found = ctx.state.reader.search;
    const int count = static_cast<int>(found.matches.size());
    const std::string& prev = ctx.t("search.previous_match");
    const std::string& next = ctx.t("search.next_match");
    const float w = std::max(ctx.theme.min_target() * 1.2f, h);
    float x = pos.x;
    if (touch_button(ctx, "reader.previous_match", prev, pos, ImVec2(x + w, pos.y + h), ButtonStyle::Primary,
                     FontRole::Medium)) {
        found.current = step_match(found.current, count, false);
        found.scroll_pending = found.scroll_animated = true;
    }
    x += w + ctx.metrics().space_related;
    char counter[48];
    if (found.current >= 0) std::snprintf(counter, sizeof counter, "%d / %d", found.current + 1, count);
    else std::snprintf(counter, sizeof counter, "%d", count);
    const Font* medium = ctx.font(FontRole::Medium);
    const float counter_width = std::max(text_size(medium, "00 / 00").x, text_width(medium, counter));
    const float tx = x + (counter_width - text_width(medium, counter)) * 0.5f;
    draw_text(ctx.draw, medium, ImVec2(tx, pos.y + (h - medium->size) * 0.45f), ctx.theme.colors.text, counter);
    x += counter_width + ctx.metrics().space_related;
    if (touch_button(ctx, "reader.next_match", next, ImVec2(x, pos.y), ImVec2(x + w, pos.y + h), ButtonStyle::Primary,
                     FontRole::Medium)) {
        found.current = step_match(found.current, count, true);
        found.scroll_pending = found.scroll_animated = true;
    }
    return x + w;
}

// The strip above the text: reading aloud and search stepping on the left; on the right the
// contents, the details (where there is no sidebar), the side-by-side toggle and the text size.
// What does not fit beside the rest wraps onto another row. Returns the height it took.
float draw_text_toolbar(UiContext& ctx, ImVec2 min, float right, bool offer_side_by_side, bool offer_details) {
    ReaderState& reader = ctx.state.reader;
    const Palette& c = ctx.theme.colors;
    const float h = ctx.theme.button_height() * 0.85f;
    const float gap = ctx.metrics().space_related;
    const float row_step = h + ctx.metrics().space_item;

    // The left group's width, to know whether the right group fits beside it.
    const bool stepping = !reader.search.matches.empty();
    const Font* medium = ctx.font(FontRole::Medium);
    const float step_w = std::max(ctx.theme.min_target() * 1.2f, h);
    const float stepper_w = step_w * 2 + std::max(text_size(medium, "00 / 00").x, text_width(medium, "000 / 000")) +
                            ctx.metrics().space_related * 2;
    float left_w = 0;
    if (read_aloud_support(ctx, reader.text_lang) != SpeechSupport::Disabled)
        left_w = std::max(button_width(ctx, ctx.t("speech.read")),
                          button_width(ctx, ctx.t("speech.stop")) + ctx.metrics().speaker_offset * 2);
    if (stepping) left_w += (left_w > 0 ? ctx.metrics().space_block : 0) + stepper_w;

    // The right group, from the right edge leftwards.
    struct Item {
        const char* id;
        const std::string* label;
        float w;
    };
    const std::string& larger = ctx.t("reader.text_larger");
    const std::string& smaller = ctx.t("reader.text_smaller");
    const std::string& side = ctx.t("reader.side_by_side");
    const std::string& details = ctx.t("reader.details");
    const std::string& contents = ctx.t("reader.contents");
    const float dots_w = ctx.metrics().level_dot_step * 3 + ctx.metrics().space_nudge;
    std::vector<Item> items = {{"reader.larger", &larger, button_width(ctx, larger)},
                               {nullptr, nullptr, dots_w},
                               {"reader.smaller", &smaller, button_width(ctx, smaller)}};
    if (offer_side_by_side) items.push_back({"reader.side_by_side", &side, button_width(ctx, side)});
    if (offer_details) items.push_back({"reader.details", &details, button_width(ctx, details)});
    items.push_back({"reader.contents", &contents, button_width(ctx, contents)});

    float x = right, y = min.y;
    float row_left = min.x + (left_w > 0 ? left_w + ctx.metrics().space_block : 0);
    int rows = 1;
    for (size_t i = 0; i < items.size(); ++i) {
        const Item& item = items[i];
        // The text size control (A- dots A+) stays together: wrap it as one.
        const float need = i == 0 ? items[0].w + items[1].w + items[2].w + gap * 2 : item.w;
        if (i != 1 && i != 2 && x - need < row_left && x < right) {
            x = right;
            y += row_step;
            row_left = min.x;
            ++rows;
        }
        const ImVec2 bmin(x - item.w, y), bmax(x, y + h);
        if (!item.id) {  // three dots show which of the three text sizes is active
            for (int d = 0; d < kTextSizeSteps; ++d)
                ctx.draw->AddCircleFilled(
                    ImVec2(bmin.x + ctx.metrics().space_nudge + ctx.metrics().level_dot_step * (0.5f + d), y + h * 0.5f),
                    ctx.metrics().level_dot_radius, d == ctx.state.text_size ? c.primary : c.border, 12);
        } else {
            const bool lit = (i > 2 && item.label == &side && reader.side_by_side) ||
                             (item.label == &details && reader.sheet == ReaderSheet::Details) ||
                             (item.label == &contents && reader.sheet == ReaderSheet::Contents);
            if (touch_button(ctx, item.id, *item.label, bmin, bmax, lit ? ButtonStyle::Primary : ButtonStyle::Secondary)) {
                if (item.label == &larger && ctx.state.text_size + 1 < kTextSizeSteps) ++ctx.state.text_size;
                if (item.label == &smaller && ctx.state.text_size > 0) --ctx.state.text_size;
                if (item.label == &side) reader.side_by_side = !reader.side_by_side;
                if (item.label == &details || item.label == &contents) {
                    const ReaderSheet sheet = item.label == &details ? ReaderSheet::Details : ReaderSheet::Contents;
                    reader.sheet = reader.sheet == sheet ? ReaderSheet::None : sheet;
                    reader.sheet_scroll.stop();
                    reader.sheet_scroll.scroll_to(0, false, ctx.now);
                    reader.sheet_opened_at = ctx.now;
                }
            }
        }
        x -= item.w + (i == 0 || i == 1 ? 0.0f : ctx.metrics().space_block);
        if (i == 0 || i == 1) x -= gap;
    }

    // Read aloud first on the left; the search stepper after it. A disabled button's reason
    // takes the room beside it only when there is no stepper and the row has room.
    float left = min.x;
    const float reason_room = stepping || rows > 1 ? 0.0f : std::max(0.0f, x - min.x);
    if (draw_read_aloud(ctx, min, h, reason_room, reader.text_lang, &left) && reader.document) {
        const int from = reader.layout.top_block(reader.scroll.offset());
        start_reading(ctx, reader_speech_items(*reader.document, reader.text_lang), from < 0 ? 0 : static_cast<size_t>(from));
    }
    if (stepping) draw_match_stepper(ctx, ImVec2(left > min.x ? left + ctx.metrics().space_block : min.x, min.y), h);
    return rows * row_step;
}

// After a re-layout: the search's matches in the languages the column now shows, placed on
// their lines and in line order, the current one kept on the same block where it can be.
void refresh_matches(UiContext& ctx, const Document& doc) {
    ReaderState& reader = ctx.state.reader;
    ReaderMatches& found = reader.search;
    if (reader.topic) {  // opened from a topic: its words, in the languages the column shows
        found.matches = topic_reader_matches(*reader.topic, doc, reader.text_lang, reader.layout.side_by_side);
        place_matches(found.matches, doc, reader.layout.lines);
        keep_placed_matches(found.matches, false);
        found.current = -1;
        return;
    }
    if (found.query.empty() || !ctx.search) {
        place_matches(found.matches, doc, reader.layout.lines);
        return;
    }
    ReaderMatch was;  // the current match before, to find it again
    const bool had_current = found.current >= 0 && found.current < static_cast<int>(found.matches.size());
    if (had_current) was = found.matches[found.current];
    found.matches = reader_matches(*ctx.search, found.query, doc, reader.text_lang, reader.layout.side_by_side,
                                   reader.layout.lead_lang);
    place_matches(found.matches, doc, reader.layout.lines);
    keep_placed_matches(found.matches, true);
    found.current = had_current ? find_match_again(found.matches, was) : -1;
}

// When reading aloud moves to another block, scrolls so that block is in view (a third of
// the way down, where the eye lands), unless it is already.
void keep_spoken_block_in_view(UiContext& ctx, float view_height) {
    ReaderState& reader = ctx.state.reader;
    const int spoken = reading_here(ctx) ? ctx.speech->current_index() : -1;
    if (spoken == reader.spoken_block) return;
    reader.spoken_block = spoken;
    if (spoken < 0 || spoken >= static_cast<int>(reader.layout.block_top.size())) return;
    const float offset = reader.scroll.offset();
    const float top = reader.layout.block_top[spoken], bottom = reader.layout.block_bottom[spoken];
    if (top >= offset && bottom + ctx.metrics().space_wide <= offset + view_height) return;
    reader.scroll.scroll_to(std::max(0.0f, top - view_height * 0.15f), true, ctx.now);
    ctx.animating = true;
}

// The end of the document: a short rule with a small diamond in its middle.
void draw_end_rule(UiContext& ctx, float centre_x, float y, float half_width) {
    const Palette& c = ctx.theme.colors;
    const float r = ctx.metrics().level_dot_radius * 1.4f;
    ctx.draw->AddLine(ImVec2(centre_x - half_width, y), ImVec2(centre_x - r * 2.5f, y), c.border, ctx.metrics().line_regular);
    ctx.draw->AddLine(ImVec2(centre_x + r * 2.5f, y), ImVec2(centre_x + half_width, y), c.border, ctx.metrics().line_regular);
    ctx.draw->AddQuadFilled(ImVec2(centre_x, y - r), ImVec2(centre_x + r, y), ImVec2(centre_x, y + r),
                            ImVec2(centre_x - r, y), c.accent);
}

// Draws the visible lines; returns the link tapped, or null.
const PassageLink* draw_document_text(UiContext& ctx, const Document& doc, ImVec2 min, ImVec2 max, float column_x) {
    ReaderState& reader = ctx.state.reader;
    const ReaderLayout& layout = reader.layout;
    const Palette& c = ctx.theme.colors;
    const float offset = reader.scroll.offset();
    const float top = min.y + ctx.metrics().space_card;
    reader.text_origin = top;
    const int spoken = reading_here(ctx) ? ctx.speech->current_index() : -1;
    ctx.draw->PushClipRect(min, max, true);
    // The bands behind the summary and the note on the text.
    for (const LaidBand& band : layout.bands) {
        const float y0 = top + band.top - offset, y1 = top + band.bottom - offset;
        if (y1 < min.y || y0 > max.y) continue;
        ctx.draw->AddRectFilled(ImVec2(column_x, y0), ImVec2(column_x + layout.width, y1),
                                band.official ? c.surface_alt : c.summary_band, ctx.metrics().radius_item);
    }
    if (layout.side_by_side) {  // the rule between the translation and the original, beside the text only
        const float x = column_x + (layout.width - layout.column_gap) * 0.5f + layout.column_gap * 0.5f;
        ctx.draw->AddLine(ImVec2(x, std::max(min.y, top + layout.text_top - offset)), ImVec2(x, max.y), c.border,
                          ctx.metrics().line_thin);
    }
    if (layout.end_rule >= 0) {
        const float y = top + layout.end_rule - offset;
        if (y > min.y && y < max.y)
            draw_end_rule(ctx, column_x + layout.width * 0.5f, y, std::min(layout.width * 0.3f, layout.body_px * 6));
    }
    const PassageLink* tapped = nullptr;
    float nearest = FLT_MAX;  // of the links under the finger, the one nearest wins
    const std::vector<ReaderMatch>& matches = reader.search.matches;
    // Matches are in line order: start at the first that can reach the first visible line.
    const size_t first_line = layout.first_visible_line(offset - ctx.metrics().space_card);
    size_t first_match = 0;
    while (first_match < matches.size() && matches[first_match].line >= 0 &&
           static_cast<size_t>(matches[first_match].line) + 1 < first_line)
        ++first_match;
    for (size_t i = first_line; i < layout.lines.size(); ++i) {
        const LaidLine& line = layout.lines[i];
        float y = top + line.y - offset;
        if (y > max.y) break;
        if (line.block >= 0 && line.block == spoken) {  // the block being read aloud
            ctx.draw->AddRectFilled(
                ImVec2(column_x - ctx.metrics().highlight_bleed, y - layout.line_height * 0.1f),
                ImVec2(column_x + layout.width + ctx.metrics().highlight_bleed, y + layout.line_height * 1.05f),
                c.accent_soft);
            ctx.draw->AddRectFilled(ImVec2(column_x - ctx.metrics().highlight_bleed, y - layout.line_height * 0.1f),
                                    ImVec2(column_x - (ctx.metrics().highlight_bleed - ctx.metrics().accent_strip),
                                           y + layout.line_height * 1.05f),
                                    c.accent);
        } else if (line.block >= 0 && line.block == reader.highlight_block)  // the passage a lesson linked to
            ctx.draw->AddRectFilled(
                ImVec2(column_x - ctx.metrics().highlight_bleed, y - layout.line_height * 0.1f),
                ImVec2(column_x + layout.width + ctx.metrics().highlight_bleed, y + layout.line_height * 1.05f),
                c.accent_soft);
        const Font* font = line.font;
        ImU32 color = c.text;
        switch (line.style) {
            case LineStyle::Heading:
            case LineStyle::LeadTitle: color = c.primary; break;
            case LineStyle::Caption:
            case LineStyle::LeadLabel: color = c.summary_label; break;
            case LineStyle::Signature:
            case LineStyle::EndMark: color = c.text_muted; break;
            default: color = line.original && !layout.side_by_side ? c.text_muted : c.text; break;
        }
        if (line.original && !layout.side_by_side)  // a tapped block's original, under its translation
            ctx.draw->AddRectFilled(ImVec2(column_x + ctx.metrics().original_mark_inset, y - layout.line_height * 0.1f),
                                    ImVec2(column_x + ctx.metrics().original_mark_inset + ctx.metrics().line_bold,
                                           y + layout.line_height * 1.0f),
                                    c.accent);
        const ImVec2 pos(column_x + line.x, y);
        const char* current_begin = nullptr;  // the part of the current match on this line
        const char* current_end = nullptr;
        for (size_t m = first_match; m < matches.size() && matches[m].line <= static_cast<int>(i); ++m) {
            const char* text = reader_match_text(doc, matches[m]).data();
            const bool current = static_cast<int>(m) == reader.search.current;
            if (draw_match_box(ctx.draw, font, ImVec2(pos.x, y - font->size * 0.1f), font->size * 1.35f, line.begin,
                               line.end, text + matches[m].begin, text + matches[m].end,
                               current ? c.accent : c.accent_soft, ctx.metrics().radius_small) &&
                current) {
                current_begin = std::max(line.begin, text + matches[m].begin);
                current_end = std::min(line.end, text + matches[m].end);
            }
        }
        if (line.block >= 0 && line.style != LineStyle::Caption)
            if (const PassageLink* link = draw_line_links(ctx, doc, line, font, pos, layout.line_height, &nearest))
                tapped = link;
        if (current_begin) {
            // The current match sits on the strong accent: its words switch to the matching text colour.
            // ImGui 1.86 does not kern, so three runs land exactly where one would.
            float x = pos.x;
            draw_text(ctx.draw, font, ImVec2(x, y), color, line.begin, current_begin);
            x += text_width(font, line.begin, current_begin);
            draw_text(ctx.draw, font, ImVec2(x, y), c.text_on_primary, current_begin, current_end);
            x += text_width(font, current_begin, current_end);
            draw_text(ctx.draw, font, ImVec2(x, y), color, current_end, line.end);
        } else {
            draw_text(ctx.draw, font, pos, color, line.begin, line.end);
        }
        if (line.style == LineStyle::ListItem && line.first_of_block)
            draw_text(ctx.draw, font, ImVec2(column_x + line.x - font->size * 1.0f, y), c.accent, kBullet);
    }
    ctx.draw->PopClipRect();
    return tapped;
}

}  // namespace

// Which text the column shows, in the visitor's language: the official Russian text, or a
// translation made for the kiosk and which texts are authentic. Fixed above the text, so it is
// visible on every page.
const char* reader_text_note_key(const Document& doc, Lang text_lang) {
    if (text_lang == Lang::Ru) return "reader.official_text";
    const bool ru_zh = doc.info.is_authentic(Lang::Zh);
    if (text_lang == Lang::Zh) return ru_zh ? "reader.translation_note_ru_zh.zh" : "reader.translation_note.zh";
    return ru_zh ? "reader.translation_note_ru_zh.en" : "reader.translation_note.en";
}

const char* document_type_key(DocumentType type) {
    static const char* const keys[kDocumentTypeCount] = {"doctype.statement", "doctype.decision", "doctype.concept",
                                                         "doctype.programme", "doctype.protocol"};
    return keys[static_cast<int>(type)];
}

void draw_reader_screen(UiContext& ctx) {
    ReaderState& reader = ctx.state.reader;
    if (!reader.document) {
        ctx.state.nav.reset();
        return;
    }
    const Document& doc = *reader.document;
    collect_reader_links(ctx, doc);
    // A term's or an act's card covers the reader: nothing beneath it reacts until it closes.
    const bool input = ctx.input_enabled;
    if (reader.popover.open()) ctx.input_enabled = false;
    const size_t doc_index = static_cast<size_t>(&doc - ctx.content.documents().data());
    const Theme& theme = ctx.theme;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, theme.colors.surface);
    if (draw_top_bar(ctx, doc.info.title.get(ctx.state.language), true, true)) {
        // Back to where the reader was opened from: search results (still there), the lesson
        // slide that linked here, a topic, an explore screen or the library.
        ctx.state.nav.pop();
        return;
    }

    // The text follows the visitor's language; a search hit may have opened it in another.
    if (reader.followed_lang != ctx.state.language) {
        reader.followed_lang = reader.text_lang = ctx.state.language;
        reader.search.current = -1;
    }
    const bool translated = reader.text_lang != Lang::Ru;
    if (reader.layout.document != &doc) reader.sheet = ReaderSheet::None;  // a document opens without a sheet
    // Everything under an open sheet is covered: it neither shows presses nor takes taps.
    if (reader.sheet != ReaderSheet::None) ctx.input_enabled = false;

    // Large screens keep the sidebar; small and portrait ones give the text the whole width.
    const float top = theme.top_bar_height();
    const bool sidebar = ctx.layout().large();
    const float sidebar_width = sidebar ? std::min(ctx.metrics().sidebar_max_width, ctx.screen.x * 0.34f) : 0.0f;
    if (sidebar)
        draw_sidebar(ctx, doc, ctx.strings.documents[doc_index], ImVec2(0, top), ImVec2(sidebar_width, ctx.screen.y));

    const float margin = theme.margin();
    const float area_left = sidebar_width + margin;
    const float area_right = ctx.screen.x - margin;
    const Font& body = *ctx.reader_font(reader.text_lang);
    // Small and portrait screens read in one column; two are offered where the sidebar fits too.
    const bool two_fit = translated && sidebar &&
                         side_by_side_fits(body, *ctx.reader_font(Lang::Ru), reader.text_lang, area_right - area_left);
    const bool two_columns = two_fit && reader.side_by_side;
    // One column reads best at about 70 characters; two use the whole area, and so does the one
    // column of a small or portrait screen (its lines are short already).
    const float column_width = two_columns || !sidebar
                                   ? area_right - area_left
                                   : std::min(ctx.metrics().reading_column_max_width, area_right - area_left);
    const float column_x = area_left + (area_right - area_left - column_width) * 0.5f;
    // The toolbar spans the column, or the whole area where the column is narrow.
    const float toolbar_left = sidebar ? column_x : area_left;
    const float toolbar_right = sidebar ? column_x + column_width : area_right;
    const float toolbar_height =
        draw_text_toolbar(ctx, ImVec2(toolbar_left, top + ctx.metrics().space_tight), toolbar_right, two_fit, !sidebar);
    const float text_top = top + ctx.metrics().space_tight + toolbar_height;

    // Re-layout only when something that changes line breaks changed; keep the reading
    // position on the same block (and the same place in it) across a change of text size,
    // language or view.
    ReaderView view;
    view.lang = reader.text_lang;
    view.side_by_side = two_columns;
    view.originals = &reader.originals;
    view.originals_version = reader.originals_version;
    view.caption_translation = &ctx.t("reader.column_translation");
    view.caption_original = &ctx.t("reader.column_original");
    // The lead, in the visitor's language: their title and summary, then which text follows.
    const Lang lead = ctx.state.language;
    view.lead_lang = lead;
    view.lead_title = &doc.info.title.get(lead);
    view.summary = &doc.info.summary[lead];
    view.summary_label = &ctx.t("reader.summary_label");
    view.note_heading = &ctx.t(translated ? "reader.column_translation" : "reader.official_heading");
    view.note = &ctx.t(reader_text_note_key(doc, reader.text_lang));
    view.end_mark = &ctx.t("reader.end");
    if (!reader.layout.matches(&doc, ctx.state.text_size, ctx.reader_font(view.lang)->size, column_width, view)) {
        int anchor_block = -1;
        float anchor_delta = 0;
        if (reader.layout.document == &doc && !reader.layout.lines.empty() && reader.scroll.offset() > 1.0f) {
            const float offset = reader.scroll.offset();
            anchor_block = reader.layout.block_at(offset);
            if (anchor_block < 0) {
                size_t first = reader.layout.first_visible_line(offset);
                if (first < reader.layout.lines.size()) anchor_block = reader.layout.lines[first].block;
            }
            // Inside the same block in the same language, keep the exact place (a tapped original opens below).
            if (anchor_block >= 0 && reader.layout.lang == reader.text_lang)
                anchor_delta = std::max(0.0f, offset - reader.layout.block_top[anchor_block]);
        }
        reader.layout.build(doc, ctx.fonts, ctx.state.text_size, column_width, theme.scale, view);
        refresh_matches(ctx, doc);
        if (anchor_block >= 0 && anchor_block < static_cast<int>(reader.layout.block_top.size()))
            reader.scroll.scroll_to(reader.layout.block_top[anchor_block] + anchor_delta, false, ctx.now);
    }
    ImVec2 text_min(sidebar_width, text_top), text_max(ctx.screen.x, ctx.screen.y);
    reader.scroll.set_extent(reader.layout.height + ctx.metrics().space_card, text_max.y - text_min.y);
    if (reader.search.scroll_pending) {
        // Opening from a result jumps straight to the passage; stepping glides to the next match.
        scroll_to_current_match(ctx, text_max.y - text_min.y, reader.search.scroll_animated);
        reader.search.scroll_pending = false;
    }
    if (reader.pending_block >= 0 && reader.pending_block < static_cast<int>(reader.layout.block_top.size()))
        reader.scroll.scroll_to(reader.layout.block_top[reader.pending_block], false, ctx.now);  // a linked passage
    reader.pending_block = -1;
    keep_spoken_block_in_view(ctx, text_max.y - text_min.y);
    scroll_region(ctx, reader.scroll, text_min, text_max);
    const PassageLink* link = draw_document_text(ctx, doc, text_min, text_max, column_x);
    // A tap on a link follows the link. Otherwise, while reading aloud, a tap on a block reads
    // from there, and a tap on a block of a translation shows its original below it (or hides it).
    const TouchGesture& g = ctx.gesture;
    const bool reading = reading_here(ctx);
    if (!link && (reading || (translated && !two_columns)) && ctx.input_enabled && g.released_as_tap() &&
        g.press_x() >= column_x && g.press_x() <= column_x + column_width && g.press_y() >= text_min.y &&
        g.press_y() <= text_max.y) {
        const int block =
            reader.layout.block_at(g.press_y() - text_min.y - ctx.metrics().space_card + reader.scroll.offset());
        if (reading && block >= 0) {
            ctx.speech->jump_to(static_cast<size_t>(block));
            ctx.animating = true;
        } else if (block >= 0 && block < static_cast<int>(reader.originals.size())) {
            reader.originals[block] = !reader.originals[block];
            ++reader.originals_version;
            ctx.animating = true;
        }
    }
    scroll_indicator(ctx, reader.scroll, ImVec2(text_min.x, text_min.y),
                     ImVec2(text_max.x - ctx.metrics().space_tight, text_max.y),
                     reader.layout.height + ctx.metrics().space_card);
    ctx.input_enabled = input;
    if (link) follow_reader_link(ctx, *link);
    draw_reader_sheet(ctx, doc, ctx.strings.documents[doc_index]);
    draw_reader_popover(ctx);
}

}  // namespace kiosk::ui
