// Touch widgets shared by the screens. Nothing here depends on hover: a target is
// pressed while a finger that went down on it stays down without scrolling, and it is
// activated when that finger lifts on it (LVGL semantics, see docs/architecture.md).
#pragma once

#include "core/kinetic_scroll.h"
#include "ui/ui_context.h"

#include <string>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

enum class ButtonStyle {
    Primary,     // filled blue
    Secondary,   // white with border
    OnPrimary,   // light outline on the blue top bar
    SegmentOn,   // selected segment of a segmented control
    SegmentOff,  // unselected segment
};

struct TouchArea {
    bool clicked = false;  // a tap was released on the area this frame
    bool pressed = false;  // show press feedback
};

// Registers a touch target with its stable `id` (touch_targets.h) and labelled `label` (its
// visible text), and reports taps on it. The caller draws it; use this for composite targets
// such as library cards.
TouchArea touch_area(UiContext& ctx, const TargetId& id, const std::string& label, ImVec2 min, ImVec2 max);

// A button with a centred label. Returns true when tapped.
bool touch_button(UiContext& ctx, const TargetId& id, const std::string& label, ImVec2 min, ImVec2 max,
                  ButtonStyle style, FontRole font = FontRole::Regular);

// Width a button needs for `label` in `font`, at least the minimum target size.
float button_width(const UiContext& ctx, const std::string& label, FontRole font = FontRole::Regular);

// The RU / 中文 / EN switch, right-aligned to `right` and vertically centred on `center_y`.
// Returns its left edge. `compact` (small screens): segments just wide enough for their
// labels and a fingertip, instead of button-wide ones.
float language_switch(UiContext& ctx, float right, float center_y, bool compact = false);
// The width language_switch takes.
float language_switch_width(const UiContext& ctx, bool compact = false);

// Connects the finger to `scroll` inside [min, max]: drags scroll it, flicks continue,
// a tap stops a moving list. Call once per frame before drawing the region.
void scroll_region(UiContext& ctx, KineticScroll& scroll, ImVec2 min, ImVec2 max);

// The same for a region that scrolls sideways (the timeline): horizontal drags move `scroll`.
void scroll_region_horizontal(UiContext& ctx, KineticScroll& scroll, ImVec2 min, ImVec2 max);

// A thin scroll position indicator along the right edge of [min, max].
void scroll_indicator(UiContext& ctx, const KineticScroll& scroll, ImVec2 min, ImVec2 max, float content_height);

// Text helpers.
ImVec2 text_size(const Font* font, const std::string& text);  // one line: width, and the line box height
void draw_text_centered(ImDrawList* draw, const Font* font, ImVec2 min, ImVec2 max, ImU32 color, const std::string& text);

// A soft drop shadow under a rounded card (an outline in high contrast).
void draw_card_shadow(ImDrawList* draw, ImVec2 min, ImVec2 max, float rounding, const Theme& theme);

// A card or panel: its shadow and its surface with the theme's corner; `pressed` shows the
// press feedback of a tappable card. The second form fills it with `fill` instead.
void draw_card(UiContext& ctx, ImVec2 min, ImVec2 max, bool pressed = false);
void draw_card(UiContext& ctx, ImVec2 min, ImVec2 max, bool pressed, ImU32 fill);

// A chip: a short label in small text on a pill (the document type on cards, in the reader and
// in search results; "Not in this kiosk" on the timeline; the package to be installed).
float chip_height(const UiContext& ctx);
ImVec2 chip_size(const UiContext& ctx, const std::string& label);
// Draws a chip with its top left at `pos`; returns its size.
ImVec2 draw_chip(UiContext& ctx, ImVec2 pos, const std::string& label, ImU32 fill, ImU32 text_color);
// The document type's chip, in the type's colour.
ImVec2 draw_document_type_chip(UiContext& ctx, ImVec2 pos, DocumentType type);

}  // namespace kiosk::ui
