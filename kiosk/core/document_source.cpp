#include "core/document_source.h"

#include "core/calendar_date.h"
#include "core/qr_code.h"
#include "core/source_text.h"
#include "core/utf8.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>

namespace kiosk::core {

namespace {

// SCO member states in the order SCO texts list them: Russian alphabetical (Беларусь, Индия,
// Иран, Казахстан, Китай, Кыргызстан, Пакистан, Россия, Таджикистан, Узбекистан). Iran joined on
// 4 July 2023 and Belarus on 4 July 2024 (tests/data/seeds/INDEX.md).
constexpr std::array<const char*, 10> kParties = {"BY", "IN", "IR", "KZ", "CN", "KG", "PK", "RU", "TJ", "UZ"};

// Optional texts: given in one language, they must be given in all three.
constexpr const char* kOptionalNotes[] = {"short_title", "date_note", "parties_note", "annex_note"};
constexpr Lang kTranslationQuoteLangs[] = {Lang::Zh, Lang::En};

struct FieldSpec {
    const char* key;
    bool required;
};

// Every header key a document may have. Localized keys are listed per language.
constexpr FieldSpec kFields[] = {
    {"id", true},
    {"type", true},
    {"date", true},
    {"parties", false},
    {"source", false},
    {"title.ru", true},
    {"title.en", true},
    {"title.zh", true},
    {"short_title.ru", false},
    {"short_title.en", false},
    {"short_title.zh", false},
    {"summary.en", true},
    {"summary.zh", true},
    {"summary.ru", false},
    {"quote.ru", false},
    {"quote.en", false},
    {"quote.zh", false},
    {"place.ru", true},
    {"place.en", true},
    {"place.zh", true},
    {"issuer.ru", true},
    {"issuer.en", true},
    {"issuer.zh", true},
    {"date_note.ru", false},
    {"date_note.en", false},
    {"date_note.zh", false},
    {"parties_note.ru", false},
    {"parties_note.en", false},
    {"parties_note.zh", false},
    {"annex_note.ru", false},
    {"annex_note.en", false},
    {"annex_note.zh", false},
    {"authentic", false},
    {"url", false},
};

// "BY, IN, IR, ..., UZ" for messages.
std::string known_parties_list() {
    std::string out;
    for (const char* code : kParties) out += (out.empty() ? "" : ", ") + std::string(code);
    return out;
}

// Position of a known code in kParties.
size_t party_rank(const std::string& code) {
    return static_cast<size_t>(std::find_if(kParties.begin(), kParties.end(), [&](const char* c) { return code == c; }) -
                               kParties.begin());
}

const FieldSpec* find_field(std::string_view key) {
    for (const FieldSpec& spec : kFields)
        if (key == spec.key) return &spec;
    return nullptr;
}

struct HeaderValue {
    std::string value;
    int line = 0;
};

class SourceParser {
public:
    SourceParser(const std::string& file, Diagnostics* diagnostics) : file_(file), diagnostics_(diagnostics) {}

    bool parse(std::string_view text, Document* out) {
        if (int bad_line = first_invalid_utf8_line(text)) {
            error(bad_line, "", kNotUtf8Message);
            return false;
        }
        bool in_body = false;
        int separator_line = 0;
        for_each_source_line(text, [&](std::string_view line, int line_no) {
            if (in_body) {
                body_line(line, line_no, out);
            } else if (line == "---") {
                in_body = true;
                separator_line = line_no;
            } else {
                header_line(line, line_no);
            }
        });
        if (!in_body) {
            // Point at the last line: that is where the header should have ended.
            error(std::max(count_lines(text), 1), "", "missing the '---' line that ends the header");
            return false;
        }
        fill_info(separator_line, out);
        if (out->blocks.empty()) error(separator_line, "", "the document has no text after '---'");
        else if (out->sections.back().first_block == static_cast<int>(out->blocks.size()))
            error(last_heading_line_, "heading", "section heading at the end of the document has no text under it");
        return errors_ == 0;
    }

private:
    void error(int line, std::string field, std::string message) {
        diagnostics_->push_back({file_, line, std::move(field), std::move(message)});
        ++errors_;
    }

    void header_line(std::string_view line, int line_no) {
        size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) {
            error(line_no, "", "malformed metadata line, expected 'key: value'");
            return;
        }
        std::string key(utf8::trim(line.substr(0, colon)));
        std::string value = utf8::collapse_spaces(line.substr(colon + 1));
        if (!find_field(key)) {
            error(line_no, key, "unknown field");
            return;
        }
        if (header_.count(key)) {
            error(line_no, key, "field given twice (first on line " + std::to_string(header_[key].line) + ")");
            return;
        }
        if (value.empty()) {
            error(line_no, key, "empty value");
            return;
        }
        header_[key] = {value, line_no};
    }

    void body_line(std::string_view line, int line_no, Document* doc) {
        auto starts = [&](std::string_view prefix) { return line.substr(0, prefix.size()) == prefix; };
        if (starts("##")) {
            std::string heading = utf8::collapse_spaces(line.substr(2));
            if (heading.empty()) {
                error(line_no, "heading", "empty section heading");
                return;
            }
            Section section;
            section.heading = heading;
            section.first_block = static_cast<int>(doc->blocks.size());
            section.source_line = line_no;
            doc->sections.push_back(std::move(section));
            last_heading_line_ = line_no;
            return;
        }
        BlockKind kind = BlockKind::Paragraph;
        std::string_view text = line;
        if (starts("* ") || line == "*") {
            kind = BlockKind::ListItem;
            text = line.substr(1);
        } else if (starts("> ") || line == ">") {
            kind = BlockKind::Signature;
            text = line.substr(1);
        }
        std::string clean = utf8::collapse_spaces(text);
        if (clean.empty()) {
            error(line_no, block_kind_name(kind), "empty block");
            return;
        }
        if (doc->sections.empty()) doc->sections.push_back(Section{});
        Block block;
        block.id = static_cast<int>(doc->blocks.size()) + 1;
        block.section = static_cast<int>(doc->sections.size()) - 1;
        block.kind = kind;
        block.text = std::move(clean);
        block.source_line = line_no;
        doc->blocks.push_back(std::move(block));
    }

    void fill_info(int separator_line, Document* doc) {
        for (const FieldSpec& spec : kFields)
            if (spec.required && !header_.count(spec.key)) error(separator_line, spec.key, "missing required field");

        DocumentInfo& info = doc->info;
        if (auto it = header_.find("id"); it != header_.end()) {
            if (!is_valid_content_id(it->second.value))
                error(it->second.line, "id",
                      "'" + it->second.value + "' is not a valid id (use a-z, 0-9 and '-', at most 64)");
            info.id = it->second.value;
        }
        if (auto it = header_.find("type"); it != header_.end()) {
            if (!parse_document_type(it->second.value, &info.type))
                error(it->second.line, "type",
                      "unknown document type '" + it->second.value +
                          "' (expected statement, decision, concept, programme or protocol)");
        }
        if (auto it = header_.find("date"); it != header_.end()) {
            if (!is_valid_date(it->second.value))
                error(it->second.line, "date", "'" + it->second.value + "' is not a date in the form YYYY-MM-DD");
            info.date = it->second.value;
        }
        if (auto it = header_.find("parties"); it != header_.end()) parse_parties(it->second, &info);
        if (auto it = header_.find("source"); it != header_.end()) info.source = it->second.value;
        if (auto it = header_.find("authentic"); it != header_.end()) parse_authentic(it->second, &info);
        if (auto it = header_.find("url"); it != header_.end()) {
            std::string problem = qr_address_problem(it->second.value);
            if (!problem.empty()) error(it->second.line, "url", problem);
            info.url = it->second.value;
        }

        for (const DocumentTextField& field : kDocumentTextFields) {
            for (Lang lang : kAllLangs) {
                auto it = header_.find(std::string(field.name) + "." + lang_code(lang));
                if (it != header_.end()) (info.*field.member)[lang] = it->second.value;
            }
        }
        for (const char* note : kOptionalNotes) check_all_languages(note);
        check_short_titles(info);
        check_quote(doc);
        // A reader must learn who the parties are, or why none are listed.
        if (!header_.count("parties") && !header_.count("parties_note.ru") && !header_.count("parties_note.en") &&
            !header_.count("parties_note.zh"))
            error(
                separator_line, "parties",
                "missing: list the parties the text names, or say in parties_note.ru, .en and .zh why none are listed");
        info.block_count = static_cast<int>(doc->blocks.size());
    }

    // quote.ru: whole sentences of one block, verbatim; quote.zh and quote.en only with it (they are
    // checked against the translations once those are read, see check_quote_translations()).
    void check_quote(Document* doc) {
        DocumentInfo& info = doc->info;
        for (Lang lang : kAllLangs) {
            auto it = header_.find(std::string("quote.") + lang_code(lang));
            if (it != header_.end()) info.quote_lines[static_cast<int>(lang)] = it->second.line;
        }
        const int ru_line = info.quote_lines[static_cast<int>(Lang::Ru)];
        if (ru_line == 0) {
            for (Lang lang : kTranslationQuoteLangs)
                if (int line = info.quote_lines[static_cast<int>(lang)])
                    error(line, std::string("quote.") + lang_code(lang), "a translated quotation needs quote.ru");
            return;
        }
        const int block = quote_block(*doc);
        if (block < 0) {
            error(ru_line, "quote.ru", "not found verbatim in any block of the body");
            return;
        }
        std::string problem =
            whole_sentence_problem(doc->blocks[static_cast<size_t>(block)].text, info.quote[Lang::Ru], Lang::Ru);
        if (!problem.empty())
            error(ru_line, "quote.ru",
                  "not whole sentences of block " + std::to_string(block + 1) + " (line " +
                      std::to_string(doc->blocks[static_cast<size_t>(block)].source_line) + "): " + problem);
    }

    // A note given in some languages but not all is reported at the first line that gives it.
    void check_all_languages(const std::string& name) {
        int given_line = 0;
        std::string missing;
        for (Lang lang : kAllLangs) {
            auto it = header_.find(name + "." + lang_code(lang));
            if (it == header_.end()) missing += (missing.empty() ? "" : ", ") + name + "." + lang_code(lang);
            else if (given_line == 0 || it->second.line < given_line) given_line = it->second.line;
        }
        if (given_line != 0 && !missing.empty())
            error(given_line, name, "given in some languages only; add " + missing);
    }

    // A short title stands for the title on a card: it must be shorter than it.
    void check_short_titles(const DocumentInfo& info) {
        for (Lang lang : kAllLangs) {
            auto it = header_.find(std::string("short_title.") + lang_code(lang));
            if (it == header_.end() || info.title[lang].empty()) continue;
            if (utf8::length(info.short_title[lang]) >= utf8::length(info.title[lang]))
                error(it->second.line, it->first, "not shorter than title." + std::string(lang_code(lang)));
        }
    }

    // "ru, zh": the languages the document says it was signed in; Russian is always one of them.
    void parse_authentic(const HeaderValue& field, DocumentInfo* info) {
        std::vector<Lang> languages;
        std::string_view rest = field.value;
        while (!rest.empty()) {
            size_t comma = rest.find(',');
            std::string code(utf8::trim(rest.substr(0, comma)));
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
            auto lang = parse_lang(code);
            if (!lang) {
                error(field.line, "authentic", "unknown language '" + code + "' (expected ru, zh or en)");
                return;
            }
            if (std::find(languages.begin(), languages.end(), *lang) == languages.end()) languages.push_back(*lang);
        }
        if (std::find(languages.begin(), languages.end(), Lang::Ru) == languages.end()) {
            error(field.line, "authentic", "must include ru: the Russian text is the one the kiosk shows as the original");
            return;
        }
        info->authentic_languages = languages;
    }

    void parse_parties(const HeaderValue& field, DocumentInfo* info) {
        std::set<std::string> seen;
        std::string_view rest = field.value;
        while (!rest.empty()) {
            size_t comma = rest.find(',');
            std::string code(utf8::trim(rest.substr(0, comma)));
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
            if (code.empty()) continue;
            if (!is_known_party(code)) {
                error(field.line, "parties", "unknown party '" + code + "' (expected one of " + known_parties_list() + ")");
                continue;
            }
            if (seen.insert(code).second) info->parties.push_back(code);
        }
        std::sort(info->parties.begin(), info->parties.end(),
                  [](const std::string& a, const std::string& b) { return party_rank(a) < party_rank(b); });
    }

    const std::string& file_;
    Diagnostics* diagnostics_;
    std::map<std::string, HeaderValue> header_;
    int last_heading_line_ = 0;
    int errors_ = 0;
};

}  // namespace

// A real calendar date: "2023-02-29" is rejected, so a typo cannot reach the timeline.
bool is_valid_date(std::string_view date) {
    CalendarDate parsed;
    return parse_iso_date(date, &parsed);
}

bool is_known_party(std::string_view code) {
    for (const char* party : kParties)
        if (code == party) return true;
    return false;
}

std::vector<std::string> known_parties() { return {kParties.begin(), kParties.end()}; }

int header_field_line(std::string_view text, std::string_view key) {
    LineReader reader(text);
    for (TextLine line; reader.next(&line);) {
        std::string_view trimmed = utf8::trim(line.text);
        if (trimmed == "---") break;
        size_t colon = trimmed.find(':');
        if (colon != std::string_view::npos && utf8::trim(trimmed.substr(0, colon)) == key) return line.number;
    }
    return 0;
}

bool parse_document_source(std::string_view text, const std::string& file_name, Document* out, Diagnostics* diagnostics) {
    *out = Document{};
    SourceParser parser(file_name, diagnostics);
    return parser.parse(text, out);
}

}  // namespace kiosk::core
