#include "core/wav_stream.h"

#include <algorithm>

namespace kiosk::core {

namespace {

uint32_t le32(const unsigned char* p) { return p[0] | p[1] << 8 | p[2] << 16 | static_cast<uint32_t>(p[3]) << 24; }
uint16_t le16(const unsigned char* p) { return static_cast<uint16_t>(p[0] | p[1] << 8); }

constexpr size_t kMaxHeader = 4096;  // a real header is 44 bytes; more is not a synthesizer's

}  // namespace

// Walks RIFF/WAVE chunks in header_ until "data"; returns true once there (or on an error).
bool WavStream::parse_header() {
    const unsigned char* p = header_.data();
    const size_t n = header_.size();
    if (n < 12) return false;
    if (le32(p) != 0x46464952u || le32(p + 8) != 0x45564157u) {  // "RIFF", "WAVE"
        error_ = "not a WAV stream";
        return true;
    }
    size_t at = 12;
    while (at + 8 <= n) {
        const uint32_t id = le32(p + at), size = le32(p + at + 4);
        if (id == 0x61746164u) {  // "data"
            if (channels_ == 0) {
                error_ = "WAV data before its format";
                return true;
            }
            in_data_ = true;
            header_.erase(header_.begin(), header_.begin() + static_cast<long>(at + 8));
            return true;
        }
        if (at + 8 + size > n) return false;  // the rest of this chunk has not arrived yet
        if (id == 0x20746d66u) {              // "fmt "
            if (size < 16 || le16(p + at + 8) != 1 || le16(p + at + 22) != 16) {
                error_ = "WAV is not 16-bit PCM";
                return true;
            }
            channels_ = le16(p + at + 10);
            rate_ = static_cast<int>(le32(p + at + 12));
            if (channels_ < 1 || channels_ > 8 || rate_ < 4000 || rate_ > 192000) {
                error_ = "WAV format out of range";
                return true;
            }
        }
        at += 8 + size + (size & 1);
    }
    return false;
}

bool WavStream::feed(const unsigned char* data, size_t size, std::vector<int16_t>* out) {
    if (!error_.empty()) return false;
    if (!in_data_) {
        header_.insert(header_.end(), data, data + size);
        if (!parse_header()) {
            if (header_.size() > kMaxHeader) error_ = "WAV header too long";
            return error_.empty();
        }
        if (!error_.empty()) return false;
        partial_ = std::move(header_);  // what followed the header is audio
        header_.clear();
        data = nullptr;
        size = 0;
    }
    const size_t frame = static_cast<size_t>(channels_) * 2;
    auto emit = [&](const unsigned char* f) {
        int sum = 0;
        for (int c = 0; c < channels_; ++c) sum += static_cast<int16_t>(le16(f + static_cast<size_t>(c) * 2));
        out->push_back(static_cast<int16_t>(sum / channels_));
    };
    if (!partial_.empty()) {
        const size_t take = std::min(size, (frame - partial_.size() % frame) % frame);
        partial_.insert(partial_.end(), data, data + take);
        data += take;
        size -= take;
        const size_t whole = partial_.size() / frame * frame;
        for (size_t i = 0; i < whole; i += frame) emit(partial_.data() + i);
        partial_.erase(partial_.begin(), partial_.begin() + static_cast<long>(whole));
    }
    const size_t whole = size / frame * frame;
    out->reserve(out->size() + whole / frame);
    for (size_t i = 0; i < whole; i += frame) emit(data + i);
    partial_.insert(partial_.end(), data + whole, data + size);
    return true;
}

}  // namespace kiosk::core
