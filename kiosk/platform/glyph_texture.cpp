#include "platform/glyph_texture.h"

#include <algorithm>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

bool GlyphTexture::create(SDL_Renderer* renderer, const text::GlyphCache& cache, std::string* error) {
    destroy();
    renderer_ = renderer;
    width_ = cache.width();
    staging_.assign(static_cast<size_t>(width_) * text::GlyphCache::kStagingRows * 4, 0);
    if (!make_texture(std::min(kInitialRows, cache.height()), error)) return false;
    // The new texture's rows once, from the (still empty) page, so no pixel of it is undefined.
    // SDL's software textures are surfaces, which SDL fills with zeros when it creates them:
    // transparent texels, drawn exactly as the page's empty ones (white, transparent), so the
    // 2 MB conversion is skipped there. A GPU texture's memory is undefined until written.
    SDL_RendererInfo info;
    const bool zero_filled = SDL_GetRendererInfo(renderer, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE) != 0;
    if (!zero_filled) upload_rect(cache, text::GlyphRect{0, 0, width_, rows_});
    return true;
}

bool GlyphTexture::make_texture(int rows, std::string* error) {
    SDL_Texture* texture = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, width_, rows);
    if (!texture) {
        *error = std::string("cannot create the glyph cache texture: ") + SDL_GetError();
        return false;
    }
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(texture, SDL_ScaleModeNearest);  // glyphs are drawn pixel for pixel
    destroy();
    texture_ = texture;
    rows_ = rows;
    return true;
}

void GlyphTexture::destroy() {
    if (texture_) SDL_DestroyTexture(texture_);
    texture_ = nullptr;
    rows_ = 0;
}

void GlyphTexture::upload_rect(const text::GlyphCache& cache, const text::GlyphRect& rect) {
    const uint8_t* page = cache.pixels();
    for (int y = rect.y; y < rect.y + rect.h; y += text::GlyphCache::kStagingRows) {
        const int rows = std::min(text::GlyphCache::kStagingRows, rect.y + rect.h - y);
        for (int row = 0; row < rows; ++row) {
            const uint8_t* src = page + static_cast<size_t>(y + row) * cache.width() + rect.x;
            uint8_t* dst = staging_.data() + static_cast<size_t>(row) * rect.w * 4;
            for (int x = 0; x < rect.w; ++x, dst += 4) {
                dst[0] = dst[1] = dst[2] = 255;
                dst[3] = src[x];
            }
        }
        SDL_Rect sdl_rect{rect.x, y, rect.w, rows};
        SDL_UpdateTexture(texture_, &sdl_rect, staging_.data(), rect.w * 4);
        uploaded_bytes_ += static_cast<uint64_t>(rect.w) * rows * 4;
    }
}

bool GlyphTexture::upload(text::GlyphCache& cache, std::string* error) {
    text::GlyphRect dirty = cache.take_dirty();
    if (!renderer_) return true;
    if (cache.used_height() > rows_) {
        // Grow: a new texture with the rows in use rounded up, at least twice the old one.
        const int needed = (cache.used_height() + kInitialRows - 1) / kInitialRows * kInitialRows;
        const int rows = std::min(cache.height(), std::max(needed, rows_ * 2));
        if (!make_texture(rows, error)) return false;
        dirty = text::GlyphRect{0, 0, width_, rows_};  // all of it, from the page
    }
    if (dirty.empty() || !texture_) return true;
    dirty.h = std::min(dirty.h, rows_ - dirty.y);
    if (dirty.h > 0) upload_rect(cache, dirty);
    return true;
}

}  // namespace kiosk::platform
