#include "ui/navigation.h"

#include <algorithm>

namespace kiosk::ui {

bool Navigation::contains(Screen screen) const {
    return std::find(history_.begin(), history_.begin() + depth_, screen) != history_.begin() + depth_;
}

void Navigation::remove(Screen screen) {
    auto end = std::remove(history_.begin(), history_.begin() + depth_, screen);
    depth_ = static_cast<size_t>(end - history_.begin());
}

void Navigation::push(Screen screen) {
    if (screen == current_) return;
    if (screen == Screen::Home) {
        reset(Screen::Home);
        return;
    }
    // Home is the root and the attract loop no place to go back to: neither is kept.
    if (current_ != Screen::Home && current_ != Screen::Attract) {
        if (depth_ == kMaxDepth) {
            std::move(history_.begin() + 1, history_.end(), history_.begin());
            --depth_;
        }
        history_[depth_++] = current_;
    }
    remove(screen);
    current_ = screen;
}

void Navigation::replace(Screen screen) {
    if (screen == Screen::Home) {
        reset(Screen::Home);
        return;
    }
    remove(screen);
    current_ = screen;
}

Screen Navigation::pop() {
    current_ = depth_ ? history_[--depth_] : Screen::Home;
    return current_;
}

void Navigation::back_to(Screen screen) {
    if (!contains(screen)) {
        reset(Screen::Home);
        push(screen);
        return;
    }
    while (current_ != screen) pop();
}

void Navigation::reset(Screen root) {
    current_ = root;
    depth_ = 0;
}

}  // namespace kiosk::ui
