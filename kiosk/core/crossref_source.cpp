// db/acts.txt (SCO acts the documents mention but the kiosk does not hold) and
// db/references.txt (the words in the passages that name a bundled document or such an act).
#include "core/explore_source.h"

#include "core/document_source.h"

#include <set>

namespace kiosk::core {

bool load_acts(const std::string& path, std::vector<ExternalAct>* out, Diagnostics* diagnostics) {
    const SectionRules rules{"act", {"id", "date"}, {}, {"name", "place", "issuer"}};
    return for_each_entry(path, rules, diagnostics, [&](const SourceSection& section) {
        const SourceValue& date = section_value(section, "date");
        if (!is_valid_date(date.value)) {
            diagnostics->push_back({path, date.line, "date", "'" + date.value + "' is not a real date YYYY-MM-DD"});
            return false;
        }
        ExternalAct act;
        act.id = section_value(section, "id").value;
        act.date = date.value;
        act.name = section_localized(section, "name");
        act.place = section_localized(section, "place");
        act.issuer = section_localized(section, "issuer");
        act.source_line = section.line;
        out->push_back(std::move(act));
        return true;
    });
}

bool load_references(const std::string& path, const std::vector<Document>& documents, const std::vector<ExternalAct>& acts,
                     PassageMatcher& matcher, std::vector<ReferenceRule>* out, Diagnostics* diagnostics) {
    const SectionRules rules{"reference", {"target"}, {}, {"match"}};
    std::vector<SourceSection> sections;
    bool ok = read_sections_file(path, rules, &sections, diagnostics);
    std::set<std::string> referenced;
    for (const SourceSection& section : sections) {
        const SourceValue& target = section_value(section, "target");
        ReferenceRule rule;
        rule.target = target.value;
        bool found = false;
        for (const Document& doc : documents) found = found || doc.info.id == target.value;
        if (found) {
            rule.kind = LinkKind::Document;
        } else {
            for (const ExternalAct& act : acts) found = found || act.id == target.value;
            rule.kind = LinkKind::Act;
        }
        if (!found) {
            diagnostics->push_back({path, target.line, "target",
                                    "'" + target.value + "' is neither a bundled document nor an act of acts.txt"});
            ok = false;
            continue;
        }
        referenced.insert(target.value);
        // A document naming itself («настоящая Концепция») is no cross-reference.
        rule.spans = match_section_rules(section, path, matcher, rule.kind == LinkKind::Document ? rule.target : "",
                                         diagnostics, &ok);
        out->push_back(std::move(rule));
    }
    return ok;
}

}  // namespace kiosk::core
