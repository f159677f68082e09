#include "core/text_layout.h"

#include "core/utf8.h"

#include <linebreak.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace kiosk::core {

namespace {

void init_unibreak_once() {
    static const bool initialized = [] {
        init_linebreak();
        return true;
    }();
    (void)initialized;
}

// The text as code points, with the byte offset where each one starts (plus the total size),
// so that break positions found on code points map back to byte ranges of the original text.
struct DecodedText {
    std::vector<utf32_t> code_points;
    std::vector<size_t> offsets;
};

DecodedText decode_text(std::string_view text) {
    DecodedText decoded;
    decoded.code_points.reserve(text.size());
    decoded.offsets.reserve(text.size() + 1);
    for (size_t pos = 0; pos < text.size();) {
        decoded.offsets.push_back(pos);
        decoded.code_points.push_back(utf8::decode(text, pos));
    }
    decoded.offsets.push_back(text.size());
    return decoded;
}

// Whitespace that hangs past the end of a line instead of taking width: spaces, tabs, the
// newline characters of UAX #14 mandatory breaks, breakable Unicode spaces and zero-width space.
bool hangs_at_line_end(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0x85 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x2006) || (cp >= 0x2008 && cp <= 0x200B) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x205F || cp == 0x3000;
}

// Code points that belong to the character before them: combining marks, variation selectors,
// joiners, emoji modifiers. A word broken between characters is never split before one of these.
bool extends_previous(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || cp == 0x200C || cp == 0x200D || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0x302A && cp <= 0x302F) || cp == 0x3099 || cp == 0x309A || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

// Greedy line filling, fed one segment (text between two break opportunities) at a time.
class LineFiller {
public:
    // `fallback`, when given, holds every UAX #14 opportunity while the segments end only at the
    // preferred ones (Chinese word boundaries): a word wider than a line is split there first.
    LineFiller(std::string_view text, const DecodedText& decoded, float max_width, const MeasureFn& measure,
               const std::vector<char>* fallback)
        : text_(text), decoded_(decoded), max_width_(max_width), measure_(measure), fallback_(fallback) {}

    // Places code points [first, end), which end at a break opportunity.
    void add_segment(size_t first, size_t end);
    // Ends the current line at a mandatory break; the line is kept even when it is empty.
    void hard_break() { emit_line(); }
    // Ends the text: keeps the last line unless nothing followed the last mandatory break.
    std::vector<LineSpan> finish() {
        if (has_line_) emit_line();
        return std::move(lines_);
    }

private:
    float measure_bytes(size_t begin, size_t end) const;
    float measure_spaces(size_t begin, size_t end);
    void start_line(size_t first, size_t content_end, float content_width);
    void break_long_word(size_t first, size_t end);
    void emit_line();

    std::string_view text_;
    const DecodedText& decoded_;
    float max_width_;
    const MeasureFn& measure_;
    const std::vector<char>* fallback_;
    float single_space_width_ = -1;  // measured on first use: most gaps are one ASCII space

    std::vector<LineSpan> lines_;
    bool has_line_ = false;     // something (maybe only whitespace) since the last emitted line
    bool has_content_ = false;  // the current line holds at least one visible character
    size_t begin_ = 0;          // byte where the current line starts
    size_t content_end_ = 0;    // byte after its last visible character
    float width_ = 0;           // width of [begin_, content_end_)
    float hanging_width_ = 0;   // width of the whitespace after content_end_, paid if the line goes on
};

float LineFiller::measure_bytes(size_t begin, size_t end) const {
    return begin < end ? measure_(text_.substr(begin, end - begin)) : 0.0f;
}

float LineFiller::measure_spaces(size_t begin, size_t end) {
    if (end - begin != 1 || text_[begin] != ' ') return measure_bytes(begin, end);
    if (single_space_width_ < 0) single_space_width_ = measure_bytes(begin, end);
    return single_space_width_;
}

void LineFiller::add_segment(size_t first, size_t end) {
    const std::vector<size_t>& offsets = decoded_.offsets;
    size_t content_end = end;
    while (content_end > first && hangs_at_line_end(decoded_.code_points[content_end - 1])) --content_end;
    float space_width = measure_spaces(offsets[content_end], offsets[end]);

    if (content_end == first) {  // only whitespace: it hangs after whatever precedes it
        if (!has_line_) start_line(first, first, 0);
        hanging_width_ += space_width;
        return;
    }
    float content_width = measure_bytes(offsets[first], offsets[content_end]);
    if (has_line_ && width_ + hanging_width_ + content_width <= max_width_) {
        width_ = width_ + hanging_width_ + content_width;
        content_end_ = offsets[content_end];
        has_content_ = true;
    } else {
        // A line holding only leading whitespace is dropped rather than shown as an empty line.
        if (has_content_) emit_line();
        if (content_width <= max_width_) start_line(first, content_end, content_width);
        else break_long_word(first, content_end);
        has_content_ = true;
    }
    hanging_width_ = space_width;
}

void LineFiller::start_line(size_t first, size_t content_end, float content_width) {
    has_line_ = true;
    begin_ = decoded_.offsets[first];
    content_end_ = decoded_.offsets[content_end];
    width_ = content_width;
    hanging_width_ = 0;
}

// Fills whole lines with a word too wide for any line: split at its UAX #14 opportunities when
// there are fallback ones (a Chinese word run), else between characters. The rest of the word
// stays as the start of the current line so the text after it can follow on the same line.
void LineFiller::break_long_word(size_t first, size_t end) {
    const std::vector<size_t>& offsets = decoded_.offsets;
    size_t piece_first = first;
    float piece_width = 0;
    size_t cut = first;  // the last fallback opportunity inside the piece (first: none)
    float width_before_cut = 0;
    for (size_t cluster = first; cluster < end;) {
        size_t cluster_end = cluster + 1;
        while (cluster_end < end &&
               (extends_previous(decoded_.code_points[cluster_end]) || decoded_.code_points[cluster_end - 1] == 0x200D)) {
            ++cluster_end;
        }
        float cluster_width = measure_bytes(offsets[cluster], offsets[cluster_end]);
        while (cluster > piece_first && piece_width + cluster_width > max_width_) {
            if (cut > piece_first) {
                lines_.push_back({offsets[piece_first], offsets[cut], width_before_cut});
                piece_width -= width_before_cut;
                piece_first = cut;
            } else {
                lines_.push_back({offsets[piece_first], offsets[cluster], piece_width});
                piece_first = cluster;
                piece_width = 0;
            }
        }
        if (fallback_ && cluster > piece_first && (*fallback_)[cluster - 1] == LINEBREAK_ALLOWBREAK) {
            cut = cluster;
            width_before_cut = piece_width;
        }
        piece_width += cluster_width;
        cluster = cluster_end;
    }
    start_line(piece_first, end, piece_width);
}

void LineFiller::emit_line() {
    lines_.push_back({begin_, content_end_, width_});
    has_line_ = false;
    has_content_ = false;
    width_ = 0;
    hanging_width_ = 0;
}

// Checks each line with `line_width` and moves the words after its last break opportunity to a
// line of their own while it overflows (a single unbreakable word stays as it is).
void fit_lines(std::string_view text, const DecodedText& decoded, const std::vector<char>& brks, float max_width,
               const MeasureFn& line_width, std::vector<LineSpan>* lines) {
    const std::vector<size_t>& offsets = decoded.offsets;
    for (size_t i = 0; i < lines->size(); ++i) {
        while (true) {
            LineSpan& line = (*lines)[i];
            line.width = line_width(text.substr(line.begin, line.end - line.begin));
            if (line.width <= max_width) break;
            size_t last = static_cast<size_t>(std::lower_bound(offsets.begin(), offsets.end(), line.end) - offsets.begin());
            size_t cut = 0, head_end = 0;
            for (size_t k = last; k-- > 0 && offsets[k + 1] > line.begin;) {
                if (brks[k] != LINEBREAK_ALLOWBREAK || offsets[k + 1] >= line.end) continue;
                size_t e = k + 1;
                while (e > 0 && offsets[e - 1] >= line.begin && hangs_at_line_end(decoded.code_points[e - 1])) --e;
                if (offsets[e] <= line.begin) continue;
                cut = offsets[k + 1];
                head_end = offsets[e];
                break;
            }
            if (cut == 0) break;
            LineSpan tail{cut, line.end, 0};
            line.end = head_end;
            lines->insert(lines->begin() + static_cast<ptrdiff_t>(i) + 1, tail);
        }
    }
}

bool is_chinese(const char* lang) { return lang && std::strncmp(lang, "zh", 2) == 0; }

struct BreakIteratorCloser {
    void operator()(UBreakIterator* iterator) const { ubrk_close(iterator); }
};

// Keeps, of the UAX #14 opportunities in `brks`, only those at a word boundary found by ICU's
// word break iterator (dictionary-based for Chinese), so that 声明, 领域 or 俄罗斯 are never
// split when a line can end elsewhere. One pass over the text: O(n). Leaves `brks` as it is if
// ICU cannot segment the text.
void keep_word_boundaries(std::string_view text, const DecodedText& decoded, std::vector<char>* brks) {
    thread_local std::unique_ptr<UBreakIterator, BreakIteratorCloser> iterator;
    UErrorCode status = U_ZERO_ERROR;
    if (!iterator) {
        iterator.reset(ubrk_open(UBRK_WORD, "zh", nullptr, 0, &status));
        if (U_FAILURE(status)) {
            iterator.reset();
            return;
        }
    }
    UText utext = UTEXT_INITIALIZER;
    utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
    ubrk_setUText(iterator.get(), &utext, &status);
    if (U_FAILURE(status)) {
        utext_close(&utext);
        return;
    }
    const std::vector<size_t>& offsets = decoded.offsets;
    size_t boundary = static_cast<size_t>(ubrk_first(iterator.get()));
    for (size_t i = 0; i < brks->size(); ++i) {
        // Is there a word boundary after code point i, at byte offsets[i + 1]?
        while (boundary < offsets[i + 1]) {
            int32_t next = ubrk_next(iterator.get());
            boundary = next == UBRK_DONE ? text.size() : static_cast<size_t>(next);
        }
        if ((*brks)[i] == LINEBREAK_ALLOWBREAK && boundary != offsets[i + 1]) (*brks)[i] = LINEBREAK_NOBREAK;
    }
    static const UChar kEmpty[1] = {0};
    ubrk_setText(iterator.get(), kEmpty, 0, &status);  // the iterator must not keep pointing into `text`
    utext_close(&utext);
}

// Code point index of byte offset `byte` (which starts a code point or is the end of the text).
size_t code_point_at(const DecodedText& decoded, size_t byte) {
    return static_cast<size_t>(std::lower_bound(decoded.offsets.begin(), decoded.offsets.end(), byte) -
                               decoded.offsets.begin());
}

bool mandatory_break_between(const DecodedText& decoded, const std::vector<char>& brks, size_t from, size_t to) {
    for (size_t k = code_point_at(decoded, from); k < brks.size() && decoded.offsets[k] < to; ++k)
        if (brks[k] == LINEBREAK_MUSTBREAK) return true;
    return false;
}

// Letters and ideographs of a line: punctuation, spaces and combining marks do not count.
int visible_characters(const DecodedText& decoded, size_t first, size_t end, int enough) {
    int count = 0;
    for (size_t k = first; k < end && count < enough; ++k) {
        char32_t cp = decoded.code_points[k];
        if (!hangs_at_line_end(cp) && !extends_previous(cp) && !u_ispunct(static_cast<UChar32>(cp))) ++count;
    }
    return count;
}

// A paragraph's last line holding a single character (with its punctuation) takes the last word
// of the line before it, when that line keeps something and the new last line still fits.
// Each paragraph costs at most two more measurements of one line: O(n) in all.
void avoid_orphans(std::string_view text, const DecodedText& decoded, const std::vector<char>& brks, float max_width,
                   const MeasureFn& measure, const MeasureFn* line_width, std::vector<LineSpan>* lines) {
    const std::vector<size_t>& offsets = decoded.offsets;
    const MeasureFn& width_of = line_width ? *line_width : measure;
    for (size_t i = 1; i < lines->size(); ++i) {
        LineSpan& last = (*lines)[i];
        LineSpan& before = (*lines)[i - 1];
        if (i + 1 < lines->size() && !mandatory_break_between(decoded, brks, last.end, (*lines)[i + 1].begin)) continue;
        if (mandatory_break_between(decoded, brks, before.end, last.begin)) continue;  // a one-line paragraph
        const size_t last_first = code_point_at(decoded, last.begin), last_end = code_point_at(decoded, last.end);
        if (visible_characters(decoded, last_first, last_end, 2) != 1) continue;
        // The last opportunity inside the line before, after which that line keeps a character.
        const size_t before_first = code_point_at(decoded, before.begin);
        for (size_t k = code_point_at(decoded, before.end); k-- > before_first + 1;) {
            if (brks[k - 1] != LINEBREAK_ALLOWBREAK) continue;
            size_t head_end = k;
            while (head_end > before_first && hangs_at_line_end(decoded.code_points[head_end - 1])) --head_end;
            if (head_end == before_first) break;
            const size_t tail_begin = offsets[k];
            const float tail_width = width_of(text.substr(tail_begin, last.end - tail_begin));
            if (tail_width > max_width) break;
            before.end = offsets[head_end];
            before.width = width_of(text.substr(before.begin, before.end - before.begin));
            last.begin = tail_begin;
            last.width = tail_width;
            break;
        }
    }
}

}  // namespace

std::vector<LineSpan> break_lines(std::string_view text, float max_width, const MeasureFn& measure, const char* lang,
                                  const MeasureFn* line_width) {
    if (text.empty()) return {};
    init_unibreak_once();
    DecodedText decoded = decode_text(text);
    size_t count = decoded.code_points.size();
    // brks[i] says whether a line may end after code point i; the last entry is always a must-break.
    std::vector<char> brks(count);
    set_linebreaks_utf32(decoded.code_points.data(), count, lang, brks.data());
    // Chinese: lines end at word boundaries; any UAX #14 opportunity only inside a too-long word.
    const bool chinese = is_chinese(lang);
    std::vector<char> fallback;
    if (chinese) {
        fallback = brks;
        keep_word_boundaries(text, decoded, &brks);
    }

    LineFiller filler(text, decoded, max_width, measure, chinese ? &fallback : nullptr);
    size_t segment_first = 0;
    for (size_t i = 0; i < count; ++i) {
        if (brks[i] != LINEBREAK_MUSTBREAK && brks[i] != LINEBREAK_ALLOWBREAK) continue;
        filler.add_segment(segment_first, i + 1);
        segment_first = i + 1;
        if (brks[i] == LINEBREAK_MUSTBREAK && i + 1 < count) filler.hard_break();
    }
    std::vector<LineSpan> lines = filler.finish();
    if (line_width) fit_lines(text, decoded, brks, max_width, *line_width, &lines);
    if (chinese) avoid_orphans(text, decoded, brks, max_width, measure, line_width, &lines);
    return lines;
}

}  // namespace kiosk::core
