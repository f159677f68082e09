// Where the visitor is and how they got there: the screen showing and, beneath it, the
// screens Back returns to. Part of UiState, so a session reset clears it with the rest.
// No ImGui here: the rules are unit-tested on their own (tests/ui/test_navigation.cpp).
#pragma once

#include <array>
#include <cstddef>

namespace kiosk::ui {

enum class Screen {
    Home,
    Reader,
    Attract,
    Pin,
    Admin,
    Search,
    Lessons,
    Lesson,
    Quiz,
    Trainer,
    Topics,
    Topic,
    Glossary,
    Stats,
    About,
    Timeline,
    Members
};
// The `screen` value of the state dump: "home", "reader", "attract", "pin", "admin", "search",
// "lessons", "lesson", "quiz", "trainer", "topics", "topic", "glossary", "stats", "about",
// "timeline", "members".
const char* screen_name(Screen screen);

// Each screen keeps one state in UiState (one reader, one search), so a screen is at most once
// in the history: going forward to a screen already beneath takes it out from there, and Back
// never shows a screen whose state was since reused for something else. Home is the root:
// reaching it by any way forgets the history.
class Navigation {
public:
    // Screens kept beneath the current one; beyond that the oldest is forgotten (Back from the
    // last one kept goes home). No visitor's path is that deep, and the stack never allocates.
    static constexpr size_t kMaxDepth = 8;

    Screen current() const { return current_; }
    // The screen Back returns to (Home when nothing is beneath).
    Screen previous() const { return depth_ ? history_[depth_ - 1] : Screen::Home; }
    size_t depth() const { return depth_; }
    Screen beneath(size_t i) const { return history_[i]; }  // i < depth(): 0 is the oldest
    bool contains(Screen screen) const;                     // beneath the current one

    // Goes forward to `screen`; Back returns to the current one. Going to the current screen
    // changes nothing (a link to another document keeps the reader's way back).
    void push(Screen screen);
    // Shows `screen` instead of the current one, which Back then skips (a PIN pad, once passed).
    void replace(Screen screen);
    // Back: the screen beneath, or Home when there is none. Returns the new current screen.
    Screen pop();
    // Back to `screen` if it is beneath, forgetting what is above it; otherwise `screen` as if
    // opened from Home (the lessons list after a quiz reached from a search).
    void back_to(Screen screen);
    // Forgets the history and shows `root` (Home, or the attract loop after a session reset).
    void reset(Screen root = Screen::Home);

private:
    void remove(Screen screen);

    Screen current_ = Screen::Home;
    std::array<Screen, kMaxDepth> history_{};
    size_t depth_ = 0;
};

}  // namespace kiosk::ui
