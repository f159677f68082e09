// The ways in beside the library (issue 14): the About screen's facts, the timeline of SCO acts
// and the member states. Written in db/explore/ (docs/content-format.md), compiled by
// `kioskctl build` and loaded by ContentStore like the documents.
#pragma once

#include "core/content_model.h"
#include "core/language.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core {

// A bundled passage that says what an entry states: block `block` (1-based) of `document`, whose
// Russian text holds `quote` verbatim (the build checks it).
struct OverviewMention {
    std::string document;
    int block = 0;
    std::string quote;
};

// One fact of the About screen, with its source.
struct AboutFact {
    std::string id;
    LocalizedText label, text, source;
    std::vector<OverviewMention> mentions;
};

struct AboutPage {
    std::string url;  // shown as a QR code; empty: no code
    std::vector<AboutFact> facts;
};

// One act on the timeline: a bundled document (`document` set; its title, date, place and issuer
// are the document's), or an act that is not bundled, described here.
struct TimelineEntry {
    std::string id;
    std::string document;                        // a bundled document's id, or empty
    std::string date;                            // YYYY-MM-DD (a bundled document's own date)
    LocalizedText title, place, issuer, source;  // empty for a bundled document
    std::vector<OverviewMention> mentions;
    bool bundled() const { return !document.empty(); }
};

// A member state: the code the documents' `parties` use, its names, when it joined and a few
// colours of its flag for the stylised emblem the kiosk draws.
struct MemberState {
    std::string code;  // ISO 3166 alpha-2
    int joined = 0;    // year
    LocalizedText name, full_name, source;
    std::vector<uint32_t> colors;  // 0xRRGGBB, top to bottom
};

// What a document's text says about a member state: it names it among its parties, it names
// no states at all (its parties_note says so), or it names others but not this one.
enum class PartyStatus { Party, NoStatesNamed, NotNamed };
PartyStatus party_status(const DocumentInfo& document, const std::string& code);

struct OverviewContent {
    AboutPage about;
    std::vector<TimelineEntry> timeline;  // by date, oldest first
    std::vector<MemberState> members;     // in the order SCO texts list them (Russian alphabetical)
};

}  // namespace kiosk::core
