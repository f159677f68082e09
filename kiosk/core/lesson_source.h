// Parses one lesson source file (db/lessons/*.txt, see docs/content-format.md) into the
// lesson model, reporting every problem with file, line and field.
#pragma once

#include "core/diagnostic.h"
#include "core/lesson_model.h"

#include <string>
#include <string_view>

namespace kiosk {

// Where a lesson's identifying keys were written, so the builder can point at them
// when two lessons clash.
struct LessonSourceLines {
    int id = 0;
    int order = 0;
};

// Parses `text`, read from `file_name`. Returns true when the lesson is valid on its own
// (links are checked against the documents later, by the builder); otherwise appends at
// least one diagnostic. `lines` may be null.
bool parse_lesson_source(std::string_view text, const std::string& file_name, Lesson* out,
                         Diagnostics* diagnostics, LessonSourceLines* lines = nullptr);

// Parses "document-id#block" as written after `link:`; false if malformed.
bool parse_lesson_link(std::string_view text, LessonLink* out);

}  // namespace kiosk
