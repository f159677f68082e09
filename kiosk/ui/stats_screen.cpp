// The organizer's statistics dashboard (state-dump screen "stats"): a period selector, the
// visitors and the median visit, visitors per hour (bars) and per day (line), the top
// documents and lessons, top searches and searches that found nothing, the language split and
// quiz results; and the one-tap report to the USB stick with its progress and outcome.
// Charts are drawn with the draw list like the rest of the kiosk, with labelled axes in the
// panel's language. The platform computes the summary (UiRequests::load_stats); nothing here
// touches the database.
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cstdio>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr StatsView::Period kPeriods[] = {StatsView::Period::Today, StatsView::Period::Week, StatsView::Period::Month,
                                          StatsView::Period::All};
constexpr const char* kPeriodKeys[] = {"stats.period.today", "stats.period.week", "stats.period.month", "stats.period.all"};
constexpr size_t kDashboardRows = 6;  // of each top list; report.html has them all

struct Area {
    ImVec2 Min, Max;
    Area(ImVec2 min, ImVec2 max) : Min(min), Max(max) {}
    float GetWidth() const { return Max.x - Min.x; }
};

// A "nice" axis top (1, 2, 5 x 10^n) at or above `value`, with ticks every top / 4 or so.
int64_t axis_top(int64_t value, int64_t* step) {
    int64_t magnitude = 1;
    while (magnitude * 10 <= std::max<int64_t>(value, 1)) magnitude *= 10;
    int64_t top = magnitude;
    for (int64_t factor : {1, 2, 4, 5, 10})
        if (magnitude * factor >= value) {
            top = magnitude * factor;
            break;
        }
    top = std::max<int64_t>(top, 2);
    *step = top % 4 == 0 ? top / 4 : top / 2;
    return top;
}

// A card with a title (in `role`); returns the area left for its content.
Area card(UiContext& ctx, const std::string& title, ImVec2 min, ImVec2 max, FontRole role = FontRole::Medium) {
    const Palette& c = ctx.theme.colors;
    draw_card(ctx, min, max);
    const Font* medium = ctx.font(role);
    const float pad = ctx.metrics().pad_tile;
    ctx.draw->PushClipRect(min, max, true);
    draw_text(ctx.draw, medium, ImVec2(min.x + pad, min.y + pad * 0.6f), c.text, title);
    ctx.draw->PopClipRect();
    return Area(ImVec2(min.x + pad, min.y + pad * 0.6f + medium->size * 1.35f), ImVec2(max.x - pad, max.y - pad * 0.6f));
}

// Bars (or a line through the points) with a y axis of ticks and an x label every `label_every`:
// value(i) is the height of point i, label(i) its name on the x axis.
template <typename Value, typename Label>
void draw_chart(UiContext& ctx, Area area, size_t count, Value value, Label label_of, bool line, int label_every,
                const char* x_title_key, const char* y_title_key) {
    const Palette& c = ctx.theme.colors;
    const Font* small = ctx.font(FontRole::Small);
    int64_t max_value = 0;
    for (size_t i = 0; i < count; ++i) max_value = std::max(max_value, value(i));
    int64_t step = 1;
    const int64_t top = axis_top(max_value, &step);
    const std::string& y_title = ctx.t(y_title_key);
    const std::string& x_title = ctx.t(x_title_key);
    draw_text(ctx.draw, small, ImVec2(area.Min.x, area.Min.y), c.text_muted, y_title);
    const float left = area.Min.x + text_size(small, std::to_string(top)).x + ctx.metrics().space_related;
    const float plot_top = area.Min.y + small->size * 1.6f;
    const float plot_bottom = area.Max.y - small->size * 2.7f;
    const float plot_h = plot_bottom - plot_top, plot_w = area.Max.x - left;
    for (int64_t tick = 0; tick <= top; tick += step) {
        const float y = plot_bottom - plot_h * static_cast<float>(tick) / static_cast<float>(top);
        ctx.draw->AddLine(ImVec2(left, y), ImVec2(area.Max.x, y), c.border, ctx.metrics().line_hairline);
        const std::string label = std::to_string(tick);
        draw_text(ctx.draw, small,
                  ImVec2(left - ctx.metrics().space_tight - text_size(small, label).x, y - small->size * 0.55f),
                  c.text_muted, label);
    }
    const float slot = plot_w / static_cast<float>(std::max<size_t>(count, 1));
    ImVec2 previous;
    for (size_t i = 0; i < count; ++i) {
        const float x = left + slot * static_cast<float>(i);
        const float y = plot_bottom - plot_h * static_cast<float>(value(i)) / static_cast<float>(top);
        const ImVec2 point(x + slot * 0.5f, y);
        if (!line) {
            ctx.draw->AddRectFilled(ImVec2(x + slot * 0.15f, y), ImVec2(x + slot * 0.85f, plot_bottom), c.primary);
        } else {
            if (i > 0) ctx.draw->AddLine(previous, point, c.primary, ctx.metrics().line_bold);
            ctx.draw->AddCircleFilled(point, ctx.metrics().chart_point_radius, c.primary, 16);
            previous = point;
        }
        if (label_every > 0 && i % static_cast<size_t>(label_every) == 0) {
            const std::string label = label_of(i);
            const float w = text_size(small, label).x;
            draw_text(ctx.draw, small, ImVec2(point.x - w * 0.5f, plot_bottom + ctx.metrics().space_tight),
                      c.text_muted, label);
        }
    }
    ctx.draw->AddLine(ImVec2(left, plot_top), ImVec2(left, plot_bottom), c.text, ctx.metrics().line_regular);
    ctx.draw->AddLine(ImVec2(left, plot_bottom), ImVec2(area.Max.x, plot_bottom), c.text, ctx.metrics().line_regular);
    const float title_w = text_size(small, x_title).x;
    draw_text(ctx.draw, small, ImVec2(left + (plot_w - title_w) * 0.5f, area.Max.y - small->size * 1.25f), c.text_muted,
              x_title);
}

// One row of a top list: the label (on one line, with an ellipsis if cut), a bar for the count, the count.
void draw_list_row(UiContext& ctx, Area area, float y, const std::string& label, int64_t count, int64_t max_count,
                   const char* suffix = "") {
    const Palette& c = ctx.theme.colors;
    const Font* small = ctx.font(FontRole::Small);
    const float width = area.GetWidth();
    const float label_w = width * 0.58f;
    draw_wrapped(ctx.draw, ctx.text_cache, label, small, ImVec2(area.Min.x, y), label_w - ctx.metrics().space_tight,
                 c.text, lang_code(ctx.state.language), 1);
    const std::string number = std::to_string(count) + suffix;
    const float number_w = text_size(small, number).x;
    const float bar_max = width - label_w - number_w - ctx.metrics().space_related;
    const float bar = bar_max * static_cast<float>(count) / static_cast<float>(std::max<int64_t>(max_count, 1));
    const float bar_top = y + small->size * 0.2f, bar_bottom = y + small->size * 1.05f;
    ctx.draw->AddRectFilled(ImVec2(area.Min.x + label_w, bar_top), ImVec2(area.Min.x + label_w + bar, bar_bottom), c.primary);
    draw_text(ctx.draw, small, ImVec2(area.Min.x + label_w + bar + ctx.metrics().space_tight, y), c.text, number);
}

// The title of a document or lesson in the panel's language, or its id if the content has none.
const std::string& title_of(const UiContext& ctx, const std::string& id) {
    for (const Document& doc : ctx.content.documents())
        if (doc.info.id == id) return doc.info.title.get(ctx.state.language);
    for (const Lesson& lesson : ctx.content.lessons())
        if (lesson.id == id) return lesson.title.get(ctx.state.language);
    return id;
}

void draw_top_list(UiContext& ctx, Area area, const std::vector<StatsRow>& rows, bool titles) {
    const Font* small = ctx.font(FontRole::Small);
    if (rows.empty()) {
        draw_text(ctx.draw, small, area.Min, ctx.theme.colors.text_muted, ctx.t("stats.no_data"));
        return;
    }
    const float row_h = small->size * 1.6f;
    float y = area.Min.y;
    for (size_t i = 0; i < rows.size() && i < kDashboardRows && y + row_h <= area.Max.y + 1; ++i, y += row_h)
        draw_list_row(ctx, area, y, titles ? title_of(ctx, rows[i].key) : rows[i].key, rows[i].count, rows[0].count);
}

std::string format_visit(const UiContext& ctx, int64_t seconds) {
    return std::to_string(seconds / 60) + " " + ctx.t("stats.unit_min") + " " + std::to_string(seconds % 60) + " " +
           ctx.t("stats.unit_s");
}

// The report's progress bar or outcome, across the bottom of the screen.
void draw_report_band(UiContext& ctx, ImVec2 min, ImVec2 max) {
    const StatsView& stats = ctx.state.status.stats;
    const Palette& c = ctx.theme.colors;
    const Font* regular = ctx.font(FontRole::Regular);
    const Font* small = ctx.font(FontRole::Small);
    const bool failed = stats.report == StatsView::Report::Failed;
    ctx.draw->AddRectFilled(min, max, failed ? c.danger_soft : c.accent_soft, ctx.theme.corner());
    const float pad = ctx.metrics().pad_tile;
    ImVec2 pos(min.x + pad, min.y + pad * 0.6f);
    ctx.draw->PushClipRect(min, max, true);
    if (stats.report == StatsView::Report::Writing) {
        draw_text(ctx.draw, regular, pos, c.text, ctx.t("stats.report.writing"));
        const float bar_y = pos.y + regular->size * 1.5f, bar_h = ctx.metrics().stat_bar_height;
        const float width = max.x - min.x - pad * 2;
        ctx.draw->AddRectFilled(ImVec2(pos.x, bar_y), ImVec2(pos.x + width, bar_y + bar_h), c.surface, bar_h * 0.5f);
        ctx.draw->AddRectFilled(ImVec2(pos.x, bar_y),
                                ImVec2(pos.x + width * std::clamp(stats.report_progress, 0.02f, 1.0f), bar_y + bar_h),
                                c.primary, bar_h * 0.5f);
    } else {
        std::string line = ctx.t(stats.report_key);
        const size_t at = line.find("{size}");
        if (at != std::string::npos) line.replace(at, 6, stats.report_size);
        const size_t path_at = line.find("{path}");
        if (path_at != std::string::npos) line.replace(path_at, 6, stats.report_path);
        draw_text(ctx.draw, regular, pos, failed ? c.danger : c.text, line);
        const std::string& detail = failed ? stats.report_detail : std::string();
        if (!detail.empty())
            draw_text(ctx.draw, small, ImVec2(pos.x, pos.y + regular->size * 1.4f), c.text_muted, detail);
    }
    ctx.draw->PopClipRect();
}

}  // namespace

const char* stats_period_name(StatsView::Period period) {
    switch (period) {
        case StatsView::Period::Today: return "today";
        case StatsView::Period::Week: return "week";
        case StatsView::Period::Month: return "month";
        case StatsView::Period::All: return "all";
    }
    return "today";
}

const char* stats_report_name(StatsView::Report report) {
    switch (report) {
        case StatsView::Report::Idle: return "idle";
        case StatsView::Report::Writing: return "writing";
        case StatsView::Report::Done: return "done";
        case StatsView::Report::Failed: return "failed";
    }
    return "idle";
}

void open_stats(UiState& state) {
    state.nav.push(Screen::Stats);
    state.status.stats.loaded = false;
    // The outcome of an earlier report is news no more; one being written keeps its bar.
    if (state.status.stats.report != StatsView::Report::Writing) state.status.stats.report = StatsView::Report::Idle;
    state.requests.load_stats = true;
}

namespace {

// The period selector and the report button, flowing onto further rows when the screen is
// narrow (the report button keeps to the right when it fits on the first). Returns the height.
float draw_stats_actions(UiContext& ctx, float left, float right, float y) {
    StatsView& stats = ctx.state.status.stats;
    const float bh = ctx.theme.button_height(), space = std::max(ctx.metrics().space_tight, ctx.metrics().target_gap);
    const float row_gap = std::max(ctx.metrics().space_list, ctx.metrics().target_gap);
    const float top = y;
    float x = left;
    for (size_t i = 0; i < 4; ++i) {
        const std::string& label = ctx.t(kPeriodKeys[i]);
        const float w = std::min(right - left, button_width(ctx, label));
        if (x > left && x + w > right) {
            x = left;
            y += bh + row_gap;
        }
        const bool on = stats.period == kPeriods[i];
        if (touch_button(ctx, {"stats.period", stats_period_name(kPeriods[i])}, label, ImVec2(x, y),
                         ImVec2(x + w, y + bh), on ? ButtonStyle::Primary : ButtonStyle::Secondary) &&
            !on) {
            stats.period = kPeriods[i];
            stats.loaded = false;
            ctx.state.requests.load_stats = true;
        }
        x += w + space;
    }
    const std::string& report = ctx.t("stats.report");
    const float report_w = std::min(right - left, button_width(ctx, report));
    if (x + ctx.metrics().space_group + report_w > right) {
        y += bh + row_gap;
        x = left;
    } else {
        x = right - report_w;
    }
    if (touch_button(ctx, "stats.report", report, ImVec2(x, y), ImVec2(x + report_w, y + bh), ButtonStyle::Primary) &&
        stats.report != StatsView::Report::Writing)
        ctx.state.requests.write_stats_report = true;
    return y + bh - top;
}

// The headline numbers and which kiosk this is, in `columns` columns. Returns the height.
float draw_headline(UiContext& ctx, float left, float right, float y, int columns) {
    const StatsView& stats = ctx.state.status.stats;
    const StatsSummary& s = stats.summary;
    const Palette& c = ctx.theme.colors;
    const Font* small = ctx.font(FontRole::Small);
    const Font* title = ctx.font(FontRole::Title);
    const Font* medium = ctx.font(FontRole::Medium);
    const float gap = ctx.metrics().space_list;
    const std::string visit = format_visit(ctx, s.median_visit_s);
    const std::string numbers[] = {std::to_string(s.visitors), visit, std::to_string(s.documents_opened),
                                   std::to_string(s.searches), stats.kiosk_id};
    const char* labels[] = {"stats.visitors", "stats.median_visit", "stats.documents_opened", "stats.searches",
                            "stats.kiosk_id"};
    const float tile_w = (right - left) / static_cast<float>(columns);
    const float row_h = small->size * 1.3f + title->size * 1.3f + gap;
    for (int i = 0; i < 5; ++i) {
        const float tx = left + tile_w * static_cast<float>(i % columns);
        const int row = i / columns;  // whole rows
        const float ty = y + row_h * static_cast<float>(row);
        ctx.draw->PushClipRect(ImVec2(tx, ty), ImVec2(tx + tile_w - gap, ty + row_h), true);
        draw_wrapped(ctx.draw, ctx.text_cache, ctx.t(labels[i]), small, ImVec2(tx, ty), tile_w - gap, c.text_muted,
                     lang_code(ctx.state.language), 1);  // one line, with an ellipsis where the tile is narrow
        if (i < 4) {
            draw_text(ctx.draw, title, ImVec2(tx, ty + small->size * 1.3f), c.text, numbers[i]);
        } else {
            // The kiosk's id, and under it the name an organizer gave it.
            draw_text(ctx.draw, medium, ImVec2(tx, ty + small->size * 1.3f), c.text, numbers[i]);
            draw_text(ctx.draw, small, ImVec2(tx, ty + small->size * 1.3f + medium->size * 1.2f), c.text_muted,
                      stats.kiosk_name);
        }
        ctx.draw->PopClipRect();
    }
    const int rows = (5 + columns - 1) / columns;
    return row_h * static_cast<float>(rows);
}

// The two charts: visitors per hour of the last day, and per day of the period.
void draw_hours_chart(UiContext& ctx, ImVec2 min, ImVec2 max) {
    const StatsSummary& s = ctx.state.status.stats.summary;
    std::string per_hour = ctx.t("stats.per_hour");
    const size_t at = per_hour.find("{date}");
    if (at != std::string::npos) per_hour.replace(at, 6, s.last_day);
    Area hours = card(ctx, per_hour, min, max);
    draw_chart(
        ctx, hours, s.per_hour.size(), [&](size_t i) { return s.per_hour[i]; },
        [](size_t i) { return std::to_string(i); }, false, 3, "stats.axis_hour", "stats.axis_visitors");
}

void draw_days_chart(UiContext& ctx, ImVec2 min, ImVec2 max) {
    const StatsSummary& s = ctx.state.status.stats.summary;
    Area days = card(ctx, ctx.t("stats.per_day"), min, max);
    // Dates as "11-29": the year is in the period above.
    draw_chart(
        ctx, days, s.per_day.size(), [&](size_t i) { return s.per_day[i].second; },
        [&](size_t i) { return s.per_day[i].first.substr(5); }, true,
        static_cast<int>(std::max<size_t>(1, (s.per_day.size() + 5) / 6)), "stats.axis_day", "stats.axis_visitors");
}

// Card `i` of the five: top documents, top searches, searches without results, languages, quizzes.
void draw_list_card(UiContext& ctx, int i, ImVec2 min, ImVec2 max) {
    const StatsSummary& s = ctx.state.status.stats.summary;
    const Font* small = ctx.font(FontRole::Small);
    const float row_h = small->size * 1.6f;
    if (i < 3) {
        const char* list_titles[] = {"stats.card.documents", "stats.card.searches", "stats.card.zero"};
        const std::vector<StatsRow>* lists[] = {&s.top_documents, &s.top_searches, &s.zero_searches};
        Area area = card(ctx, ctx.t(list_titles[i]), min, max, FontRole::Regular);
        draw_top_list(ctx, area, *lists[i], i == 0);
    } else if (i == 3) {
        Area languages = card(ctx, ctx.t("stats.card.languages"), min, max, FontRole::Regular);
        int64_t most = 1;
        for (int64_t n : s.languages) most = std::max(most, n);
        float ry = languages.Min.y;
        for (Lang lang : {Lang::Ru, Lang::Zh, Lang::En}) {
            draw_list_row(ctx, languages, ry, ctx.t(std::string("stats.lang.") + lang_code(lang)),
                          s.languages[static_cast<int>(lang)], most);
            ry += row_h;
        }
    } else {
        // Quiz results per lesson: the share of right answers.
        Area quizzes = card(ctx, ctx.t("stats.card.quizzes"), min, max, FontRole::Regular);
        float ry = quizzes.Min.y;
        if (s.quizzes.empty())
            draw_text(ctx.draw, small, quizzes.Min, ctx.theme.colors.text_muted, ctx.t("stats.no_data"));
        for (size_t q = 0; q < s.quizzes.size() && q < kDashboardRows && ry + row_h <= quizzes.Max.y + 1; ++q, ry += row_h) {
            const QuizRow& row = s.quizzes[q];
            const int64_t percent = row.questions ? (row.correct * 100 + row.questions / 2) / row.questions : 0;
            draw_list_row(ctx, quizzes, ry, title_of(ctx, row.lesson), percent, 100, " %");
        }
    }
}

}  // namespace

void draw_stats_screen(UiContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    const Metrics& m = ctx.metrics();
    StatsView& stats = ctx.state.status.stats;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, c.background);
    if (draw_top_bar(ctx, ctx.t("stats.title"), true)) {
        ctx.state.nav.pop();
        return;
    }
    const float margin = theme.margin() * 0.5f;
    const float gap = m.space_list;
    const float left = margin, right = ctx.screen.x - margin, width = right - left;
    // The report's progress or outcome stays in view across the bottom of the screen.
    const bool band = stats.report != StatsView::Report::Idle;
    const bool detail = stats.report == StatsView::Report::Failed && !stats.report_detail.empty();
    const float band_h = band ? (detail ? m.stats_band_detail_height : m.stats_band_height) : 0;
    const float bottom = ctx.screen.y - margin - (band ? band_h + gap : 0);
    if (band) draw_report_band(ctx, ImVec2(left, ctx.screen.y - margin - band_h), ImVec2(right, ctx.screen.y - margin));

    if (ctx.layout().large()) {
        // Everything on one screen: two charts side by side, five cards in a row.
        float y = theme.top_bar_height() + gap;
        y += draw_stats_actions(ctx, left, right, y) + gap;
        y += draw_headline(ctx, left, right, y, 5);
        if (!stats.load_error.empty()) {
            draw_text(ctx.draw, ctx.font(FontRole::Regular), ImVec2(left, y), c.danger, stats.load_error);
            return;
        }
        const float chart_h = (bottom - y) * 0.52f;
        const float half = (width - gap) * 0.5f;
        draw_hours_chart(ctx, ImVec2(left, y), ImVec2(left + half, y + chart_h));
        draw_days_chart(ctx, ImVec2(left + half + gap, y), ImVec2(right, y + chart_h));
        y += chart_h + gap;
        const float fifth = (width - gap * 4) / 5.0f;
        for (int i = 0; i < 5; ++i) {
            const float lx = left + (fifth + gap) * static_cast<float>(i);
            draw_list_card(ctx, i, ImVec2(lx, y), ImVec2(lx + fifth, bottom));
        }
        return;
    }

    // Small landscape and portrait: one page that scrolls, charts one above the other and the
    // cards two a row, each as tall as its rows need.
    KineticScroll& scroll = ctx.state.stats_scroll;
    const ImVec2 area_min(0, theme.top_bar_height()), area_max(ctx.screen.x, bottom + margin * 0.5f);
    scroll_region(ctx, scroll, area_min, area_max);
    ctx.draw->PushClipRect(area_min, area_max, true);
    const float top = area_min.y + gap - scroll.offset();
    float y = top;
    y += draw_stats_actions(ctx, left, right, y) + gap;
    y += draw_headline(ctx, left, right, y, ctx.layout().portrait() ? 3 : 2);
    if (!stats.load_error.empty()) {
        y += draw_wrapped(ctx.draw, ctx.text_cache, stats.load_error, ctx.font(FontRole::Regular), ImVec2(left, y),
                          width, c.danger, lang_code(ctx.state.language));
    } else {
        // Two charts fill a small landscape screen each; portrait shows both and the cards' start.
        const float chart_h =
            std::max(m.stats_chart_min_height, (area_max.y - area_min.y) * (ctx.layout().portrait() ? 0.26f : 0.5f));
        draw_hours_chart(ctx, ImVec2(left, y), ImVec2(right, y + chart_h));
        y += chart_h + gap;
        draw_days_chart(ctx, ImVec2(left, y), ImVec2(right, y + chart_h));
        y += chart_h + gap;
        const Font* small = ctx.font(FontRole::Small);
        const Font* regular = ctx.font(FontRole::Regular);
        const float card_h =
            m.pad_tile * 1.2f + regular->size * 1.35f + small->size * 1.6f * static_cast<float>(kDashboardRows);
        const float half = (width - gap) * 0.5f;
        for (int i = 0; i < 5; ++i) {
            const float lx = left + (half + gap) * static_cast<float>(i % 2);
            const int row = i / 2;  // two cards a row
            const float ly = y + (card_h + gap) * static_cast<float>(row);
            draw_list_card(ctx, i, ImVec2(lx, ly), ImVec2(lx + half, ly + card_h));
        }
        y += (card_h + gap) * 3;
    }
    ctx.draw->PopClipRect();
    const float content = y - top + gap;
    scroll.set_extent(content, area_max.y - area_min.y);
    scroll_indicator(ctx, scroll, area_min, area_max, content);
}

}  // namespace kiosk::ui
