#include "platform/pointer_input.h"

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

void PointerInput::push(Type type, float x, float y) {
    const Size2 panel{static_cast<float>(width_), static_cast<float>(height_)};
    const Point2 logical = panel_to_logical(rotation_, panel, {x, y});
    queue_.push_back({type, logical.x, logical.y});
}

bool PointerInput::handle(const SDL_Event& event) {
    switch (event.type) {
        case SDL_FINGERDOWN:
            if (finger_active_ || mouse_down_) return true;
            finger_active_ = true;
            finger_ = event.tfinger.fingerId;
            push(Type::Down, event.tfinger.x * width_, event.tfinger.y * height_);
            return true;
        case SDL_FINGERMOTION:
            if (finger_active_ && event.tfinger.fingerId == finger_)
                push(Type::Move, event.tfinger.x * width_, event.tfinger.y * height_);
            return true;
        case SDL_FINGERUP:
            if (finger_active_ && event.tfinger.fingerId == finger_) {
                finger_active_ = false;
                push(Type::Up, event.tfinger.x * width_, event.tfinger.y * height_);
            }
            return true;
        case SDL_MOUSEBUTTONDOWN:
            if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT || finger_active_)
                return true;
            mouse_down_ = true;
            push(Type::Down, static_cast<float>(event.button.x), static_cast<float>(event.button.y));
            return true;
        case SDL_MOUSEMOTION:
            if (event.motion.which != SDL_TOUCH_MOUSEID && mouse_down_)
                push(Type::Move, static_cast<float>(event.motion.x), static_cast<float>(event.motion.y));
            return true;
        case SDL_MOUSEBUTTONUP:
            if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT || !mouse_down_)
                return true;
            mouse_down_ = false;
            push(Type::Up, static_cast<float>(event.button.x), static_cast<float>(event.button.y));
            return true;
        default: return false;
    }
}

bool PointerInput::deliver(ui::KioskUi& ui, double now) {
    bool delivered = false;
    bool transition_seen = false;
    while (!queue_.empty()) {
        const Event& e = queue_.front();
        if (e.type != Type::Move) {
            if (transition_seen) break;  // the next press or release waits for the next frame
            transition_seen = true;
        }
        switch (e.type) {
            case Type::Down: ui.pointer_down(e.x, e.y, now); break;
            case Type::Move: ui.pointer_move(e.x, e.y, now); break;
            case Type::Up: ui.pointer_up(e.x, e.y, now); break;
        }
        queue_.pop_front();
        delivered = true;
    }
    return delivered;
}

}  // namespace kiosk::platform
