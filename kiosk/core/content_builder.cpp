#include "core/content_builder.h"

#include "core/calendar_date.h"
#include "core/content_schema.h"
#include "core/document_source.h"
#include "core/explore_source.h"
#include "core/explore_store.h"
#include "core/overview_source.h"
#include "core/overview_store.h"
#include "core/file_io.h"
#include "core/lesson_source.h"
#include "core/package_manifest.h"
#include "core/search_index_writer.h"
#include "core/source_text.h"
#include "core/sqlite_db.h"
#include "core/translation_source.h"
#include "core/utf8.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <ctime>
#include <map>
#include <set>

namespace kiosk::core {

namespace {

// "2025-09-01T12:00:00Z": the form format_utc_seconds() writes, so every database stamps time the
// same way; the date must be a real one.
bool is_iso_utc_timestamp(const std::string& text) {
    const char* pattern = "dddd-dd-ddTdd:dd:ddZ";
    if (text.size() != std::strlen(pattern)) return false;
    for (size_t i = 0; i < text.size(); ++i) {
        bool ok = pattern[i] == 'd' ? (text[i] >= '0' && text[i] <= '9') : text[i] == pattern[i];
        if (!ok) return false;
    }
    CalendarDate date;
    return parse_iso_date(std::string_view(text).substr(0, 10), &date);
}

std::string join_parties(const std::vector<std::string>& parties) {
    std::string out;
    for (const std::string& party : parties) out += (out.empty() ? "" : ",") + party;
    return out;
}

class ContentWriter {
public:
    explicit ContentWriter(SqliteDb& db) : db_(db) {}

    bool write(const ContentSources& sources, const BuildOptions& options, std::string* error) {
        if (!db_.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; BEGIN;", error)) return false;
        if (!db_.exec(kContentSchemaSql, error)) return false;
        std::string pragma = "PRAGMA application_id=" + std::to_string(kContentApplicationId) + ";";
        if (!db_.exec(pragma.c_str(), error)) return false;
        if (!write_meta(sources, options, error)) return false;
        for (size_t i = 0; i < sources.documents.size(); ++i)
            if (!write_document(sources.documents[i], static_cast<int>(i), error)) return false;
        for (size_t i = 0; i < sources.lessons.size(); ++i)
            if (!write_lesson(sources.lessons[i], static_cast<int>(i), error)) return false;
        if (!write_explore_tables(db_, sources.explore, error)) return false;
        if (!write_overview_content(db_, sources.overview, sources.documents, error)) return false;
        if (!write_search_index(db_, sources, error)) return false;
        return db_.exec("COMMIT;", error);
    }

private:
    bool write_meta(const ContentSources& sources, const BuildOptions& options, std::string* error) {
        SqliteStatement insert(db_, "INSERT INTO meta(key, value) VALUES(?, ?)");
        const std::pair<const char*, std::string> rows[] = {
            {"schema_version", std::to_string(kContentSchemaVersion)},
            {"product_id", kProductId},
            {"content_version", std::to_string(options.content_version)},
            {"built_at", options.built_at.empty() ? format_utc_seconds(std::time(nullptr)) : options.built_at},
            {"charset", collect_charset(sources)},
        };
        for (const auto& [key, value] : rows) {
            insert.reset();
            if (!insert.bind(1, key).bind(2, value).run()) return fail(insert, error);
        }
        return true;
    }

    bool write_document(const Document& doc, int position, std::string* error) {
        const DocumentInfo& info = doc.info;
        SqliteStatement insert_doc(db_, "INSERT INTO documents VALUES(?, ?, ?, ?, ?, ?, ?)");
        insert_doc.bind(1, info.id).bind(2, position).bind(3, document_type_name(info.type)).bind(4, info.date);
        std::string authentic;
        for (Lang lang : info.authentic_languages)
            authentic += (authentic.empty() ? "" : ",") + std::string(lang_code(lang));
        insert_doc.bind(5, join_parties(info.parties)).bind(6, info.source).bind(7, authentic);
        if (!insert_doc.run()) return fail(insert_doc, error);

        SqliteStatement insert_text(db_, "INSERT INTO document_text VALUES(?, ?, ?, ?)");
        for (const DocumentTextField& field : kDocumentTextFields) {
            const LocalizedText& text = info.*field.member;
            for (Lang lang : kAllLangs) {
                if (text[lang].empty()) continue;
                insert_text.reset();
                insert_text.bind(1, info.id).bind(2, field.name).bind(3, lang_code(lang)).bind(4, text[lang]);
                if (!insert_text.run()) return fail(insert_text, error);
            }
        }

        SqliteStatement insert_section(db_, "INSERT INTO sections VALUES(?, ?, ?, ?)");
        for (size_t i = 0; i < doc.sections.size(); ++i) {
            insert_section.reset();
            insert_section.bind(1, info.id).bind(2, static_cast<int64_t>(i)).bind(3, doc.sections[i].heading);
            insert_section.bind(4, doc.sections[i].first_block);
            if (!insert_section.run()) return fail(insert_section, error);
        }

        SqliteStatement insert_block(db_, "INSERT INTO blocks VALUES(?, ?, ?, ?, ?)");
        for (const Block& block : doc.blocks) {
            insert_block.reset();
            insert_block.bind(1, info.id).bind(2, block.id).bind(3, block.section);
            insert_block.bind(4, block_kind_name(block.kind)).bind(5, block.text);
            if (!insert_block.run()) return fail(insert_block, error);
        }
        return write_translations(doc, error);
    }

    bool write_translations(const Document& doc, std::string* error) {
        SqliteStatement insert(db_, "INSERT INTO translations VALUES(?, ?, ?, ?, ?)");
        auto write = [&](const char* kind, int64_t number, const LocalizedText& text) {
            for (Lang lang : kAllLangs) {
                if (text[lang].empty()) continue;
                insert.reset();
                insert.bind(1, doc.info.id).bind(2, kind).bind(3, number).bind(4, lang_code(lang)).bind(5, text[lang]);
                if (!insert.run()) return fail(insert, error);
            }
            return true;
        };
        for (size_t i = 0; i < doc.sections.size(); ++i)
            if (!write("heading", static_cast<int64_t>(i), doc.sections[i].heading_translation)) return false;
        for (const Block& block : doc.blocks)
            if (!write("block", block.id, block.translation)) return false;
        return true;
    }

    bool write_lesson(const Lesson& lesson, int position, std::string* error) {
        SqliteStatement insert_lesson(db_, "INSERT INTO lessons VALUES(?, ?, ?)");
        insert_lesson.bind(1, lesson.id).bind(2, position).bind(3, illustration_name(lesson.icon));
        if (!insert_lesson.run()) return fail(insert_lesson, error);
        if (!write_lesson_texts("lesson_text", lesson.id, -1, {{"title", &lesson.title}, {"summary", &lesson.summary}}, error))
            return false;
        for (size_t i = 0; i < lesson.slides.size(); ++i)
            if (!write_slide(lesson.id, static_cast<int>(i), lesson.slides[i], error)) return false;
        for (size_t i = 0; i < lesson.questions.size(); ++i)
            if (!write_question(lesson.id, static_cast<int>(i), lesson.questions[i], error)) return false;
        return true;
    }

    bool write_slide(const std::string& lesson, int position, const Slide& slide, std::string* error) {
        SqliteStatement insert_slide(db_, "INSERT INTO slides VALUES(?, ?, ?)");
        insert_slide.bind(1, lesson).bind(2, position).bind(3, illustration_name(slide.illustration));
        if (!insert_slide.run()) return fail(insert_slide, error);
        if (!write_lesson_texts("slide_text", lesson, position, {{"title", &slide.title}, {"text", &slide.text}}, error))
            return false;
        SqliteStatement insert_link(db_, "INSERT INTO slide_links VALUES(?, ?, ?, ?, ?)");
        for (size_t i = 0; i < slide.links.size(); ++i) {
            insert_link.reset();
            insert_link.bind(1, lesson).bind(2, position).bind(3, static_cast<int64_t>(i));
            insert_link.bind(4, slide.links[i].document_id).bind(5, slide.links[i].block_id);
            if (!insert_link.run()) return fail(insert_link, error);
        }
        return true;
    }

    bool write_question(const std::string& lesson, int position, const Question& question, std::string* error) {
        SqliteStatement insert_question(db_, "INSERT INTO questions VALUES(?, ?, ?)");
        insert_question.bind(1, lesson).bind(2, position).bind(3, question.correct_option);
        if (!insert_question.run()) return fail(insert_question, error);
        if (!write_lesson_texts("question_text", lesson, position,
                                {{"text", &question.text}, {"explanation", &question.explanation}}, error))
            return false;
        SqliteStatement insert_option(db_, "INSERT INTO question_options VALUES(?, ?, ?, ?, ?)");
        for (size_t i = 0; i < question.options.size(); ++i)
            for (Lang lang : kAllLangs) {
                insert_option.reset();
                insert_option.bind(1, lesson).bind(2, position).bind(3, static_cast<int64_t>(i));
                insert_option.bind(4, lang_code(lang)).bind(5, question.options[i][lang]);
                if (!insert_option.run()) return fail(insert_option, error);
            }
        return true;
    }

    using LocalizedFields = std::initializer_list<std::pair<const char*, const LocalizedText*>>;

    // One row per field and language: (lesson, [index,] field, lang, value); index < 0 means none.
    bool write_lesson_texts(const char* table, const std::string& lesson, int index, LocalizedFields fields,
                            std::string* error) {
        std::string sql =
            std::string("INSERT INTO ") + table + (index < 0 ? " VALUES(?, ?, ?, ?)" : " VALUES(?, ?, ?, ?, ?)");
        SqliteStatement insert(db_, sql.c_str());
        for (const auto& [field, text] : fields) {
            for (Lang lang : kAllLangs) {
                insert.reset();
                int column = index < 0 ? 2 : 3;  // the first text column
                insert.bind(1, lesson);
                if (index >= 0) insert.bind(2, index);
                insert.bind(column, field).bind(column + 1, lang_code(lang)).bind(column + 2, (*text)[lang]);
                if (!insert.run()) return fail(insert, error);
            }
        }
        return true;
    }

    static bool fail(const SqliteStatement& stmt, std::string* error) {
        *error = stmt.error();
        return false;
    }

    SqliteDb& db_;
};

void add_chars(std::set<char32_t>& chars, const std::string& text) {
    for (size_t pos = 0; pos < text.size();) chars.insert(utf8::decode(text, pos));
}

void add_localized_chars(std::set<char32_t>& chars, const LocalizedText& text) {
    for (const std::string& value : text.values) add_chars(chars, value);
}

void add_lesson_chars(std::set<char32_t>& chars, const Lesson& lesson) {
    add_localized_chars(chars, lesson.title);
    add_localized_chars(chars, lesson.summary);
    for (const Slide& slide : lesson.slides) {
        add_localized_chars(chars, slide.title);
        add_localized_chars(chars, slide.text);
    }
    for (const Question& question : lesson.questions) {
        add_localized_chars(chars, question.text);
        add_localized_chars(chars, question.explanation);
        for (const LocalizedText& option : question.options) add_localized_chars(chars, option);
    }
}

// db/terminology.txt (optional) and db/translations/: every document in zh and en.
void load_translation_sources(const std::string& source_dir, std::vector<Document>* documents, Diagnostics* diagnostics) {
    std::vector<Term> terms;
    std::string terminology = fs::join(source_dir, "terminology.txt");
    if (fs::exists(terminology)) {
        std::string text, error;
        if (!fs::read_file(terminology, &text, &error)) {
            diagnostics->push_back({terminology, 0, "", error});
            return;
        }
        if (!parse_terminology(text, terminology, &terms, diagnostics)) return;
    }
    load_translations(fs::join(source_dir, "translations"), terms, documents, diagnostics);
}

// Card title (short title, or title) -> "file:line" that first used it, per language.
using CardTitles = std::array<std::map<std::string, std::string>, kLangCount>;

// Home cards tell documents apart by their card titles: two documents may not share one in
// any language. Reported at the short title (or title) of the later document.
void check_distinct_card_title(const DocumentInfo& info, std::string_view text, const std::string& path,
                               CardTitles* seen, Diagnostics* diagnostics) {
    for (Lang lang : kAllLangs) {
        const bool has_short = !info.short_title[lang].empty();
        const std::string key = std::string(has_short ? "short_title." : "title.") + lang_code(lang);
        const int line = header_field_line(text, key);
        const std::string& card_title = info.card_title(lang);
        auto [it, inserted] = (*seen)[static_cast<int>(lang)].emplace(card_title, path + ":" + std::to_string(line));
        if (!inserted)
            diagnostics->push_back({path, line, key,
                                    "'" + card_title + "' is already the card title of another document (" +
                                        it->second + "): home cards must tell documents apart"});
    }
}

}  // namespace

bool create_content_schema(SqliteDb& db, std::string* error) {
    SearchIndexWriter search(db);
    return db.exec(kContentSchemaSql, error) && search.begin(error) && search.finish(error);
}

bool load_content_sources(const std::string& source_dir, ContentSources* out, Diagnostics* diagnostics) {
    size_t errors_before = diagnostics->size();
    if (!fs::is_directory(source_dir)) {
        diagnostics->push_back({source_dir, 0, "", "not a directory"});
        return false;
    }
    std::string documents_dir = fs::join(source_dir, "documents");
    std::vector<std::string> names = fs::list_files(documents_dir, ".txt");
    if (names.empty()) diagnostics->push_back({documents_dir, 0, "", "no document sources (*.txt) found"});

    std::map<std::string, std::string> seen_ids;      // id -> "file:line" that first used it
    std::map<std::string, std::string> source_paths;  // id -> its source file
    CardTitles card_titles;
    for (const std::string& name : names) {
        std::string path = fs::join(documents_dir, name);
        std::string text, error;
        if (!fs::read_file(path, &text, &error)) {
            diagnostics->push_back({path, 0, "", error});
            continue;
        }
        if (!check_source_characters(text, path, diagnostics)) continue;
        Document doc;
        if (!parse_document_source(text, path, &doc, diagnostics)) continue;
        int id_line = header_field_line(text, "id");
        auto [it, inserted] = seen_ids.emplace(doc.info.id, path + ":" + std::to_string(id_line));
        if (!inserted) {
            diagnostics->push_back(
                {path, id_line, "id", "duplicate id '" + doc.info.id + "' (already used at " + it->second + ")"});
            continue;
        }
        check_distinct_card_title(doc.info, text, path, &card_titles, diagnostics);
        source_paths[doc.info.id] = path;
        out->documents.push_back(std::move(doc));
    }
    // Newest first: visitors look for what is current.
    std::stable_sort(out->documents.begin(), out->documents.end(),
                     [](const Document& a, const Document& b) { return a.info.date > b.info.date; });
    // Translations are checked against valid originals only: a broken source would make
    // every line of its translations look wrong.
    if (diagnostics->size() == errors_before) {
        load_translation_sources(source_dir, &out->documents, diagnostics);
        for (const Document& doc : out->documents)
            check_quote_translations(doc, source_paths[doc.info.id], diagnostics);
    }
    load_lesson_sources(fs::join(source_dir, "lessons"), fs::join(source_dir, "local"), out->documents, &out->lessons,
                        diagnostics);
    // Topics, terms and references are matched against the passages in every language.
    if (diagnostics->size() == errors_before)
        load_explore_sources(source_dir, out->documents, &out->explore, diagnostics);
    // Mentions are checked against valid documents only, as translations are.
    if (diagnostics->size() == errors_before)
        load_overview_sources(fs::join(source_dir, "explore"), out->documents, &out->overview, diagnostics);
    // A link to an act the kiosk lacks opens the act's timeline entry, which has the act's id:
    // both files must then give it the same date.
    for (const TimelineEntry& entry : out->overview.timeline)
        for (const ExternalAct& act : out->explore.acts)
            if (act.id == entry.id && act.date != entry.date)
                diagnostics->push_back({fs::join(source_dir, "acts.txt"), act.source_line, "date",
                                        "act '" + act.id + "' is dated " + act.date + " here but " + entry.date +
                                            " on the timeline (explore/timeline.txt)"});
    return diagnostics->size() == errors_before;
}

std::string collect_charset(const ContentSources& sources) {
    std::set<char32_t> chars;
    for (const Document& doc : sources.documents) {
        const DocumentInfo& info = doc.info;
        for (const DocumentTextField& field : kDocumentTextFields) add_localized_chars(chars, info.*field.member);
        for (const Section& section : doc.sections) {
            add_chars(chars, section.heading);
            add_localized_chars(chars, section.heading_translation);
        }
        for (const Block& block : doc.blocks) {
            add_chars(chars, block.text);
            add_localized_chars(chars, block.translation);
        }
        add_chars(chars, info.url);  // printed under its QR code
    }
    add_chars(chars, overview_text(sources.overview));
    for (const Lesson& lesson : sources.lessons) add_lesson_chars(chars, lesson);
    for (const Topic& topic : sources.explore.topics) add_localized_chars(chars, topic.name);
    for (const GlossaryTerm& term : sources.explore.glossary) {
        add_localized_chars(chars, term.term);
        add_localized_chars(chars, term.definition);
    }
    for (const ExternalAct& act : sources.explore.acts)
        for (const LocalizedText* text : {&act.name, &act.place, &act.issuer}) add_localized_chars(chars, *text);
    std::string out;
    for (char32_t cp : chars)
        if (cp >= 0x20) utf8::append(out, cp);
    return out;
}

bool build_content(const BuildOptions& options, Diagnostics* diagnostics) {
    if (options.content_version < 1 || options.content_version > kMaxContentVersion) {
        diagnostics->push_back({options.out_path, 0, "content-version",
                                "must be a positive whole number up to " + std::to_string(kMaxContentVersion) +
                                    ", got " + std::to_string(options.content_version)});
        return false;
    }
    if (!options.built_at.empty() && !is_iso_utc_timestamp(options.built_at)) {
        diagnostics->push_back({options.out_path, 0, "built-at",
                                "'" + options.built_at + "' is not a UTC time in the form YYYY-MM-DDTHH:MM:SSZ"});
        return false;
    }
    ContentSources sources;
    if (!load_content_sources(options.source_dir, &sources, diagnostics)) return false;

    std::string out_dir = fs::dirname(options.out_path);
    std::string error;
    if (!fs::make_dirs(out_dir, &error)) {
        diagnostics->push_back({options.out_path, 0, "", error});
        return false;
    }
    std::string temp = fs::temp_path_beside(options.out_path);
    {
        SqliteDb db;
        if (!db.open(temp, SqliteDb::Mode::Create, &error)) {
            diagnostics->push_back({options.out_path, 0, "", error});
            return false;
        }
        ContentWriter writer(db);
        if (!writer.write(sources, options, &error)) {
            diagnostics->push_back({options.out_path, 0, "", "writing the database failed: " + error});
            db.close();
            ::unlink(temp.c_str());
            return false;
        }
    }
    if (!fs::sync_path(temp, &error) || !fs::rename_durably(temp, options.out_path, &error)) {
        diagnostics->push_back({options.out_path, 0, "", error});
        ::unlink(temp.c_str());
        return false;
    }
    return true;
}

}  // namespace kiosk::core
