#include "core/text/font_collection.h"

#include "core/file_io.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ft.h>
#include <hb-ot.h>
#include <hb.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::core::text {

namespace {

constexpr const char* kNoto = "/usr/share/fonts/truetype/noto";
constexpr const char* kNotoCjk = "/usr/share/fonts/opentype/noto";

// The fallback chain, in order: a character is drawn with the first face that has it.
// Noto Sans covers Latin, Cyrillic and Greek; CJK SC is member 2 of the collection;
// Noto Naskh Arabic covers Arabic, Persian and Urdu. All ship in fonts-noto-core and
// fonts-noto-cjk, which the Debian package depends on.
const FaceSpec kFallbackChain[] = {
    {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", kNoto, 0, true},
    {"NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc", kNotoCjk, 2, true},
    {"NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf", kNoto, 0, false},
    {"NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf", kNoto, 0, false},
    {"NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", kNoto, 0, false},
    {"NotoSansArmenian-Regular.ttf", "NotoSansArmenian-Bold.ttf", kNoto, 0, false},
    {"NotoSansGeorgian-Regular.ttf", "NotoSansGeorgian-Bold.ttf", kNoto, 0, false},
    {"NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", kNoto, 0, false},
    {"NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf", kNoto, 0, false},
    {"NotoSansTamil-Regular.ttf", "NotoSansTamil-Bold.ttf", kNoto, 0, false},
    {"NotoSansMongolian-Regular.ttf", nullptr, kNoto, 0, false},
    {"NotoSansSymbols2-Regular.ttf", nullptr, kNoto, 0, false},
};
constexpr size_t kCjkEntry = 1;

std::string find_file(const std::string& assets_dir, const char* name, const char* dir) {
    for (const std::string& path : {fs::join(fs::join(assets_dir, "fonts"), name), fs::join(dir, name)})
        if (fs::exists(path)) return path;
    return {};
}

}  // namespace

std::unique_ptr<FontCollection> FontCollection::open(const std::string& assets_dir, std::string* error) {
    std::unique_ptr<FontCollection> fonts(new FontCollection());
    if (FT_Init_FreeType(&fonts->library_) != 0) {
        *error = "FreeType could not start";
        return nullptr;
    }
    std::string missing;
    for (size_t i = 0; i < std::size(kFallbackChain); ++i) {
        const FaceSpec& spec = kFallbackChain[i];
        std::string regular = find_file(assets_dir, spec.file_regular, spec.dir);
        std::string bold = spec.file_bold ? find_file(assets_dir, spec.file_bold, spec.dir) : regular;
        if (regular.empty() || bold.empty()) {
            if (spec.required) missing += std::string(" ") + (regular.empty() ? spec.file_regular : spec.file_bold);
            continue;
        }
        Face r, b;
        if (!fonts->load(regular, spec.face_index, &r, error) || !fonts->load(bold, spec.face_index, &b, error)) {
            if (spec.required) return nullptr;
            continue;
        }
        if (i == kCjkEntry) fonts->cjk_index_ = fonts->regular_.size();
        fonts->regular_.push_back(r);
        fonts->bold_.push_back(b);
    }
    if (!missing.empty()) {
        *error = "fonts not found:" + missing + " (install fonts-noto-core and fonts-noto-cjk, or put them in " +
                 fs::join(assets_dir, "fonts") + ")";
        return nullptr;
    }
    // Fallback faces are sized like Noto Sans (they are designed to match it), except CJK,
    // whose taller line box keeps the proportions the kiosk had with ImGui's merged atlas.
    for (size_t i = 0; i < fonts->regular_.size(); ++i) {
        if (i == 0 || i == fonts->cjk_index_) continue;
        for (auto* faces : {&fonts->regular_, &fonts->bold_}) {
            Face& face = (*faces)[i];
            const Face& sans = (*faces)[0];
            face.scale_per_px = sans.scale_per_px * sans.units_per_em / face.units_per_em;
        }
    }
    return fonts;
}

bool FontCollection::load(const std::string& path, int face_index, Face* out, std::string* error) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0 || st.st_size <= 0) {
        if (fd >= 0) ::close(fd);
        *error = "cannot open font " + path;
        return false;
    }
    void* data = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (data == MAP_FAILED) {
        *error = "cannot map font " + path;
        return false;
    }
    maps_.emplace_back(data, static_cast<size_t>(st.st_size));
    FT_Face ft = nullptr;
    if (FT_New_Memory_Face(library_, static_cast<const FT_Byte*>(data), static_cast<FT_Long>(st.st_size), face_index, &ft) != 0 ||
        !FT_IS_SCALABLE(ft)) {
        if (ft) FT_Done_Face(ft);
        *error = "not a usable font: " + path + " (face " + std::to_string(face_index) + ")";
        return false;
    }
    hb_blob_t* blob = hb_blob_create(static_cast<const char*>(data), static_cast<unsigned>(st.st_size),
                                     HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* hb_face = hb_face_create(blob, static_cast<unsigned>(face_index));
    hb_blob_destroy(blob);
    out->hb = hb_font_create(hb_face);
    hb_face_destroy(hb_face);
    hb_ot_font_set_funcs(out->hb);  // design units: hb_font_set_scale defaults to the upem
    out->ft = ft;
    out->units_per_em = static_cast<float>(ft->units_per_EM);
    const float line_box = static_cast<float>(ft->ascender - ft->descender);
    out->scale_per_px = line_box > 0 ? 1.0f / line_box : 1.0f / out->units_per_em;
    out->ascender = static_cast<float>(ft->ascender) * out->scale_per_px;
    out->path = path;
    return true;
}

FontCollection::~FontCollection() {
    for (auto* faces : {&regular_, &bold_}) {
        for (Face& face : *faces) {
            hb_font_destroy(face.hb);
            FT_Done_Face(face.ft);
        }
    }
    if (library_) FT_Done_FreeType(library_);
    for (auto& [data, size] : maps_) ::munmap(data, size);
}

const Face& FontCollection::face(size_t index, Weight weight) const {
    return weight == Weight::Bold ? bold_[index] : regular_[index];
}

bool FontCollection::has_char(size_t index, char32_t cp) const {
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(regular_[index].hb, cp, &glyph) != 0;
}

}  // namespace kiosk::core::text
