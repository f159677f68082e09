#include "core/explore_store.h"

#include "core/sqlite_db.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace kiosk::core {

namespace {

bool failed(const SqliteStatement& stmt, std::string* error) {
    *error = stmt.error();
    return false;
}

bool write_texts(SqliteDb& db, const char* table, const std::string& id,
                 std::initializer_list<std::pair<const char*, const LocalizedText*>> fields, std::string* error) {
    SqliteStatement insert(db, (std::string("INSERT INTO ") + table + " VALUES(?, ?, ?, ?)").c_str());
    for (const auto& [field, text] : fields)
        for (Lang lang : kAllLangs) {
            insert.reset();
            insert.bind(1, id).bind(2, field).bind(3, lang_code(lang)).bind(4, (*text)[lang]);
            if (!insert.run()) return failed(insert, error);
        }
    return true;
}

// Reads (id, field, lang, value) rows of `table` into the LocalizedText `field_of` returns.
template <typename FieldOf>
bool read_texts(SqliteDb& db, const char* table, FieldOf field_of, std::string* error) {
    SqliteStatement rows(db, (std::string("SELECT * FROM ") + table).c_str());
    while (rows.step()) {
        auto lang = parse_lang(rows.text(2));
        if (!lang) continue;
        if (LocalizedText* text = field_of(rows.text(0), rows.text(1))) (*text)[*lang] = rows.text(3);
    }
    if (rows.error().empty()) return true;
    *error = std::string("reading ") + table + " failed: " + rows.error();
    return false;
}

bool span_fits(const std::vector<Document>& documents, const PassageSpan& span) {
    const std::string* text = passage_text(documents, span.document, span.block, span.lang);
    return text && span.begin >= 0 && span.begin < span.end && static_cast<size_t>(span.end) <= text->size();
}

}  // namespace

const std::string* passage_text(const std::vector<Document>& documents, const std::string& document, int block_id, Lang lang) {
    for (const Document& doc : documents)
        if (doc.info.id == document)
            for (const Block& block : doc.blocks)
                if (block.id == block_id) return &block.text_in(lang);
    return nullptr;
}

bool write_explore_tables(SqliteDb& db, const ExploreContent& explore, std::string* error) {
    SqliteStatement topic(db, "INSERT INTO topics VALUES(?, ?)");
    SqliteStatement name(db, "INSERT INTO topic_names VALUES(?, ?, ?)");
    SqliteStatement span(db, "INSERT INTO topic_spans VALUES(?, ?, ?, ?, ?, ?)");
    for (size_t i = 0; i < explore.topics.size(); ++i) {
        const Topic& t = explore.topics[i];
        topic.reset();
        if (!topic.bind(1, t.id).bind(2, static_cast<int64_t>(i)).run()) return failed(topic, error);
        for (Lang lang : kAllLangs) {
            name.reset();
            if (!name.bind(1, t.id).bind(2, lang_code(lang)).bind(3, t.name[lang]).run()) return failed(name, error);
        }
        std::set<std::tuple<std::string, int, Lang, int>> written;  // two alternatives may find the same words
        for (const PassageSpan& s : t.spans) {
            if (!written.emplace(s.document, s.block, s.lang, s.begin).second) continue;
            span.reset();
            span.bind(1, t.id).bind(2, s.document).bind(3, s.block).bind(4, lang_code(s.lang)).bind(5, s.begin).bind(6, s.end);
            if (!span.run()) return failed(span, error);
        }
    }
    SqliteStatement term(db, "INSERT INTO glossary VALUES(?, ?, ?, ?)");
    for (size_t i = 0; i < explore.glossary.size(); ++i) {
        const GlossaryTerm& g = explore.glossary[i];
        term.reset();
        term.bind(1, g.id).bind(2, static_cast<int64_t>(i)).bind(3, g.source_document).bind(4, g.source_block);
        if (!term.run()) return failed(term, error);
        if (!write_texts(db, "glossary_text", g.id, {{"term", &g.term}, {"definition", &g.definition}}, error))
            return false;
    }
    SqliteStatement act(db, "INSERT INTO acts VALUES(?, ?)");
    for (const ExternalAct& a : explore.acts) {
        act.reset();
        if (!act.bind(1, a.id).bind(2, a.date).run()) return failed(act, error);
        if (!write_texts(db, "act_text", a.id, {{"name", &a.name}, {"place", &a.place}, {"issuer", &a.issuer}}, error))
            return false;
    }
    SqliteStatement link(db, "INSERT INTO passage_links VALUES(?, ?, ?, ?, ?, ?, ?)");
    for (const PassageLink& l : explore.links) {
        link.reset();
        link.bind(1, l.span.document).bind(2, l.span.block).bind(3, lang_code(l.span.lang)).bind(4, l.span.begin);
        link.bind(5, l.span.end).bind(6, link_kind_name(l.kind)).bind(7, l.target);
        if (!link.run()) return failed(link, error);
    }
    return true;
}

bool load_explore_tables(SqliteDb& db, const std::vector<Document>& documents, ExploreContent* out, std::string* error) {
    std::map<std::string, int> doc_order;
    for (size_t i = 0; i < documents.size(); ++i) doc_order[documents[i].info.id] = static_cast<int>(i);
    std::map<std::string, size_t> topic_index;
    SqliteStatement topics(db, "SELECT id FROM topics ORDER BY position");
    while (topics.step()) {
        topic_index[topics.text(0)] = out->topics.size();
        out->topics.push_back(Topic{topics.text(0), {}, {}, 0});
    }
    SqliteStatement names(db, "SELECT topic, lang, name FROM topic_names");
    while (names.step()) {
        auto it = topic_index.find(names.text(0));
        auto lang = parse_lang(names.text(1));
        if (it != topic_index.end() && lang) out->topics[it->second].name[*lang] = names.text(2);
    }
    // In library order, as the topic screen lists them.
    SqliteStatement spans(db, "SELECT topic, document, block, lang, start, end FROM topic_spans");
    std::vector<std::set<std::pair<std::string, int>>> passages(out->topics.size());
    while (spans.step()) {
        auto it = topic_index.find(spans.text(0));
        auto lang = parse_lang(spans.text(3));
        if (it == topic_index.end() || !lang) continue;
        PassageSpan span{spans.text(1), static_cast<int>(spans.integer(2)), *lang, static_cast<int>(spans.integer(4)),
                         static_cast<int>(spans.integer(5))};
        if (!span_fits(documents, span)) continue;
        passages[it->second].emplace(span.document, span.block);
        out->topics[it->second].spans.push_back(std::move(span));
    }
    for (size_t i = 0; i < out->topics.size(); ++i) {
        Topic& topic = out->topics[i];
        topic.passage_count = static_cast<int>(passages[i].size());
        std::sort(topic.spans.begin(), topic.spans.end(), [&](const PassageSpan& a, const PassageSpan& b) {
            return std::make_tuple(doc_order[a.document], a.block, static_cast<int>(a.lang), a.begin) <
                   std::make_tuple(doc_order[b.document], b.block, static_cast<int>(b.lang), b.begin);
        });
    }

    std::map<std::string, size_t> term_index;
    SqliteStatement terms(db, "SELECT id, source_document, source_block FROM glossary ORDER BY position");
    while (terms.step()) {
        term_index[terms.text(0)] = out->glossary.size();
        GlossaryTerm term;
        term.id = terms.text(0);
        term.source_document = terms.text(1);
        term.source_block = static_cast<int>(terms.integer(2));
        if (!passage_text(documents, term.source_document, term.source_block, Lang::Ru)) {
            term.source_document.clear();
            term.source_block = 0;
        }
        out->glossary.push_back(std::move(term));
    }
    if (!read_texts(
            db, "glossary_text",
            [&](const std::string& id, const std::string& field) -> LocalizedText* {
                auto it = term_index.find(id);
                if (it == term_index.end()) return nullptr;
                GlossaryTerm& term = out->glossary[it->second];
                return field == "term" ? &term.term : field == "definition" ? &term.definition : nullptr;
            },
            error))
        return false;

    std::map<std::string, size_t> act_index;
    SqliteStatement acts(db, "SELECT id, date FROM acts ORDER BY date, id");
    while (acts.step()) {
        act_index[acts.text(0)] = out->acts.size();
        ExternalAct act;
        act.id = acts.text(0);
        act.date = acts.text(1);
        out->acts.push_back(std::move(act));
    }
    if (!read_texts(
            db, "act_text",
            [&](const std::string& id, const std::string& field) -> LocalizedText* {
                auto it = act_index.find(id);
                if (it == act_index.end()) return nullptr;
                ExternalAct& act = out->acts[it->second];
                return field == "name"     ? &act.name
                       : field == "place"  ? &act.place
                       : field == "issuer" ? &act.issuer
                                           : nullptr;
            },
            error))
        return false;

    SqliteStatement links(db, "SELECT document, block, lang, start, end, kind, target FROM passage_links");
    while (links.step()) {
        auto lang = parse_lang(links.text(2));
        PassageLink link;
        if (!lang || !parse_link_kind(links.text(5), &link.kind)) continue;
        link.span = {links.text(0), static_cast<int>(links.integer(1)), *lang, static_cast<int>(links.integer(3)),
                     static_cast<int>(links.integer(4))};
        link.target = links.text(6);
        const bool resolves = link.kind == LinkKind::Document ? doc_order.count(link.target) > 0
                              : link.kind == LinkKind::Act    ? act_index.count(link.target) > 0
                                                              : term_index.count(link.target) > 0;
        if (resolves && span_fits(documents, link.span)) out->links.push_back(std::move(link));
    }
    std::sort(out->links.begin(), out->links.end(), [&](const PassageLink& a, const PassageLink& b) {
        return std::make_tuple(doc_order[a.span.document], a.span.block, static_cast<int>(a.span.lang), a.span.begin) <
               std::make_tuple(doc_order[b.span.document], b.span.block, static_cast<int>(b.span.lang), b.span.begin);
    });
    for (const SqliteStatement* stmt : {&topics, &names, &spans, &terms, &acts, &links})
        if (!stmt->error().empty()) {
            *error = "reading the explore tables failed: " + stmt->error();
            return false;
        }
    return true;
}

}  // namespace kiosk::core
