// Decodes a WAV stream as it arrives: the header first, then 16-bit PCM in whatever pieces
// a pipe delivers. Made for `espeak-ng --stdout`, whose header cannot know the length yet
// (it writes 0x7ffff000 as the data size), so the data runs to the end of the stream.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core {

class WavStream {
public:
    // Appends the samples in `data` to `out`, mixed down to mono. False, with error(), when
    // the header is not 16-bit PCM WAV; nothing more is decoded then.
    bool feed(const unsigned char* data, size_t size, std::vector<int16_t>* out);
    bool header_done() const { return in_data_; }
    int sample_rate() const { return rate_; }
    int channels() const { return channels_; }
    const std::string& error() const { return error_; }

private:
    bool parse_header();

    std::vector<unsigned char> header_;   // bytes before the data chunk, until it is found
    std::vector<unsigned char> partial_;  // the start of a frame split between two feeds
    bool in_data_ = false;
    int rate_ = 0, channels_ = 0;
    std::string error_;
};

}  // namespace kiosk::core
