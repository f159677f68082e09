// Topics, glossary and the reader's links (issue 14), played by touch through the real kiosk
// binary: each screen reached from home in every language, a topic's passage opening the
// reader, and taps on terms and on mentions of other acts.
#include "core/content_store.h"
#include "core/translations.h"
#include "kiosk_runner.h"

#include <doctest/doctest.h>

#include <algorithm>

using kiosk::core::Lang;
using kiosk::test::check_target_sizes;
using kiosk::test::find_target;
using kiosk::test::has_target;
using kiosk::test::JsonValue;
using kiosk::test::run_kiosk_script;
using kiosk::test::TempDir;

namespace {

struct Fixture : kiosk::test::ContentFixture {
    // Opens `document` from home and jumps past the title and summary leading the text (the
    // contents' first entry, "Beginning of the document"), so its first blocks are in view.
    std::string open(const std::string& document, Lang lang) const {
        return "tap-label " + content->find_document(document)->info.card_title(lang) +
               "\nwait 200\ntap-id reader.contents\nwait 100\ntap-id reader.section.1\nwait 1500\n";
    }
};

}  // namespace

TEST_CASE("the topics and the glossary are reached by touch from home in every language, every glyph drawn") {
    Fixture f;
    for (Lang lang : kiosk::core::kAllLangs) {
        CAPTURE(kiosk::core::lang_code(lang));
        const std::vector<std::string> args = {"--lang", kiosk::core::lang_code(lang)};
        TempDir topics_dir;
        auto topics =
            run_kiosk_script(topics_dir, f.tap("home.explore.topics", lang) + "wait 200\nshot @DIR@/topics.png\n", args);
        REQUIRE_MESSAGE(topics.result.exit_code == 0, topics.result.err);
        CHECK(topics.state["screen"].string == "topics");
        CHECK(topics.state["missing_glyphs"].number == 0);
        check_target_sizes(topics.state);
        for (const kiosk::core::Topic& topic : f.content->explore().topics)
            CHECK(has_target(topics.state, topic.name[lang]));

        TempDir glossary_dir;
        auto glossary = run_kiosk_script(glossary_dir, f.tap("home.explore.glossary", lang) + "wait 200\n", args);
        REQUIRE_MESSAGE(glossary.result.exit_code == 0, glossary.result.err);
        CHECK(glossary.state["screen"].string == "glossary");
        CHECK(glossary.state["missing_glyphs"].number == 0);
        check_target_sizes(glossary.state);
        // Back goes home.
        TempDir back_dir;
        auto back = run_kiosk_script(
            back_dir, f.tap("home.explore.glossary", lang) + f.tap("action.back", lang) + "wait 100\n", args);
        CHECK(back.state["screen"].string == "home");
    }
}

TEST_CASE("a topic lists its passages, and a passage opens the reader there with the topic's words highlighted") {
    Fixture f;
    for (Lang lang : kiosk::core::kAllLangs) {
        CAPTURE(kiosk::core::lang_code(lang));
        const kiosk::core::Topic* topic = f.content->find_topic("blockchain");
        REQUIRE(topic);
        REQUIRE(!topic->spans.empty());
        const kiosk::core::PassageSpan& span = topic->spans[0];
        const kiosk::core::Document* doc = f.content->find_document(span.document);
        REQUIRE(doc);
        const std::string& passage = doc->blocks[span.block - 1].text_in(lang);
        const std::string script = f.tap("home.explore.topics", lang) + "tap-label " + topic->name[lang] + "\nwait 200\n";
        TempDir list_dir;
        auto list = run_kiosk_script(list_dir, script, {"--lang", kiosk::core::lang_code(lang)});
        REQUIRE_MESSAGE(list.result.exit_code == 0, list.result.err);
        CHECK(list.state["screen"].string == "topic");
        CHECK(list.state["topic"].string == "blockchain");
        CHECK(list.state["missing_glyphs"].number == 0);
        check_target_sizes(list.state);
        REQUIRE(has_target(list.state, passage));

        TempDir dir;
        auto run = run_kiosk_script(dir, script + "tap-label " + passage + "\nwait 300\n",
                                    {"--lang", kiosk::core::lang_code(lang)});
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["screen"].string == "reader");
        CHECK(run.state["document"].string == doc->info.id);
        CHECK(run.state["topic"].string == "blockchain");
        CHECK(run.state["reader_block"].number == span.block);
        // The stepper over the topic's words is there, as for a search.
        CHECK(has_target(run.state, f.translations.get(lang, "search.next_match")));
        // Back returns to the topic's passages.
        TempDir back_dir;
        auto back = run_kiosk_script(back_dir, script + "tap-label " + passage + "\nwait 300\n" + f.tap("action.back", lang),
                                     {"--lang", kiosk::core::lang_code(lang)});
        CHECK(back.state["screen"].string == "topic");
    }
}

TEST_CASE("a tap on a glossary term in the reader opens its definition, in every language, and Close closes it") {
    Fixture f;
    const std::string words[] = {"цифрового разрыва", "数字鸿沟", "digital divide"};  // as Lang: ru, zh, en
    for (Lang lang : kiosk::core::kAllLangs) {
        CAPTURE(kiosk::core::lang_code(lang));
        const std::string script = f.open("2025-digital-economy-statement", lang) + "tap-label " +
                                   words[static_cast<int>(lang)] + "\nwait 200\nshot @DIR@/term.png\n";
        TempDir dir;
        auto run = run_kiosk_script(dir, script, {"--lang", kiosk::core::lang_code(lang)});
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["screen"].string == "reader");
        CHECK(run.state["reader_popover"].string == "term:digital-divide");
        CHECK(run.state["missing_glyphs"].number == 0);
        check_target_sizes(run.state);
        CHECK(has_target(run.state, f.translations.get(lang, "glossary.all_terms")));

        TempDir closed_dir;
        auto closed = run_kiosk_script(closed_dir, script + f.tap("action.close", lang) + "wait 100\n",
                                       {"--lang", kiosk::core::lang_code(lang)});
        CHECK(closed.state["reader_popover"].is_null());
        CHECK(closed.state["screen"].string == "reader");
        // "All terms" leads to the glossary, whose back button returns to the reader.
        TempDir all_dir;
        auto all = run_kiosk_script(all_dir, script + f.tap("glossary.all_terms", lang) + "wait 100\n",
                                    {"--lang", kiosk::core::lang_code(lang)});
        CHECK(all.state["screen"].string == "glossary");
    }
}

TEST_CASE(
    "a mention of an act the kiosk lacks opens its timeline entry or its card, and a bundled one opens that document") {
    Fixture f;
    const std::string open = f.open("2025-digital-economy-statement", Lang::Ru);
    TempDir dir;
    auto charter = run_kiosk_script(dir, open + "tap-label Хартии ШОС\nwait 200\n");
    REQUIRE_MESSAGE(charter.result.exit_code == 0, charter.result.err);
    CHECK(charter.state["screen"].string == "timeline");
    CHECK(charter.state["timeline_entry"].string == "2002-sco-charter");
    check_target_sizes(charter.state);
    // Back returns to the passage's document.
    TempDir back_dir;
    auto back = run_kiosk_script(
        back_dir, open + "tap-label Хартии ШОС\nwait 200\n" + f.tap("action.back", Lang::Ru) + "wait 100\n");
    REQUIRE_MESSAGE(back.result.exit_code == 0, back.result.err);
    CHECK(back.state["screen"].string == "reader");
    CHECK(back.state["document"].string == "2025-digital-economy-statement");

    // The Development Strategy to 2025 is not on the timeline (no date or place in the bundled
    // text): its card opens over the reader.
    TempDir card_dir;
    auto strategy =
        run_kiosk_script(card_dir,
                         "tap-id top.language.en\nwait 100\n" + f.open("2025-digital-economy-statement", Lang::En) +
                             "tap-label SCO Development Strategy until 2025\nwait 200\n",
                         {"--lang", "en"});
    REQUIRE_MESSAGE(strategy.result.exit_code == 0, strategy.result.err);
    CHECK(strategy.state["reader_popover"].string == "act:2015-sco-development-strategy-2025");
    CHECK(has_target(strategy.state, f.translations.get(Lang::En, "action.close")));
    check_target_sizes(strategy.state);

    TempDir doc_dir;
    auto concept = run_kiosk_script(doc_dir,
                                    f.open("2021-ict-ministers-protocol", Lang::En) +
                                        "drag 1200 900 1200 500 400\nwait 1500\ntap-label 14 June 2019\nwait 200\n",
                                    {"--lang", "en"});
    REQUIRE_MESSAGE(concept.result.exit_code == 0, concept.result.err);
    CHECK(concept.state["screen"].string == "reader");
    CHECK(concept.state["document"].string == "2019-digital-concept");
    CHECK(concept.state["reader_popover"].is_null());
}

TEST_CASE("a drag that starts on a link scrolls the text and follows nothing") {
    Fixture f;
    const std::string open = f.open("2025-digital-economy-statement", Lang::Ru);
    TempDir first;
    auto shown = run_kiosk_script(first, open);
    REQUIRE_MESSAGE(shown.result.exit_code == 0, shown.result.err);
    const JsonValue* link = find_target(shown.state, "цифрового разрыва");
    REQUIRE(link);
    const int x = static_cast<int>((*link)["x"].number + (*link)["w"].number / 2);
    const int y = static_cast<int>((*link)["y"].number + (*link)["h"].number / 2);
    TempDir dir;
    auto run = run_kiosk_script(dir, open + "drag " + std::to_string(x) + " " + std::to_string(y) + " " +
                                         std::to_string(x) + " " + std::to_string(y - 300) + " 400\nwait 1500\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["reader_popover"].is_null());
    CHECK(run.state["scroll_y"].number > 100);
}

TEST_CASE(
    "where the targets of links on adjacent lines overlap, the link whose line is nearest the finger is followed") {
    Fixture f;
    const std::string open = "tap-id top.language.en\nwait 100\n" + f.open("2025-digital-economy-statement", Lang::En);
    const std::vector<std::string> small = {"--size", "800x480"};
    TempDir first;
    auto shown = run_kiosk_script(first, open, small);
    REQUIRE_MESSAGE(shown.result.exit_code == 0, shown.result.err);
    // Two links on adjacent lines whose targets overlap: one ends a line, the other starts or
    // runs under it (the Charter and a Strategy in the preamble, wherever the lines break).
    std::vector<const JsonValue*> links;
    for (const JsonValue& target : shown.state["touch_targets"].array)
        if (target["id"].string.rfind("reader.act.", 0) == 0) links.push_back(&target);
    const JsonValue* upper_link = nullptr;
    const JsonValue* lower_link = nullptr;
    for (const JsonValue* a : links)
        for (const JsonValue* b : links) {
            const double ax = (*a)["x"].number, bx = (*b)["x"].number;
            const double shared = std::min(ax + (*a)["w"].number, bx + (*b)["w"].number) - std::max(ax, bx);
            const double dy = (*b)["y"].number - (*a)["y"].number;
            if (!upper_link && dy > 4 && dy < (*a)["h"].number && shared > 8) {
                upper_link = a;
                lower_link = b;
            }
        }
    REQUIRE(upper_link);
    REQUIRE(lower_link);
    const double upper = (*upper_link)["y"].number + (*upper_link)["h"].number / 2;
    const double lower = (*lower_link)["y"].number + (*lower_link)["h"].number / 2;
    REQUIRE(lower > upper);
    const double left = std::max((*upper_link)["x"].number, (*lower_link)["x"].number);
    const double right = std::min((*upper_link)["x"].number + (*upper_link)["w"].number,
                                  (*lower_link)["x"].number + (*lower_link)["w"].number);
    REQUIRE(right > left + 4);  // the two targets share this stretch of x
    const int x = static_cast<int>((left + right) / 2);
    // Both targets hold these points; each is nearer one line's middle.
    const std::string upper_act = "act:" + (*upper_link)["id"].string.substr(11);
    const std::string lower_act = "act:" + (*lower_link)["id"].string.substr(11);
    const struct {
        double y;
        std::string expected;
    } taps[] = {{upper + (lower - upper) * 0.2, upper_act}, {upper + (lower - upper) * 0.8, lower_act}};
    for (const auto& tap : taps) {
        CAPTURE(tap.expected);
        TempDir dir;
        auto run = run_kiosk_script(
            dir, open + "tap " + std::to_string(x) + " " + std::to_string(static_cast<int>(tap.y)) + "\nwait 200\n", small);
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        // An act on the timeline opens its entry there; one not on the timeline, its card.
        const std::string followed = run.state["screen"].string == "timeline" ? "act:" + run.state["timeline_entry"].string
                                                                              : run.state["reader_popover"].string;
        CHECK(followed == tap.expected);
    }
}
