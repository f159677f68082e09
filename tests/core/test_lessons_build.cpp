// Lessons through the whole pipeline: sources -> kioskctl build -> content database ->
// ContentStore, including the checks that need more than one file (ids, orders, links),
// and the real lessons in db/lessons.
#include "core/content_builder.h"
#include "core/content_store.h"
#include "core/file_io.h"
#include "core/lesson_source.h"
#include "core/utf8.h"
#include "lesson_test_support.h"

#include <doctest/doctest.h>

#include <set>
#include <sstream>

using namespace kiosk;
using namespace kiosk::core;
using namespace kiosk::test;

namespace {

// A copy of the fixture sources that a test may edit.
struct FixtureSources {
    TempDir dir;
    std::string root = dir.file("db");

    FixtureSources() {
        CommandResult copy = run_command({"/bin/cp", "-r", lesson_fixture_dir(), root});
        REQUIRE(copy.exit_code == 0);
    }
    std::string lesson_path(const std::string& name = "sample.txt") const { return root + "/lessons/" + name; }
};

Diagnostics build_failing(const FixtureSources& sources) {
    BuildOptions options;
    options.source_dir = sources.root;
    options.out_path = sources.dir.file("out.db");
    Diagnostics diagnostics;
    CHECK_FALSE(build_content(options, &diagnostics));
    CHECK_FALSE(fs::exists(options.out_path));
    return diagnostics;
}

std::unique_ptr<ContentStore> build_and_open(const std::string& source_dir, const std::string& out_path) {
    BuildOptions options;
    options.source_dir = source_dir;
    options.out_path = out_path;
    Diagnostics diagnostics;
    REQUIRE_MESSAGE(build_content(options, &diagnostics), describe(diagnostics));
    std::string error;
    auto store = ContentStore::open(out_path, &error);
    REQUIRE_MESSAGE(store, error);
    return store;
}

bool has_all_languages(const LocalizedText& text) {
    for (Lang lang : kAllLangs)
        if (text[lang].empty()) return false;
    return true;
}

}  // namespace

TEST_CASE("a built lesson reads back from the content database exactly as parsed") {
    FixtureSources sources;
    auto store = build_and_open(sources.root, sources.dir.file("content.db"));
    Lesson parsed;
    Diagnostics diagnostics;
    REQUIRE(parse_lesson_source(read_text(sources.lesson_path()), "sample.txt", &parsed, &diagnostics));

    REQUIRE(store->lessons().size() == 1);
    const Lesson* lesson = store->find_lesson("sample-lesson");
    REQUIRE(lesson);
    CHECK(store->find_lesson("no-such-lesson") == nullptr);
    CHECK(lesson->icon == parsed.icon);
    CHECK(lesson->order == 1);
    CHECK(lesson->title.values == parsed.title.values);
    CHECK(lesson->summary.values == parsed.summary.values);
    REQUIRE(lesson->slides.size() == parsed.slides.size());
    for (size_t i = 0; i < parsed.slides.size(); ++i) {
        CHECK(lesson->slides[i].illustration == parsed.slides[i].illustration);
        CHECK(lesson->slides[i].title.values == parsed.slides[i].title.values);
        CHECK(lesson->slides[i].text.values == parsed.slides[i].text.values);
        CHECK(lesson->slides[i].links.size() == parsed.slides[i].links.size());
    }
    REQUIRE(lesson->questions.size() == parsed.questions.size());
    for (size_t i = 0; i < parsed.questions.size(); ++i) {
        const Question& got = lesson->questions[i];
        const Question& want = parsed.questions[i];
        CHECK(got.text.values == want.text.values);
        CHECK(got.explanation.values == want.explanation.values);
        CHECK(got.correct_option == want.correct_option);
        REQUIRE(got.options.size() == want.options.size());
        for (size_t o = 0; o < want.options.size(); ++o) CHECK(got.options[o].values == want.options[o].values);
    }
}

TEST_CASE("a slide link resolves to the document paragraph it names") {
    FixtureSources sources;
    auto store = build_and_open(sources.root, sources.dir.file("content.db"));
    const Lesson* lesson = store->find_lesson("sample-lesson");
    REQUIRE(lesson);
    REQUIRE(lesson->slides[1].links.size() == 1);
    const LessonLink& link = lesson->slides[1].links[0];
    CHECK(link.document_id == "mini-statement");
    CHECK(link.block_id == 2);
    const Block* block = store->find_linked_block(link);
    REQUIRE(block);
    CHECK(block->id == 2);
    CHECK(block->text == "Пункт о безопасности.");
    CHECK(store->find_linked_block({"mini-statement", 4, 0}) == nullptr);
    CHECK(store->find_linked_block({"no-such-document", 1, 0}) == nullptr);
}

TEST_CASE("the charset includes the lesson text so its glyphs are rendered") {
    FixtureSources sources;
    auto store = build_and_open(sources.root, sources.dir.file("content.db"));
    std::u32string charset = utf8::to_u32(store->info().charset);
    for (char32_t cp : utf8::to_u32("示例课程问题幻灯片"))  // only in the lesson, not in the document
        CHECK(charset.find(cp) != std::u32string::npos);
}

TEST_CASE("a link to a paragraph past the end of its document fails the build at the link's line") {
    FixtureSources sources;
    std::string text = replaced(read_text(sources.lesson_path()), "link: mini-statement#2", "link: mini-statement#4");
    write_text(sources.lesson_path(), text);
    Diagnostics d = build_failing(sources);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "link: mini-statement#4"), "link",
                                 "document 'mini-statement' has no paragraph 4 (it has 3)"),
                  describe(d));
    CHECK(d[0].file == sources.lesson_path());
}

TEST_CASE("a link to a document that does not exist fails the build at the link's line") {
    FixtureSources sources;
    std::string text = replaced(read_text(sources.lesson_path()), "link: mini-statement#2", "link: other-statement#1");
    write_text(sources.lesson_path(), text);
    Diagnostics d = build_failing(sources);
    CHECK_MESSAGE(has_diagnostic(d, line_of(text, "link: other-statement#1"), "link", "no document with id 'other-statement'"),
                  describe(d));
}

TEST_CASE("two lessons with the same id or order fail the build naming both files") {
    FixtureSources sources;
    std::string text = read_text(sources.lesson_path());
    SUBCASE("same id") {
        write_text(sources.lesson_path("zz-copy.txt"), replaced(text, "order: 1", "order: 2"));
        Diagnostics d = build_failing(sources);
        REQUIRE(d.size() == 1);
        CHECK(d[0].file == sources.lesson_path("zz-copy.txt"));
        CHECK(d[0].line == line_of(text, "id: sample-lesson"));
        CHECK(d[0].field == "id");
        CHECK(d[0].message.find(sources.lesson_path() + ":" + std::to_string(line_of(text, "id:"))) != std::string::npos);
    }
    SUBCASE("same order") {
        write_text(sources.lesson_path("zz-copy.txt"), replaced(text, "id: sample-lesson", "id: other-lesson"));
        Diagnostics d = build_failing(sources);
        REQUIRE(d.size() == 1);
        CHECK(d[0].file == sources.lesson_path("zz-copy.txt"));
        CHECK(d[0].field == "order");
        CHECK(d[0].line == line_of(text, "order: 1"));
    }
}

TEST_CASE("a broken lesson fails the whole build and writes nothing") {
    FixtureSources sources;
    write_text(sources.lesson_path(), replaced(read_text(sources.lesson_path()), "correct: c", "correct: a, c"));
    Diagnostics d = build_failing(sources);
    CHECK(d.size() == 1);
}

TEST_CASE("content sources without a lessons folder build with no lessons") {
    FixtureSources sources;
    REQUIRE(run_command({"/bin/rm", "-r", sources.root + "/lessons"}).exit_code == 0);
    auto store = build_and_open(sources.root, sources.dir.file("content.db"));
    CHECK(store->lessons().empty());
    CHECK(store->documents().size() == 1);
}

TEST_CASE("the real lessons in db/lessons build, cover the eight topics and link to existing paragraphs") {
    TempDir dir;
    auto store = build_and_open(KIOSK_SOURCE_DIR "/db", dir.file("content.db"));
    const std::vector<Lesson>& lessons = store->lessons();
    REQUIRE(lessons.size() >= 8);
    for (const char* id : {"touchscreen-basics", "passwords-2fa", "phishing-fraud", "digital-payments", "personal-data",
                           "e-government", "fact-checking", "ai-basics"})
        CHECK_MESSAGE(store->find_lesson(id), id);

    int lessons_with_links = 0;
    for (const Lesson& lesson : lessons) {
        INFO("lesson " << lesson.id);
        CHECK(lesson.icon != Illustration::None);
        CHECK(has_all_languages(lesson.title));
        CHECK(has_all_languages(lesson.summary));
        CHECK(lesson.slides.size() >= kMinSlides);
        CHECK(lesson.slides.size() <= kMaxSlides);
        CHECK(lesson.questions.size() >= kMinQuestions);
        CHECK(lesson.questions.size() <= kMaxQuestions);
        bool linked = false;
        for (const Slide& slide : lesson.slides) {
            CHECK(slide.illustration != Illustration::None);
            CHECK(has_all_languages(slide.title));
            CHECK(has_all_languages(slide.text));
            for (const LessonLink& link : slide.links) {
                CHECK_MESSAGE(store->find_linked_block(link), link.document_id << "#" << link.block_id);
                linked = true;
            }
        }
        lessons_with_links += linked;
        for (const Question& question : lesson.questions) {
            CHECK(has_all_languages(question.text));
            CHECK(has_all_languages(question.explanation));
            CHECK(question.options.size() >= kMinOptions);
            CHECK(question.options.size() <= kMaxOptions);
            for (const LocalizedText& option : question.options) CHECK(has_all_languages(option));
        }
    }
    CHECK(lessons_with_links >= 6);
}

TEST_CASE("the real lessons' links still point at the passages their slides talk about") {
    // Paragraph ids are positions: if a document's transcription gains or loses a block,
    // a link can silently move to a neighbour. Each link must land on its topic.
    const std::pair<const char*, const char*> expected[] = {
        {"2019-digital-concept#22", "информационная безопасность"},
        {"2019-digital-concept#24", "электронное правительство"},
        {"2019-digital-concept#28", "искусственный интеллект"},
        {"2021-ict-ministers-protocol#10",
         "регулярного обмена опытом в данной области, в частности, по развитию электронного правительства"},
        {"2022-digital-economy-programme#30", "решения на основе искусственного интеллекта"},
        {"2023-digital-transformation-statement#6", "цифровой грамотности и навыков всех граждан"},
        {"2023-digital-transformation-statement#7", "государственные услуги"},
        {"2023-digital-transformation-statement#8", "цифровых платежей"},
        {"2025-digital-economy-statement#7", "информационную безопасность"},
        {"2025-digital-economy-statement#15", "конфиденциальности цифровых данных"},
    };
    TempDir dir;
    auto store = build_and_open(KIOSK_SOURCE_DIR "/db", dir.file("content.db"));
    std::set<std::string> checked;
    for (const Lesson& lesson : store->lessons()) {
        for (const Slide& slide : lesson.slides) {
            for (const LessonLink& link : slide.links) {
                std::string target = link.document_id + "#" + std::to_string(link.block_id);
                INFO(lesson.id << " links " << target);
                const char* topic = nullptr;
                for (const auto& [where, words] : expected)
                    if (target == where) topic = words;
                REQUIRE_MESSAGE(topic, "add this link and its topic to the table above");
                const Block* block = store->find_linked_block(link);
                REQUIRE(block);
                CHECK(block->text.find(topic) != std::string::npos);
                checked.insert(target);
            }
        }
    }
    CHECK(checked.size() == sizeof expected / sizeof expected[0]);
}

namespace {

LocalizedText words(const char* ru, const char* en, const char* zh) {
    LocalizedText out;
    out[Lang::Ru] = ru;
    out[Lang::En] = en;
    out[Lang::Zh] = zh;
    return out;
}

// The slide of `lesson` whose title or text holds, in every language, that language's word.
const Slide* slide_with_words(const Lesson& lesson, const LocalizedText& wanted) {
    for (const Slide& slide : lesson.slides) {
        bool all = true;
        for (Lang lang : kAllLangs)
            all = all && (slide.title[lang] + "\n" + slide.text[lang]).find(wanted[lang]) != std::string::npos;
        if (all) return &slide;
    }
    return nullptr;
}

// The value of the first uncommented `key:` line of a source file.
std::string source_value(const std::string& text, const std::string& key) {
    size_t pos = text.find("\n" + key + ":");
    REQUIRE_MESSAGE(pos != std::string::npos, "no " << key);
    size_t start = text.find_first_not_of(' ', pos + key.size() + 2);
    return text.substr(start, text.find('\n', start) - start);
}

}  // namespace

TEST_CASE("the real lessons carry the review's new slides in all three languages") {
    const std::pair<const char*, LocalizedText> expected[] = {
        {"digital-payments", words("получить перевод", "receive money", "收款")},  // no PIN, code or QR scan
        {"digital-payments", words("PIN", "PIN", "密码")},
        {"phishing-fraud", words("безопасный счёт", "safe account", "安全账户")},
        {"phishing-fraud", words("видеть ваш экран", "see your screen", "屏幕")},
        {"passwords-2fa", words("ключи доступа", "passkeys", "通行密钥")},
    };
    TempDir dir;
    auto store = build_and_open(KIOSK_SOURCE_DIR "/db", dir.file("content.db"));
    for (const auto& [lesson_id, words_wanted] : expected) {
        const auto& id = lesson_id;  // INFO's lambda may not name a structured binding (C++17, clang)
        const auto& wanted = words_wanted;
        INFO(id << ": " << wanted[Lang::En]);
        const Lesson* lesson = store->find_lesson(id);
        REQUIRE(lesson);
        CHECK(slide_with_words(*lesson, wanted));
    }
}

TEST_CASE("the phishing lesson's helpline slide is the organizer's db/local/helpline.txt, edits included") {
    const std::string helpline = read_text(KIOSK_SOURCE_DIR "/db/local/helpline.txt");
    const LocalizedText shipped =
        words(source_value(helpline, "text.ru").c_str(), source_value(helpline, "text.en").c_str(),
              source_value(helpline, "text.zh").c_str());
    TempDir dir;
    {
        auto store = build_and_open(KIOSK_SOURCE_DIR "/db", dir.file("factory.db"));
        const Lesson* lesson = store->find_lesson("phishing-fraud");
        REQUIRE(lesson);
        const Slide* slide = slide_with_words(*lesson, shipped);
        REQUIRE_MESSAGE(slide, "the shipped helpline text is on no slide of the phishing lesson");
        CHECK(slide->title[Lang::Zh] == source_value(helpline, "title.zh"));
    }
    // An organizer in another country edits only the local file and rebuilds.
    REQUIRE(run_command({"/bin/cp", "-r", KIOSK_SOURCE_DIR "/db", dir.file("db")}).exit_code == 0);
    write_text(dir.file("db/local/helpline.txt"), replaced(helpline, "\ntext.en: " + shipped[Lang::En],
                                                           "\ntext.en: Call the national fraud line on 0000 (test)."));
    auto store = build_and_open(dir.file("db"), dir.file("local.db"));
    const Lesson* lesson = store->find_lesson("phishing-fraud");
    REQUIRE(lesson);
    int shown = 0;
    for (const Slide& slide : lesson->slides)
        shown += slide.text[Lang::En] == "Call the national fraud line on 0000 (test).";
    CHECK(shown == 1);
}

TEST_CASE("the real quizzes vary where the right answer sits, and some right answers are last") {
    TempDir dir;
    auto store = build_and_open(KIOSK_SOURCE_DIR "/db", dir.file("content.db"));
    int last = 0;
    for (const Lesson& lesson : store->lessons()) {
        INFO("lesson " << lesson.id);
        std::set<int> positions;
        for (const Question& question : lesson.questions) {
            positions.insert(question.correct_option);
            last += question.correct_option + 1 == static_cast<int>(question.options.size());
        }
        CHECK(positions.size() >= 2);
    }
    CHECK(last >= static_cast<int>(store->lessons().size()));
}

TEST_CASE("each ready-made country version in db/local/helpline.txt builds once uncommented") {
    const std::string helpline = read_text(KIOSK_SOURCE_DIR "/db/local/helpline.txt");
    const std::string lesson_path = KIOSK_SOURCE_DIR "/db/lessons/03-phishing-fraud.txt";
    const std::string illustration = "illustration: " + source_value(helpline, "illustration") + "\n";
    // A version is a run of commented-out `;title.` / `;text.` lines, as an organizer would uncomment them.
    std::vector<std::string> versions;
    bool in_version = false;
    std::istringstream lines(helpline);
    for (std::string line; std::getline(lines, line);) {
        bool key_line = line.rfind(";title.", 0) == 0 || line.rfind(";text.", 0) == 0;
        if (key_line && !in_version) versions.push_back(illustration);
        if (key_line) versions.back() += line.substr(1) + "\n";
        in_version = key_line;
    }
    REQUIRE(versions.size() == 2);  // China and Russia
    for (const std::string& version : versions) {
        INFO(version);
        LocalSlideSources local;
        local["helpline"] = {"db/local/helpline.txt", version};
        Lesson lesson;
        Diagnostics diagnostics;
        REQUIRE_MESSAGE(parse_lesson_source(read_text(lesson_path), lesson_path, &lesson, &diagnostics, nullptr, &local),
                        describe(diagnostics));
        const LocalizedText shown =
            words(source_value("\n" + version, "text.ru").c_str(), source_value("\n" + version, "text.en").c_str(),
                  source_value("\n" + version, "text.zh").c_str());
        CHECK(slide_with_words(lesson, shown));
    }
}
