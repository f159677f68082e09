#include "platform/sdl_display.h"

#include "core/png_writer.h"

#include <algorithm>
#include <cstdlib>
#include <thread>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {
constexpr int kTitleBarGuess = 40;  // until the window manager tells its real decoration
}  // namespace

WindowFit fit_window(int area_x, int area_y, int area_w, int area_h, int decoration_w, int decoration_h) {
    const int room_w = std::max(320, area_w - decoration_w), room_h = std::max(180, area_h - decoration_h);
    WindowFit fit;
    fit.width = std::min(room_w, room_h * 16 / 9) / 16 * 16;  // exactly 16:9
    fit.height = fit.width * 9 / 16;
    fit.x = area_x + (area_w - fit.width - decoration_w) / 2 + decoration_w / 2;
    fit.y = area_y + (area_h - fit.height - decoration_h) / 2 + decoration_h;
    return fit;
}

SdlDisplay::~SdlDisplay() { close(); }

void SdlDisplay::prepare_environment(const DisplayConfig& config) {
    if (config.headless) {
        // The dummy driver needs no display and, unlike `offscreen`, no EGL stack (~80 MB).
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        setenv("SDL_RENDER_DRIVER", "software", 1);
    }
}

bool SdlDisplay::open(const DisplayConfig& config, std::string* error) {
    // Touchscreens arrive as finger events (kmsdrm sends no synthetic mouse events);
    // stop SDL from turning touches into mouse events elsewhere so nothing is counted twice.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    // The kiosk handles SIGTERM/SIGINT itself; SDL's handlers would turn them into SDL_QUIT,
    // which lockdown must ignore because window managers send it for Alt+F4 too.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
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
    // A development window without --size fits the desktop (never 1920x1080 off its edges).
    SDL_Rect usable{};
    const bool fit = !config.headless && config.windowed && !config.size_given &&
                     SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.w > 0 && usable.h > 0;
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
    if (fit) {
        const WindowFit guess = fit_window(usable.x, usable.y, usable.w, usable.h, 0, kTitleBarGuess);
        x = guess.x;
        y = guess.y;
        width = guess.width;
        height = guess.height;
    }
    window_ = SDL_CreateWindow("SCO Digital Cooperation", x, y, width, height, flags);
    if (!window_) {
        *error = std::string("SDL_CreateWindow failed: ") + SDL_GetError();
        return false;
    }
    int top = 0, left = 0, bottom = 0, right = 0;
    if (fit && SDL_GetWindowBordersSize(window_, &top, &left, &bottom, &right) == 0 && top + bottom > 0) {
        // The window manager told its real decoration: fit again with it.
        const WindowFit real = fit_window(usable.x, usable.y, usable.w, usable.h, left + right, top + bottom);
        SDL_SetWindowSize(window_, real.width, real.height);
        SDL_SetWindowPosition(window_, real.x, real.y);
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
    rotation_ = config.rotation;
    if (rotation_ != Rotation::R0) {
        target_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, logical_width(),
                                    logical_height());
        if (!target_) {
            *error = std::string("cannot create the rotation target: ") + SDL_GetError();
            return false;
        }
    }
    return true;
}

bool SdlDisplay::set_rotation(Rotation rotation, std::string* error) {
    if (rotation == rotation_) return true;
    if (target_) SDL_DestroyTexture(target_);
    target_ = nullptr;
    rotation_ = rotation;
    if (rotation_ == Rotation::R0) return true;
    target_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, logical_width(),
                                logical_height());
    if (target_) return true;
    *error = std::string("cannot create the rotation target: ") + SDL_GetError();
    rotation_ = Rotation::R0;  // the UI is still drawn, unturned
    return false;
}

void SdlDisplay::begin_frame(unsigned background) {
    if (target_) SDL_SetRenderTarget(renderer_, target_);
    SDL_SetRenderDrawColor(renderer_, background & 0xFF, (background >> 8) & 0xFF, (background >> 16) & 0xFF, 0xFF);
    SDL_RenderClear(renderer_);
}

void SdlDisplay::end_frame() {
    if (!target_) return;
    SDL_SetRenderTarget(renderer_, nullptr);
    SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 0xFF);
    SDL_RenderClear(renderer_);
    // Centre the logical image on the panel and turn it about its centre.
    SDL_Rect dst{(width_ - logical_width()) / 2, (height_ - logical_height()) / 2, logical_width(), logical_height()};
    SDL_RenderCopyEx(renderer_, target_, nullptr, &dst, static_cast<double>(static_cast<int>(rotation_)), nullptr,
                     SDL_FLIP_NONE);
}

void SdlDisplay::present() { SDL_RenderPresent(renderer_); }

void SdlDisplay::close() {
    if (target_) SDL_DestroyTexture(target_);
    target_ = nullptr;
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
    // Rows are read here, on the renderer's thread; the deflating is shared with a second core
    // when there is one (core/png_writer: the bands of one zlib stream, joined).
    const int bands = std::thread::hardware_concurrency() >= 2 ? 2 : 1;
    auto read_rows = [this](int first, int rows, uint8_t* rgba, size_t stride, std::string* why) {
        SDL_Rect rect{0, first, width_, rows};
        if (SDL_RenderReadPixels(renderer_, &rect, SDL_PIXELFORMAT_RGBA32, rgba, static_cast<int>(stride)) == 0)
            return true;
        *why = std::string("reading pixels failed: ") + SDL_GetError();
        return false;
    };
    return write_png_parallel(path, width_, height_, bands, read_rows, error);
}

}  // namespace kiosk::platform
