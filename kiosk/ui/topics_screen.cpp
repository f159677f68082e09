// Topics: the curated subjects as large tiles with the number of passages on each; a tile
// opens the topic's passages grouped by document, and a passage opens the reader there with
// the topic's words highlighted.
#include "ui/display_strings.h"
#include "ui/overview_widgets.h"
#include "ui/screens.h"
#include "ui/text_highlight.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr int kMaxColumns = 5;
// A topic tile is at least this many ems of its name's font wide: columns follow the screen's
// width and the visitor's text size.
constexpr float kTileMinEms = 8.0f;

// "1 фрагмент", "3 фрагмента", "12 фрагментов"; "1 passage", "12 passages".
const std::string& passages_key(const UiContext& ctx, long n) {
    const char* form = "topics.passages_many";
    if (ctx.state.language == Lang::Ru) {
        if (n % 10 == 1 && n % 100 != 11) form = "topics.passages_one";
        else if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) form = "topics.passages_few";
    } else if (n == 1) {
        form = "topics.passages_one";
    }
    return ctx.t(form);
}

void make_labels(UiContext& ctx) {
    ExploreState& explore = ctx.state.explore;
    const auto& topics = ctx.content.explore().topics;
    if (explore.labels.size() == topics.size() && explore.labels_lang == ctx.state.language) return;
    explore.labels.clear();
    for (const Topic& topic : topics)
        explore.labels.push_back(fill_count(passages_key(ctx, topic.passage_count), topic.passage_count));
    explore.labels_lang = ctx.state.language;
}

bool draw_topic_tile(UiContext& ctx, const Topic& topic, const std::string& count, ImVec2 min, ImVec2 max) {
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    const std::string& name = topic.name.get(lang);
    TouchArea area = touch_area(ctx, {"topics.topic", topic.id}, name, min, max);
    const Palette& c = ctx.theme.colors;
    const float rounding = ctx.theme.corner();
    draw_card(ctx, min, max, area.pressed);
    ctx.draw->AddRectFilled(min, ImVec2(max.x, min.y + ctx.metrics().card_band), c.accent, rounding,
                            ImDrawFlags_RoundCornersTop);
    const float pad = ctx.metrics().pad_card;
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* small = ctx.font(FontRole::Small);
    const float bottom = max.y - pad * 0.8f - small->size;
    const float line = ctx.text_cache.wrap(name, medium, max.x - min.x - pad * 2, lc).line_height;
    const int lines = std::clamp(static_cast<int>((bottom - min.y - pad - ctx.metrics().space_related) / line), 1, 3);
    draw_wrapped(ctx.draw, ctx.text_cache, name, medium, ImVec2(min.x + pad, min.y + pad), max.x - min.x - pad * 2,
                 c.text, lc, lines);
    draw_text(ctx.draw, small, ImVec2(min.x + pad, bottom), c.accent, count);
    return area.clicked;
}

struct Passage {
    const Document* doc;
    int block;                 // index into Document::blocks
    size_t first_span, spans;  // its spans in Topic::spans
};

// The topic's passages in library order, each once.
std::vector<Passage> topic_passages(const ContentStore& content, const Topic& topic) {
    std::vector<Passage> out;
    for (size_t i = 0; i < topic.spans.size(); ++i) {
        const PassageSpan& span = topic.spans[i];
        if (!out.empty() && out.back().doc->info.id == span.document &&
            out.back().doc->blocks[out.back().block].id == span.block) {
            ++out.back().spans;
            continue;
        }
        const Document* doc = content.find_document(span.document);
        if (!doc || span.block < 1 || span.block > static_cast<int>(doc->blocks.size())) continue;
        out.push_back({doc, span.block - 1, i, 1});
    }
    return out;
}

// A passage: the lines around the topic's first word in the visitor's language, the words on
// an accent background. Returns the card's height; draws only when `draw` is set.
float passage_card(UiContext& ctx, const Topic& topic, const Passage& passage, ImVec2 pos, float width, bool draw,
                   bool* tapped) {
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    const Font* regular = ctx.font(FontRole::Regular);
    const Font* small = ctx.font(FontRole::Small);
    const float pad = ctx.metrics().pad_tile;
    const std::string& text = passage.doc->blocks[passage.block].text_in(lang);
    // The lines keep room at their left for the "… " that marks an excerpt starting inside the passage.
    const float lead = text_width(regular, "… ");
    const WrappedText& wrapped = ctx.text_cache.wrap(text, regular, width - pad * 2 - lead, lc);
    constexpr size_t kLines = 3;
    const float height = pad * 2 + small->size * 1.4f + wrapped.line_height * std::min(kLines, wrapped.lines.size());
    if (!draw) return height;
    const ImVec2 max(pos.x + width, pos.y + height);
    TouchArea area = touch_area(ctx, {"topic.passage", static_cast<int>(passage.first_span) + 1}, text, pos, max);
    *tapped = area.clicked;
    const Palette& c = ctx.theme.colors;
    ctx.draw->AddRectFilled(pos, max, area.pressed ? c.surface_alt : c.surface, ctx.metrics().radius_item);
    ctx.draw->AddRectFilled(pos, ImVec2(pos.x + ctx.metrics().accent_strip, max.y), c.accent_soft, ctx.metrics().radius_strip);
    const std::string label = fill_count(ctx.t("topics.paragraph"), passage.doc->blocks[passage.block].id);
    draw_text(ctx.draw, small, ImVec2(pos.x + pad, pos.y + pad * 0.8f), c.text_muted, label);
    // Start at the line holding the first of the topic's words in this language.
    size_t first_line = 0;
    for (size_t s = passage.first_span; s < passage.first_span + passage.spans; ++s) {
        const PassageSpan& span = topic.spans[s];
        if (span.lang != lang) continue;
        while (first_line + 1 < wrapped.lines.size() && wrapped.lines[first_line].end <= static_cast<size_t>(span.begin))
            ++first_line;
        break;
    }
    first_line = std::min(first_line, wrapped.lines.size() > kLines ? wrapped.lines.size() - kLines : 0);
    float y = pos.y + pad + small->size * 1.4f;
    for (size_t l = first_line; l < wrapped.lines.size() && l < first_line + kLines; ++l) {
        const char* begin = text.data() + wrapped.lines[l].begin;
        const char* end = text.data() + wrapped.lines[l].end;
        if (l == first_line && l > 0)  // the excerpt starts inside the passage
            draw_text(ctx.draw, regular, ImVec2(pos.x + pad, y), c.text_muted, "… ");
        for (size_t s = passage.first_span; s < passage.first_span + passage.spans; ++s) {
            const PassageSpan& span = topic.spans[s];
            if (span.lang == lang)
                draw_match_box(ctx.draw, regular, ImVec2(pos.x + pad + lead, y - regular->size * 0.1f),
                               regular->size * 1.3f, begin, end, text.data() + span.begin, text.data() + span.end,
                               c.accent_soft, ctx.metrics().radius_small);
        }
        draw_text(ctx.draw, regular, ImVec2(pos.x + pad + lead, y), c.text, begin, end);
        y += wrapped.line_height;
    }
    return height;
}

}  // namespace

bool has_topics(const ContentStore& content) { return !content.explore().topics.empty(); }

void open_topics(UiState& state) {
    state.nav.push(Screen::Topics);
    state.explore.topic = nullptr;
}

std::vector<ReaderMatch> topic_reader_matches(const Topic& topic, const Document& doc, Lang text_lang, bool with_original) {
    std::vector<ReaderMatch> out;
    for (const PassageSpan& span : topic.spans) {
        if (span.document != doc.info.id || (span.lang != text_lang && !(with_original && span.lang == Lang::Ru)))
            continue;
        if (span.block < 1 || span.block > static_cast<int>(doc.blocks.size())) continue;
        ReaderMatch match;
        match.block = span.block - 1;
        match.lang = span.lang;
        match.begin = static_cast<size_t>(span.begin);
        match.end = static_cast<size_t>(span.end);
        if (match.end > doc.blocks[match.block].text_in(span.lang).size()) continue;
        out.push_back(match);
    }
    // Within a block the translation (left column) comes before the original.
    std::stable_sort(out.begin(), out.end(), [](const ReaderMatch& a, const ReaderMatch& b) {
        return std::make_tuple(a.block, a.lang == Lang::Ru, a.begin) < std::make_tuple(b.block, b.lang == Lang::Ru, b.begin);
    });
    return out;
}

void draw_topics_screen(UiContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, c.background);
    if (draw_top_bar(ctx, ctx.t("topics.title"), true, true)) {
        ctx.state.nav.pop();
        return;
    }
    make_labels(ctx);
    const float margin = theme.margin();
    float y = theme.top_bar_height() + margin * 0.7f;
    const Font* regular = ctx.font(FontRole::Regular);
    y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("topics.subheading"), regular, ImVec2(margin, y),
                      ctx.screen.x - margin * 2, c.text_muted, lang_code(ctx.state.language), 2);
    y += margin * 0.5f;

    const auto& topics = ctx.content.explore().topics;
    const ImVec2 area_min(0, y), area_max(ctx.screen.x, ctx.screen.y);
    // As many columns as tiles of kTileMinEms fit, at most five; tiles as tall as the longest
    // name needs (up to three lines), so none is half empty.
    const float gap = ctx.metrics().space_card;
    const float grid_width = ctx.screen.x - margin * 2;
    const Font* medium = ctx.font(FontRole::Medium);
    const int columns =
        grid_columns(grid_width, medium->size * kTileMinEms, gap, static_cast<int>(topics.size()), kMaxColumns);
    const float width = (grid_width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const int rows = (static_cast<int>(topics.size()) + columns - 1) / columns;
    const float pad = ctx.metrics().pad_card;
    int name_lines = 1;
    float name_line = 0;
    for (const Topic& topic : topics) {
        const WrappedText& name = ctx.text_cache.wrap(topic.name.get(ctx.state.language), medium, width - pad * 2,
                                                      lang_code(ctx.state.language));
        name_lines = std::max(name_lines, std::min(3, static_cast<int>(name.lines.size())));
        name_line = name.line_height;
    }
    const float height =
        std::max(ctx.theme.min_target() * 1.5f, pad * 2 + name_line * static_cast<float>(name_lines) +
                                                    ctx.metrics().space_related + ctx.font(FontRole::Small)->size);
    const float content_height = rows * (height + gap) + gap;
    KineticScroll& scroll = ctx.state.explore.topics_scroll;
    scroll.set_extent(content_height, area_max.y - area_min.y);
    scroll_region(ctx, scroll, area_min, area_max);
    ctx.draw->PushClipRect(area_min, area_max, true);
    const float top = area_min.y + gap * 0.25f - scroll.offset();
    for (size_t i = 0; i < topics.size(); ++i) {
        const int row = static_cast<int>(i) / columns, col = static_cast<int>(i) % columns;
        ImVec2 min(margin + col * (width + gap), top + row * (height + gap)), max(min.x + width, min.y + height);
        if (max.y < area_min.y || min.y > area_max.y) continue;
        if (draw_topic_tile(ctx, topics[i], ctx.state.explore.labels[i], min, max)) {
            ctx.state.explore.topic = &topics[i];
            ctx.state.explore.topic_scroll.stop();
            ctx.state.explore.topic_scroll.set_extent(0, 1);
            ctx.state.nav.push(Screen::Topic);
        }
    }
    ctx.draw->PopClipRect();
    scroll_indicator(ctx, scroll, area_min, area_max, content_height);
}

void draw_topic_screen(UiContext& ctx) {
    ExploreState& explore = ctx.state.explore;
    if (!explore.topic) {
        ctx.state.nav.replace(Screen::Topics);
        return;
    }
    const Topic& topic = *explore.topic;
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, c.background);
    if (draw_top_bar(ctx, topic.name.get(lang), true, true)) {
        ctx.state.nav.pop();
        return;
    }
    make_labels(ctx);
    const float margin = theme.margin();
    const float width = std::min(ctx.metrics().topic_text_max_width, ctx.screen.x - margin * 2);
    const float x = (ctx.screen.x - width) * 0.5f;
    const ImVec2 area_min(0, theme.top_bar_height()), area_max(ctx.screen.x, ctx.screen.y);
    scroll_region(ctx, explore.topic_scroll, area_min, area_max);
    ctx.draw->PushClipRect(area_min, area_max, true);
    const float top = area_min.y + margin * 0.6f - explore.topic_scroll.offset();
    float y = top;
    const Font* title = ctx.font(FontRole::Title);
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* small = ctx.font(FontRole::Small);
    y += draw_wrapped(ctx.draw, ctx.text_cache, topic.name.get(lang), title, ImVec2(x, y), width, c.text, lc);
    const size_t index = static_cast<size_t>(&topic - ctx.content.explore().topics.data());
    if (index < explore.labels.size()) {
        y += ctx.metrics().space_tight;
        y += draw_wrapped(ctx.draw, ctx.text_cache, explore.labels[index], ctx.font(FontRole::Regular), ImVec2(x, y),
                          width, c.accent, lc);
    }
    y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("topics.hint"), small, ImVec2(x, y + ctx.metrics().space_tight),
                      width, c.text_muted, lc) +
         ctx.metrics().space_card;
    const Document* current = nullptr;
    const Passage* tapped = nullptr;
    const std::vector<Passage> passages = topic_passages(ctx.content, topic);
    for (const Passage& passage : passages) {
        if (passage.doc != current) {  // the document's heading above its passages
            current = passage.doc;
            const size_t doc_index = static_cast<size_t>(current - ctx.content.documents().data());
            y += ctx.metrics().space_related;
            y += draw_wrapped(ctx.draw, ctx.text_cache, current->info.card_title(lang), medium, ImVec2(x, y), width,
                              c.primary, lc, 2);
            if (doc_index < ctx.strings.documents.size())
                y += draw_wrapped(ctx.draw, ctx.text_cache,
                                  ctx.strings.documents[doc_index].date_place[static_cast<int>(lang)], small,
                                  ImVec2(x, y + ctx.metrics().space_nudge), width, c.text_muted, lc, 1) +
                     ctx.metrics().space_nudge;
            y += ctx.metrics().space_related;
        }
        bool clicked = false;
        const float h = passage_card(ctx, topic, passage, ImVec2(x, y), width, false, nullptr);
        if (y + h >= area_min.y && y <= area_max.y)
            passage_card(ctx, topic, passage, ImVec2(x, y), width, true, &clicked);
        if (clicked) tapped = &passage;
        y += h + ctx.metrics().space_related;
    }
    explore.topic_height = y - top + margin;
    ctx.draw->PopClipRect();
    explore.topic_scroll.set_extent(explore.topic_height, area_max.y - area_min.y);
    scroll_indicator(ctx, explore.topic_scroll, area_min, area_max, explore.topic_height);
    if (tapped) {
        open_document(ctx.state, *tapped->doc);
        ReaderState& reader = ctx.state.reader;
        reader.topic = &topic;
        reader.pending_block = tapped->block;
    }
}

}  // namespace kiosk::ui
