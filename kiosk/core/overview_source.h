// Parses the sources of the explore screens in db/explore/ (docs/content-format.md): about.txt
// (the About screen's facts and its QR address), timeline.txt (SCO acts by date) and
// members.txt (the member states). Every problem is reported with file, line and key.
#pragma once

#include "core/content_model.h"
#include "core/diagnostic.h"
#include "core/overview_model.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

// Each parser checks its file against the (valid) `documents`: mentions must point at a block
// that holds the quoted words, timeline documents must exist. False with diagnostics otherwise.
bool parse_about_source(std::string_view text, const std::string& file, const std::vector<Document>& documents,
                        AboutPage* out, Diagnostics* diagnostics);
bool parse_timeline_source(std::string_view text, const std::string& file, const std::vector<Document>& documents,
                           std::vector<TimelineEntry>* out, Diagnostics* diagnostics);
bool parse_members_source(std::string_view text, const std::string& file, std::vector<MemberState>* out,
                          Diagnostics* diagnostics);

// Reads `dir`/about.txt, timeline.txt and members.txt; a missing file (or folder) leaves its part
// empty and the kiosk hides that screen. False if anything was reported.
bool load_overview_sources(const std::string& dir, const std::vector<Document>& documents, OverviewContent* out,
                           Diagnostics* diagnostics);

// "DOCUMENT#BLOCK QUOTE" as written after `mention:`; false if malformed (the quote may be empty).
bool parse_overview_mention(std::string_view text, OverviewMention* out);

}  // namespace kiosk::core
