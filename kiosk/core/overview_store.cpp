#include "core/overview_store.h"

#include "core/strict_number.h"

#include <cstdio>
#include <map>

namespace kiosk::core {

namespace {

constexpr const char* kAbout = "about";
constexpr const char* kTimeline = "timeline";
constexpr const char* kMember = "member";
constexpr const char* kAboutTarget = "about";
constexpr const char* kDocumentTargetPrefix = "document:";

using Fields = std::initializer_list<std::pair<const char*, const LocalizedText*>>;

class OverviewWriter {
public:
    explicit OverviewWriter(SqliteDb& db) : db_(db) {}

    bool write(const OverviewContent& overview, const std::vector<Document>& documents, std::string* error) {
        SqliteStatement about(db_, "INSERT INTO explore_about VALUES(?, ?)");
        for (size_t i = 0; i < overview.about.facts.size(); ++i) {
            const AboutFact& fact = overview.about.facts[i];
            about.reset();
            if (!about.bind(1, fact.id).bind(2, static_cast<int64_t>(i)).run()) return fail(about, error);
            if (!texts(kAbout, fact.id, {{"label", &fact.label}, {"text", &fact.text}, {"source", &fact.source}}, error) ||
                !mentions(kAbout, fact.id, fact.mentions, error))
                return false;
        }
        SqliteStatement timeline(db_, "INSERT INTO explore_timeline VALUES(?, ?, ?, ?)");
        for (size_t i = 0; i < overview.timeline.size(); ++i) {
            const TimelineEntry& entry = overview.timeline[i];
            timeline.reset();
            timeline.bind(1, entry.id).bind(2, static_cast<int64_t>(i)).bind(3, entry.date).bind(4, entry.document);
            if (!timeline.run()) return fail(timeline, error);
            Fields fields = {
                {"title", &entry.title}, {"place", &entry.place}, {"issuer", &entry.issuer}, {"source", &entry.source}};
            if (!texts(kTimeline, entry.id, fields, error) || !mentions(kTimeline, entry.id, entry.mentions, error))
                return false;
        }
        SqliteStatement member(db_, "INSERT INTO explore_members VALUES(?, ?, ?, ?)");
        for (size_t i = 0; i < overview.members.size(); ++i) {
            const MemberState& state = overview.members[i];
            std::string colors;
            for (uint32_t rgb : state.colors) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "%06X", static_cast<unsigned>(rgb & 0xFFFFFF));
                colors += (colors.empty() ? "" : " ") + std::string(hex);
            }
            member.reset();
            member.bind(1, state.code).bind(2, static_cast<int64_t>(i)).bind(3, state.joined).bind(4, colors);
            if (!member.run()) return fail(member, error);
            if (!texts(kMember, state.code,
                       {{"name", &state.name}, {"full", &state.full_name}, {"source", &state.source}}, error))
                return false;
        }
        SqliteStatement address(db_, "INSERT INTO qr_addresses VALUES(?, ?)");
        auto add_address = [&](const std::string& target, const std::string& url) {
            if (url.empty()) return true;
            address.reset();
            return address.bind(1, target).bind(2, url).run() || fail(address, error);
        };
        if (!add_address(kAboutTarget, overview.about.url)) return false;
        for (const Document& doc : documents)
            if (!add_address(kDocumentTargetPrefix + doc.info.id, doc.info.url)) return false;
        return true;
    }

private:
    bool texts(const char* kind, const std::string& item, Fields fields, std::string* error) {
        SqliteStatement insert(db_, "INSERT INTO explore_text VALUES(?, ?, ?, ?, ?)");
        for (const auto& [field, text] : fields)
            for (Lang lang : kAllLangs) {
                if ((*text)[lang].empty()) continue;
                insert.reset();
                insert.bind(1, kind).bind(2, item).bind(3, field).bind(4, lang_code(lang)).bind(5, (*text)[lang]);
                if (!insert.run()) return fail(insert, error);
            }
        return true;
    }

    bool mentions(const char* kind, const std::string& item, const std::vector<OverviewMention>& list, std::string* error) {
        SqliteStatement insert(db_, "INSERT INTO explore_mentions VALUES(?, ?, ?, ?, ?, ?)");
        for (size_t i = 0; i < list.size(); ++i) {
            insert.reset();
            insert.bind(1, kind).bind(2, item).bind(3, static_cast<int64_t>(i)).bind(4, list[i].document);
            insert.bind(5, list[i].block).bind(6, list[i].quote);
            if (!insert.run()) return fail(insert, error);
        }
        return true;
    }

    static bool fail(const SqliteStatement& stmt, std::string* error) {
        *error = stmt.error();
        return false;
    }

    SqliteDb& db_;
};

const Document* find(const std::vector<Document>& documents, const std::string& id) {
    for (const Document& doc : documents)
        if (doc.info.id == id) return &doc;
    return nullptr;
}

// "C8313E 4AA657": the builder checked them (overview_source.cpp), so anything else is damage.
bool parse_colors(const std::string& text, std::vector<uint32_t>* colors) {
    colors->clear();
    for (size_t pos = 0; pos < text.size(); pos += 7) {
        uint32_t rgb = 0;
        if (!parse_hex(std::string_view(text).substr(pos, 6), 6, &rgb) || (pos + 6 < text.size() && text[pos + 6] != ' '))
            return false;
        colors->push_back(rgb);
    }
    return !colors->empty();
}

bool read_failed(const SqliteStatement& stmt, const char* what, std::string* error) {
    if (stmt.error().empty()) return false;
    *error = std::string("reading ") + what + " failed: " + stmt.error();
    return true;
}

}  // namespace

bool write_overview_content(SqliteDb& db, const OverviewContent& overview, const std::vector<Document>& documents,
                            std::string* error) {
    return OverviewWriter(db).write(overview, documents, error);
}

bool load_overview_content(const SqliteDb& db, OverviewContent* out, std::vector<Document>* documents, std::string* error) {
    std::map<std::string, size_t> about, timeline, members;
    SqliteStatement facts(db, "SELECT id FROM explore_about ORDER BY position");
    while (facts.step()) {
        about[facts.text(0)] = out->about.facts.size();
        out->about.facts.push_back(AboutFact{facts.text(0), {}, {}, {}, {}});
    }
    if (read_failed(facts, "the About facts", error)) return false;

    SqliteStatement events(db, "SELECT id, date, document FROM explore_timeline ORDER BY position");
    while (events.step()) {
        TimelineEntry entry;
        entry.id = events.text(0);
        entry.date = events.text(1);
        entry.document = events.text(2);
        if (entry.bundled() && !find(*documents, entry.document)) continue;  // not in this database
        timeline[entry.id] = out->timeline.size();
        out->timeline.push_back(std::move(entry));
    }
    if (read_failed(events, "the timeline", error)) return false;

    SqliteStatement states(db, "SELECT code, joined, colors FROM explore_members ORDER BY position");
    while (states.step()) {
        MemberState state;
        state.code = states.text(0);
        state.joined = static_cast<int>(states.integer(1));
        if (!parse_colors(states.text(2), &state.colors)) {
            *error = "member state '" + state.code + "': colours '" + states.text(2) +
                     "' are not RGB colours like 'C8313E 4AA657'";
            return false;
        }
        members[state.code] = out->members.size();
        out->members.push_back(std::move(state));
    }
    if (read_failed(states, "the member states", error)) return false;

    SqliteStatement texts(db, "SELECT kind, item, field, lang, value FROM explore_text");
    while (texts.step()) {
        auto lang = parse_lang(texts.text(3));
        if (!lang) continue;
        const std::string kind = texts.text(0), item = texts.text(1), field = texts.text(2);
        LocalizedText* target = nullptr;
        if (kind == kAbout && about.count(item)) {
            AboutFact& fact = out->about.facts[about[item]];
            target = field == "label"    ? &fact.label
                     : field == "text"   ? &fact.text
                     : field == "source" ? &fact.source
                                         : nullptr;
        } else if (kind == kTimeline && timeline.count(item)) {
            TimelineEntry& entry = out->timeline[timeline[item]];
            target = field == "title"    ? &entry.title
                     : field == "place"  ? &entry.place
                     : field == "issuer" ? &entry.issuer
                     : field == "source" ? &entry.source
                                         : nullptr;
        } else if (kind == kMember && members.count(item)) {
            MemberState& state = out->members[members[item]];
            target = field == "name"     ? &state.name
                     : field == "full"   ? &state.full_name
                     : field == "source" ? &state.source
                                         : nullptr;
        }
        if (target) (*target)[*lang] = texts.text(4);
    }
    if (read_failed(texts, "the explore texts", error)) return false;

    SqliteStatement mentions(
        db, "SELECT kind, item, document, block, quote FROM explore_mentions ORDER BY kind, item, position");
    while (mentions.step()) {
        OverviewMention mention{mentions.text(2), static_cast<int>(mentions.integer(3)), mentions.text(4)};
        const Document* doc = find(*documents, mention.document);
        if (!doc || mention.block < 1 || mention.block > static_cast<int>(doc->blocks.size())) continue;
        const std::string kind = mentions.text(0), item = mentions.text(1);
        if (kind == kAbout && about.count(item)) out->about.facts[about[item]].mentions.push_back(std::move(mention));
        else if (kind == kTimeline && timeline.count(item))
            out->timeline[timeline[item]].mentions.push_back(std::move(mention));
    }
    if (read_failed(mentions, "the mentions", error)) return false;

    SqliteStatement addresses(db, "SELECT target, url FROM qr_addresses");
    const std::string prefix = kDocumentTargetPrefix;
    while (addresses.step()) {
        const std::string target = addresses.text(0);
        if (target == kAboutTarget) {
            out->about.url = addresses.text(1);
        } else if (target.rfind(prefix, 0) == 0) {
            for (Document& doc : *documents)
                if (doc.info.id == target.substr(prefix.size())) doc.info.url = addresses.text(1);
        }
    }
    return !read_failed(addresses, "the QR addresses", error);
}

std::string overview_text(const OverviewContent& overview) {
    std::string out = overview.about.url;
    auto add = [&](const LocalizedText& text) {
        for (const std::string& value : text.values) out += value;
    };
    for (const AboutFact& fact : overview.about.facts) {
        add(fact.label), add(fact.text), add(fact.source);
        for (const OverviewMention& mention : fact.mentions) out += mention.quote;
    }
    for (const TimelineEntry& entry : overview.timeline) {
        add(entry.title), add(entry.place), add(entry.issuer), add(entry.source);
        for (const OverviewMention& mention : entry.mentions) out += mention.quote;
    }
    for (const MemberState& state : overview.members) add(state.name), add(state.full_name), add(state.source);
    return out;
}

}  // namespace kiosk::core
