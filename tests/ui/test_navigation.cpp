// ui::Navigation, the screen stack in UiState, on its own: no ImGui, no kiosk binary.
#include "ui/navigation.h"
#include "ui/ui_state.h"

#include <doctest/doctest.h>

#include <iterator>

using kiosk::ui::Navigation;
using kiosk::ui::Screen;
using kiosk::ui::UiState;

TEST_CASE("navigation starts at home with nothing to go back to") {
    Navigation nav;
    CHECK(nav.current() == Screen::Home);
    CHECK(nav.depth() == 0);
    CHECK(nav.previous() == Screen::Home);
}

TEST_CASE("back returns through the screens in the order they were opened") {
    Navigation nav;
    nav.push(Screen::Search);
    nav.push(Screen::Reader);
    nav.push(Screen::Timeline);
    CHECK(nav.current() == Screen::Timeline);
    CHECK(nav.depth() == 2);
    CHECK(nav.previous() == Screen::Reader);
    CHECK(nav.pop() == Screen::Reader);
    CHECK(nav.pop() == Screen::Search);
    CHECK(nav.pop() == Screen::Home);
    CHECK(nav.depth() == 0);
}

TEST_CASE("back on an empty stack goes home and stays there") {
    Navigation nav;
    CHECK(nav.pop() == Screen::Home);
    CHECK(nav.pop() == Screen::Home);
    nav.reset(Screen::Attract);
    CHECK(nav.pop() == Screen::Home);  // the attract loop is never gone back to
    CHECK(nav.depth() == 0);
}

TEST_CASE("home and the attract loop are never kept beneath another screen") {
    Navigation nav;
    nav.push(Screen::Reader);
    CHECK(nav.depth() == 0);
    nav.reset(Screen::Attract);
    nav.push(Screen::Pin);
    CHECK(nav.depth() == 0);
    CHECK(nav.previous() == Screen::Home);
}

TEST_CASE("going home by any way forgets the history") {
    Navigation nav;
    nav.push(Screen::Lessons);
    nav.push(Screen::Lesson);
    nav.push(Screen::Home);
    CHECK(nav.current() == Screen::Home);
    CHECK(nav.depth() == 0);
    nav.push(Screen::Topics);
    nav.push(Screen::Topic);
    nav.replace(Screen::Home);
    CHECK(nav.current() == Screen::Home);
    CHECK(nav.depth() == 0);
}

TEST_CASE("a reset clears the stack and shows the root it is given") {
    Navigation nav;
    nav.push(Screen::Search);
    nav.push(Screen::Reader);
    nav.reset(Screen::Attract);
    CHECK(nav.current() == Screen::Attract);
    CHECK(nav.depth() == 0);
    CHECK_FALSE(nav.contains(Screen::Search));
    nav.push(Screen::Search);
    nav.reset();
    CHECK(nav.current() == Screen::Home);
    CHECK(nav.depth() == 0);
}

TEST_CASE("a session reset of UiState starts from an empty stack") {
    UiState state;
    state.nav.push(Screen::Search);
    state.nav.push(Screen::Reader);
    state = UiState{};
    CHECK(state.screen() == Screen::Home);
    CHECK(state.nav.depth() == 0);
}

TEST_CASE("going to the current screen keeps the way back") {
    Navigation nav;
    nav.push(Screen::Timeline);
    nav.push(Screen::Reader);
    nav.push(Screen::Reader);  // a cross-reference to another document
    CHECK(nav.depth() == 1);
    CHECK(nav.pop() == Screen::Timeline);
}

TEST_CASE("a screen is at most once in the stack") {
    Navigation nav;
    nav.push(Screen::Reader);
    nav.push(Screen::Search);
    nav.push(Screen::Reader);  // a search result: the reader's one state now shows another document
    CHECK(nav.depth() == 1);
    CHECK(nav.previous() == Screen::Search);
    CHECK(nav.pop() == Screen::Search);
    CHECK(nav.pop() == Screen::Home);
}

TEST_CASE("a replaced screen is skipped by back") {
    Navigation nav;
    nav.push(Screen::Lessons);
    nav.push(Screen::Pin);
    nav.replace(Screen::Trainer);
    CHECK(nav.current() == Screen::Trainer);
    CHECK_FALSE(nav.contains(Screen::Pin));
    CHECK(nav.pop() == Screen::Lessons);
}

TEST_CASE("replacing with a screen beneath takes it out from there") {
    Navigation nav;
    nav.push(Screen::Admin);
    nav.push(Screen::Pin);  // the corner taps again, on the organizer panel
    nav.replace(Screen::Admin);
    CHECK(nav.current() == Screen::Admin);
    CHECK(nav.depth() == 0);
}

TEST_CASE("back_to unwinds to a screen beneath and otherwise opens it from home") {
    Navigation nav;
    nav.push(Screen::Lessons);
    nav.push(Screen::Lesson);
    nav.push(Screen::Quiz);
    nav.back_to(Screen::Lessons);
    CHECK(nav.current() == Screen::Lessons);
    CHECK(nav.depth() == 0);

    nav.reset();
    nav.push(Screen::Search);
    nav.push(Screen::Lesson);
    nav.push(Screen::Quiz);
    nav.back_to(Screen::Lessons);  // the lessons list was never opened: a way in from home
    CHECK(nav.current() == Screen::Lessons);
    CHECK(nav.depth() == 0);
    CHECK(nav.pop() == Screen::Home);
}

TEST_CASE("the stack is bounded and forgets its oldest screens first") {
    const Screen path[] = {Screen::Topics, Screen::Topic,    Screen::Reader, Screen::Glossary,
                           Screen::Search, Screen::Lessons,  Screen::Lesson, Screen::Quiz,
                           Screen::About,  Screen::Timeline, Screen::Members};
    Navigation nav;
    for (Screen screen : path) {
        nav.push(screen);
        CHECK(nav.depth() <= Navigation::kMaxDepth);
    }
    REQUIRE(nav.depth() == Navigation::kMaxDepth);
    CHECK_FALSE(nav.contains(Screen::Topics));  // the two oldest are gone
    CHECK_FALSE(nav.contains(Screen::Topic));
    // Back walks the newest kMaxDepth screens in reverse, then goes home.
    for (size_t i = 0; i < Navigation::kMaxDepth; ++i) CHECK(nav.pop() == path[std::size(path) - 2 - i]);
    CHECK(nav.current() == Screen::Reader);
    CHECK(nav.pop() == Screen::Home);
}
