// What the topics and glossary screens and the reader's links remember between frames (part of
// UiState; a session reset clears it with the rest).
#pragma once

#include "core/explore_model.h"
#include "core/kinetic_scroll.h"

#include <cstddef>
#include <string>
#include <vector>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

// A tappable mention in the reader's text: a byte range of one block's text in one language.
struct ReaderLink {
    int block = -1;  // index into Document::blocks
    Lang lang = Lang::Ru;
    size_t begin = 0, end = 0;
    const PassageLink* link = nullptr;  // into ContentStore::explore().links
    std::string label;                  // its words, the touch target's label (made once, not per frame)
};

// The card shown over the reader after a tap on a glossary term or on an act the kiosk does not hold.
struct ReaderPopover {
    const GlossaryTerm* term = nullptr;
    const ExternalAct* act = nullptr;
    // Its lines in `lang`, made when it opens (and again if the language changes): the text
    // cache needs strings that outlive the frame.
    Lang lang = Lang::Ru;
    double opened_at = -1;  // kiosk clock of the tap that opened it
    std::string kind, title, body, note;
    bool open() const { return term || act; }
};

struct ExploreState {
    KineticScroll topics_scroll;  // the topic tiles
    KineticScroll topic_scroll;   // one topic's passages
    float topic_height = 0;       // measured while drawing, the scroll extent
    KineticScroll glossary_scroll;
    float glossary_height = 0;
    Lang sources_lang = Lang::Ru;
    std::vector<std::string> sources;  // per term: where its definition comes from, made once per language
    const Topic* topic = nullptr;      // the topic whose passages are listed
    Lang labels_lang = Lang::Ru;       // the language `labels` were made in
    std::vector<std::string> labels;   // per topic: "12 passages", made once per language
};

}  // namespace kiosk::ui
