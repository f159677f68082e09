// Screenshot comparison with a small tolerance, as LVGL's screenshot tests do: a pixel differs
// when one of its channels is off by more than a threshold, and two images match when at most
// a few pixels differ (anti-aliasing may shift with a library update; a layout change may not).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::test {

struct RgbaImage {
    int width = 0, height = 0;
    std::vector<uint8_t> pixels;  // RGBA, row by row
};

// A channel may be off by this much before its pixel counts as different.
constexpr int kChannelThreshold = 24;
// Images match when no more pixels than this differ.
constexpr int kMaxDifferingPixels = 48;

// Reads a PNG with stb_image; false with a message naming the file otherwise.
bool load_png_rgba(const std::string& path, RgbaImage* out, std::string* error);
bool save_png_rgba(const std::string& path, const RgbaImage& image, std::string* error);
// The same picture as small as zlib makes it, for the goldens kept in the repository: RGB
// (screenshots are opaque; false if a pixel is not), the best PNG filter per row, level 9.
// About 40 % smaller than the kiosk's fast screenshots.
bool save_png_compact(const std::string& path, const RgbaImage& image, std::string* error);

struct ImageComparison {
    bool same_size = false;
    int differing = 0;  // pixels with a channel off by more than the threshold
    bool matches() const { return same_size && differing <= kMaxDifferingPixels; }
};

ImageComparison compare_images(const RgbaImage& expected, const RgbaImage& actual, int threshold = kChannelThreshold);

// The expected image faded to grey with every differing pixel in red, for a person to look at.
RgbaImage difference_image(const RgbaImage& expected, const RgbaImage& actual, int threshold = kChannelThreshold);

// `image` moved down by `rows` (the top rows repeat): a layout off by a pixel row.
RgbaImage shifted_down(const RgbaImage& image, int rows);

}  // namespace kiosk::test
