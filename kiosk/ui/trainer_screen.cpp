// Trainer mode, behind the trainer PIN: a trainer picks a lesson, presents it full-screen
// with large text and a session timer, then runs its quiz with the group, counting how many
// participants chose each answer before revealing the right one. The totals end as a bar
// chart and are stored anonymously (the platform does the storing: UiRequests). The session's
// state machine and scoring are core/group_session.h; this draws them and passes on the taps.
#include "ui/lesson_widgets.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

using Phase = TrainerState::Phase;

void start_session(TrainerState& trainer, const Lesson& lesson, double now) {
    start_group_session(trainer, lesson, now);
    trainer.save = TrainerState::Save::None;
    trainer.save_error.clear();
}

// Hands the finished session to the platform, which stores it and reports back in `save`.
void request_recording(UiContext& ctx) {
    TrainerState& trainer = ctx.state.trainer;
    ctx.state.requests.trainer_session = group_session_record(trainer, ctx.content.info().content_version);
    ctx.state.requests.record_trainer_session = true;
    trainer.save = TrainerState::Save::Pending;
}

// The strip along the bottom of the presentation: End (unless `end` is null), the timer, the
// language switch. Returns the x where the phase's own buttons may end (right-aligned to it);
// sets `*end` when End was tapped.
float bar_button_width(const UiContext& ctx, const std::string& label);

// On a narrow panel (portrait) the control bar takes two rows: End and the clock above, the
// caller's buttons and the language switch below.
bool bar_two_rows(const UiContext& ctx) { return ctx.screen.x < ctx.font(FontRole::Medium)->size * 36; }
float bar_top(const UiContext& ctx) {
    return ctx.screen.y - ctx.theme.top_bar_height() * (bar_two_rows(ctx) ? 2.0f : 1.0f);
}
// The centre line of the row holding the caller's buttons and the language switch.
float bar_buttons_cy(const UiContext& ctx) { return ctx.screen.y - ctx.theme.top_bar_height() * 0.5f; }

// The control bar at the bottom: End (when `end` is given), the session clock and the language
// switch. `reserve` is the width the caller's buttons need left of the switch; where the clock
// would not fit beside them (a narrow portrait panel) it is left out. Returns the x left of the
// switch, from which the caller lays out its buttons (bar_button).
float draw_control_bar(UiContext& ctx, ImVec2 min, ImVec2 max, bool* end, float reserve = 0) {
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    ctx.draw->AddRectFilled(min, max, c.primary);
    const bool two_rows = bar_two_rows(ctx);
    const float cy = two_rows ? min.y + theme.top_bar_height() * 0.5f : (min.y + max.y) * 0.5f;
    const float buttons_cy = bar_buttons_cy(ctx);
    const float bh = theme.button_height() * 0.9f;
    const float margin = theme.margin() * 0.6f;
    const std::string& end_label = ctx.t("trainer.end");
    const float ew = end ? button_width(ctx, end_label) : -ctx.metrics().space_wide;
    if (end)
        *end = touch_button(ctx, "trainer.end", end_label, ImVec2(margin, cy - bh / 2),
                            ImVec2(margin + ew, cy + bh / 2), ButtonStyle::OnPrimary);
    const float right = language_switch(ctx, ctx.screen.x - margin, buttons_cy) - ctx.metrics().space_section;

    char clock[32];
    format_session_clock(clock, sizeof clock, session_elapsed(ctx.state.trainer, ctx.now));
    const Font* small = ctx.font(FontRole::Small);
    const Font* title = ctx.font(FontRole::Title);
    const float tx = margin + ew + ctx.metrics().space_wide;
    const float clock_w = std::max(text_size(small, ctx.t("trainer.time")).x, text_size(title, clock).x);
    if (tx + clock_w + ctx.metrics().space_wide <= (two_rows ? ctx.screen.x - margin : right) - reserve) {
        draw_text(ctx.draw, small, ImVec2(tx, cy - small->size - ctx.metrics().space_tight), c.text_on_primary,
                  ctx.t("trainer.time"));
        draw_text(ctx.draw, title, ImVec2(tx, cy - ctx.metrics().space_nudge), c.text_on_primary, clock);
    }
    return right;
}

// A button in the control bar, right-aligned to `*right`, which moves left past it.
float bar_button_width(const UiContext& ctx, const std::string& label) {
    return std::max(button_width(ctx, label, FontRole::Medium), ctx.metrics().wide_button_min_width);
}

bool bar_button(UiContext& ctx, const char* id, const std::string& label, float* right, float cy, ButtonStyle style) {
    const float bh = ctx.theme.button_height() * 0.9f;
    // Never past the bar's left edge: a narrow panel gets the label cut with an ellipsis.
    const float w = std::min(bar_button_width(ctx, label), *right - ctx.theme.margin() * 0.6f);
    const bool tapped = touch_button(ctx, id, label, ImVec2(*right - w, cy - bh / 2), ImVec2(*right, cy + bh / 2),
                                     style, FontRole::Medium);
    *right -= w + ctx.metrics().space_list;
    return tapped;
}

void draw_choose(UiContext& ctx) {
    const Theme& theme = ctx.theme;
    if (draw_top_bar(ctx, ctx.t("trainer.title"), true)) {
        ctx.state.trainer = TrainerState{};
        open_lessons(ctx.state);
        return;
    }
    const float margin = theme.margin();
    float y = theme.top_bar_height() + margin * 0.7f;
    const Font* heading = ctx.font(FontRole::Title);
    draw_text(ctx.draw, heading, ImVec2(margin, y), theme.colors.text, ctx.t("trainer.choose"));
    y += heading->size * 1.3f + margin * 0.5f;
    const Lesson* chosen = draw_lesson_grid(ctx, ctx.state.trainer.list_scroll, ImVec2(0, y),
                                            ImVec2(ctx.screen.x, ctx.screen.y - margin * 0.5f));
    if (chosen) start_session(ctx.state.trainer, *chosen, ctx.now);
}

void draw_present(UiContext& ctx) {
    TrainerState& trainer = ctx.state.trainer;
    const Lesson& lesson = *trainer.lesson;
    const int count = static_cast<int>(lesson.slides.size());
    const float margin = ctx.theme.margin();
    const float top_of_bar = bar_top(ctx);
    if (count > 0) {
        char caption[64];
        format_progress(caption, sizeof caption, ctx.t("lesson.slide"), trainer.slide, count);
        draw_slide(ctx, lesson.slides[trainer.slide], caption, {ctx.font(FontRole::Display), ctx.font(FontRole::Title)},
                   ImVec2(margin, margin), ImVec2(ctx.screen.x - margin, top_of_bar - margin * 1.4f), 0,
                   trainer.slide_scroll);
        draw_progress_dots(ctx, ImVec2(ctx.screen.x * 0.5f, top_of_bar - margin * 0.7f), count, trainer.slide);
    }
    bool end = false;
    float right = draw_control_bar(ctx, ImVec2(0, top_of_bar), ctx.screen, &end);
    const float cy = bar_buttons_cy(ctx);
    const bool last = on_last_slide(trainer);
    if (!last || !lesson.questions.empty()) {
        const std::string& next = ctx.t(last ? "trainer.start_quiz" : "lesson.next");
        if (bar_button(ctx, last ? "trainer.start_quiz" : "trainer.next", next, &right, cy, ButtonStyle::SegmentOn))
            next_slide(trainer);
    }
    if (trainer.slide > 0 && bar_button(ctx, "trainer.previous", ctx.t("lesson.previous"), &right, cy, ButtonStyle::OnPrimary))
        previous_slide(trainer);
    if (end) end_group_session(trainer);
}

// One answer with the group's tally: tap the answer or + to count a participant, − to undo.
void draw_vote_row(UiContext& ctx, const Question& question, int option, ImVec2 min, ImVec2 max) {
    TrainerState& trainer = ctx.state.trainer;
    const Palette& c = ctx.theme.colors;
    const std::string& text = question.options[option].get(ctx.state.language);
    const float button = std::max(ctx.theme.min_target() * 1.6f, ctx.metrics().stepper_button_min_width);
    const float counter = ctx.metrics().counter_width;
    const float gap = ctx.metrics().space_card;  // between the answer and −: two targets
    const float answer_right = max.x - button * 2 - counter - gap;
    AnswerLook look = AnswerLook::Open;
    bool pressed = false;
    if (trainer.revealed) {
        look = option == question.correct_option ? AnswerLook::Correct : AnswerLook::Dimmed;
    } else {
        TouchArea area = touch_area(ctx, {"trainer.option", option + 1}, text, min, ImVec2(answer_right, max.y));
        pressed = area.pressed;
        if (area.clicked) count_vote(trainer, option, +1);
    }
    draw_answer(ctx, min, ImVec2(answer_right, max.y), option, text, ctx.font(FontRole::Medium), look, pressed);

    // The steppers are never shorter than a fingertip, however low the row.
    const float cy = (min.y + max.y) * 0.5f;
    const float bh = std::max(ctx.theme.min_target(), std::min(max.y - min.y, ctx.metrics().stepper_button_max_height));
    float x = answer_right + gap;
    static const std::string kMinus = "\xE2\x88\x92", kPlus = "+";
    if (!trainer.revealed) {
        if (touch_button(ctx, {"trainer.minus", option + 1}, kMinus, ImVec2(x, cy - bh / 2),
                         ImVec2(x + button, cy + bh / 2), ButtonStyle::Secondary, FontRole::Title))
            count_vote(trainer, option, -1);
    }
    x += button;
    char number[16];
    std::snprintf(number, sizeof number, "%d", trainer.votes[trainer.question][option]);
    draw_text_centered(ctx.draw, ctx.font(FontRole::Title), ImVec2(x, cy - bh / 2), ImVec2(x + counter, cy + bh / 2),
                       look == AnswerLook::Correct ? c.success : c.text, number);
    x += counter;
    if (!trainer.revealed) {
        if (touch_button(ctx, {"trainer.plus", option + 1}, kPlus, ImVec2(x, cy - bh / 2),
                         ImVec2(x + button, cy + bh / 2), ButtonStyle::Secondary, FontRole::Title))
            count_vote(trainer, option, +1);
    }
}

void draw_group_quiz(UiContext& ctx) {
    TrainerState& trainer = ctx.state.trainer;
    const Lesson& lesson = *trainer.lesson;
    const int count = static_cast<int>(lesson.questions.size());
    const Question& question = lesson.questions[trainer.question];
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    const float margin = ctx.theme.margin();
    const float width = ctx.screen.x - margin * 2;
    const float top_of_bar = bar_top(ctx);
    const Font* small = ctx.font(FontRole::Small);
    float y = margin * 0.8f;
    char caption[64];
    format_progress(caption, sizeof caption, ctx.t("quiz.question"), trainer.question, count);
    draw_text(ctx.draw, small, ImVec2(margin, y), c.accent, caption);
    y += small->size * 1.6f;
    // On a small panel the question is set a size smaller, so the rows of answers keep their room.
    const bool small_panel = ctx.layout().small();
    y += draw_wrapped(ctx.draw, ctx.text_cache, question.text.get(lang),
                      ctx.font(small_panel ? FontRole::Title : FontRole::Display), ImVec2(margin, y), width, c.text, lc,
                      small_panel ? 2 : 3);
    y += ctx.metrics().space_related;
    if (!trainer.revealed)
        draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("trainer.vote_hint"), small, ImVec2(margin, y), width,
                     c.text_muted, lc, 1);
    y += small->size * 1.6f;

    // Rows share the height left above the explanation's space.
    const float explanation_space = ctx.metrics().explanation_space;
    const int options = static_cast<int>(question.options.size());
    const float gap = ctx.metrics().space_card;  // rows of targets stay apart
    const float available = top_of_bar - margin * 0.6f - explanation_space - y;
    const float row = std::max(ctx.theme.min_target(),
                               std::clamp((available - gap * (options - 1)) / std::max(1, options),
                                          ctx.metrics().trainer_row_min_height, ctx.metrics().trainer_row_max_height));
    for (int i = 0; i < options; ++i, y += row + gap)
        draw_vote_row(ctx, question, i, ImVec2(margin, y), ImVec2(margin + width, y + row));

    if (trainer.revealed) {
        const float pad = ctx.metrics().pad_tile;
        const ImVec2 box_min(margin, y + ctx.metrics().space_tight), box_max(margin + width, top_of_bar - margin * 0.5f);
        ctx.draw->AddRectFilled(box_min, box_max, c.success_soft, ctx.theme.corner());
        const float line_h =
            ctx.text_cache.wrap(question.explanation.get(lang), ctx.font(FontRole::Medium), width - pad * 2, lc).line_height;
        const int lines = std::max(1, static_cast<int>((box_max.y - box_min.y - pad * 2) / line_h));
        draw_wrapped(ctx.draw, ctx.text_cache, question.explanation.get(lang), ctx.font(FontRole::Medium),
                     ImVec2(box_min.x + pad, box_min.y + pad), width - pad * 2, c.text, lc, lines);
    }

    bool end = false;
    float right = draw_control_bar(ctx, ImVec2(0, top_of_bar), ctx.screen, &end);
    const float cy = bar_buttons_cy(ctx);
    const bool last = on_last_question(trainer);
    if (!trainer.revealed) {
        if (bar_button(ctx, "trainer.reveal", ctx.t("trainer.reveal"), &right, cy, ButtonStyle::SegmentOn))
            reveal_answer(trainer);
    } else if (bar_button(ctx, last ? "trainer.show_results" : "trainer.next_question",
                          ctx.t(last ? "trainer.show_results" : "quiz.next"), &right, cy, ButtonStyle::SegmentOn) &&
               next_question(trainer, ctx.now)) {
        request_recording(ctx);
    }
    if (end) end_group_session(trainer);
}

// Per question, how many answered right (green) and otherwise (grey), with a shared scale.
void draw_results_chart(UiContext& ctx, ImVec2 min, ImVec2 max) {
    const TrainerState& trainer = ctx.state.trainer;
    const Palette& c = ctx.theme.colors;
    const Font* small = ctx.font(FontRole::Small);
    const Font* regular = ctx.font(FontRole::Regular);
    int highest = 1;
    for (size_t q = 0; q < trainer.votes.size(); ++q) {
        const VoteTally tally = tally_question(trainer, q);
        highest = std::max({highest, tally.right, tally.other});
    }
    const float label_h = regular->size * 1.6f, value_h = small->size * 1.5f;
    const float base = max.y - label_h;
    const float scale = (base - min.y - value_h) / static_cast<float>(highest);
    ctx.draw->AddLine(ImVec2(min.x, base), ImVec2(max.x, base), c.border, ctx.metrics().line_thin);
    const int groups = static_cast<int>(trainer.votes.size());
    const float slot = (max.x - min.x) / static_cast<float>(std::max(1, groups));
    const float bar = std::min(ctx.metrics().chart_bar_max_width, slot * 0.3f);
    char text[32];
    for (int q = 0; q < groups; ++q) {
        const VoteTally tally = tally_question(trainer, static_cast<size_t>(q));
        const float cx = min.x + slot * (static_cast<float>(q) + 0.5f);
        const int values[2] = {tally.right, tally.other};
        const ImU32 colors[2] = {c.success, c.text_muted};
        for (int k = 0; k < 2; ++k) {
            const float x0 = k == 0 ? cx - bar - ctx.metrics().space_nudge : cx + ctx.metrics().space_nudge;
            const float top = base - scale * static_cast<float>(values[k]);
            if (values[k] > 0)
                ctx.draw->AddRectFilled(ImVec2(x0, top), ImVec2(x0 + bar, base), colors[k], ctx.metrics().radius_small,
                                        ImDrawFlags_RoundCornersTop);
            std::snprintf(text, sizeof text, "%d", values[k]);
            draw_text_centered(ctx.draw, small, ImVec2(x0, top - value_h), ImVec2(x0 + bar, top), c.text, text);
        }
        std::snprintf(text, sizeof text, "%s%d", ctx.t("trainer.question_short").c_str(), q + 1);
        draw_text_centered(ctx.draw, regular, ImVec2(cx - slot / 2, base), ImVec2(cx + slot / 2, max.y), c.text, text);
    }
}

void draw_legend(UiContext& ctx, ImVec2 pos) {
    const Palette& c = ctx.theme.colors;
    const Font* small = ctx.font(FontRole::Small);
    const char* keys[2] = {"trainer.legend_correct", "trainer.legend_other"};
    const ImU32 colors[2] = {c.success, c.text_muted};
    float x = pos.x;
    for (int k = 0; k < 2; ++k) {
        ctx.draw->AddRectFilled(
            ImVec2(x, pos.y + ctx.metrics().space_nudge),
            ImVec2(x + ctx.metrics().legend_swatch, pos.y + ctx.metrics().space_nudge + ctx.metrics().legend_swatch),
            colors[k], ctx.metrics().radius_small);
        draw_text(ctx.draw, small, ImVec2(x + ctx.metrics().legend_swatch + ctx.metrics().space_related, pos.y), c.text,
                  ctx.t(keys[k]));
        x += ctx.metrics().legend_swatch + ctx.metrics().space_related + text_size(small, ctx.t(keys[k])).x +
             ctx.metrics().space_wide;
    }
}

void draw_results(UiContext& ctx) {
    TrainerState& trainer = ctx.state.trainer;
    const Lesson& lesson = *trainer.lesson;
    const Palette& c = ctx.theme.colors;
    const Lang lang = ctx.state.language;
    const float margin = ctx.theme.margin();
    const float top_of_bar = bar_top(ctx);
    const Font* title = ctx.font(FontRole::Title);
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* regular = ctx.font(FontRole::Regular);
    float y = margin * 0.8f;
    draw_text(ctx.draw, title, ImVec2(margin, y), c.text, ctx.t("trainer.results"));
    y += title->size * 1.4f;
    draw_wrapped(ctx.draw, ctx.text_cache, lesson.title.get(lang), medium, ImVec2(margin, y), ctx.screen.x - margin * 2,
                 c.primary, lang_code(lang), 1);
    y += medium->size * 1.6f;

    const VoteTally total = tally_session(trainer);
    char line[160];
    std::snprintf(line, sizeof line, "%s: %d / %d (%d%%)", ctx.t("trainer.correct_total").c_str(), total.right,
                  total.all(), total.percent_right());
    draw_text(ctx.draw, regular, ImVec2(margin, y), c.text, line);
    y += regular->size * 1.8f;
    draw_legend(ctx, ImVec2(margin, y));
    y += ctx.metrics().space_page;

    const float status_h = regular->size * 2.0f;
    draw_results_chart(ctx, ImVec2(margin, y), ImVec2(ctx.screen.x - margin, top_of_bar - margin * 0.5f - status_h));
    const char* status_key = trainer.save == TrainerState::Save::Saved    ? "trainer.saved"
                             : trainer.save == TrainerState::Save::Failed ? "trainer.save_failed"
                                                                          : "trainer.saving";
    const ImU32 status_color = trainer.save == TrainerState::Save::Failed ? c.danger : c.text_muted;
    const float status_y = top_of_bar - margin * 0.3f - status_h * 0.75f;
    draw_text(ctx.draw, regular, ImVec2(margin, status_y), status_color, ctx.t(status_key));
    if (trainer.save == TrainerState::Save::Failed)
        draw_text(ctx.draw, regular,
                  ImVec2(margin + text_size(regular, ctx.t(status_key)).x + ctx.metrics().space_related, status_y),
                  status_color, trainer.save_error);

    // Two rows (portrait): "New session" goes up beside the clock, "Exit" stays by the switch.
    const bool two_rows = bar_two_rows(ctx);
    const float new_w = bar_button_width(ctx, ctx.t("trainer.new_session"));
    const float buttons_w =
        two_rows ? new_w : new_w + ctx.metrics().space_list + bar_button_width(ctx, ctx.t("trainer.exit"));
    float bar_right = draw_control_bar(ctx, ImVec2(0, top_of_bar), ctx.screen, nullptr, buttons_w);
    float top_right = ctx.screen.x - ctx.theme.margin() * 0.6f;
    const float top_cy = top_of_bar + ctx.theme.top_bar_height() * 0.5f;
    const float cy = bar_buttons_cy(ctx);
    if (bar_button(ctx, "trainer.new_session", ctx.t("trainer.new_session"), two_rows ? &top_right : &bar_right,
                   two_rows ? top_cy : cy, ButtonStyle::SegmentOn))
        end_group_session(trainer);
    else if (bar_button(ctx, "trainer.exit", ctx.t("trainer.exit"), &bar_right, cy, ButtonStyle::OnPrimary)) {
        trainer = TrainerState{};
        open_lessons(ctx.state);
    }
}

}  // namespace

double next_trainer_tick(const UiState& state, double now) {
    if (state.screen() != Screen::Trainer) return std::numeric_limits<double>::infinity();
    return next_session_tick(state.trainer, now);
}

void draw_trainer_screen(UiContext& ctx) {
    TrainerState& trainer = ctx.state.trainer;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, ctx.theme.colors.background);
    ctx.state.lesson.pictures.clear();
    settle_group_session(trainer);
    switch (trainer.phase) {
        case Phase::Choose: draw_choose(ctx); break;
        case Phase::Present: draw_present(ctx); break;
        case Phase::Quiz: draw_group_quiz(ctx); break;
        case Phase::Results: draw_results(ctx); break;
    }
}

}  // namespace kiosk::ui
