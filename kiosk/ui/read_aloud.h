// Reading aloud on the screens: the ▶ / ■ control the reader, lessons and quiz share, and
// what each of them reads. The controller itself (core/speech_controller.h) is owned by the
// platform and reached through UiContext::speech; it is null when the kiosk has none.
#pragma once

#include "core/speech_controller.h"
#include "ui/ui_context.h"

#include <vector>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

// Which reading belongs to the screen now showing (the document, the lesson slide, the quiz
// question). KioskUi stops speech as soon as this differs from the reading's source.
SpeechSource speech_source_of(const UiState& state);

// Why reading aloud cannot be offered for text in `lang`, or Ready. Disabled (the organizer's
// read_aloud off) hides the control altogether.
SpeechSupport read_aloud_support(const UiContext& ctx, Lang lang);

// The translation key of the message shown beside a disabled control, or null for Ready/Disabled.
const char* read_aloud_message_key(SpeechSupport support);

// Draws the control at `pos` (`height` tall, at most `max_width` wide with its message) and
// sets `*right` to the right edge of what it drew (pos.x when hidden). ■ stops this screen's
// reading; while it is spoken a speaker is drawn beside ■. Returns true when ▶ was tapped:
// the caller then calls start_reading() with what the screen reads.
bool draw_read_aloud(UiContext& ctx, ImVec2 pos, float height, float max_width, Lang lang, float* right);

// Starts reading `items` from `from`, at the visitor's speed, as this screen's reading.
void start_reading(UiContext& ctx, std::vector<SpeechItem> items, size_t from);

// True while the screen showing is being read aloud.
bool reading_here(const UiContext& ctx);

// The language a LocalizedText is shown in for `lang` (its fallback), so the voice matches the text.
Lang shown_language(const LocalizedText& text, Lang lang);

}  // namespace kiosk::ui
