// A streaming PNG encoder for screenshots: RGBA rows go in a strip at a time and are deflated
// straight into the file, so a 1920x1080 shot never holds the whole image, its filtered copy
// and the compressed stream in memory at once (stb_image_write holds all three, ~25 MB).
// Lossless 8-bit RGBA. Each row uses the "Up" filter (the row above subtracted), which turns the
// UI's flat areas into runs of zeros, and zlib's fastest level; see docs/performance.md.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace kiosk {

class PngWriter {
public:
    PngWriter() = default;
    ~PngWriter();
    PngWriter(const PngWriter&) = delete;
    PngWriter& operator=(const PngWriter&) = delete;

    // Creates `path` and writes the header of a width x height RGBA image.
    bool open(const std::string& path, int width, int height, std::string* error);
    // Appends `rows` rows of width * 4 bytes each, `stride` bytes apart.
    bool write_rows(const uint8_t* rgba, int rows, size_t stride, std::string* error);
    // Ends the image; fails unless exactly `height` rows were written. The file is removed on failure.
    bool finish(std::string* error);

private:
    bool deflate_bytes(const uint8_t* data, size_t size, int flush, std::string* error);
    bool write_chunk(const char type[4], const uint8_t* data, size_t size, std::string* error);
    bool fail(const std::string& what, std::string* error);

    std::FILE* file_ = nullptr;
    std::string path_;
    void* stream_ = nullptr;  // z_stream, kept out of the header
    int width_ = 0, height_ = 0, rows_written_ = 0;
    std::vector<uint8_t> previous_, filtered_, out_;
};

// Writes a whole RGBA image (`stride` bytes per row) as a PNG.
bool write_png(const std::string& path, const uint8_t* rgba, int width, int height, size_t stride, std::string* error);

}  // namespace kiosk
