#include "ui/theme.h"

#include <algorithm>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {
constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) { return IM_COL32(r, g, b, a); }
}  // namespace

const char* screen_class_name(ScreenClass cls) {
    switch (cls) {
        case ScreenClass::SmallLandscape: return "small";
        case ScreenClass::LargeLandscape: return "large";
        case ScreenClass::Portrait: return "portrait";
    }
    return "large";
}

ScreenLayout ScreenLayout::for_size(float width, float height) {
    ScreenLayout layout;
    const float long_edge = std::max(width, height), short_edge = std::min(width, height);
    layout.scale = std::max(0.1f, std::min(long_edge / 1920.0f, short_edge / 1080.0f));
    layout.text_scale = std::max(layout.scale, 0.6f);
    if (height > width) layout.cls = ScreenClass::Portrait;
    else if (width < 1200.0f || height < 700.0f) layout.cls = ScreenClass::SmallLandscape;
    else layout.cls = ScreenClass::LargeLandscape;
    return layout;
}

Metrics Metrics::at(const ScreenLayout& layout) {
    const float scale = layout.scale;
    const auto px = [scale](float design) { return design * scale; };
    // Controls that hold a line of text grow with the text, not with the screen.
    const float text_scale = layout.text_scale;
    const auto tx = [text_scale](float design) { return design * text_scale; };
    Metrics m;
    m.min_target = std::max(48.0f, px(48));
    m.target_gap = std::max(8.0f, px(12));
    // Never below a fingertip: on a small screen the layout scale drops (800x480 is 0.42),
    // but buttons keep at least 64 px so they stay at least 48 px when inset.
    m.button_height = std::max(64.0f, tx(76));
    // Portrait panels are too narrow for every control of the bar in one row: two rows, the
    // title with Back and Home above, search, text size and the languages below.
    m.top_bar_row_height = layout.portrait() ? std::max(74.0f, tx(100)) : std::max(84.0f, tx(112));
    m.top_bar_height = layout.portrait() ? m.top_bar_row_height * 2 : m.top_bar_row_height;
    m.top_bar_gap = std::max(8.0f, px(20));
    m.small_button_height = tx(56);
    m.wide_button_min_width = tx(240);
    m.margin = px(48);
    m.corner = px(16);
    m.space_nudge = px(4);
    m.space_tight = px(8);
    // The spaces that separate controls keep the 8 px between two targets on any panel.
    m.space_related = std::max(8.0f, px(12));
    m.space_item = std::max(8.0f, px(16));
    m.space_list = std::max(8.0f, px(20));
    m.space_card = px(24);
    m.space_block = px(28);
    m.space_group = px(32);
    m.space_section = px(40);
    m.space_wide = px(48);
    m.space_page = px(56);
    m.column_gap = px(72);
    m.pad_compact = px(14);
    m.pad_row = px(16);
    m.pad_tile = px(20);
    m.pad_card = px(24);
    m.pad_card_large = px(32);
    m.pad_panel = px(40);
    m.pad_dialog = px(56);
    m.pad_button = px(28);
    m.pad_chip_x = px(14);
    m.pad_chip_y = px(5);
    m.segment_gap = px(6);
    m.radius_strip = px(3);
    m.radius_small = px(6);
    m.radius_control = px(10);
    m.radius_item = px(12);
    m.radius_pill = px(20);
    m.line_hairline = px(1.5f);
    m.line_thin = px(2);
    m.line_regular = px(3);
    m.line_bold = px(4);
    m.line_mark = px(6);
    m.line_ring = px(10);
    m.accent_strip = px(8);
    m.card_band = px(10);
    m.key_depth = px(3);
    m.caret_width = px(3);
    m.highlight_bleed = px(20);
    m.original_mark_inset = px(2);
    m.icon_inset = px(12);
    m.emblem_radius = px(30);
    m.emblem_size = px(64);
    m.progress_dot = px(8);
    m.progress_dot_current = px(11);
    m.progress_dot_step = px(34);
    m.level_dot_radius = px(6);
    m.level_dot_step = px(20);
    m.chart_point_radius = px(6);
    m.chart_bar_max_width = px(90);
    m.stat_bar_height = px(18);
    m.legend_swatch = px(24);
    m.scrollbar_width = px(6);
    m.scroll_thumb_min = px(60);
    m.timeline_dot_radius = px(10);
    m.pin_dot_radius = tx(13);
    m.pin_dot_step = tx(42);
    m.pin_field_height = tx(80);
    m.pin_key_gap = std::max(8.0f, px(20));
    m.speaker_offset = px(44);
    m.explore_tile_height = tx(104);
    m.library_card_min_height = px(270);
    m.lesson_card_min_height = px(300);
    m.lesson_picture_max_height = px(260);
    m.topic_tile_min_height = px(170);
    m.member_tile_min_height = px(200);
    m.banner_height = px(180);
    m.mention_link_height = tx(64);
    m.mention_link_max_width = px(1000);
    m.list_row_min_height = tx(52);
    m.trailing_arrow_width = px(64);
    m.answer_min_height = tx(120);
    m.answer_max_height = tx(360);
    m.answer_badge_space = px(96);
    m.answer_badge_radius = px(28);
    m.answer_mark_space = px(80);
    m.answer_mark_radius = px(34);
    m.explanation_mark_radius = px(28);
    m.number_badge_radius = px(22);
    m.slide_picture_inset = px(96);
    m.search_field_height = tx(104);
    m.search_results_min_height = tx(200);
    m.empty_state_top = px(120);
    m.empty_state_icon = px(150);
    m.pin_key_width = tx(168);
    m.pin_key_height = tx(112);
    m.qr_panel_min_height = px(230);
    m.qr_code_max_size = px(300);
    m.status_mark_radius = px(36);
    m.status_mark_radius_small = px(16);
    m.progress_bar_height = px(40);
    m.text_size_button_width = tx(150);
    m.countdown_ring_radius = px(90);
    m.score_ring_radius = px(100);
    m.stepper_button_min_width = tx(96);
    m.stepper_button_max_height = tx(96);
    m.counter_width = tx(110);
    m.trainer_row_min_height = tx(72);
    m.trainer_row_max_height = tx(120);
    m.explanation_space = px(190);
    m.timeline_card_width = px(380);
    m.timeline_card_height = px(330);
    m.timeline_axis_gap = px(56);
    m.attract_margin = px(120);
    m.attract_title_top = px(90);
    m.attract_band_height = px(130);
    m.attract_bullet_bar = px(8);
    m.attract_bullet_indent = px(36);
    m.attract_ring_step = px(140);
    m.shadow_spread = px(3);
    m.size_dot_radius = px(8);
    m.size_dot_growth = px(3);
    m.stats_band_height = tx(72);
    m.stats_band_detail_height = tx(100);
    m.stats_chart_min_height = tx(420);
    m.lesson_link_height = tx(112);
    m.lesson_link_gap = px(16);
    m.key_gap = std::max(8.0f, px(10));
    m.key_max_size = tx(88);
    m.composition_height = tx(52);
    // A blank end of the top bar's first row, no control in it, at least a fingertip wide.
    m.admin_corner = std::max(m.min_target, px(110));
    m.sidebar_max_width = px(600);
    m.reading_column_max_width = px(1120);
    m.lesson_text_max_width = px(980);
    m.topic_text_max_width = px(1400);
    m.question_panel_max_width = px(700);
    m.quiz_column_max_width = px(1100);
    m.status_column_max_width = px(560);
    m.keyboard_max_width = px(1070);
    m.speech_note_max_width = px(420);
    m.accessibility_panel_width = std::max(px(620), tx(560));
    m.modal_max_width = px(1100);
    m.countdown_width = std::max(px(900), tx(760));
    m.countdown_height = px(520);
    m.score_panel_width = px(1000);
    m.score_panel_height = px(700);
    return m;
}

Theme Theme::standard(const ScreenLayout& layout) {
    Theme theme;
    theme.layout = layout;
    theme.scale = layout.scale;
    theme.metrics = Metrics::at(layout);
    Palette& c = theme.colors;
    c.background = rgb(0xF3, 0xF5, 0xF8);
    c.surface = rgb(0xFF, 0xFF, 0xFF);
    c.surface_alt = rgb(0xE8, 0xEE, 0xF4);
    c.border = rgb(0xD5, 0xDD, 0xE6);
    c.shadow = rgb(0x1A, 0x2B, 0x3C, 0x18);
    c.text = rgb(0x1B, 0x24, 0x30);
    c.text_muted = rgb(0x5A, 0x67, 0x78);
    c.text_on_primary = rgb(0xFF, 0xFF, 0xFF);
    c.primary = rgb(0x0F, 0x4C, 0x81);
    c.primary_pressed = rgb(0x0A, 0x36, 0x5E);
    c.accent = rgb(0x00, 0x84, 0x8C);
    c.accent_soft = rgb(0xD9, 0xF0, 0xF1);
    c.pressed_overlay = rgb(0x0F, 0x4C, 0x81, 0x2A);
    c.summary_band = rgb(0xFF, 0xF6, 0xE0);
    c.summary_label = rgb(0x8A, 0x5A, 0x00);
    c.on_primary_fill = rgb(0xFF, 0xFF, 0xFF, 26);
    c.on_primary_pressed = rgb(0xFF, 0xFF, 0xFF, 70);
    c.on_primary_border = rgb(0xFF, 0xFF, 0xFF, 110);
    c.scrollbar = rgb(0x0F, 0x4C, 0x81, 0x60);
    c.overlay_dim = rgb(0x0B, 0x1A, 0x2A, 0xB0);
    c.success = rgb(0x1E, 0x7D, 0x3A);
    c.success_soft = rgb(0xE1, 0xF3, 0xE5);
    c.danger = rgb(0xC0, 0x2A, 0x2A);
    c.danger_soft = rgb(0xFB, 0xE4, 0xE2);
    c.warm = rgb(0xE8, 0x9A, 0x1C);
    c.attract_gradient[0] = rgb(0x0B, 0x3A, 0x66);
    c.attract_gradient[1] = rgb(0x0F, 0x4C, 0x81);
    c.attract_gradient[2] = rgb(0x00, 0x6D, 0x77);
    c.attract_gradient[3] = rgb(0x0A, 0x30, 0x55);
    c.attract_text = rgb(0xFF, 0xFF, 0xFF);
    c.attract_text_soft = rgb(0xFF, 0xFF, 0xFF, 200);
    c.attract_ring = rgb(0xFF, 0xFF, 0xFF, 18);
    c.attract_quote_bar = rgb(0x7F, 0xE0, 0xD8);
    c.attract_band = rgb(0xFF, 0xFF, 0xFF, 235);
    c.attract_band_text = c.primary;
    return theme;
}

Theme Theme::contrast(const ScreenLayout& layout) {
    Theme theme;
    theme.layout = layout;
    theme.scale = layout.scale;
    theme.metrics = Metrics::at(layout);
    theme.high_contrast = true;
    Palette& c = theme.colors;
    const ImU32 yellow = rgb(0xFF, 0xD8, 0x00);
    c.background = rgb(0, 0, 0);
    c.surface = rgb(0, 0, 0);
    c.surface_alt = rgb(0x1C, 0x1C, 0x1C);
    c.border = rgb(0xFF, 0xFF, 0xFF);
    c.shadow = rgb(0, 0, 0, 0);
    c.text = rgb(0xFF, 0xFF, 0xFF);
    c.text_muted = rgb(0xE8, 0xE8, 0xE8);
    c.text_on_primary = rgb(0, 0, 0);
    c.primary = yellow;
    c.primary_pressed = rgb(0xC8, 0xA8, 0x00);
    c.accent = yellow;
    c.accent_soft = rgb(0x3A, 0x32, 0x00);
    c.pressed_overlay = rgb(0xFF, 0xD8, 0x00, 0x60);
    c.summary_band = rgb(0x1C, 0x1C, 0x1C);
    c.summary_label = yellow;
    c.on_primary_fill = rgb(0, 0, 0, 0);
    c.on_primary_pressed = rgb(0, 0, 0, 60);
    c.on_primary_border = rgb(0, 0, 0);
    c.scrollbar = yellow;
    c.overlay_dim = rgb(0, 0, 0, 0xE0);
    // Right and wrong stay told apart by colour and by the mark beside the answer.
    c.success = rgb(0x5C, 0xFF, 0x7A);
    c.success_soft = rgb(0x00, 0x3A, 0x10);
    c.danger = rgb(0xFF, 0x6B, 0x6B);
    c.danger_soft = rgb(0x4A, 0x00, 0x00);
    c.warm = yellow;
    for (ImU32& corner : c.attract_gradient) corner = rgb(0, 0, 0);
    c.attract_text = rgb(0xFF, 0xFF, 0xFF);
    c.attract_text_soft = rgb(0xE8, 0xE8, 0xE8);
    c.attract_ring = rgb(0xFF, 0xD8, 0x00, 0x50);
    c.attract_quote_bar = yellow;
    c.attract_band = yellow;
    c.attract_band_text = rgb(0, 0, 0);
    return theme;
}

ImU32 Theme::document_type_color(DocumentType type) const {
    if (high_contrast) return colors.primary;
    switch (type) {
        case DocumentType::Statement: return rgb(0x0F, 0x4C, 0x81);
        case DocumentType::Decision: return rgb(0x6A, 0x3D, 0x9A);
        case DocumentType::Concept: return rgb(0x00, 0x7A, 0x6E);
        case DocumentType::Programme: return rgb(0xB5, 0x5A, 0x00);
        case DocumentType::Protocol: return rgb(0x8A, 0x2B, 0x3B);
    }
    return colors.primary;
}

}  // namespace kiosk::ui
