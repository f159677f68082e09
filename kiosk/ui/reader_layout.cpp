#include "ui/reader_layout.h"

#include "core/text_layout.h"
#include "ui/text_renderer.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr float kSideBySideMinEms = 17.0f;     // a column narrower than this reads badly
constexpr float kSideBySideMinHanEms = 14.0f;  // the same for Chinese, a character to an em
constexpr size_t kTitleBlockMaxBlocks = 8;
constexpr size_t kTitleBlockMaxBytes = 600;  // a line of a title block, not a paragraph of prose

// "I. Введение", "1. Цели", "IV) ...": a numbered heading, set flush left; others are centred.
bool numbered_heading(const std::string& heading) {
    size_t i = 0;
    while (i < heading.size() &&
           (std::isdigit(static_cast<unsigned char>(heading[i])) || std::strchr("IVXLC", heading[i]) != nullptr))
        ++i;
    return i > 0 && i < heading.size() && (heading[i] == '.' || heading[i] == ')');
}

bool ends_clause(const std::string& text) {
    size_t end = text.find_last_not_of(" \t");
    if (end == std::string::npos) return false;
    if (std::strchr(".:;,!?", text[end]) != nullptr) return true;
    return end >= 2 && text.compare(end - 2, 3, "\xE2\x80\xA6") == 0;  // …
}

}  // namespace

size_t title_block_size(const Document& doc) {
    if (doc.sections.empty() || !doc.sections[0].heading.empty()) return 0;
    const size_t opening_end =
        doc.sections.size() > 1 ? static_cast<size_t>(std::max(0, doc.sections[1].first_block)) : doc.blocks.size();
    size_t n = 0;
    while (n < opening_end && n < doc.blocks.size() && n < kTitleBlockMaxBlocks) {
        const Block& block = doc.blocks[n];
        if (block.kind != BlockKind::Paragraph || block.text.size() > kTitleBlockMaxBytes || ends_clause(block.text))
            break;
        ++n;
    }
    // A document of title lines only has no title block: it is all text.
    return n < doc.blocks.size() ? n : 0;
}

bool side_by_side_fits(const Font& translation, const Font& original, Lang translation_lang, float column_width) {
    const float half = (column_width - original.size * 2.0f) * 0.5f;  // the gap as laid out
    const float translation_ems = translation_lang == Lang::Zh ? kSideBySideMinHanEms : kSideBySideMinEms;
    return half >= original.size * kSideBySideMinEms && half >= translation.size * translation_ems;
}

void ReaderLayout::build(const Document& doc, const FontSet& fonts, int size, float column_width, float scale,
                         const ReaderView& view) {
    document = &doc;
    text_size = size;
    width = column_width;
    lang = view.lang;
    lead_lang = view.lead_lang;
    note = view.note;
    side_by_side = view.two_columns();
    originals_version = view.originals_version;
    lines.clear();
    bands.clear();
    end_rule = -1;
    block_top.assign(doc.blocks.size(), 0.0f);
    block_bottom.assign(doc.blocks.size(), 0.0f);
    section_top.assign(doc.sections.size(), 0.0f);

    const Script script = script_of(view.lang);
    const Script lead_script = script_of(view.lead_lang);
    const Font* body = fonts.reader(size, script);
    const Font* heading = fonts.reader_heading(size, script);
    const Font* body_ru = fonts.reader(size, Script::Latin);
    const Font* heading_ru = fonts.reader_heading(size, Script::Latin);
    const Font* caption = fonts.get(FontRole::Small, size, lead_script);
    const Font* lead_heading = fonts.reader_heading(size, lead_script);
    const Font* lead_text = fonts.get(FontRole::Regular, size, lead_script);
    body_px = body->size;
    line_height = body->size * 1.45f;
    paragraph_gap = body->size * 0.7f;
    const float indent = body->size * 1.6f;
    const float original_indent = body->size * 1.1f;  // the original under a translation, set off by a rule
    column_gap = side_by_side ? body_ru->size * 2.0f : 0.0f;
    const float half = side_by_side ? (column_width - column_gap) * 0.5f : column_width;
    const size_t title_block = title_block_size(doc);

    enum class Align { Left, Centre, Right };
    // One column's text from `*y` down; advances `*y`.
    struct Column {
        float x, width;
        Lang lang;
        bool original;
    };
    auto lay_text = [&](const std::string& text, const Font* font, const Column& col, float x, LineStyle style,
                        Align align, int block, float* y) {
        bool first = true;
        const float advance =
            font->size *
            (style == LineStyle::Heading || style == LineStyle::TitleBlock || style == LineStyle::LeadTitle ? 1.3f : 1.45f);
        const float max_width = col.width - x;
        for (const LineSpan& span : font->renderer->break_lines(*font, text, max_width, lang_code(col.lang))) {
            LaidLine line;
            line.begin = text.data() + span.begin;
            line.end = text.data() + span.end;
            line.font = font;
            line.x = col.x + (align == Align::Right    ? col.width - span.width
                              : align == Align::Centre ? x + (max_width - span.width) * 0.5f
                                                       : x);
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
        const Font* font = col.lang == Lang::Ru ? body_ru : body;
        if (static_cast<size_t>(index) < title_block) {
            lay_text(text, col.lang == Lang::Ru ? heading_ru : heading, col, x, LineStyle::TitleBlock, Align::Centre,
                     index, y);
            return;
        }
        switch (block.kind) {
            case BlockKind::ListItem:
                lay_text(text, font, col, x + indent, LineStyle::ListItem, Align::Left, index, y);
                break;
            case BlockKind::Signature:
                lay_text(text, font, col, x, LineStyle::Signature, Align::Right, index, y);
                break;
            case BlockKind::Paragraph: lay_text(text, font, col, x, LineStyle::Paragraph, Align::Left, index, y); break;
        }
    };

    const Column whole{0, column_width, view.lead_lang, false};
    const Column main{0, half, view.lang, false};
    const Column right{half + column_gap, half, Lang::Ru, true};
    const Column below{0, column_width, Lang::Ru, true};

    // The lead: the visitor's title, their summary in a band, and the note on the text below.
    float y = 0;
    const float band_pad = lead_text->size * 0.6f;
    if (view.lead_title && !view.lead_title->empty()) {
        lay_text(*view.lead_title, lead_heading, whole, 0, LineStyle::LeadTitle, Align::Left, -1, &y);
        y += paragraph_gap;
    }
    if (view.summary && !view.summary->empty()) {
        LaidBand band;
        band.top = y;
        y += band_pad;
        const Column inner{band_pad, column_width - band_pad * 2, view.lead_lang, false};
        if (view.summary_label)
            lay_text(*view.summary_label, caption, inner, 0, LineStyle::LeadLabel, Align::Left, -1, &y);
        y += paragraph_gap * 0.3f;
        lay_text(*view.summary, lead_text, inner, 0, LineStyle::LeadText, Align::Left, -1, &y);
        y += band_pad;
        band.bottom = y;
        bands.push_back(band);
        y += paragraph_gap * 1.5f;
    }
    if (view.note && !view.note->empty()) {
        LaidBand band;
        band.top = y;
        band.official = !view.translated();
        y += band_pad * 0.6f;
        const Column inner{band_pad, column_width - band_pad * 2, view.lead_lang, false};
        if (view.note_heading)
            lay_text(*view.note_heading, fonts.get(FontRole::Medium, size, lead_script), inner, 0, LineStyle::LeadNote,
                     Align::Left, -1, &y);
        lay_text(*view.note, caption, inner, 0, LineStyle::LeadNote, Align::Left, -1, &y);
        y += band_pad * 0.6f;
        band.bottom = y;
        bands.push_back(band);
        y += paragraph_gap * 1.5f;
    }
    text_top = y;

    if (side_by_side && view.caption_translation && view.caption_original) {
        float left_y = y, right_y = y;
        lay_text(*view.caption_translation, caption, main, 0, LineStyle::Caption, Align::Left, -1, &left_y);
        lay_text(*view.caption_original, caption, right, 0, LineStyle::Caption, Align::Left, -1, &right_y);
        y = std::max(left_y, right_y) + paragraph_gap;
    }

    size_t next_block = 0;
    for (size_t s = 0; s < doc.sections.size(); ++s) {
        const Section& section = doc.sections[s];
        size_t end_block =
            s + 1 < doc.sections.size() ? static_cast<size_t>(doc.sections[s + 1].first_block) : doc.blocks.size();
        if (!section.heading.empty()) {
            if (y > text_top) y += heading->size * 0.9f;
            section_top[s] = y;
            const Align align = numbered_heading(section.heading) ? Align::Left : Align::Centre;
            float left_y = y, right_y = y;
            lay_text(section.heading_in(view.lang), heading, main, 0, LineStyle::Heading, align, -1, &left_y);
            if (side_by_side) lay_text(section.heading, heading_ru, right, 0, LineStyle::Heading, align, -1, &right_y);
            y = std::max(left_y, right_y) + paragraph_gap * 0.6f;
        } else {
            section_top[s] = y;  // the untitled opening: where the official text starts, under the lead
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
            // The title block is set off from the text it heads.
            if (next_block + 1 == title_block) y += paragraph_gap;
        }
    }
    // The end of the document: a quiet rule, and the words under it.
    if (view.end_mark && !view.end_mark->empty()) {
        y += paragraph_gap * 2.0f;
        end_rule = y;
        y += paragraph_gap * 1.5f;
        lay_text(*view.end_mark, caption, whole, 0, LineStyle::EndMark, Align::Centre, -1, &y);
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
