// One function per screen, each in its own file. A screen draws one frame from
// (content model, UiState) and changes UiState in response to taps.
#pragma once

#include "ui/ui_context.h"

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

// The bar across the top of every screen: optional back button, title, language switch; with
// `with_search`, a search button that opens the search screen (when the content has an index).
// Returns true when the back button was tapped.
bool draw_top_bar(UiContext& ctx, const std::string& title, bool with_back, bool with_search = false);

void draw_home_screen(UiContext& ctx);     // home_screen.cpp: the document library
void draw_reader_screen(UiContext& ctx);   // reader_screen.cpp: one document
void draw_attract_screen(UiContext& ctx);  // attract_screen.cpp: the loop shown between visitors
void draw_pin_screen(UiContext& ctx);      // pin_screen.cpp: PIN pad for organizers and trainers
// Why no PIN can open `role` now: "state_db" (the state database cannot be used), "no_pin"
// (none was ever set), or null when the pad accepts PINs. The `pin_locked` field of the dump.
const char* pin_lock_reason(const UiState& state, const KioskSettings& settings, PinRole role);
void draw_admin_screen(UiContext& ctx);  // admin_screen.cpp: the organizer panel
void draw_stats_screen(UiContext& ctx);  // stats_screen.cpp: usage statistics and the report to a stick
// Opens the dashboard and asks the platform for the summary of its period (stats_screen.cpp).
void open_stats(UiState& state);
void draw_search_screen(UiContext& ctx);  // search_screen.cpp: keyboard, query and results
// search_screen.cpp: applies what the pinyin input committed to the query and takes its new
// composition and candidates. Every frame, before the screen is drawn.
void apply_pinyin_events(UiContext& ctx);
void draw_lessons_screen(UiContext& ctx);   // lessons_screen.cpp: the digital-literacy lessons
void draw_lesson_screen(UiContext& ctx);    // lesson_screen.cpp: one lesson, a slide at a time
void draw_quiz_screen(UiContext& ctx);      // quiz_screen.cpp: the quiz that ends a lesson
void draw_trainer_screen(UiContext& ctx);   // trainer_screen.cpp: group sessions behind the trainer PIN
void draw_topics_screen(UiContext& ctx);    // topics_screen.cpp: the topics as tiles
void draw_topic_screen(UiContext& ctx);     // topics_screen.cpp: one topic's passages by document
void draw_glossary_screen(UiContext& ctx);  // glossary_screen.cpp: every term with its definition

// Opens the topics or the glossary (from home).
void open_topics(UiState& state);
void open_glossary(UiState& state);
bool has_topics(const ContentStore& content);
bool has_glossary(const ContentStore& content);
// The words of `topic` in the document's text column, as reader_matches() gives a search's
// (topics_screen.cpp).
std::vector<ReaderMatch> topic_reader_matches(const Topic& topic, const Document& doc, Lang text_lang, bool with_original);

// The reader's links (reader_links.cpp): collects the document's cross-references and glossary
// terms once per document; draws those on `line` (underlined, with a full-size touch target
// each) and returns the one tapped, or null; and draws the popover a tapped term or act opens.
void collect_reader_links(UiContext& ctx, const Document& doc);
// Targets of adjacent lines may overlap (a line can be shorter than a finger): of the links a
// tap lands on, the one whose line is nearest wins (`*nearest`: its distance so far, per frame).
const PassageLink* draw_line_links(UiContext& ctx, const Document& doc, const LaidLine& line, const Font* font,
                                   ImVec2 pos, float line_height, float* nearest);
void follow_reader_link(UiContext& ctx, const PassageLink& link);
void draw_reader_popover(UiContext& ctx);
// "Source: TITLE, paragraph N" for a definition taken from a bundled document; empty otherwise.
std::string glossary_source_note(const UiContext& ctx, const GlossaryTerm& term);
void draw_about_screen(UiContext& ctx);     // about_screen.cpp: what the SCO is, with sources and a QR code
void draw_timeline_screen(UiContext& ctx);  // timeline_screen.cpp: SCO acts by date, sideways
void draw_members_screen(UiContext& ctx);   // members_screen.cpp: the member states and their documents
// Opening them from home (nothing chosen yet), and whether the content has what they show.
void open_about(UiState& state);
void open_timeline(UiState& state);
// Opens the timeline at the entry `id`, its details shown, Back leading to the current screen;
// false when the timeline has no such entry.
bool open_timeline_entry(UiState& state, const ContentStore& content, const std::string& id);
void open_members(UiState& state);
bool has_about(const ContentStore& content);
bool has_timeline(const ContentStore& content);
bool has_members(const ContentStore& content);

// Overlays (overlays.cpp), drawn over a screen whose input they block.
void draw_accessibility_panel(UiContext& ctx);             // text size, contrast, speed of reading aloud
void draw_countdown_overlay(UiContext& ctx, int seconds);  // "Are you still there?"

// Content updates (update_screen.cpp): the organizer panel's USB card at `min`, `width` wide and
// as tall as every package on the sticks needs (at least `min_height`; returns its height), and
// the progress/result overlay every visitor sees, with the time it next disappears by itself
// (reported until a frame without it was drawn).
float draw_usb_update_card(UiContext& ctx, ImVec2 min, float width, float min_height);
bool update_overlay_showing(const UiState& state, double now);
void draw_update_overlay(UiContext& ctx);
double next_update_change(const UiState& state);

// When the attract loop next changes slide (attract_screen.cpp).
double next_attract_change(const UiState& state, double now);
// The attract loop's slide `seconds` after it began: `slide` counts slides since then (its
// position in the loop is slide % slide_count) and `alpha` is its opacity. Only one slide is
// ever drawn: the old one fades out completely before the new one fades in.
struct AttractFrame {
    long slide = 0;
    float alpha = 0;
};
AttractFrame attract_frame(double seconds, int slide_count);
// When the trainer's session timer next shows a new second; infinity while it is not running
// (trainer_screen.cpp).
double next_trainer_tick(const UiState& state, double now);

// Translation key of a document type's name: "doctype.statement", ...
const char* document_type_key(DocumentType type);

// Opens `doc` in the reader at the top.
void open_document(UiState& state, const Document& doc);
// Opens `doc` at its block `block_index` (0-based), marked as the linked passage; the reader's
// back button returns to the current screen (lesson_screen.cpp).
void open_passage(UiState& state, const Document& doc, int block_index);

// The translation key of the note above the reader's text: the official Russian text, or a
// translation made for the kiosk and which texts are authentic (reader_screen.cpp).
const char* reader_text_note_key(const Document& doc, Lang text_lang);

// Goes to the search screen; its back button returns to the current screen (search_screen.cpp).
void open_search(UiState& state);

// The home screen's way in to the lessons, filling [min, max]; true when tapped (lessons_screen.cpp).
bool draw_lessons_entry(UiContext& ctx, ImVec2 min, ImVec2 max);
// Opens the list of lessons (lessons_screen.cpp).
void open_lessons(UiState& state);
// Opens `lesson` for a visitor at `slide` (clamped to the lesson); its quiz starts afresh
// (lesson_screen.cpp). Search results call this too.
void open_lesson(UiState& state, const Lesson& lesson, int slide);
// The lesson cards in a scrolling grid inside [min, max]; returns the lesson tapped, or null
// (lessons_screen.cpp; the trainer's lesson chooser uses it too).
const Lesson* draw_lesson_grid(UiContext& ctx, KineticScroll& scroll, ImVec2 min, ImVec2 max);

}  // namespace kiosk::ui
