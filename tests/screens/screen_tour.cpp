#include "screen_tour.h"

namespace kiosk::test {

namespace {

// Idle reset between screens: the shortest timeouts the settings accept.
constexpr int kIdleTimeoutS = 15;
constexpr int kCountdownS = 3;
constexpr const char* kSettle = "wait 400\n";  // fades and scrolls come to rest before a shot

const Lesson& first_lesson(const Tour& t) { return t.content->lessons().at(0); }

// From a lesson's first slide to its last (the lesson screen and trainer mode page alike).
std::string to_last_slide(const Tour& t, const char* next_key) {
    std::string s;
    for (size_t i = 1; i < first_lesson(t).slides.size(); ++i) s += t.tap(next_key);
    return s;
}

// Answers the current quiz question with its correct option, and goes on with `next_key`.
std::string answer(const Tour& t, size_t question, bool right) {
    const Question& q = first_lesson(t).questions.at(question);
    const size_t option = right ? static_cast<size_t>(q.correct_option) : (q.correct_option == 0 ? 1 : 0);
    return t.tap_text(q.options.at(option));
}

std::string home(const Tour&) { return ""; }
std::string accessibility(const Tour& t) { return t.tap("a11y.button"); }
std::string search(const Tour& t) { return t.tap("search.button"); }
// A popular topic's chip (every language has them).
std::string search_results(const Tour& t) {
    return t.tap("search.topic1");  // a topic chip, in every language
}
// The first document's home card, by its short title in each language.
std::string reader(const Tour& t) {
    const DocumentInfo& info = t.content->documents().at(0).info;
    LocalizedText card;
    for (Lang lang : kAllLangs) card[lang] = info.card_title(lang);
    return t.tap_text(card);
}
// The lessons entry completes the library, below the fold on a small panel and in portrait:
// three upward drags scroll home to its end first.
std::string home_lessons(const Tour& t) {
    std::string s;
    const std::string x = std::to_string(t.width / 2);
    for (int i = 0; i < 3; ++i)
        s += "drag " + x + " " + std::to_string(t.height * 8 / 10) + " " + x + " " + std::to_string(t.height * 3 / 10) +
             " 400\nwait 300\n";
    return s + "wait 1500\n" + t.tap("home.lessons_title");
}
std::string lessons(const Tour& t) { return home_lessons(t); }
std::string lesson(const Tour& t) { return t.tap_text(first_lesson(t).title); }
std::string lesson_last(const Tour& t) { return to_last_slide(t, "lesson.next"); }
std::string quiz(const Tour& t) { return t.tap("lesson.take_quiz"); }
std::string quiz_answered(const Tour& t) { return answer(t, 0, false); }
std::string quiz_score(const Tour& t) {
    const size_t questions = first_lesson(t).questions.size();
    std::string s = t.tap(questions > 1 ? "quiz.next" : "quiz.finish");
    for (size_t i = 1; i < questions; ++i)
        s += answer(t, i, true) + t.tap(i + 1 < questions ? "quiz.next" : "quiz.finish");
    return s;
}
std::string topics(const Tour& t) { return t.tap("home.explore.topics"); }
std::string topic(const Tour& t) { return t.tap_text(t.content->explore().topics.at(0).name); }
std::string glossary(const Tour& t) { return t.tap("home.explore.glossary"); }
std::string timeline(const Tour& t) { return t.tap("home.explore.timeline"); }
std::string timeline_entry(const Tour& t) { return t.tap_text(t.content->overview().timeline.at(0).title); }
std::string members(const Tour& t) { return t.tap("home.explore.members"); }
std::string member(const Tour& t) { return t.tap_text(t.content->overview().members.at(0).name); }
std::string about(const Tour& t) { return t.tap("home.explore.about"); }
std::string pin(const Tour& t) { return t.corner(); }
std::string admin(const Tour& t) { return t.pin(kTourOrganizerPin); }
std::string stats(const Tour& t) { return t.tap("stats.open"); }
std::string countdown(const Tour&) { return "wait " + std::to_string(kIdleTimeoutS * 1000 + 1200) + "\n"; }
std::string trainer(const Tour& t) { return home_lessons(t) + t.tap("lessons.trainer") + t.pin(kTourTrainerPin); }
std::string trainer_slide(const Tour& t) { return t.tap_text(first_lesson(t).title); }
std::string trainer_quiz(const Tour& t) { return to_last_slide(t, "lesson.next") + t.tap("trainer.start_quiz"); }
std::string trainer_results(const Tour& t) {
    std::string s;
    for (size_t i = 0; i < first_lesson(t).questions.size(); ++i) {
        s += answer(t, i, true) + answer(t, i, i % 2 == 0) + t.tap("trainer.reveal");
        s += t.tap(i + 1 < first_lesson(t).questions.size() ? "quiz.next" : "trainer.show_results");
    }
    return s;
}

}  // namespace

std::string Tour::tap(const char* key) const { return "tap-label " + strings->get(lang, key) + "\n"; }

std::string Tour::tap_text(const LocalizedText& text) const {
    const std::string& own = text[lang];
    return "tap-label " + (own.empty() ? text[Lang::Ru] : own) + "\n";
}

std::string Tour::corner() const {
    std::string s;
    for (int i = 0; i < 5; ++i) s += "tap " + std::to_string(width - 4) + " 4\n";
    return s;
}

std::string Tour::pin(const std::string& digits) const {
    std::string s;
    for (char digit : digits) s += std::string("tap-label ") + digit + "\n";
    return s + tap("pin.ok");
}

const std::vector<TourScreen>& tour_screens() {
    // The attract loop cannot be shown in high contrast: the session reset before it clears it.
    static const std::vector<TourScreen> screens = {
        {"home", "home", true, false, home},
        {"accessibility", "home", true, true, accessibility},
        {"search", "search", true, false, search},
        {"search-results", "search", true, true, search_results},
        {"reader", "reader", true, false, reader},
        {"lessons", "lessons", true, false, lessons},
        {"lesson", "lesson", true, true, lesson},
        {"lesson-last", "lesson", true, true, lesson_last},
        {"quiz", "quiz", true, true, quiz},
        {"quiz-answered", "quiz", true, true, quiz_answered},
        {"quiz-score", "quiz", true, true, quiz_score},
        {"topics", "topics", true, false, topics},
        {"topic", "topic", true, true, topic},
        {"glossary", "glossary", true, false, glossary},
        {"timeline", "timeline", true, false, timeline},
        {"timeline-entry", "timeline", true, true, timeline_entry},
        {"members", "members", true, false, members},
        {"member", "members", true, true, member},
        {"about", "about", true, false, about},
        {"pin", "pin", true, false, pin},
        // Uptime, memory, frames drawn and the data directory's path change from run to run.
        {"admin", "admin", false, true, admin},
        // Periods counted back from today's date.
        {"stats", "stats", false, true, stats},
        {"countdown", "home", true, false, countdown},
        {"attract", "attract", true, false, home},  // tour_script waits for the idle reset
        // Last: trainer mode keeps a session for 30 minutes, longer than the idle reset.
        {"trainer", "trainer", true, false, trainer},
        {"trainer-slide", "trainer", true, true, trainer_slide},
        {"trainer-quiz", "trainer", true, true, trainer_quiz},
        {"trainer-results", "trainer", true, true, trainer_results},
    };
    return screens;
}

std::vector<std::pair<std::string, std::string>> tour_settings(const Tour& tour) {
    return {{"idle_timeout_s", std::to_string(kIdleTimeoutS)},
            {"countdown_s", std::to_string(kCountdownS)},
            {"default_language", lang_code(tour.lang)},
            {"attract", "on"}};
}

const char* tour_output_extension(TourOutput output) { return output == TourOutput::Shots ? ".png" : ".json"; }

std::string tour_script(const Tour& tour, const std::string& out_dir, size_t first, TourOutput output) {
    const std::vector<TourScreen>& screens = tour_screens();
    std::string script = "# " + std::string(lang_code(tour.lang)) + " " + std::to_string(tour.width) + "x" +
                         std::to_string(tour.height) + (tour.high_contrast ? " high contrast" : "") +
                         (tour.largest_text ? " largest text" : "") + "\n";
    bool started = false, on_attract = false;
    for (size_t i = first; i < screens.size(); ++i) {
        const TourScreen& screen = screens[i];
        const std::string shot = std::string(output == TourOutput::Shots ? "shot " : "dump ") + out_dir + "/" +
                                 screen.name + tour_output_extension(output) + "\n";
        if (started && screen.continues) {
            script += "# " + std::string(screen.name) + "\n" + screen.steps(tour) + kSettle + shot;
            continue;
        }
        script += "# " + std::string(screen.name) + " (a new session)\n";
        const bool attract = std::string(screen.name) == "attract";
        // The idle reset ends the session: the countdown, then the attract loop. One tap wakes
        // the kiosk up at home. A run starts at home.
        if ((started || attract) && !on_attract)
            script += "wait " + std::to_string((kIdleTimeoutS + kCountdownS) * 1000 + 1000) + "\n";
        if (attract) {
            script += kSettle + shot;
            started = on_attract = true;
            continue;
        }
        if (started) script += "tap " + std::to_string(tour.width / 2) + " " + std::to_string(tour.height / 2) + "\n";
        started = true;
        on_attract = false;
        script += "wait 200\n";
        if (tour.high_contrast)
            script += tour.tap("a11y.button") + tour.tap("a11y.contrast_on") + tour.tap("action.close");
        // From the default size to the largest: one step up, then a tap outside the panel closes
        // it (its Close button may be off a small screen).
        if (tour.largest_text)
            script += "tap-id top.a11y\ntap-id a11y.larger\ntap 2 " + std::to_string(tour.height - 2) + "\n";
        script += screen.steps(tour) + kSettle + shot;
    }
    return script;
}

size_t next_fresh_screen(size_t failed) {
    const std::vector<TourScreen>& screens = tour_screens();
    size_t next = failed + 1;
    while (next < screens.size() && screens[next].continues) ++next;
    return next;
}

}  // namespace kiosk::test
