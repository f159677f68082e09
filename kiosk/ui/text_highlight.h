// Highlight boxes behind matched words, for search snippets and the reader. Text is drawn a
// line at a time, so a match is a byte range and each line draws the part of it that it holds.
#pragma once

#include "ui/text_renderer.h"

#include <imgui.h>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

// Fills the part of the match [match_begin, match_end) that lies on the line [line_begin,
// line_end) drawn at `line_pos` in `font`, `height` tall; both ranges point into the same text.
// x offsets are measured with the font, so the box sits exactly behind the glyphs.
// Returns false when the line holds none of the match.
bool draw_match_box(ImDrawList* draw, const Font* font, ImVec2 line_pos, float height, const char* line_begin,
                    const char* line_end, const char* match_begin, const char* match_end, ImU32 fill, float rounding);

}  // namespace kiosk::ui
