// Pieces the explore screens share (About, timeline, member states) and the reader's QR code:
// drawn QR codes, the stylised flag-colour emblem, a fact with its source, and a link to the
// bundled passage that says it.
#pragma once

#include "core/overview_model.h"
#include "ui/ui_context.h"

#include <string>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

// The page and top bar of an explore screen titled by `title_key`; false (and back home) when the
// back button was tapped.
bool draw_overview_frame(UiContext& ctx, const char* title_key);

// The QR code of `url` with its quiet zone, `size` pixels square at `min` (modules snap to whole
// pixels so a camera, or zbarimg in the tests, reads it from the screen). Encodes on first use
// and keeps the result in UiState. Returns the side actually drawn (0 if `url` cannot be encoded).
float draw_qr_code(UiContext& ctx, const std::string& url, ImVec2 min, float size);

// A QR code with a caption above and the address below, filling at most `width`; returns the
// height used. Draws nothing and returns 0 when `url` is empty.
float draw_qr_block(UiContext& ctx, const std::string& url, const std::string& caption, ImVec2 min, float width,
                    float qr_size);

// A QR code at the left of [min, max] with the caption and the address beside it (the reader's
// "take it home" panel, pinned under its sidebar). Draws nothing when `url` is empty.
void draw_qr_panel(UiContext& ctx, const std::string& url, const std::string& caption, ImVec2 min, ImVec2 max);

// The member state's flag colours as horizontal bands in a rounded square: an emblem, not the flag.
void draw_member_emblem(UiContext& ctx, const MemberState& member, ImVec2 min, float size);

// "Source: …" in small muted text; returns the height used.
float draw_source_line(UiContext& ctx, const LocalizedText& source, ImVec2 pos, float width);

// A button naming the bundled document a mention points to; true when tapped (the caller opens it).
bool draw_mention_link(UiContext& ctx, const Document& doc, ImVec2 min, ImVec2 max);
// The height of such a link: a fingertip, and room for its two lines of small print.
float mention_link_height(const UiContext& ctx);

// Columns for `count` items at least `min_width` wide (with `gap` between) in `width`, at most
// `max_columns`, evened out so the last row is as full as can be (5 items in 3 + 2, not 4 + 1).
// Home, topics and member states follow the screen's width and the visitor's text size with it.
int grid_columns(float width, float min_width, float gap, int count, int max_columns);

// The member state with ISO code `code`, or null.
const MemberState* find_member(const ContentStore& content, const std::string& code);

}  // namespace kiosk::ui
