#include "platform/kiosk_options.h"

#include "core/file_io.h"
#include "core/strict_number.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#ifndef KIOSK_SHARE_DIR
#define KIOSK_SHARE_DIR "/usr/share/sco-kiosk"
#endif

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

const char* kiosk_usage() {
    return "kiosk - SCO digital cooperation kiosk\n"
           "\n"
           "usage: kiosk [options]\n"
           "\n"
           "  --windowed            run in a window (development; Escape quits); default is fullscreen\n"
           "                        kiosk mode, where no key combination quits. Without --size the\n"
           "                        window is 16:9, as large as the desktop's usable area allows\n"
           "  --headless            no display: SDL dummy video driver and software renderer; frames are\n"
           "                        rasterized only for `shot` (and every frame with --bench)\n"
           "  --size WxH            screen size in pixels (default 1920x1080 headless, the display otherwise;\n"
           "                        with --windowed, the window's size)\n"
           "  --lang ru|zh|en       starting language (default: the default_language setting, ru)\n"
           "  --data-dir DIR        settings, statistics and installed content (default /var/lib/sco-kiosk\n"
           "                        as root, else ~/.local/state/sco-kiosk)\n"
           "  --content DB          content database (default: installed content in the data dir, else the\n"
           "                        factory content; USB updates are off when this is given)\n"
           "  --factory DB          the factory content: what is shown while none is installed in the\n"
           "                        data dir (default " KIOSK_SHARE_DIR "/content.db, else the build tree's)\n"
           "  --assets DIR          assets folder (translations, fonts)\n"
           "  --script FILE         play scripted input on a simulated clock, then exit:\n"
           "                          tap X Y | tap-id ID | tap-label TEXT | drag X1 Y1 X2 Y2 MS | wait MS |\n"
           "                          shot FILE.png | dump FILE.json | key COMBO (e.g. key alt+f4) |\n"
           "                          setting KEY VALUE (stored in the state database as kioskctl does; the\n"
           "                          rotation applies within 1 s); ids are the same in every language (e.g.\n"
           "                          tap-id reader.back; the dump's touch_targets list them); `dump` writes\n"
           "                          the state dump of the screen now, with its text_boxes (the layout\n"
           "                          check's record)\n"
           "                        ('#' starts a comment; exit status 2 on a malformed line or a missing\n"
           "                          id or label)\n"
           "  --dump-state FILE     write the UI state as JSON at exit (with the last frame's text_boxes)\n"
           "  --bench               run a fixed headless scenario and print timing and memory as JSON\n"
           "                        (with the glyph cache's size, glyph count, evictions and misses)\n"
           "  --bench-scroll        with --bench: scroll the first document's text twice from the top, first\n"
           "                        never seen (cold), then cached (warm); adds scroll_{cold,warm}_frame_ms_p50/p99\n"
           "  --bench-speech        read a Russian, a Chinese and an English paragraph aloud five times each and\n"
           "                        print the time from the tap to the first sound as JSON (audio goes to\n"
           "                        SDL's dummy driver unless SDL_AUDIODRIVER names another)\n"
           "  --speech-engine PROG  the eSpeak NG program that reads aloud (default espeak-ng, from PATH)\n"
           "  --no-draw             with --headless: run the UI of every frame but skip rasterizing it\n"
           "                        (headless runs already rasterize only the frames a `shot` saves;\n"
           "                        kept for older scripts)\n"
           "  --help                show this text\n";
}

namespace {

bool parse_size(const char* text, int* width, int* height) {
    const std::string_view size(text);
    const size_t x = size.find_first_of("xX");
    if (x == std::string_view::npos) return false;
    return parse_integer(size.substr(0, x), 320, 8192, width) && parse_integer(size.substr(x + 1), 240, 8192, height);
}

}  // namespace

bool parse_kiosk_options(int argc, char** argv, KioskOptions* out, std::string* error) {
    out->argv = argv;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&](const char* name) -> const char* {
            if (i + 1 >= argc) {
                *error = std::string(name) + " needs a value";
                return nullptr;
            }
            return argv[++i];
        };
        if (arg == "--help" || arg == "-h") {
            out->show_help = true;
        } else if (arg == "--windowed") {
            out->windowed = true;
        } else if (arg == "--headless") {
            out->headless = true;
        } else if (arg == "--no-draw") {
            out->no_draw = true;
        } else if (arg == "--bench-speech") {
            out->bench_speech = true;
            out->headless = true;
        } else if (arg == "--bench" || arg == "--bench-scroll") {
            out->bench = true;
            out->bench_scroll = out->bench_scroll || arg == "--bench-scroll";
            out->headless = true;
        } else if (arg == "--size") {
            const char* v = value("--size");
            if (!v) return false;
            if (!parse_size(v, &out->width, &out->height)) {
                *error = std::string("--size expects WxH, e.g. 1920x1080 (got '") + v + "')";
                return false;
            }
            out->size_given = true;
        } else if (arg == "--lang") {
            const char* v = value("--lang");
            if (!v) return false;
            auto lang = parse_lang(v);
            if (!lang) {
                *error = std::string("--lang expects ru, zh or en (got '") + v + "')";
                return false;
            }
            out->language = *lang;
            out->language_given = true;
        } else if (arg == "--script" || arg == "--dump-state" || arg == "--content" || arg == "--assets" ||
                   arg == "--data-dir" || arg == "--factory" || arg == "--speech-engine") {
            const char* v = value(arg.c_str());
            if (!v) return false;
            if (arg == "--script") out->script_path = v;
            else if (arg == "--dump-state") out->dump_state_path = v;
            else if (arg == "--content") out->content_path = v;
            else if (arg == "--data-dir") out->data_dir = v;
            else if (arg == "--factory") out->factory_path = v;
            else if (arg == "--speech-engine") out->speech_engine = v;
            else out->assets_dir = v;
        } else {
            *error = "unknown option '" + arg + "' (see kiosk --help)";
            return false;
        }
    }
    return true;
}

}  // namespace kiosk::platform
