// Colours and metrics of the kiosk. Every size is in design pixels at 1920x1080 and is
// multiplied by Theme::scale, so the layout holds at other resolutions.
#pragma once

#include "core/content_model.h"

#include <imgui.h>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

struct Palette {
    ImU32 background;      // page
    ImU32 surface;         // cards, panels
    ImU32 surface_alt;     // sidebar, pressed-off segments
    ImU32 border;
    ImU32 shadow;
    ImU32 text;            // body text
    ImU32 text_muted;      // metadata
    ImU32 text_on_primary;
    ImU32 primary;         // SCO blue: top bar, primary buttons
    ImU32 primary_pressed;
    ImU32 accent;          // highlights, active state
    ImU32 accent_soft;     // selected backgrounds
    ImU32 pressed_overlay; // press feedback on light surfaces
    ImU32 summary_band;    // background of non-official summaries
    ImU32 summary_label;   // the "not an official text" label
    ImU32 on_primary_fill;     // buttons on the top bar
    ImU32 on_primary_pressed;
    ImU32 on_primary_border;
    ImU32 scrollbar;
    ImU32 overlay_dim;     // behind modal overlays
    ImU32 success;         // a right quiz answer
    ImU32 success_soft;    // its background
    ImU32 danger;          // a wrong quiz answer, warnings in pictures
    ImU32 danger_soft;     // its background
    ImU32 warm;            // a third colour for pictures (amber)
};

struct Theme {
    float scale = 1.0f;
    bool high_contrast = false;
    Palette colors{};

    // Design pixels to screen pixels.
    float px(float design) const { return design * scale; }

    // Minimum touch target edge (48 px at 1080p, never smaller).
    float min_target() const { return px(48) < 48 ? 48 : px(48); }
    // Never below a fingertip: on a small or portrait screen the design scale drops (1080 wide
    // portrait is 0.56), but buttons keep at least 64 px so they stay at least 48 px when inset.
    float button_height() const { return px(76) < 64 ? 64 : px(76); }
    float top_bar_height() const { return px(112) < 84 ? 84 : px(112); }
    float margin() const { return px(48); }
    float corner() const { return px(16); }

    // A calm palette for an international forum: light neutral page, deep blue, teal accent.
    static Theme standard(float scale);
    // White on black with yellow accents, for visitors who need more contrast.
    static Theme contrast(float scale);
    // Colour of the type chip on library cards and in the reader.
    ImU32 document_type_color(DocumentType type) const;
};

}  // namespace kiosk::ui
