// Start-up, the interactive main loop and frame rendering. See kiosk_runner.h.
#include "platform/kiosk_app.h"

#include "core/file_io.h"
#include "core/log.h"
#include "core/settings_loader.h"
#include "platform/kiosk_runner.h"
#include "platform/watchdog_notifier.h"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <limits>
#include <fstream>
#include <future>
#include <system_error>

#ifndef KIOSK_SHARE_DIR
#define KIOSK_SHARE_DIR "/usr/share/sco-kiosk"
#endif
#ifndef KIOSK_DEV_ASSETS_DIR
#define KIOSK_DEV_ASSETS_DIR ""
#endif
#ifndef KIOSK_DEV_CONTENT_DB
#define KIOSK_DEV_CONTENT_DB ""
#endif

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr double kFramePeriod = 1.0 / 60.0;
constexpr double kSettingsPollS = 1.0;  // how often the settings that apply while running are read
constexpr int64_t kRssSampleFrames = 10000;
constexpr size_t kMaxRssSamples = 1000;
// Exit status when an organizer quits from the panel; the systemd unit does not restart it.
constexpr int kExitOrganizerQuit = 64;

std::atomic<bool> g_stop_signal{false};

void on_stop_signal(int) { g_stop_signal = true; }

// SIGTERM and SIGINT end the kiosk cleanly. SDL's own handlers are off (see SdlDisplay):
// they would turn signals into SDL_QUIT, which lockdown has to ignore.
void install_signal_handlers() {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

std::string first_existing(std::initializer_list<std::string> candidates) {
    for (const std::string& path : candidates)
        if (!path.empty() && fs::exists(path)) return path;
    return {};
}

}  // namespace

double current_rss_mb() {
    std::ifstream statm("/proc/self/statm");
    long pages_total = 0, pages_resident = 0;
    statm >> pages_total >> pages_resident;
    return pages_resident * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

bool KioskRunner::load_settings() {
    OpenedSettings opened = open_settings(data_dir_, StateStore::OpenMode::CreateIfMissing);
    for (const std::string& warning : opened.warnings) log_warning("%s", warning.c_str());
    state_store_ = std::move(opened.store);
    settings_ = opened.settings;
    std::string error = opened.error;
    bool ok = state_store_ != nullptr;
    for (int role = 0; ok && role < kPinRoleCount; ++role)
        ok = state_store_->load_pin_attempts(pin_role_name(static_cast<PinRole>(role)), &stored_attempts_[role], &error);
    if (!ok) {
        // Visitors are still served with the default settings, but no PIN opens anything:
        // the PINs and their back-off live in the database that cannot be used.
        state_store_.reset();
        settings_ = KioskSettings{};
        state_error_ = error;
        log_error("the organizer panel and trainer mode stay locked: %s", error.c_str());
        return false;
    }
    for (PinRole role : {PinRole::Organizer, PinRole::Trainer})
        if (settings_.pin_hash(role).empty()) log_warning("%s", pin_not_set_message(role, data_dir_).c_str());
    return true;
}

// The kiosk id (generated on the first start) and the writer of the usage statistics.
void KioskRunner::open_event_log() {
    if (!state_store_) return;
    std::string error;
    if (!ensure_kiosk_id(*state_store_, &kiosk_id_, &error)) {
        log_warning("no usage statistics: %s", error.c_str());
        return;
    }
    settings_.kiosk_id = kiosk_id_;
    EventRetention retention{settings_.stats_retention_days, settings_.stats_max_mb};
    event_log_ = EventLog::open(state_store_->path(), retention, settings_.stats_log_queries, &error);
    if (!event_log_) log_warning("no usage statistics: %s", error.c_str());
}

// Events the platform sees itself (USB installs, reports); the UI's go through its observer.
void KioskRunner::record_event(EventKind kind, std::string subject, std::string detail, int64_t value) {
    if (!event_log_) return;
    UsageEvent event;
    event.kind = kind;
    event.subject = std::move(subject);
    event.detail = std::move(detail);
    event.value = value;
    event_log_->record(std::move(event));
}

// The PIN back-off as the state database holds it, on the kiosk clock from now on.
void KioskRunner::restore_pin_attempts() {
    const int64_t unix_now = static_cast<int64_t>(std::time(nullptr));
    for (int role = 0; role < kPinRoleCount; ++role)
        ui_->pin_attempts(static_cast<PinRole>(role))
            .restore(stored_attempts_[role].failures, stored_attempts_[role].locked_until, now_, unix_now);
}

// A PIN was tried: the back-off goes to disk at once (synchronous=FULL), so pulling the
// plug does not reset it. If it cannot be stored, nothing opens until the kiosk restarts.
void KioskRunner::store_pin_attempts() {
    ui::UiState& state = ui_->state();
    if (!state.requests.store_pin_attempts) return;
    state.requests.store_pin_attempts = false;
    std::string error = "the state database is not available";
    const int64_t unix_now = static_cast<int64_t>(std::time(nullptr));
    bool stored = state_store_ != nullptr;
    for (int role = 0; stored && role < kPinRoleCount; ++role) {
        const PinAttempts& attempts = ui_->pin_attempts(static_cast<PinRole>(role));
        StoredPinAttempts record{attempts.failures(), attempts.locked_until_unix(now_, unix_now)};
        stored = state_store_->store_pin_attempts(pin_role_name(static_cast<PinRole>(role)), record, &error);
    }
    if (stored) return;
    state.status.state_error = error;
    log_error("the organizer panel and trainer mode stay locked: PIN attempts cannot be stored: %s", error.c_str());
}

bool KioskRunner::init(std::string* error) {
    data_dir_ = options_.data_dir.empty() ? default_data_dir() : options_.data_dir;
    std::string dir_error;
    if (!fs::make_dirs(data_dir_, &dir_error)) log_warning("%s", dir_error.c_str());
    load_settings();
    open_event_log();

    const std::string assets_dir = options_.assets_dir.empty()
                                       ? first_existing({std::string(KIOSK_SHARE_DIR) + "/assets", KIOSK_DEV_ASSETS_DIR})
                                       : options_.assets_dir;

    DisplayConfig config;
    config.headless = options_.headless;
    config.windowed = options_.windowed;
    config.width = options_.width;
    config.height = options_.height;
    config.size_given = options_.size_given;
    config.rotation = settings_.rotation;
    // Before the loading thread starts: setenv must not run while another thread calls getenv
    // (FreeType reads FREETYPE_PROPERTIES when it starts).
    SdlDisplay::prepare_environment(config);
    // Content, translations and fonts are read on a second thread while SDL opens the display on
    // this one: neither needs the other, and on two cores the start takes the longer of the two
    // instead of their sum. The thread is joined (get) before anything here uses what it loaded.
    std::string load_error;
    auto load = [this, &assets_dir, &load_error] { return load_files(assets_dir, &load_error); };
    std::future<bool> loaded;
    try {
        loaded = std::async(std::launch::async, load);
    } catch (const std::system_error&) {
        loaded = std::async(std::launch::deferred, load);  // no thread to be had: loaded by get()
    }
    const bool display_open = display_.open(config, error);
    if (!loaded.get()) {
        *error = load_error;
        return false;
    }
    if (!display_open) return false;
    if (lockdown() && !options_.headless) {
        std::string why;
        if (vt_guard_.engage(&why))
            log_info("on its own virtual terminal; switching away from it is refused%s%s", why.empty() ? "" : "; ",
                     why.c_str());
        else log_warning("VT switching is not blocked: %s", why.c_str());
    }
    input_.set_screen(display_.width(), display_.height(), settings_.rotation);

    ImVec2 display_size(static_cast<float>(display_.logical_width()), static_cast<float>(display_.logical_height()));
    text_ = std::make_unique<ui::TextRenderer>(*font_files_);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();  // ImGui's own atlas holds only its small default font
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = display_size;
    io.Fonts->Flags |= ImFontAtlasFlags_NoMouseCursors;
    // ImGui needs a font, but all text is drawn by the text engine: its default font is built
    // with just a space and its fallback '?', not the 224 Latin-1 glyphs it would rasterize.
    static const ImWchar kUnusedFontGlyphs[] = {0x20, 0x20, 0x3F, 0x3F, 0};
    ImFontConfig font_config;
    font_config.GlyphRanges = kUnusedFontGlyphs;
    io.Fonts->AddFontDefault(&font_config);
    ImGui_ImplSDLRenderer_Init(display_.renderer());
    ImGui_ImplSDLRenderer_CreateDeviceObjects();
    draw_renderer_.init(display_.renderer());
    io.Fonts->ClearTexData();  // the texture now lives in the renderer
    imgui_ready_ = true;
    if (!glyph_texture_.create(display_.renderer(), text_->cache(), error)) return false;
    text_->set_texture(static_cast<ImTextureID>(glyph_texture_.texture()));

    // RIME starts on its own thread (a first start compiles its schema into the data dir), and
    // only when the search screen is first shown, so neither the first frame nor a kiosk that is
    // never searched waits for it; the 拼音 layout says so until it is ready.
    PinyinInput::Options pinyin_options;
    pinyin_options.user_data_dir = fs::join(data_dir_, "rime");
    pinyin_options.content_db = content_->path();
    pinyin_options.start_at_once = false;
    pinyin_ = std::make_unique<PinyinInput>(pinyin_options);
    ui_ = std::make_unique<ui::KioskUi>(*content_, translations_, *text_, display_size, settings_, std::move(search_index_));
    ui_->set_pinyin_input(pinyin_.get());
    start_speech();
    if (options_.language_given) ui_->state().language = options_.language;  // this run only; resets use the setting
    ui_->set_usage_sink(event_log_.get());
    ui_->state().status.data_dir = data_dir_;
    ui_->state().status.state_error = state_error_;
    restore_pin_attempts();
    // With --content the kiosk shows that file, so installing into the data dir would change nothing.
    if (options_.content_path.empty()) start_usb_updates(installer_config_);
    return true;
}

// On the loading thread (see init). Touches only content_, search_index_, installer_config_,
// on_trial_, translations_ and font_files_, which the main thread leaves alone until it has
// joined this.
bool KioskRunner::load_files(const std::string& assets_dir, std::string* error) {
    if (options_.content_path.empty()) {
        // Installed content (kioskctl install, USB sticks) over the factory content.
        installer_config_.data_dir = data_dir_;
        installer_config_.factory_db =
            !options_.factory_path.empty()
                ? options_.factory_path
                : first_existing({std::string(KIOSK_SHARE_DIR) + "/content.db", KIOSK_DEV_CONTENT_DB});
        installer_config_.system_key_dirs = {std::string(KIOSK_SHARE_DIR) + "/trusted-keys"};
        ContentInstaller installer(installer_config_);
        for (const std::string& line : installer.recover()) log_warning("%s", line.c_str());
        for (const std::string& line : installer.begin_start()) log_error("%s", line.c_str());
        on_trial_ = installer.status().on_trial;
        open_content(installer, installer.active_content_path(), error);
    } else {
        content_ = ContentStore::open(options_.content_path, error);
    }
    if (!content_) return false;
    std::string search_error;
    search_index_ = SearchIndex::open(content_->path(), &search_error);
    if (!search_index_) log_warning("search unavailable: %s", search_error.c_str());
    Diagnostics diagnostics;
    if (!translations_.load(fs::join(assets_dir, "i18n"), &diagnostics)) {
        *error = "translations: " + (diagnostics.empty() ? std::string("failed") : diagnostics.front().str());
        return false;
    }
    // Fonts are only opened here: glyphs are rasterized when a frame first draws them.
    font_files_ = text::FontCollection::open(assets_dir, error);
    return font_files_ != nullptr;
}

// Opens the installed content, falling back to older content (previous, then factory) for as
// long as what is active cannot be opened: a damaged install never stops the kiosk.
void KioskRunner::open_content(ContentInstaller& installer, const std::string& path, std::string* error) {
    std::string content_path = path;
    while (true) {
        if (content_path.empty()) {
            *error = options_.factory_path.empty() ? "no content database found (looked in " KIOSK_SHARE_DIR
                                                     "/content.db); pass --content DB"
                                                   : "factory content " + options_.factory_path + " not found";
            return;
        }
        content_ = ContentStore::open(content_path, error);
        if (content_) return;
        std::vector<std::string> actions;
        if (content_path != installer.active_db() || !installer.reject_active(*error, &actions)) return;
        std::string sentence;
        for (const std::string& action : actions) sentence += (sentence.empty() ? "" : "; ") + action;
        log_error("%s", sentence.c_str());
        on_trial_ = installer.status().on_trial;
        content_path = installer.active_content_path();
    }
}

void KioskRunner::confirm_trial_if_due() {
    if (!on_trial_ || now_ < trial_started_at_ + kTrialSeconds) return;
    on_trial_ = false;
    ContentInstaller(installer_config_).confirm_start();
    log_info("content version %lld ran %d s: confirmed as good",
             static_cast<long long>(content_->info().content_version), static_cast<int>(kTrialSeconds));
}

// The kiosk stops: the visitor session in progress is recorded as still active, everything
// queued is written, and the fleet folder gets the final report.
void KioskRunner::close_event_log() {
    if (!event_log_) return;
    if (ui_) ui_->end_usage_session(now_);
    event_log_->flush();
    event_log_written_ = event_log_->written();
    event_log_.reset();
    stats_job_.reset();  // waits for a report being written
    if (ui_ && content_) service_fleet_report(true);
    fleet_job_.reset();
}

// Reading aloud: SDL audio (headless: the dummy driver unless SDL_AUDIODRIVER says otherwise)
// and eSpeak NG. What is missing is reported once here and, to visitors, beside the button.
void KioskRunner::start_speech() {
    if (settings_.read_aloud) {
        if (options_.headless) setenv("SDL_AUDIODRIVER", "dummy", 0);
        std::string audio_error;
        audio_ = std::make_unique<SdlAudioOutput>();
        if (!audio_->open(&audio_error)) audio_.reset();
        EspeakConfig config;
        config.program = options_.speech_engine;
        config.volume_percent = settings_.speech_volume;
        speech_engine_ = std::make_unique<EspeakEngine>(config, audio_.get(), audio_error);
        speech_event_ = SDL_RegisterEvents(1);
        const Uint32 event_type = speech_event_;
        speech_engine_->set_listener([event_type] {
            SDL_Event event{};
            event.type = event_type;
            SDL_PushEvent(&event);  // thread-safe: wakes SDL_WaitEventTimeout
        });
    }
    speech_ = std::make_unique<SpeechController>(speech_engine_.get());
    ui_->set_speech(speech_.get());
}

// What is missing for reading aloud, logged once the engine's voice probe (its own thread, so
// the start never waits for it) has answered.
void KioskRunner::report_speech_problems() {
    if (speech_reported_ || !speech_engine_ || !speech_engine_->voices_known()) return;
    speech_reported_ = true;
    if (!speech_engine_->problem().empty())
        log_warning("reading aloud is unavailable: %s", speech_engine_->problem().c_str());
    for (Lang lang : kAllLangs)
        if (speech_engine_->support(lang) == SpeechSupport::NoVoice)
            log_warning("reading aloud: %s has no voice '%s'", options_.speech_engine.c_str(), speech_voice(lang));
}

void KioskRunner::service_speech() {
    // Half a second after the start the voices are probed, off this thread, so that the reader's
    // button knows them before a visitor gets there; a start that ends sooner never runs espeak-ng.
    if (speech_engine_) {
        if (speech_probe_at_ < 0) speech_probe_at_ = now_ + 0.5;
        else if (now_ >= speech_probe_at_) speech_engine_->begin_probe();
    }
    report_speech_problems();
    if (speech_ && speech_->update()) dirty_ = true;  // the highlighted block changed
}

void KioskRunner::shutdown() {
    usb_.reset();  // waits for an install in progress
    close_event_log();
    ui_.reset();
    pinyin_.reset();
    speech_.reset();
    speech_engine_.reset();  // kills the synthesizer, joins its worker
    audio_.reset();
    glyph_texture_.destroy();
    if (imgui_ready_) {
        ImGui_ImplSDLRenderer_Shutdown();
        ImGui::DestroyContext();
        imgui_ready_ = false;
    }
    display_.close();
}

double KioskRunner::next_settings_poll() const {
    return state_store_ ? next_settings_poll_ : std::numeric_limits<double>::infinity();
}

// Most settings are read at start; the rotation also while the kiosk runs, so that an organizer
// who turns the panel (kioskctl settings --data-dir DIR rotation 90) sees the UI follow at once,
// and a visitor stays on the screen they were on, laid out again for its new class.
void KioskRunner::service_settings() {
    if (!state_store_ || now_ < next_settings_poll_) return;
    next_settings_poll_ = now_ + kSettingsPollS;
    std::string value;
    if (!state_store_->get_setting("rotation", &value)) return;
    KioskSettings read = settings_;
    std::string error;
    if (!apply_setting(&read, "rotation", value, &error)) {
        if (value != rotation_warning_) log_warning("rotation setting ignored while running: %s", error.c_str());
        rotation_warning_ = value;
        return;
    }
    rotation_warning_.clear();
    if (read.rotation != settings_.rotation) apply_rotation(read.rotation);
}

void KioskRunner::apply_rotation(Rotation rotation) {
    std::string error;
    if (!display_.set_rotation(rotation, &error)) log_error("%s", error.c_str());
    settings_.rotation = display_.rotation();
    input_.set_screen(display_.width(), display_.height(), settings_.rotation);
    ImGui::GetIO().DisplaySize =
        ImVec2(static_cast<float>(display_.logical_width()), static_cast<float>(display_.logical_height()));
    log_info("rotation %d: the UI is %dx%d now", static_cast<int>(settings_.rotation), display_.logical_width(),
             display_.logical_height());
    dirty_ = true;  // the next frame lays the current screen out for its new class
}

// In kiosk mode no key combination quits; in --windowed development mode the usual ones do.
bool KioskRunner::handle_key(const SDL_KeyboardEvent& key) {
    if (lockdown()) return true;
    const SDL_Keycode sym = key.keysym.sym;
    const bool ctrl = (key.keysym.mod & KMOD_CTRL) != 0, alt = (key.keysym.mod & KMOD_ALT) != 0;
    if (sym == SDLK_ESCAPE || (alt && sym == SDLK_F4) || (ctrl && (sym == SDLK_q || sym == SDLK_w))) return false;
    return true;
}

bool KioskRunner::pump_events() {
    if (g_stop_signal) return false;
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        if (input_.handle(event)) continue;
        switch (event.type) {
            case SDL_QUIT:  // window manager close; ignored when locked down
                if (!lockdown()) return false;
                break;
            case SDL_KEYDOWN:
                if (!handle_key(event.key)) return false;
                break;
            case SDL_WINDOWEVENT: dirty_ = true; break;
            default: break;
        }
    }
    return true;
}

bool KioskRunner::needs_frame() const {
    return dirty_ || input_.has_pending() || ui_->wants_frames() || ui_->next_deadline(now_) <= now_;
}

void KioskRunner::refresh_status() {
    ui::KioskStatus& status = ui_->state().status;
    status.uptime_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - process_start_).count();
    status.frames_rendered = frames_rendered_;
    status.rss_mb = current_rss_mb();
    status.peak_rss_mb = peak_rss_mb();
}

// Stores a group session the trainer finished. The UI timed it on the kiosk clock; here the
// times become Unix seconds, ending now.
void KioskRunner::store_trainer_session() {
    ui::UiState& state = ui_->state();
    if (!state.requests.record_trainer_session) return;
    state.requests.record_trainer_session = false;
    TrainerSession session = std::move(state.requests.trainer_session);
    state.requests.trainer_session = TrainerSession{};
    const int64_t duration = session.ended_at - session.started_at;
    session.ended_at = static_cast<int64_t>(std::time(nullptr));
    session.started_at = session.ended_at - duration;
    std::string error = "the state database is not available";
    const bool stored = state_store_ && state_store_->record_trainer_session(&session, &error);
    if (!stored) log_error("trainer session not saved: %s", error.c_str());
    state.trainer.save = stored ? ui::TrainerState::Save::Saved : ui::TrainerState::Save::Failed;
    state.trainer.save_error = stored ? std::string() : error;
    dirty_ = true;  // show the outcome
}

void KioskRunner::render_frame(const std::string* shot_path) {
    double cpu_start = thread_cpu_ms();
    input_.deliver(*ui_, now_);
    if (ui_->state().screen() == ui::Screen::Admin) refresh_status();
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = static_cast<float>(kFramePeriod);
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    ui_->frame(io.DisplaySize, now_);
    store_trainer_session();
    store_pin_attempts();
    handle_update_requests();
    handle_stats_requests();
    ImGui::Render();
    if (text_->shaper().missing_count() > missing_reported_) {
        // Once per code point: the organizer's log names what no installed font can draw.
        for (char32_t cp : text_->shaper().missing())
            if (reported_missing_.insert(cp).second) log_warning("no font has U+%04X", static_cast<unsigned>(cp));
        missing_reported_ = text_->shaper().missing_count();
    }
    // Headless there is no screen: a frame's pixels are only needed when a `shot` saves them,
    // or when --bench measures what drawing costs. Other headless frames run the UI only.
    const bool rasterize = shot_path || (!options_.no_draw && (options_.bench || !options_.headless));
    if (rasterize) {
        // Only the glyphs this frame added; the texture may grow (a new one) to hold them.
        std::string texture_error;
        if (!glyph_texture_.upload(text_->cache(), &texture_error) && !texture_error_reported_) {
            log_warning("%s", texture_error.c_str());
            texture_error_reported_ = true;
        }
        const auto texture = static_cast<ImTextureID>(glyph_texture_.texture());
        retarget_glyph_quads(ImGui::GetDrawData(), text_->texture(), texture,
                             static_cast<float>(text_->cache().height()) / static_cast<float>(glyph_texture_.rows()),
                             &retarget_scratch_);
        text_->set_texture(texture);
        display_.begin_frame(ui_->theme().colors.background);
        draw_renderer_.render(ImGui::GetDrawData());
        display_.end_frame();
        if (shot_path && !display_.save_png(*shot_path, &shot_error_))
            log_error("screenshot failed: %s", shot_error_.c_str());
        display_.present();
    }
    double cpu_ms = thread_cpu_ms() - cpu_start;
    if (record_frames_) frame_cpu_ms_.push_back(cpu_ms);
    ++frames_rendered_;
    if (frames_rendered_ % kRssSampleFrames == 0 && rss_samples_.size() < kMaxRssSamples) {
        rss_samples_.push_back(current_rss_mb());
        // The text caches fill up to their budgets as new sizes and scripts are drawn: a test
        // tells that bounded growth from a leak with these.
        cache_samples_.push_back(static_cast<double>(text_->cache().stats().bytes + text_->shaper().cache_bytes()) /
                                 (1024.0 * 1024.0));
    }
    dirty_ = false;
    if (first_frame_ms_ < 0) {
        first_frame_ms_ =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - process_start_).count();
    }
}

int KioskRunner::run_interactive() {
    auto clock_start = std::chrono::steady_clock::now();
    auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count(); };
    WatchdogNotifier watchdog;  // systemd: READY=1, heartbeats while this loop runs, STOPPING=1
    while (true) {
        now_ = seconds();
        if (!needs_frame()) {
            // Nothing moves: sleep until an event, the next scheduled change (countdown tick,
            // attract slide), a signal check or the next watchdog heartbeat, instead of rendering.
            double wait_s = std::min(ui_->next_deadline(now_) - now_, 0.25);
            if (usb_ && (usb_->installing() || usb_->scanning())) wait_s = std::min(wait_s, 0.05);  // follow them
            if (stats_job_) wait_s = std::min(wait_s, 0.05);  // the report's progress bar
            SDL_Event event;
            int wait_ms = watchdog.wait_ms(std::max(1, static_cast<int>(wait_s * 1000.0)));
            if (SDL_WaitEventTimeout(&event, wait_ms)) SDL_PushEvent(&event);
        }
        if (!pump_events()) break;
        now_ = seconds();
        service_updates();
        service_stats_reports();
        service_speech();
        service_settings();
        confirm_trial_if_due();
        if (needs_frame()) {
            auto frame_start = std::chrono::steady_clock::now();
            render_frame(nullptr);
            if (ui_->state().requests.quit || ui_->state().requests.restart) break;
            // The software renderer has no vsync: pace to the display rate ourselves.
            auto elapsed = std::chrono::steady_clock::now() - frame_start;
            auto period = std::chrono::duration<double>(kFramePeriod);
            if (elapsed < period)
                SDL_Delay(static_cast<Uint32>(std::chrono::duration<double, std::milli>(period - elapsed).count()));
        }
        watchdog.loop_pass(frames_rendered_);
    }
    // A restart exec()s in place: the same process, so systemd must not hear it is stopping.
    if (!ui_->state().requests.restart) watchdog.stopping();
    return 0;
}

int KioskRunner::run() {
    std::vector<ScriptCommand> script;
    if (!options_.script_path.empty()) {
        std::string text, error;
        if (!fs::read_file(options_.script_path, &text, &error)) {
            log_error("cannot read script: %s", error.c_str());
            return 2;
        }
        Diagnostics diagnostics;
        if (!parse_input_script(text, options_.script_path, &script, &diagnostics)) {
            for (const Diagnostic& d : diagnostics) log_error("%s", d.str().c_str());
            return 2;
        }
    }
    install_signal_handlers();
    std::string error;
    if (!init(&error)) {
        log_error("%s", error.c_str());
        shutdown();
        return 1;
    }
    int status = 0;
    if (options_.bench_speech) status = run_speech_bench();
    else if (options_.bench) status = run_bench();
    else if (!options_.script_path.empty()) status = run_script(script, options_.script_path);
    else if (options_.headless) status = run_script({}, "<none>");
    else status = run_interactive();
    if (ui_->state().requests.quit) status = kExitOrganizerQuit;
    // A stop on purpose before the trial ended does not count against the new content.
    if (on_trial_) ContentInstaller(installer_config_).end_start_cleanly();
    close_event_log();
    write_state_dump();
    report_speech_problems();  // if the probe answered (the dump asks it when it writes speech fields)
    const bool restart = ui_->state().requests.restart && options_.script_path.empty() && !options_.headless;
    shutdown();
    if (restart) {
        // A fresh process: simplest way to reload everything the organizer may have changed.
        char path[4096];
        ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
        if (n > 0) {
            path[n] = '\0';
            execv(path, options_.argv);
            log_error("restart failed: %s", std::strerror(errno));
        }
    }
    return status;
}

int run_kiosk(const KioskOptions& options, std::chrono::steady_clock::time_point process_start) {
    KioskRunner runner(options, process_start);
    return runner.run();
}

}  // namespace kiosk::platform
