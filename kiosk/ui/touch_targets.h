// Every touch target drawn in the current frame, with its visible label. Scripts use it
// for `tap-label`, tests use it to check target sizes, and the state dump lists it.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace kiosk::ui {

struct TouchTarget {
    std::string label;  // the visible text, in the current language
    ImVec2 min, max;    // the part on screen (clipped by scroll areas): where a tap lands
    ImVec2 size;        // the whole target, for size checks
};

class TouchTargets {
public:
    void clear() { count_ = 0; }
    // Records a target; reuses storage across frames so steady frames do not allocate.
    void add(const char* label_begin, const char* label_end, ImVec2 min, ImVec2 max, ImVec2 size);
    // The first target whose label equals `label`, or null.
    const TouchTarget* find(const std::string& label) const;
    size_t size() const { return count_; }
    const TouchTarget& operator[](size_t i) const { return targets_[i]; }

private:
    std::vector<TouchTarget> targets_;
    size_t count_ = 0;
};

}  // namespace kiosk::ui
