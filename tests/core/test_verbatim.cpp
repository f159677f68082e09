// Proves that the kiosk shows the official texts verbatim: every line of every
// original in tests/data/seeds/ is in the built content database, in order, and
// the database adds no words of its own. The mutation tests below show that the
// check catches a single dropped or altered word, a changed dash or a dropped hyphen, so it
// cannot pass vacuously.
#include "core/content_store.h"
#include "core/file_io.h"
#include "core/utf8.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using namespace kiosk;
using namespace kiosk::core;

namespace {

const std::string kSeedDir = std::string(KIOSK_TEST_DATA_DIR) + "/seeds";

bool is_layout_space(char32_t cp) {
    return cp <= 0x20 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x3000 || cp == 0xFEFF;
}

// The hyphen and the dashes (hyphen-minus, soft hyphen, U+2010-U+2015 and the minus sign).
// They are compared exactly; only a bullet at the start of a line and a hyphen at the end
// of one are layout (see original_lines).
bool is_dash(char32_t cp) { return cp == '-' || cp == 0xAD || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212; }

// What a list item starts with on the database side, standing for the original's dash bullet:
// the content format replaces the bullet with `* `, so a bullet must meet a list item.
constexpr char32_t kBulletMark = 0x2022;  // •

// Removes what the content format allows to differ from the original: whitespace and
// line breaks, soft hyphens and `**` bold markers; maps full-width commas to ','.
// Hyphens and dashes stay: «–» for «-», or «государствачлены», is a different text.
std::string normalize_for_comparison(std::string_view text) {
    std::string out;
    for (size_t pos = 0; pos < text.size();) {
        if (text.substr(pos, 2) == "**") {
            pos += 2;
            continue;
        }
        char32_t cp = utf8::decode(text, pos);
        if (is_layout_space(cp) || cp == 0xAD) continue;
        utf8::append(out, cp == 0xFF0C ? U',' : cp);
    }
    return out;
}

struct OriginalLine {
    int line = 0;      // 1-based line in the seed file
    std::string text;  // as printed, for messages
    std::string normalized;
    bool ends_with_hyphen = false;  // the hyphen was cut off `normalized`; the database may keep or join it
};

// `line` without a leading dash bullet ("- item", "– item"); empty when it has none.
std::string_view without_bullet(std::string_view line) {
    size_t pos = 0;
    if (line.empty() || !is_dash(utf8::decode(line, pos)) || pos >= line.size()) return {};
    size_t after = pos;
    return is_layout_space(utf8::decode(line, after)) ? line.substr(pos) : std::string_view{};
}

// Every line of the original that carries text. Lines, not blank-separated paragraphs,
// are the unit: some originals run paragraphs and list items together without blank
// lines, and a line pinpoints what is missing. A dash bullet becomes kBulletMark; a
// hyphen that ends a line (a word or compound split by the page) is set aside, since the
// only thing the content format lets differ at a dash is such a hyphen being joined.
std::vector<OriginalLine> original_lines(std::string_view original) {
    std::vector<OriginalLine> lines;
    int line_no = 0;
    for (size_t pos = 0; pos <= original.size();) {
        size_t end = original.find('\n', pos);
        if (end == std::string_view::npos) end = original.size();
        std::string_view trimmed = utf8::trim(original.substr(pos, end - pos));
        ++line_no;
        pos = end + 1;
        OriginalLine line{line_no, std::string(trimmed), {}, false};
        std::string_view rest = trimmed.substr(0, 2) == "**" ? trimmed.substr(2) : trimmed;
        if (std::string_view item = without_bullet(rest); !item.empty()) {
            utf8::append(line.normalized, kBulletMark);
            line.normalized += normalize_for_comparison(item);
        } else {
            line.normalized = normalize_for_comparison(trimmed);
        }
        if (!line.normalized.empty() && line.normalized.back() == '-') {
            line.normalized.pop_back();
            line.ends_with_hyphen = true;
        }
        if (!line.normalized.empty() || line.ends_with_hyphen) lines.push_back(std::move(line));
    }
    return lines;
}

// The document as a reader sees it: each section heading, then its blocks.
std::string document_text(const Document& doc) {
    std::string text;
    for (size_t s = 0; s < doc.sections.size(); ++s) {
        size_t end = s + 1 < doc.sections.size() ? static_cast<size_t>(doc.sections[s + 1].first_block) : doc.blocks.size();
        text += doc.sections[s].heading + "\n";
        for (size_t b = static_cast<size_t>(doc.sections[s].first_block); b < end && b < doc.blocks.size(); ++b) {
            if (doc.blocks[b].kind == BlockKind::ListItem) utf8::append(text, kBulletMark);
            text += doc.blocks[b].text + "\n";
        }
    }
    return text;
}

// What differs between `original` (a seed file) and `database_text`; empty when the
// database holds the original verbatim. Each problem names the seed file and line.
std::vector<std::string> verbatim_problems(const std::string& seed_name, std::string_view original,
                                           std::string_view database_text) {
    std::vector<std::string> problems;
    std::string database = normalize_for_comparison(database_text);
    size_t cursor = 0;
    bool after_missing = false;  // the text of a missing line is not a second problem
    for (const OriginalLine& line : original_lines(original)) {
        size_t found = database.find(line.normalized, cursor);
        if (found == std::string::npos) {
            bool elsewhere = database.find(line.normalized) != std::string::npos;
            problems.push_back(seed_name + ":" + std::to_string(line.line) +
                               (elsewhere ? ": out of order in the database: " : ": missing from the database: ") +
                               line.text);
            after_missing = true;
            continue;
        }
        if (found != cursor && !after_missing)
            problems.push_back(seed_name + ":" + std::to_string(line.line) +
                               ": the database has text that is not in the original before: " + line.text);
        cursor = found + line.normalized.size();
        if (line.ends_with_hyphen && cursor < database.size() && database[cursor] == '-') ++cursor;  // kept, not joined
        after_missing = false;
    }
    if (cursor < database.size())
        problems.push_back(seed_name +
                           ": the database has text after the end of the original: " + database.substr(cursor, 120));
    return problems;
}

std::string read_seed(const std::string& name) {
    std::string text;
    REQUIRE(fs::read_file(kSeedDir + "/" + name, &text));
    return text;
}

const Document* document_for_seed(const ContentStore& store, const std::string& seed_name) {
    const Document* match = nullptr;
    for (const Document& doc : store.documents()) {
        if (doc.info.source != seed_name) continue;
        INFO("two documents name " << seed_name << " as their source");
        CHECK(match == nullptr);
        match = &doc;
    }
    return match;
}

// Replaces the first occurrence of `from` in `text` with `to`.
std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    size_t pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    return text.replace(pos, from.size(), to);
}

// The words of `text` with their byte offsets, split at ASCII spaces and newlines.
std::vector<std::pair<size_t, size_t>> word_spans(const std::string& text) {
    std::vector<std::pair<size_t, size_t>> spans;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t start = text.find_first_not_of(" \n", pos);
        if (start == std::string::npos) break;
        size_t end = text.find_first_of(" \n", start);
        if (end == std::string::npos) end = text.size();
        spans.push_back({start, end - start});
        pos = end;
    }
    return spans;
}

// `word` with its first character replaced by a different letter.
std::string altered_word(const std::string& word) {
    size_t pos = 0;
    char32_t first = utf8::decode(word, pos);
    std::string out;
    utf8::append(out, first == U'о' ? U'а' : U'о');
    return out + word.substr(pos);
}

// A seed, its original text and its document's text from the content database,
// already checked to match: mutation tests start from a passing baseline.
struct SeedAndText {
    std::string name, original, text;
};

SeedAndText checked_seed_and_text(const std::string& seed) {
    auto store = test::open_factory_content();
    const Document* doc = document_for_seed(*store, seed);
    REQUIRE(doc != nullptr);
    SeedAndText out{seed, read_seed(seed), document_text(*doc)};
    REQUIRE(verbatim_problems(seed, out.original, out.text).empty());
    return out;
}

}  // namespace

TEST_CASE("every paragraph of every official original is in the content database verbatim and in order") {
    std::vector<std::string> seeds = fs::list_files(kSeedDir, ".txt");
    REQUIRE(seeds.size() == 5);
    auto store = test::open_factory_content();
    for (const std::string& seed : seeds) {
        CAPTURE(seed);
        const Document* doc = document_for_seed(*store, seed);
        INFO("no document in the content database has 'source: " << seed << "'");
        REQUIRE(doc != nullptr);
        std::vector<std::string> problems = verbatim_problems(seed, read_seed(seed), document_text(*doc));
        for (const std::string& problem : problems) FAIL_CHECK(problem);
        CHECK(problems.empty());
    }
}

TEST_CASE("every document in the content database names an original it was taken from") {
    auto store = test::open_factory_content();
    REQUIRE(!store->documents().empty());
    for (const Document& doc : store->documents()) {
        CAPTURE(doc.info.id);
        CHECK(!doc.info.source.empty());
        CHECK(fs::exists(kSeedDir + "/" + doc.info.source));
    }
}

TEST_CASE("the verbatim check accepts an original against its own lines joined into paragraphs") {
    std::string original =
        "ЗАЯВЛЕНИЕ  \n\n Государства-\n\nчлены **ШОС** заявляют ， что\n \n- первое;\n– второе –\nтретье\n";
    std::string database = "ЗАЯВЛЕНИЕ\nГосударства-члены ШОС заявляют, что\n\u2022первое;\n\u2022второе – третье\n";
    CHECK(verbatim_problems("seed.txt", original, database).empty());
}

TEST_CASE("the verbatim check lets a hyphen at the end of a line of the original be joined, and no other") {
    const std::string original = "информацион-\nные технологии государств-членов\n";
    SUBCASE("joined across the line break") {
        CHECK(verbatim_problems("seed.txt", original, "информационные технологии государств-членов\n").empty());
    }
    SUBCASE("kept") {
        CHECK(verbatim_problems("seed.txt", original, "информацион-ные технологии государств-членов\n").empty());
    }
    SUBCASE("dropped inside a line") {
        CHECK(!verbatim_problems("seed.txt", original, "информационные технологии государствчленов\n").empty());
    }
    SUBCASE("a dash bullet is only a list item's marker") {
        CHECK(!verbatim_problems("seed.txt", "- первое;\n", "первое;\n").empty());
        CHECK(!verbatim_problems("seed.txt", "первое;\n", "\u2022первое;\n").empty());
    }
}

TEST_CASE("the verbatim check fails when any single word of an official text is dropped or altered") {
    const SeedAndText seed = checked_seed_and_text("001_eac048c700e635ab.txt");
    // Every word in turn: the check has no blind spot anywhere in the document.
    std::vector<std::pair<size_t, size_t>> words = word_spans(seed.text);
    REQUIRE(words.size() > 200);
    int undetected = 0;
    for (const auto& [start, length] : words) {
        std::string word = seed.text.substr(start, length);
        if (normalize_for_comparison(word).empty()) continue;  // a bold marker alone is layout
        std::string dropped = seed.text;
        dropped.erase(start, length);
        std::string altered = seed.text;
        altered.replace(start, length, altered_word(word));
        for (const std::string& mutated : {dropped, altered}) {
            if (!verbatim_problems(seed.name, seed.original, mutated).empty()) continue;
            ++undetected;
            FAIL_CHECK("changing '" << word << "' went unnoticed");
        }
    }
    CHECK(undetected == 0);
}

TEST_CASE("the verbatim check names the line of the original whose word was dropped") {
    const SeedAndText seed = checked_seed_and_text("000_e8d72185721640d9.txt");
    std::string mutated = replace_once(seed.text, "мультипликатором силы", "силы");
    std::vector<std::string> problems = verbatim_problems(seed.name, seed.original, mutated);
    REQUIRE(!problems.empty());
    CHECK(problems[0].find(seed.name + ":37: missing from the database: мультипликатором силы") == 0);
}

TEST_CASE("the verbatim check fails when a single word is altered, a paragraph dropped or paragraphs reordered") {
    const SeedAndText checked = checked_seed_and_text("003_bd0f0e8d299b9c42.txt");
    const std::string& seed = checked.name;
    const std::string& original = checked.original;
    const std::string& text = checked.text;

    SUBCASE("one letter of one word") {
        CHECK(!verbatim_problems(seed, original, replace_once(text, "робототехника", "робототехнико")).empty());
    }
    SUBCASE("a number") {
        CHECK(!verbatim_problems(seed, original, replace_once(text, "10 июня 2018 года", "11 июня 2018 года")).empty());
    }
    SUBCASE("a list item") {
        CHECK(!verbatim_problems(seed, original, replace_once(text, "умный город;\n", "")).empty());
    }
    SUBCASE("a signature line") {
        CHECK(!verbatim_problems(seed, original, replace_once(text, "Президент Кыргызской Республики\n", "")).empty());
    }
    SUBCASE("two list items swapped") {
        std::string swapped = replace_once(text, "интернет вещей;\n\u2022технологии обработки больших данных;",
                                           "технологии обработки больших данных;\n\u2022интернет вещей;");
        std::vector<std::string> problems = verbatim_problems(seed, original, swapped);
        bool reported_order = false;
        for (const std::string& problem : problems)
            reported_order = reported_order || problem.find("out of order") != std::string::npos;
        CHECK(reported_order);
    }
    SUBCASE("a word added") {
        CHECK(!verbatim_problems(seed, original, replace_once(text, "умный город;", "умный безопасный город;")).empty());
    }
}

TEST_CASE("the verbatim check fails when a dash is changed or a hyphen dropped") {
    SUBCASE("an en dash becomes a hyphen or an em dash") {
        const SeedAndText seed = checked_seed_and_text("001_eac048c700e635ab.txt");
        for (const char* dash : {"-", "\u2014"}) {
            CAPTURE(dash);
            std::string mutated =
                replace_once(seed.text, "государств \u2013 членов", std::string("государств ") + dash + " членов");
            CHECK(!verbatim_problems(seed.name, seed.original, mutated).empty());
        }
    }
    SUBCASE("an em dash becomes an en dash") {
        const SeedAndText seed = checked_seed_and_text("001_eac048c700e635ab.txt");
        std::string mutated = replace_once(seed.text, "(далее \u2014 ШОС)", "(далее \u2013 ШОС)");
        CHECK(!verbatim_problems(seed.name, seed.original, mutated).empty());
    }
    SUBCASE("the hyphen of «государства-члены» is dropped") {
        const SeedAndText seed = checked_seed_and_text("003_bd0f0e8d299b9c42.txt");
        std::string mutated = replace_once(seed.text, "Государства-члены ШОС будут", "Государствачлены ШОС будут");
        std::vector<std::string> problems = verbatim_problems(seed.name, seed.original, mutated);
        REQUIRE(!problems.empty());
        CHECK(problems[0].find("Государства-члены ШОС будут руководствоваться") != std::string::npos);
    }
}
