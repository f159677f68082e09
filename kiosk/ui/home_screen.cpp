// Home: the document library as cards (type, date, place, title, summary), under a row of
// ways in to explore them (timeline, member states, about the SCO, ...), with the lessons
// completing the cards.
#include "ui/illustrations.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr int kColumns = 3;

// The ways in above the library, left to right: one line each. An entry shows only when its
// content is there.
struct ExploreEntry {
    const char* label_key;  // the tile's label; "<label_key>_hint" is its one-line hint
    Illustration icon;
    bool (*available)(const ContentStore& content);
    void (*open)(UiState& state);
};
constexpr ExploreEntry kExploreEntries[] = {
    {"home.explore.topics", Illustration::AppIcons, has_topics, open_topics},
    {"home.explore.timeline", Illustration::NewsSources, has_timeline, open_timeline},
    {"home.explore.members", Illustration::LocationPin, has_members, open_members},
    {"home.explore.about", Illustration::GovServices, has_about, open_about},
    {"home.explore.glossary", Illustration::FactCheck, has_glossary, open_glossary},
};

// One way in: picture, label and hint; true when tapped.
bool draw_explore_tile(UiContext& ctx, const ExploreEntry& entry, ImVec2 min, ImVec2 max) {
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const std::string& label = ctx.t(entry.label_key);
    TouchArea area = touch_area(ctx, entry.label_key, label, min, max);
    const float rounding = ctx.theme.corner();
    draw_card(ctx, min, max, area.pressed);
    const float h = max.y - min.y;
    const float picture = h - ctx.metrics().icon_inset * 2;
    ctx.draw->AddRectFilled(min, ImVec2(min.x + h, max.y), c.accent_soft, rounding, ImDrawFlags_RoundCornersLeft);
    draw_illustration(ctx.draw, ctx.theme, entry.icon,
                      ImVec2(min.x + (h - picture) * 0.5f, min.y + ctx.metrics().icon_inset), picture);
    const float x = min.x + h + ctx.metrics().space_list;
    const float width = max.x - x - ctx.metrics().space_item;
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* small = ctx.font(FontRole::Small);
    // Five tiles share a row, so a long label ("Государства-члены") may take two lines; the
    // hint then gives way, and otherwise takes the lines that are left.
    const char* code = lang_code(lang);
    const WrappedText& label_text = ctx.text_cache.wrap(label, medium, width, code);
    const int label_rows = std::min(2, static_cast<int>(label_text.lines.size()));
    const float label_h = label_text.line_height * static_cast<float>(label_rows);
    const std::string& hint = ctx.t(std::string(entry.label_key) + "_hint");
    int hint_rows = 0;
    float hint_line = 0;
    if (label_rows == 1) {
        const WrappedText& hint_text = ctx.text_cache.wrap(hint, small, width, code);
        hint_line = hint_text.line_height;
        const int room = static_cast<int>((h - ctx.metrics().space_item - label_h) / std::max(1.0f, hint_line));
        hint_rows = std::max(0, std::min({2, room, static_cast<int>(hint_text.lines.size())}));
    }
    float y = min.y + (h - label_h - hint_line * static_cast<float>(hint_rows)) * 0.5f;
    y += draw_wrapped(ctx.draw, ctx.text_cache, label, medium, ImVec2(x, y), width, c.primary, code, label_rows);
    if (hint_rows > 0)
        draw_wrapped(ctx.draw, ctx.text_cache, hint, small, ImVec2(x, y), width, c.text_muted, code, hint_rows);
    return area.clicked;
}

// The row of ways in across [x, x + width] at `y`; returns its height (0 when none shows).
float draw_explore_row(UiContext& ctx, float x, float y, float width) {
    const ExploreEntry* shown[std::size(kExploreEntries)];
    size_t count = 0;
    for (const ExploreEntry& entry : kExploreEntries)
        if (entry.available(ctx.content)) shown[count++] = &entry;
    if (count == 0) return 0;
    const float gap = ctx.metrics().space_card;
    const float height = std::max(ctx.theme.min_target() * 1.25f, ctx.metrics().explore_tile_height);
    const float tile_w = (width - gap * static_cast<float>(count - 1)) / static_cast<float>(count);
    for (size_t i = 0; i < count; ++i) {
        const ImVec2 min(x + static_cast<float>(i) * (tile_w + gap), y);
        if (draw_explore_tile(ctx, *shown[i], min, ImVec2(min.x + tile_w, y + height))) shown[i]->open(ctx.state);
    }
    return height;
}

struct CardGeometry {
    float width, height, gap;
};

// Cards fill the width in kColumns columns; two rows fit the screen without scrolling,
// more rows scroll.
CardGeometry card_geometry(const UiContext& ctx, float area_width, float area_height) {
    CardGeometry g;
    g.gap = ctx.metrics().space_group;
    g.width = (area_width - g.gap * (kColumns - 1)) / kColumns;
    g.height = std::max(ctx.metrics().library_card_min_height,
                        (area_height - g.gap * 2.25f) / 2);  // two rows fit under the explore row at 16:9
    return g;
}

// Returns true when the card was tapped.
bool draw_document_card(UiContext& ctx, const Document& doc, const DocumentStrings& strings, ImVec2 min, ImVec2 max) {
    const Lang lang = ctx.state.language;
    const int li = static_cast<int>(lang);
    const std::string& title = doc.info.title.get(lang);
    TouchArea area = touch_area(ctx, {"home.document", doc.info.id}, title, min, max);
    const Palette& c = ctx.theme.colors;
    const float rounding = ctx.theme.corner();

    draw_card(ctx, min, max, area.pressed);
    ctx.draw->AddRectFilled(min, ImVec2(min.x + ctx.metrics().accent_strip, max.y),
                            ctx.theme.document_type_color(doc.info.type), rounding, ImDrawFlags_RoundCornersLeft);

    const float pad = ctx.metrics().pad_card_large;
    const float inner_width = max.x - min.x - pad * 2;
    float y = min.y + pad * 0.9f;
    y += draw_document_type_chip(ctx, ImVec2(min.x + pad, y), doc.info.type).y + ctx.metrics().space_item;
    const Font* small = ctx.font(FontRole::Small);
    draw_wrapped(ctx.draw, ctx.text_cache, strings.date_place[li], small, ImVec2(min.x + pad, y), inner_width,
                 c.text_muted, lang_code(lang), 1);
    y += small->size * 1.6f;
    // The "read" affordance sits at the bottom so every card reads the same way; the title
    // gets as many lines as fit above it.
    const Font* regular = ctx.font(FontRole::Regular);
    const std::string& read = ctx.t("home.read");
    float bottom = max.y - pad * 0.8f - regular->size;
    const Font* title_font = ctx.font(FontRole::Medium);
    const float title_line = ctx.text_cache.wrap(title, title_font, inner_width, lang_code(lang)).line_height;
    int title_lines = std::clamp(static_cast<int>((bottom - y - ctx.metrics().space_related) / title_line), 1, 4);
    y += draw_wrapped(ctx.draw, ctx.text_cache, title, title_font, ImVec2(min.x + pad, y), inner_width, c.text,
                      lang_code(lang), title_lines);
    y += ctx.metrics().space_related;
    float summary_lines = std::floor((bottom - y - ctx.metrics().space_related) / (small->size * 1.3f));
    if (summary_lines >= 1)
        draw_wrapped(ctx.draw, ctx.text_cache, doc.info.summary.get(lang), small, ImVec2(min.x + pad, y), inner_width,
                     c.text_muted, lang_code(lang), static_cast<int>(summary_lines));
    draw_text(ctx.draw, regular, ImVec2(min.x + pad, bottom), c.accent, read);
    return area.clicked;
}

}  // namespace

void open_document(UiState& state, const Document& doc) {
    state.nav.push(Screen::Reader);
    state.reader.document = &doc;
    state.reader.scroll.stop();
    state.reader.scroll.set_extent(0, 1);
    state.reader.sidebar_scroll.stop();
    state.reader.layout = ReaderLayout{};
    state.reader.search = ReaderMatches{};
    state.reader.pending_block = -1;
    state.reader.highlight_block = -1;
    state.reader.topic = nullptr;
    state.reader.popover = ReaderPopover{};
    // In the visitor's language; the Russian original is a tap away.
    state.reader.text_lang = state.reader.followed_lang = state.language;
    state.reader.side_by_side = false;
    state.reader.originals.assign(doc.blocks.size(), 0);
    ++state.reader.originals_version;
}

void draw_home_screen(UiContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, c.background);
    draw_top_bar(ctx, ctx.t("app.title"), false, true);

    const float margin = theme.margin();
    float y = theme.top_bar_height() + margin * 0.6f;
    const Font* heading = ctx.font(FontRole::Title);
    draw_text(ctx.draw, heading, ImVec2(margin, y), c.text, ctx.t("home.heading"));
    y += heading->size * 1.3f;
    // On a short screen (1024x600) the cards need the line more than the hint: each says "Read".
    if (ctx.screen.y >= 720) {
        const Font* regular = ctx.font(FontRole::Regular);
        y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("home.subheading"), regular, ImVec2(margin, y),
                          ctx.screen.x - margin * 2, c.text_muted, lang_code(ctx.state.language), 1);
    }
    y += margin * 0.5f;
    const float explore = draw_explore_row(ctx, margin, y, ctx.screen.x - margin * 2);
    if (ctx.state.screen() != Screen::Home) return;
    if (explore > 0) y += explore + margin * 0.35f;

    const Font* small = ctx.font(FontRole::Small);
    const float footer_height = small->size * 2.2f;
    ImVec2 area_min(0, y), area_max(ctx.screen.x, ctx.screen.y - footer_height);
    const auto& documents = ctx.content.documents();
    CardGeometry g = card_geometry(ctx, ctx.screen.x - margin * 2, area_max.y - area_min.y);
    int rows = (static_cast<int>(documents.size()) + kColumns - 1) / kColumns;
    float content_height = rows * g.height + std::max(0, rows - 1) * g.gap + g.gap;
    // The lessons entry completes the last row of cards, or gets a banner row below a full one.
    const bool lessons = !ctx.content.lessons().empty();
    const int last_row_docs = static_cast<int>(documents.size()) % kColumns;
    const float banner_height = ctx.metrics().banner_height;
    if (lessons && last_row_docs == 0) content_height += banner_height + g.gap;
    ctx.state.home_scroll.set_extent(content_height, area_max.y - area_min.y);
    scroll_region(ctx, ctx.state.home_scroll, area_min, area_max);

    ctx.draw->PushClipRect(area_min, area_max, true);
    const float top = area_min.y + g.gap * 0.25f - ctx.state.home_scroll.offset();
    for (size_t i = 0; i < documents.size(); ++i) {
        int row = static_cast<int>(i) / kColumns, col = static_cast<int>(i) % kColumns;
        // An incomplete last row is centred rather than left hanging.
        int in_row = lessons ? kColumns : std::min(kColumns, static_cast<int>(documents.size()) - row * kColumns);
        float row_left = margin + (kColumns - in_row) * (g.width + g.gap) * 0.5f;
        ImVec2 min(row_left + col * (g.width + g.gap), top + row * (g.height + g.gap));
        ImVec2 max(min.x + g.width, min.y + g.height);
        if (max.y < area_min.y || min.y > area_max.y) continue;
        if (draw_document_card(ctx, documents[i], ctx.strings.documents[i], min, max))
            open_document(ctx.state, documents[i]);
    }
    if (lessons) {
        const float row_y = top + rows * (g.height + g.gap);
        ImVec2 min(margin, row_y), max(ctx.screen.x - margin, row_y + banner_height);
        if (last_row_docs > 0) {
            min = ImVec2(margin + last_row_docs * (g.width + g.gap), row_y - g.height - g.gap);
            max = ImVec2(ctx.screen.x - margin, min.y + g.height);
        }
        if (max.y >= area_min.y && min.y <= area_max.y && draw_lessons_entry(ctx, min, max)) open_lessons(ctx.state);
    }
    ctx.draw->PopClipRect();
    scroll_indicator(ctx, ctx.state.home_scroll, area_min, area_max, content_height);

    const std::string& footer = ctx.strings.footer[static_cast<int>(ctx.state.language)];
    draw_text(ctx.draw, small, ImVec2(margin, ctx.screen.y - footer_height + small->size * 0.5f), c.text_muted, footer);
    const std::string& note = ctx.t("home.offline_note");
    draw_text(ctx.draw, small,
              ImVec2(ctx.screen.x - margin - text_size(small, note).x, ctx.screen.y - footer_height + small->size * 0.5f),
              c.text_muted, note);
}

}  // namespace kiosk::ui
