// screen_gallery: renders every screen of the kiosk (tests/screens/screen_tour.cpp) in ru, zh
// and en at the panels the kiosk ships for, into a folder with an index.html; with --golden, the
// reference screenshots of the golden tests instead. deploy/gallery.sh and
// deploy/update-goldens.sh run it.
#include "core/file_io.h"
#include "image_compare.h"
#include "tour_runner.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <unistd.h>
#include <thread>

using namespace kiosk;
using namespace kiosk::core;
using namespace kiosk::test;

namespace {

const char* const kUsage =
    "usage: screen_gallery [--golden] [--jobs N] [--kiosk BIN] [--content DB] [--assets DIR] OUT_DIR\n"
    "  Renders every screen of the kiosk in ru, zh and en at 800x480, 1024x600, 1920x1080 and\n"
    "  1080x1920 into OUT_DIR/LANG-WxH/SCREEN.png, with OUT_DIR/index.html to look at them.\n"
    "  --golden  the golden screenshots instead: 960x540, standard and high contrast, into\n"
    "            OUT_DIR/LANG[-contrast]/SCREEN.png (screens that change from run to run left out)\n"
    "  --jobs N  kiosks run at once (default: the number of processors)\n";

// One section per panel size, one row per screen, one column per language.
std::string gallery_index(const std::vector<TourJob>& jobs, const std::vector<std::string>& problems) {
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>SCO kiosk: every screen</title>\n"
        "<style>body{font-family:sans-serif;margin:1em}td{vertical-align:top;padding:4px}"
        "img{width:100%;border:1px solid #999}td.name{width:10em}.problem{color:#b00}</style></head><body>\n"
        "<h1>SCO kiosk: every screen</h1>\n";
    if (!problems.empty())
        html += "<p class=\"problem\">" + std::to_string(problems.size()) +
                " screens could not be reached: see <a href=\"problems.txt\">problems.txt</a>.</p>\n";
    for (size_t first = 0; first < jobs.size(); first += 3) {
        const Tour& size = jobs[first].tour;
        html += "<h2 id=\"" + std::to_string(size.width) + "x" + std::to_string(size.height) + "\">" +
                std::to_string(size.width) + "×" + std::to_string(size.height) + "</h2>\n<table>\n";
        for (const TourScreen& screen : tour_screens()) {
            html += "<tr><td class=\"name\">" + std::string(screen.name) + "</td>";
            for (size_t j = first; j < first + 3 && j < jobs.size(); ++j) {
                const std::string file = tour_label(jobs[j].tour) + "/" + screen.name + ".png";
                html += "<td><a href=\"" + file + "\"><img loading=\"lazy\" src=\"" + file + "\" alt=\"" + screen.name +
                        " " + lang_code(jobs[j].tour.lang) + "\"></a></td>";
            }
            html += "</tr>\n";
        }
        html += "</table>\n";
    }
    return html + "</body></html>\n";
}

}  // namespace

int main(int argc, char** argv) {
    TourPaths paths{KIOSK_BIN, KIOSK_SCREENS_CONTENT_DB, std::string(KIOSK_SOURCE_DIR) + "/assets", ""};
    bool golden = false;
    int parallel = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::string out;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (arg == "--golden") {
            golden = true;
        } else if (arg == "--jobs" && has_value) {
            parallel = std::atoi(argv[++i]);
            if (parallel < 1) {
                std::fprintf(stderr, "screen_gallery: --jobs expects a number of at least 1 (got '%s')\n", argv[i]);
                return 2;
            }
        } else if (arg == "--kiosk" && has_value) {
            paths.kiosk = argv[++i];
        } else if (arg == "--content" && has_value) {
            paths.content = argv[++i];
        } else if (arg == "--assets" && has_value) {
            paths.assets = argv[++i];
        } else if (arg.rfind('-', 0) != 0 && out.empty()) {
            out = arg;
        } else {
            std::fprintf(stderr, "screen_gallery: unexpected argument '%s'\n%s", arg.c_str(), kUsage);
            return 2;
        }
    }
    if (out.empty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    std::string error;
    auto content = ContentStore::open(paths.content, &error);
    Translations strings;
    Diagnostics diagnostics;
    if (!content || !strings.load(paths.assets + "/i18n", &diagnostics)) {
        std::fprintf(stderr, "screen_gallery: %s\n", content ? "cannot load the UI strings in the assets" : error.c_str());
        return 1;
    }
    char scratch[] = "/tmp/screen-gallery-XXXXXX";
    if (!fs::make_dirs(out, &error) || !::mkdtemp(scratch)) {
        std::fprintf(stderr, "screen_gallery: %s\n", error.empty() ? "cannot make a scratch folder in /tmp" : error.c_str());
        return 1;
    }
    paths.work = scratch;

    std::vector<TourJob> jobs;
    const Lang langs[] = {Lang::Ru, Lang::Zh, Lang::En};
    if (golden) {
        for (bool contrast : {false, true})
            for (Lang lang : langs) {
                Tour tour{lang, 960, 540, contrast, &strings, content.get()};
                jobs.push_back({tour, fs::join(out, golden_folder(tour))});
            }
    } else {
        const int sizes[][2] = {{800, 480}, {1024, 600}, {1920, 1080}, {1080, 1920}};
        for (const auto& size : sizes)
            for (Lang lang : langs) {
                Tour tour{lang, size[0], size[1], false, &strings, content.get()};
                jobs.push_back({tour, fs::join(out, tour_label(tour))});
            }
    }
    std::vector<TourResult> results = run_tours(jobs, paths, parallel);
    std::vector<std::string> problems;
    for (const TourResult& result : results)
        problems.insert(problems.end(), result.problems.begin(), result.problems.end());
    if (golden) {
        // Screens that change from run to run have no golden; the others are stored compact.
        for (const TourJob& job : jobs) {
            for (const TourScreen& screen : tour_screens()) {
                const std::string png = fs::join(job.out_dir, std::string(screen.name) + ".png");
                RgbaImage image;
                if (!screen.golden) ::unlink(png.c_str());
                else if (fs::exists(png) && (!load_png_rgba(png, &image, &error) || !save_png_compact(png, image, &error)))
                    problems.push_back(error);
            }
        }
    } else {
        std::string listed;
        for (const std::string& problem : problems) listed += problem + "\n";
        if (!fs::write_file_atomically(fs::join(out, "problems.txt"), listed, &error) ||
            !fs::write_file_atomically(fs::join(out, "index.html"), gallery_index(jobs, problems), &error))
            problems.push_back(error);
    }
    std::error_code removed;
    std::filesystem::remove_all(paths.work, removed);
    for (const std::string& problem : problems) std::fprintf(stderr, "screen_gallery: %s\n", problem.c_str());
    std::printf("screen_gallery: %zu screens x %zu runs in %s%s\n", tour_screens().size(), jobs.size(), out.c_str(),
                golden ? "" : "/index.html");
    return problems.empty() ? 0 : 1;
}
