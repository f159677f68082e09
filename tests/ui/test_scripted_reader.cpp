// Scripted UI runs of the library and the reader, checked through the state dump.
#include "core/content_store.h"
#include "kiosk_runner.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

using kiosk::test::find_target;
using kiosk::test::JsonValue;
using kiosk::test::run_kiosk_script;
using kiosk::test::TempDir;

namespace {

std::unique_ptr<kiosk::core::ContentStore> open_content() {
    std::string error;
    auto store = kiosk::core::ContentStore::open(KIOSK_CONTENT_DB, &error);
    REQUIRE_MESSAGE(store, error);
    return store;
}

long file_size(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? static_cast<long>(st.st_size) : -1;
}

}  // namespace

TEST_CASE("the kiosk starts on the home screen in Russian with every glyph available") {
    TempDir dir;
    auto run = run_kiosk_script(dir, "wait 100\nshot @DIR@/home.png\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["screen"].string == "home");
    CHECK(run.state["language"].string == "ru");
    CHECK(run.state["document"].is_null());
    CHECK(run.state["frames_rendered"].number >= 1);
    CHECK(run.state["missing_glyphs"].number == 0);
    CHECK(file_size(dir.file("home.png")) > 10000);
}

TEST_CASE("tapping each library card opens that document in the reader") {
    auto store = open_content();
    REQUIRE(store->documents().size() == 5);
    for (const kiosk::core::Document& doc : store->documents()) {
        CAPTURE(doc.info.id);
        TempDir dir;
        auto run = run_kiosk_script(
            dir, "tap-label " + doc.info.card_title(kiosk::core::Lang::Ru) + "\nwait 200\nshot @DIR@/reader.png\n");
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["screen"].string == "reader");
        CHECK(run.state["document"].string == doc.info.id);
        CHECK(run.state["scroll_y"].number == doctest::Approx(0));
        CHECK(file_size(dir.file("reader.png")) > 10000);
    }
}

TEST_CASE("the back button returns from the reader to the library") {
    TempDir dir;
    auto store = open_content();
    const std::string title = store->documents()[0].info.card_title(kiosk::core::Lang::Ru);
    auto run = run_kiosk_script(dir, "tap-label " + title + "\nwait 100\ntap-id reader.back\nwait 100\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["screen"].string == "home");
    CHECK(run.state["document"].is_null());
}

TEST_CASE("the language switch changes every UI string and the document titles") {
    TempDir dir;
    auto store = open_content();
    const kiosk::core::Document& doc = store->documents()[0];
    auto run =
        run_kiosk_script(dir, "tap-id top.language.zh\nwait 100\ntap-label " + doc.info.card_title(kiosk::core::Lang::Zh) +
                                  "\nwait 100\ntap-id top.language.en\nwait 100\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["language"].string == "en");
    CHECK(run.state["document"].string == doc.info.id);
    CHECK(find_target(run.state, "Back") != nullptr);
    CHECK(find_target(run.state, "Назад") == nullptr);
}

TEST_CASE("--lang starts the kiosk in the given language") {
    TempDir dir;
    auto run = run_kiosk_script(dir, "wait 50\n", {"--lang", "zh"});
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["language"].string == "zh");
}

TEST_CASE("dragging the text scrolls it, and a flick carries on after the finger lifts") {
    TempDir dir;
    auto store = open_content();
    const std::string title = store->documents()[0].info.card_title(kiosk::core::Lang::Ru);
    auto slow = run_kiosk_script(dir, "tap-label " + title + "\nwait 100\ndrag 1200 900 1200 500 800\nwait 1500\n");
    REQUIRE_MESSAGE(slow.result.exit_code == 0, slow.result.err);
    const double slow_scroll = slow.state["scroll_y"].number;
    CHECK(slow_scroll > 380);  // followed the finger's 400 px, then coasted a little
    CHECK(slow_scroll < 800);

    TempDir dir2;
    auto flick = run_kiosk_script(dir2, "tap-label " + title + "\nwait 100\ndrag 1200 900 1200 500 100\nwait 3000\n");
    REQUIRE_MESSAGE(flick.result.exit_code == 0, flick.result.err);
    CHECK(flick.state["scroll_y"].number > slow_scroll + 200);  // inertia moved it beyond the finger's 400 px
}

TEST_CASE("pulling past the top of the text springs back to the edge") {
    TempDir dir;
    auto store = open_content();
    const std::string title = store->documents()[0].info.card_title(kiosk::core::Lang::Ru);
    auto run = run_kiosk_script(dir, "tap-label " + title + "\nwait 100\ndrag 1200 400 1200 900 500\nwait 1000\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["scroll_y"].number == doctest::Approx(0).epsilon(0.001));
}

TEST_CASE("a drag that starts on a button scrolls and never activates the button") {
    TempDir dir;
    auto store = open_content();
    const std::string title = store->documents()[0].info.card_title(kiosk::core::Lang::Ru);
    // Start on the first library card and drag: the card must not open.
    auto home = run_kiosk_script(dir, "drag 300 500 300 300 300\nwait 500\n");
    REQUIRE_MESSAGE(home.result.exit_code == 0, home.result.err);
    CHECK(home.state["screen"].string == "home");

    // In the reader, a drag that starts on the A+ button must not enlarge the text.
    TempDir dir2;
    auto reader = run_kiosk_script(dir2, "tap-label " + title + "\nwait 100\ndrag 1778 170 1778 500 300\nwait 500\n");
    REQUIRE_MESSAGE(reader.result.exit_code == 0, reader.result.err);
    CHECK(reader.state["screen"].string == "reader");
    CHECK(reader.state["text_size"].number == 1);
}

TEST_CASE("the text size control steps through three sizes") {
    TempDir dir;
    auto store = open_content();
    const std::string title = store->documents()[0].info.card_title(kiosk::core::Lang::Ru);
    auto larger = run_kiosk_script(
        dir, "tap-label " + title + "\nwait 100\ntap-id reader.larger\nwait 100\ntap-id reader.larger\nwait 100\n");
    REQUIRE_MESSAGE(larger.result.exit_code == 0, larger.result.err);
    CHECK(larger.state["text_size"].number == 2);
    TempDir dir2;
    auto smaller = run_kiosk_script(
        dir2, "tap-label " + title + "\nwait 100\ntap-id reader.smaller\nwait 100\ntap-id reader.smaller\nwait 100\n");
    CHECK(smaller.state["text_size"].number == 0);
}

TEST_CASE("a table of contents entry jumps to its section") {
    auto store = open_content();
    const kiosk::core::Document* doc = nullptr;
    for (const kiosk::core::Document& d : store->documents())
        if (d.sections.size() >= 3) doc = &d;
    REQUIRE(doc);
    const std::string& heading = doc->sections[2].heading;
    REQUIRE(!heading.empty());
    TempDir dir;
    // The contents list sits below the document facts: scroll the sidebar to it first.
    auto run = run_kiosk_script(dir, "tap-label " + doc->info.card_title(kiosk::core::Lang::Ru) +
                                         "\nwait 100\ndrag 300 1000 300 200 600\nwait 1500\ntap-label " + heading +
                                         "\nwait 1000\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["scroll_y"].number > 200);
}

TEST_CASE("every touch target is at least 48 px on every screen at 1920x1080") {
    auto store = open_content();
    for (kiosk::core::Lang lang : kiosk::core::kAllLangs) {
        const std::vector<std::string> scripts = {
            "wait 50\n", "tap-label " + store->documents()[0].info.card_title(lang) + "\nwait 100\n"};
        for (const std::string& script : scripts) {
            TempDir dir;
            auto run = run_kiosk_script(dir, script, {"--lang", kiosk::core::lang_code(lang)});
            REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
            REQUIRE(!run.state["touch_targets"].array.empty());
            for (const JsonValue& target : run.state["touch_targets"].array) {
                CAPTURE(target["label"].string);
                CHECK(target["w"].number >= 48);
                CHECK(target["h"].number >= 48);
            }
        }
    }
}
