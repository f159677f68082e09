// The SDL window and renderer. On the device: kmsdrm + opengles2, fullscreen.
// Headless: SDL's dummy video driver with the software renderer (no EGL stack).
#pragma once

#include <SDL.h>

#include <string>

namespace kiosk {

struct DisplayConfig {
    bool headless = false;
    bool windowed = false;
    int width = 1920, height = 1080;
    bool size_given = false;
};

class SdlDisplay {
public:
    ~SdlDisplay();
    bool open(const DisplayConfig& config, std::string* error);
    void close();

    SDL_Window* window() const { return window_; }
    SDL_Renderer* renderer() const { return renderer_; }
    int width() const { return width_; }
    int height() const { return height_; }
    const char* renderer_name() const;

    // Saves what has been rendered this frame (call before present) as a PNG.
    bool save_png(const std::string& path, std::string* error) const;

private:
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    int width_ = 0, height_ = 0;
};

}  // namespace kiosk
