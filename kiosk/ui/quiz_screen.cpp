// Quiz: the questions that end a lesson, one at a time. Big lettered answers; a tap shows at
// once whether it was right, with the explanation; the score comes at the end. Nothing about
// the visitor is asked or kept.
#include "ui/lesson_widgets.h"
#include "ui/read_aloud.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

// The caption, the question, the progress dots and read aloud from min (at most to max.y);
// returns where the space below them starts.
float draw_question(UiContext& ctx, const Question& question, int index, int count, ImVec2 min, ImVec2 max) {
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    const Font* small = ctx.font(FontRole::Small);
    float y = min.y + ctx.metrics().space_list;
    char caption[64];
    format_progress(caption, sizeof caption, ctx.t("quiz.question"), index, count);
    draw_text(ctx.draw, small, ImVec2(min.x, y), c.accent, caption);
    y += small->size * 1.8f;
    const float width = max.x - min.x;
    y += draw_wrapped(ctx.draw, ctx.text_cache, question.text.get(lang), ctx.font(FontRole::Title), ImVec2(min.x, y),
                      width, c.text, lc, 5);
    y += ctx.metrics().space_card;
    draw_progress_dots(ctx,
                       ImVec2(min.x + ctx.metrics().progress_dot_current +
                                  (ctx.metrics().progress_dot_step * 0.5f) * static_cast<float>(count - 1),
                              y + ctx.metrics().space_related),
                       count, index);
    y += ctx.metrics().space_page;
    // Read aloud: the question, then its answers, each in the language it is shown in.
    const float read_h = std::max(ctx.theme.min_target(), ctx.theme.button_height() * 0.85f);
    float read_right = min.x;
    if (draw_read_aloud(ctx, ImVec2(min.x, y), read_h, width, lang, &read_right)) {
        std::vector<SpeechItem> items = {{index + 1, question.text.get(lang), shown_language(question.text, lang)}};
        for (const LocalizedText& option : question.options)
            items.push_back({index + 1, option.get(lang), shown_language(option, lang)});
        start_reading(ctx, std::move(items), 0);
    }
    if (read_right > min.x) y += read_h + ctx.metrics().space_block;
    return y;
}

// Height of the explanation box for `question` when `width` wide, with at most `max_lines` lines.
float explanation_height(UiContext& ctx, const Question& question, float width, int max_lines) {
    const float pad = ctx.metrics().pad_card_large;
    const WrappedText& wrapped =
        ctx.text_cache.wrap(question.explanation.get(ctx.state.language), ctx.font(FontRole::Regular), width - pad * 2,
                            lang_code(ctx.state.language));
    const int lines = std::max(1, std::min(static_cast<int>(wrapped.lines.size()), max_lines));
    return pad * 2 + ctx.font(FontRole::Medium)->size * 1.6f + wrapped.line_height * static_cast<float>(lines);
}

// Once answered: whether it was right and why in a box from `min`, `width` wide, at most `lines`
// lines of explanation, and Next (or Finish) below it. Returns the height used.
float draw_feedback(UiContext& ctx, const Question& question, int index, int count, ImVec2 min, float width, int lines) {
    QuizState& quiz = ctx.state.quiz;
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    const bool right = quiz.chosen == question.correct_option;
    const float pad = ctx.metrics().pad_card_large;
    const float bh = ctx.theme.button_height();
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* regular = ctx.font(FontRole::Regular);
    const float box_bottom = min.y + explanation_height(ctx, question, width, lines);
    const float max_x = min.x + width;
    ctx.draw->AddRectFilled(min, ImVec2(max_x, box_bottom), right ? c.success_soft : c.danger_soft, ctx.theme.corner());
    const ImU32 tone = right ? c.success : c.danger;
    draw_mark(ctx.draw, ImVec2(min.x + pad + ctx.metrics().space_item, min.y + pad + medium->size * 0.6f),
              ctx.metrics().explanation_mark_radius, right, tone, ctx.metrics().line_mark);
    draw_text(ctx.draw, medium, ImVec2(min.x + pad + ctx.metrics().space_wide, min.y + pad), tone,
              ctx.t(right ? "quiz.correct" : "quiz.wrong"));
    draw_wrapped(ctx.draw, ctx.text_cache, question.explanation.get(lang), regular,
                 ImVec2(min.x + pad, min.y + pad + medium->size * 1.6f), width - pad * 2, c.text, lc, lines);

    const bool last = index + 1 == count;
    const std::string& next = ctx.t(last ? "quiz.finish" : "quiz.next");
    const float by = box_bottom + ctx.metrics().space_block;
    if (touch_button(ctx, last ? "quiz.finish" : "quiz.next", next, ImVec2(min.x, by), ImVec2(max_x, by + bh),
                     ButtonStyle::Primary, FontRole::Medium)) {
        quiz.chosen = -1;
        quiz.scroll = KineticScroll{};
        if (last) quiz.finished = true;
        else ++quiz.question;
    }
    return by + bh - min.y;
}

// The question beside the answers on a large landscape screen: the explanation and Next under it.
void draw_question_side(UiContext& ctx, const Question& question, int index, int count, ImVec2 min, ImVec2 max) {
    const QuizState& quiz = ctx.state.quiz;
    const Palette& c = ctx.theme.colors;
    const Font* small = ctx.font(FontRole::Small);
    const float width = max.x - min.x;
    const float y = draw_question(ctx, question, index, count, min, max);
    if (quiz.chosen < 0) {
        draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("quiz.no_data"), small, ImVec2(min.x, max.y - small->size * 1.3f),
                     width, c.text_muted, lang_code(ctx.state.language), 1);
        return;
    }
    // The box fits the explanation, as far as the space above the button allows.
    const float box_limit = max.y - ctx.theme.button_height() - ctx.metrics().space_block;
    const float line_h = ctx.font(FontRole::Regular)->size * 1.3f;
    const float fixed = explanation_height(ctx, question, width, 1) - line_h;
    const int lines = std::max(1, static_cast<int>((box_limit - y - fixed) / line_h) + 1);
    draw_feedback(ctx, question, index, count, ImVec2(min.x, y), width, lines);
}

// The answers, stacked from min.y in a column that scrolls when they are taller than it; before
// answering each one is a target. Unless `feedback_beside`, the explanation and Next follow the
// answers once answered. In `fill` mode (portrait) unanswered answers share the column's height,
// each at most answer_max_height, so they are large targets that use the screen.
void draw_answers(UiContext& ctx, const Question& question, int index, int count, ImVec2 min, ImVec2 max,
                  bool feedback_beside, bool fill) {
    QuizState& quiz = ctx.state.quiz;
    const Lang lang = ctx.state.language;
    const Font* font = ctx.font(FontRole::Medium);
    const float width = max.x - min.x, gap = ctx.metrics().space_list;
    const bool answered = quiz.chosen >= 0;
    const int options = static_cast<int>(question.options.size());
    float share = 0;
    if (fill && !answered)
        share = std::min(ctx.metrics().answer_max_height,
                         (max.y - min.y - gap * static_cast<float>(options)) / static_cast<float>(std::max(1, options)));
    float total = 0;
    for (const LocalizedText& option : question.options)
        total += std::max(share, answer_height(ctx, option.get(lang), font, width)) + gap;
    const float feedback_top = total;
    if (answered && !feedback_beside)
        total += explanation_height(ctx, question, width, 1000) + ctx.metrics().space_block + ctx.theme.button_height();
    const float view_h = max.y - min.y;
    quiz.scroll.set_extent(total, view_h);
    const bool scrolls = total > view_h;
    if (scrolls) scroll_region(ctx, quiz.scroll, min, max);
    // Just answered: bring the explanation and Next into view at once.
    if (answered && !feedback_beside && scrolls && !quiz.feedback_shown)
        quiz.scroll.scroll_to(feedback_top - gap, false, ctx.now);
    quiz.feedback_shown = answered;
    ctx.draw->PushClipRect(ImVec2(min.x - ctx.metrics().shadow_spread * 3, min.y),
                           ImVec2(max.x + ctx.metrics().shadow_spread * 3, max.y), true);
    float y = min.y - (scrolls ? quiz.scroll.offset() : 0);
    if (!scrolls && !fill)  // level with the question
        y += std::max(0.0f, std::min(ctx.metrics().space_list, view_h - total + gap));
    for (int option = 0; option < options; ++option) {
        const std::string& text = question.options[static_cast<size_t>(option)].get(lang);
        const float height = std::max(share, answer_height(ctx, text, font, width));
        ImVec2 a(min.x, y), b(max.x, y + height);
        AnswerLook look = AnswerLook::Open;
        bool pressed = false;
        if (!answered) {
            TouchArea area = touch_area(ctx, {"quiz.option", option + 1}, text, a, b);
            pressed = area.pressed;
            if (area.clicked) {
                quiz.chosen = option;
                if (option == question.correct_option) ++quiz.correct;
            }
        } else if (option == question.correct_option) {
            look = AnswerLook::Correct;
        } else {
            look = option == quiz.chosen ? AnswerLook::Wrong : AnswerLook::Dimmed;
        }
        draw_answer(ctx, a, b, option, text, font, look, pressed);
        y += height + gap;
    }
    if (answered && !feedback_beside) draw_feedback(ctx, question, index, count, ImVec2(min.x, y), width, 1000);
    ctx.draw->PopClipRect();
    if (scrolls) scroll_indicator(ctx, quiz.scroll, min, max, total);
}

// Wrapped text with every line centred between x and x + width; returns the height used.
float draw_centered_lines(UiContext& ctx, const std::string& text, const Font* font, float x, float y, float width,
                          ImU32 color) {
    return draw_wrapped(ctx.draw, ctx.text_cache, text, font, ImVec2(x, y), width, color, lang_code(ctx.state.language),
                        0, true);
}

void draw_score(UiContext& ctx, const Lesson& lesson) {
    const QuizState& quiz = ctx.state.quiz;
    const Palette& c = ctx.theme.colors;
    const int count = static_cast<int>(lesson.questions.size());
    const Font* title_font = ctx.font(FontRole::Title);
    const float pad = ctx.metrics().pad_dialog;
    const float bh = ctx.theme.button_height(), gap = ctx.metrics().space_card;
    const float top = ctx.theme.top_bar_height();
    const float margin = ctx.theme.margin();
    // As wide as the two buttons need, at most the screen; as tall as its content.
    const float buttons_w =
        std::max(button_width(ctx, ctx.t("quiz.retry")), button_width(ctx, ctx.t("quiz.all_lessons")));
    const float width =
        std::min(ctx.screen.x - margin * 2, std::max(ctx.metrics().score_panel_width, buttons_w * 2 + gap + pad * 2));
    const float radius = std::max(ctx.metrics().score_ring_radius, ctx.font(FontRole::Display)->size * 1.3f);
    const char* lc = lang_code(ctx.state.language);
    const float text_w = width - pad * 2;
    const float verdict_h =
        ctx.text_cache.wrap(ctx.t("quiz.score_great"), ctx.font(FontRole::Regular), text_w, lc).height();
    const float note_h = ctx.text_cache.wrap(ctx.t("quiz.no_data"), ctx.font(FontRole::Small), text_w, lc).height();
    const float content = ctx.metrics().space_wide + title_font->size + ctx.metrics().space_group + radius * 2 +
                          ctx.metrics().space_group + verdict_h + ctx.metrics().space_tight + note_h +
                          ctx.metrics().space_group + bh + pad;
    const float height = std::min(ctx.screen.y - top - margin, std::max(content, ctx.metrics().score_panel_height));
    ImVec2 min((ctx.screen.x - width) * 0.5f, top + (ctx.screen.y - top - height) * 0.5f);
    ImVec2 max(min.x + width, min.y + height);
    draw_card(ctx, min, max);
    const Font* title = ctx.font(FontRole::Title);
    const Font* display = ctx.font(FontRole::Display);
    float y = min.y + ctx.metrics().space_wide;
    draw_text_centered(ctx.draw, title, ImVec2(min.x, y), ImVec2(max.x, y + title->size), c.text, ctx.t("quiz.score_title"));
    y += title->size + ctx.metrics().space_group;
    char score[32];
    std::snprintf(score, sizeof score, "%d / %d", quiz.correct, count);
    const ImVec2 ring_center((min.x + max.x) * 0.5f, y + radius);
    ctx.draw->AddCircle(ring_center, radius, c.border, 64, ctx.metrics().line_ring);
    if (count > 0 && quiz.correct > 0) {
        // The ring fills clockwise from the top with the share of right answers.
        const float end = -1.5708f + 6.28318f * static_cast<float>(quiz.correct) / static_cast<float>(count);
        ctx.draw->PathArcTo(ring_center, radius, -1.5708f, end, 64);
        ctx.draw->PathStroke(c.success, 0, ctx.metrics().line_ring);
    }
    draw_text_centered(ctx.draw, display, ImVec2(ring_center.x - radius, ring_center.y - radius),
                       ImVec2(ring_center.x + radius, ring_center.y + radius), c.text, score);
    y += radius * 2 + ctx.metrics().space_group;
    const float share = count > 0 ? static_cast<float>(quiz.correct) / static_cast<float>(count) : 0;
    const char* verdict = share >= 0.8f ? "quiz.score_great" : share >= 0.5f ? "quiz.score_good" : "quiz.score_low";
    y += draw_centered_lines(ctx, ctx.t(verdict), ctx.font(FontRole::Regular), min.x + pad, y, width - pad * 2, c.text);
    y += ctx.metrics().space_tight;
    draw_centered_lines(ctx, ctx.t("quiz.no_data"), ctx.font(FontRole::Small), min.x + pad, y, width - pad * 2, c.text_muted);

    const float bw = (width - pad * 2 - gap) * 0.5f;
    const float by = max.y - pad - bh;
    if (touch_button(ctx, "quiz.retry", ctx.t("quiz.retry"), ImVec2(min.x + pad, by), ImVec2(min.x + pad + bw, by + bh),
                     ButtonStyle::Secondary))
        ctx.state.quiz = QuizState{};
    else if (touch_button(ctx, "quiz.all_lessons", ctx.t("quiz.all_lessons"), ImVec2(max.x - pad - bw, by),
                          ImVec2(max.x - pad, by + bh), ButtonStyle::Primary))
        open_lessons(ctx.state);
}

}  // namespace

void draw_quiz_screen(UiContext& ctx) {
    const Lesson* lesson = ctx.state.lesson.lesson;
    if (!lesson || lesson->questions.empty()) {
        open_lessons(ctx.state);
        return;
    }
    const Theme& theme = ctx.theme;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, theme.colors.background);
    if (draw_top_bar(ctx, lesson->title.get(ctx.state.language), true)) {
        ctx.state.nav.pop();  // the lesson's last slide, which opened the quiz
        return;
    }
    QuizState& quiz = ctx.state.quiz;
    if (quiz.finished) {
        draw_score(ctx, *lesson);
        return;
    }
    const int count = static_cast<int>(lesson->questions.size());
    quiz.question = std::clamp(quiz.question, 0, count - 1);
    const Question& question = lesson->questions[quiz.question];
    const float margin = theme.margin();
    const float top = theme.top_bar_height() + margin * 0.8f, bottom = ctx.screen.y - margin * 0.8f;
    if (ctx.layout().portrait()) {
        // One centred column: the question, then the answers using the rest of the screen.
        const float width = std::min(ctx.screen.x - margin * 2, ctx.metrics().quiz_column_max_width);
        const float left = (ctx.screen.x - width) * 0.5f;
        const float y = draw_question(ctx, question, quiz.question, count, ImVec2(left, top), ImVec2(left + width, bottom));
        const Font* small = ctx.font(FontRole::Small);
        const float note_h = small->size * 1.3f + ctx.metrics().space_item;
        draw_answers(ctx, question, quiz.question, count, ImVec2(left, y), ImVec2(left + width, bottom - note_h), false, true);
        draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("quiz.no_data"), small, ImVec2(left, bottom - small->size * 1.3f),
                     width, ctx.theme.colors.text_muted, lang_code(ctx.state.language), 1);
        return;
    }
    const float left_width = std::min(ctx.metrics().question_panel_max_width, ctx.screen.x * 0.38f);
    const float answers_x = margin + left_width + ctx.metrics().column_gap;
    const bool beside = ctx.layout().large();
    draw_answers(ctx, question, quiz.question, count, ImVec2(answers_x, top), ImVec2(ctx.screen.x - margin, bottom),
                 beside, false);
    if (beside) {
        draw_question_side(ctx, question, quiz.question, count, ImVec2(margin, top), ImVec2(margin + left_width, bottom));
    } else {
        draw_question(ctx, question, quiz.question, count, ImVec2(margin, top), ImVec2(margin + left_width, bottom));
        if (quiz.chosen < 0) {
            const Font* small = ctx.font(FontRole::Small);
            draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("quiz.no_data"), small, ImVec2(margin, bottom - small->size * 2.6f),
                         left_width, ctx.theme.colors.text_muted, lang_code(ctx.state.language), 2);
        }
    }
}

}  // namespace kiosk::ui
