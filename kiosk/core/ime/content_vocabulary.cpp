#include "core/ime/content_vocabulary.h"

#include "core/search_tokenizer.h"
#include "core/sqlite_db.h"
#include "core/utf8.h"

#include <algorithm>

namespace kiosk::core {

namespace {
constexpr const char* kChinesePassagesSql = "SELECT title, heading, body FROM search_passages WHERE lang = 'zh'";
}  // namespace

bool ContentVocabulary::load(const std::string& path, std::string* error) {
    *this = ContentVocabulary();
    SqliteDb db;
    if (!db.open(path, SqliteDb::Mode::ReadOnly, error)) return false;
    if (!register_search_tokenizer(db.handle(), error)) return false;
    SqliteStatement passages(db, kChinesePassagesSql);
    if (!passages.ok()) {
        *error = path + ": no search index to take the Chinese vocabulary from: " + passages.error();
        return false;
    }
    while (passages.step())
        for (int column = 0; column < 3; ++column)
            if (!passages.is_null(column)) add_text(passages.text(column));
    if (!passages.error().empty()) {
        *error = path + ": " + passages.error();
        return false;
    }
    return true;
}

void ContentVocabulary::add_text(std::string_view utf8) {
    bool in_run = false;
    for (size_t pos = 0; pos < utf8.size() && text_.size() + 2 < kMaxChars;) {
        const char32_t cp = utf8::decode(utf8, pos);
        if (!utf8::is_cjk(cp)) {
            if (in_run) text_.push_back(U'\0');
            in_run = false;
            continue;
        }
        if (in_run) pairs_[pair_key(text_.back(), cp)].push_back(static_cast<uint32_t>(text_.size() - 1));
        text_.push_back(cp);
        ++chars_[cp];
        in_run = true;
    }
    if (in_run) text_.push_back(U'\0');
}

size_t ContentVocabulary::occurrences(std::string_view word) const {
    const std::u32string w = utf8::to_u32(word);
    if (w.empty()) return 0;
    for (char32_t cp : w)
        if (!chars_.count(cp)) return 0;
    if (w.size() == 1) return chars_.at(w[0]);
    auto found = pairs_.find(pair_key(w[0], w[1]));
    if (found == pairs_.end()) return 0;
    if (w.size() == 2) return found->second.size();
    size_t count = 0;
    for (uint32_t at : found->second)
        if (text_.compare(at, w.size(), w) == 0 && ++count >= kMaxCount) break;
    return count;
}

size_t ContentVocabulary::memory_bytes() const {
    size_t bytes = text_.capacity() * sizeof(char32_t) + chars_.size() * (2 * sizeof(uint32_t) + 2 * sizeof(void*));
    for (const auto& [key, positions] : pairs_)
        // NOLINTNEXTLINE(bugprone-sizeof-container): the vector object itself counts too
        bytes += sizeof key + positions.capacity() * sizeof(uint32_t) + 3 * sizeof(void*) + sizeof positions;
    return bytes;
}

std::vector<size_t> rank_by_vocabulary(const std::vector<std::string>& candidates, const ContentVocabulary& vocabulary) {
    std::vector<size_t> order(candidates.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (vocabulary.empty()) return order;
    for (size_t begin = 0; begin < order.size();) {
        const size_t length = utf8::length(candidates[begin]);
        size_t end = begin + 1;
        while (end < order.size() && utf8::length(candidates[end]) == length) ++end;
        std::vector<size_t> count(end - begin);
        for (size_t i = begin; i < end; ++i) count[i - begin] = vocabulary.occurrences(candidates[i]);
        std::stable_sort(order.begin() + begin, order.begin() + end,
                         [&](size_t a, size_t b) { return count[a - begin] > count[b - begin]; });
        begin = end;
    }
    return order;
}

}  // namespace kiosk::core
