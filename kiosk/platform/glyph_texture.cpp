#include "platform/glyph_texture.h"

#include <algorithm>

namespace kiosk {

bool GlyphTexture::create(SDL_Renderer* renderer, const text::GlyphCache& cache, std::string* error) {
    destroy();
    texture_ = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, cache.width(),
                                 cache.height());
    if (!texture_) {
        *error = std::string("cannot create the glyph cache texture: ") + SDL_GetError();
        return false;
    }
    SDL_SetTextureBlendMode(texture_, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(texture_, SDL_ScaleModeNearest);  // glyphs are drawn pixel for pixel
    staging_.assign(static_cast<size_t>(cache.width()) * text::GlyphCache::kStagingRows * 4, 0);
    // The whole page once, so no pixel of the texture is undefined.
    text::GlyphRect all{0, 0, cache.width(), cache.height()};
    for (int y = 0; y < all.h; y += text::GlyphCache::kStagingRows) {
        SDL_Rect rect{0, y, all.w, std::min(text::GlyphCache::kStagingRows, all.h - y)};
        for (size_t i = 0; i < staging_.size(); i += 4) {
            staging_[i] = staging_[i + 1] = staging_[i + 2] = 255;
            staging_[i + 3] = 0;
        }
        SDL_UpdateTexture(texture_, &rect, staging_.data(), all.w * 4);
    }
    return true;
}

void GlyphTexture::destroy() {
    if (texture_) SDL_DestroyTexture(texture_);
    texture_ = nullptr;
}

void GlyphTexture::upload(text::GlyphCache& cache) {
    const text::GlyphRect dirty = cache.take_dirty();
    if (dirty.empty() || !texture_) return;
    const uint8_t* page = cache.pixels();
    for (int y = dirty.y; y < dirty.y + dirty.h; y += text::GlyphCache::kStagingRows) {
        const int rows = std::min(text::GlyphCache::kStagingRows, dirty.y + dirty.h - y);
        for (int row = 0; row < rows; ++row) {
            const uint8_t* src = page + static_cast<size_t>(y + row) * cache.width() + dirty.x;
            uint8_t* dst = staging_.data() + static_cast<size_t>(row) * dirty.w * 4;
            for (int x = 0; x < dirty.w; ++x) {
                dst[x * 4] = dst[x * 4 + 1] = dst[x * 4 + 2] = 255;
                dst[x * 4 + 3] = src[x];
            }
        }
        SDL_Rect rect{dirty.x, y, dirty.w, rows};
        SDL_UpdateTexture(texture_, &rect, staging_.data(), dirty.w * 4);
        uploaded_bytes_ += static_cast<uint64_t>(dirty.w) * rows * 4;
    }
}

}  // namespace kiosk
