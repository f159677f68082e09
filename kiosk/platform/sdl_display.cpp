#include "platform/sdl_display.h"

#include <stb_image_write.h>

#include <cstdlib>
#include <vector>

namespace kiosk {

SdlDisplay::~SdlDisplay() { close(); }

bool SdlDisplay::open(const DisplayConfig& config, std::string* error) {
    if (config.headless) {
        // The dummy driver needs no display and, unlike `offscreen`, no EGL stack (~80 MB).
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        setenv("SDL_RENDER_DRIVER", "software", 1);
    }
    // Touchscreens arrive as finger events (kmsdrm sends no synthetic mouse events);
    // stop SDL from turning touches into mouse events elsewhere so nothing is counted twice.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        *error = std::string("SDL_Init failed: ") + SDL_GetError();
        return false;
    }
    Uint32 flags = SDL_WINDOW_SHOWN;
    int width = config.width, height = config.height;
    if (!config.headless && !config.windowed) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        SDL_DisplayMode mode;
        if (!config.size_given && SDL_GetDesktopDisplayMode(0, &mode) == 0) {
            width = mode.w;
            height = mode.h;
        }
    }
    window_ = SDL_CreateWindow("SCO Digital Cooperation", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width,
                               height, flags);
    if (!window_) {
        *error = std::string("SDL_CreateWindow failed: ") + SDL_GetError();
        return false;
    }
    Uint32 renderer_flags = config.headless ? SDL_RENDERER_SOFTWARE : (SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    renderer_ = SDL_CreateRenderer(window_, -1, renderer_flags);
    if (!renderer_ && !config.headless) renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
    if (!renderer_) {
        *error = std::string("SDL_CreateRenderer failed: ") + SDL_GetError();
        return false;
    }
    if (SDL_GetRendererOutputSize(renderer_, &width_, &height_) != 0) {
        width_ = width;
        height_ = height;
    }
    if (!config.windowed) SDL_ShowCursor(SDL_DISABLE);
    return true;
}

void SdlDisplay::close() {
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (window_) SDL_DestroyWindow(window_);
    renderer_ = nullptr;
    window_ = nullptr;
    if (SDL_WasInit(SDL_INIT_VIDEO)) SDL_Quit();
}

const char* SdlDisplay::renderer_name() const {
    SDL_RendererInfo info;
    if (renderer_ && SDL_GetRendererInfo(renderer_, &info) == 0) return info.name;
    return "none";
}

bool SdlDisplay::save_png(const std::string& path, std::string* error) const {
    std::vector<unsigned char> pixels(static_cast<size_t>(width_) * height_ * 4);
    if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGBA32, pixels.data(), width_ * 4) != 0) {
        *error = std::string("reading pixels failed: ") + SDL_GetError();
        return false;
    }
    if (!stbi_write_png(path.c_str(), width_, height_, 4, pixels.data(), width_ * 4)) {
        *error = "cannot write " + path;
        return false;
    }
    return true;
}

}  // namespace kiosk
