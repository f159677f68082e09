// The speaker for reading aloud: an SDL audio device (22,050 Hz mono, as eSpeak NG speaks)
// fed by its callback from a queue the speech worker fills (core/speech_engine.h). No sound
// server is needed: SDL talks to ALSA directly on the device. Headless runs use SDL's dummy
// driver, or `disk` when SDL_AUDIODRIVER=disk (SDL_DISKAUDIOFILE names the raw file).
#pragma once

#include "core/speech_engine.h"

#include <SDL.h>

#include <atomic>
#include <chrono>
#include <deque>
#include <string>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

class SdlAudioOutput : public PcmSink {
public:
    ~SdlAudioOutput() override { close(); }
    // False with `error` (one sentence) when there is no audio output. The device is opened
    // when the first samples are queued.
    bool open(std::string* error);
    void close();

    int sample_rate() const override { return rate_; }
    void queue(const int16_t* samples, size_t count) override;
    size_t queued() const override;
    void clear() override;

    // When the device was last handed a sample louder than 1 % of full scale after clear():
    // the first sound of an utterance (for --bench-speech). Zero time point until then.
    std::chrono::steady_clock::time_point first_sound() const;
    // Samples the device takes at a time: the latency the figure above leaves out.
    int device_buffer() const { return buffer_; }

private:
    static void callback(void* self, Uint8* stream, int len);
    bool ensure_device();  // the queueing thread's; false when the device cannot be opened

    std::atomic<SDL_AudioDeviceID> device_{0};
    bool open_failed_ = false;  // the queueing thread's
    bool subsystem_ = false;
    int rate_ = 22050;
    std::atomic<int> buffer_{512};  // samples per device buffer, as the device gave them
    std::deque<int16_t> queue_;     // touched only with the device locked
    std::chrono::steady_clock::time_point first_sound_{};
    bool sounded_ = false;
};

}  // namespace kiosk::platform
