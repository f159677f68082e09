#include "ui/reader_layout.h"

#include "core/text_layout.h"
#include "ui/text_renderer.h"

#include <algorithm>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr float kSideBySideMinEms = 17.0f;  // a column narrower than this reads badly

}  // namespace

bool side_by_side_fits(const Font& font, float column_width) {
    const float gap = font.size * 2.0f;
    return (column_width - gap) * 0.5f >= font.size * kSideBySideMinEms;
}

void ReaderLayout::build(const Document& doc, const FontSet& fonts, int size, float column_width, float scale,
                         const ReaderView& view) {
    document = &doc;
    text_size = size;
    width = column_width;
    lang = view.lang;
    side_by_side = view.two_columns();
    originals_version = view.originals_version;
    lines.clear();
    block_top.assign(doc.blocks.size(), 0.0f);
    block_bottom.assign(doc.blocks.size(), 0.0f);
    section_top.assign(doc.sections.size(), 0.0f);

    const Font* body = fonts.reader(size, script_of(view.lang));
    const Font* heading = fonts.reader_heading(size, script_of(view.lang));
    const Font* caption = fonts.get(FontRole::Small, size);
    body_px = body->size;
    line_height = body->size * 1.45f;
    const float heading_line = heading->size * 1.3f;
    paragraph_gap = body->size * 0.7f;
    const float indent = body->size * 1.6f;
    const float original_indent = body->size * 1.1f;  // the original under a translation, set off by a rule
    column_gap = side_by_side ? body->size * 2.0f : 0.0f;
    const float half = side_by_side ? (column_width - column_gap) * 0.5f : column_width;

    // One column's text from `*y` down; returns nothing, advances `*y`.
    struct Column {
        float x, width;
        Lang lang;
        bool original;
    };
    auto lay_text = [&](const std::string& text, const Font* font, const Column& col, float x, float advance,
                        LineStyle style, int block, float* y) {
        bool first = true;
        const float max_width = col.width - x;
        for (const LineSpan& span : font->renderer->break_lines(*font, text, max_width, lang_code(col.lang))) {
            LaidLine line;
            line.begin = text.data() + span.begin;
            line.end = text.data() + span.end;
            line.x = col.x + (style == LineStyle::Signature ? col.width - span.width : x);
            line.y = *y;
            line.style = style;
            line.lang = col.lang;
            line.original = col.original;
            line.first_of_block = first;
            line.block = block;
            lines.push_back(line);
            first = false;
            *y += advance;
        }
    };
    auto lay_block = [&](const Block& block, const Column& col, float x, int index, float* y) {
        const std::string& text = col.original ? block.text : block.text_in(col.lang);
        switch (block.kind) {
            case BlockKind::ListItem:
                lay_text(text, body, col, x + indent, line_height, LineStyle::ListItem, index, y);
                break;
            case BlockKind::Signature: lay_text(text, body, col, x, line_height, LineStyle::Signature, index, y); break;
            case BlockKind::Paragraph: lay_text(text, body, col, x, line_height, LineStyle::Paragraph, index, y); break;
        }
    };

    const Column main{0, half, view.lang, false};
    const Column right{half + column_gap, half, Lang::Ru, true};
    const Column below{0, column_width, Lang::Ru, true};

    float y = 0;
    if (side_by_side && view.caption_translation && view.caption_original) {
        float left_y = y, right_y = y;
        lay_text(*view.caption_translation, caption, main, 0, caption->size * 1.4f, LineStyle::Caption, -1, &left_y);
        lay_text(*view.caption_original, caption, right, 0, caption->size * 1.4f, LineStyle::Caption, -1, &right_y);
        y = std::max(left_y, right_y) + paragraph_gap;
    }

    size_t next_block = 0;
    for (size_t s = 0; s < doc.sections.size(); ++s) {
        const Section& section = doc.sections[s];
        size_t end_block =
            s + 1 < doc.sections.size() ? static_cast<size_t>(doc.sections[s + 1].first_block) : doc.blocks.size();
        if (!section.heading.empty()) {
            if (y > 0) y += heading->size * 0.9f;
            section_top[s] = y;
            float left_y = y, right_y = y;
            lay_text(section.heading_in(view.lang), heading, main, 0, heading_line, LineStyle::Heading, -1, &left_y);
            if (side_by_side)
                lay_text(section.heading, heading, right, 0, heading_line, LineStyle::Heading, -1, &right_y);
            y = std::max(left_y, right_y) + paragraph_gap * 0.6f;
        } else {
            section_top[s] = y;
        }
        for (; next_block < end_block && next_block < doc.blocks.size(); ++next_block) {
            const Block& block = doc.blocks[next_block];
            const int index = static_cast<int>(next_block);
            block_top[next_block] = y;
            float left_y = y, right_y = y;
            lay_block(block, main, 0, index, &left_y);
            if (side_by_side) {
                lay_block(block, right, 0, index, &right_y);
            } else if (view.translated() && view.originals && next_block < view.originals->size() &&
                       (*view.originals)[next_block]) {
                left_y += paragraph_gap * 0.4f;
                lay_block(block, below, original_indent, index, &left_y);
            }
            y = std::max(left_y, right_y);
            block_bottom[next_block] = y;
            y += paragraph_gap;
        }
    }
    // The two columns were laid out block by block: put their lines back in reading (y) order.
    std::stable_sort(lines.begin(), lines.end(), [](const LaidLine& a, const LaidLine& b) { return a.y < b.y; });
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

int ReaderLayout::block_at(float y) const {
    // The gap between two blocks is split between them, so a finger never falls through.
    auto it = std::upper_bound(block_top.begin(), block_top.end(), y);
    if (it != block_top.end() && *it - y <= paragraph_gap * 0.5f) ++it;
    if (it == block_top.begin()) return -1;
    const size_t index = static_cast<size_t>(it - block_top.begin()) - 1;
    return y <= block_bottom[index] + paragraph_gap * 0.5f ? static_cast<int>(index) : -1;
}

int ReaderLayout::top_block(float y) const {
    int block = block_at(y);
    for (size_t line = first_visible_line(y); block < 0 && line < lines.size(); ++line) block = lines[line].block;
    return block;
}

}  // namespace kiosk::ui
