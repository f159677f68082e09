// Lesson: one slide at a time (picture, title, text), previous / next with progress dots,
// links into the SCO documents that open the reader at the passage, and the way to the quiz.
#include "ui/lesson_widgets.h"
#include "ui/read_aloud.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {}  // namespace

void open_passage(UiState& state, const Document& doc, int block_index) {
    open_document(state, doc);
    state.reader.pending_block = block_index;
    state.reader.highlight_block = block_index;
}

namespace {

// A small page pictogram for the link card.
void draw_page_icon(ImDrawList* draw, const Theme& theme, ImVec2 min, float size) {
    const Palette& c = theme.colors;
    const float w = size * 0.72f, x = min.x + (size - w) * 0.5f;
    draw->AddRectFilled(ImVec2(x, min.y), ImVec2(x + w, min.y + size), c.accent_soft, theme.metrics.radius_small);
    draw->AddRect(ImVec2(x, min.y), ImVec2(x + w, min.y + size), c.accent, theme.metrics.radius_small, 0,
                  theme.metrics.line_regular);
    for (int i = 0; i < 4; ++i) {
        const float y = min.y + size * (0.25f + 0.16f * static_cast<float>(i));
        draw->AddLine(ImVec2(x + w * 0.2f, y), ImVec2(x + w * (i == 3 ? 0.55f : 0.8f), y), c.accent,
                      theme.metrics.line_regular);
    }
}

// A link to a document passage; returns true when tapped.
bool draw_link_card(UiContext& ctx, const Document& doc, ImVec2 min, ImVec2 max) {
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const std::string& title = doc.info.title.get(lang);
    TouchArea area = touch_area(ctx, {"lesson.passage", doc.info.id}, title, min, max);
    ctx.draw->AddRectFilled(min, max, area.pressed ? c.surface_alt : c.surface, ctx.metrics().radius_item);
    ctx.draw->AddRect(min, max, c.accent, ctx.metrics().radius_item, 0, ctx.metrics().line_regular);
    const float icon = max.y - min.y - ctx.metrics().pad_tile * 2;
    draw_page_icon(ctx.draw, ctx.theme, ImVec2(min.x + ctx.metrics().pad_tile, min.y + ctx.metrics().pad_tile), icon);
    const float x = min.x + icon + ctx.metrics().pad_tile * 2;
    const float width = max.x - x - ctx.metrics().trailing_arrow_width;
    const Font* small = ctx.font(FontRole::Small);
    const Font* regular = ctx.font(FontRole::Regular);
    float y = min.y + (max.y - min.y - small->size * 1.4f - regular->size * 1.3f) * 0.5f;
    draw_text(ctx.draw, small, ImVec2(x, y), c.accent, ctx.t("lesson.link"));
    y += small->size * 1.4f;
    draw_wrapped(ctx.draw, ctx.text_cache, title, regular, ImVec2(x, y), width, c.text, lang_code(lang), 1);
    draw_text_centered(ctx.draw, ctx.font(FontRole::Medium), ImVec2(max.x - ctx.metrics().trailing_arrow_width, min.y),
                       ImVec2(max.x - ctx.metrics().space_tight, max.y), c.accent, "\xE2\x86\x92");  // →
    return area.clicked;
}

// A link is shown only if it points at a passage this content package has.
const Document* linked_document(const UiContext& ctx, const LessonLink& link, const Block** block) {
    *block = ctx.content.find_linked_block(link);
    return *block ? ctx.content.find_document(link.document_id) : nullptr;
}

float links_height(const UiContext& ctx, const Slide& slide) {
    float height = 0;
    const Block* block = nullptr;
    for (const LessonLink& link : slide.links)
        if (linked_document(ctx, link, &block))
            height += ctx.metrics().lesson_link_height + ctx.metrics().lesson_link_gap;
    return height;
}

// The links below a slide's text, `width` wide from `pos`, inside the slide's clip rectangle.
void draw_links(UiContext& ctx, const Slide& slide, const SlideText& area) {
    const float height = ctx.metrics().lesson_link_height, gap = ctx.metrics().lesson_link_gap;
    const float width = std::min(area.width, ctx.metrics().lesson_text_max_width);
    ctx.draw->PushClipRect(area.clip_min, area.clip_max, true);
    float y = area.below.y;
    for (const LessonLink& link : slide.links) {
        const Block* block = nullptr;
        const Document* doc = linked_document(ctx, link, &block);
        if (!doc) continue;
        if (draw_link_card(ctx, *doc, ImVec2(area.below.x, y), ImVec2(area.below.x + width, y + height))) {
            ctx.draw->PopClipRect();
            open_passage(ctx.state, *doc, static_cast<int>(block - doc->blocks.data()));
            return;
        }
        y += height + gap;
    }
    ctx.draw->PopClipRect();
}

}  // namespace

void open_lesson(UiState& state, const Lesson& lesson, int slide) {
    state.nav.push(Screen::Lesson);
    state.lesson.lesson = &lesson;
    const int last = std::max(0, static_cast<int>(lesson.slides.size()) - 1);
    state.lesson.slide = std::clamp(slide, 0, last);
    state.quiz = QuizState{};
}

void draw_lesson_screen(UiContext& ctx) {
    LessonState& ls = ctx.state.lesson;
    if (!ls.lesson || ls.lesson->slides.empty()) {
        open_lessons(ctx.state);
        return;
    }
    const Lesson& lesson = *ls.lesson;
    const Theme& theme = ctx.theme;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, theme.colors.background);
    ls.pictures.clear();
    if (draw_top_bar(ctx, lesson.title.get(ctx.state.language), true)) {
        ctx.state.nav.pop();  // the lessons list, or the search that found the lesson
        return;
    }
    const int count = static_cast<int>(lesson.slides.size());
    ls.slide = std::clamp(ls.slide, 0, count - 1);
    const Slide& slide = lesson.slides[ls.slide];
    const float margin = theme.margin();
    const float bh = theme.button_height();
    const float gap = ctx.metrics().space_card;
    const float right = ctx.screen.x - margin;
    const bool last = ls.slide + 1 == count;

    // The pager: previous at the left, read aloud beside it, progress in the middle, next (or
    // the quiz) at the right; the dots go on a row of their own where the buttons need the width.
    const std::string& previous = ctx.t("lesson.previous");
    const std::string& next = ctx.t(last ? "lesson.take_quiz" : "lesson.next");
    const float prev_w = ls.slide > 0 ? std::max(button_width(ctx, previous), ctx.metrics().wide_button_min_width) : 0;
    const float next_w = std::max(button_width(ctx, next, FontRole::Medium), ctx.metrics().wide_button_min_width);
    const float read_w = button_width(ctx, ctx.t("speech.read"));
    const float dots_w = ctx.metrics().progress_dot_step * static_cast<float>(count);
    const bool dots_row = prev_w + read_w + next_w + dots_w + gap * 4 > right - margin;
    const float dots_h = ctx.metrics().progress_dot_current * 2 + ctx.metrics().space_item;
    const float nav_y = ctx.screen.y - margin * 0.6f - bh;
    const float top = theme.top_bar_height() + margin * 0.8f;
    const float slide_bottom = nav_y - margin * 0.6f - (dots_row ? dots_h : 0);

    char caption[64];
    format_progress(caption, sizeof caption, ctx.t("lesson.slide"), ls.slide, count);
    const SlideText text = draw_slide(ctx, slide, caption, visitor_slide_fonts(ctx), ImVec2(margin, top),
                                      ImVec2(right, slide_bottom), links_height(ctx, slide), ls.slide_scroll);
    draw_links(ctx, slide, text);
    if (ctx.state.screen() != Screen::Lesson) return;

    const float dots_y = dots_row ? nav_y - dots_h * 0.5f : nav_y + bh * 0.5f;
    draw_progress_dots(ctx, ImVec2(ctx.screen.x * 0.5f, dots_y), count, ls.slide);
    float read_x = margin;
    if (ls.slide > 0) {
        if (touch_button(ctx, "lesson.previous", previous, ImVec2(margin, nav_y), ImVec2(margin + prev_w, nav_y + bh),
                         ButtonStyle::Secondary))
            --ls.slide;
        read_x += prev_w + gap;
    }
    // Read aloud: the slide's title, then its text, in the language each is shown in.
    const float read_limit = dots_row ? right - next_w - gap : (ctx.screen.x - dots_w) * 0.5f - gap;
    float read_right = read_x;
    if (draw_read_aloud(ctx, ImVec2(read_x, nav_y), bh, read_limit - read_x, ctx.state.language, &read_right)) {
        const Lang lang = ctx.state.language;
        start_reading(ctx,
                      {{ls.slide + 1, slide.title.get(lang), shown_language(slide.title, lang)},
                       {ls.slide + 1, slide.text.get(lang), shown_language(slide.text, lang)}},
                      0);
    }
    const float w = next_w;
    if (touch_button(ctx, last ? "lesson.take_quiz" : "lesson.next", next, ImVec2(right - w, nav_y),
                     ImVec2(right, nav_y + bh), ButtonStyle::Primary, FontRole::Medium)) {
        if (!last) {
            ++ls.slide;
        } else {
            ctx.state.quiz = QuizState{};
            ctx.state.nav.push(Screen::Quiz);
        }
    }
}

}  // namespace kiosk::ui
