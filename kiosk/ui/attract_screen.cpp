// Attract: the loop shown between visitors. Slides of the documents and verbatim
// quotations cross-fade every few seconds; "touch to start" in all three languages.
// Frames are drawn only during a cross-fade; between them the kiosk sleeps.
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr double kSlideSeconds = 8.0;
constexpr double kFadeSeconds = 1.2;

int slide_count(const UiContext& ctx) { return static_cast<int>(ctx.content.documents().size()) * 2; }

ImU32 with_alpha(ImU32 color, float alpha) {
    unsigned a = static_cast<unsigned>(((color >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
    return (color & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

// Slide 2k: document k's card; slide 2k+1: a quotation from it (if it has one).
void draw_slide(UiContext& ctx, int slide, float alpha, ImVec2 min, ImVec2 max) {
    const auto& documents = ctx.content.documents();
    const size_t index = static_cast<size_t>(slide / 2) % documents.size();
    const Document& doc = documents[index];
    const DocumentStrings& strings = ctx.strings.documents[index];
    const Palette& c = ctx.theme.colors;
    const ImU32 white = with_alpha(c.attract_text, alpha);
    const ImU32 soft = with_alpha(c.attract_text_soft, alpha);
    const float width = max.x - min.x;
    float y = min.y;
    const Font* small = ctx.font(FontRole::Regular);
    draw_text(ctx.draw, small, ImVec2(min.x, y), soft, strings.attract_caption);
    y += small->size * 2.0f;
    if (slide % 2 == 0 || strings.quote.empty()) {
        const Font* title = ctx.font(FontRole::Title);
        y += draw_wrapped(ctx.draw, ctx.text_cache, doc.info.title[Lang::Ru], title, ImVec2(min.x, y), width, white, "ru", 4);
        y += ctx.metrics().space_group;
        const Font* medium = ctx.font(FontRole::Medium);
        y += draw_wrapped(ctx.draw, ctx.text_cache, doc.info.title[Lang::Zh], medium, ImVec2(min.x, y), width, soft, "zh", 2);
        y += ctx.metrics().space_item;
        draw_wrapped(ctx.draw, ctx.text_cache, doc.info.title[Lang::En], medium, ImVec2(min.x, y), width, soft, "en", 3);
    } else {
        // A verbatim quotation, set off by an accent bar rather than quotation marks.
        const Font* quote = ctx.fonts.reader(kTextSizeSteps - 1);
        const float bar = ctx.metrics().attract_bullet_bar, indent = ctx.metrics().attract_bullet_indent;
        const float height = ctx.text_cache.wrap(strings.quote, quote, width - indent, "ru").height();
        ctx.draw->AddRectFilled(ImVec2(min.x, y), ImVec2(min.x + bar, y + std::min(height, quote->size * 1.3f * 8)),
                                with_alpha(c.attract_quote_bar, alpha), bar * 0.5f);
        y += draw_wrapped(ctx.draw, ctx.text_cache, strings.quote, quote, ImVec2(min.x + indent, y), width - indent,
                          white, "ru", 8);
        y += ctx.metrics().space_block;
        draw_wrapped(ctx.draw, ctx.text_cache, doc.info.title[Lang::Ru], small, ImVec2(min.x, y), width, soft, "ru", 2);
    }
}

}  // namespace

double next_attract_change(const UiState& state, double now) {
    double t = now - state.attract_started;
    double into_slide = std::fmod(t, kSlideSeconds);
    if (into_slide < kFadeSeconds) return now;  // fading: draw every frame
    return now + (kSlideSeconds - into_slide);
}

void draw_attract_screen(UiContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    ctx.draw->AddRectFilledMultiColor(ImVec2(0, 0), ctx.screen, c.attract_gradient[0], c.attract_gradient[1],
                                      c.attract_gradient[2], c.attract_gradient[3]);
    // Large, faint rings: the kiosk's emblem as decoration.
    const ImVec2 ring(ctx.screen.x * 0.86f, ctx.screen.y * 0.18f);
    for (int i = 1; i <= 4; ++i)
        ctx.draw->AddCircle(ring, theme.metrics.attract_ring_step * static_cast<float>(i), c.attract_ring, 96,
                            theme.metrics.line_regular);

    const Font* title = ctx.font(FontRole::Display);
    const float margin = theme.metrics.attract_margin;
    draw_text(ctx.draw, title, ImVec2(margin, theme.metrics.attract_title_top), c.attract_text,
              ctx.translations.get(Lang::Ru, "app.title"));
    const Font* medium = ctx.font(FontRole::Medium);
    draw_text(ctx.draw, medium, ImVec2(margin, theme.metrics.attract_title_top + title->size * 1.25f),
              c.attract_text_soft, ctx.strings.attract_subtitle);

    const int count = slide_count(ctx);
    if (count > 0) {
        const double t = ctx.now - ctx.state.attract_started;
        const int slide = static_cast<int>(t / kSlideSeconds) % count;
        const double into = std::fmod(t, kSlideSeconds);
        const float fade = into < kFadeSeconds ? static_cast<float>(into / kFadeSeconds) : 1.0f;
        ImVec2 min(margin, ctx.screen.y * 0.33f), max(ctx.screen.x - margin * 1.6f, ctx.screen.y * 0.8f);
        if (fade < 1.0f && t >= kSlideSeconds) draw_slide(ctx, (slide + count - 1) % count, 1.0f - fade, min, max);
        draw_slide(ctx, slide, fade, min, max);
        if (fade < 1.0f) ctx.animating = true;
    }

    // "Touch to start" in every language, in a band along the bottom.
    const float band = theme.metrics.attract_band_height;
    ctx.draw->AddRectFilled(ImVec2(0, ctx.screen.y - band), ctx.screen, c.attract_band);
    const Font* regular = ctx.font(FontRole::Medium);
    draw_text_centered(ctx.draw, regular, ImVec2(0, ctx.screen.y - band), ctx.screen, c.attract_band_text,
                       ctx.strings.attract_touch);
}

}  // namespace kiosk::ui
