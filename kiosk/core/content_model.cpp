#include "core/content_model.h"

namespace kiosk::core {

namespace {
constexpr const char* kTypeNames[kDocumentTypeCount] = {"statement", "decision", "concept", "programme", "protocol"};
constexpr const char* kBlockNames[3] = {"paragraph", "item", "signature"};
}  // namespace

const std::array<DocumentTextField, 8> kDocumentTextFields = {{
    {"title", &DocumentInfo::title},
    {"short_title", &DocumentInfo::short_title},
    {"summary", &DocumentInfo::summary},
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

}  // namespace kiosk::core
