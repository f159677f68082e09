#include "core/translation_source.h"

#include "core/file_io.h"
#include "core/source_text.h"
#include "core/utf8.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <map>
#include <set>

namespace kiosk::core {

namespace {

// A translation longer than this many times its original (plus kLengthSlack characters) is
// not a translation of it: a pasted neighbour, a doubled text. Chinese runs at about half the
// length of the Russian, English at about the same; five times leaves room for short headings.
constexpr size_t kMaxLengthRatio = 5;
constexpr size_t kLengthSlack = 40;

// The meaningful lines of `text` (no blank lines, no `;` comments). Also reports invalid UTF-8.
bool read_lines(std::string_view text, const std::string& file, std::vector<TextLine>* out, Diagnostics* diagnostics) {
    if (int bad_line = first_invalid_utf8_line(text)) {
        diagnostics->push_back({file, bad_line, "", kNotUtf8Message});
        return false;
    }
    for_each_source_line(text, [&](std::string_view line, int number) { out->push_back({line, number}); });
    return true;
}

// "key: value" split at the first colon; false if there is none or the key is empty.
bool split_key_value(std::string_view line, std::string* key, std::string* value) {
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    *key = std::string(utf8::trim(line.substr(0, colon)));
    *value = utf8::collapse_spaces(line.substr(colon + 1));
    return !key->empty();
}

std::vector<std::string> split_alternatives(const std::string& value) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= value.size()) {
        size_t bar = value.find('|', start);
        if (bar == std::string::npos) bar = value.size();
        std::string part(utf8::trim(std::string_view(value).substr(start, bar - start)));
        if (!part.empty()) out.push_back(part);
        start = bar + 1;
    }
    return out;
}

// Case-folded copy (ICU simple case folding: Cyrillic and Latin), so terms match any case.
std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) {
        char32_t cp = utf8::decode(text, pos);
        utf8::append(out, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)));
    }
    return out;
}

bool contains_any(const std::string& folded_text, const std::vector<std::string>& folded_needles) {
    for (const std::string& needle : folded_needles)
        if (folded_text.find(needle) != std::string::npos) return true;
    return false;
}

// What a text is written in, for telling a translation in the wrong language.
struct ScriptCounts {
    size_t cyrillic = 0, han = 0, latin = 0, letters = 0;
};

ScriptCounts count_scripts(std::string_view text) {
    ScriptCounts counts;
    for (size_t pos = 0; pos < text.size();) {
        char32_t cp = utf8::decode(text, pos);
        if (!u_isalpha(static_cast<UChar32>(cp))) continue;
        ++counts.letters;
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
        if (script == USCRIPT_CYRILLIC) ++counts.cyrillic;
        else if (script == USCRIPT_HAN) ++counts.han;
        else if (script == USCRIPT_LATIN) ++counts.latin;
    }
    return counts;
}

// Empty if `text` reads as `lang`; otherwise why not.
std::string wrong_language(std::string_view text, Lang lang) {
    ScriptCounts counts = count_scripts(text);
    if (counts.cyrillic > 0)
        return "contains Cyrillic letters: Russian text in the " + std::string(lang_code(lang)) + " translation";
    if (lang == Lang::Zh && counts.han == 0 && counts.letters > 0)
        return "has no Chinese characters: not a Chinese translation";
    if (lang == Lang::En && counts.han > 0) return "contains Chinese characters: not an English translation";
    return {};
}

// The key of one translated piece: heading number (1-based) or block id.
struct PieceKey {
    bool heading = false;
    int number = 0;
    bool operator<(const PieceKey& other) const {
        return heading != other.heading ? heading > other.heading : number < other.number;
    }
};

bool parse_key(const std::string& text, PieceKey* out) {
    std::string_view digits = text;
    out->heading = !digits.empty() && digits.front() == 'h';
    if (out->heading) digits.remove_prefix(1);
    if (digits.empty() || digits.size() > 6 || digits.front() == '0') return false;
    int number = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return false;
        number = number * 10 + (c - '0');
    }
    out->number = number;
    return true;
}

// The headings of a document in order: sections with a heading.
std::vector<Section*> headings_of(Document& doc) {
    std::vector<Section*> out;
    for (Section& section : doc.sections)
        if (!section.heading.empty()) out.push_back(&section);
    return out;
}

class TranslationFileParser {
public:
    TranslationFileParser(const std::string& file, const std::vector<Term>& terms, Diagnostics* diagnostics)
        : file_(file), terms_(terms), diagnostics_(diagnostics) {}

    // Parses the file and, when its header names a known document, fills that document's
    // translations. `expected_id` and `expected_lang` come from the file name.
    void parse(std::string_view text, const std::string& expected_id, Lang expected_lang,
               std::map<std::string, Document*>& by_id, std::set<std::pair<std::string, Lang>>* seen) {
        std::vector<TextLine> lines;
        if (!read_lines(text, file_, &lines, diagnostics_)) return;
        size_t i = 0;
        std::map<std::string, TextLine> header;
        for (; i < lines.size() && lines[i].text != "---"; ++i) {
            std::string key, value;
            if (!split_key_value(lines[i].text, &key, &value)) {
                error(lines[i].number, "", "malformed header line, expected 'key: value'");
                continue;
            }
            if (key != "document" && key != "language") {
                error(lines[i].number, key, "unknown field (expected document or language)");
                continue;
            }
            if (header.count(key)) {
                error(lines[i].number, key, "field given twice");
                continue;
            }
            header_values_[key] = value;
            header[key] = lines[i];
        }
        int separator = i < lines.size() ? lines[i].number : (lines.empty() ? 1 : lines.back().number);
        if (i == lines.size()) {
            error(separator, "", "missing the '---' line that ends the header");
            return;
        }
        for (const char* key : {"document", "language"})
            if (!header.count(key)) error(separator, key, "missing required field");
        if (!header.count("document") || !header.count("language")) return;

        const std::string& id = header_values_["document"];
        auto lang = parse_lang(header_values_["language"]);
        if (!lang || *lang == Lang::Ru) {
            error(header["language"].number, "language",
                  "'" + header_values_["language"] + "' is not a translation language (expected zh or en)");
            return;
        }
        if (id != expected_id || *lang != expected_lang) {
            error(header["document"].number, "document",
                  "the file name says " + expected_id + "." + lang_code(expected_lang) + " but the header says " + id +
                      "." + lang_code(*lang));
            return;
        }
        auto doc = by_id.find(id);
        if (doc == by_id.end()) {
            error(header["document"].number, "document", "no document with id '" + id + "' in documents/");
            return;
        }
        seen->insert({id, *lang});
        parse_body(lines, i + 1, separator, *doc->second, *lang);
    }

private:
    void error(int line, std::string field, std::string message) {
        diagnostics_->push_back({file_, line, std::move(field), std::move(message)});
    }

    void parse_body(const std::vector<TextLine>& lines, size_t first, int separator, Document& doc, Lang lang) {
        std::vector<Section*> headings = headings_of(doc);
        std::map<PieceKey, int> given;  // key -> line
        for (size_t i = first; i < lines.size(); ++i) {
            const TextLine& line = lines[i];
            std::string key_text, value;
            PieceKey key;
            if (!split_key_value(line.text, &key_text, &value) || !parse_key(key_text, &key)) {
                error(line.number, "", "expected 'N: text' (block N) or 'hN: text' (heading N)");
                continue;
            }
            size_t count = key.heading ? headings.size() : doc.blocks.size();
            if (key.number < 1 || static_cast<size_t>(key.number) > count) {
                error(line.number, key_text,
                      std::string(key.heading ? "heading " : "block ") + std::to_string(key.number) +
                          " does not exist in the original (it has " + std::to_string(count) +
                          (key.heading ? " headings)" : " blocks)"));
                continue;
            }
            auto [it, inserted] = given.emplace(key, line.number);
            if (!inserted) {
                error(line.number, key_text, "translated twice (first on line " + std::to_string(it->second) + ")");
                continue;
            }
            if (value.empty()) {
                error(line.number, key_text, "empty translation");
                continue;
            }
            const std::string& original = key.heading ? headings[key.number - 1]->heading : doc.blocks[key.number - 1].text;
            if (!check_text(line.number, key_text, original, value, lang)) continue;
            if (key.heading) headings[key.number - 1]->heading_translation[lang] = value;
            else doc.blocks[key.number - 1].translation[lang] = value;
        }
        report_missing(doc, headings, given, separator, lang);
    }

    bool check_text(int line, const std::string& key, const std::string& original, const std::string& value, Lang lang) {
        std::string why = wrong_language(value, lang);
        if (!why.empty()) {
            error(line, key, why);
            return false;
        }
        size_t original_length = utf8::length(original), length = utf8::length(value);
        if (length > original_length * kMaxLengthRatio + kLengthSlack) {
            error(line, key,
                  std::to_string(length) + " characters for an original of " + std::to_string(original_length) +
                      ": not a translation of this block (another block pasted, or text doubled?)");
            return false;
        }
        std::string folded_original = fold(original), folded_value = fold(value);
        bool ok = true;
        for (const Term& term : terms_) {
            if (!contains_any(folded_original, folded_terms(term.ru))) continue;
            const std::vector<std::string>& wanted = term.translations[static_cast<int>(lang)];
            if (wanted.empty() || contains_any(folded_value, folded_terms(wanted))) continue;
            std::string options;
            for (const std::string& option : wanted) options += (options.empty() ? "\"" : " or \"") + option + "\"";
            error(line, key,
                  "the original has the term \"" + term.ru.front() + "\" (terminology line " +
                      std::to_string(term.line) + "): translate it as " + options);
            ok = false;
        }
        return ok;
    }

    const std::vector<std::string>& folded_terms(const std::vector<std::string>& terms) {
        auto it = folded_.find(&terms);
        if (it != folded_.end()) return it->second;
        std::vector<std::string> folded;
        folded.reserve(terms.size());
        for (const std::string& term : terms) folded.push_back(fold(term));
        return folded_.emplace(&terms, std::move(folded)).first->second;
    }

    void report_missing(const Document& doc, const std::vector<Section*>& headings,
                        const std::map<PieceKey, int>& given, int separator, Lang lang) {
        for (size_t h = 0; h < headings.size(); ++h)
            if (!given.count({true, static_cast<int>(h) + 1}))
                error(separator, "h" + std::to_string(h + 1),
                      std::string("no ") + lang_code(lang) + " translation of heading " + std::to_string(h + 1) + " (" +
                          doc.info.id + " line " + std::to_string(headings[h]->source_line) + ")");
        for (const Block& block : doc.blocks)
            if (!given.count({false, block.id}))
                error(separator, std::to_string(block.id),
                      std::string("no ") + lang_code(lang) + " translation of block " + std::to_string(block.id) +
                          " (" + doc.info.id + " line " + std::to_string(block.source_line) + ")");
    }

    const std::string& file_;
    const std::vector<Term>& terms_;
    Diagnostics* diagnostics_;
    std::map<std::string, std::string> header_values_;
    std::map<const std::vector<std::string>*, std::vector<std::string>> folded_;
};

// "2019-digital-concept.zh.txt" -> id and language; false if the name has another form.
bool split_file_name(const std::string& name, std::string* id, Lang* lang) {
    const std::string suffix = ".txt";
    if (name.size() <= suffix.size() + 3 || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
        return false;
    std::string stem = name.substr(0, name.size() - suffix.size());
    size_t dot = stem.rfind('.');
    if (dot == std::string::npos) return false;
    auto parsed = parse_lang(stem.substr(dot + 1));
    if (!parsed || *parsed == Lang::Ru) return false;
    *id = stem.substr(0, dot);
    *lang = *parsed;
    return is_valid_content_id(*id);
}

}  // namespace

bool parse_terminology(std::string_view text, const std::string& file_name, std::vector<Term>* out, Diagnostics* diagnostics) {
    size_t errors_before = diagnostics->size();
    std::vector<TextLine> lines;
    if (!read_lines(text, file_name, &lines, diagnostics)) return false;
    auto error = [&](int line, std::string field, std::string message) {
        diagnostics->push_back({file_name, line, std::move(field), std::move(message)});
    };
    auto finish_term = [&]() {
        if (out->empty()) return;
        Term& term = out->back();
        if (term.ru.empty()) error(term.line, "ru", "term without a 'ru:' line");
        for (Lang lang : kTranslationLangs)
            if (term.translations[static_cast<int>(lang)].empty())
                error(term.line, lang_code(lang), std::string("term without a '") + lang_code(lang) + ":' line");
    };
    for (const TextLine& line : lines) {
        if (line.text == "[term]") {
            finish_term();
            out->push_back(Term{});
            out->back().line = line.number;
            continue;
        }
        std::string key, value;
        if (!split_key_value(line.text, &key, &value)) {
            error(line.number, "", "expected '[term]' or 'key: value'");
            continue;
        }
        if (out->empty()) {
            error(line.number, key, "'" + key + ":' before the first [term]");
            continue;
        }
        Term& term = out->back();
        if (key == "note") continue;
        auto lang = parse_lang(key);
        if (!lang) {
            error(line.number, key, "unknown field (expected ru, zh, en or note)");
            continue;
        }
        std::vector<std::string>& target = *lang == Lang::Ru ? term.ru : term.translations[static_cast<int>(*lang)];
        if (!target.empty()) {
            error(line.number, key, "given twice in one term");
            continue;
        }
        target = split_alternatives(value);
        if (target.empty()) error(line.number, key, "empty value");
    }
    finish_term();
    return diagnostics->size() == errors_before;
}

bool load_translations(const std::string& translations_dir, const std::vector<Term>& terms,
                       std::vector<Document>* documents, Diagnostics* diagnostics) {
    size_t errors_before = diagnostics->size();
    std::map<std::string, Document*> by_id;
    for (Document& doc : *documents) by_id[doc.info.id] = &doc;
    std::set<std::pair<std::string, Lang>> seen;
    for (const std::string& name : fs::list_files(translations_dir, ".txt")) {
        std::string path = fs::join(translations_dir, name), text, error;
        std::string id;
        Lang lang = Lang::En;
        if (!split_file_name(name, &id, &lang)) {
            diagnostics->push_back({path, 0, "", "translation files are named DOCUMENT-ID.zh.txt or DOCUMENT-ID.en.txt"});
            continue;
        }
        if (!fs::read_file(path, &text, &error)) {
            diagnostics->push_back({path, 0, "", error});
            continue;
        }
        TranslationFileParser(path, terms, diagnostics).parse(text, id, lang, by_id, &seen);
    }
    for (const Document& doc : *documents)
        for (Lang lang : kTranslationLangs)
            if (!seen.count({doc.info.id, lang}))
                diagnostics->push_back(
                    {fs::join(translations_dir, doc.info.id + "." + lang_code(lang) + ".txt"), 0, lang_code(lang),
                     std::string("missing: document '") + doc.info.id + "' has no " + lang_code(lang) + " translation"});
    return diagnostics->size() == errors_before;
}

void check_quote_translations(const Document& doc, const std::string& source_path, Diagnostics* diagnostics) {
    const DocumentInfo& info = doc.info;
    const int block = quote_block(doc);
    if (block < 0) return;  // no quotation, or its Russian is already reported
    const Block& quoted = doc.blocks[static_cast<size_t>(block)];
    for (Lang lang : kTranslationLangs) {
        const std::string field = std::string("quote.") + lang_code(lang);
        const int line = info.quote_lines[static_cast<int>(lang)];
        const std::string& translation = quoted.translation[lang];
        if (info.quote[lang].empty()) {
            if (!translation.empty())
                diagnostics->push_back(
                    {source_path, info.quote_lines[static_cast<int>(Lang::Ru)], field,
                     "missing: block " + std::to_string(quoted.id) +
                         " holding quote.ru is translated; give the same passage of its translation"});
            continue;
        }
        std::string problem = whole_sentence_problem(translation, info.quote[lang], lang);
        if (!problem.empty())
            diagnostics->push_back({source_path, line, field,
                                    "not the same passage of the translation of block " + std::to_string(quoted.id) +
                                        " (the block holding quote.ru): " + problem});
    }
}

}  // namespace kiosk::core
