// The layout check: what every screen must keep at every panel size, in every language
// (issue 19), checked on one frame's touch targets and text boxes as the kiosk's state dump
// lists them (`touch_targets`, `text_boxes`, `scroll_regions`; kiosk script line `dump FILE.json`).
//
// Rules, each violation one readable line naming the screen, language, size, element and rule:
//   - every touch target is at least 48x48 px, and at least 8 px from every other target;
//     targets never overlap (a tap on the overlap would reach both);
//   - no target is cut off, except at the edges of a region that scrolls along that axis;
//   - text is at least 14 px (its line box), Chinese text at least Chinese small print
//     (14 px * kChineseStep, as fonts.cpp rounds it);
//   - no text box overlaps another;
//   - text is either inside a target (it belongs to it) or outside it: never partly inside
//     (a link in running text, a reader.document/act/term target centred on a line, is part of
//     the line);
//   - nothing lies outside the screen;
//   - text is never cut by its clip rectangle, except where a scroll region clips its lines at
//     the edges it scrolls past (only what is visible is checked then); text cut to fit with an
//     ellipsis is drawn whole, so it is not cut;
//   - text is valid UTF-8 (a line drawn from inside a character is not).
// Text drawn under a modal overlay is not recorded, so not checked.
#pragma once

#include <string>
#include <vector>

namespace kiosk::test {

struct LayoutRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float width() const { return x1 - x0; }
    float height() const { return y1 - y0; }
    bool empty() const { return x1 <= x0 || y1 <= y0; }
};

struct LayoutTarget {
    std::string id, label;
    LayoutRect visible;           // the part on screen (clipped by scroll regions)
    float width = 0, height = 0;  // the whole target
};

struct LayoutText {
    LayoutRect rect;  // its line boxes
    LayoutRect clip;  // the clip rectangle it was drawn in
    float px = 0;     // font size (line box)
    bool chinese = false;
    bool elided = false;
    bool valid_utf8 = true;
    std::string text;  // its first bytes
};

struct LayoutScroll {
    LayoutRect rect;
    bool horizontal = false;
};

struct LayoutFrame {
    std::string name;  // the screen, as the tour names it ("search-results")
    std::string lang;  // "ru", "zh", "en"
    int width = 0, height = 0;
    std::vector<LayoutTarget> targets;
    std::vector<LayoutText> texts;
    std::vector<LayoutScroll> scrolls;
};

constexpr float kMinTargetPx = 48.0f;
constexpr float kMinTargetGapPx = 8.0f;
// ui/fonts.h's kMinSmallTextPx and kChineseStep (the tour library stays out of the UI layer;
// tests/ui/test_layout_rules.cpp checks they are the same).
constexpr float kSmallPrintPx = 14.0f;
constexpr float kChineseTextStep = 1.15f;
// The smallest text allowed, in px of line box: small print's floor (ui/fonts.h).
float min_text_px(bool chinese);

// Reads one state dump's layout into `frame` (its language, size, targets, texts and scroll
// regions; `frame->name` is left to the caller). False with `error` when it is not a dump with
// a recorded layout.
bool read_layout_frame(const std::string& dump_json, LayoutFrame* frame, std::string* error);

// The violations of one frame, one line each: "NAME LANG WxH: ELEMENT: RULE".
std::vector<std::string> check_layout(const LayoutFrame& frame);

}  // namespace kiosk::test
