// The kiosk's fonts: memory-mapped Noto faces in one fallback chain, opened once, shared by
// the shaper (HarfBuzz) and the glyph cache (FreeType). Nothing is rasterized here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct FT_FaceRec_;
struct FT_LibraryRec_;
struct hb_font_t;

namespace kiosk::core::text {

enum class Weight : uint8_t { Regular, Bold };

// One entry of the fallback chain (kFallbackChain in font_collection.cpp lists them in order).
struct FaceSpec {
    const char* file_regular;
    const char* file_bold;  // nullptr: the regular face serves bold text too
    const char* dir;        // Debian's install directory of the file
    int face_index;         // inside a .ttc collection
    bool required;          // the kiosk refuses to start without it
};

// A loaded face: one file (or a collection's member) at one weight.
struct Face {
    FT_FaceRec_* ft = nullptr;  // for rasterizing; sized per glyph by the glyph cache
    hb_font_t* hb = nullptr;    // for shaping, at its design units (size independent)
    float units_per_em = 1000;
    // Pixels per design unit for a text style of size 1 px. A style's size is its line box
    // (ascender + descender), as ImGui's FreeType builder sized fonts before.
    float scale_per_px = 0;
    float ascender = 0;  // of the line box, per px of style size (the baseline below the top)
    std::string path;
};

class FontCollection {
public:
    // Finds and maps every face of the chain: first in `assets_dir`/fonts, then at its Debian
    // path. Returns nullptr with a message naming the files when a required face is missing.
    static std::unique_ptr<FontCollection> open(const std::string& assets_dir, std::string* error);
    ~FontCollection();
    FontCollection(const FontCollection&) = delete;
    FontCollection& operator=(const FontCollection&) = delete;

    // Faces are numbered by chain position; regular and bold of an entry share the index.
    size_t chain_length() const { return regular_.size(); }
    const Face& face(size_t index, Weight weight) const;
    // Face id used by glyph keys: index * 2 + weight.
    static uint16_t face_id(size_t index, Weight weight) {
        return static_cast<uint16_t>(index * 2 + (weight == Weight::Bold));
    }
    const Face& face_by_id(uint16_t id) const { return face(id / 2, id % 2 ? Weight::Bold : Weight::Regular); }
    // The CJK entry (Noto Sans CJK SC), preferred for CJK punctuation in Chinese text.
    size_t cjk_index() const { return cjk_index_; }
    bool has_char(size_t index, char32_t cp) const;
    FT_LibraryRec_* library() const { return library_; }

private:
    FontCollection() = default;
    bool load(const std::string& path, int face_index, Face* out, std::string* error);

    FT_LibraryRec_* library_ = nullptr;
    std::vector<Face> regular_, bold_;
    std::vector<std::pair<void*, size_t>> maps_;
    size_t cjk_index_ = 1;
};

}  // namespace kiosk::core::text
