// Colours and metrics of the kiosk, and the class of screen they are made for. Every size is
// in design pixels at 1920x1080 and is multiplied by the layout's scale; text and the
// controls that hold it use a text scale with a floor, so they stay readable and touchable on
// a 7" 800x480 panel, and each screen arranges itself by the screen class (small landscape,
// large landscape, portrait) rather than shrinking the 1920x1080 design.
#pragma once

#include "core/content_model.h"

#include <imgui.h>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

// The three arrangements the screens know.
enum class ScreenClass {
    SmallLandscape,  // 800x480, 1024x600: one column where large screens have two
    LargeLandscape,  // 1280x720 and up
    Portrait,        // any screen taller than wide, by size or by the rotation setting
};

const char* screen_class_name(ScreenClass cls);  // "small", "large", "portrait" (state dump)

// How a screen of `width` x `height` logical pixels is laid out.
struct ScreenLayout {
    ScreenClass cls = ScreenClass::LargeLandscape;
    // Design pixels to screen pixels for spacing and shapes: the short edge against 1080 and
    // the long edge against 1920 (a 1080x1920 portrait panel is 1, like 1920x1080).
    float scale = 1.0f;
    // Design pixels to screen pixels for text and the controls that hold it: never under
    // 0.6, so body text is at least 18 px and small print at least 14 px on an 800x480 panel.
    float text_scale = 1.0f;

    bool small() const { return cls == ScreenClass::SmallLandscape; }
    bool portrait() const { return cls == ScreenClass::Portrait; }
    bool large() const { return cls == ScreenClass::LargeLandscape; }

    static ScreenLayout for_size(float width, float height);
};

struct Palette {
    ImU32 background;   // page
    ImU32 surface;      // cards, panels
    ImU32 surface_alt;  // sidebar, pressed-off segments
    ImU32 border;
    ImU32 shadow;
    ImU32 text;        // body text
    ImU32 text_muted;  // metadata
    ImU32 text_on_primary;
    ImU32 primary;  // SCO blue: top bar, primary buttons
    ImU32 primary_pressed;
    ImU32 accent;           // highlights, active state
    ImU32 accent_soft;      // selected backgrounds
    ImU32 pressed_overlay;  // press feedback on light surfaces
    ImU32 summary_band;     // background of non-official summaries
    ImU32 summary_label;    // the "not an official text" label
    ImU32 on_primary_fill;  // buttons on the top bar
    ImU32 on_primary_pressed;
    ImU32 on_primary_border;
    ImU32 scrollbar;
    ImU32 overlay_dim;   // behind modal overlays
    ImU32 success;       // a right quiz answer
    ImU32 success_soft;  // its background
    ImU32 danger;        // a wrong quiz answer, warnings in pictures
    ImU32 danger_soft;   // its background
    ImU32 warm;          // a third colour for pictures (amber)
    // The attract loop between visitors: its own full-screen look, in both themes.
    ImU32 attract_gradient[4];  // background corners: top left, top right, bottom right, bottom left
    ImU32 attract_text;         // titles and quotations
    ImU32 attract_text_soft;    // captions, subtitles, translated titles
    ImU32 attract_ring;         // faint decorative rings
    ImU32 attract_quote_bar;    // the bar beside a quotation
    ImU32 attract_band;         // the "touch to start" band
    ImU32 attract_band_text;
};

// Every size the screens use, named by its role. Values are design pixels at 1920x1080;
// Metrics::at(layout) multiplies them once when the theme is made (at start-up, and whenever
// the screen size changes), so drawing code reads ready screen pixels and never scales a
// number of its own. This is the one place that decides sizes: a layout for another screen
// class changes the values here, not the screens. A test keeps `px(<number>)` out of kiosk/ui.
struct Metrics {
    // Touch and chrome. These keep floors so targets stay touchable on small screens.
    float min_target;             // smallest touch target edge (never under 48 px)
    float target_gap;             // between two touch targets side by side (never under 8 px)
    float button_height;          // standard button (never under 64 px)
    float top_bar_height;         // the blue bar on every screen (never under 84 px; two rows in portrait)
    float top_bar_row_height;     // one row of it: the whole bar in landscape
    float top_bar_gap;            // between the controls of the top bar (never under 8 px)
    float small_button_height;    // compact buttons inside cards
    float wide_button_min_width;  // pager, trainer and dialog actions
    float margin;                 // from the screen edge to the content
    float corner;                 // rounding of cards and panels

    // Spacing between elements, from the finest to the widest.
    float space_nudge;    // optical alignment of text against shapes
    float space_tight;    // a label and the text it labels
    float space_related;  // lines of one group
    float space_item;     // items of a list, an icon and its text
    float space_list;     // cards in a list
    float space_card;     // cards in a grid
    float space_block;    // blocks of one card or panel
    float space_group;    // groups of a screen
    float space_section;  // sections of a screen
    float space_wide;     // a heading and the content under it
    float space_page;     // the largest breaks of a page
    float column_gap;     // two columns of one screen

    // Inner paddings.
    float pad_compact;     // small bands and side panels
    float pad_row;         // list rows
    float pad_tile;        // tiles and answer boxes
    float pad_card;        // cards
    float pad_card_large;  // library cards and panels
    float pad_panel;       // overlays and pop-overs
    float pad_dialog;      // full dialogs
    float pad_button;      // each side of a button label
    float pad_chip_x;      // each side of a chip label
    float pad_chip_y;      // above and below a chip label
    float segment_gap;     // between the segments of a segmented control

    // Corner radii.
    float radius_strip;    // thin bars and scroll thumbs
    float radius_small;    // match highlights, small swatches
    float radius_control;  // keys and outlined controls
    float radius_item;     // list rows and tiles
    float radius_pill;     // chips

    // Line widths.
    float line_hairline;  // chart grid, quiet outlines
    float line_thin;      // borders
    float line_regular;   // underlines, icons, outlined dots
    float line_bold;      // selected outlines, chart lines
    float line_mark;      // ticks, crosses and icon strokes
    float line_ring;      // progress rings, large icons

    // Small shapes.
    float accent_strip;         // coloured strip at the left edge of a card or row
    float card_band;            // coloured band on top of a card
    float key_depth;            // shadow under a keyboard key
    float caret_width;          // text cursor
    float highlight_bleed;      // a highlighted paragraph reaches this far beside the text
    float original_mark_inset;  // the mark beside a block's original text
    float icon_inset;           // around a card's picture
    float emblem_radius;        // SCO emblem in the top bar
    float emblem_size;          // member emblem on a tile
    float progress_dot;         // lesson progress dots
    float progress_dot_current;
    float progress_dot_step;
    float level_dot_radius;  // text size level dots
    float level_dot_step;
    float chart_point_radius;
    float chart_bar_max_width;
    float stat_bar_height;
    float legend_swatch;
    float scrollbar_width;
    float scroll_thumb_min;
    float timeline_dot_radius;
    float pin_dot_radius;
    float pin_dot_step;
    float pin_field_height;  // the field the typed digits show in (a dot each)
    float pin_key_gap;       // between the keys of the PIN pad (never under 8 px)
    float speaker_offset;    // from the stop button to the speaker icon's centre

    // Components.
    float explore_tile_height;
    float library_card_min_height;
    float lesson_card_min_height;
    float lesson_picture_max_height;  // the picture band on a lesson card
    float topic_tile_min_height;
    float member_tile_min_height;
    float banner_height;
    float mention_link_height;  // a link to a document in a detail panel
    float mention_link_max_width;
    float list_row_min_height;
    float trailing_arrow_width;  // the arrow at the end of a link card
    float answer_min_height;
    float answer_max_height;   // an answer sharing a portrait screen
    float answer_badge_space;  // the option letter column of an answer
    float answer_badge_radius;
    float answer_mark_space;  // the tick or cross column of an answer
    float answer_mark_radius;
    float explanation_mark_radius;
    float number_badge_radius;  // the lesson number on a lesson card
    float slide_picture_inset;
    float search_field_height;
    float search_results_min_height;  // room kept for results above a keyboard across the screen
    float empty_state_top;
    float empty_state_icon;
    float pin_key_width;
    float pin_key_height;
    float qr_panel_min_height;
    float qr_code_max_size;
    float status_mark_radius;
    float status_mark_radius_small;
    float progress_bar_height;
    float text_size_button_width;
    float countdown_ring_radius;
    float score_ring_radius;
    float stepper_button_min_width;
    float stepper_button_max_height;
    float counter_width;
    float trainer_row_min_height;
    float trainer_row_max_height;
    float explanation_space;
    float timeline_card_width;
    float timeline_card_height;
    float timeline_axis_gap;
    float attract_margin;
    float attract_title_top;
    float attract_band_height;
    float attract_bullet_bar;
    float attract_bullet_indent;
    float attract_ring_step;
    float shadow_spread;      // each of the three layers of a card shadow reaches this much further
    float size_dot_radius;    // the smallest of the text size dots in the reading comfort panel
    float size_dot_growth;    // each larger text size's dot grows by this
    float stats_band_height;  // the report band on the statistics screen
    float stats_band_detail_height;
    float stats_chart_min_height;  // a chart on the scrolling dashboard of small screens and portrait
    float lesson_link_height;      // a link from a slide to its document passage
    float lesson_link_gap;
    float key_gap;  // between keyboard keys, and between the topic chips (never under 8 px)
    float key_max_size;
    float composition_height;  // the pinyin composition line above the candidates
    float admin_corner;        // width of the top-right corner tapped five times for the organiser panel

    // Widths of columns and panels, and the widths from which a grid gets more columns.
    float sidebar_max_width;
    float reading_column_max_width;
    float lesson_text_max_width;
    float topic_text_max_width;
    float question_panel_max_width;
    float quiz_column_max_width;  // the quiz on a portrait screen
    float status_column_max_width;
    float keyboard_max_width;
    float speech_note_max_width;
    float accessibility_panel_width;  // one column of the panel
    float modal_max_width;
    float countdown_width;
    float countdown_height;
    float score_panel_width;
    float score_panel_height;

    // The sizes for a screen layout.
    static Metrics at(const ScreenLayout& layout);
};

struct Theme {
    ScreenLayout layout;
    float scale = 1.0f;  // layout.scale
    bool high_contrast = false;
    Palette colors{};
    Metrics metrics = Metrics::at(ScreenLayout{});

    float min_target() const { return metrics.min_target; }
    float button_height() const { return metrics.button_height; }
    float top_bar_height() const { return metrics.top_bar_height; }
    float margin() const { return metrics.margin; }
    float corner() const { return metrics.corner; }

    // A calm palette for an international forum: light neutral page, deep blue, teal accent.
    static Theme standard(const ScreenLayout& layout);
    // White on black with yellow accents, for visitors who need more contrast.
    static Theme contrast(const ScreenLayout& layout);
    // Colour of the type chip on library cards and in the reader.
    ImU32 document_type_color(DocumentType type) const;
};

}  // namespace kiosk::ui
