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

namespace {

constexpr int kUnitsPerRow = 12;  // the widest row (ЙЦУКЕНГШЩЗХЪ) is twelve keys
constexpr int kRows = 5;          // digits, three rows of letters, the control row
constexpr float kMaxKeyPx = 88;   // design pixels
constexpr float kGapPx = 10;

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
    return layouts[layout == KeyboardLayout::Russian ? 0 : 1];
}

float key_unit(const UiContext& ctx, float width) {
    float unit = (width - ctx.px(kGapPx) * (kUnitsPerRow - 1)) / kUnitsPerRow;
    // The design scale follows the long side too, which shrinks a rotated (portrait) panel's
    // keys; a finger is as wide as ever, so the cap follows the short side alone.
    const float cap = std::max(ctx.px(kMaxKeyPx), kMaxKeyPx * std::min(ctx.screen.x, ctx.screen.y) / 1080.0f);
    return std::max(ctx.theme.min_target(), std::min(unit, cap));
}

// A key face: raised white key, blue while pressed so the finger sees it went down.
bool draw_key(UiContext& ctx, const std::string& label, ImVec2 min, ImVec2 max, bool emphasised, FontRole font) {
    TouchArea area = touch_area(ctx, label, min, max);
    const Palette& c = ctx.theme.colors;
    const float rounding = ctx.px(10);
    ImU32 fill = emphasised ? c.surface_alt : c.surface;
    ImU32 text = c.text;
    if (area.pressed) {
        fill = c.primary;
        text = c.text_on_primary;
    }
    if (!ctx.theme.high_contrast)
        ctx.draw->AddRectFilled(ImVec2(min.x, min.y + ctx.px(3)), ImVec2(max.x, max.y + ctx.px(3)), c.border, rounding);
    ctx.draw->AddRectFilled(min, max, fill, rounding);
    ctx.draw->AddRect(min, max, area.pressed ? c.primary : c.border, rounding, 0, ctx.px(2));
    draw_text_centered(ctx.draw, ctx.fonts.get(font), min, max, text, label);
    return area.clicked;
}

bool append_limited(std::string* text, const std::string& typed) {
    if (static_cast<int>(utf8::length(*text)) >= kMaxTypedChars) return false;
    *text += typed;
    return true;
}

}  // namespace

KeyboardLayout default_keyboard_layout(Lang lang) {
    return lang == Lang::Ru ? KeyboardLayout::Russian : KeyboardLayout::English;
}

float onscreen_keyboard_height(const UiContext& ctx, float width) {
    return key_unit(ctx, width) * kRows + ctx.px(kGapPx) * (kRows - 1);
}

bool draw_onscreen_keyboard(UiContext& ctx, KeyboardLayout* layout, std::string* text, ImVec2 min, ImVec2 max) {
    const float width = max.x - min.x;
    const float unit = key_unit(ctx, width);
    const float gap = ctx.px(kGapPx);
    const float full = unit * kUnitsPerRow + gap * (kUnitsPerRow - 1);
    const float left = min.x + std::max(0.0f, (width - full) * 0.5f);
    bool changed = false;
    float y = min.y;
    for (const std::vector<Key>& row : layout_keys(*layout).rows) {
        const float row_width = unit * row.size() + gap * (row.size() - 1);
        float x = left + (full - row_width) * 0.5f;
        for (const Key& key : row) {
            if (draw_key(ctx, key.label, ImVec2(x, y), ImVec2(x + unit, y + unit), false, FontRole::Title))
                changed = append_limited(text, key.typed) || changed;
            x += unit + gap;
        }
        y += unit + gap;
    }

    // The control row: layout switch (2 units), space (6), backspace (2), clear (2).
    auto span = [&](int units) { return unit * units + gap * (units - 1); };
    float x = left;
    const std::string& switch_label =
        ctx.t(*layout == KeyboardLayout::Russian ? "search.key_latin" : "search.key_cyrillic");
    if (draw_key(ctx, switch_label, ImVec2(x, y), ImVec2(x + span(2), y + unit), true, FontRole::Medium))
        *layout = *layout == KeyboardLayout::Russian ? KeyboardLayout::English : KeyboardLayout::Russian;
    x += span(2) + gap;
    if (draw_key(ctx, ctx.t("search.key_space"), ImVec2(x, y), ImVec2(x + span(6), y + unit), false, FontRole::Regular)) {
        // One space between words is all the search needs; a leading space would do nothing.
        if (!text->empty() && text->back() != ' ') changed = append_limited(text, " ") || changed;
    }
    x += span(6) + gap;
    if (draw_key(ctx, ctx.t("search.key_backspace"), ImVec2(x, y), ImVec2(x + span(2), y + unit), true,
                 FontRole::Regular) &&
        !text->empty()) {
        utf8::erase_last(text);
        changed = true;
    }
    x += span(2) + gap;
    if (draw_key(ctx, ctx.t("search.key_clear"), ImVec2(x, y), ImVec2(x + span(2), y + unit), true, FontRole::Regular) &&
        !text->empty()) {
        text->clear();
        changed = true;
    }
    return changed;
}

}  // namespace kiosk::ui
