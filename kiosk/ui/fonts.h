// The font atlas: Noto Sans merged with Noto Sans CJK SC, rasterized by FreeType, holding
// only the glyphs the content and UI strings actually use (keeps the atlas small).
#pragma once

#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

namespace kiosk::ui {

constexpr int kTextSizeSteps = 3;  // reader text sizes: small, medium, large

enum class FontRole {
    Small,     // metadata, captions
    Regular,   // buttons, card text
    Medium,    // bold: card titles, section headings in the UI
    Title,     // bold: screen titles
    Display,   // bold: hero text
    Count
};

// Glyph ranges of one atlas; ImGui keeps pointers into them for the atlas's lifetime.
struct GlyphRanges {
    ImVector<ImWchar> ui_latin, ui_all, body_latin, body_all;
};

struct FontSet {
    ImFont* ui[static_cast<int>(FontRole::Count)] = {};
    ImFont* reader[kTextSizeSteps] = {};          // document body text per text-size step
    ImFont* reader_heading[kTextSizeSteps] = {};  // bold section headings per step
    std::vector<unsigned> missing;                // code points no font could supply (shown as tofu)
    int atlas_width = 0, atlas_height = 0;
    std::unique_ptr<GlyphRanges> ranges;          // owned here so that several atlases can coexist

    ImFont* get(FontRole role) const { return ui[static_cast<int>(role)]; }
};

struct FontFiles {
    std::string sans_regular, sans_bold, cjk_regular, cjk_bold;
    int cjk_face_index = 2;  // "Noto Sans CJK SC" inside the .ttc collection
};

// Finds the Noto fonts: first in `assets_dir`/fonts, then at their Debian package paths.
// Returns false with a message naming what is missing.
bool find_font_files(const std::string& assets_dir, FontFiles* out, std::string* error);

// Adds every font of the kiosk to `atlas` for the characters in `ui_charset` (all UI strings
// plus document titles and summaries, all languages) and `body_charset` (document bodies),
// at sizes scaled by `scale`, and builds the atlas. Font files are memory-mapped, not copied.
// Safe to call on another thread than the UI's, with an atlas no ImGui context uses yet.
bool build_fonts(ImFontAtlas* atlas, const FontFiles& files, const std::string& ui_charset,
                 const std::string& body_charset, float scale, FontSet* out, std::string* error);

// Releases the memory maps of the font files (after the atlas is built and uploaded).
void release_font_files();

}  // namespace kiosk::ui
