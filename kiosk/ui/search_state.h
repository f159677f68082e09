// What the search screen and the reader's match stepping remember between frames
// (part of UiState; a session reset clears it with the rest).
#pragma once

#include "core/content_model.h"
#include "core/kinetic_scroll.h"
#include "core/lesson_model.h"
#include "core/search_index.h"
#include "core/text_layout.h"
#include "ui/onscreen_keyboard.h"
#include "ui/text_cache.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace kiosk::ui {

enum class Screen;  // ui_state.h

// One row of the results list: the hit, what it opens, and its snippet ready to draw.
struct SearchResult {
    SearchHit hit;
    const Document* document = nullptr;  // exactly one of document and lesson is set
    const Lesson* lesson = nullptr;
    std::string snippet;                 // the hit's snippet without match markers
    std::vector<TextRange> matches;      // matched byte ranges of `snippet`
    WrapSlot snippet_lines;              // the snippet wrapped for the width and font it was last drawn with
};

struct SearchState {
    std::string query;           // what the visitor has typed
    std::string searched;        // the query the results belong to
    std::vector<SearchResult> results;
    KeyboardLayout layout = KeyboardLayout::Russian;
    PinyinInput::View ime_view;                  // the input method's composition and candidates
    std::vector<PinyinInput::Event> ime_events;  // scratch for applying its events (no per-frame allocation)
    Lang layout_language = Lang::Ru;  // the visitor language `layout` was chosen for
    bool layout_chosen = false;       // false until the screen first opens in a session
    KineticScroll scroll;
    float list_height = 0;            // measured while drawing, the scroll extent
    Screen return_to{};               // where the back button goes (value 0: Screen::Home)
};

// A match the reader highlights: a byte range of one block's text, or of one section heading.
struct ReaderMatch {
    int block = -1;    // index into Document::blocks, or -1 for a heading
    int section = -1;  // index into Document::sections when it is a heading
    Lang lang = Lang::Ru;  // which text: the original or a translation
    size_t begin = 0, end = 0;
    int line = -1;     // first ReaderLayout line holding it; -1 until the layout is built
};

// The search the reader was opened from: the matches of the document in reading order.
struct ReaderMatches {
    std::string query;          // the search, to find its matches again when the view changes
    std::vector<ReaderMatch> matches;
    int current = -1;           // the match the visitor stepped to; -1: none yet
    bool scroll_pending = false;  // scroll to `current` once the layout exists
    bool scroll_animated = false; // glide there (stepping) rather than jump (opening)
    bool from_search = false;     // the reader's back button returns to the search screen
};

}  // namespace kiosk::ui
