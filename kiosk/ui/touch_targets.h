// Every touch target drawn in the current frame, with its stable id and its visible label.
// Scripts use it for `tap-id` and `tap-label`, tests use it to check target sizes, and the
// state dump lists it.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

// A target's id: the same in every language and whatever assets/i18n says, so a script that
// taps by id survives a change of wording. A name ("reader.back", "home.lessons"), or a family
// and a member: ("home.document", "2019-digital-concept") is "home.document.2019-digital-concept",
// ("search.result", 1) is "search.result.1". Nothing is copied until the target is recorded.
struct TargetId {
    TargetId(const char* name) : family(name) {}  // implicit: a string literal is an id
    TargetId(const char* family_, std::string_view member_) : family(family_), member(member_) {}
    TargetId(const char* family_, int index_) : family(family_), index(index_) {}
    const char* family;
    std::string_view member;
    int index = -1;  // a member given as a number (when >= 0)
};

struct TouchTarget {
    std::string id;     // stable: see TargetId
    std::string label;  // the visible text, in the current language
    ImVec2 min, max;    // the part on screen (clipped by scroll areas): where a tap lands
    ImVec2 size;        // the whole target, for size checks
};

class TouchTargets {
public:
    void clear() { count_ = 0; }
    // Records a target; reuses storage across frames so steady frames do not allocate.
    void add(const TargetId& id, const char* label_begin, const char* label_end, ImVec2 min, ImVec2 max, ImVec2 size);
    // The first target whose label equals `label`, or null.
    const TouchTarget* find(const std::string& label) const;
    // The first target whose id equals `id`, or null.
    const TouchTarget* find_id(std::string_view id) const;
    // The last target drawn (the topmost) whose visible part holds the point, or null.
    const TouchTarget* hit(float x, float y) const;
    size_t size() const { return count_; }
    const TouchTarget& operator[](size_t i) const { return targets_[i]; }

private:
    std::vector<TouchTarget> targets_;
    size_t count_ = 0;
};

}  // namespace kiosk::ui
