// The laid-out text of one document for the reader: every line with its position,
// computed once per (document, text size, column width) and then only drawn.
#pragma once

#include "core/content_model.h"
#include "ui/fonts.h"

#include <vector>

namespace kiosk::ui {

enum class LineStyle : unsigned char { Heading, Paragraph, ListItem, Signature };

struct LaidLine {
    const char* begin = nullptr;  // into the Document's strings, which outlive the layout
    const char* end = nullptr;
    float x = 0, y = 0;           // relative to the top-left of the text column
    LineStyle style = LineStyle::Paragraph;
    bool first_of_block = false;  // list items draw their bullet on this line
    int block = -1;               // index into Document::blocks; -1 for headings
};

struct ReaderLayout {
    const Document* document = nullptr;
    int text_size = -1;
    float width = 0;
    float height = 0;                 // total height of the column
    float line_height = 0;            // body line height, for scroll steps
    std::vector<LaidLine> lines;      // sorted by y
    std::vector<float> block_top;     // y of each block
    std::vector<float> section_top;   // y of each section heading (or first block)

    bool matches(const Document* doc, int size, float column_width) const {
        return document == doc && text_size == size && width == column_width;
    }
    void build(const Document& doc, const FontSet& fonts, int size, float column_width, float scale);
    // Index of the first line whose bottom is below `y` (binary search), for drawing only what is visible.
    size_t first_visible_line(float y) const;
    // The section shown at scroll offset `y`.
    int section_at(float y) const;
};

}  // namespace kiosk::ui
