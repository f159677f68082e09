// The on-demand glyph cache: pixels equal FreeType's own rendering, eviction under a flood of
// new characters stays within the budget, and glyphs too large for a page are refused.
#include "font_fixture.h"
#include "core/text/font_collection.h"
#include "core/text/glyph_cache.h"

#include <doctest/doctest.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <cmath>
#include <memory>
#include <set>
#include <string>
#include <vector>

using namespace kiosk::core::text;

namespace {

const FontCollection& fonts() { return kiosk::test::test_fonts(); }

// FreeType on its own: opens the face's file, sizes it so that the line box (ascender minus
// descender) is `style_px`, and renders the glyph the way the cache should.
class Reference {
public:
    Reference() { REQUIRE(FT_Init_FreeType(&library_) == 0); }
    ~Reference() {
        for (auto& [path, face] : faces_) FT_Done_Face(face);
        FT_Done_FreeType(library_);
    }
    // Checks the cached glyph's pixels and placement against FreeType's rendering.
    void check(const GlyphCache& cache, const CachedGlyph& cached, const Face& face_info, int index, uint32_t glyph,
               float style_px) {
        FT_Face face = open(face_info.path, index);
        const float line_box = static_cast<float>(face->ascender - face->descender);
        const float em_px = style_px * face->units_per_EM / line_box;
        REQUIRE(FT_Set_Char_Size(face, 0, std::lround(em_px * 64.0f), 72, 72) == 0);
        REQUIRE(FT_Load_Glyph(face, glyph, FT_LOAD_TARGET_LIGHT | FT_LOAD_NO_BITMAP) == 0);
        REQUIRE(FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL) == 0);
        const FT_Bitmap& bitmap = face->glyph->bitmap;
        REQUIRE(cached.w == bitmap.width);
        REQUIRE(cached.h == bitmap.rows);
        CHECK(cached.left == face->glyph->bitmap_left);
        CHECK(cached.top == face->glyph->bitmap_top);
        int differing = 0;
        for (unsigned y = 0; y < bitmap.rows; ++y)
            for (unsigned x = 0; x < bitmap.width; ++x)
                differing += cache.pixels()[(cached.y + y) * cache.width() + cached.x + x] !=
                             bitmap.buffer[static_cast<int>(y) * bitmap.pitch + static_cast<int>(x)];
        CHECK(differing == 0);
    }

private:
    FT_Face open(const std::string& path, int index) {
        for (auto& [p, face] : faces_)
            if (p == path) return face;
        FT_Face face = nullptr;
        REQUIRE(FT_New_Face(library_, path.c_str(), index, &face) == 0);
        faces_.emplace_back(path, face);
        return face;
    }
    FT_Library library_ = nullptr;
    std::vector<std::pair<std::string, FT_Face>> faces_;
};

uint32_t glyph_of(size_t face, char32_t cp) { return FT_Get_Char_Index(fonts().face(face, Weight::Regular).ft, cp); }

}  // namespace

TEST_CASE("a cached glyph's pixels equal FreeType's own rendering of it") {
    GlyphCache cache(fonts());
    Reference reference;
    struct Sample {
        size_t face;
        char32_t cp;
        float px;
    };
    const size_t cjk = fonts().cjk_index();
    for (const Sample& s : {Sample{0, U'Ж', 30}, Sample{0, U'g', 17.25f}, Sample{cjk, U'合', 34}, Sample{0, U'A', 64}}) {
        CAPTURE(static_cast<unsigned>(s.cp));
        const uint32_t glyph = glyph_of(s.face, s.cp);
        REQUIRE(glyph != 0);
        cache.begin_frame();
        const CachedGlyph* cached =
            cache.get({FontCollection::face_id(s.face, Weight::Regular), glyph, GlyphCache::size_key(s.px)});
        REQUIRE(cached != nullptr);
        reference.check(cache, *cached, fonts().face(s.face, Weight::Regular), s.face == cjk ? 2 : 0, glyph, s.px);
    }
    CHECK(cache.stats().misses == 4);
    // A second lookup is a hit, and the page changed only where the glyphs went.
    cache.begin_frame();
    CHECK(cache.get({0, glyph_of(0, U'Ж'), GlyphCache::size_key(30)}) != nullptr);
    CHECK(cache.stats().misses == 4);
    const GlyphRect dirty = cache.take_dirty();
    CHECK(!dirty.empty());
    CHECK(dirty.w * dirty.h < cache.width() * cache.height() / 10);
    CHECK(cache.take_dirty().empty());
}

TEST_CASE("20,000 distinct characters through a one-page cache evict, stay in budget and end correct") {
    GlyphCache cache(fonts(), 512, 512);
    Reference reference;
    const size_t cjk = fonts().cjk_index();
    const size_t budget = cache.budget_bytes();
    CHECK(budget == 512 * 512 * 5 + 512 * GlyphCache::kStagingRows * 4);
    std::vector<std::pair<uint32_t, const CachedGlyph*>> last_frame;
    std::set<uint32_t> distinct;  // a few ideographs share a glyph in the font
    char32_t cp = 0x4E00;
    for (int frame = 0; frame < 200; ++frame) {
        cache.begin_frame();
        last_frame.clear();
        for (int i = 0; i < 100; ++i, ++cp) {
            const uint32_t glyph = glyph_of(cjk, cp);
            distinct.insert(glyph);
            const CachedGlyph* cached = cache.get({FontCollection::face_id(cjk, Weight::Regular), glyph, 96});
            REQUIRE(cached != nullptr);  // a frame of 100 glyphs always fits
            last_frame.emplace_back(glyph, cached);
        }
        REQUIRE(cache.stats().bytes <= budget);
    }
    const GlyphCacheStats stats = cache.stats();
    CHECK(distinct.size() > 19900);
    CHECK(stats.misses >= distinct.size());
    CHECK(stats.evictions > 15000);
    CHECK(stats.glyphs < 1000);
    // Every glyph of the last frame is still there, with FreeType's pixels, at its own place.
    for (auto& [glyph_id, cached] : last_frame) {
        const auto glyph = glyph_id;  // CAPTURE's lambda may not name a structured binding (C++17, clang)
        CAPTURE(glyph);
        const CachedGlyph* again = cache.get({FontCollection::face_id(cjk, Weight::Regular), glyph, 96});
        REQUIRE(again == cached);
        reference.check(cache, *cached, fonts().face(cjk, Weight::Regular), 2, glyph, 24);
    }
}

TEST_CASE("glyphs larger than a page are refused and counted, a full frame never evicts its own glyphs") {
    GlyphCache cache(fonts(), 128, 128);
    cache.begin_frame();
    CHECK(cache.get({0, glyph_of(0, U'W'), GlyphCache::size_key(400)}) == nullptr);   // larger than the page
    CHECK(cache.get({0, glyph_of(0, U'W'), GlyphCache::size_key(9000)}) == nullptr);  // larger than any page
    CHECK(cache.stats().not_cached == 2);
    // Fill the page within one frame: what does not fit is refused, nothing of this frame is lost.
    std::vector<const CachedGlyph*> kept;
    int refused = 0;
    for (char32_t cp = U'A'; cp <= U'Z'; ++cp) {
        const CachedGlyph* cached = cache.get({0, glyph_of(0, cp), GlyphCache::size_key(60)});
        if (cached) kept.push_back(cached);
        else ++refused;
    }
    CHECK(refused > 0);
    CHECK(cache.stats().evictions == 0);
    CHECK(cache.stats().glyphs == kept.size());
    // In the next frame the old glyphs can go.
    cache.begin_frame();
    CHECK(cache.get({0, glyph_of(0, U'a'), GlyphCache::size_key(60)}) != nullptr);
    CHECK(cache.stats().evictions > 0);
    CHECK(cache.stats().bytes == cache.budget_bytes());
}

TEST_CASE("blank glyphs at ever new sizes do not grow the cache without bound") {
    GlyphCache cache(fonts(), 128, 128);
    const uint32_t space = glyph_of(0, U' ');
    cache.begin_frame();
    for (uint16_t size = 1; size < 20000; ++size) CHECK(cache.get({0, space, size}) != nullptr);
    CHECK(cache.stats().glyphs <= GlyphCache::kMaxBlankGlyphs);
    CHECK(cache.stats().misses == 19999);
}
