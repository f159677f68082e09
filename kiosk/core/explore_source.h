// Reads the explore sources of db/ (docs/content-format.md): topics (topic_source.cpp), the
// glossary (glossary_source.cpp), external acts and cross-references (crossref_source.cpp),
// and matches their rules against the documents' passages (passage_matcher.h).
#pragma once

#include "core/content_model.h"
#include "core/diagnostic.h"
#include "core/explore_model.h"
#include "core/passage_matcher.h"
#include "core/section_source.h"

#include <string>
#include <vector>

namespace kiosk::core {

// A cross-reference rule: the words that name `target` (a document id or an external act id)
// in each language. Matches inside the target document itself are not links.
struct ReferenceRule {
    std::string target;
    LinkKind kind = LinkKind::Document;
    std::vector<PassageSpan> spans;
};

// Each reads its file (a missing file holds nothing) and appends to `out`; false if anything
// was reported. Every `match.xx` alternative must match at least one passage in that language.
bool load_topics(const std::string& path, PassageMatcher& matcher, std::vector<Topic>* out, Diagnostics* diagnostics);
bool load_glossary(const std::string& path, const std::vector<Document>& documents, PassageMatcher& matcher,
                   std::vector<GlossaryTerm>* out, std::vector<std::vector<PassageSpan>>* term_spans,
                   Diagnostics* diagnostics);
bool load_acts(const std::string& path, std::vector<ExternalAct>* out, Diagnostics* diagnostics);
bool load_references(const std::string& path, const std::vector<Document>& documents, const std::vector<ExternalAct>& acts,
                     PassageMatcher& matcher, std::vector<ReferenceRule>* out, Diagnostics* diagnostics);

// Matches every `match.xx` alternative of `section` with `matcher`, reporting (against the
// line of `match.xx`) an alternative that matches no passage, except inside `skip_document`.
// Returns the matches in document order; `ok` becomes false on a report.
std::vector<PassageSpan> match_section_rules(const SourceSection& section, const std::string& path, PassageMatcher& matcher,
                                             const std::string& skip_document, Diagnostics* diagnostics, bool* ok);

// All of the above for `source_dir`, with the links of every passage resolved: references
// before glossary terms, longer before shorter, never overlapping; a term is linked once per
// passage. Returns false if anything was reported.
bool load_explore_sources(const std::string& source_dir, const std::vector<Document>& documents, ExploreContent* out,
                          Diagnostics* diagnostics);

}  // namespace kiosk::core
