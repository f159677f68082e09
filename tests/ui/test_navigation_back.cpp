// Back returns where the visitor came from, through several screens, played by touch (by target
// id) through the real kiosk binary; the state dump's `back_stack` shows the way back.
#include "kiosk_runner.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using kiosk::test::JsonValue;
using kiosk::test::KioskRun;
using kiosk::test::run_kiosk_script;
using kiosk::test::TempDir;

namespace {

std::vector<std::string> back_stack(const JsonValue& state) {
    std::vector<std::string> out;
    for (const JsonValue& screen : state["back_stack"].array) out.push_back(screen.string);
    return out;
}

using Stack = std::vector<std::string>;

// Types `word` (lower case, no spaces) on the search keyboard by key id.
std::string type(const std::string& word) {
    std::string script;
    for (size_t pos = 0; pos < word.size();) {
        size_t next = pos + 1;
        while (next < word.size() && (static_cast<unsigned char>(word[next]) & 0xC0) == 0x80) ++next;
        script += "tap-id search.key." + word.substr(pos, next - pos) + "\n";
        pos = next;
    }
    return script;
}

KioskRun play(const TempDir& dir, const std::string& script) {
    KioskRun run = run_kiosk_script(dir, script);
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    return run;
}

// Past the visitor's title and summary leading the reader's column, to the start of the text.
const std::string kPastLead = "tap-id reader.contents\nwait 100\ntap-id reader.section.1\nwait 1500\n";

// From the topics, a search for the SCO Charter, its first result read, and its mention of the
// Charter followed to the timeline.
const std::string kToTimeline = "tap-id home.explore.topics\nwait 100\ntap-id top.search\nwait 100\n" + type("хартии") +
                                "wait 200\ntap-id search.result.1\nwait 300\n" + kPastLead +
                                "tap-id reader.act.2002-sco-charter\nwait 300\n";

}  // namespace

TEST_CASE("each screen opened goes on the back stack, and the state dump shows it") {
    TempDir dir;
    KioskRun run = play(dir, kToTimeline);
    CHECK(run.state["screen"].string == "timeline");
    CHECK(run.state["timeline_entry"].string == "2002-sco-charter");
    CHECK(back_stack(run.state) == Stack{"topics", "search", "reader"});
}

TEST_CASE(
    "back from a timeline entry opened from a reader link returns to the reader, then to the search with its query") {
    TempDir dir;
    KioskRun reader = play(dir, kToTimeline + "tap-id timeline.back\nwait 200\n");
    CHECK(reader.state["screen"].string == "reader");
    CHECK_FALSE(reader.state["document"].is_null());
    CHECK(back_stack(reader.state) == Stack{"topics", "search"});

    TempDir dir2;
    KioskRun search = play(dir2, kToTimeline + "tap-id timeline.back\nwait 200\ntap-id reader.back\nwait 200\n");
    CHECK(search.state["screen"].string == "search");
    CHECK(search.state["search_query"].string == "хартии");
    CHECK(search.state["search_results"].number > 0);
    CHECK(back_stack(search.state) == Stack{"topics"});

    // And on to the topics the search was opened from (not home), then home.
    TempDir dir3;
    KioskRun topics =
        play(dir3, kToTimeline + "tap-id timeline.back\ntap-id reader.back\ntap-id search.back\nwait 200\n");
    CHECK(topics.state["screen"].string == "topics");
    CHECK(back_stack(topics.state).empty());
    TempDir dir4;
    KioskRun home = play(dir4, kToTimeline + "tap-id timeline.back\ntap-id reader.back\ntap-id search.back\n"
                                             "tap-id topics.back\nwait 200\n");
    CHECK(home.state["screen"].string == "home");
}

TEST_CASE("a document reached from a passage on the timeline returns to the timeline, not to the reader it replaced") {
    // The reader shows one document at a time: once the timeline opens another in it, Back
    // from there leads to the timeline and from the timeline home (the first document is gone).
    TempDir dir;
    KioskRun run = play(dir, "tap-id home.document.2025-digital-economy-statement\nwait 200\n" + kPastLead +
                                 "tap-id reader.act.2002-sco-charter\nwait 300\n"
                                 "tap-id explore.passage.2022-digital-economy-programme\nwait 300\n");
    CHECK(run.state["screen"].string == "reader");
    CHECK(back_stack(run.state) == Stack{"timeline"});
    TempDir dir2;
    KioskRun back = play(dir2, "tap-id home.document.2025-digital-economy-statement\nwait 200\n" + kPastLead +
                                   "tap-id reader.act.2002-sco-charter\nwait 300\n"
                                   "tap-id explore.passage.2022-digital-economy-programme\nwait 300\n"
                                   "tap-id reader.back\nwait 100\ntap-id timeline.back\nwait 100\n");
    CHECK(back.state["screen"].string == "home");
    CHECK(back_stack(back.state).empty());
}

TEST_CASE("a lesson found by search returns to the search, and its quiz to the lesson") {
    kiosk::test::ContentFixture f;
    const kiosk::core::Lesson& lesson = f.content->lessons().front();  // "Первые шаги со смартфоном"
    const std::string search = "tap-id top.search\nwait 100\n" + type("смартфон") + "wait 200\n";
    TempDir dir;
    KioskRun found = play(dir, search);
    const JsonValue* result = kiosk::test::find_target(found.state, lesson.title[kiosk::core::Lang::Ru]);
    REQUIRE(result);
    const std::string open = search + "tap-id " + (*result)["id"].string + "\nwait 200\n";
    TempDir dir2;
    KioskRun opened = play(dir2, open);
    CHECK(opened.state["screen"].string == "lesson");
    CHECK(back_stack(opened.state) == Stack{"search"});
    TempDir dir3;
    KioskRun back = play(dir3, open + "tap-id lesson.back\nwait 200\n");
    CHECK(back.state["screen"].string == "search");
    CHECK(back.state["search_query"].string == "смартфон");

    // From the lessons list: the quiz after the last slide, and Back from the quiz to the lesson.
    std::string quiz = "tap-id home.lessons\nwait 100\ntap-id lessons.lesson." + lesson.id + "\nwait 100\n";
    for (size_t i = 1; i < lesson.slides.size(); ++i) quiz += "tap-id lesson.next\n";
    quiz += "tap-id lesson.take_quiz\nwait 100\n";
    TempDir dir4;
    KioskRun in_quiz = play(dir4, quiz);
    CHECK(in_quiz.state["screen"].string == "quiz");
    CHECK(back_stack(in_quiz.state) == Stack{"lessons", "lesson"});
    TempDir dir5;
    KioskRun from_quiz = play(dir5, quiz + "tap-id quiz.back\nwait 100\n");
    CHECK(from_quiz.state["screen"].string == "lesson");
    CHECK(from_quiz.state["lesson"].string == lesson.id);
    CHECK(back_stack(from_quiz.state) == Stack{"lessons"});
}

TEST_CASE("an idle reset leaves nothing on the back stack") {
    TempDir dir;
    KioskRun reset = play(dir, "tap-id home.document.2025-digital-economy-statement\nwait 200\ntap-id top.search\n"
                               "wait 200000\n");
    CHECK(reset.state["screen"].string != "search");
    CHECK(back_stack(reset.state).empty());
    // After the reset, Back from a document goes home, not to the last visitor's search.
    TempDir dir2;
    KioskRun after =
        play(dir2, "tap-id home.document.2025-digital-economy-statement\nwait 200\ntap-id top.search\n"
                   "wait 200000\ntap 500 500\nwait 200\ntap-id home.document.2025-digital-economy-statement\n"
                   "wait 200\ntap-id reader.back\nwait 200\n");
    CHECK(after.state["screen"].string == "home");
    CHECK(back_stack(after.state).empty());
}
