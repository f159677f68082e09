// The shape shared by db/topics.txt, db/glossary.txt, db/acts.txt and db/references.txt: a
// list of `[kind]` sections, each a set of `key: value` lines, `;` comments and blank lines
// anywhere. Each problem is reported with the file and the line.
#pragma once

#include "core/diagnostic.h"
#include "core/language.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

struct SourceValue {
    std::string value;
    int line = 0;
};

struct SourceSection {
    std::string kind;  // the word in brackets
    int line = 0;      // of the [kind] line
    std::map<std::string, SourceValue> fields;
};

// What a section of one kind may hold: plain keys, and localized bases ("name" for name.ru,
// name.en and name.zh), each either required in all three languages or optional.
struct SectionRules {
    std::string kind;
    std::vector<std::string> required;   // plain keys every section must have
    std::vector<std::string> optional;   // plain keys it may have
    std::vector<std::string> localized;  // bases required in ru, en and zh
};

// Reads `text` (from `path`) into sections of the one kind `rules` describes. Unknown keys,
// keys given twice, empty values, a missing required key or language, lines outside a
// section and 你 in a Chinese value are reported. Returns false if anything was.
bool parse_sections(std::string_view text, const std::string& path, const SectionRules& rules,
                    std::vector<SourceSection>* out, Diagnostics* diagnostics);

// Reads and parses `path` with parse_sections; a missing file holds no sections.
bool read_sections_file(const std::string& path, const SectionRules& rules, std::vector<SourceSection>* sections,
                        Diagnostics* diagnostics);

// Checks the section's `id:` (the content id rule) and that no earlier section of the file
// used it (`seen`: id -> line); reports against the id's line.
bool check_unique_id(const SourceSection& section, const std::string& path, std::map<std::string, int>* seen,
                     Diagnostics* diagnostics);

// Reads `path` and calls `entry` for each section whose id is valid and unique in the file;
// `entry` returns false when it reported a problem. Returns false if anything was reported.
bool for_each_entry(const std::string& path, const SectionRules& rules, Diagnostics* diagnostics,
                    const std::function<bool(const SourceSection&)>& entry);

// The value of `key`, or an empty one (line 0) when the section lacks it.
const SourceValue& section_value(const SourceSection& section, const std::string& key);

// base.ru, base.zh and base.en of a section as one LocalizedText.
LocalizedText section_localized(const SourceSection& section, const std::string& base);

// Splits a `match.xx` value at '|' into trimmed alternatives; empty ones are dropped.
std::vector<std::string> split_alternatives(std::string_view value);

}  // namespace kiosk::core
