// Translations of the documents written for the kiosk (db/translations/*.txt) and the
// terminology that fixes how recurring terms are translated (db/terminology.txt).
// Format: docs/content-format.md, "Translations". The Russian text stays the authentic one;
// each translation is aligned with it block by block (headings `hN`, blocks `N`).
#pragma once

#include "core/content_model.h"
#include "core/diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

// The languages documents are translated into (Russian is the original).
constexpr Lang kTranslationLangs[] = {Lang::Zh, Lang::En};

// One recurring term: a Russian block holding any of `ru` (case-insensitive substring) must be
// translated with one of `translations[lang]` (case-insensitive for English).
struct Term {
    std::vector<std::string> ru;
    std::vector<std::string> translations[kLangCount];  // [Zh] and [En]; [Ru] unused
    int line = 0;                                       // the `[term]` line in the terminology file
};

// Parses a terminology file. Returns false (with diagnostics naming file:line) on any problem.
bool parse_terminology(std::string_view text, const std::string& file_name, std::vector<Term>* out, Diagnostics* diagnostics);

// Reads every `<document-id>.<lang>.txt` in `translations_dir` into `documents` (matched by id)
// and checks them: known document and language, every heading and block translated exactly once,
// no key the original lacks, text in the right script, no runaway length, and every term of
// `terms` translated as fixed. A document without a file in a language is reported at its
// source. Returns false with diagnostics on any problem.
bool load_translations(const std::string& translations_dir, const std::vector<Term>& terms,
                       std::vector<Document>* documents, Diagnostics* diagnostics);

// The translated quotation of `doc` (quote.zh, quote.en of its source `source_path`, read
// after its translations): present wherever the block holding quote.ru is translated, and whole
// sentences of that block's translation. Reports problems at the quote.* lines.
void check_quote_translations(const Document& doc, const std::string& source_path, Diagnostics* diagnostics);

}  // namespace kiosk::core
