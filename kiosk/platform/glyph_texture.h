// The glyph cache's page on the GPU: one SDL texture (RGBA, white with the coverage as alpha,
// blended) that receives only the rectangle the cache changed since the last upload. It holds
// only the page's top rows that the cache's shelves use, growing (doubling, up to the whole
// page) when they reach further: the home screen's glyphs fit in 256 rows (2 MB) instead of
// the page's 1536 (12 MB, which also took ~12 ms to create and clear at start).
#pragma once

#include "core/text/glyph_cache.h"

#include <SDL.h>

#include <string>
#include <vector>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

class GlyphTexture {
public:
    static constexpr int kInitialRows = 256;

    ~GlyphTexture() { destroy(); }
    bool create(SDL_Renderer* renderer, const text::GlyphCache& cache, std::string* error);
    void destroy();
    // Uploads the cache's dirty rectangle (if any), converted a few rows at a time; first grows
    // the texture (a new SDL texture: see texture()) if the cache's shelves reach past it.
    // False if a larger texture could not be created (the glyphs below it are then not drawn).
    bool upload(text::GlyphCache& cache, std::string* error);
    SDL_Texture* texture() const { return texture_; }
    int rows() const { return rows_; }
    uint64_t uploaded_bytes() const { return uploaded_bytes_; }

private:
    bool make_texture(int rows, std::string* error);
    void upload_rect(const text::GlyphCache& cache, const text::GlyphRect& rect);

    SDL_Renderer* renderer_ = nullptr;
    SDL_Texture* texture_ = nullptr;
    int width_ = 0, rows_ = 0;
    std::vector<uint8_t> staging_;  // GlyphCache::kStagingRows rows of RGBA
    uint64_t uploaded_bytes_ = 0;
};

}  // namespace kiosk::platform
