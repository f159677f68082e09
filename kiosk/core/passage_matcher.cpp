#include "core/passage_matcher.h"

namespace kiosk::core {

PassageMatcher::PassageMatcher(const std::vector<Document>& documents) {
    for (const Document& doc : documents)
        for (const Block& block : doc.blocks)
            for (Lang lang : kAllLangs) {
                if (lang != Lang::Ru && block.translation[lang].empty()) continue;
                Passage passage{&doc, block.id, lang, tokenize(block.text_in(lang))};
                const size_t p = passages_.size();
                for (size_t t = 0; t < passage.tokens.size(); ++t) index_[passage.tokens[t].text].emplace_back(p, t);
                passages_.push_back(std::move(passage));
            }
}

// The tokens a passage is indexed with, without the colocated ones (Chinese bigrams): one per
// word or character, so a phrase is a run of consecutive tokens.
std::vector<PassageMatcher::Token> PassageMatcher::tokenize(std::string_view text) {
    std::vector<Token> tokens;
    tokenizer_.tokenize(text, TokenizeMode::Document, [&](const SearchToken& token) {
        if (!token.colocated) tokens.push_back({std::string(token.text), token.start, token.end});
        return 0;
    });
    return tokens;
}

bool PassageMatcher::has_words(std::string_view phrase) { return !tokenize(phrase).empty(); }

std::vector<PassageSpan> PassageMatcher::find(std::string_view phrase, Lang lang) {
    std::vector<PassageSpan> out;
    const std::vector<Token> words = tokenize(phrase);
    if (words.empty()) return out;
    auto it = index_.find(words[0].text);
    if (it == index_.end()) return out;
    for (const auto& [p, first] : it->second) {
        const Passage& passage = passages_[p];
        if (passage.lang != lang || first + words.size() > passage.tokens.size()) continue;
        bool all = true;
        for (size_t w = 1; w < words.size() && all; ++w) all = passage.tokens[first + w].text == words[w].text;
        if (!all) continue;
        out.push_back({passage.document->info.id, passage.block, lang, passage.tokens[first].start,
                       passage.tokens[first + words.size() - 1].end});
    }
    return out;
}

}  // namespace kiosk::core
