#include "core/lesson_store.h"

#include <map>

namespace kiosk::core {

namespace {

using LessonIndex = std::map<std::string, size_t>;

bool has_table(const SqliteDb& db, const char* name) {
    SqliteStatement select(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    select.bind(1, name);
    return select.step();
}

// A row's child position must continue the parent's list: rows arrive ordered by position.
bool is_next(int64_t position, size_t count) { return position == static_cast<int64_t>(count); }

Lesson* find(std::vector<Lesson>* lessons, const LessonIndex& index, const std::string& id) {
    auto it = index.find(id);
    return it == index.end() ? nullptr : &(*lessons)[it->second];
}

void set_text(LocalizedText* text, const std::string& lang, const std::string& value) {
    if (auto parsed = parse_lang(lang)) (*text)[*parsed] = value;
}

Illustration illustration_or_none(const std::string& name) {
    Illustration out = Illustration::None;  // a newer package may name a picture this kiosk cannot draw
    parse_illustration(name, &out);
    return out;
}

bool load_lesson_rows(const SqliteDb& db, std::vector<Lesson>* lessons, LessonIndex* index) {
    SqliteStatement select(db, "SELECT id, position, icon FROM lessons ORDER BY position");
    while (select.step()) {
        Lesson lesson;
        lesson.id = select.text(0);
        lesson.order = static_cast<int>(select.integer(1)) + 1;
        lesson.icon = illustration_or_none(select.text(2));
        (*index)[lesson.id] = lessons->size();
        lessons->push_back(std::move(lesson));
    }
    SqliteStatement texts(db, "SELECT lesson, field, lang, value FROM lesson_text");
    while (texts.step()) {
        Lesson* lesson = find(lessons, *index, texts.text(0));
        if (!lesson) continue;
        std::string field = texts.text(1);
        if (field == "title") set_text(&lesson->title, texts.text(2), texts.text(3));
        if (field == "summary") set_text(&lesson->summary, texts.text(2), texts.text(3));
    }
    return select.error().empty() && texts.error().empty();
}

bool load_slides(const SqliteDb& db, std::vector<Lesson>* lessons, const LessonIndex& index, std::string* error) {
    SqliteStatement select(db, "SELECT lesson, position, illustration FROM slides ORDER BY lesson, position");
    while (select.step()) {
        Lesson* lesson = find(lessons, index, select.text(0));
        if (!lesson) continue;
        if (!is_next(select.integer(1), lesson->slides.size())) {
            *error = "lesson '" + lesson->id + "' has a gap in its slide positions";
            return false;
        }
        Slide slide;
        slide.illustration = illustration_or_none(select.text(2));
        lesson->slides.push_back(std::move(slide));
    }
    SqliteStatement texts(db, "SELECT lesson, slide, field, lang, value FROM slide_text");
    while (texts.step()) {
        Lesson* lesson = find(lessons, index, texts.text(0));
        int64_t slide = texts.integer(1);
        if (!lesson || slide < 0 || slide >= static_cast<int64_t>(lesson->slides.size())) continue;
        std::string field = texts.text(2);
        if (field == "title") set_text(&lesson->slides[slide].title, texts.text(3), texts.text(4));
        if (field == "text") set_text(&lesson->slides[slide].text, texts.text(3), texts.text(4));
    }
    SqliteStatement links(db,
                          "SELECT lesson, slide, document, block FROM slide_links ORDER BY lesson, slide, position");
    while (links.step()) {
        Lesson* lesson = find(lessons, index, links.text(0));
        int64_t slide = links.integer(1);
        if (!lesson || slide < 0 || slide >= static_cast<int64_t>(lesson->slides.size())) continue;
        lesson->slides[slide].links.push_back({links.text(2), static_cast<int>(links.integer(3)), 0});
    }
    if (!select.error().empty() || !texts.error().empty() || !links.error().empty()) {
        *error = select.error() + texts.error() + links.error();
        return false;
    }
    return true;
}

Question* find_question(std::vector<Lesson>* lessons, const LessonIndex& index, const std::string& id, int64_t position) {
    Lesson* lesson = find(lessons, index, id);
    if (!lesson || position < 0 || position >= static_cast<int64_t>(lesson->questions.size())) return nullptr;
    return &lesson->questions[position];
}

bool load_questions(const SqliteDb& db, std::vector<Lesson>* lessons, const LessonIndex& index, std::string* error) {
    SqliteStatement select(db, "SELECT lesson, position, correct_option FROM questions ORDER BY lesson, position");
    while (select.step()) {
        Lesson* lesson = find(lessons, index, select.text(0));
        if (!lesson) continue;
        if (!is_next(select.integer(1), lesson->questions.size())) {
            *error = "lesson '" + lesson->id + "' has a gap in its question positions";
            return false;
        }
        Question question;
        question.correct_option = static_cast<int>(select.integer(2));
        lesson->questions.push_back(std::move(question));
    }
    SqliteStatement texts(db, "SELECT lesson, question, field, lang, value FROM question_text");
    while (texts.step()) {
        Question* question = find_question(lessons, index, texts.text(0), texts.integer(1));
        if (!question) continue;
        std::string field = texts.text(2);
        if (field == "text") set_text(&question->text, texts.text(3), texts.text(4));
        if (field == "explanation") set_text(&question->explanation, texts.text(3), texts.text(4));
    }
    SqliteStatement options(db, "SELECT lesson, question, position, lang, value FROM question_options "
                                "ORDER BY lesson, question, position");
    while (options.step()) {
        Question* question = find_question(lessons, index, options.text(0), options.integer(1));
        int64_t position = options.integer(2);
        if (!question || position < 0 || position >= kMaxOptions) continue;
        if (position >= static_cast<int64_t>(question->options.size())) question->options.resize(position + 1);
        set_text(&question->options[position], options.text(3), options.text(4));
    }
    if (!select.error().empty() || !texts.error().empty() || !options.error().empty()) {
        *error = select.error() + texts.error() + options.error();
        return false;
    }
    return true;
}

// The screens index options by correct_option; a contradiction must not reach them.
bool check_answers(const std::vector<Lesson>& lessons, std::string* error) {
    for (const Lesson& lesson : lessons) {
        for (size_t i = 0; i < lesson.questions.size(); ++i) {
            const Question& question = lesson.questions[i];
            if (question.correct_option < 0 || question.correct_option >= static_cast<int>(question.options.size())) {
                *error = "lesson '" + lesson.id + "' question " + std::to_string(i + 1) + " has no option " +
                         std::to_string(question.correct_option + 1) + " to mark correct";
                return false;
            }
        }
    }
    return true;
}

}  // namespace

bool load_lessons(const SqliteDb& db, std::vector<Lesson>* out, std::string* error) {
    if (!has_table(db, "lessons")) return true;
    LessonIndex index;
    if (!load_lesson_rows(db, out, &index)) {
        *error = "cannot read lessons: " + db.last_error();
        return false;
    }
    return load_slides(db, out, index, error) && load_questions(db, out, index, error) && check_answers(*out, error);
}

}  // namespace kiosk::core
