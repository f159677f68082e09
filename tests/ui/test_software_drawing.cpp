// The software renderer's fast paths (platform/draw_data_renderer.h, platform/glyph_texture.h):
// rounded shapes filled as rectangles give ImGui's own backend's pixels, and glyphs drawn from a
// glyph texture that grew after the frame was built come out exactly as the cache holds them.
#include "core/text/font_collection.h"
#include "core/text/glyph_cache.h"
#include "platform/draw_data_renderer.h"
#include "platform/glyph_texture.h"

#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

using namespace kiosk;
using namespace kiosk::core;
using namespace kiosk::platform;

namespace {

constexpr int kWidth = 480, kHeight = 320;

// An ImGui context drawing with SDL's software renderer into a surface of its own.
struct SoftwareCanvas {
    SoftwareCanvas() {
        surface = SDL_CreateRGBSurfaceWithFormat(0, kWidth, kHeight, 32, SDL_PIXELFORMAT_RGB888);
        REQUIRE(surface);
        renderer = SDL_CreateSoftwareRenderer(surface);
        REQUIRE(renderer);
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(kWidth, kHeight);
        io.DeltaTime = 1.0f / 60.0f;
        io.Fonts->Flags |= ImFontAtlasFlags_NoMouseCursors;
        ImGui_ImplSDLRenderer_Init(renderer);
        ImGui_ImplSDLRenderer_NewFrame();  // creates the font texture (the white texel)
        fast.init(renderer);
    }
    ~SoftwareCanvas() {
        ImGui_ImplSDLRenderer_Shutdown();
        ImGui::DestroyContext();
        SDL_DestroyRenderer(renderer);
        SDL_FreeSurface(surface);
    }
    void clear(Uint8 grey) {
        SDL_SetRenderDrawColor(renderer, grey, grey, grey, 255);
        SDL_RenderClear(renderer);
    }
    std::vector<uint32_t> pixels() const {
        std::vector<uint32_t> out(static_cast<size_t>(kWidth) * kHeight);
        for (int y = 0; y < kHeight; ++y)
            std::memcpy(&out[static_cast<size_t>(y) * kWidth],
                        static_cast<uint8_t*>(surface->pixels) + static_cast<size_t>(y) * surface->pitch,
                        static_cast<size_t>(kWidth) * 4);
        return out;
    }
    SDL_Surface* surface = nullptr;
    SDL_Renderer* renderer = nullptr;
    DrawDataRenderer fast;
};

int channel_diff(uint32_t a, uint32_t b) {
    int worst = 0;
    for (int shift = 0; shift < 24; shift += 8)
        worst = std::max(worst, std::abs(static_cast<int>((a >> shift) & 0xFF) - static_cast<int>((b >> shift) & 0xFF)));
    return worst;
}

}  // namespace

TEST_CASE("software drawing: rounded shapes filled as rectangles match ImGui's SDL backend") {
    SoftwareCanvas canvas;
    ImGui::NewFrame();
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    draw->AddRectFilled(ImVec2(20.4f, 30.2f), ImVec2(300.6f, 250.3f), IM_COL32(255, 255, 255, 255), 24.0f);
    draw->AddRectFilled(ImVec2(60.0f, 60.0f), ImVec2(440.0f, 300.0f), IM_COL32(20, 60, 140, 90), 40.0f);  // translucent
    draw->AddCircleFilled(ImVec2(380.0f, 90.0f), 50.0f, IM_COL32(200, 90, 20, 255));
    // Plain rectangles, one under a pixel high (SDL still draws one row), in the lower right.
    draw->AddRectFilled(ImVec2(330.6f, 200.4f), ImVec2(460.2f, 280.7f), IM_COL32(10, 120, 60, 255));
    draw->AddRectFilled(ImVec2(330.2f, 290.3f), ImVec2(470.9f, 290.9f), IM_COL32(0, 0, 0, 255));
    draw->AddRectFilled(ImVec2(330.2f, 300.3f), ImVec2(470.9f, 301.5f), IM_COL32(0, 0, 0, 255));
    ImGui::Render();

    canvas.clear(240);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    const std::vector<uint32_t> reference = canvas.pixels();
    canvas.clear(240);
    canvas.fast.render(ImGui::GetDrawData());
    const std::vector<uint32_t> fast = canvas.pixels();

    CHECK(canvas.fast.fans_as_rects() >= 3);  // the fast path drew all three shapes
    CHECK(canvas.fast.quads_as_rects() >= 3);
    // Plain rectangles: the same pixels as SDL's own drawing of them, exactly.
    int rect_differences = 0;
    for (int y = 195; y < kHeight; ++y)
        for (int x = 445; x < kWidth; ++x) rect_differences += fast[y * kWidth + x] != reference[y * kWidth + x];
    CHECK(rect_differences == 0);
    CHECK(fast[290 * kWidth + 460] == 0);  // the thin lines are drawn, a row each
    CHECK(fast[300 * kWidth + 460] == 0);
    size_t differing = 0, shape_pixels = 0;
    for (size_t i = 0; i < fast.size(); ++i) {
        if (channel_diff(reference[i], 0xF0F0F0) > 0) ++shape_pixels;
        if (channel_diff(reference[i], fast[i]) > 8) ++differing;
    }
    REQUIRE(shape_pixels > 50000);
    // Only pixels along an edge may differ (rounding of where an edge meets its anti-aliased rim).
    CHECK(differing * 100 < shape_pixels);
    // Inside, every pixel is the same.
    CHECK(fast[150 * kWidth + 40] == reference[150 * kWidth + 40]);    // white card only
    CHECK(fast[200 * kWidth + 200] == reference[200 * kWidth + 200]);  // card under the translucent panel
    CHECK(fast[90 * kWidth + 380] == reference[90 * kWidth + 380]);    // the circle
}

TEST_CASE("software drawing: translucent layers under an opaque card are skipped, the pixels unchanged") {
    SoftwareCanvas canvas;
    ImGui::NewFrame();
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    // A card with a shadow as the screens draw it (ui::draw_card_shadow): three translucent
    // layers, then the opaque card; then a translucent layer over the card, which stays visible,
    // and one under an opaque shape that is drawn before it, not after.
    for (int i = 3; i >= 1; --i) {
        const float spread = 3.0f * static_cast<float>(i);
        draw->AddRectFilled(ImVec2(30.4f - spread * 0.3f, 40.2f + spread * 0.2f),
                            ImVec2(260.7f + spread * 0.3f, 220.5f + spread),
                            IM_COL32(0x1A, 0x2B, 0x3C, 7 + 3 * (3 - i)), 20.0f + spread);
    }
    draw->AddRectFilled(ImVec2(30.4f, 40.2f), ImVec2(260.7f, 220.5f), IM_COL32(255, 255, 255, 255), 20.0f);
    draw->AddRectFilled(ImVec2(50.0f, 60.0f), ImVec2(200.0f, 120.0f), IM_COL32(200, 30, 30, 100), 12.0f);
    draw->AddRectFilled(ImVec2(300.0f, 40.0f), ImVec2(460.0f, 200.0f), IM_COL32(20, 90, 40, 255), 16.0f);
    draw->AddRectFilled(ImVec2(320.0f, 60.0f), ImVec2(440.0f, 180.0f), IM_COL32(250, 250, 20, 120), 16.0f);
    ImGui::Render();

    canvas.clear(240);
    canvas.fast.render(ImGui::GetDrawData());
    const std::vector<uint32_t> skipping = canvas.pixels();
    // The same frame without the card: every shadow pixel blended, then the card put back on
    // top by drawing it alone. What the card covers is its colour either way, so the two
    // pictures must be equal pixel for pixel.
    CHECK(canvas.fast.covered_pixels() > 3 * 200 * 150);  // most of each shadow layer was skipped
    ImGui::NewFrame();
    draw = ImGui::GetBackgroundDrawList();
    for (int i = 3; i >= 1; --i) {
        const float spread = 3.0f * static_cast<float>(i);
        draw->AddRectFilled(ImVec2(30.4f - spread * 0.3f, 40.2f + spread * 0.2f),
                            ImVec2(260.7f + spread * 0.3f, 220.5f + spread),
                            IM_COL32(0x1A, 0x2B, 0x3C, 7 + 3 * (3 - i)), 20.0f + spread);
        // NOLINTNEXTLINE(performance-no-int-to-ptr): ImGui's own sentinel, (ImDrawCallback)(-1)
        draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);  // a new command: nothing covers it
    }
    draw->AddRectFilled(ImVec2(30.4f, 40.2f), ImVec2(260.7f, 220.5f), IM_COL32(255, 255, 255, 255), 20.0f);
    draw->AddRectFilled(ImVec2(50.0f, 60.0f), ImVec2(200.0f, 120.0f), IM_COL32(200, 30, 30, 100), 12.0f);
    draw->AddRectFilled(ImVec2(300.0f, 40.0f), ImVec2(460.0f, 200.0f), IM_COL32(20, 90, 40, 255), 16.0f);
    draw->AddRectFilled(ImVec2(320.0f, 60.0f), ImVec2(440.0f, 180.0f), IM_COL32(250, 250, 20, 120), 16.0f);
    ImGui::Render();
    const uint64_t covered_before = canvas.fast.covered_pixels();
    canvas.clear(240);
    canvas.fast.render(ImGui::GetDrawData());
    CHECK(canvas.fast.covered_pixels() == covered_before);  // each layer alone in its command: all blended
    const std::vector<uint32_t> blending_all = canvas.pixels();
    int differing = 0;
    for (size_t i = 0; i < skipping.size(); ++i) differing += skipping[i] != blending_all[i];
    CHECK(differing == 0);
    // The translucent layers over the card and over the green shape were drawn.
    CHECK(skipping[90 * kWidth + 120] != 0xFFFFFF);
    CHECK(channel_diff(skipping[120 * kWidth + 380], 0x145A28) > 40);
    // The shadow shows below the card.
    CHECK(channel_diff(skipping[226 * kWidth + 150], 0xF0F0F0) > 0);
}

TEST_CASE("software drawing: a glyph below the first texture rows is drawn from the grown texture") {
    SoftwareCanvas canvas;
    std::string error;
    auto fonts = text::FontCollection::open(std::string(KIOSK_SOURCE_DIR) + "/assets", &error);
    REQUIRE_MESSAGE(fonts, error);
    text::GlyphCache cache(*fonts);
    GlyphTexture texture;
    REQUIRE_MESSAGE(texture.create(canvas.renderer, cache, &error), error);
    CHECK(texture.rows() == GlyphTexture::kInitialRows);
    SDL_Texture* first_texture = texture.texture();

    // Large ideographs until the shelves reach well past the texture's first rows.
    const uint16_t face = text::FontCollection::face_id(fonts->cjk_index(), text::Weight::Regular);
    cache.begin_frame();
    text::CachedGlyph last{};
    for (uint32_t glyph = 2000; cache.used_height() <= 2 * GlyphTexture::kInitialRows + 40; ++glyph) {
        const text::CachedGlyph* g = cache.get({face, glyph, text::GlyphCache::size_key(64.0f)});
        if (g && g->w > 0) last = *g;
        REQUIRE(glyph < 6000);
    }
    REQUIRE(last.y > GlyphTexture::kInitialRows);

    // The frame is built against the first texture and the whole page, as TextRenderer does.
    ImGui::NewFrame();
    const float inv_w = 1.0f / cache.width(), inv_h = 1.0f / cache.height();
    const ImVec2 at(100, 100);
    ImGui::GetBackgroundDrawList()->AddImage(static_cast<ImTextureID>(first_texture), at,
                                             ImVec2(at.x + last.w, at.y + last.h), ImVec2(last.x * inv_w, last.y * inv_h),
                                             ImVec2((last.x + last.w) * inv_w, (last.y + last.h) * inv_h));
    ImGui::Render();
    REQUIRE_MESSAGE(texture.upload(cache, &error), error);
    CHECK(texture.rows() >= cache.used_height());
    CHECK(texture.texture() != first_texture);  // replaced by a taller one
    std::vector<uint8_t> scratch;
    retarget_glyph_quads(ImGui::GetDrawData(), static_cast<ImTextureID>(first_texture),
                         static_cast<ImTextureID>(texture.texture()),
                         static_cast<float>(cache.height()) / static_cast<float>(texture.rows()), &scratch);
    canvas.clear(0);
    canvas.fast.render(ImGui::GetDrawData());
    const std::vector<uint32_t> pixels = canvas.pixels();

    // White coverage over black: each pixel's grey is the glyph's coverage in the page.
    int worst = 0, inked = 0;
    for (int y = 0; y < last.h; ++y) {
        for (int x = 0; x < last.w; ++x) {
            const int coverage = cache.pixels()[static_cast<size_t>(last.y + y) * cache.width() + last.x + x];
            const int drawn =
                static_cast<int>(pixels[static_cast<size_t>(at.y + y) * kWidth + static_cast<size_t>(at.x) + x] & 0xFF);
            worst = std::max(worst, std::abs(coverage - drawn));
            if (coverage > 128) ++inked;
        }
    }
    CHECK(inked > 50);
    CHECK(worst <= 2);
}
