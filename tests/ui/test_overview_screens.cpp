// Scripted runs of the explore screens (issue 14): About the SCO, the timeline and the member
// states, each reached by touch from home in every language, the timeline's documents and
// mentions opening the reader, and the QR codes read back from screenshots with zbarimg.
// Labels come from the content and the translations, so the tests follow the content as written.
#include "core/content_store.h"
#include "core/diagnostic.h"
#include "core/file_io.h"
#include "core/translations.h"
#include "kiosk_runner.h"

#include <doctest/doctest.h>

#include <set>

using kiosk::core::Lang;
using kiosk::test::check_target_sizes;
using kiosk::test::CommandResult;
using kiosk::test::has_target;
using kiosk::test::KioskRun;
using kiosk::test::run_kiosk_script;
using kiosk::test::TempDir;

namespace {

struct Fixture {
    std::unique_ptr<kiosk::core::ContentStore> content = kiosk::test::open_factory_content();
    kiosk::core::Translations translations;

    Fixture() {
        kiosk::core::Diagnostics diagnostics;
        REQUIRE(translations.load(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n", &diagnostics));
    }
    std::string tap(const std::string& key, Lang lang) const {
        return "tap-label " + translations.get(lang, key) + "\n";
    }
    const kiosk::core::OverviewContent& overview() const { return content->overview(); }
    // The first act on the timeline that is not bundled and that a bundled passage mentions.
    const kiosk::core::TimelineEntry& mentioned_act() const {
        for (const kiosk::core::TimelineEntry& entry : overview().timeline)
            if (!entry.bundled() && !entry.mentions.empty()) return entry;
        FAIL("no act on the timeline is mentioned by a bundled passage");
        return overview().timeline.front();
    }
};

// What zbarimg reads in `png`: "QR-Code:ADDRESS" lines; empty when it finds no code.
std::string decode_qr(const std::string& png) {
    CommandResult result =
        kiosk::test::run_command({"/usr/bin/zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png});
    const std::string missing = "zbarimg (Debian zbar-tools, deploy/packages-dev.txt) is needed: " + result.err;
    REQUIRE_MESSAGE(result.exit_code != -1, missing);
    std::string text = result.out;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

void check_screen(const KioskRun& run, const char* screen) {
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["screen"].string == screen);
    CHECK(run.state["missing_glyphs"].number == 0);
    check_target_sizes(run.state);
}

}  // namespace

TEST_CASE("the About, timeline and member screens are reached by touch from home in ru, zh and en") {
    Fixture f;
    const kiosk::core::TimelineEntry& act = f.mentioned_act();
    const kiosk::core::MemberState& india = [&]() -> const kiosk::core::MemberState& {
        for (const kiosk::core::MemberState& member : f.overview().members)
            if (member.code == "IN") return member;
        FAIL("no India in members.txt");
        return f.overview().members.front();
    }();
    for (const char* size : {"1920x1080", "1024x600"}) {
        for (Lang lang : kiosk::core::kAllLangs) {
            const std::string where = std::string(kiosk::core::lang_code(lang)) + " at " + size;
            CAPTURE(where);
            const std::vector<std::string> args = {"--lang", kiosk::core::lang_code(lang), "--size", size};
            {
                TempDir dir;
                KioskRun run = run_kiosk_script(dir, f.tap("home.explore.about", lang) + "wait 100\n", args);
                check_screen(run, "about");
                CHECK(has_target(run.state, f.translations.get(lang, "action.back")));
            }
            {
                // The timeline, with an act that is not bundled opened to its details and mentions.
                TempDir dir;
                KioskRun run = run_kiosk_script(
                    dir, f.tap("home.explore.timeline", lang) + "tap-label " + act.title[lang] + "\nwait 100\n", args);
                check_screen(run, "timeline");
                const std::string link = f.translations.get(lang, "explore.open_passage") + (lang == Lang::Zh ? "" : " ") +
                                         f.content->find_document(act.mentions[0].document)->info.title[lang];
                CHECK(has_target(run.state, link));
            }
            {
                // The member states, with India's documents listed (the newest first; the list scrolls).
                TempDir dir;
                KioskRun run = run_kiosk_script(
                    dir, f.tap("home.explore.members", lang) + "tap-label " + india.name[lang] + "\nwait 100\n", args);
                check_screen(run, "members");
                CHECK(has_target(run.state, f.content->documents().front().info.card_title(lang)));
            }
        }
    }
}

TEST_CASE("every bundled document on the timeline opens in the reader and back returns to the timeline") {
    Fixture f;
    const std::string open = f.tap("home.explore.timeline", Lang::En);
    // Which cards each number of leftward drags brings into view.
    const std::string drag = "drag 1700 500 500 500 800\nwait 1500\n";
    std::vector<std::string> drags;
    std::vector<KioskRun> views;
    for (int k = 0; k < 6; ++k) {
        std::string script = open;
        for (int i = 0; i < k; ++i) script += drag;
        TempDir dir;
        views.push_back(run_kiosk_script(dir, script + "wait 100\n", {"--lang", "en"}));
        REQUIRE_MESSAGE(views.back().result.exit_code == 0, views.back().result.err);
        drags.push_back(script);
    }
    int bundled = 0;
    for (const kiosk::core::TimelineEntry& entry : f.overview().timeline) {
        if (!entry.bundled()) continue;
        ++bundled;
        const kiosk::core::Document* doc = f.content->find_document(entry.document);
        REQUIRE(doc);
        const std::string& title = doc->info.title[Lang::En];
        CAPTURE(entry.id);
        size_t k = 0;
        while (k < views.size() && !has_target(views[k].state, title)) ++k;
        const std::string hidden = "no amount of dragging shows the card of " + entry.document;
        REQUIRE_MESSAGE(k < views.size(), hidden);
        TempDir dir;
        KioskRun run = run_kiosk_script(dir, drags[k] + "tap-label " + title + "\nwait 200\n", {"--lang", "en"});
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["screen"].string == "reader");
        CHECK(run.state["document"].string == entry.document);
        TempDir back_dir;
        KioskRun back = run_kiosk_script(
            back_dir, drags[k] + "tap-label " + title + "\nwait 200\n" + f.tap("action.back", Lang::En) + "wait 100\n",
            {"--lang", "en"});
        CHECK(back.state["screen"].string == "timeline");
    }
    CHECK(bundled == static_cast<int>(f.content->documents().size()));
}

TEST_CASE("a timeline act's mention opens the reader at the passage that mentions it") {
    Fixture f;
    const kiosk::core::TimelineEntry& act = f.mentioned_act();
    const kiosk::core::OverviewMention& mention = act.mentions[0];
    const kiosk::core::Document* doc = f.content->find_document(mention.document);
    REQUIRE(doc);
    // The link's label as the screen writes it.
    const std::string link = f.translations.get(Lang::Ru, "explore.open_passage") + " " + doc->info.title[Lang::Ru];
    TempDir dir;
    KioskRun run = run_kiosk_script(dir, f.tap("home.explore.timeline", Lang::Ru) + "tap-label " + act.title[Lang::Ru] +
                                             "\n" + "tap-label " + link + "\nwait 300\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["screen"].string == "reader");
    CHECK(run.state["document"].string == mention.document);
    CHECK(run.state["reader_block"].number == mention.block);
}

TEST_CASE("the QR codes of the About screen and of a document decode to the configured addresses") {
    Fixture f;
    // About: the address in db/explore/about.txt.
    {
        TempDir dir;
        KioskRun run = run_kiosk_script(
            dir, f.tap("home.explore.about", Lang::En) + "wait 100\nshot " + dir.file("about.png") + "\n", {"--lang", "en"});
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(decode_qr(dir.file("about.png")) == f.overview().about.url);
    }
    // A document with a url: in its source shows its code in the reader; one without shows none.
    TempDir dir;
    const std::string db = dir.file("db");
    kiosk::test::copy_overview_sources(db);
    const std::string url = "https://example.org/sco/documents/2019-concept?lang=ru";
    const std::string path = db + "/documents/2019-digital-concept.txt";
    std::string text = kiosk::test::read_text(path);
    text.replace(text.find("type: concept"), 13, "type: concept\nurl: " + url);
    kiosk::test::write_text(path, text);
    const std::string content = dir.file("content.db");
    CommandResult built = kiosk::test::run_command({KIOSKCTL_BIN, "build", db, content});
    REQUIRE_MESSAGE(built.exit_code == 0, built.err);
    // Opened from their home cards, which show the short titles.
    const std::string with = f.content->find_document("2019-digital-concept")->info.card_title(Lang::En);
    const std::string without = f.content->find_document("2025-digital-economy-statement")->info.card_title(Lang::En);
    KioskRun run = run_kiosk_script(dir,
                                    "tap-label " + with + "\nwait 200\nshot " + dir.file("with.png") + "\n" +
                                        f.tap("action.back", Lang::En) + "tap-label " + without + "\nwait 200\nshot " +
                                        dir.file("without.png") + "\n",
                                    {"--lang", "en", "--content", content});
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(decode_qr(dir.file("with.png")) == url);
    CHECK(decode_qr(dir.file("without.png")).empty());
}

TEST_CASE("in portrait the timeline runs down the screen, scrolls up and down, and shows a chosen act below") {
    Fixture f;
    const kiosk::core::TimelineEntry& act = f.mentioned_act();
    TempDir dir;
    const std::string open = f.tap("home.explore.timeline", Lang::En) + "wait 300\n";
    KioskRun first = run_kiosk_script(dir, open, {"--size", "1080x1920", "--lang", "en"});
    REQUIRE_MESSAGE(first.result.exit_code == 0, first.result.err);
    // The first cards one above the other, at the same x, each at least a fingertip.
    std::vector<const kiosk::test::JsonValue*> cards;
    for (const auto& target : first.state["touch_targets"].array)
        if (target["id"].string.rfind("timeline.entry.", 0) == 0) cards.push_back(&target);
    REQUIRE(cards.size() >= 3);
    for (size_t i = 1; i < cards.size(); ++i) {
        CHECK((*cards[i])["x"].number == doctest::Approx((*cards[0])["x"].number));
        CHECK((*cards[i])["y"].number > (*cards[i - 1])["y"].number + (*cards[i - 1])["h"].number);
    }
    CHECK((*cards[0])["w"].number > 1080 * 0.8);  // as wide as the screen allows
    const double first_y = (*cards[0])["y"].number;
    // An upward drag moves the line up.
    KioskRun dragged =
        run_kiosk_script(dir, open + "drag 540 1600 540 900 400\nwait 1000\n", {"--size", "1080x1920", "--lang", "en"});
    REQUIRE_MESSAGE(dragged.result.exit_code == 0, dragged.result.err);
    bool moved = false;
    for (const auto& target : dragged.state["touch_targets"].array)
        if (target["id"].string == (*cards[0])["id"].string) moved = target["y"].number < first_y - 100;
    if (!moved) moved = !has_target(dragged.state, (*cards[0])["id"].string);  // scrolled out of view
    CHECK(moved);
    // A chosen act that is not in the kiosk shows its details under the line.
    KioskRun chosen = run_kiosk_script(dir, open + "tap-id timeline.entry." + act.id + "\nwait 300\n",
                                       {"--size", "1080x1920", "--lang", "en"});
    REQUIRE_MESSAGE(chosen.result.exit_code == 0, chosen.result.err);
    CHECK(chosen.state["timeline_entry"].string == act.id);
    // Its mentions below the line: a link to a passage that mentions it, under the cards.
    double lowest_card = 0, passage_y = -1;
    for (const auto& target : chosen.state["touch_targets"].array) {
        if (target["id"].string.rfind("timeline.entry.", 0) == 0) {
            const kiosk::test::TargetRect shown = kiosk::test::visible_rect(target);
            lowest_card = std::max(lowest_card, shown.y + shown.h);
        }
        if (target["id"].string.rfind("explore.passage.", 0) == 0 && passage_y < 0) passage_y = target["y"].number;
    }
    CHECK(passage_y > lowest_card);
}
