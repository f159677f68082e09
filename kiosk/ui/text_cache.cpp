#include "ui/text_cache.h"

#include "core/utf8.h"
#include "ui/text_renderer.h"

#include <cmath>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

WrappedText wrap_text(const std::string& text, const Font* font, float width, const char* lang) {
    WrappedText wrapped;
    wrapped.line_height = font->size * 1.3f;
    wrapped.lines = font->renderer->break_lines(*font, text, width, lang);
    return wrapped;
}

WrappedText& WrapSlot::wrap(const std::string& text, const Font* for_font, float for_width, const char* lang) {
    if (for_font != font || for_width != width) {
        wrapped = wrap_text(text, for_font, for_width, lang);
        font = for_font;
        width = for_width;
    }
    return wrapped;
}

WrappedText& TextCache::wrap(const std::string& text, const Font* font, float width, const char* lang) {
    Key key{text.data(), text.size(), font, width};
    auto it = entries_.find(key);
    if (it != entries_.end()) {
        if (it->second.text != text) {  // another text now lives at this address
            it->second.text = text;
            it->second.wrapped = wrap_text(text, font, width, lang);
        }
        return it->second.wrapped;
    }
    // A safety net: the cache only ever holds a few hundred texts; if something feeds it
    // ever-new strings, start over rather than grow without bound.
    if (entries_.size() >= kMaxEntries) entries_.clear();
    return entries_.emplace(key, Entry{text, wrap_text(text, font, width, lang)}).first->second.wrapped;
}

float draw_wrapped(ImDrawList* draw, TextCache& cache, const std::string& text, const Font* font, ImVec2 pos,
                   float width, ImU32 color, const char* lang, int max_lines, bool centered) {
    return draw_wrapped(draw, cache.wrap(text, font, width, lang), text, font, pos, width, color, max_lines, centered);
}

float draw_wrapped(ImDrawList* draw, WrappedText& wrapped, const std::string& text, const Font* font, ImVec2 pos,
                   float width, ImU32 color, int max_lines, bool centered) {
    size_t count = wrapped.lines.size();
    bool cut = max_lines > 0 && count > static_cast<size_t>(max_lines);
    if (cut) count = static_cast<size_t>(max_lines);
    for (size_t i = 0; i < count; ++i) {
        const LineSpan& span = wrapped.lines[i];
        ImVec2 at(centered ? std::floor(pos.x + (width - span.width) * 0.5f) : pos.x,
                  pos.y + wrapped.line_height * static_cast<float>(i));
        const char* begin = text.data() + span.begin;
        const char* end = text.data() + span.end;
        if (cut && i + 1 == count) {
            // Make room for the ellipsis by dropping characters from the end of the line.
            // Found once per cut and kept with the wrapped text, so steady frames do not search again.
            const char* ellipsis = "\xE2\x80\xA6";
            if (wrapped.cut_line != i) {
                float ellipsis_width = text_width(font, ellipsis);
                while (end > begin && text_width(font, begin, end) + ellipsis_width > width) {
                    end = begin + utf8::prev_boundary(std::string_view(begin, end - begin), end - begin);
                }
                wrapped.cut_line = i;
                wrapped.cut_end = static_cast<size_t>(end - text.data());
            }
            end = text.data() + wrapped.cut_end;
            draw_text_elided(draw, font, at, color, std::string_view(begin, static_cast<size_t>(end - begin)));
        } else {
            draw_text(draw, font, at, color, begin, end);
        }
    }
    return wrapped.line_height * static_cast<float>(count);
}

}  // namespace kiosk::ui
