// db/glossary.txt: terms, their one-sentence definitions and the words that find them.
#include "core/explore_source.h"
#include "core/lesson_source.h"

#include <map>

namespace kiosk::core {

namespace {

// The block a `source:` link names, or null.
const Block* find_source_block(const std::vector<Document>& documents, const LessonLink& link) {
    for (const Document& doc : documents)
        if (doc.info.id == link.document_id)
            for (const Block& block : doc.blocks)
                if (block.id == link.block_id) return &block;
    return nullptr;
}

}  // namespace

bool load_glossary(const std::string& path, const std::vector<Document>& documents, PassageMatcher& matcher,
                   std::vector<GlossaryTerm>* out, std::vector<std::vector<PassageSpan>>* term_spans,
                   Diagnostics* diagnostics) {
    const SectionRules rules{"term", {"id"}, {"source"}, {"term", "definition", "match"}};
    return for_each_entry(path, rules, diagnostics, [&](const SourceSection& section) {
        bool ok = true;
        GlossaryTerm term;
        term.id = section_value(section, "id").value;
        term.term = section_localized(section, "term");
        term.definition = section_localized(section, "definition");
        const SourceValue& source = section_value(section, "source");
        if (!source.value.empty()) {
            LessonLink link;
            if (!parse_lesson_link(source.value, &link)) {
                diagnostics->push_back({path, source.line, "source", "'" + source.value + "' is not DOCUMENT-ID#PARAGRAPH"});
                ok = false;
            } else if (!find_source_block(documents, link)) {
                diagnostics->push_back({path, source.line, "source",
                                        "'" + source.value + "' points at no paragraph of a bundled document"});
                ok = false;
            } else {
                term.source_document = link.document_id;
                term.source_block = link.block_id;
            }
        }
        term_spans->push_back(match_section_rules(section, path, matcher, "", diagnostics, &ok));
        out->push_back(std::move(term));
        return ok;
    });
}

}  // namespace kiosk::core
