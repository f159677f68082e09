// Reader: one document. Sidebar with facts, summary and table of contents; the official
// Russian text in a column with kinetic scrolling, elastic edges and three text sizes.
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>

namespace kiosk::ui {

namespace {

constexpr const char* kBullet = "\xE2\x80\xA2";  // •

void draw_sidebar_facts(UiContext& ctx, const Document& doc, const DocumentStrings& strings, float x, float width,
                        float* y) {
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const int li = static_cast<int>(lang);
    const char* lc = lang_code(lang);
    ImFont* small = ctx.fonts.get(FontRole::Small);
    ImFont* medium = ctx.fonts.get(FontRole::Medium);

    const std::string& type = ctx.t(document_type_key(doc.info.type));
    ImVec2 chip = text_size(small, type);
    ctx.draw->AddRectFilled(ImVec2(x, *y), ImVec2(x + chip.x + ctx.px(28), *y + chip.y + ctx.px(10)),
                            ctx.theme.document_type_color(doc.info.type), ctx.px(20));
    draw_text(ctx.draw, small, ImVec2(x + ctx.px(14), *y + ctx.px(5)), c.text_on_primary, type);
    *y += chip.y + ctx.px(26);

    // The official title is Russian; visitors reading Chinese or English see theirs below it.
    *y += draw_wrapped(ctx.draw, ctx.text_cache, doc.info.title[Lang::Ru], medium, ImVec2(x, *y), width, c.text, "ru");
    if (lang != Lang::Ru) {
        *y += ctx.px(8);
        *y += draw_wrapped(ctx.draw, ctx.text_cache, doc.info.title.get(lang), ctx.fonts.get(FontRole::Regular),
                           ImVec2(x, *y), width, c.primary, lc);
    }
    *y += ctx.px(18);

    auto fact = [&](const char* label_key, const std::string& value) {
        if (value.empty()) return;
        draw_text(ctx.draw, small, ImVec2(x, *y), c.text_muted, ctx.t(label_key));
        *y += small->FontSize * 1.35f;
        *y += draw_wrapped(ctx.draw, ctx.text_cache, value, ctx.fonts.get(FontRole::Regular), ImVec2(x, *y), width, c.text, lc);
        *y += ctx.px(14);
    };
    fact("reader.date", strings.date[li]);
    if (!doc.info.date_note.get(lang).empty()) {
        *y -= ctx.px(8);
        *y += draw_wrapped(ctx.draw, ctx.text_cache, doc.info.date_note.get(lang), small, ImVec2(x, *y), width,
                           c.text_muted, lc);
        *y += ctx.px(14);
    }
    fact("reader.place", doc.info.place.get(lang));
    fact("reader.issuer", doc.info.issuer.get(lang));
    fact("reader.parties", strings.parties[li]);
}

void draw_summary_box(UiContext& ctx, const Document& doc, float x, float width, float* y) {
    const Lang lang = ctx.state.language;
    const std::string& summary = doc.info.summary[lang];
    if (summary.empty()) return;
    const Palette& c = ctx.theme.colors;
    ImFont* small = ctx.fonts.get(FontRole::Small);
    const float pad = ctx.px(20);
    const WrappedText& label = ctx.text_cache.wrap(ctx.t("reader.summary_label"), small, width - pad * 2, lang_code(lang));
    const WrappedText& body = ctx.text_cache.wrap(summary, small, width - pad * 2, lang_code(lang));
    float height = pad * 2 + label.height() + ctx.px(8) + body.height();
    ctx.draw->AddRectFilled(ImVec2(x, *y), ImVec2(x + width, *y + height), c.summary_band, ctx.px(12));
    float ty = *y + pad;
    ty += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("reader.summary_label"), small, ImVec2(x + pad, ty), width - pad * 2,
                       c.summary_label, lang_code(lang));
    ty += ctx.px(8);
    draw_wrapped(ctx.draw, ctx.text_cache, summary, small, ImVec2(x + pad, ty), width - pad * 2, c.text, lang_code(lang));
    *y += height + ctx.px(28);
}

void draw_contents(UiContext& ctx, const Document& doc, float x, float width, float* y) {
    ReaderState& reader = ctx.state.reader;
    const Palette& c = ctx.theme.colors;
    ImFont* medium = ctx.fonts.get(FontRole::Medium);
    ImFont* regular = ctx.fonts.get(FontRole::Regular);
    draw_text(ctx.draw, medium, ImVec2(x, *y), c.text, ctx.t("reader.contents"));
    *y += medium->FontSize * 1.5f;
    int current = reader.layout.section_at(reader.scroll.offset());
    for (size_t s = 0; s < doc.sections.size(); ++s) {
        const std::string& heading = doc.sections[s].heading.empty() ? ctx.t("reader.beginning") : doc.sections[s].heading;
        const float pad = ctx.px(14);
        const WrappedText& wrapped = ctx.text_cache.wrap(heading, regular, width - pad * 2 - ctx.px(8), "ru");
        size_t lines = std::min<size_t>(wrapped.lines.size(), 3);
        float height = std::max(ctx.theme.min_target() * 1.25f, wrapped.line_height * lines + pad * 2);
        ImVec2 min(x, *y), max(x + width, *y + height);
        TouchArea area = touch_area(ctx, heading, min, max);
        bool active = static_cast<int>(s) == current;
        if (active || area.pressed)
            ctx.draw->AddRectFilled(min, max, area.pressed ? c.pressed_overlay : c.accent_soft, ctx.px(10));
        if (active) ctx.draw->AddRectFilled(min, ImVec2(min.x + ctx.px(6), max.y), c.accent, ctx.px(3));
        draw_wrapped(ctx.draw, ctx.text_cache, heading, regular,
                     ImVec2(x + pad + ctx.px(8), *y + (height - wrapped.line_height * lines) * 0.5f),
                     width - pad * 2 - ctx.px(8), active ? c.primary : c.text, "ru", 3);
        if (area.clicked && s < reader.layout.section_top.size())
            reader.scroll.scroll_to(reader.layout.section_top[s], true, ctx.now);
        *y += height + ctx.px(6);
    }
}

void draw_sidebar(UiContext& ctx, const Document& doc, const DocumentStrings& strings, ImVec2 min, ImVec2 max) {
    ReaderState& reader = ctx.state.reader;
    ctx.draw->AddRectFilled(min, max, ctx.theme.colors.surface_alt);
    reader.sidebar_scroll.set_extent(reader.sidebar_height, max.y - min.y);
    scroll_region(ctx, reader.sidebar_scroll, min, max);
    ctx.draw->PushClipRect(min, max, true);
    const float pad = ctx.px(36);
    const float x = min.x + pad, width = max.x - min.x - pad * 2;
    const float top = min.y + pad - reader.sidebar_scroll.offset();
    float y = top;
    draw_sidebar_facts(ctx, doc, strings, x, width, &y);
    draw_summary_box(ctx, doc, x, width, &y);
    draw_contents(ctx, doc, x, width, &y);
    reader.sidebar_height = y - top + pad;
    ctx.draw->PopClipRect();
    scroll_indicator(ctx, reader.sidebar_scroll, min, max, reader.sidebar_height);
}

// The strip above the text: the official-language note and the text size control.
void draw_text_toolbar(UiContext& ctx, ImVec2 min, ImVec2 max) {
    ReaderState& reader = ctx.state.reader;
    const Palette& c = ctx.theme.colors;
    const float h = ctx.theme.button_height() * 0.85f;
    const float cy = (min.y + max.y) * 0.5f;
    const std::string& larger = ctx.t("reader.text_larger");
    const std::string& smaller = ctx.t("reader.text_smaller");
    float wl = button_width(ctx, larger), ws = button_width(ctx, smaller);
    float x = max.x - wl;
    if (touch_button(ctx, larger, ImVec2(x, cy - h / 2), ImVec2(x + wl, cy + h / 2), ButtonStyle::Secondary) &&
        ctx.state.text_size + 1 < kTextSizeSteps)
        ++ctx.state.text_size;
    // Three dots show which of the three steps is active.
    float dots_x = x - ctx.px(64);
    for (int i = 0; i < kTextSizeSteps; ++i)
        ctx.draw->AddCircleFilled(ImVec2(dots_x + ctx.px(10) + i * ctx.px(20), cy), ctx.px(6),
                                  i == ctx.state.text_size ? c.primary : c.border, 12);
    x = dots_x - ctx.px(12) - ws;
    if (touch_button(ctx, smaller, ImVec2(x, cy - h / 2), ImVec2(x + ws, cy + h / 2), ButtonStyle::Secondary) &&
        ctx.state.text_size > 0)
        --ctx.state.text_size;
    ImFont* small = ctx.fonts.get(FontRole::Small);
    draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("reader.official_text"), small, ImVec2(min.x, cy - small->FontSize * 0.65f),
                 x - min.x - ctx.px(24), c.text_muted, lang_code(ctx.state.language), 1);
}

void draw_document_text(UiContext& ctx, const Document& doc, ImVec2 min, ImVec2 max, float column_x) {
    ReaderState& reader = ctx.state.reader;
    const ReaderLayout& layout = reader.layout;
    const Palette& c = ctx.theme.colors;
    ImFont* body = ctx.fonts.reader[ctx.state.text_size];
    ImFont* heading = ctx.fonts.reader_heading[ctx.state.text_size];
    const float offset = reader.scroll.offset();
    const float top = min.y + ctx.px(24);
    ctx.draw->PushClipRect(min, max, true);
    for (size_t i = layout.first_visible_line(offset - ctx.px(24)); i < layout.lines.size(); ++i) {
        const LaidLine& line = layout.lines[i];
        float y = top + line.y - offset;
        if (y > max.y) break;
        if (line.block >= 0 && line.block == reader.highlight_block)  // the passage a lesson linked to
            ctx.draw->AddRectFilled(ImVec2(column_x - ctx.px(20), y - layout.line_height * 0.1f),
                                    ImVec2(column_x + layout.width + ctx.px(20), y + layout.line_height * 1.05f),
                                    c.accent_soft);
        ImFont* font = line.style == LineStyle::Heading ? heading : body;
        ImU32 color = line.style == LineStyle::Heading ? c.primary
                      : line.style == LineStyle::Signature ? c.text_muted
                                                            : c.text;
        ctx.draw->AddText(font, font->FontSize, ImVec2(column_x + line.x, y), color, line.begin, line.end);
        if (line.style == LineStyle::ListItem && line.first_of_block)
            ctx.draw->AddText(body, body->FontSize, ImVec2(column_x + line.x - body->FontSize * 1.0f, y), c.accent, kBullet);
    }
    ctx.draw->PopClipRect();
    (void)doc;
}

}  // namespace

const char* document_type_key(DocumentType type) {
    static const char* const keys[kDocumentTypeCount] = {"doctype.statement", "doctype.decision", "doctype.concept",
                                                         "doctype.programme", "doctype.protocol"};
    return keys[static_cast<int>(type)];
}

void draw_reader_screen(UiContext& ctx) {
    ReaderState& reader = ctx.state.reader;
    if (!reader.document) {
        ctx.state.screen = Screen::Home;
        return;
    }
    const Document& doc = *reader.document;
    const size_t doc_index = static_cast<size_t>(&doc - ctx.content.documents().data());
    const Theme& theme = ctx.theme;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, theme.colors.surface);
    if (draw_top_bar(ctx, doc.info.title.get(ctx.state.language), true)) {
        // Back to where the reader was opened from: the library, or the lesson slide that linked here.
        const bool lesson_open = ctx.state.lesson.lesson != nullptr;
        ctx.state.screen = reader.return_to == Screen::Lesson && !lesson_open ? Screen::Home : reader.return_to;
        return;
    }

    const float top = theme.top_bar_height();
    const float sidebar_width = std::min(ctx.px(600), ctx.screen.x * 0.34f);
    draw_sidebar(ctx, doc, ctx.strings.documents[doc_index], ImVec2(0, top), ImVec2(sidebar_width, ctx.screen.y));

    const float margin = theme.margin();
    const float area_left = sidebar_width + margin;
    const float area_right = ctx.screen.x - margin;
    const float column_width = std::min(ctx.px(1120), area_right - area_left);
    const float column_x = area_left + (area_right - area_left - column_width) * 0.5f;
    const float toolbar_height = theme.button_height() + ctx.px(32);
    draw_text_toolbar(ctx, ImVec2(column_x, top + ctx.px(8)), ImVec2(column_x + column_width, top + toolbar_height));
    ctx.draw->AddLine(ImVec2(column_x, top + toolbar_height), ImVec2(column_x + column_width, top + toolbar_height),
                      theme.colors.border, ctx.px(2));

    // Re-layout only when something that changes line breaks changed; keep the reading
    // position on the same paragraph across a text size change.
    if (!reader.layout.matches(&doc, ctx.state.text_size, column_width)) {
        int anchor_block = -1;
        if (reader.layout.document == &doc && !reader.layout.lines.empty()) {
            size_t first = reader.layout.first_visible_line(reader.scroll.offset());
            if (first < reader.layout.lines.size()) anchor_block = reader.layout.lines[first].block;
        }
        reader.layout.build(doc, ctx.fonts, ctx.state.text_size, column_width, theme.scale);
        if (anchor_block >= 0) reader.scroll.scroll_to(reader.layout.block_top[anchor_block], false, ctx.now);
    }
    ImVec2 text_min(sidebar_width, top + toolbar_height + ctx.px(2)), text_max(ctx.screen.x, ctx.screen.y);
    reader.scroll.set_extent(reader.layout.height + ctx.px(24), text_max.y - text_min.y);
    if (reader.pending_block >= 0 && reader.pending_block < static_cast<int>(reader.layout.block_top.size()))
        reader.scroll.scroll_to(reader.layout.block_top[reader.pending_block], false, ctx.now);  // a linked passage
    reader.pending_block = -1;
    scroll_region(ctx, reader.scroll, text_min, text_max);
    draw_document_text(ctx, doc, text_min, text_max, column_x);
    scroll_indicator(ctx, reader.scroll, ImVec2(text_min.x, text_min.y), ImVec2(text_max.x - ctx.px(8), text_max.y),
                     reader.layout.height + ctx.px(24));
}

}  // namespace kiosk::ui
