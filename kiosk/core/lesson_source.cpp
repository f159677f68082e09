// [SECTION] Key tables
// [SECTION] Parser: splits the file into the header, [slide] and [question] sections
// [SECTION] Section checks: turn each section's keys into the model, pull in local slides,
//           and check where the quiz puts its right answers
// [SECTION] Public entry points
#include "core/lesson_source.h"

#include "core/file_io.h"
#include "core/source_text.h"
#include "core/utf8.h"

#include <algorithm>
#include <map>

namespace kiosk::core {

namespace {

// ---------------------------------------------------------------- [SECTION] Key tables

enum class SectionKind { Header, Slide, Question };

const char* section_label(SectionKind kind) {
    switch (kind) {
        case SectionKind::Header: return "the lesson header";
        case SectionKind::Slide: return "a slide";
        case SectionKind::Question: return "a question";
    }
    return "";
}

constexpr char kFirstOption = 'a';
constexpr char kLastOption = 'a' + kMaxOptions - 1;

// Keys that take one value per visitor language ("title" stands for title.ru, title.en, title.zh).
bool is_localized_base(SectionKind kind, std::string_view base) {
    switch (kind) {
        case SectionKind::Header: return base == "title" || base == "summary";
        case SectionKind::Slide: return base == "title" || base == "text";
        case SectionKind::Question:
            return base == "text" || base == "explanation" ||
                   (base.size() == 1 && base[0] >= kFirstOption && base[0] <= kLastOption);
    }
    return false;
}

bool is_plain_key(SectionKind kind, std::string_view key) {
    switch (kind) {
        case SectionKind::Header: return key == "id" || key == "order" || key == "icon";
        case SectionKind::Slide: return key == "illustration" || key == "link" || key == "include";
        case SectionKind::Question: return key == "correct";
    }
    return false;
}

// A positive whole number of at most four digits; false for anything else.
bool parse_small_number(std::string_view text, int* out) {
    if (text.empty() || text.size() > 4) return false;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    if (value < 1) return false;
    *out = value;
    return true;
}

bool is_chinese_key(std::string_view key) { return key.size() > 3 && key.substr(key.size() - 3) == ".zh"; }

// ---------------------------------------------------------------- [SECTION] Parser

struct KeyValue {
    std::string value;
    int line = 0;
};

struct SourceSection {
    SectionKind kind = SectionKind::Header;
    int line = 1;                            // the [slide] / [question] line; 1 for the header
    std::map<std::string, KeyValue> fields;  // every key but link
    std::vector<KeyValue> links;             // link may repeat
};

struct AnswerPosition {
    int line = 0;  // of `correct:`
    int correct = 0;
    int options = 0;
};

class LessonParser {
public:
    LessonParser(const std::string& file, const LocalSlideSources* local, Diagnostics* diagnostics)
        : file_(file), local_(local), diagnostics_(diagnostics) {}

    bool parse(std::string_view text, Lesson* out, LessonSourceLines* lines) {
        if (int bad_line = first_invalid_utf8_line(text)) {
            error(bad_line, "", kNotUtf8Message);
            return false;
        }
        lesson_ = out;
        // Problems with the file as a whole point at its last written line.
        last_line_ = for_each_source_line(text, [&](std::string_view line, int line_no) { read_line(line, line_no); });
        finish_section();
        check_counts();
        check_answer_positions();
        if (lines)
            *lines = {header_.fields.count("id") ? header_.fields["id"].line : 0,
                      header_.fields.count("order") ? header_.fields["order"].line : 0};
        return errors_ == 0;
    }

private:
    // Reported against the lesson file, or the local slide file while one is being read.
    void error(int line, std::string field, std::string message) {
        diagnostics_->push_back({local_file_ ? *local_file_ : file_, line, std::move(field), std::move(message)});
        ++errors_;
    }

    void read_line(std::string_view line, int line_no) {
        if (line.front() == '[') {
            start_section(line, line_no);
            return;
        }
        if (in_unknown_section_) return;  // already reported; its keys would only add noise
        read_key_value(line, line_no, &current_);
    }

    void read_key_value(std::string_view line, int line_no, SourceSection* section) {
        size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) {
            error(line_no, "",
                  local_file_ ? "malformed line, expected 'key: value'"
                              : "malformed line, expected 'key: value', '[slide]' or '[question]'");
            return;
        }
        std::string key(utf8::trim(line.substr(0, colon)));
        std::string value = utf8::collapse_spaces(line.substr(colon + 1));
        if (!check_key(section->kind, key, line_no)) return;
        if (value.empty()) {
            error(line_no, key, "empty value");
            return;
        }
        if (is_chinese_key(key) && value.find(kInformalYou) != std::string::npos)
            error(line_no, key, "addresses the visitor as 你: the kiosk uses the polite 您 in every Chinese text");
        if (key == "link") {
            section->links.push_back({value, line_no});
            return;
        }
        auto [it, inserted] = section->fields.emplace(key, KeyValue{value, line_no});
        if (!inserted)
            error(line_no, key,
                  "given twice in " + std::string(section_label(section->kind)) + " (first on line " +
                      std::to_string(it->second.line) + ")");
    }

    // True if `key` may appear in a section of this kind; otherwise says why not.
    bool check_key(SectionKind kind, const std::string& key, int line_no) {
        if (local_file_ && (key == "include" || key == "link")) {
            error(line_no, key, "not allowed in a local slide file (it holds one slide's illustration, title and text)");
            return false;
        }
        if (is_plain_key(kind, key)) return true;
        size_t dot = key.rfind('.');
        std::string base = key.substr(0, dot == std::string::npos ? key.size() : dot);
        if (dot != std::string::npos && is_localized_base(kind, base)) {
            if (parse_lang(std::string_view(key).substr(dot + 1))) return true;
            error(line_no, key, "unknown language '" + key.substr(dot + 1) + "' (expected ru, en or zh)");
            return false;
        }
        if (kind == SectionKind::Question && base.size() == 1 && base[0] > kLastOption && base[0] <= 'z') {
            error(line_no, key,
                  "a question has at most " + std::to_string(kMaxOptions) + " options (a to " +
                      std::string(1, kLastOption) + ")");
            return false;
        }
        error(line_no, key, "unknown key in " + std::string(section_label(kind)));
        return false;
    }

    void start_section(std::string_view line, int line_no) {
        SectionKind kind;
        if (line == "[slide]") {
            kind = SectionKind::Slide;
        } else if (line == "[question]") {
            kind = SectionKind::Question;
        } else {
            error(line_no, "", "unknown section '" + std::string(line) + "' (expected [slide] or [question])");
            in_unknown_section_ = true;
            return;
        }
        in_unknown_section_ = false;
        if (first_section_line_ == 0) first_section_line_ = line_no;
        finish_section();
        if (kind == SectionKind::Slide && first_question_line_ > 0) {
            error(line_no, "",
                  "slides come before the quiz: move this slide above the first [question] (line " +
                      std::to_string(first_question_line_) + ")");
        }
        if (kind == SectionKind::Question && first_question_line_ == 0) first_question_line_ = line_no;
        current_ = SourceSection{};
        current_.kind = kind;
        current_.line = line_no;
    }

    // ------------------------------------------------------------ [SECTION] Section checks

    void finish_section() {
        switch (current_.kind) {
            case SectionKind::Header:
                header_ = current_;
                finish_header(header_);
                break;
            case SectionKind::Slide: finish_slide(current_); break;
            case SectionKind::Question: finish_question(current_); break;
        }
        current_ = SourceSection{};
    }

    // The value of a required key, or null after reporting it missing at the section's line.
    const KeyValue* require(const SourceSection& section, const std::string& key, int missing_line) {
        auto it = section.fields.find(key);
        if (it != section.fields.end()) return &it->second;
        error(missing_line, key, "missing in " + std::string(section_label(section.kind)));
        return nullptr;
    }

    void require_localized(const SourceSection& section, const std::string& base, int missing_line, LocalizedText* out) {
        for (Lang lang : kAllLangs) {
            std::string key = base + "." + lang_code(lang);
            auto it = section.fields.find(key);
            if (it != section.fields.end()) {
                (*out)[lang] = it->second.value;
            } else {
                error(missing_line, key,
                      "missing in " + std::string(section_label(section.kind)) + " (every text needs ru, en and zh)");
            }
        }
    }

    bool parse_picture(const KeyValue& field, const char* key, Illustration* out) {
        if (parse_illustration(field.value, out)) return true;
        error(field.line, key, "unknown illustration '" + field.value + "' (see the list in docs/content-format.md)");
        return false;
    }

    void finish_header(const SourceSection& header) {
        // Missing header keys are reported where the header ends: the first section, or the file's end.
        int end_line = first_section_line_or_end();
        if (const KeyValue* id = require(header, "id", end_line)) {
            if (!is_valid_content_id(id->value))
                error(id->line, "id", "'" + id->value + "' is not a valid id (use a-z, 0-9 and '-', at most 64)");
            lesson_->id = id->value;
        }
        if (const KeyValue* order = require(header, "order", end_line)) {
            if (!parse_small_number(order->value, &lesson_->order))
                error(order->line, "order", "'" + order->value + "' is not a whole number from 1 to 9999");
        }
        if (const KeyValue* icon = require(header, "icon", end_line)) parse_picture(*icon, "icon", &lesson_->icon);
        require_localized(header, "title", end_line, &lesson_->title);
        require_localized(header, "summary", end_line, &lesson_->summary);
    }

    int first_section_line_or_end() const { return first_section_line_ > 0 ? first_section_line_ : last_line_; }

    void finish_slide(const SourceSection& section) {
        slide_lines_.push_back(section.line);
        auto include = section.fields.find("include");
        lesson_->slides.push_back(include != section.fields.end() ? included_slide(section, include->second)
                                                                  : make_slide(section));
    }

    // The slide of local/NAME.txt named by `include: NAME`, which stands alone in its section.
    Slide included_slide(const SourceSection& section, const KeyValue& include) {
        const std::string rule = "a slide with 'include' takes all its keys from the included file; remove this line";
        for (const auto& [key, field] : section.fields)
            if (key != "include") error(field.line, key, rule);
        for (const KeyValue& link : section.links) error(link.line, "link", rule);
        auto it = local_ ? local_->find(include.value) : LocalSlideSources::const_iterator{};
        if (!local_ || it == local_->end()) {
            error(include.line, "include",
                  "no local slide '" + include.value + "': expected the file local/" + include.value +
                      ".txt beside the lessons folder");
            return Slide{};
        }
        const LocalSlideSource& source = it->second;
        local_file_ = &source.path;
        SourceSection keys;
        keys.kind = SectionKind::Slide;
        Slide slide;
        if (int bad_line = first_invalid_utf8_line(source.text)) {
            error(bad_line, "", kNotUtf8Message);
        } else {
            for_each_source_line(source.text, [&](std::string_view line, int line_no) {
                if (line.front() == '[')
                    error(line_no, "", "a local slide file holds the keys of one slide, without a section line");
                else read_key_value(line, line_no, &keys);
            });
            slide = make_slide(keys);
        }
        local_file_ = nullptr;
        return slide;
    }

    Slide make_slide(const SourceSection& section) {
        Slide slide;
        if (section.fields.empty() && section.links.empty()) {
            error(section.line, "", "empty slide: give it an illustration, a title and a text in ru, en and zh");
            return slide;
        }
        if (const KeyValue* picture = require(section, "illustration", section.line))
            parse_picture(*picture, "illustration", &slide.illustration);
        require_localized(section, "title", section.line, &slide.title);
        require_localized(section, "text", section.line, &slide.text);
        for (const KeyValue& link_field : section.links) {
            LessonLink link;
            if (!parse_lesson_link(link_field.value, &link)) {
                error(link_field.line, "link",
                      "'" + link_field.value + "' is not a link of the form document-id#paragraph (e.g. digital-concept#12)");
                continue;
            }
            link.source_line = link_field.line;
            slide.links.push_back(std::move(link));
        }
        return slide;
    }

    void finish_question(const SourceSection& section) {
        question_lines_.push_back(section.line);
        Question question;
        require_localized(section, "text", section.line, &question.text);
        int option_count = count_options(section);
        for (int i = 0; i < option_count; ++i) {
            LocalizedText option;
            require_localized(section, std::string(1, static_cast<char>(kFirstOption + i)), section.line, &option);
            question.options.push_back(std::move(option));
        }
        if (option_count < kMinOptions)
            error(section.line, "",
                  "a question needs at least " + std::to_string(kMinOptions) +
                      " options (a.ru, a.en, a.zh, b.ru, ...); found " + std::to_string(option_count));
        if (const KeyValue* correct = require(section, "correct", section.line)) {
            question.correct_option = parse_correct(*correct, option_count);
            answers_.push_back({correct->line, question.correct_option, option_count});
        }
        require_localized(section, "explanation", section.line, &question.explanation);
        lesson_->questions.push_back(std::move(question));
    }

    // Options are lettered a, b, c... without gaps; returns how many there are.
    int count_options(const SourceSection& section) {
        int count = 0;
        for (char letter = kFirstOption; letter <= kLastOption; ++letter) {
            if (!has_any_language(section, letter)) continue;
            int index = letter - kFirstOption;
            if (index != count)
                error(section.line, std::string(1, letter),
                      "option " + std::string(1, letter) + " follows a missing option " +
                          std::string(1, static_cast<char>(kFirstOption + count)) +
                          " (letter options a, b, c... without gaps)");
            count = index + 1;
        }
        return count;
    }

    static bool has_any_language(const SourceSection& section, char letter) {
        for (Lang lang : kAllLangs)
            if (section.fields.count(std::string(1, letter) + "." + lang_code(lang))) return true;
        return false;
    }

    // The index of the single correct option named by `correct: b`; reports anything else.
    int parse_correct(const KeyValue& field, int option_count) {
        std::vector<std::string> letters;
        std::string_view rest = field.value;
        while (!rest.empty()) {
            size_t comma = rest.find_first_of(", ");
            std::string_view part = rest.substr(0, comma);
            if (!part.empty()) letters.emplace_back(part);
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
        if (letters.size() != 1) {
            error(field.line, "correct",
                  "exactly one option must be correct; found " + std::to_string(letters.size()) + " ('" + field.value + "')");
            return 0;
        }
        const std::string& letter = letters[0];
        int index = letter.size() == 1 ? letter[0] - kFirstOption : -1;
        if (index < 0 || index >= option_count) {
            error(field.line, "correct", "'" + letter + "' is not one of this question's options");
            return 0;
        }
        return index;
    }

    // Slide and question counts, reported where the count goes wrong.
    void check_counts() {
        int slides = static_cast<int>(slide_lines_.size());
        int questions = static_cast<int>(question_lines_.size());
        if (slides > kMaxSlides)
            error(slide_lines_[kMaxSlides], "",
                  "a lesson has at most " + std::to_string(kMaxSlides) + " slides; this is slide " +
                      std::to_string(kMaxSlides + 1));
        if (slides < kMinSlides)
            error(first_question_line_ > 0 ? first_question_line_ : last_line_, "",
                  "a lesson needs at least " + std::to_string(kMinSlides) + " slides before its quiz; found " +
                      std::to_string(slides));
        if (questions > kMaxQuestions)
            error(question_lines_[kMaxQuestions], "",
                  "a quiz has at most " + std::to_string(kMaxQuestions) + " questions; this is question " +
                      std::to_string(kMaxQuestions + 1));
        if (questions < kMinQuestions)
            error(last_line_, "",
                  "a quiz needs at least " + std::to_string(kMinQuestions) + " questions; found " + std::to_string(questions));
    }

    // Where the right answer sits must teach nothing: a visitor who always picks one letter
    // may not pass, and the last option is sometimes right. Checked once the quiz is sound.
    void check_answer_positions() {
        if (errors_ > 0 || answers_.empty()) return;
        const int questions = static_cast<int>(answers_.size());
        std::map<int, int> right_at;
        for (const AnswerPosition& answer : answers_) ++right_at[answer.correct];
        std::map<int, int> seen;
        for (const AnswerPosition& answer : answers_) {
            if (++seen[answer.correct] * 2 <= questions) continue;
            const std::string letter(1, static_cast<char>(kFirstOption + answer.correct));
            error(answer.line, "correct",
                  "'" + letter + "' is the correct answer of " + std::to_string(right_at[answer.correct]) + " of the " +
                      std::to_string(questions) + " questions; at most half may share a letter, so vary the positions");
            break;
        }
        bool last_is_right = std::any_of(answers_.begin(), answers_.end(), [](const AnswerPosition& answer) {
            return answer.correct == answer.options - 1;
        });
        if (!last_is_right)
            error(answers_.front().line, "correct",
                  "no question of this quiz has its correct answer as its last option; make at least one so");
    }

    const std::string& file_;
    const LocalSlideSources* local_;
    const std::string* local_file_ = nullptr;  // while reading an included local slide
    Diagnostics* diagnostics_;
    Lesson* lesson_ = nullptr;
    SourceSection current_;
    SourceSection header_;
    std::vector<int> slide_lines_;
    std::vector<int> question_lines_;
    std::vector<AnswerPosition> answers_;
    int first_section_line_ = 0;
    bool in_unknown_section_ = false;
    int first_question_line_ = 0;
    int last_line_ = 0;
    int errors_ = 0;
};

// ---------------------------------------------------------------- [SECTION] Cross-file checks

struct FirstUse {
    std::string path;
    int line = 0;
};

// Reports `key` (an id or order) already claimed by another file; otherwise claims it.
bool claim_unique(std::map<std::string, FirstUse>& claimed, const std::string& key, const std::string& field,
                  const std::string& path, int line, Diagnostics* diagnostics) {
    auto [it, inserted] = claimed.emplace(key, FirstUse{path, line});
    if (inserted) return true;
    diagnostics->push_back(
        {path, line, field, "'" + key + "' is already used by " + it->second.path + ":" + std::to_string(it->second.line)});
    return false;
}

// Every link must name an existing document and one of its blocks.
bool check_links(const Lesson& lesson, const std::map<std::string, int>& block_counts, const std::string& path,
                 Diagnostics* diagnostics) {
    bool ok = true;
    for (const Slide& slide : lesson.slides) {
        for (const LessonLink& link : slide.links) {
            auto it = block_counts.find(link.document_id);
            if (it == block_counts.end()) {
                diagnostics->push_back({path, link.source_line, "link", "no document with id '" + link.document_id + "'"});
                ok = false;
            } else if (link.block_id > it->second) {
                diagnostics->push_back({path, link.source_line, "link",
                                        "document '" + link.document_id + "' has no paragraph " +
                                            std::to_string(link.block_id) + " (it has " + std::to_string(it->second) + ")"});
                ok = false;
            }
        }
    }
    return ok;
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] Public entry points

bool load_local_slide_sources(const std::string& local_dir, LocalSlideSources* out, Diagnostics* diagnostics) {
    if (!fs::exists(local_dir)) return true;
    bool ok = true;
    for (const std::string& name : fs::list_files(local_dir, ".txt")) {
        LocalSlideSource source;
        source.path = fs::join(local_dir, name);
        std::string error;
        if (!fs::read_file(source.path, &source.text, &error)) {
            diagnostics->push_back({source.path, 0, "", error});
            ok = false;
            continue;
        }
        (*out)[name.substr(0, name.size() - 4)] = std::move(source);
    }
    return ok;
}

bool load_lesson_sources(const std::string& dir, const std::string& local_dir, const std::vector<Document>& documents,
                         std::vector<Lesson>* out, Diagnostics* diagnostics) {
    if (!fs::exists(dir)) return true;
    size_t errors_before = diagnostics->size();
    LocalSlideSources local;
    load_local_slide_sources(local_dir, &local, diagnostics);
    std::map<std::string, int> block_counts;
    for (const Document& doc : documents) block_counts[doc.info.id] = static_cast<int>(doc.blocks.size());

    std::map<std::string, FirstUse> ids, orders;
    for (const std::string& name : fs::list_files(dir, ".txt")) {
        std::string path = fs::join(dir, name);
        std::string text, error;
        if (!fs::read_file(path, &text, &error)) {
            diagnostics->push_back({path, 0, "", error});
            continue;
        }
        if (!check_source_characters(text, path, diagnostics)) continue;
        Lesson lesson;
        LessonSourceLines lines;
        if (!parse_lesson_source(text, path, &lesson, diagnostics, &lines, &local)) continue;
        bool unique = claim_unique(ids, lesson.id, "id", path, lines.id, diagnostics);
        unique = claim_unique(orders, std::to_string(lesson.order), "order", path, lines.order, diagnostics) && unique;
        if (check_links(lesson, block_counts, path, diagnostics) && unique) out->push_back(std::move(lesson));
    }
    std::stable_sort(out->begin(), out->end(), [](const Lesson& a, const Lesson& b) { return a.order < b.order; });
    return diagnostics->size() == errors_before;
}

bool parse_lesson_link(std::string_view text, LessonLink* out) {
    size_t hash = text.find('#');
    if (hash == std::string_view::npos) return false;
    std::string_view id = text.substr(0, hash);
    int block = 0;
    if (!is_valid_content_id(id) || !parse_small_number(text.substr(hash + 1), &block)) return false;
    out->document_id = std::string(id);
    out->block_id = block;
    return true;
}

bool parse_lesson_source(std::string_view text, const std::string& file_name, Lesson* out, Diagnostics* diagnostics,
                         LessonSourceLines* lines, const LocalSlideSources* local) {
    *out = Lesson{};
    LessonParser parser(file_name, local, diagnostics);
    return parser.parse(text, out, lines);
}

}  // namespace kiosk::core
