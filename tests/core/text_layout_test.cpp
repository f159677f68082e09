#include "core/text_layout.h"
#include "core/utf8.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>

using kiosk::core::LineSpan;

namespace {

// A deterministic stand-in for the UI font: widths add up, CJK is twice as wide as Latin.
float glyph_width(char32_t cp) {
    if (cp == ' ') return 4;
    if (cp < 0x80) return 8;
    if (cp >= 0x0300 && cp <= 0x036F) return 0;  // combining marks
    if (cp >= 0x0400 && cp <= 0x04FF) return 9;  // Cyrillic
    if (kiosk::core::utf8::is_cjk(cp)) return 16;
    return 10;
}

float fake_measure(std::string_view text) {
    float width = 0;
    for (size_t pos = 0; pos < text.size();) width += glyph_width(kiosk::core::utf8::decode(text, pos));
    return width;
}

const kiosk::core::MeasureFn kMeasure = fake_measure;

// Characters as a reader counts them: a combining mark belongs to the letter before it.
size_t characters(std::string_view text) {
    size_t count = 0;
    for (char32_t cp : kiosk::core::utf8::to_u32(text)) count += glyph_width(cp) > 0 ? 1 : 0;
    return count;
}

std::string line_text(std::string_view text, const LineSpan& line) {
    return std::string(text.substr(line.begin, line.end - line.begin));
}

bool only_whitespace(std::string_view text) {
    for (size_t pos = 0; pos < text.size();) {
        char32_t cp = kiosk::core::utf8::decode(text, pos);
        if (cp != ' ' && cp != '\n' && cp != '\r' && cp != '\t' && cp != 0x3000) return false;
    }
    return true;
}

// Invariants every layout must keep: spans are ordered and inside the text, nothing but
// whitespace is left out between them, widths are the measured widths and fit (unless a
// single character is wider than the line).
void check_layout(std::string_view text, const std::vector<LineSpan>& lines, float max_width) {
    size_t covered = 0;
    for (const LineSpan& line : lines) {
        REQUIRE(line.begin <= line.end);
        REQUIRE(line.end <= text.size());
        REQUIRE(line.begin >= covered);
        CHECK(only_whitespace(text.substr(covered, line.begin - covered)));
        std::string shown = line_text(text, line);
        CHECK(line.width == doctest::Approx(fake_measure(shown)));
        if (line.width > max_width) CHECK_MESSAGE(characters(shown) == 1, "line too wide: '" << shown << "'");
        covered = line.end;
    }
    CHECK(only_whitespace(text.substr(covered)));
}

std::vector<LineSpan> layout(std::string_view text, float max_width, const char* lang) {
    std::vector<LineSpan> lines = kiosk::core::break_lines(text, max_width, kMeasure, lang);
    check_layout(text, lines, max_width);
    return lines;
}

std::u32string first_and_last(std::string_view line) {
    std::u32string cps = kiosk::core::utf8::to_u32(line);
    if (cps.empty()) return U"";
    return std::u32string{cps.front(), cps.back()};
}

const std::u32string kClosingPunctuation = U"，。、；：！？）」』】》〉”";
const std::u32string kOpeningPunctuation = U"（「『【《〈“";

const char* kRussian =
    "Шанхайская организация сотрудничества — постоянно действующая международная организация, "
    "о создании которой было объявлено 15 июня 2001 года в Шанхае. Государства-члены развивают "
    "научно-техническое и цифровое сотрудничество, обмениваются опытом «электронного правительства».";

const char* kChinese = "上海合作组织（简称“上合组织”）是哈萨克斯坦共和国、中华人民共和国、吉尔吉斯共和国、俄罗斯联邦、"
                       "塔吉克斯坦共和国和乌兹别克斯坦共和国于2001年6月15日在中国上海宣布成立的永久性政府间国际组织。"
                       "成员国在数字经济、人工智能和信息安全领域开展合作：例如，举办论坛、交流经验！你知道吗？"
                       "他说：「我们一起努力。」《数字丝绸之路》【重要】";

}  // namespace

TEST_CASE("A Russian paragraph wraps only at spaces and hyphens and every line fits") {
    std::string text = kRussian;
    // From 140 px every word fits on a line (breaking inside over-long words is tested below).
    for (float max_width = 140; max_width <= 700; max_width += 37) {
        CAPTURE(max_width);
        std::vector<LineSpan> lines = layout(text, max_width, "ru");
        REQUIRE(lines.size() >= 2);
        for (size_t i = 0; i + 1 < lines.size(); ++i) {
            // The gap after a line is whitespace, or the line ends right after a hyphen or dash.
            std::string shown = line_text(text, lines[i]);
            bool at_space = lines[i].end < text.size() && text[lines[i].end] == ' ';
            bool after_hyphen = !shown.empty() && (shown.back() == '-' || shown.substr(shown.size() - 3) == "—");
            CHECK_MESSAGE((at_space || after_hyphen), "line broken inside a word: " << shown);
            // «электронного stays with its opening guillemet.
            CHECK(shown.substr(shown.size() >= 2 ? shown.size() - 2 : 0) != "«");
        }
    }
}

TEST_CASE("A Russian paragraph fills each line as far as the next word allows") {
    std::string text = kRussian;
    const float max_width = 300;
    std::vector<LineSpan> lines = layout(text, max_width, "ru");
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
        // The next line's first word, with a space, would not have fitted on this line.
        std::string next = line_text(text, lines[i + 1]);
        std::string first_word = next.substr(0, next.find_first_of(" -"));
        if (next.compare(first_word.size(), 1, "-") == 0) first_word += "-";
        float gap = text[lines[i].end] == ' ' ? glyph_width(' ') : 0;
        CHECK(lines[i].width + gap + fake_measure(first_word) > max_width);
    }
}

TEST_CASE("Hyphenated Russian words may break after the hyphen") {
    std::string text = "научно-техническое";
    std::vector<LineSpan> lines = layout(text, fake_measure("научно-техни"), "ru");
    REQUIRE(lines.size() == 2);
    CHECK(line_text(text, lines[0]) == "научно-");
    CHECK(line_text(text, lines[1]) == "техническое");
}

TEST_CASE("Chinese text breaks between ideographs and punctuation stays with its neighbour") {
    std::string text = kChinese;
    int lines_checked = 0;
    for (float max_width = 48; max_width <= 400; max_width += 8) {
        CAPTURE(max_width);
        std::vector<LineSpan> lines = layout(text, max_width, "zh");
        REQUIRE(lines.size() >= 2);
        for (size_t i = 0; i < lines.size(); ++i) {
            std::u32string ends = first_and_last(line_text(text, lines[i]));
            REQUIRE(ends.size() == 2);
            if (i > 0)
                CHECK_MESSAGE(kClosingPunctuation.find(ends[0]) == std::u32string::npos,
                              "line starts with closing punctuation: " << line_text(text, lines[i]));
            if (i + 1 < lines.size())
                CHECK_MESSAGE(kOpeningPunctuation.find(ends[1]) == std::u32string::npos,
                              "line ends with opening punctuation: " << line_text(text, lines[i]));
            ++lines_checked;
        }
        // Ideographs need no spaces: lines are filled to within two glyphs (a kept-together
        // punctuation pair or the number 2001) of the limit.
        for (size_t i = 0; i + 1 < lines.size(); ++i) CHECK(lines[i].width > max_width - 4 * 16 - 1);
    }
    CHECK(lines_checked > 200);
}

TEST_CASE("Chinese lines break between words, between ideographs only without the zh hint") {
    std::string text = "数字经济人工智能";
    // zh: 数字 经济 人工 智能 are words; three ideographs' width holds one of them per line.
    std::vector<LineSpan> lines = layout(text, 3 * 16, "zh");
    REQUIRE(lines.size() == 4);
    CHECK(line_text(text, lines[0]) == "数字");
    CHECK(line_text(text, lines[1]) == "经济");
    CHECK(line_text(text, lines[2]) == "人工");
    CHECK(line_text(text, lines[3]) == "智能");
    CHECK(lines[0].width == 32);
    // Four ideographs hold two words.
    lines = layout(text, 4 * 16, "zh");
    REQUIRE(lines.size() == 2);
    CHECK(line_text(text, lines[0]) == "数字经济");
    // Without the hint, UAX #14 alone: any two ideographs.
    lines = layout(text, 3 * 16, nullptr);
    REQUIRE(lines.size() == 3);
    CHECK(line_text(text, lines[0]) == "数字经");
    CHECK(line_text(text, lines[1]) == "济人工");
    CHECK(line_text(text, lines[2]) == "智能");
    CHECK(lines[0].width == 48);
}

TEST_CASE("A closing full-width comma pulls the ideograph before it to the next line") {
    // 3 ideographs fit; the 4th character is '，' which may not start a line.
    std::string text = "上海合，作组织";
    std::vector<LineSpan> lines = layout(text, 3 * 16, "zh");
    REQUIRE(lines.size() == 3);
    CHECK(line_text(text, lines[0]) == "上海");
    CHECK(line_text(text, lines[1]) == "合，作");
    CHECK(line_text(text, lines[2]) == "组织");
}

TEST_CASE("Mixed Chinese and Latin text keeps Latin words whole") {
    std::string text = "我们使用 Raspberry Pi 运行kiosk应用程序，支持中文和English界面。";
    auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    int breaks_next_to_latin = 0;
    for (float max_width = 80; max_width <= 300; max_width += 4) {
        CAPTURE(max_width);
        std::vector<LineSpan> lines = layout(text, max_width, "zh");
        for (size_t i = 1; i < lines.size(); ++i) {
            size_t at = lines[i].begin;
            CHECK_FALSE((is_letter(text[at - 1]) && is_letter(text[at])));
            if (is_letter(text[at]) || is_letter(text[lines[i - 1].end - 1])) ++breaks_next_to_latin;
        }
    }
    // Latin words do meet line edges, including directly next to ideographs (kiosk, English).
    CHECK(breaks_next_to_latin > 10);
}

TEST_CASE("A word wider than the line is broken between characters and nothing overflows") {
    std::string text = "Сверхдлинноесловобезпробелов и дальше";
    const float max_width = 6 * 9;  // six Cyrillic letters
    std::vector<LineSpan> lines = layout(text, max_width, "ru");
    REQUIRE(lines.size() == 6);
    CHECK(line_text(text, lines[0]) == "Сверхд");
    std::string joined;
    for (const LineSpan& line : lines) {
        CHECK(line.end > line.begin);
        CHECK(line.width <= max_width);
        joined += line_text(text, line);
    }
    CHECK(joined == "Сверхдлинноесловобезпробелов идальше");
    // The rest of the long word shares its line with the following short word when it fits.
    CHECK(line_text(text, lines[lines.size() - 2]) == "елов и");
    CHECK(line_text(text, lines.back()) == "дальше");
}

TEST_CASE("A long word keeps combining marks with their base letter") {
    std::string letter = "и\xCC\x86";  // и + combining breve = й
    std::string text;
    for (int i = 0; i < 10; ++i) text += letter;
    std::vector<LineSpan> lines = layout(text, 20, "ru");
    REQUIRE(lines.size() == 5);
    for (const LineSpan& line : lines) CHECK(line_text(text, line) == letter + letter);
}

TEST_CASE("Empty text has no lines") { CHECK(kiosk::core::break_lines("", 100, kMeasure, "en").empty()); }

TEST_CASE("Newlines end lines, blank lines stay, a final newline adds no empty line") {
    std::string text = "first line\n\nthird\r\nfourth\n";
    std::vector<LineSpan> lines = layout(text, 1000, "en");
    REQUIRE(lines.size() == 4);
    CHECK(line_text(text, lines[0]) == "first line");
    CHECK(line_text(text, lines[1]) == "");
    CHECK(lines[1].width == 0);
    CHECK(line_text(text, lines[2]) == "third");
    CHECK(line_text(text, lines[3]) == "fourth");

    CHECK(layout("\n", 100, "en").size() == 1);
    CHECK(layout("a\n\n", 100, "en").size() == 2);
}

TEST_CASE("Leading indentation is kept at the start of a paragraph but not after a wrap") {
    std::string text = "    one two   three go";
    std::vector<LineSpan> lines = layout(text, fake_measure("    one two"), "en");
    REQUIRE(lines.size() == 2);
    CHECK(line_text(text, lines[0]) == "    one two");
    CHECK(line_text(text, lines[1]) == "three go");
}

TEST_CASE("Spaces never make a line too wide: they hang past its end") {
    std::string text = "abc          def";
    std::vector<LineSpan> lines = layout(text, fake_measure("abc "), "en");
    REQUIRE(lines.size() == 2);
    CHECK(line_text(text, lines[0]) == "abc");
    CHECK(lines[0].width == fake_measure("abc"));
    CHECK(line_text(text, lines[1]) == "def");
}

TEST_CASE("A line narrower than one glyph still takes one character per line") {
    std::string text = "ab 中文";
    std::vector<LineSpan> lines = layout(text, 1, "zh");
    REQUIRE(lines.size() == 4);
    CHECK(line_text(text, lines[0]) == "a");
    CHECK(line_text(text, lines[1]) == "b");
    CHECK(line_text(text, lines[2]) == "中");
    CHECK(line_text(text, lines[3]) == "文");
    CHECK(layout(text, 0, "zh").size() == 4);
    CHECK(layout(text, -5, "zh").size() == 4);
}

TEST_CASE("Unlimited width keeps each paragraph on one line and NaN width does not hang") {
    std::string text = kRussian;
    CHECK(layout(text, std::numeric_limits<float>::infinity(), "ru").size() == 1);
    std::vector<LineSpan> lines = kiosk::core::break_lines(text, std::nanf(""), kMeasure, "ru");
    CHECK(!lines.empty());
    CHECK(lines.size() <= kiosk::core::utf8::length(text));
}

TEST_CASE("Invalid UTF-8 is laid out without crashing and spans stay on byte boundaries") {
    std::string text = "abc\xFF\xFE def \xE4\xB8 \xE4\xB8\xAD\xE6 end\xC3";
    for (float max_width : {1.0f, 20.0f, 40.0f, 1000.0f}) {
        std::vector<LineSpan> lines = layout(text, max_width, "en");
        CHECK(!lines.empty());
        for (const LineSpan& line : lines) {
            // A span never cuts the valid sequence 中 (E4 B8 AD) in the middle.
            size_t ideograph = text.find("\xE4\xB8\xAD");
            CHECK_FALSE((line.begin > ideograph && line.begin < ideograph + 3));
            CHECK_FALSE((line.end > ideograph && line.end < ideograph + 3));
        }
    }
    CHECK(layout("\xC3", 100, "en").size() == 1);
    CHECK(layout("\xF0\x9F\x98", 100, "zh").size() == 1);
}

TEST_CASE("Re-joining every line reproduces the text except the whitespace at breaks") {
    std::string text = std::string(kRussian) + "\n" + kChinese + "\nShort English line.\n\n  indented";
    std::vector<LineSpan> lines = layout(text, 150, "ru");
    std::string rebuilt;
    size_t covered = 0;
    for (const LineSpan& line : lines) {
        rebuilt += text.substr(covered, line.begin - covered);  // whitespace, checked by layout()
        rebuilt += line_text(text, line);
        covered = line.end;
    }
    rebuilt += text.substr(covered);
    CHECK(rebuilt == text);
}

TEST_CASE("Each byte of a long document is measured about once, so layout is linear") {
    std::string document;
    while (document.size() < 10000) document += std::string(kRussian) + " " + kChinese + "\n";
    size_t bytes_measured = 0;
    size_t calls = 0;
    kiosk::core::MeasureFn counting = [&](std::string_view text) {
        bytes_measured += text.size();
        ++calls;
        return fake_measure(text);
    };
    std::vector<LineSpan> lines = kiosk::core::break_lines(document, 400, counting, "zh");
    check_layout(document, lines, 400);
    CHECK(lines.size() > 100);
    CHECK(bytes_measured <= document.size());
    CHECK(calls <= kiosk::core::utf8::length(document));
}

TEST_CASE("Arbitrary bytes at arbitrary widths keep every layout invariant") {
    // Fixed-seed pseudo-random texts mixing ASCII, spaces, newlines, Cyrillic, CJK and broken bytes.
    const char* pieces[] = {
        "a",  "Z",  " ",        "  ",   "\n",       "\r\n", "-",    "ж",  "中",           "，",
        "「", "」", "\xCC\x86", "\xFF", "\xE4\xB8", "\xC3", "\x80", "\t", "\xE3\x80\x80", "\xF0\x9F\x98\x80"};
    const int piece_count = sizeof(pieces) / sizeof(pieces[0]);
    unsigned state = 12345;
    auto next = [&state] {
        state = state * 1103515245u + 12345u;
        return (state >> 16) & 0x7FFF;
    };
    for (int round = 0; round < 300; ++round) {
        std::string text;
        int length = next() % 80;
        for (int i = 0; i < length; ++i) text += pieces[next() % piece_count];
        float max_width = static_cast<float>(next() % 120);
        CAPTURE(round);
        layout(text, max_width, round % 2 ? "zh" : "ru");
    }
}

TEST_CASE("a line that its own shaping makes wider than the box is broken earlier") {
    // Segments measure as the fake font says; a whole line, shaped on its own, is 6 px wider
    // for every space in it (as if kerning across the spaces pushed the words apart).
    const kiosk::core::MeasureFn line_width = [](std::string_view text) {
        float width = fake_measure(text);
        for (char c : text) width += c == ' ' ? 6.0f : 0.0f;
        return width;
    };
    const std::string text = "aaaa bbbb cccc dddd eeee ffff gggg hhhh";
    const float max_width = 108;  // three words fit by their segments (104), not shaped (116)
    const auto plain = kiosk::core::break_lines(text, max_width, kMeasure, "en");
    bool plain_overflows = false;
    for (const LineSpan& line : plain) plain_overflows |= line_width(line_text(text, line)) > max_width;
    CHECK(plain_overflows);  // without the check the lines would overflow

    const auto fitted = kiosk::core::break_lines(text, max_width, kMeasure, "en", &line_width);
    std::string joined;
    for (const LineSpan& line : fitted) {
        CAPTURE(line_text(text, line));
        CHECK(line_width(line_text(text, line)) <= max_width);
        CHECK(line.width == line_width(line_text(text, line)));
        joined += (joined.empty() ? "" : " ") + line_text(text, line);
    }
    CHECK(joined == text);  // no word lost or repeated
    CHECK(fitted.size() > plain.size());
    // One word wider than the box still gets a line of its own, never an endless split.
    const auto word = kiosk::core::break_lines("abcdefghijklmnopqrstuvwxyz", 50, kMeasure, "en", &line_width);
    CHECK(!word.empty());
}

namespace {

// Chinese sentences of the kiosk's content holding the words visitors saw split (声/明, 领/域, 俄/罗斯).
const char* kChineseSentences[] = {
    ("2018年6月10日在中华人民共和国青岛举行的上海合作组织（以下简称“上合组织”）成员国元首理事会会议成果强调，"
     "在信息通信技术领域，包括在数字经济领域，发展和深化互利合作，交流知识、信息和最佳实践，以促进上合组织成员国"
     "经济和社会发展，具有重要意义。"),
    ("上海合作组织成员国元首理事会关于数字经济领域合作的声明。哈萨克斯坦共和国、中华人民共和国、吉尔吉斯共和国、"
     "俄罗斯联邦、塔吉克斯坦共和国和乌兹别克斯坦共和国发表如下声明。"),
    "俄罗斯联邦和中华人民共和国的代表在会议期间发表声明，支持在人工智能领域开展合作。"};
const char* kSplitWords[] = {"声明", "领域", "俄罗斯"};

// How many lines end inside one of kSplitWords.
int words_split(std::string_view text, const std::vector<LineSpan>& lines) {
    int split = 0;
    for (const char* word : kSplitWords) {
        for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
            for (const LineSpan& line : lines) split += line.end > at && line.end < at + std::strlen(word) ? 1 : 0;
        }
    }
    return split;
}

int last_line_characters(std::string_view text, const std::vector<LineSpan>& lines) {
    int count = 0;
    for (char32_t cp : kiosk::core::utf8::to_u32(line_text(text, lines.back())))
        count += kiosk::core::utf8::is_cjk(cp) && cp != U'，' && cp != U'。' && cp != U'、' ? 1 : 0;
    return count;
}

}  // namespace

TEST_CASE("Chinese words of the content are never split where UAX 14 alone split them") {
    int old_splits = 0;
    for (const char* sentence : kChineseSentences) {
        for (float width = 80; width <= 800; width += 8) {
            CAPTURE(sentence);
            CAPTURE(width);
            old_splits += words_split(sentence, kiosk::core::break_lines(sentence, width, kMeasure, nullptr));
            const std::vector<LineSpan> lines = layout(sentence, width, "zh");
            CHECK(words_split(sentence, lines) == 0);
        }
    }
    CHECK(old_splits > 10);  // the widths tried are ones where the plain breaker did split them
}

TEST_CASE("A Chinese word longer than the line is split at UAX 14 opportunities, never before a comma") {
    // 16 px per ideograph: 俄罗斯联邦 is one or two words, wider than a 40 px line either way.
    const std::string text = "俄罗斯联邦，中华人民共和国。";
    const std::vector<LineSpan> lines = layout(text, 40, "zh");
    REQUIRE(lines.size() > 3);
    for (const LineSpan& line : lines) {
        CAPTURE(line_text(text, line));
        CHECK(line.width <= 40);
        CHECK(first_and_last(line_text(text, line))[0] != U'，');
        CHECK(first_and_last(line_text(text, line))[0] != U'。');
    }
}

TEST_CASE("No single Chinese character is left alone on the last line of a paragraph") {
    int old_orphans = 0;
    for (const char* sentence : kChineseSentences) {
        const std::string paragraphs = std::string(sentence) + "\n" + sentence;
        for (float width = 96; width <= 800; width += 4) {
            CAPTURE(sentence);
            CAPTURE(width);
            const auto old_lines = kiosk::core::break_lines(sentence, width, kMeasure, nullptr);
            old_orphans += old_lines.size() > 1 && last_line_characters(sentence, old_lines) == 1 ? 1 : 0;
            const std::vector<LineSpan> lines = layout(sentence, width, "zh");
            if (lines.size() > 1) CHECK(last_line_characters(sentence, lines) >= 2);
            // Within a text, every paragraph's last line is kept together the same way.
            const std::vector<LineSpan> both = layout(paragraphs, width, "zh");
            REQUIRE(both.size() == 2 * lines.size());
            for (size_t i = 0; i < lines.size(); ++i) {
                CHECK(both[i].end - both[i].begin == lines[i].end - lines[i].begin);
                CHECK(both[lines.size() + i].end - both[lines.size() + i].begin == lines[i].end - lines[i].begin);
            }
        }
    }
    CHECK(old_orphans > 0);  // without the rule some of these widths did leave one character alone
}
