// Ways into the documents besides reading them from the top (issue 14): topics, the glossary,
// and cross-references from a passage to another SCO act. Written by `kioskctl build` from
// db/topics.txt, db/glossary.txt, db/acts.txt and db/references.txt (docs/content-format.md);
// ContentStore loads them with the documents.
#pragma once

#include "core/language.h"

#include <string>
#include <vector>

namespace kiosk::core {

// A byte range of one block's text in one language, e.g. the words a topic matched there.
struct PassageSpan {
    std::string document;    // DocumentInfo::id
    int block = 0;           // Block::id, 1-based
    Lang lang = Lang::Ru;    // which text: the original (ru) or a translation
    int begin = 0, end = 0;  // byte offsets into Block::text_in(lang)
};

// A curated subject (artificial intelligence, e-commerce, ...) and every place it is named.
struct Topic {
    std::string id;
    LocalizedText name;
    std::vector<PassageSpan> spans;  // in library order of the documents, then block, language, offset
    int passage_count = 0;           // distinct (document, block) among `spans`
};

// A term with a one-sentence definition. `source_document`/`source_block` name the bundled
// passage the definition is taken from, when it is (empty/0 for a general definition).
struct GlossaryTerm {
    std::string id;
    LocalizedText term, definition;
    std::string source_document;
    int source_block = 0;
};

// An SCO act that the bundled documents mention but the kiosk does not hold (the Charter, a
// summit statement): what a visitor needs to place it.
struct ExternalAct {
    std::string id;
    std::string date;  // YYYY-MM-DD
    LocalizedText name, place, issuer;
    int source_line = 0;  // of its [act] line in db/acts.txt (0 when read from a database)
};

// A tappable mention in a passage: of a bundled document, of an external act, or of a glossary term.
enum class LinkKind { Document, Act, Term };
const char* link_kind_name(LinkKind kind);  // "document", "act", "term"
bool parse_link_kind(std::string_view name, LinkKind* out);

struct PassageLink {
    PassageSpan span;
    LinkKind kind = LinkKind::Document;
    std::string target;  // a document id, an ExternalAct::id or a GlossaryTerm::id
};

struct ExploreContent {
    std::vector<Topic> topics;           // in the order of db/topics.txt
    std::vector<GlossaryTerm> glossary;  // in the order of db/glossary.txt
    std::vector<ExternalAct> acts;       // by date
    std::vector<PassageLink> links;      // by document, block, language, offset; never overlapping
};

}  // namespace kiosk::core
