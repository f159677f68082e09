// The streaming PNG encoder used for screenshots: decoded by an independent reader
// (stb_image), every pixel comes back exactly; bad sizes and row counts fail with a message.
#include "core/file_io.h"
#include "core/png_writer.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <cstdint>
#include <vector>

namespace {

// A UI-like picture: flat areas, a gradient, sharp edges and noise, with varying alpha.
std::vector<uint8_t> test_image(int width, int height) {
    std::vector<uint8_t> rgba(static_cast<size_t>(width) * height * 4);
    uint32_t noise = 12345;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            uint8_t* p = &rgba[(static_cast<size_t>(y) * width + x) * 4];
            noise = noise * 1103515245u + 12345u;
            const bool card = x > width / 4 && x < width / 2 && y > height / 3;
            p[0] = card ? 255 : static_cast<uint8_t>(x * 255 / width);
            p[1] = card ? 255 : static_cast<uint8_t>(y * 255 / height);
            p[2] = (x + y) % 7 == 0 ? static_cast<uint8_t>(noise >> 24) : 40;
            p[3] = static_cast<uint8_t>(y % 3 == 0 ? 255 : noise >> 16);
        }
    }
    return rgba;
}

std::vector<uint8_t> decode(const std::string& path, int* width, int* height) {
    int channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), width, height, &channels, 4);
    REQUIRE_MESSAGE(pixels != nullptr, stbi_failure_reason());
    CHECK(channels == 4);
    std::vector<uint8_t> out(pixels, pixels + static_cast<size_t>(*width) * *height * 4);
    stbi_image_free(pixels);
    return out;
}

}  // namespace

TEST_CASE("png writer: a 1920x1080 image written in strips decodes to the same pixels") {
    kiosk::test::TempDir dir;
    const int width = 1920, height = 1080;
    const std::vector<uint8_t> image = test_image(width, height);
    kiosk::PngWriter png;
    std::string error;
    REQUIRE_MESSAGE(png.open(dir.file("shot.png"), width, height, &error), error);
    for (int y = 0; y < height; y += 64) {
        const int rows = std::min(64, height - y);
        REQUIRE_MESSAGE(png.write_rows(&image[static_cast<size_t>(y) * width * 4], rows, width * 4, &error), error);
    }
    REQUIRE_MESSAGE(png.finish(&error), error);
    int w = 0, h = 0;
    const std::vector<uint8_t> decoded = decode(dir.file("shot.png"), &w, &h);
    CHECK(w == width);
    CHECK(h == height);
    CHECK(decoded == image);
}

TEST_CASE("png writer: strided rows and a one-pixel image") {
    kiosk::test::TempDir dir;
    std::string error;
    // Rows 16 bytes apart, of which 12 (3 pixels) belong to the image.
    std::vector<uint8_t> strided(16 * 2, 0xEE);
    for (int i = 0; i < 12; ++i) strided[i] = static_cast<uint8_t>(i * 20), strided[16 + i] = static_cast<uint8_t>(250 - i);
    REQUIRE_MESSAGE(kiosk::write_png(dir.file("strided.png"), strided.data(), 3, 2, 16, &error), error);
    int w = 0, h = 0;
    std::vector<uint8_t> decoded = decode(dir.file("strided.png"), &w, &h);
    REQUIRE(decoded.size() == 24);
    for (int i = 0; i < 12; ++i) {
        CHECK(decoded[i] == strided[i]);
        CHECK(decoded[12 + i] == strided[16 + i]);
    }
    const uint8_t pixel[4] = {1, 2, 3, 4};
    REQUIRE_MESSAGE(kiosk::write_png(dir.file("one.png"), pixel, 1, 1, 4, &error), error);
    decoded = decode(dir.file("one.png"), &w, &h);
    CHECK(decoded == std::vector<uint8_t>{1, 2, 3, 4});
}

TEST_CASE("png writer: bad sizes, missing rows and unwritable paths fail with a message") {
    kiosk::test::TempDir dir;
    std::string error;
    kiosk::PngWriter zero;
    CHECK_FALSE(zero.open(dir.file("zero.png"), 0, 10, &error));
    CHECK(error.find("invalid image size 0x10") != std::string::npos);

    const std::vector<uint8_t> image = test_image(8, 8);
    {
        kiosk::PngWriter short_image;
        REQUIRE(short_image.open(dir.file("short.png"), 8, 8, &error));
        REQUIRE(short_image.write_rows(image.data(), 5, 32, &error));
        CHECK_FALSE(short_image.write_rows(image.data(), 4, 32, &error));  // 9 > 8 rows
        CHECK_FALSE(short_image.finish(&error));
        CHECK(error.find("5 of 8 rows") != std::string::npos);
    }
    CHECK_FALSE(kiosk::fs::exists(dir.file("short.png")));  // no half image left behind

    CHECK_FALSE(kiosk::write_png(dir.file("no/such/dir/x.png"), image.data(), 8, 8, 32, &error));
    CHECK(error.find("no/such/dir/x.png") != std::string::npos);
}
