// The kiosk's text styles. A Font is a weight and an exact pixel size drawn by the one
// TextRenderer; nothing is rasterized ahead of time (see text_renderer.h).
#pragma once

#include "core/text/font_collection.h"

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

class TextRenderer;

constexpr int kTextSizeSteps = 3;  // reader text sizes: small, medium, large

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

struct FontSet {
    FontSet() = default;
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    const Font* ui[static_cast<int>(FontRole::Count)] = {};
    const Font* reader[kTextSizeSteps] = {};          // document body text per text-size step
    const Font* reader_heading[kTextSizeSteps] = {};  // bold section headings per step

    const Font* get(FontRole role) const { return ui[static_cast<int>(role)]; }

    // The kiosk's styles for a design scale (1 at 1920x1080).
    void build(TextRenderer* renderer, float scale);

private:
    Font storage_[static_cast<int>(FontRole::Count) + 2 * kTextSizeSteps];
};

}  // namespace kiosk::ui
