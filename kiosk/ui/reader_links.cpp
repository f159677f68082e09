// The reader's links: where a passage names another SCO act or uses a glossary term, the words
// are underlined and can be tapped. An act the kiosk holds opens in the reader; an act it does
// not hold, or a term, opens a card over the text with its facts or its definition.
#include "ui/display_strings.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

void fill_popover(UiContext& ctx, ReaderPopover& popover) {
    const Lang lang = ctx.state.language;
    popover.lang = lang;
    popover.note.clear();
    if (popover.term) {
        const GlossaryTerm& term = *popover.term;
        popover.kind = ctx.t("glossary.term_label");
        popover.title = term.term.get(lang);
        popover.body = term.definition.get(lang);
        popover.note = glossary_source_note(ctx, term);
        if (popover.note.empty()) popover.note = ctx.t("glossary.general_definition");
        return;
    }
    const ExternalAct& act = *popover.act;
    popover.kind = ctx.t("act.not_bundled");
    popover.title = act.name.get(lang);
    popover.body = ctx.t("reader.date") + ctx.t("label.separator") + format_date(ctx.translations, lang, act.date) +
                   "\n" + ctx.t("reader.place") + ctx.t("label.separator") + act.place.get(lang) + "\n" +
                   ctx.t("reader.issuer") + ctx.t("label.separator") + act.issuer.get(lang);
}

// The family of a link's target id: "reader.term.ID", "reader.act.ID", "reader.document.ID".
const char* link_family(LinkKind kind) {
    switch (kind) {
        case LinkKind::Document: return "reader.document";
        case LinkKind::Act: return "reader.act";
        case LinkKind::Term: return "reader.term";
    }
    return "reader.link";
}

}  // namespace

std::string glossary_source_note(const UiContext& ctx, const GlossaryTerm& term) {
    const Document* doc = term.source_document.empty() ? nullptr : ctx.content.find_document(term.source_document);
    if (!doc) return {};
    const Lang lang = ctx.state.language;
    return ctx.t("glossary.source") + " " + doc->info.title.get(lang) + ", " +
           fill_count(ctx.t("topics.paragraph"), term.source_block);
}

void collect_reader_links(UiContext& ctx, const Document& doc) {
    ReaderState& reader = ctx.state.reader;
    if (reader.links_document == &doc) return;
    reader.links_document = &doc;
    reader.links.clear();
    reader.link_start.assign(doc.blocks.size() + 1, 0);
    for (const PassageLink& link : ctx.content.explore().links) {
        if (link.span.document != doc.info.id) continue;
        const int block = link.span.block - 1;  // ids are positions, 1-based
        if (block < 0 || block >= static_cast<int>(doc.blocks.size()) || doc.blocks[block].id != link.span.block)
            continue;
        const std::string& text = doc.blocks[block].text_in(link.span.lang);
        const size_t begin = static_cast<size_t>(link.span.begin), end = static_cast<size_t>(link.span.end);
        reader.links.push_back({block, link.span.lang, begin, end, &link, text.substr(begin, end - begin)});
    }
    std::stable_sort(reader.links.begin(), reader.links.end(),
                     [](const ReaderLink& a, const ReaderLink& b) { return a.block < b.block; });
    size_t next = 0;
    for (size_t b = 0; b <= doc.blocks.size(); ++b) {
        while (next < reader.links.size() && reader.links[next].block < static_cast<int>(b)) ++next;
        reader.link_start[b] = next;
    }
}

const PassageLink* draw_line_links(UiContext& ctx, const Document& doc, const LaidLine& line, const Font* font,
                                   ImVec2 pos, float line_height, float* nearest) {
    ReaderState& reader = ctx.state.reader;
    if (line.block < 0 || line.block + 1 >= static_cast<int>(reader.link_start.size())) return nullptr;
    const Palette& c = ctx.theme.colors;
    const PassageLink* tapped = nullptr;
    for (size_t i = reader.link_start[line.block]; i < reader.link_start[line.block + 1]; ++i) {
        const ReaderLink& link = reader.links[i];
        const std::string& text = doc.blocks[link.block].text_in(link.lang);
        // The line shows this text (not the other language's) and holds part of the link.
        if (line.begin < text.data() || line.end > text.data() + text.size()) continue;
        const char* begin = std::max(line.begin, text.data() + link.begin);
        const char* end = std::min(line.end, text.data() + link.end);
        if (begin >= end) continue;
        const float x0 = pos.x + text_width(font, line.begin, begin);
        const float x1 = x0 + text_width(font, begin, end);
        const bool term = link.link->kind == LinkKind::Term;
        const float base = pos.y + font->size * 1.08f;
        // Acts: a solid underline; terms: a dotted one, as a dictionary marks a word it explains.
        if (term) {
            const float dash = ctx.metrics().space_nudge;
            for (float x = x0; x < x1; x += dash * 2)
                ctx.draw->AddLine(ImVec2(x, base), ImVec2(std::min(x + dash, x1), base), c.accent, ctx.metrics().line_regular);
        } else {
            ctx.draw->AddRectFilled(ImVec2(x0 - ctx.metrics().space_nudge, pos.y - font->size * 0.05f),
                                    ImVec2(x1 + ctx.metrics().space_nudge, base), c.accent_soft, ctx.metrics().radius_small);
            ctx.draw->AddLine(ImVec2(x0, base), ImVec2(x1, base), c.primary, ctx.metrics().line_regular);
        }
        // A finger needs more than the words: the target is at least min_target() each way.
        const float target = ctx.theme.min_target();
        const float cy = pos.y + line_height * 0.5f, half_h = std::max(line_height, target) * 0.5f;
        const float grow = std::max(0.0f, target - (x1 - x0)) * 0.5f;
        TouchArea area = touch_area(ctx, {link_family(link.link->kind), link.link->target}, link.label,
                                    ImVec2(x0 - grow, cy - half_h), ImVec2(x1 + grow, cy + half_h));
        if (area.pressed)
            ctx.draw->AddRectFilled(ImVec2(x0 - ctx.metrics().space_nudge, pos.y - font->size * 0.1f),
                                    ImVec2(x1 + ctx.metrics().space_nudge, base + ctx.metrics().space_nudge),
                                    c.pressed_overlay, ctx.metrics().radius_small);
        const float distance = std::abs(ctx.gesture.press_y() - cy);
        if (area.clicked && distance < *nearest) {
            *nearest = distance;
            tapped = link.link;
        }
    }
    return tapped;
}

void follow_reader_link(UiContext& ctx, const PassageLink& link) {
    ReaderState& reader = ctx.state.reader;
    switch (link.kind) {
        case LinkKind::Document:
            // The reader stays the current screen, so Back still leads where it did.
            if (const Document* doc = ctx.content.find_document(link.target)) open_document(ctx.state, *doc);
            return;
        case LinkKind::Act:
            // An act on the timeline opens its entry there (Back returns here); otherwise its card.
            if (open_timeline_entry(ctx.state, ctx.content, link.target)) return;
            reader.popover = ReaderPopover{};
            reader.popover.act = ctx.content.find_act(link.target);
            break;
        case LinkKind::Term:
            reader.popover = ReaderPopover{};
            reader.popover.term = ctx.content.find_term(link.target);
            break;
    }
    reader.popover.opened_at = ctx.now;
    if (reader.popover.open()) fill_popover(ctx, reader.popover);
}

void draw_reader_popover(UiContext& ctx) {
    ReaderPopover& popover = ctx.state.reader.popover;
    if (!popover.open()) return;
    if (popover.lang != ctx.state.language) fill_popover(ctx, popover);
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, c.overlay_dim);
    const float width = std::min(ctx.metrics().modal_max_width, ctx.screen.x - ctx.theme.margin() * 2);
    const float pad = ctx.metrics().pad_panel;
    const float inner = width - pad * 2;
    const Font* small = ctx.font(FontRole::Small);
    const Font* title_font = ctx.font(FontRole::Title);
    const Font* body_font = ctx.font(FontRole::Regular);
    const float button_h = ctx.theme.button_height();
    const float height =
        pad * 2 + small->size * 1.6f + ctx.text_cache.wrap(popover.title, title_font, inner, lc).height() +
        ctx.metrics().space_item + ctx.text_cache.wrap(popover.body, body_font, inner, lc).height() +
        ctx.metrics().space_list +
        (popover.note.empty() ? 0 : ctx.text_cache.wrap(popover.note, small, inner, lc).height() + ctx.metrics().space_list) +
        button_h;
    const ImVec2 min((ctx.screen.x - width) * 0.5f, std::max(ctx.metrics().space_list, (ctx.screen.y - height) * 0.5f));
    const ImVec2 max(min.x + width, min.y + height);
    // The tap that opened the card must not also press what lies under the finger on it.
    const bool input = ctx.input_enabled;
    ctx.input_enabled = input && popover.opened_at != ctx.now;
    // A tap beside the card closes it, as the close button does.
    const TouchGesture& g = ctx.gesture;
    const bool outside = ctx.input_enabled && g.released_as_tap() &&
                         !(g.press_x() >= min.x && g.press_x() < max.x && g.press_y() >= min.y && g.press_y() < max.y);
    draw_card(ctx, min, max);
    float y = min.y + pad;
    draw_text(ctx.draw, small, ImVec2(min.x + pad, y), c.summary_label, popover.kind);
    y += small->size * 1.6f;
    y += draw_wrapped(ctx.draw, ctx.text_cache, popover.title, title_font, ImVec2(min.x + pad, y), inner, c.primary, lc);
    y += ctx.metrics().space_item;
    y += draw_wrapped(ctx.draw, ctx.text_cache, popover.body, body_font, ImVec2(min.x + pad, y), inner, c.text, lc);
    y += ctx.metrics().space_list;
    if (!popover.note.empty()) {
        y += draw_wrapped(ctx.draw, ctx.text_cache, popover.note, small, ImVec2(min.x + pad, y), inner, c.text_muted, lc);
        y += ctx.metrics().space_list;
    }
    const std::string& close = ctx.t("action.close");
    const float close_w = button_width(ctx, close);
    bool closed = touch_button(ctx, "reader.popover.close", close, ImVec2(max.x - pad - close_w, y),
                               ImVec2(max.x - pad, y + button_h), ButtonStyle::Primary);
    if (popover.term) {
        const std::string& all = ctx.t("glossary.all_terms");
        if (touch_button(ctx, "reader.popover.glossary", all, ImVec2(min.x + pad, y),
                         ImVec2(min.x + pad + button_width(ctx, all), y + button_h), ButtonStyle::Secondary)) {
            popover = ReaderPopover{};
            open_glossary(ctx.state);
            ctx.input_enabled = input;
            return;
        }
    }
    ctx.input_enabled = input;
    if (closed || outside) popover = ReaderPopover{};
}

}  // namespace kiosk::ui
