// The lesson pictures, drawn with ImGui draw-list primitives in the theme's colours, so the
// kiosk needs no image files and the pictures follow the high-contrast theme. One small
// function per Illustration value (docs/content-format.md describes each picture).
#pragma once

#include "core/lesson_model.h"
#include "ui/theme.h"

#include <imgui.h>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

// Draws `illustration` as a flat pictogram filling the square at `min` with edge `size`.
// Illustration::None draws nothing.
void draw_illustration(ImDrawList* draw, const Theme& theme, Illustration illustration, ImVec2 min, float size);

}  // namespace kiosk::ui
