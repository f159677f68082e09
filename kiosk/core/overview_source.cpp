// [SECTION] Reader: `key: value` lines in [section]s, shared by the three files
// [SECTION] Checks shared by the files: localized texts, mentions
// [SECTION] about.txt, timeline.txt, members.txt
// [SECTION] Public entry points
#include "core/overview_source.h"

#include "core/document_source.h"
#include "core/file_io.h"
#include "core/lesson_source.h"
#include "core/qr_code.h"
#include "core/source_text.h"
#include "core/utf8.h"

#include <algorithm>
#include <map>

namespace kiosk::core {

namespace {

// ---------------------------------------------------------------- [SECTION] Reader

struct KeyValue {
    std::string value;
    int line = 0;
};

struct KeyedSection {
    std::string name;  // "" for the lines before the first section
    int line = 0;      // of the [name] line; 1 for the header
    std::map<std::string, KeyValue> fields;
    std::vector<KeyValue> mentions;  // `mention` may repeat
};

// What keys a kind of section takes: plain keys, and bases that come as BASE.ru/.en/.zh.
struct SectionSpec {
    const char* name;  // "" for the header
    std::vector<std::string> plain;
    std::vector<std::string> localized;
    bool mentions = false;
};

class OverviewFile {
public:
    OverviewFile(const std::string& file, Diagnostics* diagnostics) : file_(file), diagnostics_(diagnostics) {}

    // Splits `text` into sections of the given kinds; reports malformed lines, unknown sections
    // and keys, empty values, keys given twice and 你 in Chinese.
    std::vector<KeyedSection> read(std::string_view text, const std::vector<SectionSpec>& specs) {
        specs_ = &specs;
        std::vector<KeyedSection> sections(1);
        sections[0].line = 1;
        if (int bad_line = first_invalid_utf8_line(text)) {
            error(bad_line, "", kNotUtf8Message);
            return {};
        }
        bool skipping = false;  // inside an unknown section: already reported
        last_line_ = for_each_source_line(text, [&](std::string_view line, int line_no) {
            if (line.front() == '[') {
                skipping = !start_section(line, line_no, &sections);
                return;
            }
            if (!skipping) read_key_value(line, line_no, &sections.back());
        });
        return sections;
    }

    void error(int line, std::string field, std::string message) {
        diagnostics_->push_back({file_, line, std::move(field), std::move(message)});
        ++errors_;
    }

    int errors() const { return errors_; }
    int last_line() const { return last_line_; }
    const std::string& file() const { return file_; }

private:
    const SectionSpec* spec_of(const std::string& name) const {
        for (const SectionSpec& spec : *specs_)
            if (name == spec.name) return &spec;
        return nullptr;
    }

    bool start_section(std::string_view line, int line_no, std::vector<KeyedSection>* sections) {
        std::string name(line.size() >= 2 && line.back() == ']' ? line.substr(1, line.size() - 2) : line);
        if (name.empty() || !spec_of(name)) {
            std::string expected;
            for (const SectionSpec& spec : *specs_)
                if (*spec.name) expected += (expected.empty() ? "[" : " or [") + std::string(spec.name) + "]";
            error(line_no, "", "unknown section '" + std::string(line) + "' (expected " + expected + ")");
            return false;
        }
        sections->push_back(KeyedSection{name, line_no, {}, {}});
        return true;
    }

    void read_key_value(std::string_view line, int line_no, KeyedSection* section) {
        size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) {
            error(line_no, "", "malformed line, expected 'key: value' or a [section] line");
            return;
        }
        std::string key(utf8::trim(line.substr(0, colon)));
        std::string value = utf8::collapse_spaces(line.substr(colon + 1));
        if (!check_key(*spec_of(section->name), key, line_no)) return;
        if (value.empty()) {
            error(line_no, key, "empty value");
            return;
        }
        if (key.size() > 3 && key.compare(key.size() - 3, 3, ".zh") == 0 && value.find(kInformalYou) != std::string::npos)
            error(line_no, key, "addresses the visitor as 你: the kiosk uses the polite 您 in every Chinese text");
        if (key == "mention") {
            section->mentions.push_back({value, line_no});
            return;
        }
        auto [it, inserted] = section->fields.emplace(key, KeyValue{value, line_no});
        if (!inserted) error(line_no, key, "given twice (first on line " + std::to_string(it->second.line) + ")");
    }

    bool check_key(const SectionSpec& spec, const std::string& key, int line_no) {
        const std::string where = *spec.name ? "in [" + std::string(spec.name) + "]" : "before the first section";
        if (key == "mention" && spec.mentions) return true;
        if (std::find(spec.plain.begin(), spec.plain.end(), key) != spec.plain.end()) return true;
        size_t dot = key.rfind('.');
        if (dot != std::string::npos &&
            std::find(spec.localized.begin(), spec.localized.end(), key.substr(0, dot)) != spec.localized.end()) {
            if (parse_lang(std::string_view(key).substr(dot + 1))) return true;
            error(line_no, key, "unknown language '" + key.substr(dot + 1) + "' (expected ru, en or zh)");
            return false;
        }
        error(line_no, key, "unknown key " + where);
        return false;
    }

    std::string file_;
    Diagnostics* diagnostics_;
    const std::vector<SectionSpec>* specs_ = nullptr;
    int errors_ = 0;
    int last_line_ = 0;
};

// ---------------------------------------------------------------- [SECTION] Shared checks

const KeyValue* find(const KeyedSection& section, const std::string& key) {
    auto it = section.fields.find(key);
    return it == section.fields.end() ? nullptr : &it->second;
}

const KeyValue* require(OverviewFile& file, const KeyedSection& section, const std::string& key) {
    if (const KeyValue* value = find(section, key)) return value;
    file.error(section.line, key,
               std::string("missing in ") + (section.name.empty() ? "the header" : "[" + section.name + "]"));
    return nullptr;
}

// All three languages, or an error naming each missing key at the section's line.
void require_localized(OverviewFile& file, const KeyedSection& section, const std::string& base, LocalizedText* out) {
    for (Lang lang : kAllLangs) {
        std::string key = base + "." + lang_code(lang);
        if (const KeyValue* value = find(section, key)) (*out)[lang] = value->value;
        else file.error(section.line, key, "missing in [" + section.name + "] (every text needs ru, en and zh)");
    }
}

// Given in some language: then all three are required. False when none is given.
bool optional_localized(OverviewFile& file, const KeyedSection& section, const std::string& base, LocalizedText* out) {
    bool any = false;
    for (Lang lang : kAllLangs) any = any || find(section, base + "." + lang_code(lang));
    if (any) require_localized(file, section, base, out);
    return any;
}

const Document* find_document(const std::vector<Document>& documents, const std::string& id) {
    for (const Document& doc : documents)
        if (doc.info.id == id) return &doc;
    return nullptr;
}

// `mention: DOCUMENT#BLOCK QUOTE`: the block exists and its Russian text holds QUOTE.
void read_mentions(OverviewFile& file, const KeyedSection& section, const std::vector<Document>& documents,
                   std::vector<OverviewMention>* out) {
    for (const KeyValue& field : section.mentions) {
        OverviewMention mention;
        if (!parse_overview_mention(field.value, &mention) || mention.quote.empty()) {
            file.error(field.line, "mention",
                       "'" + field.value + "' is not DOCUMENT-ID#BLOCK followed by the words of the passage that mention it");
            continue;
        }
        const Document* doc = find_document(documents, mention.document);
        if (!doc) {
            file.error(field.line, "mention", "no document '" + mention.document + "'");
            continue;
        }
        if (mention.block > static_cast<int>(doc->blocks.size())) {
            file.error(field.line, "mention",
                       "block " + std::to_string(mention.block) + " does not exist in '" + mention.document +
                           "' (it has " + std::to_string(doc->blocks.size()) + " blocks)");
            continue;
        }
        const std::string text = utf8::collapse_spaces(doc->blocks[mention.block - 1].text);
        if (text.find(mention.quote) == std::string::npos) {
            file.error(field.line, "mention",
                       "block " + std::to_string(mention.block) + " of '" + mention.document + "' does not contain \"" +
                           mention.quote + "\" (quote the Russian text of the passage verbatim)");
            continue;
        }
        out->push_back(std::move(mention));
    }
}

// `id`: valid, and not used by an earlier section of the same file.
std::string read_id(OverviewFile& file, const KeyedSection& section, std::map<std::string, int>* seen) {
    const KeyValue* id = require(file, section, "id");
    if (!id) return "";
    if (!is_valid_content_id(id->value)) {
        file.error(id->line, "id", "'" + id->value + "' is not a valid id (use a-z, 0-9 and '-', at most 64)");
        return "";
    }
    auto [it, inserted] = seen->emplace(id->value, id->line);
    if (!inserted)
        file.error(id->line, "id", "duplicate id '" + id->value + "' (first on line " + std::to_string(it->second) + ")");
    return id->value;
}

bool parse_year(std::string_view text, int* out) {
    if (text.size() != 4) return false;
    int year = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        year = year * 10 + (c - '0');
    }
    *out = year;
    return year >= 2001 && year <= 2200;  // the SCO was founded in 2001
}

// "C8313E 4AA657 FFFFFF": two to four RGB colours.
bool parse_colors(std::string_view text, std::vector<uint32_t>* out) {
    out->clear();
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find(' ', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view hex = text.substr(pos, end - pos);
        pos = end + 1;
        if (hex.size() != 6) return false;
        uint32_t rgb = 0;
        for (char c : hex) {
            int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                               : -1;
            if (digit < 0) return false;
            rgb = rgb * 16 + static_cast<uint32_t>(digit);
        }
        out->push_back(rgb);
    }
    return out->size() >= 2 && out->size() <= 4;
}

// ---------------------------------------------------------------- [SECTION] The three files

void parse_about(OverviewFile& file, const std::vector<KeyedSection>& sections, const std::vector<Document>& documents,
                 AboutPage* out) {
    std::map<std::string, int> seen;
    for (const KeyedSection& section : sections) {
        if (section.name.empty()) {
            if (const KeyValue* url = find(section, "url")) {
                std::string problem = qr_address_problem(url->value);
                if (!problem.empty()) file.error(url->line, "url", problem);
                out->url = url->value;
            }
            continue;
        }
        AboutFact fact;
        fact.id = read_id(file, section, &seen);
        require_localized(file, section, "label", &fact.label);
        require_localized(file, section, "text", &fact.text);
        require_localized(file, section, "source", &fact.source);
        read_mentions(file, section, documents, &fact.mentions);
        out->facts.push_back(std::move(fact));
    }
    if (out->facts.empty()) file.error(file.last_line(), "", "no [fact]: the About screen needs at least one");
}

void parse_timeline(OverviewFile& file, const std::vector<KeyedSection>& sections,
                    const std::vector<Document>& documents, std::vector<TimelineEntry>* out) {
    std::map<std::string, int> seen, seen_documents;
    for (const KeyedSection& section : sections) {
        if (section.name.empty()) continue;  // the header takes no keys
        TimelineEntry entry;
        entry.id = read_id(file, section, &seen);
        read_mentions(file, section, documents, &entry.mentions);
        if (const KeyValue* document = find(section, "document")) {
            const Document* doc = find_document(documents, document->value);
            if (!doc) {
                file.error(document->line, "document", "no document '" + document->value + "' in documents/");
                continue;
            }
            auto [it, inserted] = seen_documents.emplace(document->value, document->line);
            if (!inserted)
                file.error(document->line, "document",
                           "document '" + document->value + "' is already on the timeline (line " +
                               std::to_string(it->second) + ")");
            // A bundled act is described by its own file: a second description could only disagree.
            for (const auto& [key, field] : section.fields)
                if (key != "id" && key != "document")
                    file.error(field.line, key,
                               "an [event] with 'document' takes its title, date, place and issuer from "
                               "the document; remove this line");
            entry.document = doc->info.id;
            entry.date = doc->info.date;
        } else {
            if (const KeyValue* date = require(file, section, "date")) {
                if (!is_valid_date(date->value))
                    file.error(date->line, "date", "'" + date->value + "' is not a date in the form YYYY-MM-DD");
                entry.date = date->value;
            }
            require_localized(file, section, "title", &entry.title);
            require_localized(file, section, "place", &entry.place);
            require_localized(file, section, "issuer", &entry.issuer);
            if (!optional_localized(file, section, "source", &entry.source) && section.mentions.empty())
                file.error(
                    section.line, "source",
                    "an act that is not bundled needs a 'mention' of a bundled passage or source.ru, .en and .zh "
                    "naming the public record");
        }
        out->push_back(std::move(entry));
    }
    if (out->empty()) file.error(file.last_line(), "", "no [event]: the timeline needs at least one");
    std::stable_sort(out->begin(), out->end(),
                     [](const TimelineEntry& a, const TimelineEntry& b) { return a.date < b.date; });
}

void parse_members(OverviewFile& file, const std::vector<KeyedSection>& sections, std::vector<MemberState>* out) {
    std::map<std::string, int> seen;
    for (const KeyedSection& section : sections) {
        if (section.name.empty()) continue;
        MemberState member;
        if (const KeyValue* code = require(file, section, "code")) {
            if (!is_known_party(code->value)) {
                std::string known;
                for (const std::string& party : known_parties()) known += (known.empty() ? "" : ", ") + party;
                file.error(code->line, "code", "unknown member state '" + code->value + "' (expected one of " + known + ")");
            } else if (auto [it, inserted] = seen.emplace(code->value, code->line); !inserted) {
                file.error(code->line, "code",
                           "duplicate member state '" + code->value + "' (first on line " + std::to_string(it->second) + ")");
            }
            member.code = code->value;
        }
        if (const KeyValue* joined = require(file, section, "joined"))
            if (!parse_year(joined->value, &member.joined))
                file.error(joined->line, "joined", "'" + joined->value + "' is not a year from 2001");
        if (const KeyValue* colors = require(file, section, "colors"))
            if (!parse_colors(colors->value, &member.colors))
                file.error(colors->line, "colors",
                           "'" + colors->value + "' is not two to four RGB colours such as 'FFFFFF 0039A6 D52B1E'");
        require_localized(file, section, "name", &member.name);
        require_localized(file, section, "full", &member.full_name);
        require_localized(file, section, "source", &member.source);
        out->push_back(std::move(member));
    }
    // Every state a document may name as a party has a tile, so a party never goes unexplained.
    for (const std::string& party : known_parties())
        if (!seen.count(party))
            file.error(file.last_line(), "code", "no [member] for '" + party + "': every state a document can name needs one");
    const std::vector<std::string> order = known_parties();
    auto rank = [&](const MemberState& m) { return std::find(order.begin(), order.end(), m.code) - order.begin(); };
    std::stable_sort(out->begin(), out->end(),
                     [&](const MemberState& a, const MemberState& b) { return rank(a) < rank(b); });
}

// Reads `text` as one of the three files and hands its sections to `parse`.
template <typename Parse>
bool parse_overview_file(std::string_view text, const std::string& file_name, const std::vector<SectionSpec>& specs,
                         Diagnostics* diagnostics, Parse parse) {
    OverviewFile file(file_name, diagnostics);
    std::vector<KeyedSection> sections = file.read(text, specs);
    if (file.errors() == 0) parse(file, sections);
    return file.errors() == 0;
}

const std::vector<SectionSpec>& about_specs() {
    static const std::vector<SectionSpec> specs = {
        {"", {"url"}, {}, false},
        {"fact", {"id"}, {"label", "text", "source"}, true},
    };
    return specs;
}

const std::vector<SectionSpec>& timeline_specs() {
    static const std::vector<SectionSpec> specs = {
        {"", {}, {}, false},
        {"event", {"id", "document", "date"}, {"title", "place", "issuer", "source"}, true},
    };
    return specs;
}

const std::vector<SectionSpec>& members_specs() {
    static const std::vector<SectionSpec> specs = {
        {"", {}, {}, false},
        {"member", {"code", "joined", "colors"}, {"name", "full", "source"}, false},
    };
    return specs;
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] Public entry points

bool parse_overview_mention(std::string_view text, OverviewMention* out) {
    size_t space = text.find(' ');
    LessonLink link;
    if (!parse_lesson_link(text.substr(0, space), &link)) return false;
    out->document = link.document_id;
    out->block = link.block_id;
    out->quote = space == std::string_view::npos ? "" : std::string(utf8::trim(text.substr(space + 1)));
    return true;
}

bool parse_about_source(std::string_view text, const std::string& file, const std::vector<Document>& documents,
                        AboutPage* out, Diagnostics* diagnostics) {
    return parse_overview_file(
        text, file, about_specs(), diagnostics,
        [&](OverviewFile& f, const std::vector<KeyedSection>& s) { parse_about(f, s, documents, out); });
}

bool parse_timeline_source(std::string_view text, const std::string& file, const std::vector<Document>& documents,
                           std::vector<TimelineEntry>* out, Diagnostics* diagnostics) {
    return parse_overview_file(
        text, file, timeline_specs(), diagnostics,
        [&](OverviewFile& f, const std::vector<KeyedSection>& s) { parse_timeline(f, s, documents, out); });
}

bool parse_members_source(std::string_view text, const std::string& file, std::vector<MemberState>* out,
                          Diagnostics* diagnostics) {
    return parse_overview_file(text, file, members_specs(), diagnostics,
                               [&](OverviewFile& f, const std::vector<KeyedSection>& s) { parse_members(f, s, out); });
}

bool load_overview_sources(const std::string& dir, const std::vector<Document>& documents, OverviewContent* out,
                           Diagnostics* diagnostics) {
    const size_t before = diagnostics->size();
    auto load = [&](const char* name, auto parse) {
        std::string path = fs::join(dir, name);
        if (!fs::exists(path)) return;
        std::string text, error;
        if (!fs::read_file(path, &text, &error)) {
            diagnostics->push_back({path, 0, "", error});
            return;
        }
        if (check_source_characters(text, path, diagnostics)) parse(text, path);
    };
    load("about.txt", [&](const std::string& text, const std::string& path) {
        AboutPage about;
        if (parse_about_source(text, path, documents, &about, diagnostics)) out->about = std::move(about);
    });
    load("timeline.txt", [&](const std::string& text, const std::string& path) {
        std::vector<TimelineEntry> timeline;
        if (parse_timeline_source(text, path, documents, &timeline, diagnostics)) out->timeline = std::move(timeline);
    });
    load("members.txt", [&](const std::string& text, const std::string& path) {
        std::vector<MemberState> members;
        if (parse_members_source(text, path, &members, diagnostics)) out->members = std::move(members);
    });
    return diagnostics->size() == before;
}

}  // namespace kiosk::core
