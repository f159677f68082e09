// Home: a hero band naming the exhibit, the ways in to explore the documents (topics,
// timeline, member states, about the SCO, glossary) and the document library as cards (type,
// date, place, short title, summary), with the lessons completing the cards. Grids take as
// many columns as the width and the visitor's text size allow, cards are as tall as their
// content, and everything under the top bar scrolls, so the largest text on a 7" panel fits.
#include "ui/illustrations.h"
#include "ui/overview_widgets.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr int kMaxCardColumns = 3;
// A portrait panel at least this close to 1080 px wide shows the hero in display type.
constexpr float kRoomyHeroScale = 0.75f;
// A document card is at least this many title-font ems wide: columns follow the screen's
// width and the visitor's text size.
constexpr float kCardMinEms = 13.0f;
// A way in is its picture and a label of at least this many ems.
constexpr float kTileLabelMinEms = 5.0f;
// Lines of summary a card shows at most, and at least: two where the cards scroll anyway (a
// small panel, portrait), one where a line less keeps the library in view (large landscape).
constexpr int kMaxSummaryLines = 4;
int min_summary_lines(const ScreenLayout& layout) { return layout.large() ? 1 : 2; }
// At most lines of a card title (short titles take one to three).
constexpr int kMaxTitleLines = 4;

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
    const float picture = std::min(h, ctx.metrics().explore_tile_height) - ctx.metrics().icon_inset * 2;
    const float band = picture + ctx.metrics().icon_inset * 2;
    ctx.draw->AddRectFilled(min, ImVec2(min.x + band, max.y), c.accent_soft, rounding, ImDrawFlags_RoundCornersLeft);
    draw_illustration(ctx.draw, ctx.theme, entry.icon,
                      ImVec2(min.x + (band - picture) * 0.5f, min.y + (h - picture) * 0.5f), picture);
    const float x = min.x + band + ctx.metrics().space_list;
    const float width = max.x - x - ctx.metrics().space_item;
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* small = ctx.font(FontRole::Small);
    // A long label ("Государства-члены") may take two lines; the hint then gives way, and
    // otherwise takes the lines that are left.
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

// The ways in as a grid across [x, x + width] from `y`; returns its height (0 when none shows).
float draw_explore_grid(UiContext& ctx, float x, float y, float width) {
    const ExploreEntry* shown[std::size(kExploreEntries)];
    int count = 0;
    for (const ExploreEntry& entry : kExploreEntries)
        if (entry.available(ctx.content)) shown[count++] = &entry;
    ctx.state.home_layout.tile_columns = 0;
    if (count == 0) return 0;
    const Metrics& m = ctx.metrics();
    const float gap = m.space_card;
    const Font* medium = ctx.font(FontRole::Medium);
    const float label_line =
        ctx.text_cache.wrap(ctx.t(shown[0]->label_key), medium, width, lang_code(ctx.state.language)).line_height;
    // Room for a label of two lines, and never under a comfortable touch.
    const float height =
        std::max({ctx.theme.min_target() * 1.25f, m.explore_tile_height, label_line * 2 + m.space_item * 2});
    const float min_width = m.explore_tile_height + m.space_list + medium->size * kTileLabelMinEms;
    const int columns = grid_columns(width, min_width, gap, count, count);
    ctx.state.home_layout.tile_columns = columns;
    const float tile_w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const int rows = (count + columns - 1) / columns;
    for (int i = 0; i < count; ++i) {
        const int row = i / columns, col = i % columns;
        const ImVec2 min(x + static_cast<float>(col) * (tile_w + gap), y + static_cast<float>(row) * (height + gap));
        if (draw_explore_tile(ctx, *shown[i], min, ImVec2(min.x + tile_w, min.y + height))) {
            shown[i]->open(ctx.state);
            break;
        }
    }
    return static_cast<float>(rows) * height + static_cast<float>(rows - 1) * gap;
}

// The SCO's circle as a globe with meridians and parallels, for the hero: drawn, so the
// kiosk needs no image assets.
void draw_hero_globe(ImDrawList* draw, const Theme& theme, ImVec2 center, float radius) {
    const Palette& c = theme.colors;
    const float line = std::max(1.0f, radius * 0.06f);
    draw->AddCircleFilled(center, radius, c.primary, 64);
    const float r = radius * 0.72f;
    draw->AddCircle(center, r, c.text_on_primary, 64, line);
    draw->AddLine(ImVec2(center.x - r, center.y), ImVec2(center.x + r, center.y), c.text_on_primary, line);
    draw->AddLine(ImVec2(center.x, center.y - r), ImVec2(center.x, center.y + r), c.text_on_primary, line);
    constexpr int kSegments = 32;
    ImVec2 points[kSegments + 1];
    for (float squeeze : {0.45f}) {  // one pair of meridians, half as wide as the globe
        for (int i = 0; i <= kSegments; ++i) {
            const float a = 6.2831853f * static_cast<float>(i) / kSegments;
            points[i] = ImVec2(center.x + std::cos(a) * r * squeeze, center.y + std::sin(a) * r);
        }
        draw->AddPolyline(points, kSegments + 1, c.text_on_primary, ImDrawFlags_None, line);
    }
    for (float latitude : {-0.5f, 0.5f}) {  // two parallels
        const float half = r * std::sqrt(1.0f - latitude * latitude);
        draw->AddLine(ImVec2(center.x - half, center.y + latitude * r),
                      ImVec2(center.x + half, center.y + latitude * r), c.text_on_primary, line);
    }
}

// The hero band across [x, x + width] from `y`: the globe, the exhibit's name and a line of
// invitation, in the visitor's language. Compact on a small panel, larger on portrait.
// Returns its height.
float draw_hero(UiContext& ctx, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    const Palette& c = ctx.theme.colors;
    const char* code = lang_code(ctx.state.language);
    const bool roomy = ctx.layout().portrait() && ctx.layout().scale >= kRoomyHeroScale;
    const Font* heading = ctx.font(roomy ? FontRole::Display : FontRole::Title);
    const Font* regular = ctx.font(FontRole::Regular);
    const float pad = ctx.layout().small() ? m.pad_compact : ctx.layout().large() ? m.pad_card : m.pad_card_large;
    const std::string& name = ctx.t("home.heading");
    const std::string& invitation = ctx.t("home.invitation");
    const float heading_line = ctx.text_cache.wrap(name, heading, width, code).line_height;
    const float globe = heading_line * (roomy ? 1.6f : 1.0f);
    const float text_x = x + pad + globe + m.space_card;
    const float text_w = x + width - pad - text_x;
    // On a wide screen the invitation follows the name on its line, so the hero stays one
    // line tall and the cards keep the room.
    const float name_w = text_size(heading, name).x;
    const bool one_line = ctx.layout().large() && name_w + m.space_group + text_size(regular, invitation).x <= text_w;
    const float invitation_x = one_line ? text_x + name_w + m.space_group : text_x;
    const float invitation_w = one_line ? text_w - name_w - m.space_group : text_w;
    WrappedText& name_text = ctx.text_cache.wrap(name, heading, text_w, code);
    WrappedText& invitation_text = ctx.text_cache.wrap(invitation, regular, invitation_w, code);
    const int name_lines = std::min(3, static_cast<int>(name_text.lines.size()));
    const int invitation_lines = std::min(2, static_cast<int>(invitation_text.lines.size()));
    const float name_h = name_text.line_height * static_cast<float>(name_lines);
    const float invitation_h = invitation_text.line_height * static_cast<float>(invitation_lines);
    const float text_h = one_line ? name_h : name_h + m.space_tight + invitation_h;
    const float height = std::max(globe, text_h) + pad * 2;
    const ImVec2 min(x, y), max(x + width, y + height);
    ctx.draw->AddRectFilled(min, max, c.accent_soft, ctx.theme.corner());
    ctx.draw->AddRectFilled(min, ImVec2(min.x + m.accent_strip, max.y), c.primary, ctx.theme.corner(),
                            ImDrawFlags_RoundCornersLeft);
    draw_hero_globe(ctx.draw, ctx.theme, ImVec2(x + pad + globe * 0.5f, y + height * 0.5f), globe * 0.5f);
    const float text_y = y + (height - text_h) * 0.5f;
    draw_wrapped(ctx.draw, name_text, name, heading, ImVec2(text_x, text_y), text_w, c.primary, name_lines);
    // On one line the invitation sits on the name's baseline (both fonts' descents in proportion).
    const float invitation_y = one_line ? text_y + (name_h - invitation_h) * 0.78f : text_y + name_h + m.space_tight;
    draw_wrapped(ctx.draw, invitation_text, invitation, regular, ImVec2(invitation_x, invitation_y), invitation_w,
                 c.text, invitation_lines);
    HomeLayout& layout = ctx.state.home_layout;
    layout.hero[0] = min.x, layout.hero[1] = min.y, layout.hero[2] = width, layout.hero[3] = height;
    return height;
}

// A document card's text from `min` across `width`: type, date and place (beside the type
// when `date_beside` and they fit), the short title, up to `summary_max` lines of summary and
// the "Read" affordance at `bottom` (when > 0). Draws when `draw`; returns the height the card needs.
float card_body(UiContext& ctx, const Document& doc, const DocumentStrings& strings, ImVec2 min, float width,
                int summary_max, float bottom, bool draw, bool date_beside = true) {
    const Lang lang = ctx.state.language;
    const char* code = lang_code(lang);
    const Palette& c = ctx.theme.colors;
    const Metrics& m = ctx.metrics();
    const float pad = m.pad_card_large;
    const float inner = width - pad * 2;
    const float x = min.x + pad;
    float y = min.y + pad * 0.9f;
    // The type chip with the date and place beside it where they fit, else under it.
    const ImVec2 chip = chip_size(ctx, ctx.t(document_type_key(doc.info.type)));
    if (draw) draw_document_type_chip(ctx, ImVec2(x, y), doc.info.type);
    const Font* small = ctx.font(FontRole::Small);
    const std::string& date_place = strings.date_place[static_cast<int>(lang)];
    const float beside = chip.x + m.space_item;
    const bool one_row = date_beside && text_size(small, date_place).x <= inner - beside;
    const float date_x = one_row ? x + beside : x;
    const float date_w = one_row ? inner - beside : inner;
    WrappedText& date = ctx.text_cache.wrap(date_place, small, date_w, code);
    const float date_y = one_row ? y + (chip.y - small->size) * 0.5f : y + chip.y + m.space_tight;
    if (draw) draw_wrapped(ctx.draw, date, date_place, small, ImVec2(date_x, date_y), date_w, c.text_muted, 1);
    y = std::max(y + chip.y, date_y + date.line_height) + m.space_item;
    const std::string& title = doc.info.card_title(lang);
    const Font* title_font = ctx.font(FontRole::Medium);
    WrappedText& title_text = ctx.text_cache.wrap(title, title_font, inner, code);
    const int title_lines = std::min(kMaxTitleLines, static_cast<int>(title_text.lines.size()));
    if (draw) draw_wrapped(ctx.draw, title_text, title, title_font, ImVec2(x, y), inner, c.text, title_lines);
    y += title_text.line_height * static_cast<float>(title_lines) + m.space_related;
    const std::string& summary = doc.info.summary.get(lang);
    WrappedText& summary_text = ctx.text_cache.wrap(summary, small, inner, code);
    const Font* regular = ctx.font(FontRole::Regular);
    const float read_h = regular->size * 1.3f;
    int summary_lines = std::min(summary_max, static_cast<int>(summary_text.lines.size()));
    if (draw && bottom > 0)  // the card may be taller than this one needs: the summary fills it
        summary_lines =
            std::min(static_cast<int>(std::floor((bottom - read_h - m.space_related - y) / summary_text.line_height)),
                     std::max(summary_lines, kMaxSummaryLines));
    summary_lines = std::max(0, summary_lines);
    if (draw && summary_lines > 0)
        draw_wrapped(ctx.draw, summary_text, summary, small, ImVec2(x, y), inner, c.text_muted, summary_lines);
    y += summary_text.line_height * static_cast<float>(summary_lines) + m.space_related;
    if (draw) draw_text(ctx.draw, regular, ImVec2(x, bottom - read_h), c.accent, ctx.t("home.read"));
    return y + read_h + pad * 0.8f - min.y;
}

// Returns true when the card was tapped.
bool draw_document_card(UiContext& ctx, const Document& doc, const DocumentStrings& strings, ImVec2 min, ImVec2 max,
                        int summary_max, bool date_beside) {
    TouchArea area = touch_area(ctx, {"home.document", doc.info.id}, doc.info.card_title(ctx.state.language), min, max);
    draw_card(ctx, min, max, area.pressed);
    ctx.draw->AddRectFilled(min, ImVec2(min.x + ctx.metrics().accent_strip, max.y),
                            ctx.theme.document_type_color(doc.info.type), ctx.theme.corner(), ImDrawFlags_RoundCornersLeft);
    card_body(ctx, doc, strings, min, max.x - min.x, summary_max, max.y - ctx.metrics().pad_card_large * 0.8f, true,
              date_beside);
    return area.clicked;
}

struct CardGrid {
    int columns = 1;
    float width = 0, height = 0, gap = 0;
    int summary_lines = 0;
    bool date_beside = true;   // every card has room for its date beside its type
    int rows = 0;              // rows of document cards
    bool lessons_row = false;  // the lessons entry gets a row of its own
    float total = 0;           // height of the whole grid
};

// The cards' grid in `width`: as many columns as fit cards of kCardMinEms, every card as
// tall as the tallest needs; as many lines of summary as keep all cards in `room`, else a few.
CardGrid card_grid(UiContext& ctx, float width, float room) {
    CardGrid g;
    const auto& documents = ctx.content.documents();
    const int docs = static_cast<int>(documents.size());
    const bool lessons = !ctx.content.lessons().empty();
    g.gap = ctx.layout().portrait() ? ctx.metrics().space_group : ctx.metrics().space_card;
    // Chinese type is a step larger, and its titles are shorter: measured as Latin.
    const float ems = ctx.state.language == Lang::Zh ? kCardMinEms / kChineseStep : kCardMinEms;
    const float min_width = ctx.font(FontRole::Medium)->size * ems;
    g.columns = grid_columns(width, min_width, g.gap, std::max(1, docs + (lessons ? 1 : 0)), kMaxCardColumns);
    g.width = (width - g.gap * static_cast<float>(g.columns - 1)) / static_cast<float>(g.columns);
    g.rows = (docs + g.columns - 1) / g.columns;
    g.lessons_row = lessons && (docs % g.columns == 0);
    const int rows_all = g.rows + (g.lessons_row ? 1 : 0);
    // The date beside the type on every card or on none, so the cards of a row line up.
    const float inner = g.width - ctx.metrics().pad_card_large * 2;
    for (int i = 0; i < docs; ++i) {
        const std::string& date_place =
            ctx.strings.documents[static_cast<size_t>(i)].date_place[static_cast<int>(ctx.state.language)];
        const float chip = chip_size(ctx, ctx.t(document_type_key(documents[static_cast<size_t>(i)].info.type))).x;
        if (chip + ctx.metrics().space_item + text_size(ctx.font(FontRole::Small), date_place).x > inner)
            g.date_beside = false;
    }
    const int fewest = min_summary_lines(ctx.layout());
    for (int lines = kMaxSummaryLines; lines >= fewest; --lines) {
        float tallest = ctx.metrics().library_card_min_height;
        for (int i = 0; i < docs; ++i)
            tallest = std::max(
                tallest, card_body(ctx, documents[static_cast<size_t>(i)], ctx.strings.documents[static_cast<size_t>(i)],
                                   ImVec2(0, 0), g.width, lines, 0, false, g.date_beside));
        g.height = tallest;
        g.summary_lines = lines;
        g.total = static_cast<float>(rows_all) * g.height + static_cast<float>(rows_all - 1) * g.gap;
        if (g.total <= room) break;
    }
    if (docs == 0) g.total = lessons ? g.height : 0;
    return g;
}

// The document cards and the lessons entry from `top`; the lessons entry completes the last
// row of cards, or gets a row of its own below a full one.
void draw_card_grid(UiContext& ctx, const CardGrid& g, float left, float top, ImVec2 clip_min, ImVec2 clip_max) {
    const auto& documents = ctx.content.documents();
    const int docs = static_cast<int>(documents.size());
    const float right = left + g.width * static_cast<float>(g.columns) + g.gap * static_cast<float>(g.columns - 1);
    for (int i = 0; i < docs; ++i) {
        const int row = i / g.columns, col = i % g.columns;
        const ImVec2 min(left + static_cast<float>(col) * (g.width + g.gap),
                         top + static_cast<float>(row) * (g.height + g.gap));
        const ImVec2 max(min.x + g.width, min.y + g.height);
        if (max.y < clip_min.y || min.y > clip_max.y) continue;
        if (draw_document_card(ctx, documents[static_cast<size_t>(i)], ctx.strings.documents[static_cast<size_t>(i)],
                               min, max, g.summary_lines, g.date_beside)) {
            open_document(ctx.state, documents[static_cast<size_t>(i)]);
            return;
        }
    }
    if (ctx.content.lessons().empty()) return;
    ImVec2 min, max;
    if (g.lessons_row) {
        min = ImVec2(left, top + static_cast<float>(g.rows) * (g.height + g.gap));
        max = ImVec2(right, min.y + (g.columns == 1 ? g.height : std::min(g.height, ctx.metrics().banner_height)));
    } else {
        const int last = docs % g.columns;
        min = ImVec2(left + static_cast<float>(last) * (g.width + g.gap),
                     top + static_cast<float>(g.rows - 1) * (g.height + g.gap));
        max = ImVec2(right, min.y + g.height);
    }
    if (max.y >= clip_min.y && min.y <= clip_max.y && draw_lessons_entry(ctx, min, max)) open_lessons(ctx.state);
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
    HomeLayout& layout = ctx.state.home_layout;
    layout = HomeLayout{};

    const Metrics& m = ctx.metrics();
    const float margin = theme.margin();
    const float width = ctx.screen.x - margin * 2;
    const Font* small = ctx.font(FontRole::Small);
    const float footer_height = small->size * 2.2f;
    const ImVec2 area_min(0, theme.top_bar_height()), area_max(ctx.screen.x, ctx.screen.y - footer_height);
    const float gap = ctx.layout().portrait() ? m.space_group : m.space_card;

    // Everything under the top bar scrolls as one page: hero, ways in, cards.
    ctx.draw->PushClipRect(area_min, area_max, true);
    const float top = area_min.y + gap - ctx.state.home_scroll.offset();
    float y = top;
    y += draw_hero(ctx, margin, y, width) + gap;
    const float explore = draw_explore_grid(ctx, margin, y, width);
    if (ctx.state.screen() != Screen::Home) {
        ctx.draw->PopClipRect();
        return;
    }
    if (explore > 0) y += explore + gap;
    // The cards keep as much summary as lets them all be in view under the ways in.
    const CardGrid g = card_grid(ctx, width, area_max.y - (y - top + area_min.y + gap) - gap);
    layout.card_columns = g.columns;
    draw_card_grid(ctx, g, margin, y, area_min, area_max);
    ctx.draw->PopClipRect();
    const float content_height = y + g.total + gap - top + gap;
    ctx.state.home_scroll.set_extent(content_height, area_max.y - area_min.y);
    scroll_region(ctx, ctx.state.home_scroll, area_min, area_max);
    scroll_indicator(ctx, ctx.state.home_scroll, area_min, area_max, content_height);

    // The footer: content version at the left, "works offline" at the right; the version
    // gives way (with an ellipsis) when both do not fit.
    const char* code = lang_code(ctx.state.language);
    const std::string& note = ctx.t("home.offline_note");
    const float note_w = text_size(small, note).x;
    const float footer_y = ctx.screen.y - footer_height + small->size * 0.5f;
    const float version_w = width - note_w - m.space_card;
    if (version_w >= small->size * 4)
        draw_wrapped(ctx.draw, ctx.text_cache, ctx.strings.footer[static_cast<int>(ctx.state.language)], small,
                     ImVec2(margin, footer_y), version_w, c.text_muted, code, 1);
    draw_text(ctx.draw, small, ImVec2(ctx.screen.x - margin - std::min(note_w, width), footer_y), c.text_muted, note);
}

}  // namespace kiosk::ui
