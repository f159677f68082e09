#include "core/content_store.h"

#include "core/content_schema.h"
#include "core/explore_store.h"
#include "core/overview_store.h"
#include "core/file_io.h"
#include "core/lesson_store.h"
#include "core/package_manifest.h"
#include "core/sqlite_db.h"
#include "core/strict_number.h"

#include <climits>
#include <map>

namespace kiosk::core {

namespace {

bool load_meta(SqliteDb& db, ContentInfo* info, std::string* error) {
    if (!read_content_info(db, info, error)) return false;
    if (info->product_id != kProductId) {
        *error = "not a kiosk content database (product_id '" + info->product_id + "')";
        return false;
    }
    if (info->schema_version != kContentSchemaVersion) {
        *error = "unsupported schema version " + std::to_string(info->schema_version) + " (this kiosk reads version " +
                 std::to_string(kContentSchemaVersion) + ")";
        return false;
    }
    return true;
}

// "a,b,c" -> {"a", "b", "c"}: party codes and authentic languages.
std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> parties;
    size_t start = 0;
    while (start < text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        if (comma > start) parties.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return parties;
}

// A field this kiosk does not know (from newer content) is left out.
LocalizedText* localized_field(DocumentInfo& info, const std::string& name) {
    for (const DocumentTextField& field : kDocumentTextFields)
        if (name == field.name) return &(info.*field.member);
    return nullptr;
}

bool load_documents(SqliteDb& db, std::vector<Document>* documents, std::string* error) {
    std::map<std::string, size_t> index;
    SqliteStatement docs(db, "SELECT id, type, date, parties, source, authentic FROM documents ORDER BY position");
    while (docs.step()) {
        Document doc;
        doc.info.id = docs.text(0);
        if (!parse_document_type(docs.text(1), &doc.info.type)) {
            *error = "document '" + doc.info.id + "' has unknown type '" + docs.text(1) + "'";
            return false;
        }
        doc.info.date = docs.text(2);
        doc.info.parties = split_list(docs.text(3));
        doc.info.source = docs.text(4);
        doc.info.authentic_languages.clear();
        for (const std::string& code : split_list(docs.text(5)))
            if (auto lang = parse_lang(code)) doc.info.authentic_languages.push_back(*lang);
        if (!doc.info.is_authentic(Lang::Ru))
            doc.info.authentic_languages.insert(doc.info.authentic_languages.begin(), Lang::Ru);
        index[doc.info.id] = documents->size();
        documents->push_back(std::move(doc));
    }
    if (!docs.error().empty()) {
        *error = "reading documents failed: " + docs.error();
        return false;
    }

    SqliteStatement texts(db, "SELECT document, field, lang, value FROM document_text");
    while (texts.step()) {
        auto it = index.find(texts.text(0));
        auto lang = parse_lang(texts.text(2));
        if (it == index.end() || !lang) continue;
        if (LocalizedText* target = localized_field((*documents)[it->second].info, texts.text(1)))
            (*target)[*lang] = texts.text(3);
    }
    if (!texts.error().empty()) {
        *error = "reading document texts failed: " + texts.error();
        return false;
    }

    SqliteStatement sections(db, "SELECT document, heading, first_block FROM sections ORDER BY document, position");
    while (sections.step()) {
        auto it = index.find(sections.text(0));
        if (it == index.end()) continue;
        Section section;
        section.heading = sections.text(1);
        section.first_block = static_cast<int>(sections.integer(2));
        (*documents)[it->second].sections.push_back(std::move(section));
    }
    if (!sections.error().empty()) {
        *error = "reading sections failed: " + sections.error();
        return false;
    }

    SqliteStatement blocks(db, "SELECT document, id, section, kind, text FROM blocks ORDER BY document, id");
    while (blocks.step()) {
        auto it = index.find(blocks.text(0));
        if (it == index.end()) continue;
        Document& doc = (*documents)[it->second];
        Block block;
        block.id = static_cast<int>(blocks.integer(1));
        block.section = static_cast<int>(blocks.integer(2));
        if (!parse_block_kind(blocks.text(3), &block.kind)) block.kind = BlockKind::Paragraph;
        block.text = blocks.text(4);
        doc.blocks.push_back(std::move(block));
    }
    if (!blocks.error().empty()) {
        *error = "reading paragraphs failed: " + blocks.error();
        return false;
    }
    SqliteStatement translations(db, "SELECT document, kind, number, lang, text FROM translations");
    while (translations.step()) {
        auto it = index.find(translations.text(0));
        auto lang = parse_lang(translations.text(3));
        if (it == index.end() || !lang || *lang == Lang::Ru) continue;
        Document& doc = (*documents)[it->second];
        int64_t number = translations.integer(2);
        if (translations.text(1) == "heading" && number >= 0 && number < static_cast<int64_t>(doc.sections.size()))
            doc.sections[number].heading_translation[*lang] = translations.text(4);
        else if (translations.text(1) == "block" && number >= 1 && number <= static_cast<int64_t>(doc.blocks.size()))
            doc.blocks[number - 1].translation[*lang] = translations.text(4);
    }
    if (!translations.error().empty()) {
        *error = "reading translations failed: " + translations.error();
        return false;
    }
    for (Document& doc : *documents) {
        doc.info.block_count = static_cast<int>(doc.blocks.size());
        if (doc.sections.empty()) doc.sections.push_back(Section{});
        for (Block& block : doc.blocks)
            if (block.section < 0 || block.section >= static_cast<int>(doc.sections.size())) block.section = 0;
    }
    return true;
}

}  // namespace

bool read_content_info(SqliteDb& db, ContentInfo* info, std::string* error) {
    SqliteStatement select(db, "SELECT key, value FROM meta");
    if (!select.ok()) {
        // SQLite only reads the file header when the first statement is prepared.
        if ((select.error_code() & 0xff) == SQLITE_NOTADB)
            *error = "not a kiosk content database (not an SQLite database at all)";
        else *error = "not a kiosk content database (" + select.error() + ")";
        return false;
    }
    std::map<std::string, std::string> meta;
    while (select.step()) meta[select.text(0)] = select.text(1);
    if (!select.error().empty()) {
        *error = "the meta table cannot be read: " + select.error();
        return false;
    }
    info->product_id = meta["product_id"];
    info->built_at = meta["built_at"];
    info->charset = meta["charset"];
    std::string problem;
    if (!parse_integer(meta["schema_version"], 0, INT_MAX, &info->schema_version, &problem)) {
        *error = "the meta table's schema_version " + problem;
        return false;
    }
    // Strictly: "8abc" is not 8, and a huge version would block every later update.
    if (!parse_content_version(meta["content_version"], &info->content_version, error)) return false;
    return true;
}

std::unique_ptr<ContentStore> ContentStore::open(const std::string& path, std::string* error) {
    // SQLite's own message for a missing file ("unable to open database file") hides the cause.
    if (!fs::exists(path)) {
        *error = path + ": no such file";
        return nullptr;
    }
    if (fs::is_directory(path)) {
        *error = path + ": is a directory, not a content database";
        return nullptr;
    }
    SqliteDb db;
    if (!db.open_untrusted(path, kContentLoadSeconds, error)) return nullptr;
    auto store = std::unique_ptr<ContentStore>(new ContentStore());
    store->path_ = path;
    std::string reason;
    if (!load_meta(db, &store->info_, &reason) || !load_documents(db, &store->documents_, &reason) ||
        !load_lessons(db, &store->lessons_, &reason) ||
        !load_explore_tables(db, store->documents_, &store->explore_, &reason) ||
        !load_overview_content(db, &store->overview_, &store->documents_, &reason)) {
        *error = path + ": " + reason;
        return nullptr;
    }
    return store;
}

const Document* ContentStore::find_document(const std::string& id) const {
    for (const Document& doc : documents_)
        if (doc.info.id == id) return &doc;
    return nullptr;
}

const Lesson* ContentStore::find_lesson(const std::string& id) const {
    for (const Lesson& lesson : lessons_)
        if (lesson.id == id) return &lesson;
    return nullptr;
}

const Topic* ContentStore::find_topic(const std::string& id) const {
    for (const Topic& topic : explore_.topics)
        if (topic.id == id) return &topic;
    return nullptr;
}

const GlossaryTerm* ContentStore::find_term(const std::string& id) const {
    for (const GlossaryTerm& term : explore_.glossary)
        if (term.id == id) return &term;
    return nullptr;
}

const ExternalAct* ContentStore::find_act(const std::string& id) const {
    for (const ExternalAct& act : explore_.acts)
        if (act.id == id) return &act;
    return nullptr;
}

const Block* ContentStore::find_linked_block(const LessonLink& link) const {
    const Document* doc = find_document(link.document_id);
    if (!doc || link.block_id < 1 || link.block_id > static_cast<int>(doc->blocks.size())) return nullptr;
    const Block& block = doc->blocks[link.block_id - 1];  // ids are positions, 1-based
    return block.id == link.block_id ? &block : nullptr;
}

}  // namespace kiosk::core
