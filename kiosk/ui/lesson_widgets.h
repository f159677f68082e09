// Pieces the visitor's lesson and quiz screens share with trainer mode: a slide (picture,
// title, text), progress dots, and the lettered answer rows of a quiz.
#pragma once

#include "core/lesson_model.h"
#include "ui/ui_context.h"

#include <cstddef>
#include <string>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

// How a slide's text is set: the visitor's screen and the trainer's large presentation.
struct SlideFonts {
    const Font* title;
    const Font* text;
};

// The visitor's slide fonts: body text follows the reader's text size (the "Aa" panel).
SlideFonts visitor_slide_fonts(const UiContext& ctx);

// Where a slide's text column is, for what the caller draws below the text (links).
struct SlideText {
    ImVec2 below;               // where the space below the text starts (scrolled with it)
    float width = 0;            // the text column's width
    ImVec2 clip_min, clip_max;  // the text column on screen: draw below the text clipped to it
};

// Draws `slide` inside [min, max] in the visitor's language: the picture on a soft panel beside
// the text where the screen is wide enough for both, above it on a portrait screen. `caption`
// (e.g. "Slide 3 / 7") sits above the title. The text column scrolls with `scroll` when the
// caption, the title, the text and `reserve` (room the caller needs below the text, e.g. for
// links) are taller than it; `scroll` goes back to the top when another slide is shown.
SlideText draw_slide(UiContext& ctx, const Slide& slide, const char* caption, SlideFonts fonts, ImVec2 min, ImVec2 max,
                     float reserve, SlideScroll& scroll);

// `count` dots centred on `center`, the `current` one larger and filled.
void draw_progress_dots(UiContext& ctx, ImVec2 center, int count, int current);

// "Slide 3 / 7" into `out`: `label`, then the 1-based position and the total. No allocation.
void format_progress(char* out, size_t size, const std::string& label, int index, int total);

// How an answer row looks: before answering, and after (the right one, the wrong pick, the rest).
enum class AnswerLook { Open, Correct, Wrong, Dimmed };

// The letter of option `index` ("A", "B", ...), as a string that outlives every frame.
const std::string& option_letter(int index);

// Height an answer row needs for `text` in `font` when `width` wide (at least a large target).
float answer_height(UiContext& ctx, const std::string& text, const Font* font, float width);

// Draws an answer row: a lettered badge, the wrapped text, and a tick or cross once answered.
// `pressed` shows touch feedback. The caller registers the touch target.
void draw_answer(UiContext& ctx, ImVec2 min, ImVec2 max, int index, const std::string& text, const Font* font,
                 AnswerLook look, bool pressed);

// A tick (true) or a cross (false) drawn with lines in a square of edge `size` centred on `center`.
void draw_mark(ImDrawList* draw, ImVec2 center, float size, bool tick, ImU32 color, float thickness);

}  // namespace kiosk::ui
