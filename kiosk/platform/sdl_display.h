// The SDL window and renderer. On the device: kmsdrm + opengles2, fullscreen.
// Headless: SDL's dummy video driver with the software renderer (no EGL stack).
#pragma once

#include "core/screen_rotation.h"

#include <SDL.h>

#include <string>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

struct DisplayConfig {
    bool headless = false;
    bool windowed = false;
    int width = 1920, height = 1080;
    bool size_given = false;
    Rotation rotation = Rotation::R0;  // the UI is drawn turned clockwise onto the panel
};

// A window of the kiosk's 16:9 as large as fits a desktop's usable area (the desktop without
// its panels and docks), `decoration` pixels of title bar and borders included; `area_*` as
// SDL_GetDisplayUsableBounds reports them. The window is the panel: a rotated kiosk draws its
// UI turned inside it, as it would on the panel.
struct WindowFit {
    int x = 0, y = 0, width = 0, height = 0;  // of the window's inside
};
WindowFit fit_window(int area_x, int area_y, int area_w, int area_h, int decoration_w, int decoration_h);

class SdlDisplay {
public:
    ~SdlDisplay();
    // Sets the environment variables that choose SDL's drivers (headless: dummy video, software
    // rendering). Call before open, and before starting threads that may read the environment.
    static void prepare_environment(const DisplayConfig& config);
    bool open(const DisplayConfig& config, std::string* error);
    void close();

    SDL_Window* window() const { return window_; }
    SDL_Renderer* renderer() const { return renderer_; }
    // The panel, in pixels.
    int width() const { return width_; }
    int height() const { return height_; }
    // The UI's coordinate space: the panel turned by the rotation.
    int logical_width() const { return rotated() ? height_ : width_; }
    int logical_height() const { return rotated() ? width_ : height_; }
    Rotation rotation() const { return rotation_; }
    const char* renderer_name() const;
    // Draws the UI turned by `rotation` from the next frame on (the setting changed while the
    // kiosk runs): the logical size changes, and the offscreen target with it.
    bool set_rotation(Rotation rotation, std::string* error);

    // Starts a frame: clears to `background`; when rotated, drawing goes to an offscreen target.
    void begin_frame(unsigned background_abgr);
    // Ends the UI's drawing: when rotated, turns the offscreen target onto the panel.
    void end_frame();
    void present();
    // Saves what the panel shows this frame (call between end_frame and present) as a PNG.
    bool save_png(const std::string& path, std::string* error) const;

private:
    bool rotated() const { return rotation_ == Rotation::R90 || rotation_ == Rotation::R270; }

    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    SDL_Texture* target_ = nullptr;  // offscreen UI when rotated
    Rotation rotation_ = Rotation::R0;
    int width_ = 0, height_ = 0;
};

}  // namespace kiosk::platform
