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

enum class LineStyle : unsigned char {
    Heading,  // a section heading: bold; centred when not numbered (an annex's title)
    Paragraph,
    ListItem,
    Signature,
    Caption,     // the captions above the two columns of the side-by-side view
    TitleBlock,  // the title block at the head of the official text: bold and centred
    LeadTitle,   // the visitor's title, leading the column
    LeadLabel,   // "Summary — not an official text"
    LeadText,    // the visitor's summary
    LeadNote,    // which text follows: "Official text (Russian)" or a translation's note
    EndMark,     // "End of document", under the last block
};

struct LaidLine {
    const char* begin = nullptr;  // into the Document's strings, which outlive the layout
    const char* end = nullptr;
    const Font* font = nullptr;  // the style it was broken with and is drawn with
    float x = 0, y = 0;          // relative to the top-left of the text column
    LineStyle style = LineStyle::Paragraph;
    Lang lang = Lang::Ru;         // the language of the text on this line
    bool original = false;        // the Russian original shown with a translation
    bool first_of_block = false;  // list items draw their bullet on this line
    int block = -1;               // index into Document::blocks; -1 for headings, captions and the lead
};

// A band drawn behind some lines of the lead (the summary, the note on which text follows).
struct LaidBand {
    float top = 0, bottom = 0;
    bool official = false;  // the note over the official text (else a translation's, or the summary)
};

// What the text column shows.
struct ReaderView {
    Lang lang = Lang::Ru;                              // the text's language
    bool side_by_side = false;                         // a translation with the original in a second column
    const std::vector<char>* originals = nullptr;      // per block: its original shown below (single column)
    int originals_version = 0;                         // changes whenever `originals` does
    const std::string* caption_translation = nullptr;  // column captions of the side-by-side view
    const std::string* caption_original = nullptr;
    // The lead above the text, in the visitor's language: their title and summary, then the note
    // saying which text follows ("Official text (Russian)", or a translation made for the kiosk).
    // Null members are left out. The end mark follows the last block.
    Lang lead_lang = Lang::Ru;
    const std::string* lead_title = nullptr;
    const std::string* summary_label = nullptr;
    const std::string* summary = nullptr;
    const std::string* note_heading = nullptr;
    const std::string* note = nullptr;
    const std::string* end_mark = nullptr;

    bool translated() const { return lang != Lang::Ru; }
    bool two_columns() const { return translated() && side_by_side; }
};

struct ReaderLayout {
    const Document* document = nullptr;
    int text_size = -1;
    float body_px = 0;  // the body font size it was laid out with
    float width = 0;
    Lang lang = Lang::Ru;
    Lang lead_lang = Lang::Ru;
    const std::string* note = nullptr;
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
    std::vector<LaidBand> bands;      // behind the summary and the note
    float text_top = 0;               // where the document's own text starts, under the lead
    float end_rule = -1;              // y of the quiet rule of the end mark; -1: none

    // Still right for this document, text size, body font size (it changes with the screen), width and view.
    bool matches(const Document* doc, int size, float body_size, float column_width, const ReaderView& view) const {
        return document == doc && text_size == size && body_px == body_size && width == column_width &&
               lang == view.lang && side_by_side == view.two_columns() && originals_version == view.originals_version &&
               lead_lang == view.lead_lang && note == view.note;
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

// The blocks of the title block at the head of `doc`'s official text (the kind of act, the body
// that adopted it, date, number, place and subject, centred in the printed original): the leading
// paragraphs of an untitled opening section up to the first that ends a sentence or clause
// (. : ; , ! ? …). The sources have no marker for it; this structure holds in every SCO act.
// Returns how many blocks it holds (0: none, e.g. a document that opens with a heading or prose).
size_t title_block_size(const Document& doc);

// True when the side-by-side view fits `column_width`: the Russian original's column (body text
// `original`) must hold a comfortable line of about 17 ems, and so must the translation's (body
// text `translation`), where a Chinese line reads well at about 14 characters.
bool side_by_side_fits(const Font& translation, const Font& original, Lang translation_lang, float column_width);

}  // namespace kiosk::ui
