#include "core/reader_matches.h"

#include "core/search_index.h"

#include <algorithm>
#include <tuple>

namespace kiosk::core {

namespace {

int block_index_of(const Document& doc, int block_id) {
    for (size_t i = 0; i < doc.blocks.size(); ++i)
        if (doc.blocks[i].id == block_id) return static_cast<int>(i);
    return -1;
}

// The section whose heading search passages point at `block_id` (its first block), or -1.
int heading_section_of(const Document& doc, int block_id) {
    for (size_t s = 0; s < doc.sections.size(); ++s) {
        const Section& section = doc.sections[s];
        if (section.heading.empty() || section.first_block < 0 || section.first_block >= static_cast<int>(doc.blocks.size()))
            continue;
        if (doc.blocks[section.first_block].id == block_id) return static_cast<int>(s);
    }
    return -1;
}

// Where a match sits in reading order: a heading comes just before its section's first block;
// within a block the translation (left column) comes before the original.
std::tuple<int, int, size_t> reading_position(const Document& doc, const ReaderMatch& match) {
    if (match.lead != ReaderLeadPart::None) return {match.lead == ReaderLeadPart::Title ? -2 : -1, 0, match.begin};
    const int original = match.lang == Lang::Ru ? 1 : 0;
    if (match.block >= 0) return {match.block * 2 + 1, original, match.begin};
    return {doc.sections[match.section].first_block * 2, original, match.begin};
}

}  // namespace

const std::string& reader_match_text(const Document& doc, const ReaderMatch& match) {
    if (match.lead == ReaderLeadPart::Title) return doc.info.title[match.lang];
    if (match.lead == ReaderLeadPart::Summary) return doc.info.summary[match.lang];
    return match.block >= 0 ? doc.blocks[match.block].text_in(match.lang)
                            : doc.sections[match.section].heading_in(match.lang);
}

std::vector<ReaderMatch> reader_matches_in(const std::vector<PassageMatch>& passages, const Document& doc,
                                           Lang text_lang, bool with_original, std::optional<Lang> lead_lang) {
    std::vector<ReaderMatch> out;
    for (const PassageMatch& passage : passages) {
        auto lang = parse_lang(passage.lang);
        if (!lang) continue;
        ReaderMatch match;
        match.lang = *lang;
        if (passage.field == "title" || passage.field == "summary") {
            if (lead_lang != lang) continue;
            match.lead = passage.field == "title" ? ReaderLeadPart::Title : ReaderLeadPart::Summary;
        } else {
            if (*lang != text_lang && !(with_original && *lang == Lang::Ru)) continue;
            if (passage.field == "block") match.block = block_index_of(doc, passage.paragraph);
            else if (passage.field == "heading") match.section = heading_section_of(doc, passage.paragraph);
            if (match.block < 0 && match.section < 0) continue;
        }
        const std::string& text = reader_match_text(doc, match);
        for (const TextRange& range : passage.ranges) {
            if (range.begin >= range.end || range.end > text.size()) continue;  // a stale index: never draw outside
            match.begin = range.begin;
            match.end = range.end;
            out.push_back(match);
        }
    }
    std::sort(out.begin(), out.end(), [&doc](const ReaderMatch& a, const ReaderMatch& b) {
        return reading_position(doc, a) < reading_position(doc, b);
    });
    return out;
}

std::vector<ReaderMatch> reader_matches(SearchIndex& index, const std::string& query, const Document& doc,
                                        Lang text_lang, bool with_original, std::optional<Lang> lead_lang) {
    return reader_matches_in(index.matches_in(query, "document", doc.info.id), doc, text_lang, with_original, lead_lang);
}

int first_match_of_hit(const Document& doc, const std::vector<ReaderMatch>& matches, const SearchHit& hit) {
    if (hit.field == "block") {
        int block = block_index_of(doc, hit.paragraph);
        for (size_t i = 0; i < matches.size(); ++i)
            if (matches[i].block == block) return static_cast<int>(i);
    } else if (hit.field == "heading") {
        int section = heading_section_of(doc, hit.paragraph);
        for (size_t i = 0; i < matches.size(); ++i)
            if (matches[i].block < 0 && matches[i].section == section) return static_cast<int>(i);
    } else if (hit.field == "title" || hit.field == "summary") {
        const ReaderLeadPart part = hit.field == "title" ? ReaderLeadPart::Title : ReaderLeadPart::Summary;
        for (size_t i = 0; i < matches.size(); ++i)
            if (matches[i].lead == part && lang_code(matches[i].lang) == hit.lang) return static_cast<int>(i);
    }
    return -1;  // not shown (a title or summary in another language than the lead's): open at the top
}

void keep_placed_matches(std::vector<ReaderMatch>& matches, bool by_line) {
    matches.erase(std::remove_if(matches.begin(), matches.end(), [](const ReaderMatch& m) { return m.line < 0; }),
                  matches.end());
    if (by_line)
        std::stable_sort(matches.begin(), matches.end(),
                         [](const ReaderMatch& a, const ReaderMatch& b) { return a.line < b.line; });
}

int find_match_again(const std::vector<ReaderMatch>& matches, const ReaderMatch& was) {
    for (size_t i = 0; i < matches.size(); ++i) {
        const ReaderMatch& m = matches[i];
        if (m.block == was.block && m.section == was.section && m.lead == was.lead && m.lang == was.lang &&
            m.begin == was.begin)
            return static_cast<int>(i);
    }
    for (size_t i = 0; i < matches.size(); ++i)  // else the same passage in this view
        if (matches[i].block == was.block && matches[i].section == was.section && matches[i].lead == was.lead)
            return static_cast<int>(i);
    return -1;
}

int step_match(int current, int count, bool forward) {
    if (count <= 0) return -1;
    if (forward) return current + 1 >= count ? 0 : current + 1;
    return current <= 0 ? count - 1 : current - 1;
}

}  // namespace kiosk::core
