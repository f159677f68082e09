// Scripted runs of the lessons: a visitor's lesson and quiz, a slide's link into a document,
// trainer mode with a group quiz stored in the state database, and what a session reset and
// the idle timeouts do to them. Labels come from the content and the translations, so the
// tests follow the lessons as written.
#include "core/content_store.h"
#include "core/diagnostic.h"
#include "core/state_store.h"
#include "core/translations.h"
#include "kiosk_runner.h"

#include <doctest/doctest.h>

#include <algorithm>

using kiosk::core::Lang;
using kiosk::test::check_target_sizes;
using kiosk::test::enter_pin;
using kiosk::test::has_target;
using kiosk::test::JsonValue;
using kiosk::test::kScrollHomeToEnd;
using kiosk::test::kTrainerTestPin;
using kiosk::test::run_kiosk_script;
using kiosk::test::set_pin;
using kiosk::test::set_setting;
using kiosk::test::TempDir;

namespace {

struct Fixture : kiosk::test::ContentFixture {
    // From the home screen into `lesson`, then to slide `slide` (0-based).
    std::string open_slide(const kiosk::core::Lesson& lesson, int slide, Lang lang = Lang::Ru) const {
        std::string script = tap("home.lessons_title", lang) + "tap-label " + lesson.title[lang] + "\n";
        for (int i = 0; i < slide; ++i) script += tap("lesson.next", lang);
        return script + "wait 100\n";
    }
    // Through every slide of `lesson` into its quiz.
    std::string open_quiz(const kiosk::core::Lesson& lesson, Lang lang = Lang::Ru) const {
        return open_slide(lesson, static_cast<int>(lesson.slides.size()) - 1, lang) + tap("lesson.take_quiz", lang);
    }
};

struct DeepLink {
    const kiosk::core::Lesson* lesson = nullptr;
    int slide = 0;
    const kiosk::core::LessonLink* link = nullptr;
};

// The first slide (after the first) that links to a paragraph past the start of its document.
DeepLink find_deep_link(const kiosk::core::ContentStore& content) {
    for (const kiosk::core::Lesson& lesson : content.lessons())
        for (size_t s = 1; s < lesson.slides.size(); ++s)
            for (const kiosk::core::LessonLink& link : lesson.slides[s].links)
                if (link.block_id > 3 && content.find_linked_block(link)) return {&lesson, static_cast<int>(s), &link};
    FAIL("no lesson links past the third paragraph of a document");
    return {};
}

}  // namespace

TEST_CASE("a visitor opens a lesson from the home screen and the dump names it, with no quiz score yet") {
    Fixture f;
    const kiosk::core::Lesson& lesson = f.content->lessons().at(0);
    TempDir dir;
    auto run = run_kiosk_script(dir, f.open_slide(lesson, 2));
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["screen"].string == "lesson");
    CHECK(run.state["lesson"].string == lesson.id);
    CHECK(run.state["quiz_score"].is_null());
    CHECK(has_target(run.state, f.translations.get(Lang::Ru, "lesson.previous")));
}

TEST_CASE("a visitor's quiz counts right answers in quiz_score, wrong ones not, through to the score") {
    Fixture f;
    const kiosk::core::Lesson& lesson = f.content->lessons().at(1);
    REQUIRE(lesson.questions.size() >= 4);
    // Right, wrong, right, wrong, then right for the rest.
    std::string script = f.open_quiz(lesson);
    int expected = 0;
    for (size_t q = 0; q < lesson.questions.size(); ++q) {
        const kiosk::core::Question& question = lesson.questions[q];
        const bool answer_right = q % 2 == 0 || q >= 4;
        const int option = answer_right ? question.correct_option
                                        : (question.correct_option + 1) % static_cast<int>(question.options.size());
        expected += answer_right ? 1 : 0;
        script += "tap-label " + question.options[option][Lang::Ru] + "\n";
        script += f.tap(q + 1 == lesson.questions.size() ? "quiz.finish" : "quiz.next");
    }
    TempDir dir;
    auto run = run_kiosk_script(dir, script + "wait 100\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["screen"].string == "quiz");
    CHECK(run.state["lesson"].string == lesson.id);
    CHECK(run.state["quiz_score"].number == expected);
    CHECK(expected < static_cast<int>(lesson.questions.size()));
    CHECK(has_target(run.state, f.translations.get(Lang::Ru, "quiz.retry")));

    // Mid-quiz: one right and one wrong answer so far.
    const kiosk::core::Question& q0 = lesson.questions[0];
    const kiosk::core::Question& q1 = lesson.questions[1];
    TempDir dir2;
    auto partial = run_kiosk_script(
        dir2, f.open_quiz(lesson) + "tap-label " + q0.options[q0.correct_option][Lang::Ru] + "\n" + f.tap("quiz.next") +
                  "tap-label " + q1.options[(q1.correct_option + 1) % q1.options.size()][Lang::Ru] + "\nwait 100\n");
    REQUIRE_MESSAGE(partial.result.exit_code == 0, partial.result.err);
    CHECK(partial.state["quiz_score"].number == 1);
    // Once answered, the options are no longer targets: a second tap cannot change the score.
    CHECK_FALSE(has_target(partial.state, q1.options[q1.correct_option][Lang::Ru]));
}

TEST_CASE("a slide's link opens the reader scrolled to the passage, and back returns to the slide") {
    Fixture f;
    const auto [lesson, slide, link] = find_deep_link(*f.content);
    const kiosk::core::Document* doc = f.content->find_document(link->document_id);
    REQUIRE(doc);
    const std::string open = f.open_slide(*lesson, slide) + "tap-label " + doc->info.title[Lang::Ru] + "\nwait 200\n";
    TempDir dir;
    auto reader = run_kiosk_script(dir, open);
    REQUIRE_MESSAGE(reader.result.exit_code == 0, reader.result.err);
    CHECK(reader.state["screen"].string == "reader");
    CHECK(reader.state["document"].string == doc->info.id);
    CHECK(reader.state["lesson"].string == lesson->id);
    CHECK(reader.state["scroll_y"].number > 0);

    TempDir dir2;
    auto back = run_kiosk_script(dir2, open + f.tap("action.back") + "wait 100\n");
    REQUIRE_MESSAGE(back.result.exit_code == 0, back.result.err);
    CHECK(back.state["screen"].string == "lesson");
    CHECK(back.state["lesson"].string == lesson->id);
    CHECK(has_target(back.state, doc->info.title[Lang::Ru]));  // the same slide, with its link
}

TEST_CASE("a trainer PIN set with kioskctl opens trainer mode, and the group quiz is stored for trainer-results") {
    Fixture f;
    const kiosk::core::Lesson& lesson = f.content->lessons().at(0);
    TempDir dir;
    set_pin(dir, kTrainerTestPin, "trainer");

    // Another PIN does not open trainer mode; the trainer's own does.
    const std::string pad = f.tap("home.lessons_title") + f.tap("lessons.trainer");
    auto wrong_pin = run_kiosk_script(dir, pad + enter_pin("975310"));
    REQUIRE_MESSAGE(wrong_pin.result.exit_code == 0, wrong_pin.result.err);
    CHECK(wrong_pin.state["screen"].string == "pin");
    CHECK(wrong_pin.state["pin_failures"].number == 1);

    std::string script = pad + enter_pin(kTrainerTestPin) + "tap-label " + lesson.title[Lang::Ru] + "\n";
    for (size_t s = 1; s < lesson.slides.size(); ++s) script += f.tap("lesson.next");
    script += f.tap("trainer.start_quiz");
    // Question q: 2 + q participants pick the right answer, one picks the next option; on the
    // first question a mistaken tally on option A is taken back with the first row's −.
    for (size_t q = 0; q < lesson.questions.size(); ++q) {
        const kiosk::core::Question& question = lesson.questions[q];
        const int wrong = (question.correct_option + 1) % static_cast<int>(question.options.size());
        if (q == 0) script += "tap-label " + question.options[0][Lang::Ru] + "\ntap-label −\n";
        for (size_t i = 0; i < 2 + q; ++i)
            script += "tap-label " + question.options[question.correct_option][Lang::Ru] + "\n";
        script += "tap-label " + question.options[wrong][Lang::Ru] + "\n";
        script += f.tap("trainer.reveal");
        script += f.tap(q + 1 == lesson.questions.size() ? "trainer.show_results" : "quiz.next");
    }
    auto run = run_kiosk_script(dir, script + "wait 100\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(run.state["screen"].string == "trainer");
    CHECK(run.state["lesson"].string == lesson.id);
    CHECK(has_target(run.state, f.translations.get(Lang::Ru, "trainer.new_session")));

    auto listed = kiosk::test::run_command({KIOSKCTL_BIN, "trainer-results", "--data-dir", dir.file("data")});
    REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
    CHECK(listed.out.find("session 1\t" + lesson.id + "\t") != std::string::npos);
    int right = 0, all = 0;
    for (size_t q = 0; q < lesson.questions.size(); ++q) {
        right += 2 + static_cast<int>(q);
        all += 3 + static_cast<int>(q);
    }
    CHECK(listed.out.find(std::to_string(right) + " of " + std::to_string(all) + " answers correct") != std::string::npos);

    std::string error;
    auto store = kiosk::core::StateStore::open(dir.file("data"), kiosk::core::StateStore::OpenMode::ExistingOnly, &error);
    REQUIRE_MESSAGE(store, error);
    std::vector<kiosk::core::TrainerSession> sessions;
    REQUIRE(store->list_trainer_sessions(&sessions, &error));
    REQUIRE(sessions.size() == 1);
    REQUIRE(sessions[0].questions.size() == lesson.questions.size());
    for (size_t q = 0; q < lesson.questions.size(); ++q) {
        const kiosk::core::TrainerQuestionResult& result = sessions[0].questions[q];
        const int correct = lesson.questions[q].correct_option;
        const int wrong = (correct + 1) % static_cast<int>(lesson.questions[q].options.size());
        CAPTURE(q);
        CHECK(result.correct_option == correct);
        CHECK(result.participants[correct] == 2 + static_cast<int>(q));
        CHECK(result.participants[wrong] == 1);
    }
    CHECK(sessions[0].ended_at >= sessions[0].started_at);
}

TEST_CASE("a group session ended before its results is not stored") {
    Fixture f;
    const kiosk::core::Lesson& lesson = f.content->lessons().at(2);
    const kiosk::core::Question& first = lesson.questions[0];
    std::string script = f.tap("home.lessons_title") + f.tap("lessons.trainer") + enter_pin(kTrainerTestPin) +
                         "tap-label " + lesson.title[Lang::Ru] + "\n";
    for (size_t s = 1; s < lesson.slides.size(); ++s) script += f.tap("lesson.next");
    script += f.tap("trainer.start_quiz") + "tap-label " + first.options[0][Lang::Ru] + "\n" + f.tap("trainer.end");
    TempDir dir;
    set_pin(dir, kTrainerTestPin, "trainer");
    auto ended = run_kiosk_script(dir, script + "wait 100\n");
    REQUIRE_MESSAGE(ended.result.exit_code == 0, ended.result.err);
    CHECK(ended.state["screen"].string == "trainer");
    CHECK(ended.state["lesson"].is_null());  // back to choosing a lesson
    auto none = kiosk::test::run_command({KIOSKCTL_BIN, "trainer-results", "--data-dir", dir.file("data")});
    CHECK(none.exit_code == 0);
    CHECK(none.out.empty());
    CHECK(none.err.find("no trainer sessions recorded") != std::string::npos);
}

TEST_CASE("trainer mode outlasts the visitor idle timeout, and a session reset clears lessons and quizzes") {
    Fixture f;
    const kiosk::core::Lesson& lesson = f.content->lessons().at(0);
    // Waits happen on the lesson chooser: a running session's timer would draw a frame a second.
    const std::string trainer = f.tap("home.lessons_title") + f.tap("lessons.trainer") + enter_pin(kTrainerTestPin);
    {
        TempDir dir;
        set_pin(dir, kTrainerTestPin, "trainer");
        set_setting(dir, "idle_timeout_s", "15");
        set_setting(dir, "countdown_s", "5");
        auto run = run_kiosk_script(dir, trainer + "wait 600000\n");  // ten quiet minutes of talk
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["screen"].string == "trainer");
        CHECK(run.state["overlay"].is_null());
    }
    {
        TempDir dir;
        set_pin(dir, kTrainerTestPin, "trainer");
        auto run = run_kiosk_script(dir, trainer + "wait 1812000\n");  // just past the trainer's 30 minutes and the countdown
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["screen"].string == "attract");
    }
    {
        TempDir dir;
        set_setting(dir, "idle_timeout_s", "15");
        set_setting(dir, "countdown_s", "5");
        const kiosk::core::Question& q0 = lesson.questions[0];
        auto run = run_kiosk_script(dir, f.open_quiz(lesson) + "tap-label " + q0.options[q0.correct_option][Lang::Ru] +
                                             "\nwait 21000\ntap 900 500\nwait 200\n");
        REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
        CHECK(run.state["screen"].string == "home");
        CHECK(run.state["lesson"].is_null());
        CHECK(run.state["quiz_score"].is_null());
    }
}

TEST_CASE("the lesson screens draw every glyph and keep every touch target at least 48 px, in all languages") {
    Fixture f;
    const auto [lesson, slide, link] = find_deep_link(*f.content);
    for (Lang lang : kiosk::core::kAllLangs) {
        CAPTURE(kiosk::core::lang_code(lang));
        const kiosk::core::Question& q0 = lesson->questions[0];
        const std::vector<std::string> scripts = {
            f.open_slide(*lesson, slide, lang),
            f.open_quiz(*lesson, lang) + "tap-label " + q0.options[0][lang] + "\nwait 100\n",
        };
        for (const std::string& script : scripts) {
            TempDir dir;
            auto run = run_kiosk_script(dir, script, {"--lang", kiosk::core::lang_code(lang)});
            REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
            CHECK(run.state["missing_glyphs"].number == 0);
            check_target_sizes(run.state);
        }
    }
    // The lessons list with its discreet trainer button, and trainer mode's − and + counters.
    TempDir list_dir;
    auto list = run_kiosk_script(list_dir, f.tap("home.lessons_title") + "wait 100\n");
    REQUIRE_MESSAGE(list.result.exit_code == 0, list.result.err);
    CHECK(has_target(list.state, f.translations.get(Lang::Ru, "lessons.trainer")));
    check_target_sizes(list.state);
    TempDir dir;
    set_pin(dir, kTrainerTestPin, "trainer");
    std::string script = f.tap("home.lessons_title") + f.tap("lessons.trainer") + enter_pin(kTrainerTestPin) +
                         "tap-label " + lesson->title[Lang::Ru] + "\n";
    for (size_t s = 1; s < lesson->slides.size(); ++s) script += f.tap("lesson.next");
    auto run = run_kiosk_script(dir, script + f.tap("trainer.start_quiz") + "wait 100\n");
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    CHECK(has_target(run.state, "+"));
    check_target_sizes(run.state);
}

namespace {

// The panels every screen is made for, and their names in messages.
struct Panel {
    int width, height;
    bool largest_text = false;  // the visitor chose the largest text size first
};
const Panel kPanels[] = {{800, 480}, {1024, 600}, {1920, 1080}, {1080, 1920}, {800, 480, true}};

// The top bar's own targets (back, search, Aa, languages): the chrome's layout, checked there.
bool chrome_target(const std::string& id) {
    const auto ends_with = [&id](const std::string& tail) {
        return id.size() >= tail.size() && id.compare(id.size() - tail.size(), tail.size(), tail) == 0;
    };
    return id.rfind("top.", 0) == 0 || ends_with(".back") || ends_with(".home");
}

// Distance between two rectangles (x, y, w, h): 0 when they touch or overlap.
double rect_gap(const JsonValue& a, const JsonValue& b) {
    const double ax = a.array[0].number, ay = a.array[1].number, aw = a.array[2].number, ah = a.array[3].number;
    const double bx = b.array[0].number, by = b.array[1].number, bw = b.array[2].number, bh = b.array[3].number;
    const double dx = std::max({0.0, bx - (ax + aw), ax - (bx + bw)});
    const double dy = std::max({0.0, by - (ay + ah), ay - (by + bh)});
    return std::max(dx, dy);
}

// Every target on screen is inside it, at least 48 px both ways and at least 8 px from every
// other (the top bar's own targets among themselves excepted); every lesson picture is inside
// the card or panel it belongs to.
void check_layout(const JsonValue& state, const Panel& panel) {
    const auto& targets = state["touch_targets"].array;
    REQUIRE(!targets.empty());
    constexpr double kEdge = 0.5;  // a rounding error, not a misplaced target
    for (size_t i = 0; i < targets.size(); ++i) {
        const JsonValue& t = targets[i];
        CAPTURE(t["id"].string);
        const JsonValue& v = t["visible"];
        CHECK(t["w"].number >= 48);
        CHECK(t["h"].number >= 48);
        CHECK(v.array[0].number >= -kEdge);
        CHECK(v.array[1].number >= -kEdge);
        CHECK(v.array[0].number + v.array[2].number <= panel.width + kEdge);
        CHECK(v.array[1].number + v.array[3].number <= panel.height + kEdge);
        for (size_t j = i + 1; j < targets.size(); ++j) {
            const JsonValue& u = targets[j];
            if (chrome_target(t["id"].string) && chrome_target(u["id"].string)) continue;
            CAPTURE(u["id"].string);
            CHECK(rect_gap(v, u["visible"]) >= 8 - 0.01);
        }
    }
    for (const JsonValue& p : state["lesson_pictures"].array) {
        CAPTURE(p["owner"].string);
        const JsonValue& f = p["frame"];
        const double x = p["x"].number, y = p["y"].number, size = p["size"].number;
        CHECK(size > 0);
        CHECK(x >= f.array[0].number - kEdge);
        CHECK(y >= f.array[1].number - kEdge);
        CHECK(x + size <= f.array[0].number + f.array[2].number + kEdge);
        CHECK(y + size <= f.array[1].number + f.array[3].number + kEdge);
    }
}

// Runs `script` on `panel` in `lang`, the largest text size chosen first if the panel says so.
kiosk::test::KioskRun run_on(const TempDir& dir, const Panel& panel, Lang lang, const std::string& script) {
    std::string prefix;
    if (panel.largest_text)
        // A tap outside the panel, below the top bar, closes it.
        prefix = "tap-id top.a11y\nwait 100\ntap-id a11y.larger\nwait 100\ntap 4 " + std::to_string(panel.height - 4) +
                 "\nwait 100\n";
    auto run = run_kiosk_script(dir, prefix + script,
                                {"--lang", kiosk::core::lang_code(lang), "--size",
                                 std::to_string(panel.width) + "x" + std::to_string(panel.height)});
    REQUIRE_MESSAGE(run.result.exit_code == 0, run.result.err);
    if (panel.largest_text) CHECK(run.state["text_size"].number == 2);
    return run;
}

// The first lesson's slide with the most links into the documents (its first, if none link).
int slide_with_links(const kiosk::core::Lesson& lesson) {
    int best = 0;
    for (size_t s = 0; s < lesson.slides.size(); ++s)
        if (lesson.slides[s].links.size() > lesson.slides[static_cast<size_t>(best)].links.size())
            best = static_cast<int>(s);
    return best;
}

// Calls `check` for every panel in every language, naming both in its failures.
template <typename Check>
void for_each_panel(Check check) {
    for (const Panel& panel : kPanels) {
        for (Lang lang : kiosk::core::kAllLangs) {
            CAPTURE(panel.width);
            CAPTURE(panel.height);
            CAPTURE(panel.largest_text);
            CAPTURE(std::string(kiosk::core::lang_code(lang)));
            check(panel, lang);
        }
    }
}

std::string open_lesson_by_id(const kiosk::core::Lesson& lesson, int slides_forward, const char* next_id) {
    std::string script = std::string(kScrollHomeToEnd) + "tap-id home.lessons\nwait 100\ntap-id lessons.lesson." +
                         lesson.id + "\nwait 100\n";
    for (int i = 0; i < slides_forward; ++i) script += std::string("tap-id ") + next_id + "\nwait 50\n";
    return script + "wait 100\n";
}

}  // namespace

TEST_CASE("the lessons list and a slide fit every panel in every language, pictures inside their cards") {
    Fixture f;
    const kiosk::core::Lesson& lesson = f.content->lessons().at(0);
    for_each_panel([&](const Panel& panel, Lang lang) {
        TempDir list_dir;
        auto list = run_on(list_dir, panel, lang, std::string(kScrollHomeToEnd) + "tap-id home.lessons\nwait 100\n");
        CHECK(list.state["screen"].string == "lessons");
        CHECK(list.state["lesson_pictures"].array.size() >= 1);
        check_layout(list.state, panel);
        TempDir slide_dir;
        auto slide = run_on(slide_dir, panel, lang, open_lesson_by_id(lesson, slide_with_links(lesson), "lesson.next"));
        CHECK(slide.state["screen"].string == "lesson");
        CHECK(slide.state["lesson_pictures"].array.size() == 1);
        CHECK((kiosk::test::has_target_id(slide.state, "lesson.next") ||
               kiosk::test::has_target_id(slide.state, "lesson.take_quiz")));
        check_layout(slide.state, panel);
    });
}

TEST_CASE("the quiz fits every panel in every language, and its answers use a portrait screen") {
    Fixture f;
    const kiosk::core::Lesson& lesson = f.content->lessons().at(0);
    const int last = static_cast<int>(lesson.slides.size()) - 1;
    const std::string quiz = open_lesson_by_id(lesson, last, "lesson.next") + "tap-id lesson.take_quiz\nwait 100\n";
    for_each_panel([&](const Panel& panel, Lang lang) {
        TempDir dir;
        auto run = run_on(dir, panel, lang, quiz);
        CHECK(run.state["screen"].string == "quiz");
        check_layout(run.state, panel);
        double top = panel.height, bottom = 0;
        for (const JsonValue& t : run.state["touch_targets"].array)
            if (t["id"].string.rfind("quiz.option.", 0) == 0) {
                top = std::min(top, t["y"].number);
                bottom = std::max(bottom, t["y"].number + t["h"].number);
            }
        REQUIRE(bottom > top);
        if (panel.height > panel.width) CHECK(bottom - top > panel.height * 0.5);
        TempDir answered_dir;
        auto answered = run_on(answered_dir, panel, lang, quiz + "tap-id quiz.option.1\nwait 400\n");
        CHECK((kiosk::test::has_target_id(answered.state, "quiz.next") ||
               kiosk::test::has_target_id(answered.state, "quiz.finish")));
        check_layout(answered.state, panel);
    });
}

TEST_CASE("trainer mode's chooser and group quiz fit every panel in every language, steppers full size") {
    Fixture f;
    const kiosk::core::Lesson& lesson = f.content->lessons().at(0);
    const int last = static_cast<int>(lesson.slides.size()) - 1;
    for_each_panel([&](const Panel& panel, Lang lang) {
        const std::string chooser = std::string(kScrollHomeToEnd) +
                                    "tap-id home.lessons\nwait 100\ntap-id lessons.trainer\nwait 100\n" +
                                    enter_pin(kTrainerTestPin) + "wait 100\n";
        TempDir dir;
        set_pin(dir, kTrainerTestPin, "trainer");
        auto choose = run_on(dir, panel, lang, chooser);
        CHECK(choose.state["screen"].string == "trainer");
        CHECK(choose.state["lesson_pictures"].array.size() >= 1);
        check_layout(choose.state, panel);
        TempDir quiz_dir;
        set_pin(quiz_dir, kTrainerTestPin, "trainer");
        std::string script = chooser + "tap-id lessons.lesson." + lesson.id + "\nwait 100\n";
        for (int i = 0; i < last; ++i) script += "tap-id trainer.next\nwait 50\n";
        auto group = run_on(quiz_dir, panel, lang, script + "tap-id trainer.start_quiz\nwait 100\n");
        CHECK(kiosk::test::has_target_id(group.state, "trainer.plus.1"));
        CHECK(kiosk::test::has_target_id(group.state, "trainer.minus.1"));
        check_layout(group.state, panel);
    });
}
