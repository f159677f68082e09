#include "ui/touch_targets.h"

#include <charconv>

namespace kiosk::ui {

void TouchTargets::add(const TargetId& id, const char* label_begin, const char* label_end, ImVec2 min, ImVec2 max,
                       ImVec2 size) {
    if (count_ == targets_.size()) targets_.emplace_back();
    TouchTarget& target = targets_[count_++];
    target.id.assign(id.family);
    if (!id.member.empty()) {
        target.id += '.';
        target.id.append(id.member.data(), id.member.size());
    } else if (id.index >= 0) {
        char digits[16];
        const auto end = std::to_chars(digits, digits + sizeof digits, id.index).ptr;
        target.id += '.';
        target.id.append(digits, end);
    }
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

const TouchTarget* TouchTargets::find_id(std::string_view id) const {
    for (size_t i = 0; i < count_; ++i)
        if (targets_[i].id == id) return &targets_[i];
    return nullptr;
}

const TouchTarget* TouchTargets::hit(float x, float y) const {
    for (size_t i = count_; i-- > 0;) {
        const TouchTarget& t = targets_[i];
        if (x >= t.min.x && x < t.max.x && y >= t.min.y && y < t.max.y) return &t;
    }
    return nullptr;
}

}  // namespace kiosk::ui
