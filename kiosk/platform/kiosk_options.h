// Command-line options of the `kiosk` binary (see `kiosk --help`).
#pragma once

#include "core/language.h"

#include <string>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

struct KioskOptions {
    bool headless = false;  // SDL dummy video driver + software renderer
    bool windowed = false;  // development: a window instead of fullscreen
    int width = 1920, height = 1080;
    bool size_given = false;
    Lang language = Lang::Ru;
    bool language_given = false;
    std::string script_path;      // --script FILE
    std::string dump_state_path;  // --dump-state FILE.json
    bool bench = false;
    bool bench_scroll = false;                // --bench-scroll: the bench scrolls the document cold, then warm
    bool no_draw = false;                     // --no-draw: build every frame but skip rasterizing it (long test runs)
    std::string content_path;                 // --content DB (default: installed or build-tree factory content)
    std::string factory_path;                 // --factory DB: the factory content (default: the installed one)
    std::string assets_dir;                   // --assets DIR
    std::string data_dir;                     // --data-dir DIR (default: default_data_dir())
    std::string speech_engine = "espeak-ng";  // --speech-engine PROGRAM: the eSpeak NG command
    bool bench_speech = false;                // --bench-speech: time from a tap on ▶ to the first sound, as JSON
    char** argv = nullptr;                    // for a restart from the organizer panel
    bool show_help = false;
};

// Parses argv. Returns false with a message in `error` for unknown or malformed options.
bool parse_kiosk_options(int argc, char** argv, KioskOptions* out, std::string* error);

// The --help text.
const char* kiosk_usage();

}  // namespace kiosk::platform
