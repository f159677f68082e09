// Search: the query field, the on-screen keyboard and the results, arranged by the class of
// screen. On a large landscape screen the field and the keyboard share the left column with
// the topic chips, and the results have the right column. On a small landscape panel and in
// portrait the keyboard spans the bottom, and the space between the field and the keys holds
// the results, or the topic chips and the hint while nothing is typed; that space scrolls, so
// nothing lies over a key. Results update as the visitor types: SearchIndex::search runs when the query changes, never
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
constexpr int kSnippetLines = 4;       // lines of a result's snippet
constexpr int kSmallSnippetLines = 2;  // on a small panel, where the results have less room
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

// "Results:" and their number.
void draw_results_count(UiContext& ctx, ImVec2 pos, const Font* font) {
    char count[32];
    std::snprintf(count, sizeof count, "%d", static_cast<int>(ctx.state.search.results.size()));
    const std::string& label = ctx.t("search.results_count");
    draw_text(ctx.draw, font, pos, ctx.theme.colors.text_muted, label);
    draw_text(ctx.draw, font, ImVec2(pos.x + text_size(font, label).x + ctx.metrics().space_tight, pos.y),
              ctx.theme.colors.accent, count);
}

float results_count_width(UiContext& ctx, const Font* font) {
    char count[32];
    std::snprintf(count, sizeof count, "%d", static_cast<int>(ctx.state.search.results.size()));
    return text_size(font, ctx.t("search.results_count")).x + ctx.metrics().space_tight + text_size(font, count).x;
}

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
// underlined, and the input method's state message stands in for the placeholder. With
// `count`, the number of results sits at the field's right end (where the screen has no room
// for a line of its own above the results).
void draw_query_field(UiContext& ctx, ImVec2 min, ImVec2 max, bool inline_pinyin, bool count) {
    const Palette& c = ctx.theme.colors;
    ctx.draw->AddRectFilled(min, max, c.surface, ctx.theme.corner());
    ctx.draw->AddRect(min, max, c.primary, ctx.theme.corner(), 0, ctx.metrics().line_regular);
    const float h = max.y - min.y;
    draw_magnifier(ctx.draw, ImVec2(min.x + h * 0.5f, (min.y + max.y) * 0.5f), h * 0.5f, c.primary, ctx.metrics().line_bold);
    const float left = min.x + h;
    float right = max.x - ctx.metrics().space_card;
    if (count && !ctx.state.search.query.empty() && !ctx.state.search.results.empty()) {
        const Font* small = ctx.font(FontRole::Small);
        right -= results_count_width(ctx, small);
        draw_results_count(ctx, ImVec2(right, (min.y + max.y - small->size) * 0.5f), small);
        right -= ctx.metrics().space_card;
    }
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

// The topic chips: "Popular topics" and the chips after it, wrapped onto lines of `width`.
// Measures when `draw` is false. Returns the height used. On a small panel the label is left
// out when it would cost a line of its own.
float topic_chips_with(UiContext& ctx, ImVec2 pos, float width, bool draw, bool label_shown) {
    const Palette& c = ctx.theme.colors;
    const Font* small = ctx.font(FontRole::Small);
    const Font* font = ctx.font(FontRole::Regular);
    const float h = std::max(ctx.theme.min_target(), font->size * 1.8f);
    const float gap = ctx.metrics().key_gap;  // targets stay apart like keys
    const std::string& label = ctx.t("search.topics");
    const float label_w = label_shown ? std::min(text_size(small, label).x, width) + gap : 0;
    if (draw && label_shown)
        draw_wrapped(ctx.draw, ctx.text_cache, label, small, ImVec2(pos.x, pos.y + (h - small->size) * 0.5f), width,
                     c.text_muted, lang_code(ctx.state.language), 1);
    float x = pos.x + label_w, y = pos.y;
    for (const char* key : kTopicKeys) {
        const std::string& topic = ctx.t(key);
        const float w =
            std::min(width, std::max(ctx.theme.min_target(), text_size(font, topic).x + ctx.metrics().pad_card * 2));
        if (x > pos.x && x + w > pos.x + width) {
            x = pos.x;
            y += h + gap;
        }
        if (draw) {
            TouchArea area = touch_area(ctx, key, topic, ImVec2(x, y), ImVec2(x + w, y + h));
            ctx.draw->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), area.pressed ? c.primary : c.accent_soft, h * 0.5f);
            if (ctx.theme.high_contrast)
                ctx.draw->AddRect(ImVec2(x, y), ImVec2(x + w, y + h), c.accent, h * 0.5f, 0, ctx.metrics().line_thin);
            const ImU32 color = area.pressed ? c.text_on_primary : c.text;
            if (text_size(font, topic).x + ctx.metrics().pad_card * 2 <= w) {
                draw_text_centered(ctx.draw, font, ImVec2(x, y), ImVec2(x + w, y + h), color, topic);
            } else {  // longer than the line: cut with an ellipsis
                const float pad = ctx.metrics().pad_card;
                draw_wrapped(ctx.draw, ctx.text_cache, topic, font, ImVec2(x + pad, y + (h - font->size) * 0.5f),
                             w - pad * 2, color, lang_code(ctx.state.language), 1);
            }
            if (area.clicked) {
                ctx.state.search.query = topic;
                if (ctx.ime) ctx.ime->drop_composition();  // the topic replaces what was half typed
            }
        }
        x += w + gap;
    }
    return y + h - pos.y;
}

float topic_chips(UiContext& ctx, ImVec2 pos, float width, bool draw) {
    const bool label = !ctx.layout().small() ||
                       topic_chips_with(ctx, pos, width, false, true) <= topic_chips_with(ctx, pos, width, false, false);
    return topic_chips_with(ctx, pos, width, draw, label);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] results list
// ---------------------------------------------------------------------------------------------

int snippet_lines(const UiContext& ctx) { return ctx.layout().small() ? kSmallSnippetLines : kSnippetLines; }

const WrappedText& wrap_snippet(SearchResult& result, const Font* font, float width) {
    return result.snippet_lines.wrap(result.snippet, font, width, result.hit.lang.c_str());
}

// The snippet with its matches on an accent background. Returns the height used.
float draw_snippet(UiContext& ctx, SearchResult& result, const Font* font, ImVec2 pos, float width) {
    const WrappedText& wrapped = wrap_snippet(result, font, width);
    const Palette& c = ctx.theme.colors;
    const float line_height = wrapped.line_height;
    const size_t lines = std::min<size_t>(wrapped.lines.size(), static_cast<size_t>(snippet_lines(ctx)));
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
    const size_t lines = std::min<size_t>(snippet.lines.size(), static_cast<size_t>(snippet_lines(ctx)));
    return pad * 2 + chip + ctx.metrics().space_related + title.line_height * std::min<size_t>(title.lines.size(), 2) +
           ctx.metrics().space_related + snippet.line_height * static_cast<float>(lines);
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

// Where the results go while there are none to show: the topic chips when the screen has no
// other place for them, the message (no query yet, or nothing found) under a magnifier where
// there is room, and the note on pinyin input when it has no other place. Scrolls when it is
// taller than its space, so it never runs under the keyboard.
struct MessagePanel {
    const char* title_key;
    const char* body_key;
    bool topics = false;  // the topic chips lead
    bool note = false;    // the pinyin note follows
};

void draw_results_message(UiContext& ctx, ImVec2 min, ImVec2 max, const MessagePanel& panel) {
    SearchState& search = ctx.state.search;
    const Palette& c = ctx.theme.colors;
    const float width = max.x - min.x;
    const float cx = (min.x + max.x) * 0.5f;
    search.scroll.set_extent(search.list_height, max.y - min.y);
    scroll_region(ctx, search.scroll, min, max);
    ctx.draw->PushClipRect(min, max, true);
    const float top = min.y - search.scroll.offset();
    float y = top;
    if (panel.topics) y += topic_chips(ctx, ImVec2(min.x, y), width, true) + ctx.metrics().space_group;
    // The large magnifier and centred text only in a column of their own.
    const bool icon = !panel.topics && ctx.layout().large();
    if (icon) {
        y += ctx.metrics().empty_state_top;
        draw_magnifier(ctx.draw, ImVec2(cx, y), ctx.metrics().empty_state_icon, c.border, ctx.metrics().line_ring);
        y += ctx.metrics().empty_state_icon - ctx.metrics().space_list;
    }
    const char* lc = lang_code(ctx.state.language);
    const float text_w = icon ? width - ctx.metrics().pad_panel * 2 : width;
    const float text_x = icon ? cx - text_w * 0.5f : min.x;
    y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t(panel.title_key), ctx.font(FontRole::Medium), ImVec2(text_x, y),
                      text_w, c.text, lc, 0, icon);
    y += ctx.metrics().space_related;
    y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t(panel.body_key), ctx.font(FontRole::Regular), ImVec2(text_x, y),
                      text_w, c.text_muted, lc, 0, icon);
    if (panel.note) {
        y += ctx.metrics().space_group;
        y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("search.pinyin_note"), ctx.font(FontRole::Small),
                          ImVec2(text_x, y), text_w, c.text_muted, lc, 0, icon);
    }
    search.list_height = y - top + ctx.metrics().space_tight;
    ctx.draw->PopClipRect();
    scroll_indicator(ctx, search.scroll, min, max, search.list_height);
}

// The results, or the panel that stands in for them. `topics` and `note`: the topic chips and
// the pinyin note have no other place on the screen. `count_in_field`: the number of results
// is shown in the query field (a small screen), not above the list.
void draw_results(UiContext& ctx, ImVec2 min, ImVec2 max, bool topics, bool note, bool count_in_field) {
    SearchState& search = ctx.state.search;
    if (search.query.empty()) {
        draw_results_message(ctx, min, max, {"search.hint_title", "search.hint_body", topics, note});
        return;
    }
    if (search.results.empty()) {
        draw_results_message(ctx, min, max, {"search.no_results", "search.no_results_hint", topics, false});
        return;
    }
    float list_top = min.y;
    if (!count_in_field) {
        const Font* medium = ctx.font(FontRole::Medium);
        draw_results_count(ctx, min, medium);
        list_top += medium->size * 1.6f;
    }
    ImVec2 list_min(min.x - ctx.metrics().space_related, list_top), list_max(max.x + ctx.metrics().space_related, max.y);
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

    // Large landscape: query, topics and keyboard on the left, results on the right. Small
    // landscape and portrait: the keyboard across the bottom, the query on top, the results
    // (or the topics and the hint) between them.
    const ScreenLayout& screen_class = ctx.layout();
    const bool stacked = !screen_class.large();
    const Metrics& m = ctx.metrics();
    const float margin = theme.margin();
    // Targets stay apart like keys; a small panel spends as little height as it can on space.
    const float gap = std::max(m.key_gap, screen_class.small() ? m.space_tight : m.space_card);
    const float edge = screen_class.small() ? m.space_tight : margin * 0.6f;
    const float top = theme.top_bar_height() + edge;
    const float bottom = ctx.screen.y - edge;
    const float field_height =
        std::max(stacked ? theme.min_target() : m.search_field_height, ctx.font(FontRole::Title)->size * 1.6f);
    const float column = stacked ? ctx.screen.x - margin * 2 : std::min(m.keyboard_max_width, ctx.screen.x * 0.58f);
    const float left = margin, right = left + column;

    // The keyboard takes what it needs; what is left above it must keep room for results (or,
    // in the left column, for nothing in particular). On a short screen the composition goes
    // into the query field, the candidate bar shows only while composing (the keys stay put:
    // the keyboard grows upwards), and the digits go behind a "123" key.
    KeyboardFit fit;
    fit.width = column;
    fit.max_key_height = screen_class.small() ? theme.min_target() : 0;
    fit.composition_line = pinyin;
    fit.candidate_bar = pinyin;
    const float room = bottom - (top + field_height + gap);
    const float needed = stacked ? m.search_results_min_height : 0;
    auto leaves = [&] { return room - onscreen_keyboard_height(ctx, search.layout, fit) - gap; };
    if (pinyin && leaves() < needed) fit.composition_line = false;
    const bool candidates_while_composing = pinyin && leaves() < needed;
    if (candidates_while_composing) fit.candidate_bar = false;
    if (leaves() < needed) fit.digit_row = false;
    const PinyinInput::View& view = search.ime_view;
    if (candidates_while_composing && (!view.input.empty() || !view.candidates.empty())) fit.candidate_bar = true;
    const float keyboard_top = bottom - onscreen_keyboard_height(ctx, search.layout, fit);

    // Keys first: a tap changes the query before the results are drawn for it.
    draw_onscreen_keyboard(ctx, &search.layout, &search.digits, &search.query, ctx.ime, view, fit,
                           ImVec2(left, keyboard_top));
    draw_query_field(ctx, ImVec2(left, top), ImVec2(right, top + field_height), pinyin && !fit.composition_line, stacked);
    const float below_field = top + field_height + gap;

    // In the left column, the topics and the pinyin note where they fit above the keys;
    // whatever does not fit goes to the results column while it has no results.
    bool topics_placed = false, note_placed = !pinyin;
    if (!stacked) {
        float y = below_field;
        const float limit = keyboard_top - gap;
        const float topics_h = topic_chips(ctx, ImVec2(left, y), column, false);
        if (y + topics_h <= limit) {
            y += topic_chips(ctx, ImVec2(left, y), column, true) + m.space_group;
            topics_placed = true;
        }
        const char* lc = lang_code(ctx.state.language);
        const WrappedText& note = ctx.text_cache.wrap(ctx.t("search.pinyin_note"), ctx.font(FontRole::Small), column, lc);
        if (pinyin && y + note.line_height * static_cast<float>(note.lines.size()) <= limit) {
            draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("search.pinyin_note"), ctx.font(FontRole::Small),
                         ImVec2(left, y), column, c.text_muted, lc);
            note_placed = true;
        }
    }

    // Taps on keys and chips changed the query this frame: search once, now.
    if (search.query != search.searched) run_search(ctx);

    if (stacked)
        draw_results(ctx, ImVec2(left, below_field), ImVec2(right, keyboard_top - gap), true, !note_placed, true);
    else
        draw_results(ctx, ImVec2(right + margin, top), ImVec2(ctx.screen.x - margin, bottom), !topics_placed,
                     !note_placed, false);
}

}  // namespace kiosk::ui
