// Lessons: the digital-literacy lessons as cards (picture, title, summary, how long), and a
// discreet way in to trainer mode for the people who run group sessions.
#include "ui/illustrations.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr int kMaxColumns = 4;
// A card is never narrower than this many card-title line heights: with a larger text size or
// on a narrower screen the grid has fewer columns, not cramped cards.
constexpr float kCardMinWidthEm = 8.0f;
// The picture band's height against the card's width.
constexpr float kBandShare = 0.5f;

// How the cards of the grid are sized: the same for every card, from the screen and the text.
struct CardGrid {
    int columns = 1;
    float width = 0, height = 0, band = 0;
    int summary_lines = 2, meta_lines = 1;
};

CardGrid card_grid(UiContext& ctx, float area_width, float area_height) {
    const Metrics& m = ctx.metrics();
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* small = ctx.font(FontRole::Small);
    const float gap = m.space_group;
    const float usable = area_width - ctx.theme.margin() * 2;
    const float min_width = medium->size * 1.3f * kCardMinWidthEm;
    CardGrid g;
    g.columns = std::clamp(static_cast<int>((usable + gap) / (min_width + gap)), 1, kMaxColumns);
    g.width = (usable - gap * static_cast<float>(g.columns - 1)) / static_cast<float>(g.columns);
    g.band = std::min(g.width * kBandShare, m.lesson_picture_max_height);
    g.summary_lines = ctx.layout().small() ? 2 : 3;
    const char* lc = lang_code(ctx.state.language);
    const float inner = g.width - m.pad_card * 2;
    for (const auto& meta : ctx.strings.lesson_meta)
        g.meta_lines = std::max(
            g.meta_lines,
            std::min<int>(
                2, static_cast<int>(
                       ctx.text_cache.wrap(meta[static_cast<int>(ctx.state.language)], small, inner, lc).lines.size())));
    const float title_lh = medium->size * 1.3f, small_lh = small->size * 1.3f;
    g.height = g.band + m.pad_card + title_lh * 2 + m.space_tight + small_lh * static_cast<float>(g.summary_lines) +
               m.space_related + small_lh * static_cast<float>(g.meta_lines) + m.pad_card;
    g.height = std::max(g.height, m.lesson_card_min_height);
    // On a large landscape screen two rows fill the area; elsewhere cards keep their size and scroll.
    if (ctx.layout().large()) g.height = std::max(g.height, (area_height - gap * 2.25f) / 2);
    return g;
}

// Returns true when the card was tapped.
bool draw_lesson_card(UiContext& ctx, const Lesson& lesson, const std::string& meta, const CardGrid& grid, ImVec2 min,
                      ImVec2 max) {
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    const std::string& title = lesson.title.get(lang);
    TouchArea area = touch_area(ctx, {"lessons.lesson", lesson.id}, title, min, max);
    const Palette& c = ctx.theme.colors;
    const Metrics& m = ctx.metrics();
    const float rounding = ctx.theme.corner();

    draw_card(ctx, min, max, area.pressed);
    // Everything of the card stays inside it, whatever the picture's shape.
    ctx.draw->PushClipRect(min, max, true);
    const float band = grid.band;
    ctx.draw->AddRectFilled(min, ImVec2(max.x, min.y + band), c.accent_soft, rounding, ImDrawFlags_RoundCornersTop);
    const float picture = std::max(0.0f, std::min(band, max.x - min.x) - m.icon_inset * 2);
    ctx.state.lesson.pictures.push_back({lesson.id.c_str(), (min.x + max.x - picture) * 0.5f, min.y + (band - picture) * 0.5f,
                                         picture, min.x, min.y, max.x - min.x, max.y - min.y});
    draw_illustration(ctx.draw, ctx.theme, lesson.icon,
                      ImVec2((min.x + max.x - picture) * 0.5f, min.y + (band - picture) * 0.5f), picture);
    // The lesson's number, so a trainer can say "lesson 3".
    char number[8];
    std::snprintf(number, sizeof number, "%d", lesson.order);
    const Font* medium = ctx.font(FontRole::Medium);
    const Font* small = ctx.font(FontRole::Small);
    const float radius = std::max(m.number_badge_radius, small->size * 0.75f);
    const ImVec2 badge(min.x + radius + m.space_related, min.y + radius + m.space_related);
    ctx.draw->AddCircleFilled(badge, radius, c.primary);
    draw_text_centered(ctx.draw, small, ImVec2(badge.x - radius, badge.y - radius),
                       ImVec2(badge.x + radius, badge.y + radius), c.text_on_primary, number);

    const float pad = m.pad_card;
    const float inner = max.x - min.x - pad * 2;
    float y = min.y + band + pad;
    const float small_lh = small->size * 1.3f;
    const float meta_y = max.y - pad - small_lh * static_cast<float>(grid.meta_lines);
    y += draw_wrapped(ctx.draw, ctx.text_cache, title, medium, ImVec2(min.x + pad, y), inner, c.text, lc, 2);
    y += m.space_tight;
    const int summary_lines =
        std::min(grid.summary_lines, static_cast<int>(std::floor((meta_y - m.space_related - y) / small_lh)));
    if (summary_lines >= 1)
        draw_wrapped(ctx.draw, ctx.text_cache, lesson.summary.get(lang), small, ImVec2(min.x + pad, y), inner,
                     c.text_muted, lc, summary_lines);
    draw_wrapped(ctx.draw, ctx.text_cache, meta, small, ImVec2(min.x + pad, meta_y), inner, c.accent, lc, grid.meta_lines);
    ctx.draw->PopClipRect();
    return area.clicked;
}

// The discreet way in to trainer mode: small, quiet, but still a full-size target, right-aligned
// to `right`. Sets `*left` to its left edge; returns true when tapped.
bool draw_trainer_entry(UiContext& ctx, float right, float center_y, float* left) {
    const std::string& label = ctx.t("lessons.trainer");
    const Font* small = ctx.font(FontRole::Small);
    const float width = std::max(ctx.theme.min_target() * 2.0f, text_size(small, label).x + ctx.metrics().pad_tile * 2);
    const float height = std::max(ctx.theme.min_target(), ctx.metrics().small_button_height);
    ImVec2 min(right - width, center_y - height * 0.5f), max(right, center_y + height * 0.5f);
    *left = min.x;
    TouchArea area = touch_area(ctx, "lessons.trainer", label, min, max);
    const Palette& c = ctx.theme.colors;
    if (area.pressed) ctx.draw->AddRectFilled(min, max, c.pressed_overlay, ctx.metrics().radius_control);
    ctx.draw->AddRect(min, max, c.border, ctx.metrics().radius_control, 0, ctx.metrics().line_hairline);
    draw_text_centered(ctx.draw, small, min, max, c.text_muted, label);
    return area.clicked;
}

}  // namespace

bool draw_lessons_entry(UiContext& ctx, ImVec2 min, ImVec2 max) {
    const Lang lang = ctx.state.language;
    const char* lc = lang_code(lang);
    const std::string& title = ctx.t("home.lessons_title");
    TouchArea area = touch_area(ctx, "home.lessons", title, min, max);
    const Palette& c = ctx.theme.colors;
    const float rounding = ctx.theme.corner();
    draw_card(ctx, min, max, area.pressed);

    // Pictures from three lessons on a soft band: at the top of a tile, at the left of a banner.
    const float w = max.x - min.x, h = max.y - min.y;
    const bool banner = w > h * 3.0f;
    const ImVec2 band_max = banner ? ImVec2(min.x + std::min(w * 0.34f, h * 3.0f), max.y) : ImVec2(max.x, min.y + h * 0.4f);
    ctx.draw->AddRectFilled(min, band_max, c.accent_soft, rounding,
                            banner ? ImDrawFlags_RoundCornersLeft : ImDrawFlags_RoundCornersTop);
    const Illustration pictures[3] = {Illustration::PhoneTouch, Illustration::LockPassword, Illustration::AiChat};
    const float band_w = band_max.x - min.x, band_h = band_max.y - min.y;
    const float picture = std::min(band_h - ctx.metrics().icon_inset * 2, band_w / 3.0f - ctx.metrics().space_card);
    for (int i = 0; i < 3; ++i) {
        const float cx = min.x + band_w * (static_cast<float>(i) + 0.5f) / 3.0f;
        draw_illustration(ctx.draw, ctx.theme, pictures[i],
                          ImVec2(cx - picture * 0.5f, min.y + (band_h - picture) * 0.5f), picture);
    }

    const float pad = ctx.metrics().pad_card_large;
    const float x = banner ? band_max.x + pad : min.x + pad;
    const float inner = max.x - pad - x;
    float y = banner ? min.y + pad * 0.8f : band_max.y + pad * 0.7f;
    const Font* regular = ctx.font(FontRole::Regular);
    const Font* small = ctx.font(FontRole::Small);
    const float bottom = max.y - pad * 0.8f - regular->size;
    y += draw_wrapped(ctx.draw, ctx.text_cache, title, ctx.font(FontRole::Medium), ImVec2(x, y), inner, c.primary, lc, 1);
    y += ctx.metrics().space_tight;
    const int lines = static_cast<int>(std::floor((bottom - y - ctx.metrics().space_tight) / (small->size * 1.3f)));
    if (lines >= 1)
        draw_wrapped(ctx.draw, ctx.text_cache, ctx.strings.lessons_banner[static_cast<int>(lang)], small, ImVec2(x, y),
                     inner, c.text_muted, lc, lines);
    draw_text(ctx.draw, regular, ImVec2(x, bottom), c.accent, ctx.t("home.lessons_open"));
    return area.clicked;
}

void open_lessons(UiState& state) {
    state.nav.back_to(Screen::Lessons);
    state.lesson.lesson = nullptr;
    state.lesson.slide = 0;
    state.quiz = QuizState{};
}

const Lesson* draw_lesson_grid(UiContext& ctx, KineticScroll& scroll, ImVec2 min, ImVec2 max) {
    const auto& lessons = ctx.content.lessons();
    const float margin = ctx.theme.margin();
    const float gap = ctx.metrics().space_group;
    const CardGrid grid = card_grid(ctx, max.x - min.x, max.y - min.y);
    const int rows = (static_cast<int>(lessons.size()) + grid.columns - 1) / grid.columns;
    const float content_height = rows * grid.height + std::max(0, rows - 1) * gap + gap;
    scroll.set_extent(content_height, max.y - min.y);
    scroll_region(ctx, scroll, min, max);

    const Lesson* tapped = nullptr;
    ctx.draw->PushClipRect(min, max, true);
    const float top = min.y + gap * 0.25f - scroll.offset();
    for (size_t i = 0; i < lessons.size(); ++i) {
        const int row = static_cast<int>(i) / grid.columns, col = static_cast<int>(i) % grid.columns;
        ImVec2 card_min(min.x + margin + col * (grid.width + gap), top + row * (grid.height + gap));
        ImVec2 card_max(card_min.x + grid.width, card_min.y + grid.height);
        if (card_max.y < min.y || card_min.y > max.y) continue;
        const std::string& meta = ctx.strings.lesson_meta[i][static_cast<int>(ctx.state.language)];
        if (draw_lesson_card(ctx, lessons[i], meta, grid, card_min, card_max)) tapped = &lessons[i];
    }
    ctx.draw->PopClipRect();
    scroll_indicator(ctx, scroll, min, max, content_height);
    return tapped;
}

void draw_lessons_screen(UiContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, c.background);
    ctx.state.lesson.pictures.clear();
    if (draw_top_bar(ctx, ctx.t("lessons.title"), true)) {
        ctx.state.nav.pop();
        return;
    }
    const float margin = theme.margin();
    float y = theme.top_bar_height() + margin * 0.7f;
    const Font* heading = ctx.font(FontRole::Title);
    const float button_h = std::max(ctx.theme.min_target(), ctx.metrics().small_button_height);
    const float heading_h = std::max(heading->size * 1.3f, button_h);
    float trainer_left = 0;
    const bool trainer = draw_trainer_entry(ctx, ctx.screen.x - margin, y + heading_h * 0.5f, &trainer_left);
    draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("lessons.heading"), heading,
                 ImVec2(margin, y + (heading_h - heading->size * 1.3f) * 0.5f),
                 trainer_left - margin - ctx.metrics().space_item, c.text, lang_code(ctx.state.language), 1);
    y += heading_h + ctx.metrics().space_tight;
    const Font* regular = ctx.font(FontRole::Regular);
    y += draw_wrapped(ctx.draw, ctx.text_cache, ctx.t("lessons.subheading"), regular, ImVec2(margin, y),
                      ctx.screen.x - margin * 2, c.text_muted, lang_code(ctx.state.language), 2);
    y += margin * 0.5f;

    const Lesson* tapped = draw_lesson_grid(ctx, ctx.state.lesson.list_scroll, ImVec2(0, y),
                                            ImVec2(ctx.screen.x, ctx.screen.y - margin * 0.5f));
    if (tapped) {
        open_lesson(ctx.state, *tapped, 0);
        return;
    }
    if (trainer) {
        ctx.state.pin = PinPadState{};
        ctx.state.pin.role = PinPadState::Role::Trainer;
        ctx.state.nav.push(Screen::Pin);
    }
}

}  // namespace kiosk::ui
