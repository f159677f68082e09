// The content model: what the read-only content database holds, as the screens see it.
// Loaded once by ContentStore; screens only read it.
#pragma once

#include "core/language.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core {

enum class DocumentType { Statement, Decision, Concept, Programme, Protocol };
constexpr int kDocumentTypeCount = 5;

// "statement", "decision", ... as used in sources, the database and translation keys.
const char* document_type_name(DocumentType type);
bool parse_document_type(std::string_view name, DocumentType* out);

enum class BlockKind { Paragraph, ListItem, Signature };
const char* block_kind_name(BlockKind kind);
bool parse_block_kind(std::string_view name, BlockKind* out);

// One paragraph, list item or signature line of a document: the official Russian text and its
// translations written for the kiosk.
struct Block {
    int id = 0;       // 1-based position in the document; the "paragraph id" of search and links
    int section = 0;  // index into Document::sections
    BlockKind kind = BlockKind::Paragraph;
    std::string text;           // official Russian wording, verbatim
    LocalizedText translation;  // [Zh] and [En]: translations made for the kiosk; [Ru] stays empty
    int source_line = 0;        // line in the db/ source file (0 when read from a database)

    // The text in `lang`: the original for Russian, else the translation (the original if none).
    const std::string& text_in(Lang lang) const {
        const std::string& translated = translation[lang];
        return lang == Lang::Ru || translated.empty() ? text : translated;
    }
};

struct Section {
    std::string heading;                // empty for the untitled opening section; official Russian
    int first_block = 0;                // index into Document::blocks
    LocalizedText heading_translation;  // [Zh] and [En], as for Block::translation
    int source_line = 0;                // line of the heading in the db/ source (0: none or from a database)

    const std::string& heading_in(Lang lang) const {
        const std::string& translated = heading_translation[lang];
        return lang == Lang::Ru || translated.empty() ? heading : translated;
    }
};

// What the library card shows; also the header of the reader.
struct DocumentInfo {
    std::string id;
    DocumentType type = DocumentType::Statement;
    std::string date;  // YYYY-MM-DD
    LocalizedText title, summary, place, issuer, date_note;
    // A few words that tell this document from the others on a home card, e.g. "Statement on
    // the digital economy (2025)"; may be empty (the card then shows the title).
    LocalizedText short_title;
    // The short title in `lang`, or the full title when the document has none.
    const std::string& card_title(Lang lang) const {
        const std::string& shortened = short_title[lang];
        return shortened.empty() ? title.get(lang) : shortened;
    }
    // A quotation for the attract loop: whole sentences of one block of the body, verbatim [Ru],
    // and the same passage of that block's translations made for the kiosk [Zh], [En] (optional).
    LocalizedText quote;
    std::array<int, kLangCount> quote_lines{};  // lines of quote.* in the db/ source (0: none or from a database)
    LocalizedText parties_note;                 // about the parties, e.g. that the text names no states
    LocalizedText annex_note;                   // e.g. that annexes the text refers to are not reproduced
    std::vector<std::string> parties;           // ISO 3166 alpha-2 codes, in the SCO's (Russian alphabetical) order
    std::string source;                         // original file name, for provenance
    std::string url;                            // the official publication page, shown as a QR code; may be empty
    // The languages whose text is authentic: Russian, and Chinese where the document says it was
    // signed in Russian and Chinese. The kiosk's translations are never authentic.
    std::vector<Lang> authentic_languages = {Lang::Ru};
    bool is_authentic(Lang lang) const {
        for (Lang authentic : authentic_languages)
            if (authentic == lang) return true;
        return false;
    }
    int block_count = 0;
};

// A localized field of DocumentInfo by its name in sources ("title" for title.ru, title.en,
// title.zh) and in the database (document_text.field).
struct DocumentTextField {
    const char* name;
    LocalizedText DocumentInfo::*member;
};
extern const std::array<DocumentTextField, 9> kDocumentTextFields;

struct Document {
    DocumentInfo info;
    std::vector<Section> sections;
    std::vector<Block> blocks;
};

// The index of the first block of `doc` whose Russian text holds info.quote[Ru], or -1.
int quote_block(const Document& doc);

// Why `passage` is not one or more whole sentences found verbatim in `text` (written in
// `lang`), or "" when it is: it must start where `text` or a sentence of it starts (after a
// list number such as «3.», «三、» or «(a)») with a capital, digit or opening quote (any
// character in Chinese), and end with the full stop, question or exclamation mark of a
// sentence that `text` ends there too.
std::string whole_sentence_problem(std::string_view text, std::string_view passage, Lang lang);

// Facts about the content database itself (the "package").
struct ContentInfo {
    int schema_version = 0;
    std::string product_id;
    int64_t content_version = 0;
    std::string built_at;  // ISO 8601, UTC
    std::string charset;   // every character used in the content, as UTF-8, for glyph ranges
};

}  // namespace kiosk::core
