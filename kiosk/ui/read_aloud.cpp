// The read-aloud control: ▶ to start, ■ and a speaker while speaking, or a disabled ▶ with
// the reason when this kiosk cannot read the text aloud. Drawn only when something changes:
// the speaker does not move, so speaking costs no frames.
#include "ui/read_aloud.h"

#include "ui/widgets.h"

#include <algorithm>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

// The part includes the language shown: switching it stops a reading in the old one.
SpeechSource speech_source_of(const UiState& state) {
    SpeechSource source;
    source.screen = static_cast<int>(state.screen());
    switch (state.screen()) {
        case Screen::Reader:
            source.what = state.reader.document;
            source.part = static_cast<int>(state.reader.text_lang);
            break;
        case Screen::Lesson:
            source.what = state.lesson.lesson;
            source.part = state.lesson.slide * kLangCount + static_cast<int>(state.language);
            break;
        case Screen::Quiz:
            source.what = state.lesson.lesson;
            source.part = state.quiz.finished ? -1 : state.quiz.question * kLangCount + static_cast<int>(state.language);
            break;
        default: break;
    }
    return source;
}

SpeechSupport read_aloud_support(const UiContext& ctx, Lang lang) {
    if (!ctx.settings.read_aloud) return SpeechSupport::Disabled;
    return ctx.speech ? ctx.speech->support(lang) : SpeechSupport::NoEngine;
}

const char* read_aloud_message_key(SpeechSupport support) {
    switch (support) {
        case SpeechSupport::NoVoice: return "speech.no_voice";
        case SpeechSupport::NoAudio: return "speech.no_audio";
        case SpeechSupport::NoEngine: return "speech.no_engine";
        case SpeechSupport::Ready:
        case SpeechSupport::Disabled: break;
    }
    return nullptr;
}

bool reading_here(const UiContext& ctx) {
    return ctx.speech && ctx.speech->speaking() && ctx.speech->source() == speech_source_of(ctx.state);
}

namespace {

// A loudspeaker with two sound waves, centred on `center`.
void draw_speaker(ImDrawList* draw, ImVec2 center, float size, ImU32 color, const Theme& theme) {
    const float s = size * 0.5f;
    draw->AddRectFilled(ImVec2(center.x - s, center.y - s * 0.3f), ImVec2(center.x - s * 0.55f, center.y + s * 0.3f), color);
    draw->AddTriangleFilled(ImVec2(center.x - s * 0.6f, center.y - s * 0.3f),
                            ImVec2(center.x - s * 0.05f, center.y - s * 0.8f),
                            ImVec2(center.x - s * 0.05f, center.y + s * 0.8f), color);
    draw->AddTriangleFilled(ImVec2(center.x - s * 0.6f, center.y - s * 0.3f),
                            ImVec2(center.x - s * 0.05f, center.y + s * 0.8f),
                            ImVec2(center.x - s * 0.6f, center.y + s * 0.3f), color);
    for (int wave = 1; wave <= 2; ++wave) {
        draw->PathArcTo(ImVec2(center.x - s * 0.05f, center.y), s * (0.3f + 0.38f * wave), -0.85f, 0.85f, 12);
        draw->PathStroke(color, 0, theme.metrics.line_regular);
    }
}

}  // namespace

bool draw_read_aloud(UiContext& ctx, ImVec2 pos, float height, float max_width, Lang lang, float* right) {
    *right = pos.x;
    const SpeechSupport support = read_aloud_support(ctx, lang);
    if (support == SpeechSupport::Disabled) return false;
    const Palette& c = ctx.theme.colors;
    const ImVec2 max(pos.x, pos.y + height);
    if (support != SpeechSupport::Ready) {
        // Shown, but not a target: the visitor sees why there is no reading in this language.
        const std::string& label = ctx.t("speech.read");
        const float w = button_width(ctx, label);
        ctx.draw->AddRectFilled(pos, ImVec2(pos.x + w, max.y), c.surface_alt, ctx.theme.corner() * 0.75f);
        draw_text_centered(ctx.draw, ctx.font(FontRole::Regular), pos, ImVec2(pos.x + w, max.y), c.text_muted, label);
        const Font* small = ctx.font(FontRole::Small);
        const float text_x = pos.x + w + ctx.metrics().space_item;
        const float width =
            std::max(0.0f, std::min(max_width - w - ctx.metrics().space_item, ctx.metrics().speech_note_max_width));
        if (width > small->size * 4) {
            const std::string& message = ctx.t(read_aloud_message_key(support));
            const WrappedText& wrapped = ctx.text_cache.wrap(message, small, width, lang_code(ctx.state.language));
            const float lines = static_cast<float>(std::min<size_t>(wrapped.lines.size(), 2));
            draw_wrapped(ctx.draw, ctx.text_cache, message, small,
                         ImVec2(text_x, pos.y + (height - wrapped.line_height * lines) * 0.5f), width, c.text_muted,
                         lang_code(ctx.state.language), 2);
            *right = text_x + width;
        } else {
            *right = pos.x + w;
        }
        return false;
    }
    if (reading_here(ctx)) {
        const std::string& label = ctx.t("speech.stop");
        const float w = button_width(ctx, label);
        if (touch_button(ctx, {screen_name(ctx.state.screen()), "stop"}, label, pos, ImVec2(pos.x + w, max.y),
                         ButtonStyle::Primary))
            ctx.speech->stop();
        draw_speaker(ctx.draw, ImVec2(pos.x + w + ctx.metrics().speaker_offset, pos.y + height * 0.5f), height * 0.8f,
                     c.accent, ctx.theme);
        *right = pos.x + w + ctx.metrics().speaker_offset * 2;
        return false;
    }
    const std::string& label = ctx.t("speech.read");
    const float w = button_width(ctx, label);
    *right = pos.x + w;
    return touch_button(ctx, {screen_name(ctx.state.screen()), "read"}, label, pos, ImVec2(pos.x + w, max.y),
                        ButtonStyle::Secondary);
}

void start_reading(UiContext& ctx, std::vector<SpeechItem> items, size_t from) {
    if (!ctx.speech) return;
    ctx.speech->read(std::move(items), from, ctx.state.speech_rate, speech_source_of(ctx.state));
    ctx.animating = true;  // show ■ and the highlight
}

Lang shown_language(const LocalizedText& text, Lang lang) {
    if (!text[lang].empty()) return lang;
    return text[Lang::En].empty() ? Lang::Ru : Lang::En;  // LocalizedText::get's fallback
}

}  // namespace kiosk::ui
