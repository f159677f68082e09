// screen_gallery: renders every screen of the kiosk (tests/screens/screen_tour.cpp) in ru, zh
// and en at the panels the kiosk ships for, into a folder with an index.html; with --golden, the
// reference screenshots of the golden tests instead; with --check, no screenshots but the layout
// check of every screen (layout_check.h). deploy/gallery.sh, deploy/update-goldens.sh and
// deploy/layout-check.sh run it.
#include "core/file_io.h"
#include "image_compare.h"
#include "layout_check.h"
#include "tour_runner.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>

#include <unistd.h>
#include <thread>

using namespace kiosk;
using namespace kiosk::core;
using namespace kiosk::test;

namespace {

const char* const kUsage =
    "usage: screen_gallery [--golden] [--jobs N] [--kiosk BIN] [--content DB] [--assets DIR] OUT_DIR\n"
    "       screen_gallery --check [--size WxH] [--lang ru|zh|en] [--screen NAME] [--largest-text] [--jobs N] ...\n"
    "  Renders every screen of the kiosk in ru, zh and en at 800x480, 1024x600, 1920x1080 and\n"
    "  1080x1920 into OUT_DIR/LANG-WxH/SCREEN.png, with OUT_DIR/index.html to look at them.\n"
    "  --golden        the golden screenshots instead: 960x540, standard and high contrast, into\n"
    "                  OUT_DIR/LANG[-contrast]/SCREEN.png (screens that change from run to run left out)\n"
    "  --check         no screenshots: the layout check (tests/screens/layout_rules.h) of every screen,\n"
    "                  printing each violation and a table of counts per screen; exit status 1 when\n"
    "                  there is any violation or a screen cannot be reached\n"
    "  --size WxH      with --check: only this panel size (any size, e.g. 480x800); repeatable\n"
    "  --lang LANG     with --check: only this language; repeatable\n"
    "  --screen NAME   with --check: report only this screen (a name of the tour, e.g. search-results)\n"
    "  --largest-text  with --check: at the largest text size (Aa), set on every fresh session\n"
    "  --jobs N        kiosks run at once (default: the number of processors)\n";

bool parse_size(const std::string& text, int* width, int* height) {
    unsigned w = 0, h = 0;
    char rest = 0;
    if (std::sscanf(text.c_str(), "%ux%u%c", &w, &h, &rest) != 2 || w < 64 || h < 64 || w > 8192 || h > 8192)
        return false;
    *width = static_cast<int>(w);
    *height = static_cast<int>(h);
    return true;
}

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
    bool golden = false, check = false, largest_text = false;
    std::vector<std::pair<int, int>> check_sizes;
    std::vector<Lang> check_langs;
    std::string only_screen;
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
        } else if (arg == "--check") {
            check = true;
        } else if (arg == "--largest-text") {
            largest_text = true;
        } else if (arg == "--size" && has_value) {
            int w = 0, h = 0;
            if (!parse_size(argv[++i], &w, &h)) {
                std::fprintf(stderr, "screen_gallery: --size expects WxH, 64 to 8192 each (got '%s')\n", argv[i]);
                return 2;
            }
            check_sizes.emplace_back(w, h);
        } else if (arg == "--lang" && has_value) {
            const std::optional<Lang> lang = parse_lang(argv[++i]);
            if (!lang) {
                std::fprintf(stderr, "screen_gallery: --lang expects ru, zh or en (got '%s')\n", argv[i]);
                return 2;
            }
            check_langs.push_back(*lang);
        } else if (arg == "--screen" && has_value) {
            only_screen = argv[++i];
            bool known = false;
            for (const TourScreen& screen : tour_screens()) known = known || only_screen == screen.name;
            if (!known) {
                std::string names;
                for (const TourScreen& screen : tour_screens())
                    names += std::string(names.empty() ? "" : ", ") + screen.name;
                std::fprintf(stderr, "screen_gallery: --screen: no screen '%s' in the tour (%s)\n", argv[i], names.c_str());
                return 2;
            }
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
    if (!check && (!check_sizes.empty() || !check_langs.empty() || !only_screen.empty() || largest_text)) {
        std::fprintf(stderr, "screen_gallery: --size, --lang, --screen and --largest-text go with --check\n%s", kUsage);
        return 2;
    }
    if (check && (golden || !out.empty())) {
        std::fprintf(stderr, "screen_gallery: --check writes no files: it takes neither --golden nor OUT_DIR\n%s", kUsage);
        return 2;
    }
    if (out.empty() && !check) {
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
    if ((!check && !fs::make_dirs(out, &error)) || !::mkdtemp(scratch)) {
        std::fprintf(stderr, "screen_gallery: %s\n", error.empty() ? "cannot make a scratch folder in /tmp" : error.c_str());
        return 1;
    }
    paths.work = scratch;

    if (check) {
        if (check_sizes.empty()) check_sizes = {{800, 480}, {1024, 600}, {1920, 1080}, {1080, 1920}};
        if (check_langs.empty()) check_langs = {Lang::Ru, Lang::Zh, Lang::En};
        std::vector<Tour> tours;
        for (const auto& [w, h] : check_sizes)
            for (Lang lang : check_langs) {
                Tour tour{lang, w, h, false, &strings, content.get()};
                tour.largest_text = largest_text;
                tours.push_back(tour);
            }
        const LayoutCheckReport report = check_tour_layouts(tours, paths, parallel, only_screen);
        std::error_code removed;
        std::filesystem::remove_all(paths.work, removed);
        std::fputs(report.text().c_str(), stdout);
        return report.violation_count() == 0 && report.problems.empty() ? 0 : 1;
    }
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
