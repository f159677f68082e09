// Draws ImGui's draw data with an SDL_Renderer. Accelerated renderers (the device's opengles2)
// get ImGui's own SDL backend unchanged. SDL's software renderer (headless runs, screenshots,
// tests) rasterizes every triangle over its whole bounding box through a temporary surface, so
// a rounded card, which ImGui fills as a fan of ~30 triangles, costs ~30 times its area: the
// home screen took ~130 ms a frame at 1920x1080. Here such fans of one colour are filled as the
// rectangles of their pixels instead (core/polygon_spans), which SDL fills directly; everything
// else (anti-aliased edges, glyphs, images) still goes through SDL_RenderGeometryRaw, in order.
// Translucent fans skip the pixels an opaque shape drawn later in the same command replaces
// (a card's shadow layers under the card): the same picture, without blending what is not seen.
#pragma once

#include "core/polygon_spans.h"

#include <SDL.h>
#include <imgui.h>

#include <vector>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

class DrawDataRenderer {
public:
    void init(SDL_Renderer* renderer);
    void render(ImDrawData* draw_data);
    // Fans filled as rectangles since init (what the software fast path took over).
    uint64_t fans_as_rects() const { return fans_as_rects_; }
    // Opaque rectangles filled without blending since init.
    uint64_t quads_as_rects() const { return quads_as_rects_; }
    // Pixels of translucent fans not blended since init, because an opaque shape drawn later
    // replaces them (card shadows under their cards).
    uint64_t covered_pixels() const { return covered_pixels_; }

private:
    // A run of one command's triangles, as the software path draws it.
    struct Item {
        enum class Kind : uint8_t { Triangles, Fan, Quad } kind;
        size_t begin = 0, end = 0;            // index range in the command
        ImU32 col = 0;                        // Fan and Quad: their one colour
        size_t span_begin = 0, span_end = 0;  // Fan: its pixel rectangles in spans_
        SDL_Rect rect{};                      // Quad: where it is filled
    };

    void render_software(ImDrawData* draw_data);
    // Index one past the fan of uniform white-texel triangles starting at idx[start], or start.
    size_t fan_end(const ImDrawVert* vtx, const ImDrawIdx* idx, size_t start, size_t count) const;
    void add_vertex(const ImDrawVert& v);
    // True for ImGui's opaque one-colour rectangle at idx[t] (two triangles); `out` is where SDL
    // would draw it.
    bool opaque_quad(const ImDrawVert* vtx, const ImDrawIdx* idx, size_t t, size_t count, SDL_Rect* out) const;
    void flush(const ImDrawVert* vtx, int vertex_count, SDL_Texture* texture);
    void collect_items(const ImDrawVert* vtx, const ImDrawIdx* idx, size_t count, bool white_texture);
    void remove_covered(size_t item_index);

    SDL_Renderer* renderer_ = nullptr;
    bool software_ = false;
    uint64_t fans_as_rects_ = 0, quads_as_rects_ = 0, covered_pixels_ = 0;
    // Reused every frame.
    std::vector<ImDrawIdx> pending_;
    std::vector<Point2> polygon_;
    std::vector<Item> items_;
    std::vector<PixelRect> spans_, fan_spans_, visible_;
    std::vector<SDL_Rect> rects_;
};

// Glyph quads name the glyph texture and address the whole glyph cache page (v from 0 to 1 over
// its height), but the texture holds only the page's top rows and may have been replaced by a
// larger one after the frame was built (GlyphTexture). Points the commands drawn with
// `drawn_with` at `texture` and scales their vertices' v by `v_scale`; `seen` is scratch space.
void retarget_glyph_quads(ImDrawData* draw_data, ImTextureID drawn_with, ImTextureID texture, float v_scale,
                          std::vector<uint8_t>* seen);

}  // namespace kiosk::platform
