// Glossary: every term with its one-sentence definition, in two columns where they fit, and
// where a definition comes from a bundled document, which one and which paragraph.
#include "ui/display_strings.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

// A column is at least this many ems of body text wide: two columns only where both keep a
// comfortable line at the visitor's text size (1920x1080 at the default size, not 800x480).
constexpr float kColumnMinEms = 28.0f;

// One entry: the term, its definition and where the definition comes from. Returns the height.
float glossary_entry(UiContext& ctx, const GlossaryTerm& term, const std::string* source, ImVec2 pos, float width, bool draw) {
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    const Palette& c = ctx.theme.colors;
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* regular = ctx.font(FontRole::Regular);
    const Font* small = ctx.font(FontRole::Small);
    const float pad = ctx.metrics().pad_card;
    const float inner = width - pad * 2;
    const std::string& note = source ? *source : ctx.t("glossary.general_definition");
    const float height = pad * 2 + ctx.text_cache.wrap(term.term.get(lang), medium, inner, lc).height() +
                         ctx.metrics().space_tight +
                         ctx.text_cache.wrap(term.definition.get(lang), regular, inner, lc).height() +
                         ctx.metrics().space_tight + ctx.text_cache.wrap(note, small, inner, lc).height();
    if (!draw) return height;
    ctx.draw->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), c.surface, ctx.metrics().radius_item);
    float y = pos.y + pad;
    y += draw_wrapped(ctx.draw, ctx.text_cache, term.term.get(lang), medium, ImVec2(pos.x + pad, y), inner, c.primary, lc);
    y += ctx.metrics().space_tight;
    y += draw_wrapped(ctx.draw, ctx.text_cache, term.definition.get(lang), regular, ImVec2(pos.x + pad, y), inner,
                      c.text, lc);
    y += ctx.metrics().space_tight;
    draw_wrapped(ctx.draw, ctx.text_cache, note, small, ImVec2(pos.x + pad, y), inner, c.text_muted, lc);
    return height;
}

}  // namespace

bool has_glossary(const ContentStore& content) { return !content.explore().glossary.empty(); }

void open_glossary(UiState& state) {
    state.nav.push(Screen::Glossary);
    state.explore.glossary_scroll.stop();
    state.explore.glossary_scroll.set_extent(0, 1);
}

void draw_glossary_screen(UiContext& ctx) {
    ExploreState& explore = ctx.state.explore;
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    const Lang lang = ctx.state.language;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, c.background);
    if (draw_top_bar(ctx, ctx.t("glossary.title"), true, true)) {
        ctx.state.nav.pop();
        return;
    }
    // "Source: paragraph 6 of …", once per language.
    const auto& terms = ctx.content.explore().glossary;
    if (explore.sources.size() != terms.size() || explore.sources_lang != lang) {
        explore.sources.assign(terms.size(), std::string());
        for (size_t i = 0; i < terms.size(); ++i) explore.sources[i] = glossary_source_note(ctx, terms[i]);
        explore.sources_lang = lang;
    }
    const float margin = theme.margin();
    const ImVec2 area_min(0, theme.top_bar_height()), area_max(ctx.screen.x, ctx.screen.y);
    scroll_region(ctx, explore.glossary_scroll, area_min, area_max);
    ctx.draw->PushClipRect(area_min, area_max, true);
    const float top = area_min.y + margin * 0.6f - explore.glossary_scroll.offset();
    float y = top;
    const float width = ctx.screen.x - margin * 2;
    y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("glossary.subheading"), ctx.font(FontRole::Regular),
                      ImVec2(margin, y), width, c.text_muted, lang_code(lang), 2) +
         ctx.metrics().space_list;
    // Two columns where each keeps a comfortable line at the visitor's text size; each entry
    // goes to the shorter one.
    const float gap = ctx.metrics().space_card;
    const int columns = width >= ctx.font(FontRole::Regular)->size * kColumnMinEms * 2 + gap ? 2 : 1;
    const float column_width = (width - gap * (columns - 1)) / columns;
    float column_y[2] = {y, y};
    for (size_t i = 0; i < terms.size(); ++i) {
        const int col = columns == 2 && column_y[1] < column_y[0] ? 1 : 0;
        const ImVec2 pos(margin + col * (column_width + gap), column_y[col]);
        const std::string* source = explore.sources[i].empty() ? nullptr : &explore.sources[i];
        const float h = glossary_entry(ctx, terms[i], source, pos, column_width, false);
        if (pos.y + h >= area_min.y && pos.y <= area_max.y)
            glossary_entry(ctx, terms[i], source, pos, column_width, true);
        column_y[col] += h + gap;
    }
    explore.glossary_height = std::max(column_y[0], column_y[1]) - top + margin * 0.5f;
    ctx.draw->PopClipRect();
    explore.glossary_scroll.set_extent(explore.glossary_height, area_max.y - area_min.y);
    scroll_indicator(ctx, explore.glossary_scroll, area_min, area_max, explore.glossary_height);
}

}  // namespace kiosk::ui
