// The lesson source parser: the valid fixture, and every rule of docs/content-format.md
// broken one at a time, each reported with file, line and field.
#include "core/lesson_source.h"
#include "lesson_test_support.h"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::core;
using namespace kiosk::test;

namespace {

const std::string kFile = "db/lessons/sample.txt";

Diagnostics parse_failing(const std::string& text) {
    Lesson lesson;
    Diagnostics diagnostics;
    CHECK_FALSE(parse_lesson_source(text, kFile, &lesson, &diagnostics));
    for (const Diagnostic& d : diagnostics) CHECK(d.file == kFile);
    return diagnostics;
}

// The text of question `n` (1-based) of the fixture: from its [question] line to the next.
std::string question_block(const std::string& text, int n) {
    size_t start = std::string::npos;
    for (int i = 0; i < n; ++i) start = text.find("[question]", start == std::string::npos ? 0 : start + 1);
    size_t end = text.find("[question]", start + 1);
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string extra_slide(int n) {
    std::string slide = "[slide]\nillustration: checklist\n";
    for (const char* lang : {"ru", "en", "zh"})
        slide += std::string("title.") + lang + ": Extra " + std::to_string(n) + "\n";
    for (const char* lang : {"ru", "en", "zh"}) slide += std::string("text.") + lang + ": Extra text.\n";
    return slide + "\n";
}

}  // namespace

TEST_CASE("the valid fixture lesson parses into slides, links and a quiz in three languages") {
    Lesson lesson;
    Diagnostics diagnostics;
    LessonSourceLines lines;
    std::string text = sample_lesson_text();
    REQUIRE_MESSAGE(parse_lesson_source(text, kFile, &lesson, &diagnostics, &lines), describe(diagnostics));
    CHECK(lesson.id == "sample-lesson");
    CHECK(lesson.order == 1);
    CHECK(lesson.icon == Illustration::LockPassword);
    CHECK(lesson.title[Lang::Zh] == "示例课程");
    CHECK(lesson.summary[Lang::En] == "A lesson for the tests.");
    CHECK(lines.id == line_of(text, "id: sample-lesson"));
    CHECK(lines.order == line_of(text, "order: 1"));

    REQUIRE(lesson.slides.size() == 5);
    CHECK(lesson.slides[0].illustration == Illustration::ShieldPrivacy);
    CHECK(lesson.slides[2].title[Lang::Ru] == "Слайд 3");
    CHECK(lesson.slides[4].text[Lang::Zh] == "幻灯片 5 text (zh).");
    REQUIRE(lesson.slides[1].links.size() == 1);
    CHECK(lesson.slides[1].links[0].document_id == "mini-statement");
    CHECK(lesson.slides[1].links[0].block_id == 2);
    CHECK(lesson.slides[1].links[0].source_line == line_of(text, "link: mini-statement#2"));

    REQUIRE(lesson.questions.size() == 4);
    const int expected_correct[] = {1, 2, 0, 1};
    for (size_t i = 0; i < 4; ++i) {
        CHECK(lesson.questions[i].options.size() == 3);
        CHECK(lesson.questions[i].correct_option == expected_correct[i]);
    }
    CHECK(lesson.questions[3].options[2][Lang::En] == "C4 (en)");
    CHECK(lesson.questions[0].explanation[Lang::Ru] == "Вопрос 1 explained (ru).");
}

TEST_CASE("a slide missing one language is reported at the slide's line, naming the key") {
    std::string text = replaced(sample_lesson_text(), "text.zh: 幻灯片 3 text (zh).\n", "");
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "[slide]", 3), "text.zh", "missing"), describe(d));
}

TEST_CASE("a lesson title missing a language is reported where the header ends") {
    std::string text = replaced(sample_lesson_text(), "title.en: Sample lesson\n", "");
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "[slide]"), "title.en", "missing in the lesson header"), describe(d));
}

TEST_CASE("an option missing a language is reported at its question's line") {
    std::string text = replaced(sample_lesson_text(), "b.en: B2 (en)\n", "");
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "[question]", 2), "b.en", "missing"), describe(d));
}

TEST_CASE("a question with a single option is rejected") {
    std::string text = sample_lesson_text();
    std::string first = question_block(text, 1);
    std::string single = first;
    for (const char* line : {"b.ru: B1 (ru)\n", "b.en: B1 (en)\n", "b.zh: B1 (zh)\n", "c.ru: C1 (ru)\n",
                             "c.en: C1 (en)\n", "c.zh: C1 (zh)\n"})
        single = replaced(single, line, "");
    single = replaced(single, "correct: b", "correct: a");
    text = replaced(text, first, single);
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "[question]"), "", "at least 2 options"), describe(d));
}

TEST_CASE("a sixth option is rejected on its own line") {
    std::string text = replaced(sample_lesson_text(), "correct: b\n", "correct: b\nf.ru: F1\n");
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "f.ru: F1"), "f.ru", "at most 5 options"), describe(d));
}

TEST_CASE("two options marked correct are rejected at the correct line") {
    std::string text = replaced(sample_lesson_text(), "correct: c\n", "correct: a, c\n");
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "correct: a, c"), "correct", "exactly one option must be correct; found 2"),
                  describe(d));
}

TEST_CASE("a question with no correct option is rejected at its line") {
    std::string text = replaced(sample_lesson_text(), "correct: a\n", "");
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "[question]", 3), "correct", "missing"), describe(d));
}

TEST_CASE("a correct letter that names no option is rejected") {
    std::string text = replaced(sample_lesson_text(), "correct: c\n", "correct: d\n");
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "correct: d"), "correct", "not one of this question's options"),
                  describe(d));
}

TEST_CASE("options lettered with a gap are rejected") {
    std::string text = sample_lesson_text();
    std::string first = question_block(text, 1);
    std::string gapped = first;
    for (const char* lang : {"ru", "en", "zh"})
        gapped = replaced(gapped, std::string("c.") + lang + ": C1", std::string("d.") + lang + ": C1");
    text = replaced(text, first, gapped);
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "[question]"), "d", "follows a missing option c"), describe(d));
}

TEST_CASE("an empty slide is rejected at its line") {
    std::string text = replaced(sample_lesson_text(), "[question]", "[slide]\n\n[question]");
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "[slide]", 6), "", "empty slide"), describe(d));
}

TEST_CASE("a line that is not key: value is reported as malformed") {
    std::string text = replaced(sample_lesson_text(), "illustration: checklist\n", "illustration: checklist\njust words\n");
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "just words"), "", "malformed line"), describe(d));
}

TEST_CASE("unknown keys, unknown languages and unknown sections are each reported") {
    SUBCASE("unknown key in a slide") {
        std::string text =
            replaced(sample_lesson_text(), "illustration: checklist\n", "illustration: checklist\ncolour: red\n");
        Diagnostics d = parse_failing(text);
        CHECK_MESSAGE(has_diagnostic(d, line_of(text, "colour: red"), "colour", "unknown key in a slide"), describe(d));
    }
    SUBCASE("header key inside a slide") {
        std::string text =
            replaced(sample_lesson_text(), "illustration: checklist\n", "illustration: checklist\norder: 3\n");
        Diagnostics d = parse_failing(text);
        CHECK_MESSAGE(has_diagnostic(d, line_of(text, "order: 3"), "order", "unknown key in a slide"), describe(d));
    }
    SUBCASE("unknown language") {
        std::string text =
            replaced(sample_lesson_text(), "title.zh: 示例课程\n", "title.zh: 示例课程\ntitle.de: Beispiel\n");
        Diagnostics d = parse_failing(text);
        CHECK_MESSAGE(has_diagnostic(d, line_of(text, "title.de"), "title.de", "unknown language 'de'"), describe(d));
    }
    SUBCASE("unknown section") {
        std::string text = replaced(sample_lesson_text(), "[question]", "[quiz]\nkind: multiple\n[question]");
        Diagnostics d = parse_failing(text);
        CHECK_MESSAGE(has_diagnostic(d, line_of(text, "[quiz]"), "", "unknown section '[quiz]'"), describe(d));
        CHECK(d.size() == 1);
    }
}

TEST_CASE("a key given twice and an empty value are reported on their lines") {
    SUBCASE("twice") {
        std::string text = replaced(sample_lesson_text(), "text.ru: Слайд 1 text (ru).\n",
                                    "text.ru: Слайд 1 text (ru).\ntext.ru: again\n");
        Diagnostics d = parse_failing(text);
        CHECK_MESSAGE(has_diagnostic(d, line_of(text, "text.ru: again"), "text.ru",
                                     "first on line " + std::to_string(line_of(text, "text.ru: Слайд 1"))),
                      describe(d));
    }
    SUBCASE("empty") {
        std::string text = replaced(sample_lesson_text(), "title.ru: Слайд 2\n", "title.ru:   \n");
        Diagnostics d = parse_failing(text);
        CHECK_MESSAGE(has_diagnostic(d, line_of(text, "title.ru:   "), "title.ru", "empty value"), describe(d));
    }
}

TEST_CASE("fewer than five slides is reported where the quiz starts") {
    std::string text = sample_lesson_text();
    size_t fifth = text.find("[slide]", text.find("title.en: Slide 4"));
    size_t quiz = text.find("[question]");
    text.erase(fifth, quiz - fifth);
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "[question]"), "", "at least 5 slides before its quiz; found 4"),
                  describe(d));
}

TEST_CASE("an eleventh slide is reported on its own line") {
    std::string slides;
    for (int i = 0; i < 6; ++i) slides += extra_slide(i);
    std::string text = replaced(sample_lesson_text(), "[question]", slides + "[question]");
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "[slide]", 11), "", "at most 10 slides"), describe(d));
}

TEST_CASE("fewer than four questions is reported at the end of the file") {
    std::string text = sample_lesson_text();
    text = replaced(text, question_block(text, 4), "");
    Diagnostics d = parse_failing(text);
    int last_line = line_of(text, "explanation.zh: 问题 3 explained (zh).");
    CHECK_MESSAGE(has_diagnostic(d, last_line, "", "at least 4 questions; found 3"), describe(d));
}

TEST_CASE("a ninth question is reported on its own line") {
    std::string text = sample_lesson_text();
    std::string question = question_block(text, 1);
    if (question.back() != '\n') question += "\n";
    for (int i = 0; i < 5; ++i) text += "\n" + question;
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "[question]", 9), "", "at most 8 questions"), describe(d));
}

TEST_CASE("a slide after the first question is rejected") {
    std::string text = sample_lesson_text() + "\n" + extra_slide(1);
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "[slide]", 6), "", "slides come before the quiz"), describe(d));
}

TEST_CASE("an illustration outside the vocabulary is rejected") {
    std::string text = replaced(sample_lesson_text(), "illustration: shield-privacy", "illustration: unicorn");
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "illustration: unicorn"), "illustration", "unknown illustration 'unicorn'"),
                  describe(d));
}

TEST_CASE("a malformed link is rejected on its line") {
    for (const char* bad : {"mini-statement", "mini-statement#", "mini-statement#0", "Mini#2", "mini-statement#2a"}) {
        std::string text = replaced(sample_lesson_text(), "link: mini-statement#2", std::string("link: ") + bad);
        Diagnostics d = parse_failing(text);
        CHECK_MESSAGE(has_diagnostic(d, line_of(text, "link: "), "link", "is not a link"), bad, describe(d));
    }
}

TEST_CASE("a lesson that is not valid UTF-8 is reported at the bad line") {
    std::string text = replaced(sample_lesson_text(), "Слайд 4 text (ru).", "Слайд 4 \xff text.");
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "\xff"), "", "not valid UTF-8"), describe(d));
}

TEST_CASE("every illustration name round-trips and unknown names do not parse") {
    for (int i = 1; i < kIllustrationCount; ++i) {
        Illustration parsed = Illustration::None;
        std::string name = illustration_name(static_cast<Illustration>(i));
        CHECK(parse_illustration(name, &parsed));
        CHECK(static_cast<int>(parsed) == i);
    }
    Illustration untouched = Illustration::QrCode;
    CHECK_FALSE(parse_illustration("", &untouched));
    CHECK_FALSE(parse_illustration("Phone-Touch", &untouched));
    CHECK(untouched == Illustration::QrCode);
}

TEST_CASE("a Chinese text that addresses the visitor as 你 is refused at its line, naming the key") {
    const std::pair<const char*, const char*> cases[] = {
        {"text.zh: 幻灯片 3 text (zh).", "text.zh: 你可以点一下。"},
        {"b.zh: B2 (zh)", "b.zh: 你的密码"},
        {"explanation.zh: 问题 4 explained (zh).", "explanation.zh: 请你核实。"},
    };
    for (const auto& [from, to] : cases) {
        std::string text = replaced(sample_lesson_text(), from, to);
        std::string key = std::string(to).substr(0, std::string(to).find(':'));
        Diagnostics d = parse_failing(text);
        CHECK_MESSAGE(has_diagnostic(d, line_of(text, to), key, "the kiosk uses the polite 您"), describe(d));
        CHECK_MESSAGE(d.size() == 1, describe(d));
    }
    // The polite form passes, and 你 outside Chinese texts is not the parser's business.
    Lesson lesson;
    Diagnostics diagnostics;
    std::string polite = replaced(sample_lesson_text(), "text.zh: 幻灯片 3 text (zh).", "text.zh: 您可以点一下。");
    polite = replaced(polite, "text.en: Slide 3 text (en).", "text.en: 你 means “you”.");
    CHECK_MESSAGE(parse_lesson_source(polite, kFile, &lesson, &diagnostics), describe(diagnostics));
}

TEST_CASE("a quiz whose right answer is never the last option is refused at the first correct line") {
    // The fixture's answers are b, c, a, b of three options: question 2's c is the only last one.
    std::string text = replaced(sample_lesson_text(), "correct: c\n", "correct: a\n");
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "correct: b"), "correct",
                                 "no question of this quiz has its correct answer as its last option"),
                  describe(d));
    CHECK(d.size() == 1);
}

TEST_CASE("a quiz where one letter is right in more than half the questions is refused where it tips over") {
    std::string text = replaced(sample_lesson_text(), "correct: a\n", "correct: b\n");  // b, c, b, b
    Diagnostics d = parse_failing(text);
    CHECK_MESSAGE(
        has_diagnostic(d, line_of(text, "correct: b", 3), "correct", "'b' is the correct answer of 3 of the 4 questions"),
        describe(d));
    CHECK(d.size() == 1);
    // Exactly half is allowed: the fixture itself has b twice in four.
    Lesson lesson;
    Diagnostics none;
    CHECK(parse_lesson_source(sample_lesson_text(), kFile, &lesson, &none));
}

TEST_CASE("a slide that includes a local slide takes its illustration, title and text from the local file") {
    LocalSlideSources local;
    local["helpline"] = {"db/local/helpline.txt",
                         "; the host country's helpline\nillustration: scam-call\n"
                         "title.ru: Куда звонить\ntitle.en: Who to call\ntitle.zh: 向谁求助\n"
                         "text.ru: Позвоните в банк.\ntext.en: Call your bank.\ntext.zh: 请致电银行。\n"};
    std::string text = replaced(sample_lesson_text(), "[slide]\nillustration: checklist\ntitle.ru: Слайд 3",
                                "[slide]\ninclude: helpline\n\n[slide]\nillustration: checklist\ntitle.ru: Слайд 3");
    Lesson lesson;
    Diagnostics diagnostics;
    REQUIRE_MESSAGE(parse_lesson_source(text, kFile, &lesson, &diagnostics, nullptr, &local), describe(diagnostics));
    REQUIRE(lesson.slides.size() == 6);
    const Slide& slide = lesson.slides[2];
    CHECK(slide.illustration == Illustration::ScamCall);
    CHECK(slide.title[Lang::Ru] == "Куда звонить");
    CHECK(slide.text[Lang::En] == "Call your bank.");
    CHECK(slide.text[Lang::Zh] == "请致电银行。");
    CHECK(lesson.slides[3].title[Lang::En] == "Slide 3");
}

TEST_CASE("an include is refused when its local file is missing, when it shares its slide, or when the file is wrong") {
    const std::string include = "[slide]\ninclude: helpline\n\n[question]";
    LocalSlideSources local;
    // The diagnostics of the fixture with `slide` inserted before its quiz, parsed with `local`.
    auto parse_with = [&](const std::string& slide, const LocalSlideSources* sources, std::string* text) {
        *text = replaced(sample_lesson_text(), "[question]", slide);
        Lesson lesson;
        Diagnostics d;
        CHECK_FALSE(parse_lesson_source(*text, kFile, &lesson, &d, nullptr, sources));
        return d;
    };
    std::string text;
    SUBCASE("no such local slide") {
        Diagnostics d = parse_with(include, nullptr, &text);
        CHECK_MESSAGE(has_diagnostic(d, line_of(text, "include: helpline"), "include", "expected the file local/helpline.txt"),
                      describe(d));
    }
    const std::string valid = "illustration: scam-call\ntitle.ru: Т\ntitle.en: T\ntitle.zh: 标题\n"
                              "text.ru: Т.\ntext.en: T.\ntext.zh: 文字。\n";
    SUBCASE("other keys beside the include") {
        local["helpline"] = {"db/local/helpline.txt", valid};
        Diagnostics d = parse_with("[slide]\ninclude: helpline\ntitle.en: Mine\n\n[question]", &local, &text);
        CHECK_MESSAGE(
            has_diagnostic(d, line_of(text, "title.en: Mine"), "title.en", "takes all its keys from the included file"),
            describe(d));
    }
    SUBCASE("a local file that is not UTF-8 is reported once, at its bad line") {
        local["helpline"] = {"db/local/helpline.txt", replaced(valid, "text.en: T.", "text.en: T\xff.")};
        Diagnostics d = parse_with(include, &local, &text);
        REQUIRE_MESSAGE(d.size() == 1, describe(d));
        CHECK(d[0].file == "db/local/helpline.txt");
        CHECK(d[0].line == 6);
        CHECK(d[0].message.find("not valid UTF-8") != std::string::npos);
    }
    SUBCASE("a problem inside the local file names that file and its line") {
        local["helpline"] = {"db/local/helpline.txt",
                             replaced(valid, "text.zh: 文字。", "text.zh: 请你报警。") + "link: mini-statement#2\n"};
        Diagnostics d = parse_with(include, &local, &text);
        REQUIRE_MESSAGE(d.size() == 2, describe(d));
        CHECK(d[0].file == "db/local/helpline.txt");
        CHECK(d[0].line == 7);
        CHECK(d[0].field == "text.zh");
        CHECK(d[1].file == "db/local/helpline.txt");
        CHECK(d[1].line == 8);
        CHECK(d[1].field == "link");
    }
}
