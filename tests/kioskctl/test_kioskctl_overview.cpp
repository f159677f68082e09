// `kioskctl build` on the explore sources (db/explore: about, timeline, member states) and on
// QR addresses: the real content builds into the tables the screens read, and every broken
// entry is named with file, line and problem while nothing is written.
#include "core/content_store.h"
#include "core/file_io.h"
#include "core/qr_code.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace kiosk;
using namespace kiosk::core;
using kiosk::test::CommandResult;
using kiosk::test::TempDir;

namespace {

CommandResult kioskctl(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {KIOSKCTL_BIN};
    argv.insert(argv.end(), args.begin(), args.end());
    return test::run_command(argv);
}

// The 1-based line of the first occurrence of `needle` in `text` (0 if absent).
int line_of(const std::string& text, const std::string& needle) {
    size_t at = text.find(needle);
    if (at == std::string::npos) return 0;
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

// One way to break a source: in `file` (relative to db/), replace `from` with `to`; the build must
// then report `message` on the line where `at` is found after the change (the line of `to` when
// `at` is empty).
struct Breakage {
    const char* name;
    const char* file;
    std::string from, to;
    std::string message;
    std::string at;
};

}  // namespace

TEST_CASE("the factory content holds the About facts, the timeline and every member state") {
    auto store = test::open_factory_content();
    const OverviewContent& overview = store->overview();
    CHECK(overview.about.url == "https://eng.sectsco.org/");
    CHECK(overview.about.facts.size() >= 5);
    for (const AboutFact& fact : overview.about.facts)
        for (Lang lang : kAllLangs) {
            CAPTURE(fact.id);
            CHECK_FALSE(fact.text[lang].empty());
            CHECK_FALSE(fact.source[lang].empty());  // every fact names its source
        }
    REQUIRE(overview.members.size() == 10);
    std::vector<std::string> codes;
    for (const MemberState& member : overview.members) codes.push_back(member.code);
    CHECK(codes == std::vector<std::string>{"BY", "IN", "IR", "KZ", "CN", "KG", "PK", "RU", "TJ", "UZ"});
    auto joined = [&](const std::string& code) {
        for (const MemberState& member : overview.members)
            if (member.code == code) return member.joined;
        return 0;
    };
    CHECK(joined("IN") == 2017);
    CHECK(joined("PK") == 2017);
    CHECK(joined("IR") == 2023);
    CHECK(joined("BY") == 2024);
    CHECK(joined("CN") == 2001);
    // Oldest first; every bundled document is on the timeline exactly once; every act that is
    // not bundled has a date, place, issuer and either a mention or a named source.
    REQUIRE_FALSE(overview.timeline.empty());
    CHECK(overview.timeline.front().date == "2001-06-15");
    CHECK(std::is_sorted(overview.timeline.begin(), overview.timeline.end(),
                         [](const TimelineEntry& a, const TimelineEntry& b) { return a.date < b.date; }));
    for (const Document& doc : store->documents()) {
        CAPTURE(doc.info.id);
        CHECK(std::count_if(overview.timeline.begin(), overview.timeline.end(),
                            [&](const TimelineEntry& e) { return e.document == doc.info.id; }) == 1);
    }
    for (const TimelineEntry& entry : overview.timeline) {
        CAPTURE(entry.id);
        if (entry.bundled()) continue;
        for (Lang lang : kAllLangs) {
            CHECK_FALSE(entry.title[lang].empty());
            CHECK_FALSE(entry.place[lang].empty());
            CHECK_FALSE(entry.issuer[lang].empty());
        }
        CHECK((!entry.mentions.empty() || !entry.source[Lang::En].empty()));
        for (const OverviewMention& mention : entry.mentions) {
            const Document* doc = store->find_document(mention.document);
            REQUIRE(doc);
            REQUIRE(mention.block >= 1);
            REQUIRE(mention.block <= static_cast<int>(doc->blocks.size()));
            CHECK(doc->blocks[mention.block - 1].text.find(mention.quote) != std::string::npos);
        }
    }
    // The acts the bundled texts cite with a date and place are all there.
    for (const char* id :
         {"2002-sco-charter", "2007-good-neighbourliness-treaty", "2018-qingdao-summit",
          "2020-digital-economy-statement", "2021-science-technology-statement", "2022-digital-literacy-programme"})
        CHECK(std::any_of(overview.timeline.begin(), overview.timeline.end(),
                          [&](const TimelineEntry& e) { return e.id == id; }));
}

TEST_CASE("a member state's documents follow the corrected parties: India signed no part of the 2022 Programme") {
    auto store = test::open_factory_content();
    auto status = [&](const char* document, const char* code) {
        const Document* doc = store->find_document(document);
        REQUIRE(doc);
        return party_status(doc->info, code);
    };
    CHECK(status("2019-digital-concept", "IN") == PartyStatus::Party);
    CHECK(status("2021-ict-ministers-protocol", "PK") == PartyStatus::Party);
    CHECK(status("2022-digital-economy-programme", "IN") == PartyStatus::NotNamed);  // seven parties, not India
    CHECK(status("2022-digital-economy-programme", "KZ") == PartyStatus::Party);
    CHECK(status("2019-digital-concept", "BY") == PartyStatus::NotNamed);
    CHECK(status("2023-digital-transformation-statement", "IR") == PartyStatus::NoStatesNamed);
    CHECK(status("2025-digital-economy-statement", "BY") == PartyStatus::NoStatesNamed);
    // A text that names no states says why on the member screen.
    CHECK_FALSE(store->find_document("2025-digital-economy-statement")->info.parties_note[Lang::Zh].empty());
}

TEST_CASE("kioskctl build stores a document's url and the About address for their QR codes") {
    TempDir dir;
    const std::string db = dir.file("db");
    test::copy_overview_sources(db);
    const std::string doc_path = db + "/documents/2019-digital-concept.txt";
    std::string text = test::read_text(doc_path);
    text.replace(text.find("type: concept"), 13, "type: concept\nurl: https://example.org/sco/concept-2019");
    test::write_text(doc_path, text);
    const std::string out = dir.file("content.db");
    CommandResult result = kioskctl({"build", db, out});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    std::string error;
    auto store = ContentStore::open(out, &error);
    REQUIRE_MESSAGE(store, error);
    CHECK(store->find_document("2019-digital-concept")->info.url == "https://example.org/sco/concept-2019");
    CHECK(store->find_document("2025-digital-economy-statement")->info.url.empty());
    CHECK(store->overview().about.url == "https://eng.sectsco.org/");
}

TEST_CASE("kioskctl build names the file, line and problem of a broken explore source and writes nothing") {
    const std::string long_url = "https://eng.sectsco.org/" + std::string(kMaxQrAddressBytes, 'a');
    const std::vector<Breakage> cases = {
        {"a mention of a document that does not exist", "explore/timeline.txt", "mention: 2019-digital-concept#18",
         "mention: 2019-concept#18", "mention: no document '2019-concept'", ""},
        {"a mention of a block that does not exist", "explore/timeline.txt", "mention: 2019-digital-concept#18",
         "mention: 2019-digital-concept#999", "mention: block 999 does not exist in '2019-digital-concept'", ""},
        {"a quote the passage does not hold", "explore/timeline.txt", "10 июня 2018 года в г. Циндао",
         "11 июня 2018 года в г. Циндао", "mention: block 18 of '2019-digital-concept' does not contain \"", ""},
        {"a timeline entry for a document that does not exist", "explore/timeline.txt", "document: 2021-ict-ministers-protocol",
         "document: 2021-protocol", "document: no document '2021-protocol' in documents/", ""},
        {"a duplicate timeline id", "explore/timeline.txt", "id: 2007-good-neighbourliness-treaty", "id: 2002-sco-charter",
         "id: duplicate id '2002-sco-charter' (first on line ", "id: 2002-sco-charter\ndate: 2007"},
        {"a missing language", "explore/timeline.txt", "title.zh: 《上海合作组织宪章》\n", "",
         "title.zh: missing in [event] (every text needs ru, en and zh)", "[event]\nid: 2002-sco-charter"},
        {"an act without a date", "explore/timeline.txt", "date: 2007-08-16\n", "", "date: missing in [event]",
         "[event]\nid: 2007-good-neighbourliness-treaty"},
        {"an invalid date", "explore/timeline.txt", "date: 2007-08-16", "date: 2007-02-30",
         "date: '2007-02-30' is not a date in the form YYYY-MM-DD", ""},
        {"an unknown key", "explore/timeline.txt", "id: 2007-good-neighbourliness-treaty",
         "id: 2007-good-neighbourliness-treaty\nwhen: 2007", "when: unknown key in [event]", "when: 2007"},
        {"an about fact without a source",
         "explore/about.txt", "source.en: Declaration on the Establishment of the Shanghai Cooperation Organisation, 15 June 2001, Shanghai\n",
         "", "source.en: missing in [fact]", "[fact]\nid: founded"},
        {"an about address that is not a web address", "explore/about.txt", "url: https://eng.sectsco.org/",
         "url: eng.sectsco.org", "url: 'eng.sectsco.org' is not a web address", ""},
        {"an over-long about address", "explore/about.txt", "url: https://eng.sectsco.org/", "url: " + long_url,
         "url: the address is " + std::to_string(long_url.size()) + " bytes long", ""},
        {"a document address with a space", "documents/2019-digital-concept.txt", "type: concept",
         "type: concept\nurl: https://example.org/a b", "url: the address holds a space", "url: https://example.org/a b"},
        {"a duplicate member state", "explore/members.txt", "code: IN", "code: BY",
         "code: duplicate member state 'BY' (first on line ", "code: BY\njoined: 2017"},
        {"an unknown member state", "explore/members.txt", "code: IR", "code: XX", "code: unknown member state 'XX'", ""},
        {"flag colours that are not colours", "explore/members.txt", "colors: FFFFFF 0039A6 D52B1E",
         "colors: white blue red", "colors: 'white blue red' is not two to four RGB colours", ""},
        {"an act dated otherwise than its timeline entry", "acts.txt", "date: 2002-06-07", "date: 2002-06-08",
         "date: act '2002-sco-charter' is dated 2002-06-08 here but 2002-06-07 on the timeline (explore/timeline.txt)",
         "[act]\nid: 2002-sco-charter"},
        {"the informal 你 in Chinese", "explore/members.txt", "name.zh: 印度", "name.zh: 你的印度",
         "name.zh: addresses the visitor as 你", ""},
    };
    for (const Breakage& c : cases) {
        const std::string name = c.name;
        CAPTURE(name);
        TempDir dir;
        const std::string db = dir.file("db");
        test::copy_overview_sources(db);
        const std::string path = db + "/" + c.file;
        std::string text = test::read_text(path);
        size_t at = text.find(c.from);
        REQUIRE(at != std::string::npos);
        text.replace(at, c.from.size(), c.to);
        test::write_text(path, text);
        const int line = line_of(text, c.at.empty() ? c.to : c.at);
        REQUIRE(line > 0);

        const std::string out = dir.file("content.db");
        CommandResult result = kioskctl({"build", db, out});
        INFO(result.err);
        CHECK(result.exit_code == 1);
        CHECK(result.err.find(path + ":" + std::to_string(line) + ": " + c.message) != std::string::npos);
        CHECK(result.err.find("nothing was written to " + out) != std::string::npos);
        CHECK_FALSE(fs::exists(out));
    }
}

TEST_CASE("a QR address must be a short http or https address of printable ASCII") {
    CHECK(qr_address_problem("https://eng.sectsco.org/").empty());
    CHECK(qr_address_problem("http://example.org/doc?id=7#top").empty());
    CHECK_FALSE(qr_address_problem("ftp://example.org/").empty());
    CHECK_FALSE(qr_address_problem("https://").empty());
    CHECK_FALSE(qr_address_problem("https://localhost/").empty());
    CHECK_FALSE(qr_address_problem("https://example.org/путь").empty());
    CHECK_FALSE(qr_address_problem("https://example.org/" + std::string(kMaxQrAddressBytes, 'x')).empty());
    QrMatrix qr;
    REQUIRE(encode_qr("https://example.org/" + std::string(kMaxQrAddressBytes - 20, 'x'), &qr));
    CHECK(qr.size >= 21);
    CHECK(qr.size <= 65);  // version 12 or less: legible from the screen
}
