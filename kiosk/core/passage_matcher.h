// Finds where a phrase stands in the documents' passages, word forms included: both sides go
// through the search tokenizer (case folding and Snowball stems for Russian and English, one
// token per character for Chinese), so «цифрового разрыва» matches the rule «цифровой разрыв».
// Used by `kioskctl build` for topics, glossary terms and cross-references.
#pragma once

#include "core/content_model.h"
#include "core/explore_model.h"
#include "core/search_tokenizer.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk::core {

class PassageMatcher {
public:
    // Tokenizes every block of `documents` in Russian and in each translation it has.
    explicit PassageMatcher(const std::vector<Document>& documents);

    // False when `phrase` holds no word at all (only punctuation), so it can never match.
    bool has_words(std::string_view phrase);

    // Every place where the words of `phrase` stand consecutively in a passage in `lang`, as
    // the byte range from its first word's start to its last word's end, in document order.
    std::vector<PassageSpan> find(std::string_view phrase, Lang lang);

private:
    struct Token {
        std::string text;
        int start = 0, end = 0;
    };
    struct Passage {
        const Document* document = nullptr;
        int block = 0;
        Lang lang = Lang::Ru;
        std::vector<Token> tokens;
    };
    std::vector<Token> tokenize(std::string_view text);

    SearchTokenizer tokenizer_;
    std::vector<Passage> passages_;
    // token text -> (passage, token index) of each place it stands
    std::unordered_map<std::string, std::vector<std::pair<size_t, size_t>>> index_;
};

}  // namespace kiosk::core
