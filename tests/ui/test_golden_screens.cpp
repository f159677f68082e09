// Golden screenshots: every screen of the tour (tests/screens/screen_tour.cpp) in ru, zh and en,
// standard and high contrast, at 960x540, against tests/golden/LANG[-contrast]/SCREEN.png with a
// small tolerance (image_compare.h). After an intended change of the UI, regenerate them with
// `bash deploy/update-goldens.sh` and look at what changed before committing.
#include "core/file_io.h"
#include "image_compare.h"
#include "kiosk_runner.h"
#include "tour_runner.h"
#include "ui/ui_state.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace kiosk;
using namespace kiosk::core;
using namespace kiosk::test;

namespace {

const std::string kGoldenDir = std::string(KIOSK_SOURCE_DIR) + "/tests/golden";
const Lang kLangs[] = {Lang::Ru, Lang::Zh, Lang::En};

std::string golden_path(const Tour& tour, const char* screen) {
    return kGoldenDir + "/" + golden_folder(tour) + "/" + screen + ".png";
}

// Compares one golden with what was rendered; on a mismatch leaves the rendered image and a
// difference image (red: differing pixels) in `report_dir`, and says where.
void check_against_golden(const Tour& tour, const char* screen, const std::string& actual_path,
                          const std::string& report_dir) {
    const std::string what = std::string(screen) + " in " + lang_code(tour.lang) +
                             (tour.high_contrast ? ", high contrast" : ", standard contrast");
    RgbaImage expected, actual;
    std::string error;
    if (!load_png_rgba(golden_path(tour, screen), &expected, &error)) {
        FAIL_CHECK(what << ": no golden (" << error << "); run bash deploy/update-goldens.sh");
        return;
    }
    if (!load_png_rgba(actual_path, &actual, &error)) {
        FAIL_CHECK(what << ": not rendered (" << error << ")");
        return;
    }
    const ImageComparison comparison = compare_images(expected, actual);
    if (comparison.matches()) return;
    const std::string stem = report_dir + "/" + golden_folder(tour) + "-" + screen;
    std::string saved;
    save_png_rgba(stem + "-actual.png", actual, &saved);
    save_png_rgba(stem + "-diff.png", difference_image(expected, actual), &saved);
    if (!comparison.same_size)
        FAIL_CHECK(what << ": rendered " << actual.width << "x" << actual.height << ", the golden is " << expected.width
                        << "x" << expected.height << "; see " << stem << "-actual.png");
    else
        FAIL_CHECK(what << ": " << comparison.differing << " pixels differ from the golden (at most "
                        << kMaxDifferingPixels << " may); see " << stem << "-actual.png and " << stem << "-diff.png");
}

}  // namespace

TEST_CASE("every screen matches its golden screenshot in ru, zh and en, standard and high contrast, at 960x540") {
    ContentFixture strings;  // the UI strings
    std::string error;
    auto content = ContentStore::open(KIOSK_SCREENS_CONTENT_DB, &error);
    REQUIRE_MESSAGE(content, error);
    TempDir dir;
    std::vector<TourJob> jobs;
    for (bool contrast : {false, true})
        for (Lang lang : kLangs) {
            Tour tour{lang, 960, 540, contrast, &strings.translations, content.get()};
            jobs.push_back({tour, dir.file(golden_folder(tour))});
        }
    const TourPaths paths{KIOSK_BIN, KIOSK_SCREENS_CONTENT_DB, std::string(KIOSK_SOURCE_DIR) + "/assets", dir.path()};
    const std::vector<TourResult> results = run_tours(jobs, paths, 2);

    // Where a failing run leaves what it rendered: the build's tests folder.
    const std::string report_dir = "golden-failures";
    std::error_code ignored;
    std::filesystem::remove_all(report_dir, ignored);  // nothing left from an earlier run
    REQUIRE(fs::make_dirs(report_dir));
    for (size_t i = 0; i < jobs.size(); ++i) {
        for (const std::string& problem : results[i].problems) FAIL_CHECK(problem);
        // Each screen's steps reached the screen they name.
        for (const TourScreen& screen : tour_screens()) {
            const bool visited = std::find(results[i].visited.begin(), results[i].visited.end(), screen.screen) !=
                                 results[i].visited.end();
            CHECK_MESSAGE(visited, tour_label(jobs[i].tour) << ": the tour never showed '" << screen.screen << "'");
            if (screen.golden)
                check_against_golden(jobs[i].tour, screen.name, jobs[i].out_dir + "/" + screen.name + ".png", report_dir);
        }
    }
    // No golden is left over from a screen the tour no longer has.
    for (const TourJob& job : jobs) {
        for (const std::string& file : fs::list_files(kGoldenDir + "/" + golden_folder(job.tour), ".png")) {
            bool known = false;
            for (const TourScreen& screen : tour_screens())
                known = known || (screen.golden && file == std::string(screen.name) + ".png");
            CHECK_MESSAGE(known, kGoldenDir
                                     << "/" << golden_folder(job.tour) << "/" << file
                                     << " is no screen's golden: remove it or run bash deploy/update-goldens.sh");
        }
    }
}

TEST_CASE("the golden comparison fails for a layout one pixel row off, and passes for the same image") {
    // The same comparison as the golden test, on the goldens themselves: the tolerance must let
    // an identical screen pass and catch a layout moved down by one pixel row.
    int compared = 0;
    for (Lang lang : kLangs) {
        for (bool contrast : {false, true}) {
            Tour tour;
            tour.lang = lang;
            tour.high_contrast = contrast;
            for (const TourScreen& screen : tour_screens()) {
                if (!screen.golden) continue;
                RgbaImage golden;
                std::string error;
                REQUIRE_MESSAGE(load_png_rgba(golden_path(tour, screen.name), &golden, &error), error);
                INFO(golden_path(tour, screen.name));
                CHECK(compare_images(golden, golden).matches());
                const ImageComparison shifted = compare_images(golden, shifted_down(golden, 1));
                CHECK(shifted.same_size);
                CHECK_FALSE(shifted.matches());
                ++compared;
            }
        }
    }
    CHECK(compared >= 6 * 20);
}

TEST_CASE("the golden comparison counts pixels over the channel threshold, and a size change never matches") {
    RgbaImage a;
    a.width = 4;
    a.height = 3;
    a.pixels.assign(size_t{4} * 3 * 4, 100);
    RgbaImage b = a;
    b.pixels[0] = static_cast<uint8_t>(100 + kChannelThreshold);      // within the threshold
    b.pixels[5] = static_cast<uint8_t>(100 - kChannelThreshold - 1);  // over it
    b.pixels[4 * 11 + 3] = 0;                                         // alpha counts too
    const ImageComparison c = compare_images(a, b);
    CHECK(c.same_size);
    CHECK(c.differing == 2);
    CHECK(c.matches());
    RgbaImage diff = difference_image(a, b);
    CHECK(diff.pixels[4 * 1 + 0] == 255);  // the differing pixel is red
    CHECK(diff.pixels[4 * 1 + 1] == 0);
    CHECK(diff.pixels[0 + 1] != 0);  // the one within the threshold is grey
    RgbaImage wider = a;
    wider.width = 3;
    wider.height = 4;
    CHECK_FALSE(compare_images(a, wider).matches());
}

TEST_CASE("the screen tour shows every screen the kiosk has, and resumes after a failed screen at the next fresh one") {
    std::set<std::string> kiosk_screens, toured, names;
    for (int i = 0; i < 32; ++i) kiosk_screens.insert(kiosk::ui::screen_name(static_cast<kiosk::ui::Screen>(i)));
    for (const TourScreen& screen : tour_screens()) {
        toured.insert(screen.screen);
        CHECK_MESSAGE(names.insert(screen.name).second, "two screens of the tour are named " << screen.name);
    }
    CHECK(toured == kiosk_screens);
    CHECK_FALSE(tour_screens().front().continues);

    ContentFixture strings;
    Tour tour{Lang::En, 800, 480, true, &strings.translations, strings.content.get()};
    const std::string script = tour_script(tour, "/shots");
    for (const TourScreen& screen : tour_screens())
        CHECK(script.find("shot /shots/" + std::string(screen.name) + ".png\n") != std::string::npos);
    CHECK(script.find("tap 796 4\n") != std::string::npos);  // the secret corner of an 800x480 panel
    CHECK(script.find(strings.translations.get(Lang::En, "a11y.contrast_on")) != std::string::npos);
    size_t lesson = 0;
    while (std::string(tour_screens()[lesson].name) != "lesson") ++lesson;
    const size_t resume = next_fresh_screen(lesson);
    REQUIRE(resume < tour_screens().size());
    CHECK(std::string(tour_screens()[resume].name) == "topics");  // past the lesson's quiz and score
    const std::string rest = tour_script(tour, "/shots", resume);
    CHECK(rest.find("/shots/quiz.png") == std::string::npos);
    CHECK(rest.find("/shots/topics.png") != std::string::npos);
}
