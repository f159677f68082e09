// The on-screen keyboard (onscreen_keyboard.h). Rows of letters are data, not translations:
// a keyboard layout looks the same whatever language the visitor reads.
#include "ui/onscreen_keyboard.h"

#include "core/utf8.h"
#include "ui/ui_context.h"
#include "ui/widgets.h"

#include <algorithm>
#include <array>
#include <vector>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr int kUnitsPerRow = 12;  // the widest row (ЙЦУКЕНГШЩЗХЪ) is twelve keys

// Lower-case rows as typed; the keys show them in capitals. ё sits at the end of the bottom
// row, where Russian touch keyboards usually put it.
constexpr const char* kDigitRow = "1234567890";
constexpr std::array<const char*, 3> kRussianRows = {"йцукенгшщзхъ", "фывапролджэ", "ячсмитьбюё"};
constexpr std::array<const char*, 3> kEnglishRows = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

struct Key {
    std::string label;  // shown and used by tap-label: the capital letter, or the digit
    std::string typed;  // appended to the text
};

// The keys of one layout, split into UTF-8 characters once (no per-frame allocation).
struct LayoutKeys {
    std::array<std::vector<Key>, 4> rows;  // digits first
};

// Capitals of the letters on the keys: basic Latin, а–я and ё. Digits stay as they are.
char32_t key_capital(char32_t cp) {
    if (cp >= U'a' && cp <= U'z') return cp - 0x20;
    if (cp >= 0x0430 && cp <= 0x044F) return cp - 0x20;
    if (cp == 0x0451) return 0x0401;
    return cp;
}

std::vector<Key> keys_of(const char* row) {
    std::vector<Key> keys;
    std::string text(row);
    for (size_t pos = 0; pos < text.size();) {
        char32_t cp = utf8::decode(text, pos);
        Key key;
        utf8::append(key.typed, cp);
        utf8::append(key.label, key_capital(cp));
        keys.push_back(std::move(key));
    }
    return keys;
}

const LayoutKeys& layout_keys(KeyboardLayout layout) {
    static const LayoutKeys layouts[2] = {
        {{keys_of(kDigitRow), keys_of(kRussianRows[0]), keys_of(kRussianRows[1]), keys_of(kRussianRows[2])}},
        {{keys_of(kDigitRow), keys_of(kEnglishRows[0]), keys_of(kEnglishRows[1]), keys_of(kEnglishRows[2])}},
    };
    return layouts[layout == KeyboardLayout::Russian ? 0 : 1];  // 拼音 types on QWERTY
}

// A row of keys, or the part of one that fits on a line of a narrow keyboard.
struct RowSpan {
    const std::vector<Key>* keys = nullptr;
    size_t begin = 0, end = 0;
};

constexpr int kMaxLines = 8;    // lines of letters (or digits) once long rows wrap
constexpr int kMinColumns = 4;  // a keyboard narrower than four keys is not laid out better by wrapping

// Where the keys of a layout go for a KeyboardFit: their size, and the rows as lines.
struct Grid {
    float key_w = 0, key_h = 0, gap = 0;
    int columns = kUnitsPerRow;  // keys on a full line
    float full = 0;              // width of a full line
    std::array<RowSpan, kMaxLines> letters{};
    int letter_lines = 0;
    std::array<RowSpan, kMaxLines> digits{};
    int digit_lines = 0;
    bool digit_row = true;  // the digits have their own lines (else behind the "123" key)
};

// Splits `keys` into as few lines of at most `columns` keys as it takes, of even length.
void split_row(const std::vector<Key>& keys, int columns, std::array<RowSpan, kMaxLines>* lines, int* count) {
    const size_t n = keys.size(), per_line = static_cast<size_t>(columns);
    const size_t parts = (n + per_line - 1) / per_line;
    const size_t each = parts ? (n + parts - 1) / parts : n;
    for (size_t begin = 0; begin < n && *count < kMaxLines; begin += each)
        (*lines)[static_cast<size_t>((*count)++)] = {&keys, begin, std::min(n, begin + each)};
}

Grid keyboard_grid(const UiContext& ctx, KeyboardLayout layout, const KeyboardFit& fit) {
    Grid g;
    g.gap = ctx.metrics().key_gap;
    const float target = ctx.theme.min_target();
    // The design scale follows the long side too, which shrinks a rotated (portrait) panel's
    // keys; a finger is as wide as ever, so the cap follows the short side alone.
    const float cap = std::max(ctx.metrics().key_max_size, ctx.metrics().key_max_size / ctx.theme.scale *
                                                               std::min(ctx.screen.x, ctx.screen.y) / 1080.0f);
    float w = (fit.width - g.gap * (kUnitsPerRow - 1)) / kUnitsPerRow;
    if (w < target) {  // too narrow for twelve keys: fewer to a line, the long rows wrap
        g.columns = std::max(kMinColumns, static_cast<int>((fit.width + g.gap) / (target + g.gap)));
        w = (fit.width - g.gap * static_cast<float>(g.columns - 1)) / static_cast<float>(g.columns);
    }
    // Keys held to a low height (a short panel) may be wider than tall, up to half again.
    g.key_w = std::max(target, std::min(w, fit.max_key_height > 0 ? cap * 1.5f : cap));
    const float h = fit.max_key_height > 0 ? std::min(g.key_w, fit.max_key_height) : g.key_w;
    g.key_h = std::max(target, h);
    g.full = g.key_w * static_cast<float>(g.columns) + g.gap * static_cast<float>(g.columns - 1);
    const LayoutKeys& keys = layout_keys(layout);
    split_row(keys.rows[0], g.columns, &g.digits, &g.digit_lines);
    for (size_t row = 1; row < keys.rows.size(); ++row)
        split_row(keys.rows[row], g.columns, &g.letters, &g.letter_lines);
    // The "123" key needs room in the control row beside the other four.
    g.digit_row = fit.digit_row || g.columns < 10;
    return g;
}

// A key's label in `role`, or a smaller face when it is wider than the key; an ellipsis if even
// the smallest does not fit.
void draw_key_label(UiContext& ctx, FontRole role, ImVec2 min, ImVec2 max, ImU32 color, const std::string& label) {
    const float room = max.x - min.x - ctx.metrics().pad_chip_x * 2;
    const Font* font = ctx.font(role);
    for (FontRole smaller : {FontRole::Regular, FontRole::Small}) {
        if (text_size(font, label).x <= room || static_cast<int>(smaller) >= static_cast<int>(role)) break;
        font = ctx.font(smaller);
    }
    if (text_size(font, label).x <= room) {
        draw_text_centered(ctx.draw, font, min, max, color, label);
        return;
    }
    draw_wrapped(ctx.draw, ctx.text_cache, label, font,
                 ImVec2(min.x + ctx.metrics().pad_chip_x, (min.y + max.y - font->size) * 0.5f), room, color,
                 lang_code(ctx.state.language), 1, true);
}

// A key face: raised white key, blue while pressed so the finger sees it went down; a
// `selected` toggle (the "123" key while the digits show) on the accent background.
bool draw_key(UiContext& ctx, const TargetId& id, const std::string& label, ImVec2 min, ImVec2 max, bool emphasised,
              FontRole font, bool selected = false) {
    TouchArea area = touch_area(ctx, id, label, min, max);
    const Palette& c = ctx.theme.colors;
    const float rounding = ctx.metrics().radius_control;
    ImU32 fill = selected ? c.accent_soft : emphasised ? c.surface_alt : c.surface;
    ImU32 text = c.text;
    if (area.pressed) {
        fill = c.primary;
        text = c.text_on_primary;
    }
    if (!ctx.theme.high_contrast)
        ctx.draw->AddRectFilled(ImVec2(min.x, min.y + ctx.metrics().key_depth),
                                ImVec2(max.x, max.y + ctx.metrics().key_depth), c.border, rounding);
    ctx.draw->AddRectFilled(min, max, fill, rounding);
    ctx.draw->AddRect(min, max, area.pressed || selected ? c.primary : c.border, rounding, 0, ctx.metrics().line_thin);
    draw_key_label(ctx, font, min, max, text, label);
    return area.clicked;
}

const char* switch_label_key(KeyboardLayout next) {
    switch (next) {
        case KeyboardLayout::Russian: return "search.key_cyrillic";
        case KeyboardLayout::English: return "search.key_latin";
        case KeyboardLayout::Pinyin: return "search.key_pinyin";
    }
    return "search.key_latin";
}

// The composition line: the 拼音 tag and the pinyin typed so far (or why there is none).
void draw_composition(UiContext& ctx, const PinyinInput* ime, const PinyinInput::View& view, ImVec2 min, ImVec2 max) {
    const Palette& c = ctx.theme.colors;
    const Font* small = ctx.font(FontRole::Small);
    const Font* medium = ctx.font(FontRole::Medium);
    const std::string& tag = ctx.t("search.key_pinyin");
    const float h = max.y - min.y;
    const float tag_w = std::max(text_size(small, tag).x + ctx.metrics().pad_chip_x * 2, h * 1.5f);
    ctx.draw->AddRectFilled(min, ImVec2(min.x + tag_w, max.y), c.accent_soft, h * 0.5f);
    draw_text_centered(ctx.draw, small, min, ImVec2(min.x + tag_w, max.y), c.text, tag);
    const float x = min.x + tag_w + ctx.metrics().space_item;
    ctx.draw->PushClipRect(ImVec2(x, min.y), max, true);
    if (const char* key = pinyin_state_key(ime)) {
        draw_text(ctx.draw, small, ImVec2(x, (min.y + max.y - small->size) * 0.5f), c.text_muted, ctx.t(key));
    } else if (!view.composition.empty()) {
        const float y = (min.y + max.y - medium->size) * 0.5f;
        const float w = text_size(medium, view.composition).x;
        draw_text(ctx.draw, medium, ImVec2(x, y), c.primary, view.composition);
        ctx.draw->AddRectFilled(ImVec2(x, y + medium->size * 1.15f),
                                ImVec2(x + w, y + medium->size * 1.15f + ctx.metrics().line_regular), c.primary);
    }
    ctx.draw->PopClipRect();
}

// The candidate bar: the page's candidates as large keys, ◀ ▶ at its end.
void draw_candidates(UiContext& ctx, PinyinInput* ime, const PinyinInput::View& view, ImVec2 min, ImVec2 max,
                     float unit, float gap) {
    const float arrows_left = max.x - unit * 2 - gap;
    FontRole role = FontRole::Title;
    // Four-character words on every key may not fit at the keys' size: then a smaller face.
    float needed = 0;
    for (const std::string& candidate : view.candidates)
        needed += std::max(unit, text_size(ctx.font(role), candidate).x + ctx.metrics().pad_tile * 2) + gap;
    if (needed > arrows_left - min.x) role = FontRole::Medium;
    const Font* font = ctx.font(role);
    float x = min.x;
    for (size_t i = 0; i < view.candidates.size(); ++i) {
        const std::string& candidate = view.candidates[i];
        const float w = std::max(unit, text_size(font, candidate).x + ctx.metrics().pad_tile * 2);
        if (x + w > arrows_left - gap) break;  // does not fit even so: the next page has room
        if (draw_key(ctx, {"search.candidate", static_cast<int>(i) + 1}, candidate, ImVec2(x, min.y),
                     ImVec2(x + w, max.y), i != 0, role) &&
            ime)
            ime->select(static_cast<int>(i));
        x += w + gap;
    }
    if (view.candidates.empty()) return;  // nothing to page through
    const Palette& c = ctx.theme.colors;
    auto arrow = [&](const char* key, bool enabled, float left, int delta) {
        const ImVec2 a(left, min.y), b(left + unit, max.y);
        if (!enabled) {
            ctx.draw->AddRect(a, b, c.border, ctx.metrics().radius_control, 0, ctx.metrics().line_thin);
            draw_text_centered(ctx.draw, ctx.font(FontRole::Medium), a, b, c.border, ctx.t(key));
            return;
        }
        if (draw_key(ctx, key, ctx.t(key), a, b, true, FontRole::Medium) && ime) ime->page(delta);
    };
    arrow("search.previous_page", view.has_previous, arrows_left, -1);
    arrow("search.next_page", view.has_next, arrows_left + unit + gap, +1);
}

// Hands a key to the input method: the query changes when it commits.
void type_pinyin(PinyinInput& ime, const std::string& typed) {
    const char key = typed.size() == 1 ? typed[0] : 0;
    if (key >= 'a' && key <= 'z') ime.type(key);
    else if (key >= '0' && key <= '9') ime.digit(key);
}

}  // namespace

bool append_typed(std::string* text, const std::string& typed) {
    if (typed.empty() || static_cast<int>(utf8::length(*text)) >= kMaxTypedChars) return false;
    if (typed == " " && (text->empty() || text->back() == ' ')) return false;
    *text += typed;
    return true;
}

KeyboardLayout default_keyboard_layout(Lang lang) {
    switch (lang) {
        case Lang::Ru: return KeyboardLayout::Russian;
        case Lang::Zh: return KeyboardLayout::Pinyin;
        case Lang::En: return KeyboardLayout::English;
    }
    return KeyboardLayout::English;
}

KeyboardLayout next_keyboard_layout(KeyboardLayout layout, Lang lang) {
    if (layout == KeyboardLayout::English) return KeyboardLayout::Russian;
    if (layout == KeyboardLayout::Russian && lang == Lang::Zh) return KeyboardLayout::Pinyin;
    return KeyboardLayout::English;
}

const char* keyboard_layout_name(KeyboardLayout layout) {
    switch (layout) {
        case KeyboardLayout::Russian: return "russian";
        case KeyboardLayout::English: return "english";
        case KeyboardLayout::Pinyin: return "pinyin";
    }
    return "english";
}

const char* pinyin_state_key(const PinyinInput* ime) {
    const PinyinInput::State state = ime ? ime->state() : PinyinInput::State::Failed;
    if (state == PinyinInput::State::Ready) return nullptr;
    return state == PinyinInput::State::Starting ? "search.ime_starting" : "search.ime_unavailable";
}

float onscreen_keyboard_height(const UiContext& ctx, KeyboardLayout layout, const KeyboardFit& fit) {
    const Grid g = keyboard_grid(ctx, layout, fit);
    const int lines = g.letter_lines + (g.digit_row ? g.digit_lines : 0) + 1;  // and the control row
    float height = (g.key_h + g.gap) * static_cast<float>(lines) - g.gap;
    if (layout != KeyboardLayout::Pinyin) return height;
    if (fit.composition_line) height += std::max(ctx.theme.min_target(), ctx.metrics().composition_height) + g.gap;
    if (fit.candidate_bar) height += g.key_h + g.gap;
    return height;
}

bool draw_onscreen_keyboard(UiContext& ctx, KeyboardLayout* layout, bool* digits, std::string* text, PinyinInput* ime,
                            const PinyinInput::View& view, const KeyboardFit& fit, ImVec2 min) {
    const Grid g = keyboard_grid(ctx, *layout, fit);
    const float gap = g.gap;
    const float left = min.x + std::max(0.0f, (fit.width - g.full) * 0.5f);
    const bool pinyin = *layout == KeyboardLayout::Pinyin && ime;
    if (g.digit_row) *digits = false;
    bool changed = false;
    float y = min.y;
    if (pinyin) {
        const float bar_right = left + g.full;
        if (fit.composition_line) {
            const float line = std::max(ctx.theme.min_target(), ctx.metrics().composition_height);
            draw_composition(ctx, ime, view, ImVec2(left, y), ImVec2(bar_right, y + line));
            y += line + gap;
        }
        if (fit.candidate_bar) {
            draw_candidates(ctx, ime, view, ImVec2(left, y), ImVec2(bar_right, y + g.key_h), g.key_w, gap);
            y += g.key_h + gap;
        }
    }
    auto draw_line = [&](const RowSpan& line, float line_y) {
        const float count = static_cast<float>(line.end - line.begin);
        float x = left + (g.full - (g.key_w * count + gap * (count - 1))) * 0.5f;
        for (size_t i = line.begin; i < line.end; ++i) {
            const Key& key = (*line.keys)[i];
            if (draw_key(ctx, {"search.key", key.typed}, key.label, ImVec2(x, line_y),
                         ImVec2(x + g.key_w, line_y + g.key_h), false, FontRole::Title)) {
                if (pinyin) type_pinyin(*ime, key.typed);
                else changed = append_typed(text, key.typed) || changed;
            }
            x += g.key_w + gap;
        }
    };
    const float line_step = g.key_h + gap;
    if (g.digit_row) {
        for (int i = 0; i < g.digit_lines; ++i, y += line_step) draw_line(g.digits[static_cast<size_t>(i)], y);
    }
    if (!g.digit_row && *digits) {
        // The digits in place of the letters, in the middle of their room: nothing else moves.
        const float room = line_step * static_cast<float>(g.letter_lines);
        float dy = y + (room - line_step * static_cast<float>(g.digit_lines)) * 0.5f;
        for (int i = 0; i < g.digit_lines; ++i, dy += line_step) draw_line(g.digits[static_cast<size_t>(i)], dy);
        y += room;
    } else {
        for (int i = 0; i < g.letter_lines; ++i, y += line_step) draw_line(g.letters[static_cast<size_t>(i)], y);
    }

    // The control row: layout switch (2 keys wide), the "123" key (2) where the digits have no
    // row of their own, space (the rest), backspace (2), clear (2).
    auto span = [&](int units) { return g.key_w * static_cast<float>(units) + gap * static_cast<float>(units - 1); };
    const int space_units = g.columns - 6 - (g.digit_row ? 0 : 2);
    float x = left;
    const ImVec2 size_2(span(2), g.key_h);
    const KeyboardLayout next = next_keyboard_layout(*layout, ctx.state.language);
    if (draw_key(ctx, "search.key.layout", ctx.t(switch_label_key(next)), ImVec2(x, y),
                 ImVec2(x + size_2.x, y + g.key_h), true, FontRole::Medium)) {
        // What is half typed in pinyin is not in the query yet: it goes with the layout.
        if (pinyin) ime->drop_composition();
        *layout = next;
        *digits = false;
    }
    x += size_2.x + gap;
    if (!g.digit_row) {
        if (draw_key(ctx, "search.key.digits", ctx.t("search.key_digits"), ImVec2(x, y),
                     ImVec2(x + size_2.x, y + g.key_h), true, FontRole::Medium, *digits))
            *digits = !*digits;
        x += size_2.x + gap;
    }
    if (draw_key(ctx, "search.key.space", ctx.t("search.key_space"), ImVec2(x, y),
                 ImVec2(x + span(space_units), y + g.key_h), false, FontRole::Regular)) {
        if (pinyin) ime->space();  // the first candidate, or a space between words
        else changed = append_typed(text, " ") || changed;
    }
    x += span(space_units) + gap;
    if (draw_key(ctx, "search.key.backspace", ctx.t("search.key_backspace"), ImVec2(x, y),
                 ImVec2(x + size_2.x, y + g.key_h), true, FontRole::Regular)) {
        if (pinyin) {
            ime->backspace();  // the composition first, then the query
        } else if (!text->empty()) {
            utf8::erase_last(text);
            changed = true;
        }
    }
    x += size_2.x + gap;
    if (draw_key(ctx, "search.key.clear", ctx.t("search.key_clear"), ImVec2(x, y), ImVec2(x + size_2.x, y + g.key_h),
                 true, FontRole::Regular)) {
        if (pinyin) {
            ime->clear();
        } else if (!text->empty()) {
            text->clear();
            changed = true;
        }
    }
    return changed;
}

}  // namespace kiosk::ui
