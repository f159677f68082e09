#include "layout_rules.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk::test {

namespace {

// Rounding of positions and sizes to whole or quarter pixels is not a layout fault.
constexpr float kSlack = 1.0f;
constexpr float kSizeSlack = 0.05f;

LayoutRect intersect(const LayoutRect& a, const LayoutRect& b) {
    return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

// Overlap by more than the rounding slack in both directions.
bool overlaps(const LayoutRect& a, const LayoutRect& b) {
    const LayoutRect both = intersect(a, b);
    return both.width() > kSlack && both.height() > kSlack;
}

bool contains(const LayoutRect& outer, const LayoutRect& inner) {
    return inner.x0 >= outer.x0 - kSlack && inner.y0 >= outer.y0 - kSlack && inner.x1 <= outer.x1 + kSlack &&
           inner.y1 <= outer.y1 + kSlack;
}

// The empty space between two rectangles that do not overlap: along the axis that separates
// them (the larger of the two when they are diagonal neighbours).
float gap(const LayoutRect& a, const LayoutRect& b) {
    const float dx = std::max({0.0f, b.x0 - a.x1, a.x0 - b.x1});
    const float dy = std::max({0.0f, b.y0 - a.y1, a.y0 - b.y1});
    return std::max(dx, dy);
}

std::string px(float value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", std::round(value * 100.0f) / 100.0f);
    return text;
}

std::string size(float w, float h) { return px(w) + "x" + px(h); }

std::string rect(const LayoutRect& r) {
    return "[" + px(r.x0) + "," + px(r.y0) + " " + size(r.width(), r.height()) + "]";
}

std::string name(const LayoutTarget& t) {
    return "target " + t.id + (t.label.empty() ? "" : " '" + t.label + "'") + " " + rect(t.visible);
}

std::string name(const LayoutText& t) {
    return std::string(t.chinese ? "zh" : "latin") + " text '" + t.text + "' " + rect(intersect(t.rect, t.clip));
}

// A link in running text (the reader's links to documents, acts and terms: ui/reader_links.cpp)
// centred on a line of text is a part of that line rather than something drawn across it.
bool text_link(const LayoutTarget& target) {
    static const char* const kLinkFamilies[] = {"reader.document.", "reader.act.", "reader.term.", "reader.link."};
    bool link = false;
    for (const char* family : kLinkFamilies) link = link || target.id.rfind(family, 0) == 0;
    return link;
}

bool inline_link(const LayoutRect& line, const LayoutTarget& target) {
    const bool link = text_link(target);
    const float cx = (target.visible.x0 + target.visible.x1) * 0.5f, cy = (target.visible.y0 + target.visible.y1) * 0.5f;
    return link && cx >= line.x0 && cx <= line.x1 && cy >= line.y0 && cy <= line.y1;
}

enum class Side { Left, Top, Right, Bottom };

// Something is cut at `edge` on `side`: on purpose when a region scrolling along that axis
// ends there (its clip rectangle is the region's, perhaps narrowed by an outer clip).
bool scroll_edge(const LayoutFrame& frame, Side side, float edge) {
    for (const LayoutScroll& scroll : frame.scrolls) {
        const bool horizontal = side == Side::Left || side == Side::Right;
        if (scroll.horizontal != horizontal) continue;
        const float region_edge = side == Side::Left    ? scroll.rect.x0
                                  : side == Side::Top   ? scroll.rect.y0
                                  : side == Side::Right ? scroll.rect.x1
                                                        : scroll.rect.y1;
        if (std::fabs(region_edge - edge) <= kSlack) return true;
    }
    return false;
}

bool screen_edge(const LayoutFrame& frame, Side side, float edge) {
    const float screen = side == Side::Left || side == Side::Top ? 0.0f
                         : side == Side::Right                   ? static_cast<float>(frame.width)
                                                                 : static_cast<float>(frame.height);
    return std::fabs(screen - edge) <= kSlack;
}

// Why `what` (its whole extent `whole`) is cut by `clip`, or "" when it is not, or only where it scrolls.
std::string cut_reason(const LayoutFrame& frame, const LayoutRect& whole, const LayoutRect& clip) {
    struct Cut {
        Side side;
        bool cut;
        float edge;
    };
    const Cut cuts[] = {{Side::Left, whole.x0 < clip.x0 - kSlack, clip.x0},
                        {Side::Top, whole.y0 < clip.y0 - kSlack, clip.y0},
                        {Side::Right, whole.x1 > clip.x1 + kSlack, clip.x1},
                        {Side::Bottom, whole.y1 > clip.y1 + kSlack, clip.y1}};
    static const char* const kSides[] = {"left", "top", "right", "bottom"};
    for (const Cut& cut : cuts) {
        if (!cut.cut || scroll_edge(frame, cut.side, cut.edge)) continue;
        const char* side = kSides[static_cast<int>(cut.side)];
        if (screen_edge(frame, cut.side, cut.edge)) return std::string("runs off the screen at the ") + side;
        return std::string("is cut at its ") + side + " by a clip rectangle";
    }
    return "";
}

// Fields of a dump, read without exceptions: false when missing or of another type.
bool read_number(const nlohmann::json& object, const char* key, float* out) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number()) return false;
    *out = it->get<float>();
    return true;
}

bool read_string(const nlohmann::json& object, const char* key, std::string* out) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) return false;
    *out = it->get<std::string>();
    return true;
}

bool read_bool(const nlohmann::json& object, const char* key, bool* out) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_boolean()) return false;
    *out = it->get<bool>();
    return true;
}

// Four numbers: [x0, y0, x1, y1], or [x, y, width, height] when `sized`.
bool read_rect(const nlohmann::json& object, const char* key, LayoutRect* out, bool sized = false) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_array() || it->size() != 4) return false;
    float v[4];
    for (size_t i = 0; i < 4; ++i) {
        if (!(*it)[i].is_number()) return false;
        v[i] = (*it)[i].get<float>();
    }
    *out = sized ? LayoutRect{v[0], v[1], v[0] + v[2], v[1] + v[3]} : LayoutRect{v[0], v[1], v[2], v[3]};
    return true;
}

const nlohmann::json* array(const nlohmann::json& dump, const char* key) {
    const auto it = dump.find(key);
    return it != dump.end() && it->is_array() ? &*it : nullptr;
}

}  // namespace

float min_text_px(bool chinese) {
    // fonts.cpp sizes Chinese text a step larger, rounded to the glyph cache's quarter pixel.
    return chinese ? std::round(kSmallPrintPx * kChineseTextStep * 4.0f) / 4.0f : kSmallPrintPx;
}

bool read_layout_frame(const std::string& dump_json, LayoutFrame* frame, std::string* error) {
    const nlohmann::json dump = nlohmann::json::parse(dump_json, nullptr, false);
    if (dump.is_discarded() || !dump.is_object()) {
        *error = "not a JSON object";
        return false;
    }
    bool recorded = false;
    if (!read_bool(dump, "layout_recorded", &recorded) || !recorded) {
        *error = "the dump has no layout (layout_recorded is not true)";
        return false;
    }
    const nlohmann::json* size = array(dump, "screen_size");
    const nlohmann::json *targets = array(dump, "touch_targets"), *texts = array(dump, "text_boxes"),
                         *scrolls = array(dump, "scroll_regions");
    if (!read_string(dump, "language", &frame->lang) || !size || size->size() != 2 || !(*size)[0].is_number_integer() ||
        !(*size)[1].is_number_integer() || !targets || !texts || !scrolls) {
        *error = "the dump lacks language, screen_size, touch_targets, text_boxes or scroll_regions";
        return false;
    }
    frame->width = (*size)[0].get<int>();
    frame->height = (*size)[1].get<int>();
    frame->targets.clear();
    for (size_t i = 0; i < targets->size(); ++i) {
        const nlohmann::json& t = (*targets)[i];
        LayoutTarget target;
        if (!t.is_object() || !read_string(t, "id", &target.id) || !read_string(t, "label", &target.label) ||
            !read_rect(t, "visible", &target.visible, true) || !read_number(t, "w", &target.width) ||
            !read_number(t, "h", &target.height)) {
            *error = "touch_targets[" + std::to_string(i) + "] lacks id, label, visible, w or h";
            return false;
        }
        frame->targets.push_back(std::move(target));
    }
    frame->texts.clear();
    for (size_t i = 0; i < texts->size(); ++i) {
        const nlohmann::json& t = (*texts)[i];
        LayoutText text;
        std::string script;
        if (!t.is_object() || !read_rect(t, "rect", &text.rect) || !read_rect(t, "clip", &text.clip) ||
            !read_number(t, "px", &text.px) || !read_string(t, "script", &script) || !read_bool(t, "elided", &text.elided) ||
            !read_bool(t, "valid_utf8", &text.valid_utf8) || !read_string(t, "text", &text.text)) {
            *error = "text_boxes[" + std::to_string(i) + "] lacks rect, clip, px, script, elided, valid_utf8 or text";
            return false;
        }
        text.chinese = script == "zh";
        frame->texts.push_back(std::move(text));
    }
    frame->scrolls.clear();
    for (size_t i = 0; i < scrolls->size(); ++i) {
        const nlohmann::json& s = (*scrolls)[i];
        LayoutScroll scroll;
        std::string axis;
        if (!s.is_object() || !read_rect(s, "rect", &scroll.rect) || !read_string(s, "axis", &axis)) {
            *error = "scroll_regions[" + std::to_string(i) + "] lacks rect or axis";
            return false;
        }
        scroll.horizontal = axis == "x";
        frame->scrolls.push_back(scroll);
    }
    return true;
}

std::vector<std::string> check_layout(const LayoutFrame& frame) {
    std::vector<std::string> out;
    const std::string where =
        frame.name + " " + frame.lang + " " + std::to_string(frame.width) + "x" + std::to_string(frame.height) + ": ";
    const LayoutRect screen{0, 0, static_cast<float>(frame.width), static_cast<float>(frame.height)};
    auto report = [&](const std::string& line) { out.push_back(where + line); };

    for (size_t i = 0; i < frame.targets.size(); ++i) {
        const LayoutTarget& t = frame.targets[i];
        if (t.width < kMinTargetPx - kSizeSlack || t.height < kMinTargetPx - kSizeSlack)
            report(name(t) + ": " + size(t.width, t.height) + " px, under the minimum of " + size(kMinTargetPx, kMinTargetPx));
        if (!contains(screen, t.visible)) report(name(t) + ": lies outside the screen");
        // Cut off: less of it shows than it has. Where it was cut is not recorded, only what is
        // left: it is on purpose when what is left ends at the edge of a region scrolling that way.
        const bool cut_x = t.visible.width() < t.width - kSlack, cut_y = t.visible.height() < t.height - kSlack;
        const bool scrolled_x =
            scroll_edge(frame, Side::Left, t.visible.x0) || scroll_edge(frame, Side::Right, t.visible.x1);
        const bool scrolled_y =
            scroll_edge(frame, Side::Top, t.visible.y0) || scroll_edge(frame, Side::Bottom, t.visible.y1);
        if ((cut_x && !scrolled_x) || (cut_y && !scrolled_y))
            report(name(t) + ": cut off, only " + size(t.visible.width(), t.visible.height()) + " of its " +
                   size(t.width, t.height) + " px show");
        for (size_t j = i + 1; j < frame.targets.size(); ++j) {
            const LayoutTarget& u = frame.targets[j];
            // Links in running text on adjacent lines: a tap goes to the link whose line is
            // nearest the finger (ui/reader_links.cpp), as inline links are exempt from spacing
            // in WCAG 2.5.8; a link against any other control still counts.
            if (text_link(t) && text_link(u)) continue;
            if (overlaps(t.visible, u.visible)) {
                report(name(t) + " and " + name(u) + ": overlap (a tap there reaches both)");
                continue;
            }
            const float apart = gap(t.visible, u.visible);
            if (apart < kMinTargetGapPx - kSizeSlack)
                report(name(t) + " and " + name(u) + ": " + px(apart) + " px apart, under the minimum of " +
                       px(kMinTargetGapPx));
        }
    }

    std::vector<LayoutRect> visible(frame.texts.size());
    for (size_t i = 0; i < frame.texts.size(); ++i) visible[i] = intersect(frame.texts[i].rect, frame.texts[i].clip);
    for (size_t i = 0; i < frame.texts.size(); ++i) {
        const LayoutText& t = frame.texts[i];
        if (visible[i].empty()) continue;
        const float floor = min_text_px(t.chinese);
        if (t.px < floor - kSizeSlack)
            report(name(t) + ": " + px(t.px) + " px, under the minimum of " + px(floor) + " px for " +
                   (t.chinese ? "Chinese" : "Latin and Cyrillic") + " text");
        if (!contains(screen, visible[i])) report(name(t) + ": lies outside the screen");
        if (!t.valid_utf8) report(name(t) + ": is not valid UTF-8 (drawn from inside a character?)");
        const std::string cut = cut_reason(frame, t.rect, t.clip);
        if (!cut.empty())
            report(name(t) + ": " + cut + (t.elided ? " (even with its ellipsis)" : ", with no ellipsis"));
        for (size_t j = i + 1; j < frame.texts.size(); ++j)
            if (!visible[j].empty() && overlaps(visible[i], visible[j]))
                report(name(t) + " and " + name(frame.texts[j]) + ": text boxes overlap");
        for (const LayoutTarget& target : frame.targets)
            if (overlaps(visible[i], target.visible) && !contains(target.visible, visible[i]) && !inline_link(t.rect, target))
                report(name(t) + ": partly inside " + name(target) + ", partly outside it");
    }
    return out;
}

}  // namespace kiosk::test
