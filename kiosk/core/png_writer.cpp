#include "png_writer.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>

namespace kiosk::core {

namespace {

constexpr size_t kOutChunk = size_t{256} * 1024;  // one IDAT chunk per this much deflated data
constexpr int kStripRows = 32;                    // rows read at a time by write_png_parallel

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

uint32_t combine_adler(uint32_t first, uint32_t second, size_t second_bytes) {
    return static_cast<uint32_t>(adler32_combine(first, second, static_cast<z_off_t>(second_bytes)));
}

}  // namespace

// Up-filters rows and deflates them without a zlib header or trailer, in pieces that can be
// joined: each piece starts with an empty window and ends on a byte boundary (Z_SYNC_FLUSH),
// only the image's last one with the final block (Z_FINISH). Keeps the piece's Adler-32.
class RowDeflater {
public:
    // Takes deflated bytes; false stops the deflater (the sink reports why).
    using Sink = std::function<bool(const uint8_t* data, size_t size)>;

    ~RowDeflater() {
        if (ready_) deflateEnd(&stream_);
    }

    bool init(int width, std::string* error) {
        row_bytes_ = static_cast<size_t>(width) * 4;
        filtered_.resize(row_bytes_ + 1);
        out_.resize(size_t{64} * 1024);
        // Level 1 with the Up filter: a 1920x1080 UI shot deflates in a few ms (level 8, stb's
        // default, took ~150 ms) for a file within a few percent of the same size.
        ready_ = deflateInit2(&stream_, Z_BEST_SPEED, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK;
        if (!ready_) *error = "zlib initialisation failed";
        return ready_;
    }

    // `above` is the row above the first one (all zero above the image's first row).
    bool add_rows(const uint8_t* rgba, int rows, size_t stride, const uint8_t* above, const Sink& sink, std::string* error) {
        for (int r = 0; r < rows; ++r) {
            const uint8_t* row = rgba + static_cast<size_t>(r) * stride;
            filtered_[0] = 2;  // Up
            subtract_bytes(row, r > 0 ? row - stride : above, filtered_.data() + 1, row_bytes_);
            adler_ = static_cast<uint32_t>(adler32(adler_, filtered_.data(), static_cast<uInt>(filtered_.size())));
            bytes_in_ += filtered_.size();
            if (!run(filtered_.data(), filtered_.size(), Z_NO_FLUSH, sink, error)) return false;
        }
        return true;
    }

    // Ends the piece: Z_SYNC_FLUSH to join more after it, Z_FINISH for the image's final block.
    bool end(int flush, const Sink& sink, std::string* error) { return run(nullptr, 0, flush, sink, error); }

    // A new piece: empty window and checksum. What the last one referred to is not there any more
    // when pieces from elsewhere are put between.
    void restart() {
        deflateReset(&stream_);
        adler_ = 1;
        bytes_in_ = 0;
    }

    uint32_t adler() const { return adler_; }
    size_t bytes_in() const { return bytes_in_; }

private:
    bool run(const uint8_t* data, size_t size, int flush, const Sink& sink, std::string* error) {
        stream_.next_in = const_cast<Bytef*>(data);
        stream_.avail_in = static_cast<uInt>(size);
        do {
            stream_.next_out = out_.data();
            stream_.avail_out = static_cast<uInt>(out_.size());
            const int result = deflate(&stream_, flush);
            if (result == Z_STREAM_ERROR) {
                *error = "zlib deflate failed";
                return false;
            }
            const size_t produced = out_.size() - stream_.avail_out;
            if (produced && !sink(out_.data(), produced)) return false;
        } while (stream_.avail_out == 0);  // a full buffer: zlib may have more to give
        return true;
    }

    z_stream stream_{};
    bool ready_ = false;
    size_t row_bytes_ = 0;
    std::vector<uint8_t> filtered_, out_;
    uint32_t adler_ = 1;
    size_t bytes_in_ = 0;
};

// ------------------------------------------------------------------------------------ PngBand

PngBand::PngBand() = default;
PngBand::~PngBand() = default;
PngBand::PngBand(PngBand&&) noexcept = default;
PngBand& PngBand::operator=(PngBand&&) noexcept = default;

std::function<bool(const uint8_t*, size_t)> PngBand::sink() {
    return [this](const uint8_t* data, size_t size) {
        data_.insert(data_.end(), data, data + size);
        return true;
    };
}

bool PngBand::begin(int width, const uint8_t* above, std::string* error) {
    data_.clear();
    width_ = width;
    rows_ = 0;
    ended_ = false;
    if (width <= 0 || width > (1 << 24)) {
        *error = "invalid band width " + std::to_string(width);
        return false;
    }
    deflater_ = std::make_unique<RowDeflater>();
    if (!deflater_->init(width, error)) return false;
    if (above) last_row_.assign(above, above + static_cast<size_t>(width) * 4);
    else last_row_.assign(static_cast<size_t>(width) * 4, 0);
    return true;
}

bool PngBand::add_rows(const uint8_t* rgba, int rows, size_t stride, std::string* error) {
    if (!deflater_ || rows < 0) {
        *error = deflater_ ? "a negative row count" : "the band was not begun";
        return false;
    }
    if (!deflater_->add_rows(rgba, rows, stride, last_row_.data(), sink(), error)) return false;
    if (rows > 0) std::memcpy(last_row_.data(), rgba + static_cast<size_t>(rows - 1) * stride, last_row_.size());
    rows_ += rows;
    return true;
}

bool PngBand::end(std::string* error) {
    if (!deflater_) {
        *error = "the band was not begun";
        return false;
    }
    if (!deflater_->end(Z_SYNC_FLUSH, sink(), error)) return false;
    adler_ = deflater_->adler();
    filtered_bytes_ = deflater_->bytes_in();
    deflater_.reset();
    ended_ = true;
    return true;
}

// ---------------------------------------------------------------------------------- PngWriter

PngWriter::PngWriter() = default;

PngWriter::~PngWriter() {
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
    deflater_ = std::make_unique<RowDeflater>();
    std::string why;
    if (!deflater_->init(width, &why)) return fail(why, error);
    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (std::fwrite(signature, 1, sizeof signature, file_) != sizeof signature)
        return fail(std::strerror(errno), error);
    uint8_t header[13];
    put_u32(header, static_cast<uint32_t>(width));
    put_u32(header + 4, static_cast<uint32_t>(height));
    header[8] = 8;   // bits per channel
    header[9] = 6;   // RGBA
    header[10] = 0;  // deflate
    header[11] = 0;  // adaptive filtering (one filter byte per row)
    header[12] = 0;  // not interlaced
    if (!write_chunk("IHDR", header, sizeof header, error)) return false;
    last_row_.assign(static_cast<size_t>(width) * 4, 0);
    pending_.reserve(kOutChunk + size_t{64} * 1024);
    // The zlib header: deflate with a 32 KB window, the fastest level (what zlib writes for level 1).
    pending_ = {0x78, 0x01};
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

void PngWriter::queue(const uint8_t* data, size_t size) { pending_.insert(pending_.end(), data, data + size); }

// Deflated bytes for the file: queued, and a chunk written whenever kOutChunk bytes are waiting.
std::function<bool(const uint8_t*, size_t)> PngWriter::sink(std::string* error) {
    return [this, error](const uint8_t* data, size_t size) {
        queue(data, size);
        return write_pending(false, error);
    };
}

bool PngWriter::write_pending(bool all, std::string* error) {
    if (pending_.empty() || (!all && pending_.size() < kOutChunk)) return true;
    if (!write_chunk("IDAT", pending_.data(), pending_.size(), error)) return false;
    pending_.clear();
    return true;
}

bool PngWriter::write_rows(const uint8_t* rgba, int rows, size_t stride, std::string* error) {
    if (!file_) return fail("not open", error);
    if (rows < 0 || rows_written_ + rows > height_)
        return fail("more rows than the image's " + std::to_string(height_), error);
    std::string why;
    if (!deflater_->add_rows(rgba, rows, stride, last_row_.data(), sink(error), &why))
        return why.empty() ? false : fail(why, error);
    if (rows > 0) std::memcpy(last_row_.data(), rgba + static_cast<size_t>(rows - 1) * stride, last_row_.size());
    rows_written_ += rows;
    return true;
}

bool PngWriter::write_band(const PngBand& band, std::string* error) {
    if (!file_) return fail("not open", error);
    if (!band.ended_) return fail("a band that was not ended", error);
    if (band.width_ != width_) return fail("a band of width " + std::to_string(band.width_), error);
    if (rows_written_ + band.rows_ > height_)
        return fail("more rows than the image's " + std::to_string(height_), error);
    // End what the deflater holds on a byte boundary; the band follows it, then a new piece.
    std::string why;
    if (deflater_->bytes_in() > 0) {
        if (!deflater_->end(Z_SYNC_FLUSH, sink(error), &why)) return why.empty() ? false : fail(why, error);
        adler_ = combine_adler(adler_, deflater_->adler(), deflater_->bytes_in());
        deflater_->restart();
    }
    queue(band.data_.data(), band.data_.size());
    adler_ = combine_adler(adler_, band.adler_, band.filtered_bytes_);
    if (band.rows_ > 0) last_row_ = band.last_row_;
    rows_written_ += band.rows_;
    return write_pending(false, error);
}

bool PngWriter::finish(std::string* error) {
    if (!file_) return fail("not open", error);
    if (rows_written_ != height_)
        return fail(std::to_string(rows_written_) + " of " + std::to_string(height_) + " rows written", error);
    std::string why;
    if (!deflater_->end(Z_FINISH, sink(error), &why)) return why.empty() ? false : fail(why, error);
    adler_ = combine_adler(adler_, deflater_->adler(), deflater_->bytes_in());
    uint8_t trailer[4];
    put_u32(trailer, adler_);
    queue(trailer, sizeof trailer);
    if (!write_pending(true, error) || !write_chunk("IEND", nullptr, 0, error)) return false;
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
    return writer.open(path, width, height, error) && writer.write_rows(rgba, height, stride, error) && writer.finish(error);
}

// ------------------------------------------------------------------------- write_png_parallel

namespace {

// The strips of one band on their way from the thread that reads them to the thread that
// deflates them. A few buffers go round: the reader waits for a free one, the deflater for a
// full one. Every hand-over goes through the mutex, which orders the buffer's writes before its
// reads on the other thread.
class StripPipe {
public:
    StripPipe(size_t strip_bytes, int buffers) : storage_(static_cast<size_t>(buffers)) {
        for (std::vector<uint8_t>& buffer : storage_) {
            buffer.resize(strip_bytes);
            free_.push_back(buffer.data());
        }
    }
    uint8_t* take_free() {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return !free_.empty(); });
        uint8_t* buffer = free_.front();
        free_.pop_front();
        return buffer;
    }
    // `rows` > 0: a strip; 0: the band is complete; -1: it is abandoned.
    void send(uint8_t* buffer, int rows) {
        std::lock_guard<std::mutex> lock(mutex_);
        full_.push_back({buffer, rows});
        changed_.notify_all();
    }
    std::pair<uint8_t*, int> receive() {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return !full_.empty(); });
        const std::pair<uint8_t*, int> strip = full_.front();
        full_.pop_front();
        return strip;
    }
    void give_back(uint8_t* buffer) {
        std::lock_guard<std::mutex> lock(mutex_);
        free_.push_back(buffer);
        changed_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::vector<uint8_t>> storage_;
    std::deque<uint8_t*> free_;
    std::deque<std::pair<uint8_t*, int>> full_;
};

// One band after the first: its pipe, its deflater thread and what that thread produces.
struct BandJob {
    int first = 0, end = 0;  // rows [first, end)
    std::vector<uint8_t> above;
    std::unique_ptr<StripPipe> pipe;
    PngBand band;
    std::string error;
    bool ok = true;
    std::thread thread;

    // On the band's thread: deflates strips until the band is complete or abandoned.
    void run(int width, size_t row_bytes) {
        ok = band.begin(width, above.data(), &error);
        while (true) {
            const std::pair<uint8_t*, int> strip = pipe->receive();
            if (strip.second <= 0) {
                if (strip.second == 0 && ok) ok = band.end(&error);
                return;
            }
            if (ok) ok = band.add_rows(strip.first, strip.second, row_bytes, &error);
            pipe->give_back(strip.first);  // also after a failure: the reader may be waiting for it
        }
    }
};

}  // namespace

bool write_png_parallel(const std::string& path, int width, int height, int bands, const PngRowReader& read_rows,
                        std::string* error) {
    constexpr int kPipeBuffers = 3;
    PngWriter writer;
    if (!writer.open(path, width, height, error)) return false;
    bands = std::clamp(bands, 1, std::max(1, height / kStripRows));
    const size_t row_bytes = static_cast<size_t>(width) * 4;
    std::vector<BandJob> jobs(static_cast<size_t>(bands - 1));
    for (int b = 1; b < bands; ++b) {
        BandJob& job = jobs[static_cast<size_t>(b - 1)];
        job.first = static_cast<int>(static_cast<int64_t>(height) * b / bands);
        job.end = static_cast<int>(static_cast<int64_t>(height) * (b + 1) / bands);
        job.pipe = std::make_unique<StripPipe>(row_bytes * kStripRows, kPipeBuffers);
    }
    const int first_band_end = jobs.empty() ? height : jobs.front().first;
    // Every started thread gets its band ended (`complete`) or abandoned, and is joined, also on
    // an early return.
    struct Finish {
        std::vector<BandJob>& jobs;
        size_t started = 0;
        void operator()(bool complete) {
            for (size_t j = 0; j < started; ++j) {
                jobs[j].pipe->send(nullptr, complete ? 0 : -1);
                jobs[j].thread.join();
            }
            started = 0;
        }
        ~Finish() { (*this)(false); }
    } finish_threads{jobs};

    bool ok = true;
    auto read_above = [&](BandJob& job) {
        job.above.resize(row_bytes);
        return read_rows(job.first - 1, 1, job.above.data(), row_bytes, error);
    };
    for (BandJob& job : jobs) {
        if (!read_above(job)) return false;
        try {
            job.thread = std::thread(&BandJob::run, &job, width, row_bytes);
        } catch (const std::system_error&) {
            break;  // no more threads: the bands without one are deflated here, below
        }
        ++finish_threads.started;
    }
    const size_t threaded = finish_threads.started;  // jobs [0, threaded) have a thread
    // Strip by strip, each band's next strip in turn: the started bands' go to their threads.
    std::vector<uint8_t> strip(row_bytes * kStripRows);
    for (int offset = 0; ok; offset += kStripRows) {
        bool any = false;
        for (size_t j = 0; j < threaded && ok; ++j) {
            BandJob& job = jobs[j];
            const int y = job.first + offset, rows = std::min(kStripRows, job.end - y);
            if (rows <= 0) continue;
            any = true;
            uint8_t* buffer = job.pipe->take_free();
            ok = read_rows(y, rows, buffer, row_bytes, error);
            job.pipe->send(buffer, ok ? rows : -1);
        }
        const int rows = std::min(kStripRows, first_band_end - offset);
        if (ok && rows > 0) {
            any = true;
            ok = read_rows(offset, rows, strip.data(), row_bytes, error) &&
                 writer.write_rows(strip.data(), rows, row_bytes, error);
        }
        if (!any) break;
    }
    if (!ok) return false;  // Finish abandons the bands still running
    finish_threads(true);
    for (size_t j = 0; j < jobs.size(); ++j) {
        BandJob& job = jobs[j];
        if (j >= threaded) {  // no thread could be started for it
            ok = (!job.above.empty() || read_above(job)) && job.band.begin(width, job.above.data(), error);
            for (int y = job.first; ok && y < job.end; y += kStripRows) {
                const int rows = std::min(kStripRows, job.end - y);
                ok = read_rows(y, rows, strip.data(), row_bytes, error) &&
                     job.band.add_rows(strip.data(), rows, row_bytes, error);
            }
            ok = ok && job.band.end(error);
            if (!ok) return false;
        } else if (!job.ok) {
            *error = path + ": " + job.error;
            return false;
        }
        if (!writer.write_band(job.band, error)) return false;
    }
    return writer.finish(error);
}

}  // namespace kiosk::core
