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
constexpr int kRows = 5;          // digits, three rows of letters, the control row

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

float key_unit(const UiContext& ctx, float width) {
    float unit = (width - ctx.metrics().key_gap * (kUnitsPerRow - 1)) / kUnitsPerRow;
    // The design scale follows the long side too, which shrinks a rotated (portrait) panel's
    // keys; a finger is as wide as ever, so the cap follows the short side alone.
    const float cap = std::max(ctx.metrics().key_max_size, ctx.metrics().key_max_size / ctx.theme.scale *
                                                               std::min(ctx.screen.x, ctx.screen.y) / 1080.0f);
    return std::max(ctx.theme.min_target(), std::min(unit, cap));
}

// A key face: raised white key, blue while pressed so the finger sees it went down.
bool draw_key(UiContext& ctx, const TargetId& id, const std::string& label, ImVec2 min, ImVec2 max, bool emphasised,
              FontRole font) {
    TouchArea area = touch_area(ctx, id, label, min, max);
    const Palette& c = ctx.theme.colors;
    const float rounding = ctx.metrics().radius_control;
    ImU32 fill = emphasised ? c.surface_alt : c.surface;
    ImU32 text = c.text;
    if (area.pressed) {
        fill = c.primary;
        text = c.text_on_primary;
    }
    if (!ctx.theme.high_contrast)
        ctx.draw->AddRectFilled(ImVec2(min.x, min.y + ctx.metrics().key_depth),
                                ImVec2(max.x, max.y + ctx.metrics().key_depth), c.border, rounding);
    ctx.draw->AddRectFilled(min, max, fill, rounding);
    ctx.draw->AddRect(min, max, area.pressed ? c.primary : c.border, rounding, 0, ctx.metrics().line_thin);
    draw_text_centered(ctx.draw, ctx.font(font), min, max, text, label);
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

float onscreen_keyboard_height(const UiContext& ctx, float width, KeyboardLayout layout, bool composition_line) {
    const float unit = key_unit(ctx, width), gap = ctx.metrics().key_gap;
    const float keys = unit * kRows + gap * (kRows - 1);
    if (layout != KeyboardLayout::Pinyin) return keys;
    const float line = composition_line ? std::max(ctx.theme.min_target(), ctx.metrics().composition_height) + gap : 0;
    return keys + line + unit + gap;
}

bool draw_onscreen_keyboard(UiContext& ctx, KeyboardLayout* layout, std::string* text, PinyinInput* ime,
                            const PinyinInput::View& view, bool composition_line, ImVec2 min, ImVec2 max) {
    const float width = max.x - min.x;
    const float unit = key_unit(ctx, width);
    const float gap = ctx.metrics().key_gap;
    const float full = unit * kUnitsPerRow + gap * (kUnitsPerRow - 1);
    const float left = min.x + std::max(0.0f, (width - full) * 0.5f);
    const bool pinyin = *layout == KeyboardLayout::Pinyin && ime;
    bool changed = false;
    float y = min.y;
    if (pinyin) {
        // Where keys at their minimum size are wider than the column, the bar stays inside it.
        const float bar_right = std::min(left + full, max.x);
        if (composition_line) {
            const float line = std::max(ctx.theme.min_target(), ctx.metrics().composition_height);
            draw_composition(ctx, ime, view, ImVec2(left, y), ImVec2(bar_right, y + line));
            y += line + gap;
        }
        draw_candidates(ctx, ime, view, ImVec2(left, y), ImVec2(bar_right, y + unit), unit, gap);
        y += unit + gap;
    }
    for (const std::vector<Key>& row : layout_keys(*layout).rows) {
        const float row_width = unit * row.size() + gap * (row.size() - 1);
        float x = left + (full - row_width) * 0.5f;
        for (const Key& key : row) {
            if (draw_key(ctx, {"search.key", key.typed}, key.label, ImVec2(x, y), ImVec2(x + unit, y + unit), false,
                         FontRole::Title)) {
                if (pinyin) type_pinyin(*ime, key.typed);
                else changed = append_typed(text, key.typed) || changed;
            }
            x += unit + gap;
        }
        y += unit + gap;
    }

    // The control row: layout switch (2 units), space (6), backspace (2), clear (2).
    auto span = [&](int units) { return unit * units + gap * (units - 1); };
    float x = left;
    const KeyboardLayout next = next_keyboard_layout(*layout, ctx.state.language);
    if (draw_key(ctx, "search.key.layout", ctx.t(switch_label_key(next)), ImVec2(x, y), ImVec2(x + span(2), y + unit),
                 true, FontRole::Medium)) {
        // What is half typed in pinyin is not in the query yet: it goes with the layout.
        if (pinyin) ime->drop_composition();
        *layout = next;
    }
    x += span(2) + gap;
    if (draw_key(ctx, "search.key.space", ctx.t("search.key_space"), ImVec2(x, y), ImVec2(x + span(6), y + unit), false,
                 FontRole::Regular)) {
        if (pinyin) ime->space();  // the first candidate, or a space between words
        else changed = append_typed(text, " ") || changed;
    }
    x += span(6) + gap;
    if (draw_key(ctx, "search.key.backspace", ctx.t("search.key_backspace"), ImVec2(x, y),
                 ImVec2(x + span(2), y + unit), true, FontRole::Regular)) {
        if (pinyin) {
            ime->backspace();  // the composition first, then the query
        } else if (!text->empty()) {
            utf8::erase_last(text);
            changed = true;
        }
    }
    x += span(2) + gap;
    if (draw_key(ctx, "search.key.clear", ctx.t("search.key_clear"), ImVec2(x, y), ImVec2(x + span(2), y + unit), true,
                 FontRole::Regular)) {
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
