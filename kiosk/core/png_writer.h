// A streaming PNG encoder for screenshots: RGBA rows go in a strip at a time and are deflated
// straight into the file, so a 1920x1080 shot never holds the whole image, its filtered copy
// and the compressed stream in memory at once (stb_image_write holds all three, ~25 MB).
// Lossless 8-bit RGBA. Each row uses the "Up" filter (the row above subtracted), which turns the
// UI's flat areas into runs of zeros, and zlib's fastest level; see docs/performance.md.
//
// The image data of a PNG is one zlib stream, but deflate can be cut into pieces that end on a
// byte boundary (zlib's Z_SYNC_FLUSH) and are joined with the Adler-32 checksums combined, as
// pigz does. A PngBand deflates a band of rows on its own, on any thread; PngWriter::write_band
// puts it in place. write_png_parallel uses that to deflate a screenshot on several cores.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::core {

class RowDeflater;  // Up filter + raw deflate + Adler-32, in png_writer.cpp

// A band of an image's rows, filtered and deflated independently of the rest of the image. It
// touches nothing but itself and the rows given, so bands compress on threads of their own.
class PngBand {
public:
    PngBand();
    ~PngBand();
    PngBand(PngBand&&) noexcept;
    PngBand& operator=(PngBand&&) noexcept;

    // Starts a band of rows `width` pixels wide. `above` is the image row just above the band's
    // first (the Up filter needs it), or nullptr when the band starts the image.
    bool begin(int width, const uint8_t* above, std::string* error);
    // Appends `rows` rows of width * 4 bytes, `stride` bytes apart.
    bool add_rows(const uint8_t* rgba, int rows, size_t stride, std::string* error);
    // Ends the band on a byte boundary, ready for PngWriter::write_band.
    bool end(std::string* error);

    int rows() const { return rows_; }

private:
    friend class PngWriter;
    std::function<bool(const uint8_t*, size_t)> sink();  // appends to data_
    std::unique_ptr<RowDeflater> deflater_;              // between begin and end
    std::vector<uint8_t> data_;                          // raw deflate ending on a byte boundary, no final block
    std::vector<uint8_t> last_row_;                      // the row above the next one
    uint32_t adler_ = 1;                                 // Adler-32 of the filtered bytes
    size_t filtered_bytes_ = 0;
    int width_ = 0, rows_ = 0;
    bool ended_ = false;
};

class PngWriter {
public:
    PngWriter();
    ~PngWriter();
    PngWriter(const PngWriter&) = delete;
    PngWriter& operator=(const PngWriter&) = delete;

    // Creates `path` and writes the header of a width x height RGBA image.
    bool open(const std::string& path, int width, int height, std::string* error);
    // Appends `rows` rows of width * 4 bytes each, `stride` bytes apart.
    bool write_rows(const uint8_t* rgba, int rows, size_t stride, std::string* error);
    // Appends an ended PngBand: the image's next band.rows() rows. Rows
    // written after it must be given with write_rows as usual.
    bool write_band(const PngBand& band, std::string* error);
    // Ends the image; fails unless exactly `height` rows were written. The file is removed on failure.
    bool finish(std::string* error);

private:
    bool write_chunk(const char type[4], const uint8_t* data, size_t size, std::string* error);
    void queue(const uint8_t* data, size_t size);
    std::function<bool(const uint8_t*, size_t)> sink(std::string* error);
    // Writes the queued deflate data as an IDAT chunk once there is enough of it (or `all` of it).
    bool write_pending(bool all, std::string* error);
    bool fail(const std::string& what, std::string* error);

    std::FILE* file_ = nullptr;
    std::string path_;
    std::unique_ptr<RowDeflater> deflater_;
    std::vector<uint8_t> pending_;   // deflate data not yet in a chunk
    std::vector<uint8_t> last_row_;  // the last row written, for the rows after a band
    uint32_t adler_ = 1;             // of all filtered bytes before the deflater's
    int width_ = 0, height_ = 0, rows_written_ = 0;
};

// Writes a whole RGBA image (`stride` bytes per row) as a PNG.
bool write_png(const std::string& path, const uint8_t* rgba, int width, int height, size_t stride, std::string* error);

// Copies `rows` rows of the image from row `first` into `rgba` (`stride` bytes per row).
using PngRowReader = std::function<bool(int first, int rows, uint8_t* rgba, size_t stride, std::string* error)>;

// Writes a width x height RGBA image read through `read_rows` as a PNG, deflating it as `bands`
// bands of rows on as many threads (the calling thread takes the first band). `read_rows` is only
// called on the calling thread, so it may use a renderer that belongs to that thread: it reads
// the bands' strips in turn and hands the others' to their threads through a few strip buffers,
// so no band is ever held whole. The file is the same image whatever `bands` is.
bool write_png_parallel(const std::string& path, int width, int height, int bands, const PngRowReader& read_rows,
                        std::string* error);

}  // namespace kiosk::core
