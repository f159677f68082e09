// Pinyin input (kiosk/core/ime): the content's vocabulary, the ranking of candidates, and RIME
// on its worker thread with Debian's pinyin_simp schema, deployed into a temporary data dir.
#include "core/ime/content_vocabulary.h"
#include "core/ime/pinyin_input.h"
#include "core/file_io.h"
#include "core/utf8.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using kiosk::core::ContentVocabulary;
using kiosk::core::PinyinInput;
using kiosk::test::TempDir;

namespace {

// Starts RIME in `dir` with the factory content's vocabulary and waits until it is ready.
std::unique_ptr<PinyinInput> start(const TempDir& dir, const std::string& content = KIOSK_CONTENT_DB) {
    PinyinInput::Options options;
    options.user_data_dir = dir.file("rime");
    options.content_db = content;
    auto input = std::make_unique<PinyinInput>(options);
    REQUIRE(input->wait_idle(60));
    REQUIRE_MESSAGE(input->state() == PinyinInput::State::Ready, input->error());
    return input;
}

void type(PinyinInput& input, const std::string& letters) {
    for (char c : letters) input.type(c);
}

PinyinInput::View view_of(PinyinInput& input) {
    REQUIRE(input.wait_idle(10));
    PinyinInput::View view;
    input.update_view(&view);
    return view;
}

// The query the events build, as the search screen applies them.
std::string apply_events(PinyinInput& input, std::string query = {}) {
    REQUIRE(input.wait_idle(10));
    std::vector<PinyinInput::Event> events;
    input.take_events(&events);
    for (const auto& event : events) {
        if (event.kind == PinyinInput::Event::Kind::Commit) query += event.text;
        else if (event.kind == PinyinInput::Event::Kind::EraseLast) kiosk::core::utf8::erase_last(&query);
        else if (event.kind == PinyinInput::Event::Kind::ClearQuery) query.clear();
    }
    return query;
}

int position(const std::vector<std::string>& list, const std::string& word) {
    auto it = std::find(list.begin(), list.end(), word);
    return it == list.end() ? -1 : static_cast<int>(it - list.begin());
}

}  // namespace

TEST_CASE("the vocabulary finds words whose characters stand together in one passage") {
    ContentVocabulary vocabulary;
    vocabulary.add_text("上海合作组织数字经济合作，网络安全。");
    vocabulary.add_text("人工智能");
    CHECK(vocabulary.contains("数字经济"));
    CHECK(vocabulary.contains("网络安全"));
    CHECK(vocabulary.contains("数"));
    CHECK_FALSE(vocabulary.contains("合作网络"));  // a comma stands between them
    CHECK_FALSE(vocabulary.contains("安全人工"));  // two passages
    CHECK_FALSE(vocabulary.contains("数字化"));
    CHECK_FALSE(vocabulary.contains("树脂"));
    CHECK_FALSE(vocabulary.contains(""));
    CHECK(vocabulary.chars() > 0);
}

TEST_CASE("the factory content's vocabulary holds its Chinese words, and a file without an index is refused") {
    ContentVocabulary vocabulary;
    std::string error;
    REQUIRE_MESSAGE(vocabulary.load(KIOSK_CONTENT_DB, &error), error);
    CHECK(vocabulary.contains("数字经济"));
    CHECK(vocabulary.contains("网络安全"));
    CHECK(vocabulary.contains("人工智能"));
    CHECK(vocabulary.chars() > 5000);
    TempDir dir;
    kiosk::test::write_text(dir.file("empty.db"), "");
    ContentVocabulary none;
    CHECK_FALSE(none.load(dir.file("empty.db"), &error));
    CHECK(error.find("empty.db") != std::string::npos);
}

TEST_CASE("candidates the content holds rise within their length, the most frequent first, never above longer ones") {
    ContentVocabulary vocabulary;
    vocabulary.add_text("书和数字");
    CHECK(vocabulary.occurrences("数字") == 1);
    const std::vector<std::string> rime = {"树脂", "数字", "梳子", "树", "书", "数"};
    std::vector<std::string> shown;
    for (size_t i : kiosk::core::rank_by_vocabulary(rime, vocabulary)) shown.push_back(rime[i]);
    CHECK(shown == std::vector<std::string>{"数字", "树脂", "梳子", "书", "数", "树"});
    CHECK(kiosk::core::rank_by_vocabulary(rime, ContentVocabulary()) == std::vector<size_t>{0, 1, 2, 3, 4, 5});
    vocabulary.add_text("数据，数字，数");
    CHECK(vocabulary.occurrences("数") == 4);
    CHECK(vocabulary.occurrences("数字") == 2);
    shown.clear();
    for (size_t i : kiosk::core::rank_by_vocabulary(rime, vocabulary)) shown.push_back(rime[i]);
    CHECK(shown == std::vector<std::string>{"数字", "树脂", "梳子", "数", "书", "树"});
}

TEST_CASE("pinyin offers the content's words first and commits the picked candidate") {
    TempDir dir;
    auto input = start(dir);

    type(*input, "shuzi");
    auto view = view_of(*input);
    CHECK(view.input == "shuzi");
    CHECK(view.composition == "shu zi");
    REQUIRE_FALSE(view.candidates.empty());
    CHECK(view.candidates[0] == "数字");
    CHECK(view.candidates.size() == 5);
    input->clear();

    type(*input, "wangluoanquan");
    view = view_of(*input);
    CHECK(position(view.candidates, "网络安全") >= 0);
    CHECK(position(view.candidates, "网络安全") <= 1);
    input->clear();

    type(*input, "rengongzhineng");
    CHECK(view_of(*input).candidates.at(0) == "人工智能");
    input->clear();
    CHECK(apply_events(*input).empty());

    type(*input, "shuzijingji");
    view = view_of(*input);
    REQUIRE(position(view.candidates, "数字经济") >= 0);
    input->select(position(view.candidates, "数字经济"));
    CHECK(apply_events(*input) == "数字经济");
    view = view_of(*input);
    CHECK(view.composition.empty());
    CHECK(view.candidates.empty());
}

TEST_CASE("picking a shorter candidate keeps the rest of the pinyin, and space commits the first candidate") {
    TempDir dir;
    auto input = start(dir);
    type(*input, "shuzijingji");
    auto view = view_of(*input);
    // Page through to the two-character 数字, which covers only "shuzi".
    int page = 0;
    while (position(view.candidates, "数字") < 0 && view.has_next && page < 10) {
        input->page(1);
        view = view_of(*input);
        ++page;
    }
    REQUIRE(position(view.candidates, "数字") >= 0);
    input->select(position(view.candidates, "数字"));
    view = view_of(*input);
    CHECK(apply_events(*input).empty());  // nothing committed while pinyin is left
    CHECK(view.composition.find("数字") == 0);
    CHECK(view.candidates.at(0) == "经济");
    input->space();
    CHECK(apply_events(*input) == "数字经济");
    input->space();  // no composition: a space between words
    CHECK(apply_events(*input, "数字经济") == "数字经济 ");
}

TEST_CASE("an abbreviation offers words of those initials") {
    TempDir dir;
    auto input = start(dir);
    type(*input, "szjj");
    auto view = view_of(*input);
    CHECK(view.composition == "s z j j");
    // 数字 is the content's most frequent word for "sz": first among the two-character words.
    REQUIRE(position(view.candidates, "数字") >= 0);
    input->select(position(view.candidates, "数字"));
    view = view_of(*input);
    CHECK(view.candidates.at(0) == "经济");
    input->select(0);
    CHECK(apply_events(*input) == "数字经济");
    type(*input, "rgzn");
    CHECK(view_of(*input).candidates.at(0) == "人工智能");
}

TEST_CASE("backspace edits the composition first, then the query") {
    TempDir dir;
    auto input = start(dir);
    type(*input, "shu");
    input->backspace();
    auto view = view_of(*input);
    CHECK(view.input == "sh");
    input->backspace();
    input->backspace();
    view = view_of(*input);
    CHECK(view.input.empty());
    CHECK(view.candidates.empty());
    CHECK(apply_events(*input, "网络") == "网络");
    input->backspace();
    CHECK(apply_events(*input, "网络") == "网");
}

TEST_CASE("a syllable with no candidate, digits and a hundred letters that spell nothing never break the input") {
    TempDir dir;
    auto input = start(dir);
    type(*input, "v");
    auto view = view_of(*input);
    CHECK(view.input == "v");
    CHECK(view.candidates.empty());
    input->space();  // nothing to pick: the letters go in as typed
    CHECK(apply_events(*input) == "v");

    type(*input, std::string(100, 'v'));
    view = view_of(*input);
    CHECK(view.input.size() == static_cast<size_t>(PinyinInput::kMaxInputLetters));
    input->clear();
    type(*input, std::string(100, 'q'));
    view = view_of(*input);
    CHECK(view.input.size() == static_cast<size_t>(PinyinInput::kMaxInputLetters));
    CHECK_FALSE(view.candidates.empty());
    input->clear();
    CHECK(apply_events(*input).empty());

    type(*input, "ab");  // a digit commits the first candidate, then itself
    input->digit('5');
    input->type('!');  // not a letter: ignored
    input->type('Q');
    const std::string query = apply_events(*input);
    CHECK(query.size() > 4);
    CHECK(query.back() == '5');
    CHECK(view_of(*input).input.empty());
}

TEST_CASE("a new visitor finds no composition, no queued keys and nothing learnt from the last one") {
    TempDir dir;
    auto input = start(dir);
    type(*input, "shuzi");
    auto before = view_of(*input);
    const std::string first = before.candidates.at(0);
    // The last visitor picked the third candidate of "shuzi" several times.
    const std::string third = before.candidates.at(2);
    for (int i = 0; i < 3; ++i) {
        input->select(2);
        apply_events(*input);
        type(*input, "shuzi");
    }
    input->reset();
    CHECK(view_of(*input).input.empty());
    CHECK(apply_events(*input).empty());
    type(*input, "shuzi");
    auto after = view_of(*input);
    CHECK(after.candidates.at(0) == first);
    CHECK(position(after.candidates, third) == 2);
    CHECK_FALSE(kiosk::core::fs::exists(dir.file("rime/pinyin_simp.userdb")));
}

TEST_CASE("RIME compiles the schema into the data dir once, not at every start") {
    TempDir dir;
    start(dir).reset();
    const std::string built = dir.file("rime/build/pinyin_simp.schema.yaml");
    REQUIRE(kiosk::core::fs::exists(built));
    CHECK(kiosk::core::fs::exists(dir.file("rime/kiosk-deployed.txt")));
    kiosk::test::write_text(built, kiosk::test::read_text(built) + "# still the first deployment\n");
    auto again = start(dir);
    CHECK(kiosk::test::read_text(built).find("# still the first deployment") != std::string::npos);
    type(*again, "shuzi");
    CHECK(view_of(*again).candidates.at(0) == "数字");
}

TEST_CASE("without RIME's data the keys type Latin letters and the reason is given") {
    TempDir dir;
    PinyinInput::Options options;
    options.shared_data_dir = dir.file("no-rime-data");
    options.user_data_dir = dir.file("rime");
    PinyinInput input(options);
    REQUIRE(input.wait_idle(30));
    CHECK(input.state() == PinyinInput::State::Failed);
    CHECK(input.error().find("pinyin_simp.schema.yaml") != std::string::npos);
    type(input, "wifi");
    input.space();
    input.digit('5');
    input.backspace();
    CHECK(apply_events(input) == "wifi ");
}

TEST_CASE("ten thousand random keystrokes leave the engine's memory flat") {
    TempDir dir;
    auto input = start(dir);
    std::mt19937 rng(20261129);
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    auto keystrokes = [&](int count) {
        for (int i = 0; i < count; ++i) {
            const int roll = uniform(0, 99);
            if (roll < 70) input->type(static_cast<char>('a' + uniform(0, 25)));
            else if (roll < 78) input->backspace();
            else if (roll < 84) input->space();
            else if (roll < 92) input->select(uniform(0, 4));
            else if (roll < 96) input->page(uniform(0, 1) ? 1 : -1);
            else if (roll < 98) input->digit(static_cast<char>('0' + uniform(0, 9)));
            else input->clear();
            if (i % 64 == 0) apply_events(*input);  // the UI drains the events every frame
        }
        apply_events(*input);
    };
    keystrokes(2000);
    const double warm = kiosk::test::resident_mb();
    keystrokes(10000);
    const double after = kiosk::test::resident_mb();
    MESSAGE("engine process resident " << warm << " MB after 2,000 keystrokes, " << after << " MB after 10,000 more");
#ifndef KIOSK_SANITIZED
    CHECK(after - warm < 1.5);
#endif
    CHECK(input->state() == PinyinInput::State::Ready);
}

TEST_CASE("new content ranks the candidates by its own vocabulary, and content without one leaves RIME's order") {
    TempDir dir;
    auto input = start(dir, dir.file("missing.db"));  // no vocabulary: RIME's order
    type(*input, "szjj");
    CHECK(position(view_of(*input).candidates, "数字") < 0);  // RIME puts it on a later page
    input->set_content(KIOSK_CONTENT_DB);
    CHECK(position(view_of(*input).candidates, "数字") >= 0);  // the factory content is full of it
}
