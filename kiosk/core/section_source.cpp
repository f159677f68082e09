#include "core/section_source.h"

#include "core/file_io.h"
#include "core/source_text.h"
#include "core/utf8.h"

#include <algorithm>

namespace kiosk::core {

namespace {

constexpr std::string_view kInformalYou = "\xe4\xbd\xa0";  // 你: the kiosk says 您

bool contains(const std::vector<std::string>& list, const std::string& key) {
    return std::find(list.begin(), list.end(), key) != list.end();
}

class SectionParser {
public:
    SectionParser(const std::string& path, const SectionRules& rules, std::vector<SourceSection>* out, Diagnostics* diagnostics)
        : path_(path), rules_(rules), out_(out), diagnostics_(diagnostics) {}

    bool parse(std::string_view text) {
        if (int bad_line = first_invalid_utf8_line(text)) {
            error(bad_line, "", kNotUtf8Message);
            return false;
        }
        if (!check_source_characters(text, path_, diagnostics_)) return false;
        for_each_source_line(text, [&](std::string_view line, int line_no) { read_line(line, line_no); });
        finish();
        return errors_ == 0;
    }

private:
    void error(int line, const std::string& field, const std::string& message) {
        diagnostics_->push_back({path_, line, field, message});
        ++errors_;
    }

    void read_line(std::string_view line, int line_no) {
        if (line.front() == '[') {
            finish();
            if (line != "[" + rules_.kind + "]") {
                error(line_no, "", "unknown section '" + std::string(line) + "' (expected [" + rules_.kind + "])");
                in_section_ = false;
                skipping_ = true;
                return;
            }
            current_ = SourceSection{rules_.kind, line_no, {}};
            in_section_ = true;
            skipping_ = false;
            return;
        }
        if (skipping_) return;
        size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) {
            error(line_no, "", "malformed line, expected 'key: value' or '[" + rules_.kind + "]'");
            return;
        }
        std::string key(utf8::trim(line.substr(0, colon)));
        std::string value = utf8::collapse_spaces(line.substr(colon + 1));
        if (!in_section_) {
            error(line_no, key, "outside a section: start each entry with a line '[" + rules_.kind + "]'");
            return;
        }
        if (!known_key(key, line_no)) return;
        if (value.empty()) {
            error(line_no, key, "empty value");
            return;
        }
        if (key.size() > 3 && key.compare(key.size() - 3, 3, ".zh") == 0 && value.find(kInformalYou) != std::string::npos)
            error(line_no, key, "addresses the visitor as 你: the kiosk uses the polite 您 in every Chinese text");
        auto [it, inserted] = current_.fields.emplace(key, SourceValue{value, line_no});
        if (!inserted)
            error(line_no, key, "given twice in this section (first on line " + std::to_string(it->second.line) + ")");
    }

    bool known_key(const std::string& key, int line_no) {
        if (contains(rules_.required, key) || contains(rules_.optional, key)) return true;
        size_t dot = key.rfind('.');
        if (dot != std::string::npos && contains(rules_.localized, key.substr(0, dot))) {
            if (parse_lang(std::string_view(key).substr(dot + 1))) return true;
            error(line_no, key, "unknown language '" + key.substr(dot + 1) + "' (expected ru, en or zh)");
            return false;
        }
        error(line_no, key, "unknown key in [" + rules_.kind + "]");
        return false;
    }

    void finish() {
        if (!in_section_) return;
        in_section_ = false;
        bool complete = true;
        for (const std::string& key : rules_.required)
            if (!current_.fields.count(key)) {
                error(current_.line, key, "missing: every [" + rules_.kind + "] needs '" + key + ":'");
                complete = false;
            }
        for (const std::string& base : rules_.localized)
            for (Lang lang : kAllLangs) {
                std::string key = base + "." + lang_code(lang);
                if (current_.fields.count(key)) continue;
                error(current_.line, key,
                      "missing language: every [" + rules_.kind + "] needs " + base + ".ru, " + base + ".en and " +
                          base + ".zh");
                complete = false;
            }
        if (complete) out_->push_back(std::move(current_));
    }

    const std::string& path_;
    const SectionRules& rules_;
    std::vector<SourceSection>* out_;
    Diagnostics* diagnostics_;
    SourceSection current_;
    bool in_section_ = false;
    bool skipping_ = false;
    int errors_ = 0;
};

}  // namespace

bool parse_sections(std::string_view text, const std::string& path, const SectionRules& rules,
                    std::vector<SourceSection>* out, Diagnostics* diagnostics) {
    return SectionParser(path, rules, out, diagnostics).parse(text);
}

bool read_sections_file(const std::string& path, const SectionRules& rules, std::vector<SourceSection>* sections,
                        Diagnostics* diagnostics) {
    if (!fs::exists(path)) return true;
    std::string text, error;
    if (!fs::read_file(path, &text, &error)) {
        diagnostics->push_back({path, 0, "", error});
        return false;
    }
    return parse_sections(text, path, rules, sections, diagnostics);
}

bool check_unique_id(const SourceSection& section, const std::string& path, std::map<std::string, int>* seen,
                     Diagnostics* diagnostics) {
    const SourceValue& id = section_value(section, "id");
    if (!is_valid_content_id(id.value)) {
        diagnostics->push_back({path, id.line, "id", "'" + id.value + "' is not a valid id (1 to 64 of a-z, 0-9 and '-')"});
        return false;
    }
    auto [it, inserted] = seen->emplace(id.value, id.line);
    if (inserted) return true;
    diagnostics->push_back({path, id.line, "id",
                            "duplicate id '" + id.value + "' (already used on line " + std::to_string(it->second) + ")"});
    return false;
}

bool for_each_entry(const std::string& path, const SectionRules& rules, Diagnostics* diagnostics,
                    const std::function<bool(const SourceSection&)>& entry) {
    std::vector<SourceSection> sections;
    bool ok = read_sections_file(path, rules, &sections, diagnostics);
    std::map<std::string, int> seen;
    for (const SourceSection& section : sections)
        ok = check_unique_id(section, path, &seen, diagnostics) && entry(section) && ok;
    return ok;
}

const SourceValue& section_value(const SourceSection& section, const std::string& key) {
    static const SourceValue kNone;
    auto it = section.fields.find(key);
    return it == section.fields.end() ? kNone : it->second;
}

LocalizedText section_localized(const SourceSection& section, const std::string& base) {
    LocalizedText text;
    for (Lang lang : kAllLangs) text[lang] = section_value(section, base + "." + lang_code(lang)).value;
    return text;
}

std::vector<std::string> split_alternatives(std::string_view value) {
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos <= value.size()) {
        size_t bar = value.find('|', pos);
        if (bar == std::string_view::npos) bar = value.size();
        std::string_view part = utf8::trim(value.substr(pos, bar - pos));
        if (!part.empty()) out.emplace_back(part);
        pos = bar + 1;
    }
    return out;
}

}  // namespace kiosk::core
