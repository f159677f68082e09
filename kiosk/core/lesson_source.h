// Parses one lesson source file (db/lessons/*.txt, see docs/content-format.md) into the
// lesson model, reporting every problem with file, line and field.
#pragma once

#include "core/content_model.h"
#include "core/diagnostic.h"
#include "core/lesson_model.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

// Where a lesson's identifying keys were written, so the builder can point at them
// when two lessons clash.
struct LessonSourceLines {
    int id = 0;
    int order = 0;
};

// A slide kept apart from the lessons so that an organizer can adapt it to the host country
// (db/local/NAME.txt, e.g. the anti-fraud helpline): the keys of one [slide], no section line.
// A lesson pulls it in with a slide that holds only `include: NAME`.
struct LocalSlideSource {
    std::string path;  // for diagnostics
    std::string text;
};
using LocalSlideSources = std::map<std::string, LocalSlideSource>;  // by NAME

// Parses `text`, read from `file_name`. Returns true when the lesson is valid on its own
// (links are checked against the documents later, by the builder); otherwise appends at
// least one diagnostic. `lines` may be null; `local` (may be null) resolves `include:`.
bool parse_lesson_source(std::string_view text, const std::string& file_name, Lesson* out, Diagnostics* diagnostics,
                         LessonSourceLines* lines = nullptr, const LocalSlideSources* local = nullptr);

// Reads every `local_dir`/*.txt (a missing folder holds none), keyed by the name without .txt.
bool load_local_slide_sources(const std::string& local_dir, LocalSlideSources* out, Diagnostics* diagnostics);

// Parses every db/lessons/*.txt in `dir` (with the slides of db/local in `local_dir`) and
// checks what no single file can: unique ids and orders, and that every link points to a
// paragraph of one of `documents`. Appends the valid lessons to `out`, sorted by order. A
// missing `dir` means no lessons. Returns false if anything was reported.
bool load_lesson_sources(const std::string& dir, const std::string& local_dir, const std::vector<Document>& documents,
                         std::vector<Lesson>* out, Diagnostics* diagnostics);

// Parses "document-id#block" as written after `link:`; false if malformed.
bool parse_lesson_link(std::string_view text, LessonLink* out);

}  // namespace kiosk::core
