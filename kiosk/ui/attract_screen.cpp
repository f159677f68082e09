// Attract: the loop shown between visitors. Each document's card, then its quotation (whole
// sentences of the official Russian text, with the same passage of the kiosk's Chinese or
// English translation, alternating from one pass of the loop to the next), change every few
// seconds: one slide fades out completely before the next fades in. "Touch to start" in all
// three languages. Frames are drawn only during a fade; between them the kiosk sleeps.
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr double kSlideSeconds = 8.0;
constexpr double kFadeSeconds = 1.2;  // the first half fades the old slide out, the second the new one in
// Lines no longer than about 70 characters of the lead font, for reading at a distance.
constexpr float kMeasureEm = 36.0f;

struct Slide {
    int document = -1;
    bool quote = false;
};

// The document cards in order, each followed by its quotation when it has one.
std::vector<Slide> attract_slides(const UiContext& ctx) {
    std::vector<Slide> slides;
    const auto& documents = ctx.content.documents();
    for (size_t i = 0; i < documents.size(); ++i) {
        slides.push_back({static_cast<int>(i), false});
        if (quote_block(documents[i]) >= 0) slides.push_back({static_cast<int>(i), true});
    }
    return slides;
}

// Quotations alternate between the Chinese and the English translation, and swap on the next
// pass, so every quotation is shown with both; a missing translation gives way to the other.
Lang quote_translation(const Document& doc, long slide_number, int slide_count) {
    const long pass = slide_number / std::max(slide_count, 1);
    Lang lang = (slide_number / 2 + pass) % 2 == 0 ? Lang::Zh : Lang::En;
    const Lang other = lang == Lang::Zh ? Lang::En : Lang::Zh;
    if (doc.info.quote[lang].empty()) lang = other;
    return doc.info.quote[lang].empty() ? Lang::Ru : lang;
}

ImU32 with_alpha(ImU32 color, float alpha) {
    unsigned a = static_cast<unsigned>(((color >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
    return (color & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

// One text of a slide, laid out before anything is drawn so the slide can be sized to fit.
struct Piece {
    const char* what;
    const std::string* text;
    const Font* font;
    const char* lang;
    bool soft;
    float gap_before;  // space above it
    float indent = 0;  // beside the quotation bar
};

// The fonts of one slide, largest first; every one keeps the text floors (fonts.h).
struct FontChoice {
    int step;    // text size step
    bool large;  // Title and Medium styles, else the reader's body and Regular
    const Font* lead(const UiContext& ctx) const {
        return large ? ctx.fonts.get(FontRole::Title, step) : ctx.fonts.reader(step);
    }
    // Translations and the other titles.
    const Font* other(const UiContext& ctx, Lang lang) const {
        return ctx.fonts.get(large ? FontRole::Medium : FontRole::Regular, step, script_of(lang));
    }
    // Captions and sources.
    const Font* small(const UiContext& ctx, Lang lang) const {
        return ctx.fonts.get(large ? FontRole::Regular : FontRole::Small, step, script_of(lang));
    }
};

std::vector<FontChoice> font_ladder() {
    std::vector<FontChoice> ladder;
    for (int step = kTextSizeSteps - 1; step >= 1; --step) ladder.push_back({step, true});
    for (int step = kTextSizeSteps - 1; step >= 0; --step) ladder.push_back({step, false});
    return ladder;
}

std::vector<Piece> slide_pieces(const UiContext& ctx, const Slide& slide, Lang translation, const FontChoice& fonts) {
    const Document& doc = ctx.content.documents()[static_cast<size_t>(slide.document)];
    const DocumentStrings& strings = ctx.strings.documents[static_cast<size_t>(slide.document)];
    const Metrics& m = ctx.metrics();
    std::vector<Piece> pieces;
    if (!slide.quote) {
        pieces.push_back({"caption", &strings.attract_caption, fonts.small(ctx, Lang::Ru), "ru", true, 0});
        pieces.push_back({"document_title", &doc.info.title[Lang::Ru], fonts.lead(ctx), "ru", false, m.space_group});
        for (Lang lang : {Lang::Zh, Lang::En})
            pieces.push_back({"document_title", &doc.info.title[lang], fonts.other(ctx, lang), lang_code(lang), true,
                              m.space_group});
        return pieces;
    }
    const float indent = m.attract_bullet_indent;
    // The source line under it names the document and its year.
    pieces.push_back({"quote", &doc.info.quote[Lang::Ru], fonts.lead(ctx), "ru", false, 0, indent});
    pieces.push_back({"source", &strings.quote_source[static_cast<int>(Lang::Ru)], fonts.small(ctx, Lang::Ru), "ru",
                      true, m.space_item, indent});
    if (translation != Lang::Ru) {
        const char* code = lang_code(translation);
        pieces.push_back({"translation", &doc.info.quote[translation], fonts.other(ctx, translation), code, false,
                          m.space_block, indent});
        pieces.push_back({"note", &strings.quote_translation_note[static_cast<int>(translation)],
                          fonts.small(ctx, translation), code, true, m.space_item, indent});
    }
    return pieces;
}

float pieces_height(UiContext& ctx, const std::vector<Piece>& pieces, float width) {
    float height = 0;
    for (const Piece& piece : pieces)
        height +=
            piece.gap_before + ctx.text_cache.wrap(*piece.text, piece.font, width - piece.indent, piece.lang).height();
    return height;
}

void record_box(UiContext& ctx, const char* what, ImVec2 min, ImVec2 max, const Font* font) {
    ctx.state.attract.boxes.push_back({what, min.x, min.y, max.x, max.y, font->size});
}

// Draws `slide` at `alpha` inside [min, max]: the largest fonts with which it fits, centred
// vertically (a little above the middle).
void draw_slide(UiContext& ctx, const Slide& slide, Lang translation, float alpha, ImVec2 min, ImVec2 max) {
    const Palette& c = ctx.theme.colors;
    const float width = max.x - min.x, room = max.y - min.y;
    std::vector<Piece> pieces;
    float height = 0, measure = width;
    for (const FontChoice& fonts : font_ladder()) {
        measure = std::min(width, fonts.lead(ctx)->size * kMeasureEm);
        pieces = slide_pieces(ctx, slide, translation, fonts);
        height = pieces_height(ctx, pieces, measure);
        if (height <= room) break;
    }
    float y = min.y + std::max(0.0f, (room - height) * 0.4f);
    float quote_top = -1, quote_bottom = 0;
    for (const Piece& piece : pieces) {
        y += piece.gap_before;
        const ImVec2 pos(min.x + piece.indent, y);
        const ImU32 color = with_alpha(piece.soft ? c.attract_text_soft : c.attract_text, alpha);
        WrappedText& wrapped = ctx.text_cache.wrap(*piece.text, piece.font, measure - piece.indent, piece.lang);
        // Whatever still does not fit on the smallest fonts ends with an ellipsis, never under the band.
        const int max_lines = std::max(1, static_cast<int>((max.y - y) / std::max(wrapped.line_height, 1.0f)));
        const float drawn =
            draw_wrapped(ctx.draw, wrapped, *piece.text, piece.font, pos, measure - piece.indent, color, max_lines);
        float right = pos.x;
        for (const LineSpan& line : wrapped.lines) right = std::max(right, pos.x + line.width);
        record_box(ctx, piece.what, pos, ImVec2(std::min(right, pos.x + measure - piece.indent), y + drawn), piece.font);
        if (piece.indent > 0) {
            if (quote_top < 0) quote_top = y;
            quote_bottom = y + drawn;
        }
        y += drawn;
    }
    if (quote_top >= 0) {
        const float bar = ctx.metrics().attract_bullet_bar;
        ctx.draw->AddRectFilled(ImVec2(min.x, quote_top), ImVec2(min.x + bar, quote_bottom),
                                with_alpha(c.attract_quote_bar, alpha), bar * 0.5f);
    }
}

// The first font of `roles` (largest first) in which `text` fits `width` on one line.
const Font* fitting_font(const UiContext& ctx, std::initializer_list<FontRole> roles, const std::string& text, float width) {
    const Font* font = nullptr;
    for (FontRole role : roles) {
        font = ctx.fonts.get(role, 1);
        if (text_size(font, text).x <= width) break;
    }
    return font;
}

}  // namespace

AttractFrame attract_frame(double seconds, int slide_count) {
    if (slide_count <= 0 || seconds < 0) return {};
    const long number = static_cast<long>(seconds / kSlideSeconds);
    const double into = seconds - static_cast<double>(number) * kSlideSeconds;
    const double half = kFadeSeconds / 2;
    if (into >= kFadeSeconds) return {number, 1.0f};
    if (into >= half) return {number, static_cast<float>((into - half) / half)};  // fading in
    if (number == 0) return {0, 0.0f};                                            // the first slide appears
    return {number - 1, static_cast<float>(1.0 - into / half)};                   // the last one fades out
}

double next_attract_change(const UiState& state, double now) {
    double t = now - state.attract_started;
    double into_slide = std::fmod(t, kSlideSeconds);
    if (into_slide < kFadeSeconds) return now;  // fading: draw every frame
    return now + (kSlideSeconds - into_slide);
}

void draw_attract_screen(UiContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    const Metrics& m = theme.metrics;
    AttractView& view = ctx.state.attract;
    view = AttractView{};
    ctx.draw->AddRectFilledMultiColor(ImVec2(0, 0), ctx.screen, c.attract_gradient[0], c.attract_gradient[1],
                                      c.attract_gradient[2], c.attract_gradient[3]);
    // Large, faint rings: the kiosk's emblem as decoration.
    const ImVec2 ring(ctx.screen.x * 0.86f, ctx.screen.y * 0.18f);
    for (int i = 1; i <= 4; ++i)
        ctx.draw->AddCircle(ring, m.attract_ring_step * static_cast<float>(i), c.attract_ring, 96, m.line_regular);

    // The title in Russian, the subtitle in Chinese and English: each on one line, in the
    // largest style that fits.
    const float margin = m.attract_margin;
    const float text_width = ctx.screen.x - 2 * margin;
    const std::string& app_title = ctx.translations.get(Lang::Ru, "app.title");
    // On a small panel the slide needs the height more than the title.
    const Font* title =
        ctx.layout().small()
            ? fitting_font(ctx, {FontRole::Title, FontRole::Medium}, app_title, text_width)
            : fitting_font(ctx, {FontRole::Display, FontRole::Title, FontRole::Medium}, app_title, text_width);
    float y = m.attract_title_top;
    draw_text(ctx.draw, title, ImVec2(margin, y), c.attract_text, app_title);
    record_box(ctx, "title", ImVec2(margin, y), ImVec2(margin + text_size(title, app_title).x, y + title->size), title);
    y += title->size * 1.25f;
    const Font* subtitle = fitting_font(ctx, {FontRole::Medium, FontRole::Regular, FontRole::Small},
                                        ctx.strings.attract_subtitle, text_width);
    draw_text(ctx.draw, subtitle, ImVec2(margin, y), c.attract_text_soft, ctx.strings.attract_subtitle);
    record_box(ctx, "subtitle", ImVec2(margin, y),
               ImVec2(margin + text_size(subtitle, ctx.strings.attract_subtitle).x, y + subtitle->size), subtitle);
    y += subtitle->size;

    // "Touch to start" in every language, in a band along the bottom: on one line where it
    // fits, else one line per language (portrait).
    const Font* touch = ctx.font(FontRole::Medium);
    std::vector<const std::string*> touch_lines = {&ctx.strings.attract_touch};
    if (text_size(touch, ctx.strings.attract_touch).x > text_width) {
        touch_lines.clear();
        for (const std::string& line : ctx.strings.attract_touch_lines) touch_lines.push_back(&line);
    }
    const float touch_line = touch->size * 1.3f;
    const float band = std::max(m.attract_band_height, touch_line * static_cast<float>(touch_lines.size()) + touch->size);
    const float band_top = ctx.screen.y - band;
    ctx.draw->AddRectFilled(ImVec2(0, band_top), ctx.screen, c.attract_band);
    float touch_y = band_top + (band - touch_line * static_cast<float>(touch_lines.size())) * 0.5f;
    for (const std::string* line : touch_lines) {
        const ImVec2 line_size = text_size(touch, *line);
        const ImVec2 at((ctx.screen.x - line_size.x) * 0.5f, touch_y + (touch_line - line_size.y) * 0.5f);
        draw_text(ctx.draw, touch, at, c.attract_band_text, *line);
        record_box(ctx, "touch", at, ImVec2(at.x + line_size.x, at.y + line_size.y), touch);
        touch_y += touch_line;
    }

    const std::vector<Slide> slides = attract_slides(ctx);
    if (slides.empty()) return;
    const int count = static_cast<int>(slides.size());
    const AttractFrame frame = attract_frame(ctx.now - ctx.state.attract_started, count);
    if (frame.alpha < 1.0f) ctx.animating = true;
    view.alpha = frame.alpha;
    if (frame.alpha <= 0.0f) return;  // between two slides: nothing but the background
    const Slide& slide = slides[static_cast<size_t>(frame.slide % count)];
    const Document& doc = ctx.content.documents()[static_cast<size_t>(slide.document)];
    const Lang translation = slide.quote ? quote_translation(doc, frame.slide, count) : Lang::Ru;
    view.slide = frame.slide;
    view.document = slide.document;
    view.quote = slide.quote;
    view.translation = translation;
    // Between the subtitle and the band, wider in landscape than the rings' side margin allows.
    const float gap = m.space_section;
    const ImVec2 min(margin, y + gap), max(ctx.screen.x - margin * (ctx.layout().portrait() ? 1.0f : 1.6f), band_top - gap);
    draw_slide(ctx, slide, translation, frame.alpha, min, max);
}

}  // namespace kiosk::ui
