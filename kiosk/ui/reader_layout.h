// The laid-out text of one document for the reader: every line with its position,
// computed once per (document, view, text size, column width) and then only drawn.
//
// A view is the document in one language: the Russian original, or a translation made for
// the kiosk, alone (with the originals of tapped blocks shown below them) or side by side
// with the original, aligned block by block so that both columns scroll together.
#pragma once

#include "core/content_model.h"
#include "ui/fonts.h"

#include <string>
#include <vector>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

enum class LineStyle : unsigned char { Heading, Paragraph, ListItem, Signature, Caption };

struct LaidLine {
    const char* begin = nullptr;  // into the Document's strings, which outlive the layout
    const char* end = nullptr;
    float x = 0, y = 0;  // relative to the top-left of the text column
    LineStyle style = LineStyle::Paragraph;
    Lang lang = Lang::Ru;         // the language of the text on this line
    bool original = false;        // the Russian original shown with a translation
    bool first_of_block = false;  // list items draw their bullet on this line
    int block = -1;               // index into Document::blocks; -1 for headings and captions
};

// What the text column shows.
struct ReaderView {
    Lang lang = Lang::Ru;                              // the text's language
    bool side_by_side = false;                         // a translation with the original in a second column
    const std::vector<char>* originals = nullptr;      // per block: its original shown below (single column)
    int originals_version = 0;                         // changes whenever `originals` does
    const std::string* caption_translation = nullptr;  // column captions of the side-by-side view
    const std::string* caption_original = nullptr;

    bool translated() const { return lang != Lang::Ru; }
    bool two_columns() const { return translated() && side_by_side; }
};

struct ReaderLayout {
    const Document* document = nullptr;
    int text_size = -1;
    float body_px = 0;  // the body font size it was laid out with
    float width = 0;
    Lang lang = Lang::Ru;
    bool side_by_side = false;
    int originals_version = -1;
    float column_gap = 0;             // between the two columns of the side-by-side view
    float height = 0;                 // total height of the column
    float line_height = 0;            // body line height, for scroll steps
    float paragraph_gap = 0;          // between two blocks
    std::vector<LaidLine> lines;      // sorted by y
    std::vector<float> block_top;     // y of each block
    std::vector<float> block_bottom;  // y below each block's last line (of either column)
    std::vector<float> section_top;   // y of each section heading (or first block)

    // Still right for this document, text size, body font size (it changes with the screen), width and view.
    bool matches(const Document* doc, int size, float body_size, float column_width, const ReaderView& view) const {
        return document == doc && text_size == size && body_px == body_size && width == column_width &&
               lang == view.lang && side_by_side == view.two_columns() && originals_version == view.originals_version;
    }
    void build(const Document& doc, const FontSet& fonts, int size, float column_width, float scale, const ReaderView& view);
    // Index of the first line whose bottom is below `y` (binary search), for drawing only what is visible.
    size_t first_visible_line(float y) const;
    // The section shown at scroll offset `y`.
    int section_at(float y) const;
    // The block (Document::blocks index) at height `y` of the column, or -1 between blocks.
    int block_at(float y) const;
    // The block at the top of a view scrolled to `y`: the one at `y`, else the first below it; -1 if none.
    int top_block(float y) const;
};

// True when the side-by-side view fits `column_width` with body text of `font`: each column
// must hold a comfortable line (about 17 body-size ems).
bool side_by_side_fits(const Font& font, float column_width);

}  // namespace kiosk::ui
