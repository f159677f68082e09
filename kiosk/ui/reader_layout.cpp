#include "ui/reader_layout.h"

#include "core/text_layout.h"
#include "ui/text_renderer.h"

#include <algorithm>

namespace kiosk::ui {

void ReaderLayout::build(const Document& doc, const FontSet& fonts, int size, float column_width, float scale) {
    document = &doc;
    text_size = size;
    width = column_width;
    lines.clear();
    block_top.assign(doc.blocks.size(), 0.0f);
    section_top.assign(doc.sections.size(), 0.0f);

    const Font* body = fonts.reader[size];
    const Font* heading = fonts.reader_heading[size];
    line_height = body->size * 1.45f;
    const float heading_line = heading->size * 1.3f;
    const float paragraph_gap = body->size * 0.7f;
    const float indent = body->size * 1.6f;

    float y = 0;
    auto lay_text = [&](const std::string& text, const Font* font, float x, float max_width, float advance,
                        LineStyle style, int block) {
        bool first = true;
        for (const LineSpan& span : font->renderer->break_lines(*font, text, max_width, "ru")) {
            LaidLine line;
            line.begin = text.data() + span.begin;
            line.end = text.data() + span.end;
            line.x = style == LineStyle::Signature ? column_width - span.width : x;
            line.y = y;
            line.style = style;
            line.first_of_block = first;
            line.block = block;
            lines.push_back(line);
            first = false;
            y += advance;
        }
    };

    size_t next_block = 0;
    for (size_t s = 0; s < doc.sections.size(); ++s) {
        const Section& section = doc.sections[s];
        size_t end_block = s + 1 < doc.sections.size() ? static_cast<size_t>(doc.sections[s + 1].first_block)
                                                       : doc.blocks.size();
        if (!section.heading.empty()) {
            if (y > 0) y += heading->size * 0.9f;
            section_top[s] = y;
            lay_text(section.heading, heading, 0, column_width, heading_line, LineStyle::Heading, -1);
            y += paragraph_gap * 0.6f;
        } else {
            section_top[s] = y;
        }
        for (; next_block < end_block && next_block < doc.blocks.size(); ++next_block) {
            const Block& block = doc.blocks[next_block];
            block_top[next_block] = y;
            switch (block.kind) {
                case BlockKind::ListItem:
                    lay_text(block.text, body, indent, column_width - indent, line_height,
                             LineStyle::ListItem, static_cast<int>(next_block));
                    break;
                case BlockKind::Signature:
                    lay_text(block.text, body, 0, column_width, line_height, LineStyle::Signature,
                             static_cast<int>(next_block));
                    break;
                case BlockKind::Paragraph:
                    lay_text(block.text, body, 0, column_width, line_height, LineStyle::Paragraph,
                             static_cast<int>(next_block));
                    break;
            }
            y += paragraph_gap;
        }
    }
    height = y + 40.0f * scale;
}

size_t ReaderLayout::first_visible_line(float y) const {
    auto it = std::lower_bound(lines.begin(), lines.end(), y,
                               [this](const LaidLine& line, float top) { return line.y + line_height * 1.5f < top; });
    return static_cast<size_t>(it - lines.begin());
}

int ReaderLayout::section_at(float y) const {
    int current = 0;
    for (size_t s = 0; s < section_top.size(); ++s)
        if (section_top[s] <= y + 1.0f) current = static_cast<int>(s);
    return current;
}

}  // namespace kiosk::ui
