// Search: the query field and the on-screen keyboard on the left, the results on the right.
// Results update as the visitor types: SearchIndex::search runs when the query changes, never
// per frame. Tapping a document result opens the reader at that paragraph with every match of
// the query highlighted; a lesson result opens the lesson at that slide.
//
// [SECTION] opening results       open_search, open_result (reader matches: reader_matches.cpp)
// [SECTION] query field and topics
// [SECTION] results list
// [SECTION] the screen
#include "core/search_index.h"
#include "core/utf8.h"
#include "ui/onscreen_keyboard.h"
#include "ui/screens.h"
#include "ui/text_highlight.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr int kMaxResults = 30;
constexpr int kSnippetLines = 4;
constexpr int kTopicCount = 6;
// Topic chips, per language: common subjects of the documents and lessons, as the visitor's
// language writes them: one tap instead of typing. Hidden while pinyin is being composed.
constexpr const char* kTopicKeys[kTopicCount] = {"search.topic1", "search.topic2", "search.topic3",
                                                 "search.topic4", "search.topic5", "search.topic6"};

// ---------------------------------------------------------------------------------------------
// [SECTION] opening results
// ---------------------------------------------------------------------------------------------

void open_result(UiContext& ctx, const SearchResult& result) {
    UiState& state = ctx.state;
    if (result.lesson) {
        open_lesson(state, *result.lesson, result.hit.paragraph > 0 ? result.hit.paragraph - 1 : 0);
        return;
    }
    if (!result.document) return;
    const Document& doc = *result.document;
    open_document(state, doc);
    // The reader opens in the language that matched, at that passage.
    if (auto lang = parse_lang(result.hit.lang)) state.reader.text_lang = *lang;
    ReaderMatches& found = state.reader.search;
    found.query = state.search.query;
    if (ctx.search)
        found.matches = reader_matches(*ctx.search, found.query, doc, state.reader.text_lang, false,
                                       state.language);  // the reader leads with the visitor's title and summary
    found.current = first_match_of_hit(doc, found.matches, result.hit);
    found.scroll_pending = found.current >= 0;
}

// Runs the search for the current query and prepares the rows (once per change of the query).
void run_search(UiContext& ctx) {
    SearchState& search = ctx.state.search;
    search.searched = search.query;
    search.results.clear();
    search.scroll.stop();
    search.scroll.scroll_to(0, false, ctx.now);
    if (!ctx.search) return;
    for (SearchHit& hit : ctx.search->search(search.query, kMaxResults)) {
        SearchResult result;
        if (hit.kind == "lesson") result.lesson = ctx.content.find_lesson(hit.item);
        else result.document = ctx.content.find_document(hit.item);
        if (!result.lesson && !result.document) continue;  // the index and the content disagree: show nothing stale
        result.snippet = strip_match_markers(hit.snippet, &result.matches);
        result.hit = std::move(hit);
        search.results.push_back(std::move(result));
    }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] query field and topics
// ---------------------------------------------------------------------------------------------

// A magnifying glass drawn with primitives (the fonts have no such glyph).
void draw_magnifier(ImDrawList* draw, ImVec2 center, float size, ImU32 color, float thickness) {
    const float r = size * 0.32f;
    const ImVec2 lens(center.x - size * 0.1f, center.y - size * 0.1f);
    draw->AddCircle(lens, r, color, 32, thickness);
    const float d = r * 0.7071f;
    draw->AddLine(ImVec2(lens.x + d, lens.y + d), ImVec2(center.x + size * 0.42f, center.y + size * 0.42f), color,
                  thickness * 1.4f);
}

// The query as typed, its tail visible when it is longer than the field, with a caret. On a
// screen too short for the composition line, the pinyin being composed follows the query,
// underlined, and the input method's state message stands in for the placeholder.
void draw_query_field(UiContext& ctx, ImVec2 min, ImVec2 max, bool inline_pinyin) {
    const Palette& c = ctx.theme.colors;
    ctx.draw->AddRectFilled(min, max, c.surface, ctx.theme.corner());
    ctx.draw->AddRect(min, max, c.primary, ctx.theme.corner(), 0, ctx.metrics().line_regular);
    const float h = max.y - min.y;
    draw_magnifier(ctx.draw, ImVec2(min.x + h * 0.5f, (min.y + max.y) * 0.5f), h * 0.5f, c.primary, ctx.metrics().line_bold);
    const float left = min.x + h, right = max.x - ctx.metrics().space_card;
    const std::string& query = ctx.state.search.query;
    const std::string& composition = ctx.state.search.ime_view.composition;
    const Font* font = ctx.font(FontRole::Title);
    const float text_y = (min.y + max.y - font->size) * 0.5f;
    const char* state_key = inline_pinyin ? pinyin_state_key(ctx.ime) : nullptr;
    if (query.empty() && (!inline_pinyin || composition.empty())) {
        const Font* regular = ctx.font(FontRole::Regular);
        ctx.draw->PushClipRect(ImVec2(left, min.y), ImVec2(right, max.y), true);
        draw_text(ctx.draw, regular, ImVec2(left, (min.y + max.y - regular->size) * 0.5f), c.text_muted,
                  ctx.t(state_key ? state_key : "search.placeholder"));
        ctx.draw->PopClipRect();
        ctx.draw->AddRectFilled(ImVec2(left - ctx.metrics().caret_width * 2, text_y),
                                ImVec2(left - ctx.metrics().caret_width, text_y + font->size), c.primary);
        return;
    }
    const float query_width = query.empty() ? 0 : text_size(font, query).x;
    const float pinyin_width = inline_pinyin && !composition.empty() ? text_size(font, composition).x : 0;
    const float width = query_width + pinyin_width;
    const float x = width <= right - left ? left : right - width;  // keep the end, where the visitor types, in view
    ctx.draw->PushClipRect(ImVec2(left, min.y), ImVec2(right, max.y), true);
    if (!query.empty()) draw_text(ctx.draw, font, ImVec2(x, text_y), c.text, query);
    if (pinyin_width > 0) {
        const float px = x + query_width;
        draw_text(ctx.draw, font, ImVec2(px, text_y), c.primary, composition);
        const float underline = text_y + font->size * 1.15f;
        ctx.draw->AddRectFilled(ImVec2(px, underline),
                                ImVec2(px + pinyin_width, underline + ctx.metrics().line_regular), c.primary);
    }
    ctx.draw->PopClipRect();
    const float caret = std::min(x + width, right) + ctx.metrics().caret_width;
    ctx.draw->AddRectFilled(ImVec2(caret, text_y), ImVec2(caret + ctx.metrics().caret_width, text_y + font->size), c.primary);
}

// Chips that fill the query with a common topic. Returns the height used.
float draw_topics(UiContext& ctx, ImVec2 pos, float width) {
    const Palette& c = ctx.theme.colors;
    const Font* small = ctx.font(FontRole::Small);
    const Font* font = ctx.font(FontRole::Regular);
    draw_text(ctx.draw, small, pos, c.text_muted, ctx.t("search.topics"));
    float y = pos.y + small->size * 1.6f;
    const float h = std::max(ctx.theme.min_target(), ctx.metrics().space_page);
    const float gap = ctx.metrics().space_related;
    float x = pos.x;
    for (const char* key : kTopicKeys) {
        const std::string& topic = ctx.t(key);
        const float w = text_size(font, topic).x + ctx.metrics().pad_card * 2;
        if (x > pos.x && x + w > pos.x + width) {
            x = pos.x;
            y += h + gap;
        }
        TouchArea area = touch_area(ctx, key, topic, ImVec2(x, y), ImVec2(x + w, y + h));
        ctx.draw->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), area.pressed ? c.primary : c.accent_soft, h * 0.5f);
        if (ctx.theme.high_contrast)
            ctx.draw->AddRect(ImVec2(x, y), ImVec2(x + w, y + h), c.accent, h * 0.5f, 0, ctx.metrics().line_thin);
        draw_text_centered(ctx.draw, font, ImVec2(x, y), ImVec2(x + w, y + h),
                           area.pressed ? c.text_on_primary : c.text, topic);
        if (area.clicked) ctx.state.search.query = topic;
        x += w + gap;
    }
    return y + h - pos.y;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] results list
// ---------------------------------------------------------------------------------------------

const WrappedText& wrap_snippet(SearchResult& result, const Font* font, float width) {
    return result.snippet_lines.wrap(result.snippet, font, width, result.hit.lang.c_str());
}

// The snippet with its matches on an accent background. Returns the height used.
float draw_snippet(UiContext& ctx, SearchResult& result, const Font* font, ImVec2 pos, float width) {
    const WrappedText& wrapped = wrap_snippet(result, font, width);
    const Palette& c = ctx.theme.colors;
    const float line_height = wrapped.line_height;
    const size_t lines = std::min<size_t>(wrapped.lines.size(), kSnippetLines);
    const char* text = result.snippet.data();
    for (size_t i = 0; i < lines; ++i) {
        const LineSpan& line = wrapped.lines[i];
        ImVec2 at(pos.x, pos.y + line_height * static_cast<float>(i));
        for (const TextRange& match : result.matches)
            draw_match_box(ctx.draw, font, ImVec2(at.x, at.y - font->size * 0.1f), font->size * 1.3f, text + line.begin,
                           text + line.end, text + match.begin, text + match.end, c.accent_soft, ctx.metrics().radius_small);
        draw_text(ctx.draw, font, at, c.text, text + line.begin, text + line.end);
    }
    return line_height * static_cast<float>(lines);
}

const std::string& result_title(const SearchResult& result, Lang lang) {
    return result.lesson ? result.lesson->title.get(lang) : result.document->info.title.get(lang);
}

// The kind chip: the document type in its colour, or "Lesson". Returns its height.
float draw_result_chip(UiContext& ctx, const SearchResult& result, ImVec2 pos) {
    const std::string& label =
        result.lesson ? ctx.t("search.kind_lesson") : ctx.t(document_type_key(result.document->info.type));
    const ImU32 fill = result.lesson ? ctx.theme.colors.accent : ctx.theme.document_type_color(result.document->info.type);
    return draw_chip(ctx, pos, label, fill, ctx.theme.colors.text_on_primary).y;
}

// Height of a result card at `width`, from the wrapped title and snippet.
float result_height(UiContext& ctx, SearchResult& result, float width) {
    const float pad = ctx.metrics().pad_card;
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* regular = ctx.font(FontRole::Regular);
    const Lang lang = ctx.state.language;
    const WrappedText& title = ctx.text_cache.wrap(result_title(result, lang), medium, width - pad * 2, lang_code(lang));
    const WrappedText& snippet = wrap_snippet(result, regular, width - pad * 2);
    const float chip = chip_height(ctx);
    const size_t snippet_lines = std::min<size_t>(snippet.lines.size(), kSnippetLines);
    return pad * 2 + chip + ctx.metrics().space_related + title.line_height * std::min<size_t>(title.lines.size(), 2) +
           ctx.metrics().space_related + snippet.line_height * static_cast<float>(snippet_lines);
}

// One result card; returns true when tapped.
bool draw_result(UiContext& ctx, SearchResult& result, int rank, ImVec2 min, ImVec2 max) {
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const std::string& title = result_title(result, lang);
    TouchArea area = touch_area(ctx, {"search.result", rank}, title, min, max);
    draw_card(ctx, min, max, area.pressed);
    const float pad = ctx.metrics().pad_card;
    const float width = max.x - min.x - pad * 2;
    float y = min.y + pad;
    y += draw_result_chip(ctx, result, ImVec2(min.x + pad, y)) + ctx.metrics().space_related;
    y += draw_wrapped(ctx.draw, ctx.text_cache, title, ctx.font(FontRole::Medium), ImVec2(min.x + pad, y), width,
                      c.primary, lang_code(lang), 2);
    y += ctx.metrics().space_related;
    draw_snippet(ctx, result, ctx.font(FontRole::Regular), ImVec2(min.x + pad, y), width);
    return area.clicked;
}

// A centred message in the results column: no query yet, or nothing found.
void draw_results_message(UiContext& ctx, ImVec2 min, ImVec2 max, const char* title_key, const char* body_key) {
    const Palette& c = ctx.theme.colors;
    const float width = max.x - min.x;
    const float cx = (min.x + max.x) * 0.5f;
    float y = min.y + ctx.metrics().empty_state_top;
    draw_magnifier(ctx.draw, ImVec2(cx, y), ctx.metrics().empty_state_icon, c.border, ctx.metrics().line_ring);
    y += ctx.metrics().empty_state_icon - ctx.metrics().space_list;
    const Font* medium = ctx.font(FontRole::Medium);
    const char* lc = lang_code(ctx.state.language);
    const std::string& title = ctx.t(title_key);
    const float text_w = width - ctx.metrics().pad_panel * 2;
    y += draw_wrapped(ctx.draw, ctx.text_cache, title, medium, ImVec2(cx - text_w * 0.5f, y), text_w, c.text, lc, 0, true);
    y += ctx.metrics().space_related;
    const Font* regular = ctx.font(FontRole::Regular);
    const std::string& body = ctx.t(body_key);
    draw_wrapped(ctx.draw, ctx.text_cache, body, regular, ImVec2(cx - text_w * 0.5f, y), text_w, c.text_muted, lc, 0, true);
}

void draw_results(UiContext& ctx, ImVec2 min, ImVec2 max) {
    SearchState& search = ctx.state.search;
    const Palette& c = ctx.theme.colors;
    if (search.query.empty()) {
        draw_results_message(ctx, min, max, "search.hint_title", "search.hint_body");
        return;
    }
    if (search.results.empty()) {
        draw_results_message(ctx, min, max, "search.no_results", "search.no_results_hint");
        return;
    }
    const Font* medium = ctx.font(FontRole::Medium);
    char count[32];
    std::snprintf(count, sizeof count, "%d", static_cast<int>(search.results.size()));
    const std::string& label = ctx.t("search.results_count");
    draw_text(ctx.draw, medium, min, c.text, label);
    draw_text(ctx.draw, medium, ImVec2(min.x + text_size(medium, label).x + ctx.metrics().space_related, min.y),
              c.accent, count);
    ImVec2 list_min(min.x - ctx.metrics().space_related, min.y + medium->size * 1.6f),
        list_max(max.x + ctx.metrics().space_related, max.y);
    search.scroll.set_extent(search.list_height, list_max.y - list_min.y);
    scroll_region(ctx, search.scroll, list_min, list_max);
    ctx.draw->PushClipRect(list_min, list_max, true);
    const float gap = ctx.metrics().space_list;
    const float top = list_min.y + ctx.metrics().space_tight - search.scroll.offset();
    float y = top;
    const SearchResult* opened = nullptr;
    for (SearchResult& result : search.results) {
        const float h = result_height(ctx, result, max.x - min.x);
        if (y + h >= list_min.y && y <= list_max.y &&
            draw_result(ctx, result, static_cast<int>(&result - search.results.data()) + 1, ImVec2(min.x, y),
                        ImVec2(max.x, y + h)))
            opened = &result;
        y += h + gap;
    }
    search.list_height = y - top + ctx.metrics().space_tight;
    ctx.draw->PopClipRect();
    scroll_indicator(ctx, search.scroll, list_min, list_max, search.list_height);
    if (opened) open_result(ctx, *opened);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] the screen
// ---------------------------------------------------------------------------------------------

void apply_pinyin_events(UiContext& ctx) {
    if (!ctx.ime) return;
    SearchState& search = ctx.state.search;
    search.ime_events.clear();
    if (ctx.ime->take_events(&search.ime_events)) {
        for (const PinyinInput::Event& event : search.ime_events) {
            switch (event.kind) {
                case PinyinInput::Event::Kind::Commit: append_typed(&search.query, event.text); break;
                case PinyinInput::Event::Kind::EraseLast: utf8::erase_last(&search.query); break;
                case PinyinInput::Event::Kind::ClearQuery: search.query.clear(); break;
            }
        }
    }
    ctx.ime->update_view(&search.ime_view);
}

void open_search(UiState& state) {
    state.search.scroll.stop();
    state.nav.push(Screen::Search);
}

void draw_search_screen(UiContext& ctx) {
    SearchState& search = ctx.state.search;
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    if (!search.layout_chosen || search.layout_language != ctx.state.language) {
        if (search.layout == KeyboardLayout::Pinyin && ctx.ime) ctx.ime->drop_composition();
        search.layout = default_keyboard_layout(ctx.state.language);
        search.layout_language = ctx.state.language;
        search.layout_chosen = true;
    }
    if (search.layout == KeyboardLayout::Pinyin && !ctx.ime) search.layout = KeyboardLayout::English;
    const bool pinyin = search.layout == KeyboardLayout::Pinyin;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, c.background);
    if (draw_top_bar(ctx, ctx.t("search.title"), true)) {
        ctx.state.nav.pop();
        return;
    }

    // Landscape: query, topics and keyboard on the left, results on the right. Portrait (a
    // rotated panel): query and topics on top, results in the middle, keyboard across the bottom.
    const bool portrait = ctx.screen.x < ctx.screen.y;
    const float margin = theme.margin();
    const float top = theme.top_bar_height() + margin * 0.6f;
    const float keyboard_width =
        portrait ? ctx.screen.x - margin * 2 : std::min(ctx.metrics().keyboard_max_width, ctx.screen.x * 0.58f);
    const float left = margin, right = left + keyboard_width;
    const float field_height = ctx.metrics().search_field_height;
    // The composition line needs a row; a short screen shows the composition in the query field.
    const bool composition_line =
        ctx.screen.y - margin * 0.6f - onscreen_keyboard_height(ctx, keyboard_width, search.layout, true) >=
        top + field_height + ctx.metrics().space_card;
    const float keyboard_height = onscreen_keyboard_height(ctx, keyboard_width, search.layout, composition_line);
    const float keyboard_top = ctx.screen.y - margin * 0.6f - keyboard_height;

    // Keys first: on a tap they win over anything that might overlap them.
    draw_onscreen_keyboard(ctx, &search.layout, &search.query, ctx.ime, search.ime_view, composition_line,
                           ImVec2(left, keyboard_top), ImVec2(right, keyboard_top + keyboard_height));
    draw_query_field(ctx, ImVec2(left, top), ImVec2(right, top + field_height), pinyin && !composition_line);
    float y = top + field_height + ctx.metrics().space_card;
    if (pinyin && y + ctx.metrics().candidate_row_min_space < keyboard_top) {
        y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("search.pinyin_note"), ctx.font(FontRole::Small),
                          ImVec2(left, y), keyboard_width, c.text_muted, lang_code(ctx.state.language), 2);
        y += ctx.metrics().space_item;
    }
    const bool composing = pinyin && !search.ime_view.input.empty();
    if (!composing && y + ctx.metrics().topic_row_min_space < keyboard_top)
        y += draw_topics(ctx, ImVec2(left, y), keyboard_width) + ctx.metrics().space_group;

    // Taps on keys and chips changed the query this frame: search once, now.
    if (search.query != search.searched) run_search(ctx);

    if (portrait) draw_results(ctx, ImVec2(left, y), ImVec2(right, keyboard_top - ctx.metrics().space_card));
    else draw_results(ctx, ImVec2(right + margin, top), ImVec2(ctx.screen.x - margin, ctx.screen.y));
}

}  // namespace kiosk::ui
