// The running kiosk: content, translations, fonts, the UI and the SDL display wired
// together, and the main loop. Split by feature: kiosk_app.cpp (start-up, interactive
// loop, frames), script_runner.cpp (scripted input and --bench), state_dump.cpp.
#pragma once

#include "core/content_installer.h"
#include "core/content_store.h"
#include "core/ime/pinyin_input.h"
#include "core/event_log.h"
#include "core/input_script.h"
#include "core/json_writer.h"
#include "core/kiosk_settings.h"
#include "core/search_index.h"
#include "core/speech_controller.h"
#include "core/speech_engine.h"
#include "core/state_store.h"
#include "core/translations.h"
#include "core/text/font_collection.h"
#include "platform/draw_data_renderer.h"
#include "platform/glyph_texture.h"
#include "platform/kiosk_options.h"
#include "platform/pointer_input.h"
#include "platform/sdl_audio_output.h"
#include "platform/sdl_display.h"
#include "platform/stats_reports.h"
#include "platform/usb_updates.h"
#include "platform/vt_guard.h"
#include "ui/fonts.h"
#include "ui/kiosk_ui.h"
#include "ui/text_renderer.h"

#include <array>
#include <chrono>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

class KioskRunner {
public:
    KioskRunner(const KioskOptions& options, std::chrono::steady_clock::time_point start)
        : options_(options), process_start_(start) {}

    // Runs until quit; returns the process exit status.
    int run();

private:
    // kiosk_app.cpp
    bool init(std::string* error);
    bool load_files(const std::string& assets_dir, std::string* error);  // on init's loading thread
    bool load_settings();    // false (and state_error_ set) if the state database cannot be used
    void open_event_log();   // after load_settings: the kiosk id and the usage event writer
    void close_event_log();  // at the end: the session in progress, the queue, the final fleet report
    void record_event(EventKind kind, std::string subject, std::string detail, int64_t value = 0);
    void restore_pin_attempts();
    void store_pin_attempts();  // handles UiRequests::store_pin_attempts
    void shutdown();
    void render_frame(const std::string* shot_path);
    bool pump_events();  // false when the kiosk should quit
    bool handle_key(const SDL_KeyboardEvent& key);
    bool needs_frame() const;
    void refresh_status();
    void store_trainer_session();  // handles UiRequests::record_trainer_session
    bool lockdown() const { return !options_.windowed; }
    void start_speech();  // the audio device, eSpeak NG and the controller (never fails: the UI says what is missing)
    void report_speech_problems();
    void service_speech();  // moves reading aloud on to the next block when one ended
    // Something is being said (not merely a reading whose synthesizer failed at once).
    bool speech_busy() const { return speech_ && speech_->speaking() && speech_engine_ && speech_engine_->busy(); }
    int run_speech_bench();  // --bench-speech
    int run_interactive();

    // script_runner.cpp
    int run_script(const std::vector<ScriptCommand>& script, const std::string& script_name);
    bool run_script_command(const ScriptCommand& cmd, const std::string& script_name, int* status);
    void advance_to(double until);
    void push_finger(Uint32 type, float x, float y);
    void push_key(const ScriptCommand& cmd);
    void tap(float x, float y);
    void settle_pinyin();  // scripts: the input method's queued keys have been handled
    int run_bench();

    // content_updates.cpp: USB sticks, installs, rollback and switching content while running
    void start_usb_updates(const InstallerConfig& config);
    void service_updates();         // polls the sticks, follows and finishes an install
    void handle_update_requests();  // UiRequests::install_update and rollback_content
    void start_install(const char* why);
    void finish_update(UpdateResult result);
    void switch_content(std::unique_ptr<ContentStore> content);
    void refresh_usb_view();
    void open_content(ContentInstaller& installer, const std::string& path, std::string* error);
    void confirm_trial_if_due();  // new content ran kTrialSeconds: it is good
    double next_usb_poll() const;

    // kiosk_app.cpp: settings that take effect while the kiosk runs (the rotation), read from
    // the state database once a second, however they were changed (kioskctl settings, a script)
    void service_settings();
    void apply_rotation(Rotation rotation);
    double next_settings_poll() const;  // infinity without a state database

    // stats_reports.cpp: the dashboard's summary, reports to a stick and to the fleet folder
    void handle_stats_requests();  // UiRequests::load_stats and write_stats_report
    void start_stick_report();
    void service_stats_reports();  // follows the stick report; refreshes the fleet report when due
    void service_fleet_report(bool final);
    ReportInfo report_info(int64_t from_ms, int64_t to_ms) const;

    // state_dump.cpp
    void write_state_dump();                         // to --dump-state, if given
    bool write_state_dump(const std::string& path);  // false (logged) if it cannot be written
    void write_update_state(JsonWriter& json) const;
    void write_stats_state(JsonWriter& json) const;
    void write_attract_state(JsonWriter& json) const;

    const KioskOptions& options_;
    std::chrono::steady_clock::time_point process_start_;
    std::string data_dir_;
    SdlDisplay display_;
    VtGuard vt_guard_;  // gives the VT back when the runner goes, after shutdown() closed the display
    std::unique_ptr<StateStore> state_store_;
    std::unique_ptr<EventLog> event_log_;   // usage statistics; null when state.db cannot be used
    std::string kiosk_id_;                  // settings_.kiosk_id once ensured
    std::unique_ptr<ReportJob> stats_job_;  // the report to a stick being written
    std::string stick_report_dir_;          // where it goes
    std::unique_ptr<ReportJob> fleet_job_;  // the report to the fleet folder being written
    double next_fleet_report_ = 0;          // kiosk clock
    int64_t event_log_written_ = 0;         // events the log stored, counted when it closed
    KioskSettings settings_;
    double next_settings_poll_ = 0;  // kiosk clock
    std::string rotation_warning_;   // the last unusable rotation setting that was reported
    std::string state_error_;        // why state.db cannot be used; empty when it can
    std::array<StoredPinAttempts, kPinRoleCount> stored_attempts_{};  // as loaded at start
    std::unique_ptr<ContentStore> content_;
    std::unique_ptr<SearchIndex> search_index_;  // opened with the content, then handed to ui_
    Translations translations_;
    std::unique_ptr<text::FontCollection> font_files_;
    std::unique_ptr<ui::TextRenderer> text_;  // shaping and the glyph cache, for all text
    GlyphTexture glyph_texture_;
    DrawDataRenderer draw_renderer_;
    std::vector<uint8_t> retarget_scratch_;  // retarget_glyph_quads
    bool texture_error_reported_ = false;
    std::unique_ptr<PinyinInput> pinyin_;  // RIME, for the search keyboard's 拼音 layout; outlives ui_
    std::unique_ptr<ui::KioskUi> ui_;
    // Reading aloud (core/speech_engine.h): declared in the order they are built; shutdown()
    // takes them down before SDL goes.
    std::unique_ptr<SdlAudioOutput> audio_;  // null when there is no audio device
    std::unique_ptr<EspeakEngine> speech_engine_;
    std::unique_ptr<SpeechController> speech_;
    Uint32 speech_event_ = 0;           // pushed by the speech worker to wake the loop
    bool speech_reported_ = false;      // what reading aloud lacks was logged
    double speech_probe_at_ = -1;       // when to probe the voices (kiosk clock); -1: not set
    std::unique_ptr<UsbUpdates> usb_;   // null with --content: nothing is installed then
    int last_percent_ = -1;             // of the install progress last shown
    InstallerConfig installer_config_;  // empty data_dir with --content
    bool on_trial_ = false;             // the content shown is new and not yet confirmed
    double trial_started_at_ = 0;       // kiosk clock when the kiosk started showing it
    PointerInput input_;
    bool imgui_ready_ = false;
    bool dirty_ = true;
    bool quit_ = false;  // a quit was requested and honoured
    double now_ = 0;     // kiosk clock, seconds
    int64_t frames_rendered_ = 0;
    double first_frame_ms_ = -1;
    std::vector<double> frame_cpu_ms_;   // recorded while benchmarking
    std::vector<double> rss_samples_;    // resident MB every kRssSampleFrames frames, for memory-flatness tests
    std::vector<double> cache_samples_;  // MB the glyph and shaped-line caches held at the same frames
    bool record_frames_ = false;
    std::string shot_error_;
    size_t missing_reported_ = 0;                    // missing_count() when last warned
    std::unordered_set<char32_t> reported_missing_;  // code points without a face, already warned about
};

// Resident memory now and at its peak, in MB.
double current_rss_mb();
double peak_rss_mb();

}  // namespace kiosk::platform
