// Parses one document source file (db/documents/*.txt, see docs/content-format.md)
// into the content model, reporting every problem with file, line and field.
#pragma once

#include "core/content_model.h"
#include "core/diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

// Parses `text`, read from `file_name`. Returns true when the document is valid;
// otherwise appends at least one diagnostic to `diagnostics`.
bool parse_document_source(std::string_view text, const std::string& file_name, Document* out, Diagnostics* diagnostics);

// The 1-based line of header field `key` in a document source, or 0 if the header lacks it.
// Lets checks across files (duplicate ids) point at the line to fix.
int header_field_line(std::string_view text, std::string_view key);

// A real calendar date in the form YYYY-MM-DD ("2023-02-29" is not one).
bool is_valid_date(std::string_view date);

// The ISO 3166 alpha-2 codes of the SCO member states a document may name as parties.
bool is_known_party(std::string_view code);

// All of them, in the order SCO texts list the member states (Russian alphabetical);
// a document's parties are kept in this order.
std::vector<std::string> known_parties();

}  // namespace kiosk::core
