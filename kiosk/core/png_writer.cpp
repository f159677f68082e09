#include "png_writer.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>

namespace kiosk {

namespace {

constexpr size_t kOutChunk = 256 * 1024;  // one IDAT chunk per this much deflated data

void put_u32(uint8_t* p, uint32_t v) {
    p[0] = static_cast<uint8_t>(v >> 24);
    p[1] = static_cast<uint8_t>(v >> 16);
    p[2] = static_cast<uint8_t>(v >> 8);
    p[3] = static_cast<uint8_t>(v);
}

// out[i] = a[i] - b[i] (mod 256), eight bytes at a time: the high bit of each byte is set in
// the minuend and cleared in the subtrahend so no borrow crosses bytes, then put back.
void subtract_bytes(const uint8_t* a, const uint8_t* b, uint8_t* out, size_t n) {
    constexpr uint64_t kHigh = 0x8080808080808080ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x, y;
        std::memcpy(&x, a + i, 8);
        std::memcpy(&y, b + i, 8);
        const uint64_t d = ((x | kHigh) - (y & ~kHigh)) ^ ((x ^ ~y) & kHigh);
        std::memcpy(out + i, &d, 8);
    }
    for (; i < n; ++i) out[i] = static_cast<uint8_t>(a[i] - b[i]);
}

}  // namespace

PngWriter::~PngWriter() {
    if (stream_) {
        deflateEnd(static_cast<z_stream*>(stream_));
        delete static_cast<z_stream*>(stream_);
    }
    if (file_) {
        std::fclose(file_);
        std::remove(path_.c_str());  // never finished: no half image left behind
    }
}

bool PngWriter::fail(const std::string& what, std::string* error) {
    *error = path_ + ": " + what;
    return false;
}

bool PngWriter::open(const std::string& path, int width, int height, std::string* error) {
    path_ = path;
    if (width <= 0 || height <= 0 || width > (1 << 24) || height > (1 << 24))
        return fail("invalid image size " + std::to_string(width) + "x" + std::to_string(height), error);
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) return fail(std::strerror(errno), error);
    width_ = width;
    height_ = height;
    auto* stream = new z_stream{};
    stream_ = stream;
    // Level 1 with the Up filter: a 1920x1080 UI shot deflates in a few ms (level 8, stb's
    // default, took ~150 ms) for a file within a few percent of the same size.
    if (deflateInit(stream, Z_BEST_SPEED) != Z_OK) return fail("zlib initialisation failed", error);
    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (std::fwrite(signature, 1, sizeof signature, file_) != sizeof signature) return fail(std::strerror(errno), error);
    uint8_t header[13];
    put_u32(header, static_cast<uint32_t>(width));
    put_u32(header + 4, static_cast<uint32_t>(height));
    header[8] = 8;   // bits per channel
    header[9] = 6;   // RGBA
    header[10] = 0;  // deflate
    header[11] = 0;  // adaptive filtering (one filter byte per row)
    header[12] = 0;  // not interlaced
    if (!write_chunk("IHDR", header, sizeof header, error)) return false;
    const size_t row_bytes = static_cast<size_t>(width) * 4;
    previous_.assign(row_bytes, 0);
    filtered_.resize(row_bytes + 1);
    out_.resize(kOutChunk);
    return true;
}

bool PngWriter::write_chunk(const char type[4], const uint8_t* data, size_t size, std::string* error) {
    uint8_t head[8];
    put_u32(head, static_cast<uint32_t>(size));
    std::memcpy(head + 4, type, 4);
    uLong crc = crc32(0L, head + 4, 4);
    if (size) crc = crc32(crc, data, static_cast<uInt>(size));
    uint8_t tail[4];
    put_u32(tail, static_cast<uint32_t>(crc));
    if (std::fwrite(head, 1, 8, file_) != 8 || (size && std::fwrite(data, 1, size, file_) != size) ||
        std::fwrite(tail, 1, 4, file_) != 4)
        return fail(std::strerror(errno), error);
    return true;
}

bool PngWriter::deflate_bytes(const uint8_t* data, size_t size, int flush, std::string* error) {
    auto* stream = static_cast<z_stream*>(stream_);
    stream->next_in = const_cast<Bytef*>(data);
    stream->avail_in = static_cast<uInt>(size);
    while (true) {
        if (stream->avail_out == 0 || stream->next_out == nullptr) {
            if (stream->next_out && !write_chunk("IDAT", out_.data(), out_.size(), error)) return false;
            stream->next_out = out_.data();
            stream->avail_out = static_cast<uInt>(out_.size());
        }
        const int result = deflate(stream, flush);
        if (result == Z_STREAM_END) break;
        if (result != Z_OK && result != Z_BUF_ERROR) return fail("zlib deflate failed", error);
        if (flush != Z_FINISH && stream->avail_in == 0 && stream->avail_out != 0) break;  // all taken
    }
    if (flush == Z_FINISH) {
        const size_t pending = out_.size() - stream->avail_out;
        if (pending && !write_chunk("IDAT", out_.data(), pending, error)) return false;
    }
    return true;
}

bool PngWriter::write_rows(const uint8_t* rgba, int rows, size_t stride, std::string* error) {
    if (!file_) return fail("not open", error);
    if (rows < 0 || rows_written_ + rows > height_)
        return fail("more rows than the image's " + std::to_string(height_), error);
    const size_t row_bytes = previous_.size();
    for (int r = 0; r < rows; ++r) {
        const uint8_t* row = rgba + static_cast<size_t>(r) * stride;
        // The row above: in this strip, or (first row of a strip) kept from the last one.
        const uint8_t* above = r > 0 ? row - stride : previous_.data();
        filtered_[0] = 2;  // Up
        subtract_bytes(row, above, filtered_.data() + 1, row_bytes);
        if (!deflate_bytes(filtered_.data(), filtered_.size(), Z_NO_FLUSH, error)) return false;
    }
    if (rows > 0) std::memcpy(previous_.data(), rgba + static_cast<size_t>(rows - 1) * stride, row_bytes);
    rows_written_ += rows;
    return true;
}

bool PngWriter::finish(std::string* error) {
    if (!file_) return fail("not open", error);
    if (rows_written_ != height_)
        return fail(std::to_string(rows_written_) + " of " + std::to_string(height_) + " rows written", error);
    if (!deflate_bytes(nullptr, 0, Z_FINISH, error) || !write_chunk("IEND", nullptr, 0, error)) return false;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!closed) {
        std::remove(path_.c_str());
        return fail(std::strerror(errno), error);
    }
    return true;
}

bool write_png(const std::string& path, const uint8_t* rgba, int width, int height, size_t stride, std::string* error) {
    PngWriter writer;
    return writer.open(path, width, height, error) && writer.write_rows(rgba, height, stride, error) &&
           writer.finish(error);
}

}  // namespace kiosk
