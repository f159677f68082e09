// Reads the lessons of an open content database (tables in content_schema.h) into the
// lesson model. Used by ContentStore at open; screens never query lessons themselves.
#pragma once

#include "core/lesson_model.h"
#include "core/sqlite_db.h"

#include <string>
#include <vector>

namespace kiosk::core {

// Appends every lesson in screen order. A database without lesson tables has no lessons.
// Returns false with `error` set if the lesson tables contradict each other.
bool load_lessons(const SqliteDb& db, std::vector<Lesson>* out, std::string* error);

}  // namespace kiosk::core
