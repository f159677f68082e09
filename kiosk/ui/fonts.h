// The kiosk's text styles. A Font is a weight and an exact pixel size drawn by the one
// TextRenderer; nothing is rasterized ahead of time (see text_renderer.h).
//
// Every style exists at each of the visitor's text sizes (Aa), and once more for Chinese,
// a step larger: Han characters need more pixels than Latin letters to stay legible. Sizes
// never go below a floor in screen pixels, so text stays readable on a 7" 800x480 panel.
#pragma once

#include "core/language.h"
#include "core/text/font_collection.h"

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

class TextRenderer;

constexpr int kTextSizeSteps = 3;  // the visitor's text sizes: small, medium (default), large

enum class FontRole {
    Small,    // metadata, captions
    Regular,  // buttons, card text
    Medium,   // bold: card titles, section headings in the UI
    Title,    // bold: screen titles
    Display,  // bold: hero text
    Count
};

struct Font {
    TextRenderer* renderer = nullptr;
    text::Weight weight = text::Weight::Regular;
    // The line box in pixels (Noto Sans's ascender + descender), as ImGui's FontSize was;
    // exact to a quarter pixel, at any value.
    float size = 0;
};

// The smallest size of a text in screen pixels (line box), whatever the panel.
constexpr float kMinSmallTextPx = 14.0f;
constexpr float kMinBodyTextPx = 16.0f;
// Chinese text is this much larger than Latin and Cyrillic text of the same role.
constexpr float kChineseStep = 1.15f;

enum class Script { Latin, Chinese };  // Latin stands for Latin and Cyrillic
inline Script script_of(Lang lang) { return lang == Lang::Zh ? Script::Chinese : Script::Latin; }

struct FontSet {
    FontSet() = default;
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    // The style of `role` at text size `step` (clamped to 0..kTextSizeSteps-1) for `script`.
    const Font* get(FontRole role, int step = 1, Script script = Script::Latin) const;
    // Document body text and its bold section headings.
    const Font* reader(int step, Script script = Script::Latin) const;
    const Font* reader_heading(int step, Script script = Script::Latin) const;

    // The kiosk's styles for a text scale (1 at 1920x1080; see ScreenLayout in theme.h).
    // Called again whenever the screen size changes.
    void build(TextRenderer* renderer, float text_scale);
    float text_scale() const { return text_scale_; }

private:
    static constexpr int kRoles = static_cast<int>(FontRole::Count) + 2;  // + reader body and heading
    static constexpr int kReaderBody = static_cast<int>(FontRole::Count);
    static constexpr int kReaderHeading = kReaderBody + 1;
    const Font* find(int role, int step, Script script) const;

    Font storage_[2][kTextSizeSteps][kRoles];  // [script][step][role]
    float text_scale_ = 0;
};

}  // namespace kiosk::ui
