// Turns SDL finger and mouse events into one pointer for the UI. Under kmsdrm, SDL 2.26
// reports a touchscreen only as SDL_FINGER* events, so fingers are first-class here;
// the mouse is for development on a desktop.
#pragma once

#include "core/screen_rotation.h"
#include "ui/kiosk_ui.h"

#include <SDL.h>

#include <deque>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

class PointerInput {
public:
    // The panel's size and how the UI is turned on it; touches are mapped back to the UI.
    void set_screen(int width, int height, Rotation rotation) {
        width_ = width;
        height_ = height;
        rotation_ = rotation;
    }

    // Queues `event` if it is a pointer event; returns true if it was.
    bool handle(const SDL_Event& event);

    // Delivers queued events to `ui`. Moves pass freely, but at most one press or release
    // per frame: a tap shorter than a frame still shows as down in one frame, up in the next.
    // Returns true if anything was delivered.
    bool deliver(ui::KioskUi& ui, double now);
    bool has_pending() const { return !queue_.empty(); }

private:
    enum class Type { Down, Move, Up };
    struct Event {
        Type type;
        float x, y;
    };
    void push(Type type, float x, float y);

    std::deque<Event> queue_;
    int width_ = 1, height_ = 1;
    Rotation rotation_ = Rotation::R0;
    bool finger_active_ = false;
    SDL_FingerID finger_ = 0;  // the first finger down owns the pointer; others are ignored
    bool mouse_down_ = false;
};

}  // namespace kiosk::platform
