// The attract loop: one slide at a time (the old one fades out completely before the next
// fades in), quotations with their translations, and a layout that stays on screen, readable
// and without overlapping text on the panels the kiosk ships with.
#include "kiosk_runner.h"
#include "ui/screens.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace kiosk::test;

TEST_CASE("the attract loop never draws two slides over each other: one fades out before the next fades in") {
    const int count = 9;
    long last_slide = -1;
    float last_alpha = 0;
    int changes = 0;
    for (double t = 0; t < 200; t += 0.01) {
        CAPTURE(t);
        const kiosk::ui::AttractFrame frame = kiosk::ui::attract_frame(t, count);
        REQUIRE(frame.alpha >= 0.0f);
        REQUIRE(frame.alpha <= 1.0f);
        if (frame.slide != last_slide) {
            // The slide drawn changes only while nothing shows: the old one is gone, the new one not yet there.
            CHECK(last_alpha <= 0.02f);
            CHECK(frame.alpha <= 0.02f);
            ++changes;
        } else {
            CHECK(std::fabs(frame.alpha - last_alpha) <= 0.02f);  // a fade, never a jump
        }
        last_slide = frame.slide;
        last_alpha = frame.alpha;
    }
    CHECK(changes >= 24);  // 200 s of 8 s slides
    // Most of the time one slide is fully shown.
    CHECK(kiosk::ui::attract_frame(5.0, count).alpha == 1.0f);
    CHECK(kiosk::ui::attract_frame(13.0, count).slide == 1);
}

namespace {

// The loop `wait_ms` after the idle reset started it, at `size`.
KioskRun attract_at(const std::string& size, int wait_ms, const std::string& shot = "") {
    TempDir dir;
    set_setting(dir, "idle_timeout_s", "15");
    set_setting(dir, "countdown_s", "5");
    set_setting(dir, "attract", "on");
    std::string script = "tap-label RU\nwait " + std::to_string(20000 + wait_ms) + "\n";
    if (!shot.empty()) script += "shot " + shot + "\n";
    KioskRun run = run_kiosk_script(dir, script, {"--size", size});
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    REQUIRE(run.state["screen"].string == "attract");
    return run;
}

struct Box {
    std::string what;
    double x0, y0, x1, y1, font;
};

std::vector<Box> boxes_of(const JsonValue& attract) {
    std::vector<Box> boxes;
    for (const JsonValue& b : attract["boxes"].array)
        boxes.push_back(
            {b["what"].string, b["x0"].number, b["y0"].number, b["x1"].number, b["y1"].number, b["font_px"].number});
    return boxes;
}

void check_layout(const JsonValue& attract, double width, double height) {
    const std::vector<Box> boxes = boxes_of(attract);
    REQUIRE(boxes.size() >= 4);
    for (size_t i = 0; i < boxes.size(); ++i) {
        const Box& a = boxes[i];
        CAPTURE(a.what);
        CHECK(a.x0 >= 0);
        CHECK(a.y0 >= 0);
        CHECK(a.x1 <= width);
        CHECK(a.y1 <= height);
        CHECK(a.x1 > a.x0);
        CHECK(a.y1 > a.y0);
        CHECK(a.font >= 14.0);
        for (size_t j = i + 1; j < boxes.size(); ++j) {
            const Box& b = boxes[j];
            CAPTURE(b.what);
            const bool overlap = a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;
            CHECK_FALSE(overlap);
        }
    }
}

}  // namespace

TEST_CASE("attract slides and quotations stay on screen without overlapping text at the four sizes") {
    // Newest document first: 2025 (no whole sentence to quote: its card only), 2023's card,
    // 2023's quotation, 2022's card, 2022's quotation, ...
    for (const char* size : {"800x480", "1024x600", "1920x1080", "1080x1920"}) {
        CAPTURE(size);
        int w = 0, h = 0;
        REQUIRE(std::sscanf(size, "%dx%d", &w, &h) == 2);
        bool saw_quote = false, saw_card = false;
        for (int wait_ms : {4000, 20000, 36000, 44000}) {
            CAPTURE(wait_ms);
            KioskRun run = attract_at(size, wait_ms);
            const JsonValue& attract = run.state["attract"];
            REQUIRE(attract.type == JsonValue::Type::Object);
            check_layout(attract, w, h);
            if (attract["alpha"].number < 1.0) continue;
            if (attract["quote"].boolean) {
                saw_quote = true;
                int quotes = 0, translations = 0;
                for (const Box& box : boxes_of(attract)) {
                    quotes += box.what == "quote";
                    translations += box.what == "translation";
                }
                CHECK(quotes == 1);
                CHECK(translations == 1);  // every bundled document is translated
                CHECK_FALSE(attract["translation"].is_null());
            } else {
                saw_card = true;
            }
        }
        CHECK(saw_quote);
        CHECK(saw_card);
    }
}

TEST_CASE("halfway through a fade only the slide fading out is drawn, and between slides nothing") {
    // Slide 1 (a card) ends 16 s after the loop began: 0.3 s later it is half faded out and
    // slide 2 (a quotation) is not drawn yet; 0.6 s later neither is.
    for (int wait_ms : {16300, 16600, 16900}) {
        CAPTURE(wait_ms);
        KioskRun run = attract_at("800x480", wait_ms);
        const JsonValue& attract = run.state["attract"];
        check_layout(attract, 800, 480);
        int captions = 0, titles = 0, quotes = 0;
        for (const Box& box : boxes_of(attract)) {
            captions += box.what == "caption";
            titles += box.what == "document_title";
            quotes += box.what == "quote";
        }
        const double alpha = attract["alpha"].number;
        if (alpha <= 0) {
            CHECK(captions + titles + quotes == 0);
        } else if (attract["quote"].boolean) {
            CHECK(quotes == 1);
            CHECK(captions + titles == 0);
        } else {
            CHECK(captions == 1);
            CHECK(titles == 3);
            CHECK(quotes == 0);
        }
    }
}
