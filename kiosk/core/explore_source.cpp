// Loads the explore sources and turns cross-references and glossary terms into the links of
// each passage.
#include "core/explore_source.h"

#include "core/file_io.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace kiosk::core {

namespace {

constexpr const char* kLinkKindNames[] = {"document", "act", "term"};

struct Candidate {
    PassageLink link;
    int priority = 0;  // 0: a cross-reference, 1: a glossary term
};

// Per passage (document, block, language): references first, then longer mentions, then
// earlier ones; a candidate overlapping one already taken is dropped, and a term is linked
// only at its first mention in the passage.
std::vector<PassageLink> resolve_links(std::vector<Candidate> candidates, const std::vector<Document>& documents) {
    std::map<std::string, int> order;
    for (size_t i = 0; i < documents.size(); ++i) order[documents[i].info.id] = static_cast<int>(i);
    auto passage = [&](const PassageSpan& s) {
        return std::make_tuple(order[s.document], s.block, static_cast<int>(s.lang));
    };
    std::sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
        const PassageSpan &x = a.link.span, &y = b.link.span;
        return std::make_tuple(passage(x), a.priority, y.end - y.begin, x.begin) <
               std::make_tuple(passage(y), b.priority, x.end - x.begin, y.begin);
    });
    std::vector<PassageLink> links;
    size_t passage_start = 0;  // first link of the current passage in `links`
    std::set<std::string> terms_here;
    for (const Candidate& candidate : candidates) {
        const PassageSpan& span = candidate.link.span;
        if (passage_start < links.size() && passage(links[passage_start].span) != passage(span)) {
            passage_start = links.size();
            terms_here.clear();
        }
        bool overlaps = false;
        for (size_t i = passage_start; i < links.size() && !overlaps; ++i)
            overlaps = span.begin < links[i].span.end && links[i].span.begin < span.end;
        if (overlaps) continue;
        if (candidate.link.kind == LinkKind::Term && !terms_here.insert(candidate.link.target).second) continue;
        links.push_back(candidate.link);
    }
    std::sort(links.begin(), links.end(), [&](const PassageLink& a, const PassageLink& b) {
        return std::make_tuple(passage(a.span), a.span.begin) < std::make_tuple(passage(b.span), b.span.begin);
    });
    return links;
}

}  // namespace

const char* link_kind_name(LinkKind kind) { return kLinkKindNames[static_cast<int>(kind)]; }

bool parse_link_kind(std::string_view name, LinkKind* out) {
    for (int i = 0; i < 3; ++i)
        if (name == kLinkKindNames[i]) {
            *out = static_cast<LinkKind>(i);
            return true;
        }
    return false;
}

bool load_explore_sources(const std::string& source_dir, const std::vector<Document>& documents, ExploreContent* out,
                          Diagnostics* diagnostics) {
    PassageMatcher matcher(documents);
    bool ok = load_topics(fs::join(source_dir, "topics.txt"), matcher, &out->topics, diagnostics);
    std::vector<std::vector<PassageSpan>> term_spans;
    ok = load_glossary(fs::join(source_dir, "glossary.txt"), documents, matcher, &out->glossary, &term_spans, diagnostics) &&
         ok;
    const std::string acts_path = fs::join(source_dir, "acts.txt");
    ok = load_acts(acts_path, &out->acts, diagnostics) && ok;
    std::vector<ReferenceRule> references;
    ok = load_references(fs::join(source_dir, "references.txt"), documents, out->acts, matcher, &references, diagnostics) &&
         ok;
    if (!ok) return false;
    // An act nothing refers to could never be reached from a passage.
    for (const ExternalAct& act : out->acts) {
        bool used = std::any_of(references.begin(), references.end(),
                                [&](const ReferenceRule& rule) { return rule.target == act.id; });
        if (!used) {
            diagnostics->push_back({acts_path, act.source_line, "id",
                                    "act '" + act.id + "' is the target of no [reference] in references.txt"});
            ok = false;
        }
    }
    std::stable_sort(out->acts.begin(), out->acts.end(),
                     [](const ExternalAct& a, const ExternalAct& b) { return a.date < b.date; });
    std::vector<Candidate> candidates;
    for (const ReferenceRule& rule : references)
        for (const PassageSpan& span : rule.spans) candidates.push_back({{span, rule.kind, rule.target}, 0});
    for (size_t t = 0; t < out->glossary.size(); ++t)
        for (const PassageSpan& span : term_spans[t])
            candidates.push_back({{span, LinkKind::Term, out->glossary[t].id}, 1});
    out->links = resolve_links(std::move(candidates), documents);
    return ok;
}

}  // namespace kiosk::core
