#include "ui/text_cache.h"

#include <cfloat>

namespace kiosk::ui {

const WrappedText& TextCache::wrap(const std::string& text, ImFont* font, float width, const char* lang) {
    Key key{text.data(), text.size(), font, width};
    auto it = entries_.find(key);
    if (it != entries_.end()) return it->second;
    // A safety net: the cache only ever holds a few hundred texts; if something feeds it
    // ever-new strings, start over rather than grow without bound.
    if (entries_.size() >= kMaxEntries) entries_.clear();
    WrappedText wrapped;
    wrapped.line_height = font->FontSize * 1.3f;
    MeasureFn measure = [font](std::string_view s) {
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
    };
    wrapped.lines = break_lines(text, width, measure, lang);
    return entries_.emplace(key, std::move(wrapped)).first->second;
}

float draw_wrapped(ImDrawList* draw, TextCache& cache, const std::string& text, ImFont* font, ImVec2 pos,
                   float width, ImU32 color, const char* lang, int max_lines) {
    const WrappedText& wrapped = cache.wrap(text, font, width, lang);
    size_t count = wrapped.lines.size();
    bool cut = max_lines > 0 && count > static_cast<size_t>(max_lines);
    if (cut) count = static_cast<size_t>(max_lines);
    for (size_t i = 0; i < count; ++i) {
        const LineSpan& span = wrapped.lines[i];
        ImVec2 at(pos.x, pos.y + wrapped.line_height * static_cast<float>(i));
        const char* begin = text.data() + span.begin;
        const char* end = text.data() + span.end;
        if (cut && i + 1 == count) {
            // Make room for the ellipsis by dropping characters from the end of the line.
            const char* ellipsis = "\xE2\x80\xA6";
            float ellipsis_width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, ellipsis).x;
            while (end > begin &&
                   font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, begin, end).x + ellipsis_width > width) {
                do { --end; } while (end > begin && (static_cast<unsigned char>(*end) & 0xC0) == 0x80);
            }
            draw->AddText(font, font->FontSize, at, color, begin, end);
            float used = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, begin, end).x;
            draw->AddText(font, font->FontSize, ImVec2(at.x + used, at.y), color, ellipsis);
        } else {
            draw->AddText(font, font->FontSize, at, color, begin, end);
        }
    }
    return wrapped.line_height * static_cast<float>(count);
}

}  // namespace kiosk::ui
