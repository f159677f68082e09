// Writes the explore content (overview_model.h) into a content database and reads it back
// (tables overview_* and qr_addresses in content_schema.h). Kept apart from the document and
// lesson tables so that each part of the content has one writer and one reader.
#pragma once

#include "core/content_model.h"
#include "core/overview_model.h"
#include "core/sqlite_db.h"

#include <string>
#include <vector>

namespace kiosk::core {

// Inside the build's transaction: the explore tables, and the QR addresses of the About
// screen and of `documents`.
bool write_overview_content(SqliteDb& db, const OverviewContent& overview, const std::vector<Document>& documents,
                            std::string* error);

// Reads the explore tables and sets DocumentInfo::url of `documents`. What points at nothing
// (a document or block this database lacks) is left out, so a screen never follows it.
bool load_overview_content(const SqliteDb& db, OverviewContent* out, std::vector<Document>* documents, std::string* error);

// Every text of the explore content, concatenated: what the charset must cover.
std::string overview_text(const OverviewContent& overview);

}  // namespace kiosk::core
