// The glyph cache's page on the GPU: one SDL texture (RGBA, white with the coverage as alpha,
// blended) that receives only the rectangle the cache changed since the last upload.
#pragma once

#include "core/text/glyph_cache.h"

#include <SDL.h>

#include <string>
#include <vector>

namespace kiosk {

class GlyphTexture {
public:
    ~GlyphTexture() { destroy(); }
    bool create(SDL_Renderer* renderer, const text::GlyphCache& cache, std::string* error);
    void destroy();
    // Uploads the cache's dirty rectangle (if any), converted a few rows at a time.
    void upload(text::GlyphCache& cache);
    SDL_Texture* texture() const { return texture_; }
    uint64_t uploaded_bytes() const { return uploaded_bytes_; }

private:
    SDL_Texture* texture_ = nullptr;
    std::vector<uint8_t> staging_;  // GlyphCache::kStagingRows rows of RGBA
    uint64_t uploaded_bytes_ = 0;
};

}  // namespace kiosk
