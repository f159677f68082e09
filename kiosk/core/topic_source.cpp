// db/topics.txt: curated topics and the words that find their passages.
#include "core/explore_source.h"
#include "core/section_source.h"

#include <map>
#include <set>

namespace kiosk::core {

std::vector<PassageSpan> match_section_rules(const SourceSection& section, const std::string& path, PassageMatcher& matcher,
                                             const std::string& skip_document, Diagnostics* diagnostics, bool* ok) {
    std::vector<PassageSpan> spans;
    for (Lang lang : kAllLangs) {
        const std::string key = std::string("match.") + lang_code(lang);
        const SourceValue& value = section_value(section, key);
        for (const std::string& phrase : split_alternatives(value.value)) {
            if (!matcher.has_words(phrase)) {
                diagnostics->push_back({path, value.line, key, "'" + phrase + "' holds no word to match"});
                *ok = false;
                continue;
            }
            size_t before = spans.size();
            for (PassageSpan& span : matcher.find(phrase, lang))
                if (span.document != skip_document) spans.push_back(std::move(span));
            if (spans.size() == before) {
                diagnostics->push_back({path, value.line, key,
                                        "'" + phrase + "' matches no passage of the " + lang_code(lang) +
                                            " text of any document" + (skip_document.empty() ? "" : " but its target")});
                *ok = false;
            }
        }
    }
    return spans;
}

bool load_topics(const std::string& path, PassageMatcher& matcher, std::vector<Topic>* out, Diagnostics* diagnostics) {
    const SectionRules rules{"topic", {"id"}, {}, {"name", "match"}};
    return for_each_entry(path, rules, diagnostics, [&](const SourceSection& section) {
        bool ok = true;
        Topic topic;
        topic.id = section_value(section, "id").value;
        topic.name = section_localized(section, "name");
        topic.spans = match_section_rules(section, path, matcher, "", diagnostics, &ok);
        std::set<std::pair<std::string, int>> passages;
        for (const PassageSpan& span : topic.spans) passages.emplace(span.document, span.block);
        topic.passage_count = static_cast<int>(passages.size());
        out->push_back(std::move(topic));
        return ok;
    });
}

}  // namespace kiosk::core
