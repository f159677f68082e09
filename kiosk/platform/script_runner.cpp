// Scripted input on a simulated clock (--script) and the fixed benchmark (--bench).
// Scripts push real SDL finger and key events, so they exercise the same input path as a
// touchscreen. The clock advances one frame at a time while something moves and jumps
// over idle time, so `frames_rendered` shows what an idle screen really costs.
#include "core/json_writer.h"
#include "core/log.h"
#include "platform/kiosk_runner.h"
#include "ui/screens.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {
constexpr double kFramePeriod = 1.0 / 60.0;
}  // namespace

void KioskRunner::push_finger(Uint32 type, float x, float y) {
    SDL_Event event{};
    event.type = type;
    event.tfinger.touchId = 1;
    event.tfinger.fingerId = 1;
    // Script coordinates are the panel's, as a touchscreen reports them.
    event.tfinger.x = x / static_cast<float>(display_.width());
    event.tfinger.y = y / static_cast<float>(display_.height());
    event.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    SDL_PushEvent(&event);
}

void KioskRunner::push_key(const ScriptCommand& cmd) {
    SDL_Event event{};
    event.type = SDL_KEYDOWN;
    event.key.state = SDL_PRESSED;
    event.key.keysym.sym = SDL_GetKeyFromName(cmd.text.c_str());
    event.key.keysym.scancode = SDL_GetScancodeFromKey(event.key.keysym.sym);
    Uint16 mod = KMOD_NONE;
    if (cmd.ctrl) mod |= KMOD_LCTRL;
    if (cmd.alt) mod |= KMOD_LALT;
    if (cmd.shift) mod |= KMOD_LSHIFT;
    event.key.keysym.mod = mod;
    SDL_PushEvent(&event);
    event.type = SDL_KEYUP;
    event.key.state = SDL_RELEASED;
    SDL_PushEvent(&event);
}

// The input method works on its own thread in real time. Scripts play on a simulated clock:
// they wait for it to start and after each step, so a script sees the same candidates on
// every run.
void KioskRunner::settle_pinyin() {
    if (!pinyin_ || !pinyin_->started()) return;  // not asked to start yet: nothing to wait for
    const bool working = pinyin_->busy() || pinyin_->state() == PinyinInput::State::Starting;
    if (working && !pinyin_->wait_idle(30)) log_warning("pinyin input still busy after 30 s");
}

void KioskRunner::advance_to(double until) {
    while (now_ < until - 1e-9 && !quit_) {
        if (!pump_events()) {
            quit_ = true;
            return;
        }
        // An install runs in real time in its thread. The simulated clock waits for each of its
        // reports and then moves one frame, so a script sees it finish within a short wait.
        const bool installing = usb_ && usb_->installing();
        if (installing) usb_->wait_for_progress(0.5);
        service_updates();
        // A report runs in real time in its thread; scripted runs see it finished at once.
        if (stats_job_) stats_job_->result();
        service_stats_reports();
        service_speech();
        service_settings();
        confirm_trial_if_due();
        settle_pinyin();
        if (speech_busy() && !needs_frame() && !installing) {
            // Reading aloud runs in real time: while nothing moves the simulated clock follows
            // it, so a script's `wait` hears as much as a visitor would.
            const auto start = std::chrono::steady_clock::now();
            speech_engine_->wait_for_end(std::min(until - now_, 0.05));
            const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            now_ = std::min(until, now_ + std::max(1e-4, waited));
            continue;
        }
        if (needs_frame() || installing) {
            render_frame(nullptr);
            now_ = std::min(until, now_ + kFramePeriod);
        } else {
            // Idle: the simulated clock jumps to the next scheduled change or USB poll, drawing nothing.
            now_ = std::min(
                until, std::max(now_ + 1e-6, std::min({ui_->next_deadline(now_), next_usb_poll(), next_settings_poll()})));
        }
    }
    if (!quit_ && !pump_events()) quit_ = true;
    if (!quit_ && input_.has_pending()) render_frame(nullptr);
}

void KioskRunner::tap(float x, float y) {
    push_finger(SDL_FINGERDOWN, x, y);
    advance_to(now_ + 0.06);
    push_finger(SDL_FINGERUP, x, y);
    advance_to(now_ + kFramePeriod);
}

// Runs one command; false when the script must stop (with `*status` set).
bool KioskRunner::run_script_command(const ScriptCommand& cmd, const std::string& script_name, int* status) {
    switch (cmd.kind) {
        case ScriptCommand::Kind::Tap: tap(cmd.x1, cmd.y1); break;
        case ScriptCommand::Kind::TapId:
        case ScriptCommand::Kind::TapLabel: {
            settle_pinyin();  // candidates are targets too
            if (needs_frame()) render_frame(nullptr);
            const bool by_id = cmd.kind == ScriptCommand::Kind::TapId;
            const ui::TouchTarget* target = by_id ? ui_->targets().find_id(cmd.text) : ui_->targets().find(cmd.text);
            if (!target) {
                std::string visible;
                for (size_t i = 0; i < ui_->targets().size(); ++i)
                    visible += (visible.empty() ? "" : ", ") +
                               ("'" + (by_id ? ui_->targets()[i].id : ui_->targets()[i].label) + "'");
                log_error("%s:%d: no touch target %s '%s' on screen '%s' (visible: %s)", script_name.c_str(), cmd.line,
                          by_id ? "with id" : "labelled", cmd.text.c_str(), ui::screen_name(ui_->state().screen()),
                          visible.c_str());
                *status = 2;
                return false;
            }
            // Targets are in the UI's coordinates; a finger touches the panel.
            const Size2 panel{static_cast<float>(display_.width()), static_cast<float>(display_.height())};
            Point2 p = logical_to_panel(settings_.rotation, panel,
                                        {(target->min.x + target->max.x) * 0.5f, (target->min.y + target->max.y) * 0.5f});
            tap(p.x, p.y);
            break;
        }
        case ScriptCommand::Kind::Drag: {
            push_finger(SDL_FINGERDOWN, cmd.x1, cmd.y1);
            advance_to(now_ + kFramePeriod);
            const double seconds = cmd.ms / 1000.0;
            const int steps = std::max(1, static_cast<int>(std::lround(seconds / kFramePeriod)));
            for (int i = 1; i <= steps; ++i) {
                float t = static_cast<float>(i) / steps;
                push_finger(SDL_FINGERMOTION, cmd.x1 + (cmd.x2 - cmd.x1) * t, cmd.y1 + (cmd.y2 - cmd.y1) * t);
                advance_to(now_ + seconds / steps);
            }
            push_finger(SDL_FINGERUP, cmd.x2, cmd.y2);
            advance_to(now_ + kFramePeriod);
            break;
        }
        case ScriptCommand::Kind::Wait: advance_to(now_ + cmd.ms / 1000.0); break;
        case ScriptCommand::Kind::Shot:
            settle_pinyin();
            render_frame(&cmd.text);
            if (!shot_error_.empty()) {
                *status = 1;
                return false;
            }
            break;
        case ScriptCommand::Kind::Dump:
            // The screen as a `shot` would show it, without the pixels.
            settle_pinyin();
            render_frame(nullptr);
            if (!write_state_dump(cmd.text)) {
                *status = 1;
                return false;
            }
            break;
        case ScriptCommand::Kind::Key:
            push_key(cmd);
            advance_to(now_ + kFramePeriod);
            break;
        case ScriptCommand::Kind::Setting: {
            // Stored as kioskctl stores it; the kiosk finds it as it would a real change, by
            // reading the state database (service_settings), within a second of kiosk time.
            KioskSettings checked = settings_;
            std::string error = "the state database is not available";
            const SettingInfo* info = find_setting(cmd.text);
            if (!info || !info->settable)
                error = "unknown setting '" + cmd.text + "' (settable: " + settable_setting_keys() + ")";
            if (!info || !info->settable || !apply_setting(&checked, cmd.text, cmd.value, &error) ||
                !(state_store_ && state_store_->set_setting(cmd.text, cmd.value, &error))) {
                log_error("%s:%d: %s", script_name.c_str(), cmd.line, error.c_str());
                *status = 2;
                return false;
            }
            break;
        }
    }
    return !quit_;
}

int KioskRunner::run_script(const std::vector<ScriptCommand>& script, const std::string& script_name) {
    for (const ScriptCommand& cmd : script) {
        if (cmd.kind == ScriptCommand::Kind::Key && SDL_GetKeyFromName(cmd.text.c_str()) == SDLK_UNKNOWN) {
            log_error("%s:%d: unknown key '%s'", script_name.c_str(), cmd.line, cmd.text.c_str());
            return 2;
        }
    }
    // The layout check's record of every text drawn (state dump `text_boxes`): only when a dump
    // will show it, and never while benchmarking.
    bool dumps = !options_.dump_state_path.empty();
    for (const ScriptCommand& cmd : script) dumps = dumps || cmd.kind == ScriptCommand::Kind::Dump;
    text_->probe().set_enabled(dumps && !options_.bench && !options_.bench_speech);
    if (frames_rendered_ == 0) {
        render_frame(nullptr);
    }
    int status = 0;
    for (const ScriptCommand& cmd : script) {
        if (!run_script_command(cmd, script_name, &status)) break;
        if (ui_->state().requests.quit || ui_->state().requests.restart) break;
    }
    if (!quit_ && needs_frame()) render_frame(nullptr);
    return status;
}

namespace {

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const size_t index = static_cast<size_t>(std::lround(p * static_cast<double>(values.size() - 1)));
    return values[std::min(index, values.size() - 1)];
}

}  // namespace

int KioskRunner::run_bench() {
    // A fixed scenario: open the first document and read it with drags and flicks.
    std::vector<ScriptCommand> script;
    auto add = [&](ScriptCommand::Kind kind, float x1, float y1, float x2, float y2, double ms) {
        ScriptCommand cmd;
        cmd.kind = kind;
        cmd.x1 = x1;
        cmd.y1 = y1;
        cmd.x2 = x2;
        cmd.y2 = y2;
        cmd.ms = ms;
        script.push_back(cmd);
    };
    const float w = static_cast<float>(display_.width()), h = static_cast<float>(display_.height());
    add(ScriptCommand::Kind::Wait, 0, 0, 0, 0, 200);
    add(ScriptCommand::Kind::Tap, w * 0.2f, h * 0.45f, 0, 0, 0);
    add(ScriptCommand::Kind::Wait, 0, 0, 0, 0, 300);
    for (int i = 0; i < 8; ++i) {
        add(ScriptCommand::Kind::Drag, w * 0.65f, h * 0.8f, w * 0.65f, h * 0.35f, 400);
        add(ScriptCommand::Kind::Wait, 0, 0, 0, 0, 600);
        add(ScriptCommand::Kind::Drag, w * 0.65f, h * 0.8f, w * 0.65f, h * 0.3f, 120);  // a flick
        add(ScriptCommand::Kind::Wait, 0, 0, 0, 0, 1500);
    }
    std::vector<ScriptCommand> opening(script.begin(), script.begin() + 3), reading(script.begin() + 3, script.end());
    int status = run_script(opening, "<bench>");
    std::vector<double> cold, warm;
    if (status == 0 && options_.bench_scroll) {
        // The same slow drags down the document twice from the top: first through text never
        // drawn before (shaping, rasterizing, uploading), then again with everything cached.
        std::vector<ScriptCommand> down;
        for (int i = 0; i < 16; ++i) {
            add(ScriptCommand::Kind::Drag, w * 0.65f, h * 0.85f, w * 0.65f, h * 0.3f, 400);
            add(ScriptCommand::Kind::Wait, 0, 0, 0, 0, 100);
        }
        down.assign(script.end() - 32, script.end());
        for (std::vector<double>* pass : {&cold, &warm}) {
            ui_->state().reader.scroll.scroll_to(0, false, now_);
            render_frame(nullptr);
            frame_cpu_ms_.clear();
            record_frames_ = true;
            status = run_script(down, "<bench>");
            record_frames_ = false;
            *pass = frame_cpu_ms_;
        }
        frame_cpu_ms_ = cold;
        frame_cpu_ms_.insert(frame_cpu_ms_.end(), warm.begin(), warm.end());
    } else if (status == 0) {
        record_frames_ = true;
        status = run_script(reading, "<bench>");
        record_frames_ = false;
    }
    if (status != 0) return status;
    // Idle cost: a minute with nobody touching the reader (shorter than the idle timeout).
    const int64_t frames_before_idle = frames_rendered_;
    advance_to(now_ + 60.0);
    const int64_t idle_frames = frames_rendered_ - frames_before_idle;

    JsonWriter json;
    json.begin_object();
    json.key("first_frame_ms").value(first_frame_ms_);
    json.key("frame_ms_p50").value(percentile(frame_cpu_ms_, 0.50));
    json.key("frame_ms_p99").value(percentile(frame_cpu_ms_, 0.99));
    json.key("frames_measured").value(static_cast<int64_t>(frame_cpu_ms_.size()));
    json.key("peak_rss_mb").value(peak_rss_mb());
    json.key("idle_frames_per_minute").value(idle_frames);
    json.key("renderer").value(display_.renderer_name());
    const text::GlyphCacheStats cache = text_->cache().stats();
    json.key("glyph_cache_mb").value(static_cast<double>(cache.bytes) / (1024.0 * 1024.0));
    json.key("glyph_cache_glyphs").value(static_cast<int64_t>(cache.glyphs));
    json.key("glyph_cache_evictions").value(static_cast<int64_t>(cache.evictions));
    json.key("glyph_cache_misses").value(static_cast<int64_t>(cache.misses));
    if (options_.bench_scroll) {
        json.key("scroll_cold_frame_ms_p50").value(percentile(cold, 0.50));
        json.key("scroll_cold_frame_ms_p99").value(percentile(cold, 0.99));
        json.key("scroll_warm_frame_ms_p50").value(percentile(warm, 0.50));
        json.key("scroll_warm_frame_ms_p99").value(percentile(warm, 0.99));
    }
    json.key("size").value(std::to_string(display_.width()) + "x" + std::to_string(display_.height()));
    json.end_object();
    std::printf("%s\n", json.str().c_str());
    return 0;
}

// --bench-speech: opens the first document in each language, taps ▶ through the normal input
// path five times, and times each tap (finger lifted) to the first audible sample the audio
// device took from the callback. What the device's own buffer adds is printed beside it.
int KioskRunner::run_speech_bench() {
    if (!speech_engine_ || !audio_) {
        log_error("--bench-speech: reading aloud is unavailable%s%s", speech_engine_ ? ": " : " (read_aloud is off)",
                  speech_engine_ ? speech_engine_->problem().c_str() : "");
        return 1;
    }
    render_frame(nullptr);
    const Document& doc = content_->documents().front();
    const int trials = 5;
    JsonWriter json;
    json.begin_object();
    json.key("audio_driver").value(SDL_GetCurrentAudioDriver() ? SDL_GetCurrentAudioDriver() : "none");
    json.key("device_buffer_ms").value(1000.0 * audio_->device_buffer() / audio_->sample_rate());
    std::vector<double> all;
    for (Lang lang : kAllLangs) {
        if (speech_engine_->support(lang) != SpeechSupport::Ready) continue;
        ui_->state().language = lang;
        ui::open_document(ui_->state(), doc);
        advance_to(now_ + 0.5);
        std::vector<double> sound_ms, audio_ms;
        for (int i = 0; i < trials; ++i) {
            speech_->stop();
            render_frame(nullptr);
            SDL_Delay(200);  // silence between the trials
            const ui::TouchTarget* target = ui_->targets().find_id("reader.read");
            if (!target) {
                log_error("--bench-speech: no read-aloud button in the reader (%s)", lang_code(lang));
                return 1;
            }
            const float x = (target->min.x + target->max.x) * 0.5f, y = (target->min.y + target->max.y) * 0.5f;
            push_finger(SDL_FINGERDOWN, x, y);
            advance_to(now_ + 0.06);
            const auto tapped = std::chrono::steady_clock::now();
            push_finger(SDL_FINGERUP, x, y);
            advance_to(now_ + kFramePeriod);
            while (audio_->first_sound() < tapped && std::chrono::steady_clock::now() - tapped < std::chrono::seconds(5))
                SDL_Delay(1);
            if (audio_->first_sound() < tapped) {
                log_error("--bench-speech: no sound within 5 s (%s)", lang_code(lang));
                return 1;
            }
            sound_ms.push_back(std::chrono::duration<double, std::milli>(audio_->first_sound() - tapped).count());
            audio_ms.push_back(speech_engine_->stats().first_audio_ms);
        }
        all.insert(all.end(), sound_ms.begin(), sound_ms.end());
        const std::string code = lang_code(lang);
        json.key("first_sound_ms_p50_" + code).value(percentile(sound_ms, 0.5));
        json.key("first_sound_ms_max_" + code).value(percentile(sound_ms, 1.0));
        json.key("first_audio_queued_ms_p50_" + code).value(percentile(audio_ms, 0.5));
    }
    speech_->stop();
    json.key("first_sound_ms_p50").value(percentile(all, 0.5));
    json.key("first_sound_ms_max").value(percentile(all, 1.0));
    json.key("trials").value(static_cast<int64_t>(all.size()));
    json.end_object();
    std::printf("%s\n", json.str().c_str());
    return 0;
}

}  // namespace kiosk::platform
