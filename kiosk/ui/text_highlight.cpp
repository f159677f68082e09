#include "ui/text_highlight.h"

#include <algorithm>
#include <cfloat>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

bool draw_match_box(ImDrawList* draw, const Font* font, ImVec2 line_pos, float height, const char* line_begin,
                    const char* line_end, const char* match_begin, const char* match_end, ImU32 fill, float rounding) {
    const char* begin = std::max(line_begin, match_begin);
    const char* end = std::min(line_end, match_end);
    if (begin >= end) return false;
    const float x0 = text_width(font, line_begin, begin);
    const float x1 = x0 + text_width(font, begin, end);
    // A little air around the glyphs, so the box reads as a marker rather than a clipped block.
    const float pad = font->size * 0.12f;
    draw->AddRectFilled(ImVec2(line_pos.x + x0 - pad, line_pos.y), ImVec2(line_pos.x + x1 + pad, line_pos.y + height),
                        fill, rounding);
    return true;
}

}  // namespace kiosk::ui
