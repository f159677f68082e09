#include "ui/touch_targets.h"

namespace kiosk::ui {

void TouchTargets::add(const char* label_begin, const char* label_end, ImVec2 min, ImVec2 max, ImVec2 size) {
    if (count_ == targets_.size()) targets_.emplace_back();
    TouchTarget& target = targets_[count_++];
    target.label.assign(label_begin, label_end);
    target.min = min;
    target.max = max;
    target.size = size;
}

const TouchTarget* TouchTargets::find(const std::string& label) const {
    for (size_t i = 0; i < count_; ++i)
        if (targets_[i].label == label) return &targets_[i];
    return nullptr;
}

}  // namespace kiosk::ui
