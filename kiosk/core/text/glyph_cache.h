// On-demand glyph cache: a glyph (face, glyph id, pixel size) is rasterized by FreeType the
// first time it is drawn and packed into one fixed-size 8-bit coverage page. Shelves, one per
// height class, hold the glyphs; when the page is full the shelves used longest ago are
// emptied (never one holding a glyph drawn in the current frame). The platform uploads only
// the dirty rectangle to its texture. Memory is fixed: the page plus its GPU copy.
#pragma once

#include "core/text/font_collection.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <unordered_map>
#include <vector>

namespace kiosk::core::text {

// FreeType flags the cache renders with (light hinting: vertical only, advances unchanged,
// as ImGui's FreeType builder did). Tests render with the same flags to compare pixels.
constexpr FT_Int32 kGlyphLoadFlags = FT_LOAD_TARGET_LIGHT | FT_LOAD_NO_BITMAP;
// Pixels per em of a face for a style of `style_px` (the size FT_Set_Char_Size gets, in 26.6).
FT_F26Dot6 glyph_char_size(const Face& face, float style_px);

struct GlyphKey {
    uint16_t face_id;  // FontCollection::face_id
    uint32_t glyph;    // glyph id in that face
    uint16_t size_q;   // style size in quarter pixels
    uint64_t packed() const { return (uint64_t(face_id) << 48) | (uint64_t(glyph) << 16) | size_q; }
};

struct CachedGlyph {
    uint16_t x = 0, y = 0, w = 0, h = 0;  // in the page; w == 0 for blank glyphs (spaces)
    int16_t left = 0, top = 0;            // FreeType's bitmap_left / bitmap_top
};

struct GlyphRect {
    int x = 0, y = 0, w = 0, h = 0;
    bool empty() const { return w <= 0 || h <= 0; }
};

struct GlyphCacheStats {
    size_t bytes = 0;         // page + its GPU copy (RGBA) + the upload staging buffer
    size_t glyphs = 0;        // glyphs in the page now
    uint64_t evictions = 0;   // glyphs dropped to make room
    uint64_t misses = 0;      // glyphs rasterized
    uint64_t not_cached = 0;  // glyphs too large for the page, or no room this frame
};

class GlyphCache {
public:
    static constexpr int kDefaultWidth = 2048, kDefaultHeight = 1536;
    static constexpr int kMaxGlyphSide = 512;        // larger glyphs are not cached (counted)
    static constexpr int kStagingRows = 64;          // rows converted to RGBA per upload step
    static constexpr size_t kMaxBlankGlyphs = 4096;  // spaces and invisibles remembered (they take no room)

    GlyphCache(const FontCollection& fonts, int width = kDefaultWidth, int height = kDefaultHeight);

    // Starts a frame: glyphs looked up from now on are protected from eviction until the next call.
    void begin_frame() { ++frame_; }
    // The glyph, rasterized now if needed; nullptr if it cannot be cached (too large, no room
    // left this frame, or FreeType failed). Pointers are valid until the next lookup.
    const CachedGlyph* get(const GlyphKey& key);
    // Quarter-pixel size key of a style size in pixels.
    static uint16_t size_key(float px);

    int width() const { return width_; }
    int height() const { return height_; }
    const uint8_t* pixels() const { return pixels_.get(); }
    // Rows of the page in use: shelves fill it from the top, so rows below this are still empty.
    int used_height() const { return used_height_; }
    // The rectangle changed since the last call, and resets it.
    GlyphRect take_dirty();
    GlyphCacheStats stats() const;
    // Budget the cache never exceeds, in bytes (what stats().bytes reports).
    size_t budget_bytes() const;

private:
    struct Shelf {
        int y, height, x = 0;
        uint64_t last_used = 0;
        std::vector<uint64_t> glyphs;  // keys, to drop them when the shelf is emptied
    };
    Shelf* shelf_at(int y);
    bool rasterize(const GlyphKey& key, CachedGlyph* out);
    int place(int w, int h, int* x, int* y);  // shelf index or -1
    int make_room(int h);                     // shelf index or -1
    void clear_shelf(Shelf& shelf);
    void mark_dirty(int x, int y, int w, int h);

    const FontCollection& fonts_;
    int width_, height_;
    struct FreeDeleter {
        void operator()(uint8_t* p) const { std::free(p); }
    };
    // calloc'ed: the kernel hands out zero pages on first touch, so rows the shelves have not
    // reached cost no memory (and no time clearing them at start).
    std::unique_ptr<uint8_t[], FreeDeleter> pixels_;
    std::vector<Shelf> shelves_;  // top to bottom, contiguous from y = 0
    int used_height_ = 0;
    size_t blank_glyphs_ = 0;
    std::unordered_map<uint64_t, CachedGlyph> glyphs_;
    uint64_t frame_ = 1;
    GlyphRect dirty_;
    GlyphCacheStats stats_;
    std::vector<uint8_t> scratch_;
};

}  // namespace kiosk::core::text
