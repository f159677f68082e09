// What the search screen and the reader's match stepping remember between frames
// (part of UiState; a session reset clears it with the rest).
#pragma once

#include "core/content_model.h"
#include "core/kinetic_scroll.h"
#include "core/lesson_model.h"
#include "core/reader_matches.h"
#include "core/search_results.h"
#include "core/text_layout.h"
#include "ui/onscreen_keyboard.h"
#include "ui/text_cache.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

// One row of the results list: the hit, what it opens, and its snippet ready to draw.
struct SearchResult {
    SearchHit hit;
    const Document* document = nullptr;  // exactly one of document and lesson is set
    const Lesson* lesson = nullptr;
    std::string snippet;             // the hit's snippet without match markers
    std::vector<TextRange> matches;  // matched byte ranges of `snippet`
    WrapSlot snippet_lines;          // the snippet wrapped for the width and font it was last drawn with
};

struct SearchState {
    std::string query;     // what the visitor has typed
    std::string searched;  // the query the results belong to
    std::vector<SearchResult> results;
    KeyboardLayout layout = KeyboardLayout::Russian;
    bool digits = false;         // the "123" key shows the digits in place of the letters (small panels)
    PinyinInput::View ime_view;  // the input method's composition and candidates
    std::vector<PinyinInput::Event> ime_events;  // scratch for applying its events (no per-frame allocation)
    Lang layout_language = Lang::Ru;             // the visitor language `layout` was chosen for
    bool layout_chosen = false;                  // false until the screen first opens in a session
    KineticScroll scroll;
    float list_height = 0;  // measured while drawing, the scroll extent
};

// The search the reader was opened from: the matches of the document in reading order
// (ReaderMatch and what is done with them: core/reader_matches.h).
struct ReaderMatches {
    std::string query;  // the search, to find its matches again when the view changes
    std::vector<ReaderMatch> matches;
    int current = -1;              // the match the visitor stepped to; -1: none yet
    bool scroll_pending = false;   // scroll to `current` once the layout exists
    bool scroll_animated = false;  // glide there (stepping) rather than jump (opening)
};

}  // namespace kiosk::ui
