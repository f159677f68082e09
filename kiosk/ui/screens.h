// One function per screen, each in its own file. A screen draws one frame from
// (content model, UiState) and changes UiState in response to taps.
#pragma once

#include "ui/ui_context.h"

namespace kiosk::ui {

// The bar across the top of every screen: optional back button, title, language switch; with
// `with_search`, a search button that opens the search screen (when the content has an index).
// Returns true when the back button was tapped.
bool draw_top_bar(UiContext& ctx, const std::string& title, bool with_back, bool with_search = false);

void draw_home_screen(UiContext& ctx);     // home_screen.cpp: the document library
void draw_reader_screen(UiContext& ctx);   // reader_screen.cpp: one document
void draw_attract_screen(UiContext& ctx);  // attract_screen.cpp: the loop shown between visitors
void draw_pin_screen(UiContext& ctx);      // pin_screen.cpp: PIN pad for organizers and trainers
void draw_admin_screen(UiContext& ctx);    // admin_screen.cpp: the organizer panel
void draw_search_screen(UiContext& ctx);   // search_screen.cpp: keyboard, query and results

// Overlays (overlays.cpp), drawn over a screen whose input they block.
void draw_accessibility_panel(UiContext& ctx);              // text size and high contrast
void draw_countdown_overlay(UiContext& ctx, int seconds);   // "Are you still there?"

// When the attract loop next changes slide (attract_screen.cpp).
double next_attract_change(const UiState& state, double now);

// Translation key of a document type's name: "doctype.statement", ...
const char* document_type_key(DocumentType type);

// Opens `doc` in the reader at the top.
void open_document(UiState& state, const Document& doc);

// Goes to the search screen; its back button returns to the current screen (search_screen.cpp).
void open_search(UiState& state);

// Opens `lesson` at `slide` (0-based) for a search result. The one place search opens lessons:
// it forwards to the lessons UI (search_screen.cpp).
void open_lesson_from_search(UiState& state, const Lesson& lesson, int slide);

}  // namespace kiosk::ui
