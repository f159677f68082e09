// The text engine's shaping: fallback faces, kerning, complex scripts compared with HarfBuzz
// called directly, right-to-left order, and bad input.
#include "font_fixture.h"
#include "core/text/font_collection.h"
#include "core/text/text_shaper.h"
#include "core/text_layout.h"
#include "core/utf8.h"

#include <doctest/doctest.h>
#include <hb-ot.h>
#include <hb.h>

#include <memory>
#include <string>
#include <vector>

using namespace kiosk::core::text;

namespace {

const FontCollection& fonts() { return kiosk::test::test_fonts(); }

// Index in the chain of the face whose file name contains `name`.
size_t face_named(const char* name) {
    for (size_t i = 0; i < fonts().chain_length(); ++i)
        if (fonts().face(i, Weight::Regular).path.find(name) != std::string::npos) return i;
    FAIL("no face " << name);
    return 0;
}

// Glyph ids HarfBuzz gives for `text` on the face at `path`, called directly.
std::vector<uint32_t> harfbuzz_glyphs(const std::string& path, const char* text, const char* lang) {
    hb_blob_t* blob = hb_blob_create_from_file(path.c_str());
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_t* font = hb_font_create(face);
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, text, -1, 0, -1);
    hb_buffer_guess_segment_properties(buffer);
    hb_buffer_set_language(buffer, hb_language_from_string(lang, -1));
    hb_shape(font, buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    std::vector<uint32_t> out;
    for (unsigned i = 0; i < count; ++i) out.push_back(info[i].codepoint);
    hb_buffer_destroy(buffer);
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return out;
}

std::vector<uint32_t> glyph_ids(const ShapedText& shaped) {
    std::vector<uint32_t> out;
    for (const ShapedGlyph& glyph : shaped.glyphs) out.push_back(glyph.glyph);
    return out;
}

}  // namespace

TEST_CASE("Latin, Cyrillic and Chinese take their faces from the fallback chain") {
    TextShaper shaper(fonts());
    const ShapedText& shaped = shaper.shape("Мир 世界", Weight::Regular, "zh");
    REQUIRE(shaped.glyphs.size() == 6);
    CHECK(shaped.glyphs[0].face_id == FontCollection::face_id(0, Weight::Regular));  // Noto Sans
    CHECK(shaped.glyphs[3].face_id == FontCollection::face_id(0, Weight::Regular));  // the space
    CHECK(shaped.glyphs[4].face_id == FontCollection::face_id(fonts().cjk_index(), Weight::Regular));
    CHECK(shaped.glyphs[5].cluster == std::string("Мир 世").size());
    CHECK(shaper.missing_count() == 0);
    for (const ShapedGlyph& glyph : shaped.glyphs) CHECK(glyph.glyph != 0);
}

TEST_CASE("a kerning pair is narrower shaped than the sum of its unshaped advances") {
    TextShaper shaper(fonts());
    const Face& sans = fonts().face(0, Weight::Regular);
    hb_codepoint_t a = 0, v = 0;
    REQUIRE(hb_font_get_nominal_glyph(sans.hb, 'A', &a));
    REQUIRE(hb_font_get_nominal_glyph(sans.hb, 'V', &v));
    const float unshaped =
        static_cast<float>(hb_font_get_glyph_h_advance(sans.hb, a) + hb_font_get_glyph_h_advance(sans.hb, v)) *
        sans.scale_per_px;
    const float shaped = shaper.shape("AV", Weight::Regular, "en").width;
    CHECK(shaped < unshaped - 0.01f);
    CHECK(shaper.shape("AV", Weight::Regular, "en").glyphs.size() == 2);
}

TEST_CASE("Hindi conjuncts shape to the glyphs HarfBuzz gives on the Devanagari face") {
    TextShaper shaper(fonts());
    const size_t devanagari = face_named("NotoSansDevanagari-Regular");
    for (const char* word : {"क्ष", "ष्ट्र", "क्षेत्र"}) {
        CAPTURE(word);
        const ShapedText& shaped = shaper.shape(word, Weight::Regular, "hi");
        const std::vector<uint32_t> expected = harfbuzz_glyphs(fonts().face(devanagari, Weight::Regular).path, word, "hi");
        CHECK(glyph_ids(shaped) == expected);
        // A conjunct is fewer glyphs than code points: shaping happened.
        CHECK(expected.size() < kiosk::core::utf8::length(word));
        for (const ShapedGlyph& glyph : shaped.glyphs)
            CHECK(glyph.face_id == FontCollection::face_id(devanagari, Weight::Regular));
    }
}

TEST_CASE("Persian and Arabic words shape to HarfBuzz's glyphs and run right to left") {
    TextShaper shaper(fonts());
    const size_t naskh = face_named("NotoNaskhArabic-Regular");
    for (const char* word : {"فارسی", "سلام"}) {
        CAPTURE(word);
        const ShapedText& shaped = shaper.shape(word, Weight::Regular, "fa");
        CHECK(glyph_ids(shaped) == harfbuzz_glyphs(fonts().face(naskh, Weight::Regular).path, word, "fa"));
        CHECK(shaped.rtl);
        // Visual order: the first logical character (byte 0) is drawn last, at the right.
        REQUIRE(!shaped.glyphs.empty());
        CHECK(shaped.glyphs.back().cluster == 0);
        CHECK(shaped.glyphs.front().cluster > 0);
    }
    // A Persian line with a Latin word: the Latin run keeps its own order inside the RTL line.
    const std::string line = "سلام SCO فارسی";
    const ShapedText& mixed = shaper.shape(line, Weight::Regular, "fa");
    CHECK(mixed.rtl);
    CHECK(mixed.glyphs.back().cluster == 0);  // سلام is at the right end
    std::vector<uint32_t> latin_clusters;
    for (const ShapedGlyph& glyph : mixed.glyphs)
        if (glyph.face_id == FontCollection::face_id(0, Weight::Regular) && line[glyph.cluster] != ' ')
            latin_clusters.push_back(glyph.cluster);
    CHECK(latin_clusters == std::vector<uint32_t>{9, 10, 11});
}

TEST_CASE("bad input is shaped without crashing and what no face has is counted missing") {
    TextShaper shaper(fonts());
    std::string marks = "a";
    for (int i = 0; i < 10000; ++i) marks += "\xCC\x81";  // U+0301
    const std::string inputs[] = {
        "\xCD\xB8",               // U+0378, unassigned
        "x\xED\xA0\x80y",         // a lone surrogate encoded in UTF-8
        "\xFF\xFE\xC3(\xE2\x82",  // invalid and truncated sequences
        "\xF4\x8F\xBF\xBF",       // U+10FFFF, a noncharacter
        marks,
        std::string("a\0b", 3),
        "\n\t\r",
    };
    for (const std::string& input : inputs) {
        const ShapedText& shaped = shaper.shape(input, Weight::Regular, "en");
        CHECK(shaped.width >= 0);
        for (const ShapedGlyph& glyph : shaped.glyphs) CHECK(glyph.cluster < input.size());
    }
    CHECK(shaper.missing().count(0x0378) == 1);
    CHECK(shaper.missing().count(0x10FFFF) == 1);
    CHECK(shaper.missing().count(U'\n') == 0);  // controls are invisible, not missing
    CHECK(shaper.missing().count(0x0301) == 0);
    // The letter with 10,000 marks is one cluster of 10,001 glyphs at most.
    CHECK(shaper.shape(marks, Weight::Regular, "en").glyphs.size() <= 10001);
    // Line breaking with shaped widths ends on every input, each byte in exactly one line or gap.
    for (const std::string& input : inputs) {
        const kiosk::core::MeasureFn width = [&](std::string_view s) {
            return s.empty() ? 0.0f : shaper.shape(s, Weight::Regular, "en").width * 30.0f;
        };
        size_t last_end = 0;
        for (const kiosk::core::LineSpan& line : kiosk::core::break_lines(input, 200, width, "en", &width)) {
            CHECK(line.begin >= last_end);
            CHECK(line.end <= input.size());
            last_end = line.end;
        }
    }
}

TEST_CASE("the shaped-line cache stays within its budget") {
    TextShaper shaper(fonts());
    std::string text;
    for (int i = 0; i < 3000; ++i) {
        text = "line " + std::to_string(i) + std::string(200, 'x');
        shaper.shape(text, Weight::Regular, "en");
        CHECK(shaper.cache_bytes() <= TextShaper::kCacheBudgetBytes);
    }
    CHECK(shaper.cache_entries() < 3000);  // the oldest were dropped
    CHECK(shaper.shape(text, Weight::Regular, "en").glyphs.size() == text.size());
}
