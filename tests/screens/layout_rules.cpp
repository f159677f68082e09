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
bool inline_link(const LayoutRect& line, const LayoutTarget& target) {
    static const char* const kLinkFamilies[] = {"reader.document.", "reader.act.", "reader.term.", "reader.link."};
    bool link = false;
    for (const char* family : kLinkFamilies) link = link || target.id.rfind(family, 0) == 0;
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

LayoutRect read_rect(const nlohmann::json& array) {
    return {array.at(0).get<float>(), array.at(1).get<float>(), array.at(2).get<float>(), array.at(3).get<float>()};
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
    if (!dump.value("layout_recorded", false)) {
        *error = "the dump has no layout (layout_recorded is not true)";
        return false;
    }
    try {
        frame->lang = dump.at("language").get<std::string>();
        frame->width = dump.at("screen_size").at(0).get<int>();
        frame->height = dump.at("screen_size").at(1).get<int>();
        frame->targets.clear();
        for (const nlohmann::json& t : dump.at("touch_targets")) {
            LayoutTarget target;
            target.id = t.at("id").get<std::string>();
            target.label = t.at("label").get<std::string>();
            const nlohmann::json& v = t.at("visible");  // x, y, width, height
            target.visible = {v.at(0).get<float>(), v.at(1).get<float>(), v.at(0).get<float>() + v.at(2).get<float>(),
                              v.at(1).get<float>() + v.at(3).get<float>()};
            target.width = t.at("w").get<float>();
            target.height = t.at("h").get<float>();
            frame->targets.push_back(std::move(target));
        }
        frame->texts.clear();
        for (const nlohmann::json& t : dump.at("text_boxes")) {
            LayoutText text;
            text.rect = read_rect(t.at("rect"));
            text.clip = read_rect(t.at("clip"));
            text.px = t.at("px").get<float>();
            text.chinese = t.at("script").get<std::string>() == "zh";
            text.elided = t.at("elided").get<bool>();
            text.valid_utf8 = t.at("valid_utf8").get<bool>();
            text.text = t.at("text").get<std::string>();
            frame->texts.push_back(std::move(text));
        }
        frame->scrolls.clear();
        for (const nlohmann::json& s : dump.at("scroll_regions"))
            frame->scrolls.push_back({read_rect(s.at("rect")), s.at("axis").get<std::string>() == "x"});
    } catch (const nlohmann::json::exception& e) {
        *error = std::string("unexpected state dump: ") + e.what();
        return false;
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
