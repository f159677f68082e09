// The explore tables of the content database (topics, glossary, acts, passage links; schema
// version 3): written by the builder, read back by ContentStore.
#pragma once

#include "core/content_model.h"
#include "core/explore_model.h"

#include <string>
#include <vector>

namespace kiosk::core {

class SqliteDb;

bool write_explore_tables(SqliteDb& db, const ExploreContent& explore, std::string* error);

// Reads the tables. Rows that point outside `documents` (a block that does not exist, a range
// past its text, a link to nothing) are left out, so nothing a screen draws can be out of range.
bool load_explore_tables(SqliteDb& db, const std::vector<Document>& documents, ExploreContent* out, std::string* error);

// The text of `document`'s block `block_id` in `lang`, or null if there is no such block.
const std::string* passage_text(const std::vector<Document>& documents, const std::string& document, int block_id, Lang lang);

}  // namespace kiosk::core
