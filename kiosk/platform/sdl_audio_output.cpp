#include "platform/sdl_audio_output.h"

#include "core/log.h"

#include <algorithm>
#include <cstdlib>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

bool SdlAudioOutput::open(std::string* error) {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        *error = std::string("no audio output: ") + SDL_GetError();
        return false;
    }
    subsystem_ = true;
    return true;
}

// The device itself is opened when the first samples arrive (on the speech worker): until the
// kiosk speaks there is no audio thread, and a start that ends at once does not wait to close one.
bool SdlAudioOutput::ensure_device() {
    if (device_.load() != 0) return true;
    if (!subsystem_ || open_failed_) return false;
    SDL_AudioSpec want{}, have{};
    want.freq = rate_;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = static_cast<Uint16>(buffer_.load());  // about 23 ms: the first sound is not held back
    want.callback = &SdlAudioOutput::callback;
    want.userdata = this;
    const SDL_AudioDeviceID device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);  // SDL converts if need be
    if (device == 0) {
        open_failed_ = true;
        log_warning("reading aloud: no audio output: %s", SDL_GetError());
        return false;
    }
    buffer_ = have.samples;
    device_.store(device);
    SDL_PauseAudioDevice(device, 0);
    return true;
}

void SdlAudioOutput::close() {
    if (device_.load() != 0) SDL_CloseAudioDevice(device_.load());
    device_.store(0);
    if (subsystem_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
    subsystem_ = false;
}

void SdlAudioOutput::callback(void* self, Uint8* stream, int len) {
    auto* out = static_cast<SdlAudioOutput*>(self);
    auto* samples = reinterpret_cast<int16_t*>(stream);
    const size_t want = static_cast<size_t>(len) / sizeof(int16_t);
    const size_t n = std::min(want, out->queue_.size());
    std::copy(out->queue_.begin(), out->queue_.begin() + static_cast<long>(n), samples);
    out->queue_.erase(out->queue_.begin(), out->queue_.begin() + static_cast<long>(n));
    std::fill(samples + n, samples + want, int16_t{0});
    if (!out->sounded_)
        for (size_t i = 0; i < n; ++i)
            if (std::abs(samples[i]) > 327) {
                out->sounded_ = true;
                out->first_sound_ = std::chrono::steady_clock::now();
                break;
            }
}

void SdlAudioOutput::queue(const int16_t* samples, size_t count) {
    if (!ensure_device()) return;  // no device after all: nothing plays, the engine gives the block up
    SDL_LockAudioDevice(device_);
    queue_.insert(queue_.end(), samples, samples + count);
    SDL_UnlockAudioDevice(device_);
}

size_t SdlAudioOutput::queued() const {
    if (device_.load() == 0) return 0;
    SDL_LockAudioDevice(device_);
    const size_t n = queue_.size();
    SDL_UnlockAudioDevice(device_);
    return n;
}

void SdlAudioOutput::clear() {
    if (device_.load() == 0) return;
    SDL_LockAudioDevice(device_);
    queue_.clear();
    sounded_ = false;
    first_sound_ = {};
    SDL_UnlockAudioDevice(device_);
}

std::chrono::steady_clock::time_point SdlAudioOutput::first_sound() const {
    if (device_.load() == 0) return {};
    SDL_LockAudioDevice(device_);
    const auto at = first_sound_;
    SDL_UnlockAudioDevice(device_);
    return at;
}

}  // namespace kiosk::platform
