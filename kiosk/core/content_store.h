// Reads a content database into the content model. The database is opened
// read-only and fully loaded at open, so screens never query it per frame.
#pragma once

#include "core/content_model.h"
#include "core/explore_model.h"
#include "core/overview_model.h"
#include "core/lesson_model.h"

#include <memory>
#include <string>
#include <vector>

namespace kiosk::core {

class SqliteDb;

// Reads the `meta` table of an open database as it is, without judging product id or schema
// (package checks report those separately). False if there is no readable meta table.
bool read_content_info(SqliteDb& db, ContentInfo* info, std::string* error);

// Longest a content database may take to load before the kiosk gives up on it.
constexpr double kContentLoadSeconds = 30.0;

class ContentStore {
public:
    // Opens (SqliteDb::open_untrusted) and loads `path`. Returns null and fills `error` if the
    // file is missing, is not a content database, or has a schema this build does not support.
    static std::unique_ptr<ContentStore> open(const std::string& path, std::string* error);

    const std::string& path() const { return path_; }
    const ContentInfo& info() const { return info_; }
    // All documents, in library order (newest first).
    const std::vector<Document>& documents() const { return documents_; }
    // The document with `id`, or null.
    const Document* find_document(const std::string& id) const;
    // All digital-literacy lessons, in the order of the lessons screen.
    const std::vector<Lesson>& lessons() const { return lessons_; }
    // The lesson with `id`, or null.
    const Lesson* find_lesson(const std::string& id) const;
    // The About screen, the timeline and the member states (empty parts: the screen is hidden).
    const OverviewContent& overview() const { return overview_; }
    // The block a lesson link points to, or null (e.g. a link into a document this package lacks).
    const Block* find_linked_block(const LessonLink& link) const;
    // Topics, glossary, external acts and the links in passages (explore_model.h).
    const ExploreContent& explore() const { return explore_; }
    const Topic* find_topic(const std::string& id) const;
    const GlossaryTerm* find_term(const std::string& id) const;
    const ExternalAct* find_act(const std::string& id) const;

private:
    std::string path_;
    ContentInfo info_;
    std::vector<Document> documents_;
    std::vector<Lesson> lessons_;
    ExploreContent explore_;
    OverviewContent overview_;
};

}  // namespace kiosk::core
