// The streaming PNG encoder used for screenshots: decoded by an independent reader
// (stb_image), every pixel comes back exactly; bad sizes and row counts fail with a message.
// Images deflated in bands on several threads are also checked strictly (chunk CRCs, the zlib
// stream's Adler-32), since stb_image does not verify the checksums.
#include "core/file_io.h"
#include "core/png_writer.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <stb_image.h>
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <thread>
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

uint32_t get_u32(const uint8_t* p) {
    return (static_cast<uint32_t>(p[0]) << 24) | (static_cast<uint32_t>(p[1]) << 16) |
           (static_cast<uint32_t>(p[2]) << 8) | p[3];
}

// A strict reader for what PngWriter writes: every chunk's CRC must be right, the IDAT chunks
// must form one zlib stream whose Adler-32 zlib verifies, and every row must use filter None or
// Up. Returns the RGBA pixels.
std::vector<uint8_t> decode_strictly(const std::string& path, int width, int height) {
    std::string bytes, error;
    REQUIRE_MESSAGE(kiosk::core::fs::read_file(path, &bytes, &error), error);
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    REQUIRE(bytes.size() > 8);
    REQUIRE(std::memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0);
    std::vector<uint8_t> stream;
    bool ended = false;
    for (size_t at = 8; at < bytes.size();) {
        REQUIRE(at + 12 <= bytes.size());
        const uint32_t length = get_u32(data + at);
        REQUIRE(at + 12 + length <= bytes.size());
        const uint8_t* type = data + at + 4;
        CHECK(static_cast<uint32_t>(crc32(0L, type, 4 + length)) == get_u32(data + at + 8 + length));
        if (std::memcmp(type, "IHDR", 4) == 0) {
            CHECK(get_u32(type + 4) == static_cast<uint32_t>(width));
            CHECK(get_u32(type + 8) == static_cast<uint32_t>(height));
        }
        if (std::memcmp(type, "IDAT", 4) == 0) stream.insert(stream.end(), type + 4, type + 4 + length);
        if (std::memcmp(type, "IEND", 4) == 0) ended = true;
        at += 12 + length;
    }
    CHECK(ended);
    const size_t row_bytes = static_cast<size_t>(width) * 4;
    std::vector<uint8_t> filtered((row_bytes + 1) * height);
    uLongf size = static_cast<uLongf>(filtered.size());
    REQUIRE(uncompress(filtered.data(), &size, stream.data(), static_cast<uLong>(stream.size())) == Z_OK);
    REQUIRE(size == filtered.size());
    std::vector<uint8_t> rgba(row_bytes * height);
    for (int y = 0; y < height; ++y) {
        const uint8_t filter = filtered[y * (row_bytes + 1)];
        REQUIRE((filter == 0 || filter == 2));
        for (size_t i = 0; i < row_bytes; ++i) {
            const uint8_t above = (filter == 2 && y > 0) ? rgba[(y - 1) * row_bytes + i] : 0;
            rgba[y * row_bytes + i] = static_cast<uint8_t>(filtered[y * (row_bytes + 1) + 1 + i] + above);
        }
    }
    return rgba;
}

// Rows of `image` for write_png_parallel, recording on which threads they were asked for.
struct ImageReader {
    const std::vector<uint8_t>& image;
    int width;
    std::vector<std::thread::id> callers;
    bool operator()(int first, int rows, uint8_t* rgba, size_t stride, std::string*) {
        callers.push_back(std::this_thread::get_id());
        for (int r = 0; r < rows; ++r)
            std::memcpy(rgba + r * stride, &image[(static_cast<size_t>(first) + r) * width * 4],
                        static_cast<size_t>(width) * 4);
        return true;
    }
};

}  // namespace

TEST_CASE("png writer: a 1920x1080 image written in strips decodes to the same pixels") {
    kiosk::test::TempDir dir;
    const int width = 1920, height = 1080;
    const std::vector<uint8_t> image = test_image(width, height);
    kiosk::core::PngWriter png;
    std::string error;
    REQUIRE_MESSAGE(png.open(dir.file("shot.png"), width, height, &error), error);
    for (int y = 0; y < height; y += 64) {
        const int rows = std::min(64, height - y);
        REQUIRE_MESSAGE(
            png.write_rows(&image[static_cast<size_t>(y) * width * 4], rows, static_cast<size_t>(width) * 4, &error), error);
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
    std::vector<uint8_t> strided(size_t{16} * 2, 0xEE);
    for (int i = 0; i < 12; ++i)
        strided[i] = static_cast<uint8_t>(i * 20), strided[16 + i] = static_cast<uint8_t>(250 - i);
    REQUIRE_MESSAGE(kiosk::core::write_png(dir.file("strided.png"), strided.data(), 3, 2, 16, &error), error);
    int w = 0, h = 0;
    std::vector<uint8_t> decoded = decode(dir.file("strided.png"), &w, &h);
    REQUIRE(decoded.size() == 24);
    for (int i = 0; i < 12; ++i) {
        CHECK(decoded[i] == strided[i]);
        CHECK(decoded[12 + i] == strided[16 + i]);
    }
    const uint8_t pixel[4] = {1, 2, 3, 4};
    REQUIRE_MESSAGE(kiosk::core::write_png(dir.file("one.png"), pixel, 1, 1, 4, &error), error);
    decoded = decode(dir.file("one.png"), &w, &h);
    CHECK(decoded == std::vector<uint8_t>{1, 2, 3, 4});
}

TEST_CASE("png writer: bad sizes, missing rows and unwritable paths fail with a message") {
    kiosk::test::TempDir dir;
    std::string error;
    kiosk::core::PngWriter zero;
    CHECK_FALSE(zero.open(dir.file("zero.png"), 0, 10, &error));
    CHECK(error.find("invalid image size 0x10") != std::string::npos);

    const std::vector<uint8_t> image = test_image(8, 8);
    {
        kiosk::core::PngWriter short_image;
        REQUIRE(short_image.open(dir.file("short.png"), 8, 8, &error));
        REQUIRE(short_image.write_rows(image.data(), 5, 32, &error));
        CHECK_FALSE(short_image.write_rows(image.data(), 4, 32, &error));  // 9 > 8 rows
        CHECK_FALSE(short_image.finish(&error));
        CHECK(error.find("5 of 8 rows") != std::string::npos);
    }
    CHECK_FALSE(kiosk::core::fs::exists(dir.file("short.png")));  // no half image left behind

    CHECK_FALSE(kiosk::core::write_png(dir.file("no/such/dir/x.png"), image.data(), 8, 8, 32, &error));
    CHECK(error.find("no/such/dir/x.png") != std::string::npos);
}

TEST_CASE("png writer: deflated in bands on several threads, the same pixels and valid checksums") {
    kiosk::test::TempDir dir;
    const int width = 1920, height = 1080;
    const std::vector<uint8_t> image = test_image(width, height);
    for (int bands : {1, 2, 3, 4}) {
        CAPTURE(bands);
        ImageReader reader{image, width, {}};
        std::string error;
        const std::string path = dir.file("bands" + std::to_string(bands) + ".png");
        REQUIRE_MESSAGE(kiosk::core::write_png_parallel(path, width, height, bands, std::ref(reader), &error), error);
        CHECK(decode_strictly(path, width, height) == image);
        int w = 0, h = 0;
        CHECK(decode(path, &w, &h) == image);
        // Rows are only read on the calling thread (a renderer's pixels may be read nowhere else).
        int elsewhere = 0;
        for (const std::thread::id& caller : reader.callers) elsewhere += caller != std::this_thread::get_id();
        CHECK(elsewhere == 0);
        CHECK(reader.callers.size() >= 1080 / 32);
    }
}

TEST_CASE("png writer: rows and separately deflated bands in any order make one valid image") {
    kiosk::test::TempDir dir;
    const int width = 37, height = 50;  // rows not a multiple of 8 bytes: the filter's tail loop
    const std::vector<uint8_t> image = test_image(width, height);
    const size_t row_bytes = static_cast<size_t>(width) * 4;
    auto row = [&](int y) { return &image[y * row_bytes]; };
    kiosk::core::PngWriter png;
    std::string error;
    REQUIRE_MESSAGE(png.open(dir.file("mixed.png"), width, height, &error), error);
    // Band of rows 0-9 (the image's first: nothing above), rows 10-19 written, bands 20-29 and
    // 30-39 back to back, rows 40-49 written after a band.
    kiosk::core::PngBand first, third, fourth;
    REQUIRE_MESSAGE(first.begin(width, nullptr, &error), error);
    REQUIRE_MESSAGE(first.add_rows(row(0), 4, row_bytes, &error), error);
    REQUIRE_MESSAGE(first.add_rows(row(4), 6, row_bytes, &error), error);
    REQUIRE_MESSAGE(first.end(&error), error);
    REQUIRE_MESSAGE(third.begin(width, row(19), &error), error);
    REQUIRE_MESSAGE(third.add_rows(row(20), 10, row_bytes, &error), error);
    REQUIRE_MESSAGE(third.end(&error), error);
    REQUIRE_MESSAGE(fourth.begin(width, row(29), &error), error);
    REQUIRE_MESSAGE(fourth.add_rows(row(30), 10, row_bytes, &error), error);
    CHECK_FALSE(png.write_band(fourth, &error));  // not ended yet
    REQUIRE_MESSAGE(fourth.end(&error), error);
    REQUIRE_MESSAGE(png.write_band(first, &error), error);
    REQUIRE_MESSAGE(png.write_rows(row(10), 10, row_bytes, &error), error);
    REQUIRE_MESSAGE(png.write_band(third, &error), error);
    REQUIRE_MESSAGE(png.write_band(fourth, &error), error);
    CHECK_FALSE(png.finish(&error));  // 40 of 50 rows
    CHECK(error.find("40 of 50 rows") != std::string::npos);
    kiosk::core::PngWriter again;
    REQUIRE_MESSAGE(again.open(dir.file("mixed.png"), width, height, &error), error);
    REQUIRE_MESSAGE(again.write_band(first, &error), error);
    REQUIRE_MESSAGE(again.write_rows(row(10), 10, row_bytes, &error), error);
    REQUIRE_MESSAGE(again.write_band(third, &error), error);
    REQUIRE_MESSAGE(again.write_band(fourth, &error), error);
    REQUIRE_MESSAGE(again.write_rows(row(40), 10, row_bytes, &error), error);
    REQUIRE_MESSAGE(again.finish(&error), error);
    CHECK(decode_strictly(dir.file("mixed.png"), width, height) == image);

    kiosk::core::PngBand narrow;  // a band of another width does not fit
    REQUIRE(narrow.begin(width - 1, nullptr, &error));
    REQUIRE(narrow.end(&error));
    kiosk::core::PngWriter other;
    REQUIRE(other.open(dir.file("other.png"), width, height, &error));
    CHECK_FALSE(other.write_band(narrow, &error));
    CHECK(error.find("a band of width 36") != std::string::npos);
}

TEST_CASE("png writer: small images and a failing reader with bands") {
    kiosk::test::TempDir dir;
    std::string error;
    // Fewer rows than bands can share: written as fewer bands, still exact.
    for (int height : {1, 5, 64, 65, 200}) {
        CAPTURE(height);
        const std::vector<uint8_t> image = test_image(9, height);
        ImageReader reader{image, 9, {}};
        REQUIRE_MESSAGE(kiosk::core::write_png_parallel(dir.file("small.png"), 9, height, 4, std::ref(reader), &error), error);
        CHECK(decode_strictly(dir.file("small.png"), 9, height) == image);
    }
    // A reader that fails part-way (the renderer could not be read): an error, threads stopped,
    // no file left behind.
    const std::vector<uint8_t> image = test_image(64, 400);
    for (int fail_at : {0, 150, 399}) {
        CAPTURE(fail_at);
        auto failing = [&](int first, int rows, uint8_t* rgba, size_t stride, std::string* why) {
            if (first <= fail_at && fail_at < first + rows) {
                *why = "reading pixels failed: gone";
                return false;
            }
            for (int r = 0; r < rows; ++r)
                std::memcpy(rgba + r * stride, &image[static_cast<size_t>(first + r) * 256], 256);
            return true;
        };
        CHECK_FALSE(kiosk::core::write_png_parallel(dir.file("failed.png"), 64, 400, 2, failing, &error));
        CHECK(error == "reading pixels failed: gone");
        CHECK_FALSE(kiosk::core::fs::exists(dir.file("failed.png")));
    }
}
