#include "core/text/glyph_cache.h"

#include FT_OUTLINE_H

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <new>

namespace kiosk::core::text {

namespace {

constexpr int kPad = 1;  // empty pixels right of and below each glyph

// Shelf heights: multiples of 8 px up to 64, then of 16, so similar glyphs share shelves.
int height_class(int h) { return h <= 64 ? (h + 7) / 8 * 8 : (h + 15) / 16 * 16; }

}  // namespace

FT_F26Dot6 glyph_char_size(const Face& face, float style_px) {
    return static_cast<FT_F26Dot6>(std::lround(style_px * face.scale_per_px * face.units_per_em * 64.0f));
}

GlyphCache::GlyphCache(const FontCollection& fonts, int width, int height)
    : fonts_(fonts),
      width_(width),
      height_(height),
      pixels_(static_cast<uint8_t*>(std::calloc(static_cast<size_t>(width) * height, 1))) {
    if (!pixels_) throw std::bad_alloc();
}

uint16_t GlyphCache::size_key(float px) {
    return static_cast<uint16_t>(std::clamp(std::lround(px * 4.0f), 1L, 65535L));
}

size_t GlyphCache::budget_bytes() const {
    const size_t page = static_cast<size_t>(width_) * height_;
    return page + page * 4 + static_cast<size_t>(width_) * kStagingRows * 4;
}

GlyphCacheStats GlyphCache::stats() const {
    GlyphCacheStats out = stats_;
    out.bytes = budget_bytes();
    out.glyphs = glyphs_.size();
    return out;
}

GlyphRect GlyphCache::take_dirty() {
    GlyphRect out = dirty_;
    dirty_ = GlyphRect{};
    return out;
}

void GlyphCache::mark_dirty(int x, int y, int w, int h) {
    if (dirty_.empty()) {
        dirty_ = {x, y, w, h};
        return;
    }
    const int x1 = std::max(dirty_.x + dirty_.w, x + w), y1 = std::max(dirty_.y + dirty_.h, y + h);
    dirty_.x = std::min(dirty_.x, x);
    dirty_.y = std::min(dirty_.y, y);
    dirty_.w = x1 - dirty_.x;
    dirty_.h = y1 - dirty_.y;
}

GlyphCache::Shelf* GlyphCache::shelf_at(int y) {
    auto it = std::upper_bound(shelves_.begin(), shelves_.end(), y, [](int v, const Shelf& s) { return v < s.y; });
    if (it == shelves_.begin()) return nullptr;
    return &*(it - 1);
}

const CachedGlyph* GlyphCache::get(const GlyphKey& key) {
    const uint64_t packed = key.packed();
    auto it = glyphs_.find(packed);
    if (it != glyphs_.end()) {
        if (it->second.w > 0)
            if (Shelf* shelf = shelf_at(it->second.y)) shelf->last_used = frame_;
        return &it->second;
    }
    CachedGlyph glyph;
    if (!rasterize(key, &glyph)) {
        ++stats_.not_cached;
        return nullptr;
    }
    ++stats_.misses;
    if (glyph.w == 0 && ++blank_glyphs_ > kMaxBlankGlyphs) {
        // Blank glyphs live outside the page; a flood of them (every size of every space) must
        // not grow memory either: forget them all, they are cheap to measure again.
        for (auto entry = glyphs_.begin(); entry != glyphs_.end();)
            entry = entry->second.w == 0 ? glyphs_.erase(entry) : std::next(entry);
        blank_glyphs_ = 1;
    }
    return &glyphs_.emplace(packed, glyph).first->second;
}

bool GlyphCache::rasterize(const GlyphKey& key, CachedGlyph* out) {
    const Face& face = fonts_.face_by_id(key.face_id);
    FT_Face ft = face.ft;
    if (FT_Set_Char_Size(ft, 0, glyph_char_size(face, key.size_q / 4.0f), 72, 72) != 0) return false;
    if (FT_Load_Glyph(ft, key.glyph, kGlyphLoadFlags) != 0) return false;
    // Outlines larger than a page are refused before rendering: they could never be cached.
    if (ft->glyph->format != FT_GLYPH_FORMAT_OUTLINE) return false;
    FT_BBox box;
    FT_Outline_Get_CBox(&ft->glyph->outline, &box);
    if ((box.xMax - box.xMin) / 64 > kMaxGlyphSide || (box.yMax - box.yMin) / 64 > kMaxGlyphSide) return false;
    if (FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_NORMAL) != 0) return false;
    const FT_Bitmap& bitmap = ft->glyph->bitmap;
    out->left = static_cast<int16_t>(ft->glyph->bitmap_left);
    out->top = static_cast<int16_t>(ft->glyph->bitmap_top);
    const int w = static_cast<int>(bitmap.width), h = static_cast<int>(bitmap.rows);
    if (w == 0 || h == 0) return true;  // a blank glyph takes no room
    if (bitmap.pixel_mode != FT_PIXEL_MODE_GRAY) return false;
    if (w > kMaxGlyphSide || h > kMaxGlyphSide || w + kPad > width_ || h + kPad > height_) return false;
    int x = 0, y = 0;
    const int shelf_index = place(w + kPad, h + kPad, &x, &y);
    if (shelf_index < 0) return false;
    Shelf& shelf = shelves_[static_cast<size_t>(shelf_index)];
    shelf.glyphs.push_back(key.packed());
    shelf.last_used = frame_;
    for (int row = 0; row < h; ++row) {
        const uint8_t* src = bitmap.buffer + static_cast<ptrdiff_t>(row) * bitmap.pitch;
        std::memcpy(&pixels_[static_cast<size_t>(y + row) * width_ + x], src, static_cast<size_t>(w));
    }
    out->x = static_cast<uint16_t>(x);
    out->y = static_cast<uint16_t>(y);
    out->w = static_cast<uint16_t>(w);
    out->h = static_cast<uint16_t>(h);
    mark_dirty(x, y, w, h);
    return true;
}

int GlyphCache::place(int w, int h, int* x, int* y) {
    const int cls = std::min(height_class(h), height_);
    for (size_t i = 0; i < shelves_.size(); ++i) {
        Shelf& shelf = shelves_[i];
        if (shelf.height == cls && shelf.x + w <= width_) {
            *x = shelf.x;
            *y = shelf.y;
            shelf.x += w;
            return static_cast<int>(i);
        }
    }
    int index = -1;
    if (used_height_ + cls <= height_) {
        shelves_.push_back(Shelf{used_height_, cls, 0, 0, {}});
        used_height_ += cls;
        index = static_cast<int>(shelves_.size() - 1);
    } else {
        index = make_room(cls);
        if (index < 0) return -1;
    }
    Shelf& shelf = shelves_[static_cast<size_t>(index)];
    *x = 0;
    *y = shelf.y;
    shelf.x = w;
    return index;
}

void GlyphCache::clear_shelf(Shelf& shelf) {
    for (uint64_t key : shelf.glyphs) glyphs_.erase(key);
    stats_.evictions += shelf.glyphs.size();
    shelf.glyphs.clear();
    shelf.x = 0;
    std::memset(&pixels_[static_cast<size_t>(shelf.y) * width_], 0, static_cast<size_t>(shelf.height) * width_);
}

// Empties the run of adjacent shelves, at least `h` high, whose most recent use is oldest,
// skipping any used in this frame; merges the run into one shelf of height `h` and leaves
// the rest as an empty shelf. Returns its index, or -1 when every run is in use.
int GlyphCache::make_room(int h) {
    size_t best_first = 0, best_last = 0;
    uint64_t best_age = UINT64_MAX;
    for (size_t first = 0; first < shelves_.size(); ++first) {
        int total = 0;
        uint64_t newest = 0;
        size_t last = first;
        for (; last < shelves_.size(); ++last) {
            if (shelves_[last].last_used >= frame_) break;
            newest = std::max(newest, shelves_[last].last_used);
            total += shelves_[last].height;
            if (total >= h) break;
        }
        if (last < shelves_.size() && total >= h && newest < best_age) {
            best_age = newest;
            best_first = first;
            best_last = last;
        }
    }
    if (best_age == UINT64_MAX) return -1;
    int total = 0;
    for (size_t i = best_first; i <= best_last; ++i) {
        clear_shelf(shelves_[i]);
        total += shelves_[i].height;
    }
    shelves_.erase(shelves_.begin() + static_cast<ptrdiff_t>(best_first) + 1,
                   shelves_.begin() + static_cast<ptrdiff_t>(best_last) + 1);
    Shelf& merged = shelves_[best_first];
    merged.height = h;
    merged.last_used = 0;
    if (total > h)
        shelves_.insert(shelves_.begin() + static_cast<ptrdiff_t>(best_first) + 1, Shelf{merged.y + h, total - h, 0, 0, {}});
    return static_cast<int>(best_first);
}

}  // namespace kiosk::core::text
