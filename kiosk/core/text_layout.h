// Line breaking for Russian, English and Chinese text (Dear ImGui 1.86 only wraps at spaces).
//
// Break opportunities come from libunibreak (Unicode line breaking, UAX #14): between Latin and
// Cyrillic words after spaces and hyphens, between CJK ideographs, never before closing
// punctuation (，。、；：！？）」』】》) and never after opening punctuation (（「『【《).
//
// Cost: O(n) in the length of the text. The text is decoded once, libunibreak runs once, and
// `measure` is called once per segment between two break opportunities (plus once per character
// of a word that is wider than a whole line), so every byte is measured at most about twice and
// no prefix is ever re-measured.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace kiosk::core {

// Width in pixels of a UTF-8 run as the renderer would draw it (supplied by the UI's font, or by tests).
using MeasureFn = std::function<float(std::string_view text)>;

// One laid-out line: the byte range [begin, end) of the text. `end` excludes the spaces and the
// newline at the break. `width` is the sum of the measured segments of [begin, end), or the line's
// own width when break_lines() is given `line_width`.
struct LineSpan {
    size_t begin;
    size_t end;
    float width;
};

// Breaks `text` into lines no wider than `max_width`.
// - '\n' (and the other Unicode mandatory breaks: "\r\n", U+2028, ...) ends a line. A newline at
//   the very end does not add an empty last line; empty text gives no lines.
// - A word wider than `max_width` is broken between characters (combining marks stay with their
//   base). A line always holds at least one character, so only a single glyph wider than
//   `max_width` can exceed it.
// - Invalid UTF-8 bytes are treated as U+FFFD, one per byte; spans never split a valid sequence.
// `lang` is "ru", "en" or "zh" (libunibreak's language hint, e.g. which quotes open and close);
// nullptr is allowed.
// `line_width`, when given, measures a whole line as it will be drawn (shaped on its own: kerning
// and contextual forms at its ends may differ from the sum of its segments). Every line is
// checked with it, and one that would overflow is broken earlier, at its last break opportunity;
// `width` is then the line's own measured width.
std::vector<LineSpan> break_lines(std::string_view text, float max_width, const MeasureFn& measure, const char* lang,
                                  const MeasureFn* line_width = nullptr);

}  // namespace kiosk::core
