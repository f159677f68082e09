// One function per screen, each in its own file. A screen draws one frame from
// (content model, UiState) and changes UiState in response to taps.
#pragma once

#include "ui/ui_context.h"

namespace kiosk::ui {

// The bar across the top of every screen: optional back button, title, language switch.
// Returns true when the back button was tapped.
bool draw_top_bar(UiContext& ctx, const std::string& title, bool with_back);

void draw_home_screen(UiContext& ctx);     // home_screen.cpp: the document library
void draw_reader_screen(UiContext& ctx);   // reader_screen.cpp: one document

// Translation key of a document type's name: "doctype.statement", ...
const char* document_type_key(DocumentType type);

// Opens `doc` in the reader at the top.
void open_document(UiState& state, const Document& doc);

}  // namespace kiosk::ui
