#include "core/content_model.h"

#include "core/utf8.h"

namespace kiosk::core {

namespace {
constexpr const char* kTypeNames[kDocumentTypeCount] = {"statement", "decision", "concept", "programme", "protocol"};
constexpr const char* kBlockNames[3] = {"paragraph", "item", "signature"};
}  // namespace

const std::array<DocumentTextField, 9> kDocumentTextFields = {{
    {"title", &DocumentInfo::title},
    {"short_title", &DocumentInfo::short_title},
    {"summary", &DocumentInfo::summary},
    {"quote", &DocumentInfo::quote},
    {"place", &DocumentInfo::place},
    {"issuer", &DocumentInfo::issuer},
    {"date_note", &DocumentInfo::date_note},
    {"parties_note", &DocumentInfo::parties_note},
    {"annex_note", &DocumentInfo::annex_note},
}};

const char* document_type_name(DocumentType type) { return kTypeNames[static_cast<int>(type)]; }

bool parse_document_type(std::string_view name, DocumentType* out) {
    for (int i = 0; i < kDocumentTypeCount; ++i) {
        if (name == kTypeNames[i]) {
            *out = static_cast<DocumentType>(i);
            return true;
        }
    }
    return false;
}

const char* block_kind_name(BlockKind kind) { return kBlockNames[static_cast<int>(kind)]; }

bool parse_block_kind(std::string_view name, BlockKind* out) {
    for (int i = 0; i < 3; ++i) {
        if (name == kBlockNames[i]) {
            *out = static_cast<BlockKind>(i);
            return true;
        }
    }
    return false;
}

int quote_block(const Document& doc) {
    const std::string& quote = doc.info.quote[Lang::Ru];
    if (quote.empty()) return -1;
    for (size_t i = 0; i < doc.blocks.size(); ++i)
        if (doc.blocks[i].text.find(quote) != std::string::npos) return static_cast<int>(i);
    return -1;
}

namespace {

bool ends_sentence(char32_t cp) {
    return cp == '.' || cp == '!' || cp == '?' || cp == U'…' || cp == U'。' || cp == U'！' || cp == U'？';
}
bool closes_quote(char32_t cp) { return cp == U'»' || cp == U'”' || cp == U'」' || cp == '"'; }

// «3. », «III. », «а) », «(a) », «三、», «（一）», «1.»: a list number before the first sentence.
bool is_list_marker(std::u32string_view prefix) {
    while (!prefix.empty() && prefix.back() == ' ') prefix.remove_suffix(1);
    if (prefix.empty() || prefix.size() > 6) return false;
    for (char32_t cp : prefix)
        if (cp == ' ') return false;
    char32_t last = prefix.back();
    return last == '.' || last == ')' || last == U'、' || last == U'）';
}

// Does a sentence of `text` end just before `at` (which starts the next one)?
bool sentence_ended_before(std::u32string_view text, size_t at, bool spaced) {
    size_t end = at;
    if (spaced) {
        if (end == 0 || text[end - 1] != ' ') return false;
        while (end > 0 && text[end - 1] == ' ') --end;
    }
    while (end > 0 && closes_quote(text[end - 1])) --end;
    return end > 0 && ends_sentence(text[end - 1]);
}

}  // namespace

std::string whole_sentence_problem(std::string_view text, std::string_view passage, Lang lang) {
    const size_t byte = text.find(passage);
    if (passage.empty() || byte == std::string_view::npos) return "not found verbatim in the text";
    const std::u32string all = utf8::to_u32(text), before = utf8::to_u32(text.substr(0, byte)),
                         quote = utf8::to_u32(passage);
    const size_t at = before.size(), end = at + quote.size();
    const bool spaced = lang != Lang::Zh;  // Russian and English sentences are separated by a space
    if (at != 0 && !is_list_marker(before) && !sentence_ended_before(all, at, spaced))
        return "starts in the middle of a sentence";
    const char32_t first = quote.front();
    const bool capital = (first >= U'А' && first <= U'Я') || first == U'Ё' || (first >= 'A' && first <= 'Z') ||
                         (first >= '0' && first <= '9') || first == U'«' || first == U'“' || first == '"';
    if (spaced && !capital) return "does not start with a capital letter";
    size_t last = quote.size();
    while (last > 0 && closes_quote(quote[last - 1])) --last;
    if (last == 0 || !ends_sentence(quote[last - 1])) return "does not end with the end of a sentence (. ! ?)";
    if (end < all.size() && spaced && all[end] != ' ') return "ends in the middle of a word";
    return "";
}

}  // namespace kiosk::core
