// Writes the explore content (explore_model.h) into a content database and reads it back
// (tables explore_* and qr_addresses in content_schema.h). Kept apart from the document and
// lesson tables so that each part of the content has one writer and one reader.
#pragma once

#include "core/content_model.h"
#include "core/explore_model.h"
#include "core/sqlite_db.h"

#include <string>
#include <vector>

namespace kiosk {

// Inside the build's transaction: the explore tables, and the QR addresses of the About
// screen and of `documents`.
bool write_explore_content(SqliteDb& db, const ExploreContent& explore, const std::vector<Document>& documents,
                           std::string* error);

// Reads the explore tables and sets DocumentInfo::url of `documents`. What points at nothing
// (a document or block this database lacks) is left out, so a screen never follows it.
bool load_explore_content(const SqliteDb& db, ExploreContent* out, std::vector<Document>* documents, std::string* error);

// Every text of the explore content, concatenated: what the charset must cover.
std::string explore_text(const ExploreContent& explore);

}  // namespace kiosk
