#include "platform/kiosk_app.h"

#include "core/content_store.h"
#include "core/file_io.h"
#include "core/input_script.h"
#include "core/json_writer.h"
#include "core/translations.h"
#include "core/utf8.h"
#include "platform/pointer_input.h"
#include "platform/sdl_display.h"
#include "ui/fonts.h"
#include "ui/kiosk_ui.h"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

#ifndef KIOSK_SHARE_DIR
#define KIOSK_SHARE_DIR "/usr/share/sco-kiosk"
#endif
#ifndef KIOSK_DEV_ASSETS_DIR
#define KIOSK_DEV_ASSETS_DIR ""
#endif
#ifndef KIOSK_DEV_CONTENT_DB
#define KIOSK_DEV_CONTENT_DB ""
#endif

namespace kiosk {

namespace {

constexpr double kFramePeriod = 1.0 / 60.0;

double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

std::string first_existing(std::initializer_list<std::string> candidates) {
    for (const std::string& path : candidates)
        if (!path.empty() && fs::exists(path)) return path;
    return {};
}

// Characters of the content that are not CJK: the reader's body fonts need only these.
std::string non_cjk(const std::string& charset) {
    std::string out;
    for (size_t pos = 0; pos < charset.size();) {
        char32_t cp = utf8::decode(charset, pos);
        if (!utf8::is_cjk(cp)) utf8::append(out, cp);
    }
    return out;
}

class KioskRunner {
public:
    KioskRunner(const KioskOptions& options, std::chrono::steady_clock::time_point start)
        : options_(options), process_start_(start) {}

    int run();

private:
    bool init(std::string* error);
    void shutdown();

    // One frame: deliver input, draw, present. Returns false if the frame was skipped.
    void render_frame(const std::string* shot_path);
    bool pump_events();   // reads SDL events; false when the kiosk should quit
    bool needs_frame() const { return dirty_ || input_.has_pending() || ui_->wants_frames(); }

    int run_interactive();
    int run_script(const std::vector<ScriptCommand>& script, const std::string& script_name);
    // Advances the simulated clock to `until`, rendering frames only while something changes.
    void advance_to(double until);
    void push_finger(Uint32 type, float x, float y);
    void tap(float x, float y);

    int run_bench();
    void write_state_dump();

    const KioskOptions& options_;
    std::chrono::steady_clock::time_point process_start_;
    SdlDisplay display_;
    std::unique_ptr<ContentStore> content_;
    Translations translations_;
    ui::FontSet fonts_;
    std::unique_ptr<ui::KioskUi> ui_;
    PointerInput input_;
    bool imgui_ready_ = false;
    bool dirty_ = true;
    bool quit_ = false;
    double now_ = 0;               // kiosk clock, seconds
    int64_t frames_rendered_ = 0;
    double first_frame_ms_ = -1;
    std::vector<double> frame_cpu_ms_;  // recorded while benchmarking
    bool record_frames_ = false;
    std::string shot_error_;
};

bool KioskRunner::init(std::string* error) {
    std::string content_path = options_.content_path.empty()
                                   ? first_existing({std::string(KIOSK_SHARE_DIR) + "/content.db", KIOSK_DEV_CONTENT_DB})
                                   : options_.content_path;
    std::string assets_dir = options_.assets_dir.empty()
                                 ? first_existing({std::string(KIOSK_SHARE_DIR) + "/assets", KIOSK_DEV_ASSETS_DIR})
                                 : options_.assets_dir;
    if (content_path.empty()) {
        *error = "no content database found (looked in " KIOSK_SHARE_DIR "/content.db); pass --content DB";
        return false;
    }
    content_ = ContentStore::open(content_path, error);
    if (!content_) return false;
    Diagnostics diagnostics;
    if (!translations_.load(fs::join(assets_dir, "i18n"), &diagnostics)) {
        *error = "translations: " + (diagnostics.empty() ? std::string("failed") : diagnostics.front().str());
        return false;
    }

    DisplayConfig config;
    config.headless = options_.headless;
    config.windowed = options_.windowed;
    config.width = options_.width;
    config.height = options_.height;
    config.size_given = options_.size_given;
    if (!display_.open(config, error)) return false;
    input_.set_screen(display_.width(), display_.height());

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(display_.width()), static_cast<float>(display_.height()));
    const float scale = std::min(display_.width() / 1920.0f, display_.height() / 1080.0f);

    ui::FontFiles files;
    if (!ui::find_font_files(assets_dir, &files, error)) return false;
    const std::string& charset = content_->info().charset;
    if (!ui::build_fonts(io.Fonts, files, translations_.charset() + charset, non_cjk(charset), scale, &fonts_, error))
        return false;
    for (unsigned cp : fonts_.missing) std::fprintf(stderr, "kiosk: warning: no glyph for U+%04X\n", cp);
    ImGui_ImplSDLRenderer_Init(display_.renderer());
    ImGui_ImplSDLRenderer_CreateDeviceObjects();
    io.Fonts->ClearTexData();  // the texture now lives in the renderer
    ui::release_font_files();
    imgui_ready_ = true;

    ui_ = std::make_unique<ui::KioskUi>(*content_, translations_, fonts_, scale, options_.language);
    return true;
}

void KioskRunner::shutdown() {
    ui_.reset();
    if (imgui_ready_) {
        ImGui_ImplSDLRenderer_Shutdown();
        ImGui::DestroyContext();
        imgui_ready_ = false;
    }
    display_.close();
}

bool KioskRunner::pump_events() {
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        if (input_.handle(event)) continue;
        switch (event.type) {
            case SDL_QUIT:  // window close, SIGINT, SIGTERM
                return false;
            case SDL_KEYDOWN:
                if (options_.windowed && event.key.keysym.sym == SDLK_ESCAPE) return false;
                break;
            case SDL_WINDOWEVENT:
                dirty_ = true;
                break;
            default:
                break;
        }
    }
    return true;
}

void KioskRunner::render_frame(const std::string* shot_path) {
    double cpu_start = thread_cpu_ms();
    input_.deliver(*ui_, now_);
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = static_cast<float>(kFramePeriod);
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    ui_->frame(io.DisplaySize, now_);
    ImGui::Render();
    SDL_SetRenderDrawColor(display_.renderer(), 0xF3, 0xF5, 0xF8, 0xFF);
    SDL_RenderClear(display_.renderer());
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    if (shot_path && !display_.save_png(*shot_path, &shot_error_))
        std::fprintf(stderr, "kiosk: screenshot failed: %s\n", shot_error_.c_str());
    SDL_RenderPresent(display_.renderer());
    double cpu_ms = thread_cpu_ms() - cpu_start;
    if (record_frames_) frame_cpu_ms_.push_back(cpu_ms);
    ++frames_rendered_;
    dirty_ = false;
    if (first_frame_ms_ < 0)
        first_frame_ms_ =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - process_start_).count();
}

int KioskRunner::run_interactive() {
    auto clock_start = std::chrono::steady_clock::now();
    auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count(); };
    while (!quit_) {
        if (!needs_frame()) {
            // Nothing moves: sleep until an event arrives instead of rendering.
            SDL_Event event;
            if (SDL_WaitEventTimeout(&event, 1000)) SDL_PushEvent(&event);
        }
        if (!pump_events()) break;
        now_ = seconds();
        if (needs_frame()) {
            auto frame_start = std::chrono::steady_clock::now();
            render_frame(nullptr);
            // The software renderer has no vsync: pace to the display rate ourselves.
            auto elapsed = std::chrono::steady_clock::now() - frame_start;
            auto period = std::chrono::duration<double>(kFramePeriod);
            if (elapsed < period)
                SDL_Delay(static_cast<Uint32>(std::chrono::duration<double, std::milli>(period - elapsed).count()));
        }
    }
    return 0;
}

void KioskRunner::push_finger(Uint32 type, float x, float y) {
    SDL_Event event{};
    event.type = type;
    event.tfinger.touchId = 1;
    event.tfinger.fingerId = 1;
    event.tfinger.x = x / static_cast<float>(display_.width());
    event.tfinger.y = y / static_cast<float>(display_.height());
    event.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    SDL_PushEvent(&event);
}

void KioskRunner::advance_to(double until) {
    while (now_ < until - 1e-9) {
        pump_events();
        if (needs_frame()) {
            render_frame(nullptr);
            now_ = std::min(until, now_ + kFramePeriod);
        } else {
            now_ = until;  // idle: the simulated clock jumps, no frames are drawn
        }
    }
    pump_events();
    if (input_.has_pending()) render_frame(nullptr);
}

void KioskRunner::tap(float x, float y) {
    push_finger(SDL_FINGERDOWN, x, y);
    advance_to(now_ + 0.06);
    push_finger(SDL_FINGERUP, x, y);
    advance_to(now_ + kFramePeriod);
}

int KioskRunner::run_script(const std::vector<ScriptCommand>& script, const std::string& script_name) {
    render_frame(nullptr);
    for (const ScriptCommand& cmd : script) {
        switch (cmd.kind) {
            case ScriptCommand::Kind::Tap:
                tap(cmd.x1, cmd.y1);
                break;
            case ScriptCommand::Kind::TapLabel: {
                if (needs_frame()) render_frame(nullptr);
                const ui::TouchTarget* target = ui_->targets().find(cmd.text);
                if (!target) {
                    std::string visible;
                    for (size_t i = 0; i < ui_->targets().size(); ++i)
                        visible += (visible.empty() ? "" : ", ") + ("'" + ui_->targets()[i].label + "'");
                    std::fprintf(stderr, "%s:%d: no touch target labelled '%s' on screen '%s' (visible: %s)\n",
                                 script_name.c_str(), cmd.line, cmd.text.c_str(),
                                 ui::screen_name(ui_->state().screen), visible.c_str());
                    return 2;
                }
                tap((target->min.x + target->max.x) * 0.5f, (target->min.y + target->max.y) * 0.5f);
                break;
            }
            case ScriptCommand::Kind::Drag: {
                push_finger(SDL_FINGERDOWN, cmd.x1, cmd.y1);
                advance_to(now_ + kFramePeriod);
                const double seconds = cmd.ms / 1000.0;
                const int steps = std::max(1, static_cast<int>(seconds / kFramePeriod + 0.5));
                for (int i = 1; i <= steps; ++i) {
                    float t = static_cast<float>(i) / steps;
                    push_finger(SDL_FINGERMOTION, cmd.x1 + (cmd.x2 - cmd.x1) * t, cmd.y1 + (cmd.y2 - cmd.y1) * t);
                    advance_to(now_ + seconds / steps);
                }
                push_finger(SDL_FINGERUP, cmd.x2, cmd.y2);
                advance_to(now_ + kFramePeriod);
                break;
            }
            case ScriptCommand::Kind::Wait:
                advance_to(now_ + cmd.ms / 1000.0);
                break;
            case ScriptCommand::Kind::Shot:
                render_frame(&cmd.text);
                if (!shot_error_.empty()) return 1;
                break;
        }
    }
    if (needs_frame()) render_frame(nullptr);
    return 0;
}

int KioskRunner::run_bench() {
    // A fixed scenario: open the first document and read it with drags and flicks.
    std::vector<ScriptCommand> script;
    auto add = [&](ScriptCommand::Kind kind, float x1, float y1, float x2, float y2, double ms) {
        ScriptCommand cmd;
        cmd.kind = kind;
        cmd.x1 = x1; cmd.y1 = y1; cmd.x2 = x2; cmd.y2 = y2; cmd.ms = ms;
        script.push_back(cmd);
    };
    const float w = static_cast<float>(display_.width()), h = static_cast<float>(display_.height());
    add(ScriptCommand::Kind::Wait, 0, 0, 0, 0, 200);
    add(ScriptCommand::Kind::Tap, w * 0.2f, h * 0.45f, 0, 0, 0);
    add(ScriptCommand::Kind::Wait, 0, 0, 0, 0, 300);
    record_frames_ = true;
    for (int i = 0; i < 8; ++i) {
        add(ScriptCommand::Kind::Drag, w * 0.65f, h * 0.8f, w * 0.65f, h * 0.35f, 400);
        add(ScriptCommand::Kind::Wait, 0, 0, 0, 0, 600);
        add(ScriptCommand::Kind::Drag, w * 0.65f, h * 0.8f, w * 0.65f, h * 0.3f, 120);  // a flick
        add(ScriptCommand::Kind::Wait, 0, 0, 0, 0, 1500);
    }
    int frames_before_idle = 0;
    int status = run_script(script, "<bench>");
    record_frames_ = false;
    if (status != 0) return status;
    // Idle cost: a minute with nobody touching the reader.
    frames_before_idle = static_cast<int>(frames_rendered_);
    advance_to(now_ + 60.0);
    int idle_frames = static_cast<int>(frames_rendered_) - frames_before_idle;

    std::vector<double> sorted = frame_cpu_ms_;
    std::sort(sorted.begin(), sorted.end());
    auto percentile = [&](double p) {
        if (sorted.empty()) return 0.0;
        size_t index = static_cast<size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
        return sorted[std::min(index, sorted.size() - 1)];
    };
    JsonWriter json;
    json.begin_object();
    json.key("first_frame_ms").value(first_frame_ms_);
    json.key("frame_ms_p50").value(percentile(0.50));
    json.key("frame_ms_p99").value(percentile(0.99));
    json.key("frames_measured").value(static_cast<int64_t>(sorted.size()));
    json.key("peak_rss_mb").value(peak_rss_mb());
    json.key("idle_frames_per_minute").value(idle_frames);
    json.key("renderer").value(display_.renderer_name());
    json.key("font_atlas").value(std::to_string(fonts_.atlas_width) + "x" + std::to_string(fonts_.atlas_height));
    json.key("size").value(std::to_string(display_.width()) + "x" + std::to_string(display_.height()));
    json.end_object();
    std::printf("%s\n", json.str().c_str());
    return 0;
}

void KioskRunner::write_state_dump() {
    if (options_.dump_state_path.empty() || !ui_) return;
    const ui::UiState& state = ui_->state();
    JsonWriter json;
    json.begin_object();
    json.key("screen").value(ui::screen_name(state.screen));
    json.key("language").value(lang_code(state.language));
    json.key("document");
    if (state.screen == ui::Screen::Reader && state.reader.document) json.value(state.reader.document->info.id);
    else json.null();
    double scroll = state.screen == ui::Screen::Reader ? state.reader.scroll.offset() : state.home_scroll.offset();
    json.key("scroll_y").value(scroll);
    json.key("frames_rendered").value(frames_rendered_);
    json.key("text_size").value(state.reader.text_size);
    json.key("content_version").value(content_->info().content_version);
    json.key("clock_ms").value(now_ * 1000.0);
    json.key("missing_glyphs").value(static_cast<int64_t>(fonts_.missing.size()));
    json.key("screen_size").begin_array().value(display_.width()).value(display_.height()).end_array();
    json.key("touch_targets").begin_array();
    for (size_t i = 0; i < ui_->targets().size(); ++i) {
        const ui::TouchTarget& t = ui_->targets()[i];
        json.begin_object();
        json.key("label").value(t.label);
        json.key("x").value(static_cast<double>(t.min.x)).key("y").value(static_cast<double>(t.min.y));
        json.key("w").value(static_cast<double>(t.size.x)).key("h").value(static_cast<double>(t.size.y));
        json.key("visible").begin_array().value(static_cast<double>(t.min.x)).value(static_cast<double>(t.min.y));
        json.value(static_cast<double>(t.max.x - t.min.x)).value(static_cast<double>(t.max.y - t.min.y)).end_array();
        json.end_object();
    }
    json.end_array();
    json.end_object();
    std::string error;
    if (!fs::write_file_atomically(options_.dump_state_path, json.str() + "\n", &error))
        std::fprintf(stderr, "kiosk: cannot write state dump: %s\n", error.c_str());
}

int KioskRunner::run() {
    std::vector<ScriptCommand> script;
    if (!options_.script_path.empty()) {
        std::string text, error;
        if (!fs::read_file(options_.script_path, &text, &error)) {
            std::fprintf(stderr, "kiosk: cannot read script: %s\n", error.c_str());
            return 2;
        }
        Diagnostics diagnostics;
        if (!parse_input_script(text, options_.script_path, &script, &diagnostics)) {
            for (const Diagnostic& d : diagnostics) std::fprintf(stderr, "%s\n", d.str().c_str());
            return 2;
        }
    }
    std::string error;
    if (!init(&error)) {
        std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        shutdown();
        return 1;
    }
    int status = 0;
    if (options_.bench) status = run_bench();
    else if (!options_.script_path.empty()) status = run_script(script, options_.script_path);
    else if (options_.headless) status = run_script({}, "<none>");
    else status = run_interactive();
    write_state_dump();
    shutdown();
    return status;
}

}  // namespace

int run_kiosk(const KioskOptions& options, std::chrono::steady_clock::time_point process_start) {
    KioskRunner runner(options, process_start);
    return runner.run();
}

}  // namespace kiosk
