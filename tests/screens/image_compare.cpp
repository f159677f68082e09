#include "image_compare.h"

#include "core/png_writer.h"

#include <stb_image.h>
#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace kiosk::test {

using namespace kiosk::core;  // the tests use the core layer

namespace {

bool pixel_differs(const uint8_t* a, const uint8_t* b, int threshold) {
    for (int c = 0; c < 4; ++c)
        if (std::abs(static_cast<int>(a[c]) - static_cast<int>(b[c])) > threshold) return true;
    return false;
}

uint8_t paeth(int a, int b, int c) {
    const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return static_cast<uint8_t>(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
}

// Row `cur` filtered with PNG filter `type` (0 None ... 4 Paeth) against `prev` (zeros above row 0).
void filter_row(int type, const uint8_t* cur, const uint8_t* prev, size_t bytes, uint8_t* out) {
    constexpr size_t bpp = 3;
    for (size_t i = 0; i < bytes; ++i) {
        const int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
        const int predicted = type == 1 ? a : type == 2 ? b : type == 3 ? (a + b) / 2 : type == 4 ? paeth(a, b, c) : 0;
        out[i] = static_cast<uint8_t>(cur[i] - predicted);
    }
}

void put_u32(std::string* out, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out->push_back(static_cast<char>((v >> shift) & 0xFF));
}

void put_chunk(std::string* out, const char* type, const std::string& data) {
    put_u32(out, static_cast<uint32_t>(data.size()));
    const std::string body = std::string(type, 4) + data;
    *out += body;
    put_u32(out,
            static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

}  // namespace

bool save_png_compact(const std::string& path, const RgbaImage& image, std::string* error) {
    const size_t row_bytes = static_cast<size_t>(image.width) * 3;
    std::vector<uint8_t> rgb(row_bytes * image.height), filtered;
    for (size_t i = 0, j = 0; i < image.pixels.size(); i += 4, j += 3) {
        if (image.pixels[i + 3] != 255) {
            if (error) *error = path + ": the screenshot has a pixel that is not opaque";
            return false;
        }
        std::memcpy(&rgb[j], &image.pixels[i], 3);
    }
    const std::vector<uint8_t> zeros(row_bytes, 0);
    std::vector<uint8_t> candidate(row_bytes), best(row_bytes);
    filtered.reserve((row_bytes + 1) * image.height);
    for (int y = 0; y < image.height; ++y) {
        const uint8_t* cur = &rgb[y * row_bytes];
        const uint8_t* prev = y > 0 ? &rgb[(y - 1) * row_bytes] : zeros.data();
        // The usual heuristic: the filter whose output has the smallest sum of signed bytes.
        long best_cost = -1;
        int best_type = 0;
        for (int type = 0; type <= 4; ++type) {
            filter_row(type, cur, prev, row_bytes, candidate.data());
            long cost = 0;
            for (uint8_t v : candidate) cost += v < 128 ? v : 256 - v;
            if (best_cost < 0 || cost < best_cost) best_cost = cost, best_type = type, best.swap(candidate);
        }
        filtered.push_back(static_cast<uint8_t>(best_type));
        filtered.insert(filtered.end(), best.begin(), best.end());
    }
    uLongf packed_size = compressBound(static_cast<uLong>(filtered.size()));
    std::string packed(packed_size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(&packed[0]), &packed_size, filtered.data(),
                  static_cast<uLong>(filtered.size()), Z_BEST_COMPRESSION) != Z_OK) {
        if (error) *error = path + ": zlib could not compress the image";
        return false;
    }
    packed.resize(packed_size);
    std::string header, png = "\x89PNG\r\n\x1a\n";
    put_u32(&header, static_cast<uint32_t>(image.width));
    put_u32(&header, static_cast<uint32_t>(image.height));
    header += std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, RGB, deflate, adaptive filters, no interlace
    put_chunk(&png, "IHDR", header);
    put_chunk(&png, "IDAT", packed);
    put_chunk(&png, "IEND", "");
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << png;
    out.close();
    if (!out) {
        if (error) *error = path + ": cannot write the file";
        return false;
    }
    return true;
}

bool load_png_rgba(const std::string& path, RgbaImage* out, std::string* error) {
    int width = 0, height = 0, channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &width, &height, &channels, 4);
    if (!data) {
        if (error) *error = path + ": cannot read the PNG (" + stbi_failure_reason() + ")";
        return false;
    }
    out->width = width;
    out->height = height;
    out->pixels.assign(data, data + static_cast<size_t>(width) * height * 4);
    stbi_image_free(data);
    return true;
}

bool save_png_rgba(const std::string& path, const RgbaImage& image, std::string* error) {
    return write_png(path, image.pixels.data(), image.width, image.height, static_cast<size_t>(image.width) * 4, error);
}

ImageComparison compare_images(const RgbaImage& expected, const RgbaImage& actual, int threshold) {
    ImageComparison result;
    result.same_size = expected.width == actual.width && expected.height == actual.height &&
                       expected.pixels.size() == actual.pixels.size();
    if (!result.same_size) return result;
    for (size_t i = 0; i < expected.pixels.size(); i += 4)
        result.differing += pixel_differs(&expected.pixels[i], &actual.pixels[i], threshold);
    return result;
}

RgbaImage difference_image(const RgbaImage& expected, const RgbaImage& actual, int threshold) {
    RgbaImage out;
    out.width = std::max(expected.width, actual.width);
    out.height = std::max(expected.height, actual.height);
    out.pixels.assign(static_cast<size_t>(out.width) * out.height * 4, 255);
    for (int y = 0; y < out.height; ++y) {
        for (int x = 0; x < out.width; ++x) {
            uint8_t* o = &out.pixels[(static_cast<size_t>(y) * out.width + x) * 4];
            const bool in_expected = x < expected.width && y < expected.height;
            const bool in_actual = x < actual.width && y < actual.height;
            const uint8_t* e = in_expected ? &expected.pixels[(static_cast<size_t>(y) * expected.width + x) * 4] : nullptr;
            const uint8_t* a = in_actual ? &actual.pixels[(static_cast<size_t>(y) * actual.width + x) * 4] : nullptr;
            if (!e || !a || pixel_differs(e, a, threshold)) {
                o[0] = 255, o[1] = 0, o[2] = 0;
            } else {
                const uint8_t grey = static_cast<uint8_t>(192 + (e[0] + e[1] + e[2]) / 12);  // faded to 192..255
                o[0] = o[1] = o[2] = grey;
            }
        }
    }
    return out;
}

RgbaImage shifted_down(const RgbaImage& image, int rows) {
    RgbaImage out = image;
    const size_t stride = static_cast<size_t>(image.width) * 4;
    for (int y = image.height - 1; y >= 0; --y) {
        const int from = std::max(0, y - rows);
        std::memcpy(&out.pixels[y * stride], &image.pixels[from * stride], stride);
    }
    return out;
}

}  // namespace kiosk::test
