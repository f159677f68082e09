#include "ui/fonts.h"

#include "core/file_io.h"
#include "core/utf8.h"

#include <imgui_freetype.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include <map>
#include <mutex>

namespace kiosk::ui {

namespace {

struct MappedFile {
    void* data = nullptr;
    size_t size = 0;
};

// Memory maps are shared by every ImFontConfig that uses the same file; ImGui does not own them.
std::map<std::string, MappedFile>& mapped_files() {
    static std::map<std::string, MappedFile> files;
    return files;
}

std::mutex& mapped_files_mutex() {
    static std::mutex mutex;
    return mutex;
}

bool map_file(const std::string& path, MappedFile* out, std::string* error) {
    std::lock_guard<std::mutex> lock(mapped_files_mutex());
    auto& cache = mapped_files();
    if (auto it = cache.find(path); it != cache.end()) {
        *out = it->second;
        return true;
    }
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
    out->data = data;
    out->size = static_cast<size_t>(st.st_size);
    cache[path] = *out;
    return true;
}

std::string first_existing(const std::vector<std::string>& candidates) {
    for (const std::string& path : candidates)
        if (fs::exists(path)) return path;
    return {};
}

void build_ranges(const std::string& charset, ImVector<ImWchar>* latin_out, ImVector<ImWchar>* all_out) {
    ImFontGlyphRangesBuilder latin, all;
    latin.AddChar(0xFFFD);
    latin.AddChar(0x2026);  // ellipsis for clipped text
    latin.AddChar(0x2022);  // bullet of list items
    for (ImWchar c = 0x20; c < 0x7F; ++c) latin.AddChar(c);
    for (size_t pos = 0; pos < charset.size();) {
        char32_t cp = utf8::decode(charset, pos);
        if (cp > 0xFFFF || cp < 0x20) continue;  // ImWchar is 16-bit in Debian's ImGui build
        all.AddChar(static_cast<ImWchar>(cp));
        if (!utf8::is_cjk(cp)) latin.AddChar(static_cast<ImWchar>(cp));
    }
    latin.BuildRanges(latin_out);
    for (int i = 0; i < latin_out->Size - 1; i += 2)
        for (unsigned c = (*latin_out)[i]; c <= (*latin_out)[i + 1]; ++c) all.AddChar(static_cast<ImWchar>(c));
    all.BuildRanges(all_out);
}

struct FontRecipe {
    float size;
    bool bold;
    bool with_cjk;
};

}  // namespace

bool find_font_files(const std::string& assets_dir, FontFiles* out, std::string* error) {
    const std::string local = fs::join(assets_dir, "fonts");
    const std::string noto = "/usr/share/fonts/truetype/noto";
    const std::string noto_cjk = "/usr/share/fonts/opentype/noto";
    out->sans_regular = first_existing({fs::join(local, "NotoSans-Regular.ttf"), fs::join(noto, "NotoSans-Regular.ttf")});
    out->sans_bold = first_existing({fs::join(local, "NotoSans-Bold.ttf"), fs::join(noto, "NotoSans-Bold.ttf")});
    out->cjk_regular = first_existing({fs::join(local, "NotoSansCJK-Regular.ttc"), fs::join(noto_cjk, "NotoSansCJK-Regular.ttc")});
    out->cjk_bold = first_existing({fs::join(local, "NotoSansCJK-Bold.ttc"), fs::join(noto_cjk, "NotoSansCJK-Bold.ttc")});
    std::string missing;
    if (out->sans_regular.empty()) missing += " NotoSans-Regular.ttf";
    if (out->sans_bold.empty()) missing += " NotoSans-Bold.ttf";
    if (out->cjk_regular.empty()) missing += " NotoSansCJK-Regular.ttc";
    if (out->cjk_bold.empty()) missing += " NotoSansCJK-Bold.ttc";
    if (!missing.empty()) {
        *error = "fonts not found:" + missing + " (install fonts-noto-core and fonts-noto-cjk, or put them in " + local + ")";
        return false;
    }
    return true;
}

bool build_fonts(ImFontAtlas* atlas, const FontFiles& files, const std::string& ui_charset,
                 const std::string& body_charset, float scale, FontSet* out, std::string* error) {
    out->ranges = std::make_unique<GlyphRanges>();
    GlyphRanges& ranges = *out->ranges;
    build_ranges(ui_charset, &ranges.ui_latin, &ranges.ui_all);
    build_ranges(body_charset, &ranges.body_latin, &ranges.body_all);

    MappedFile sans, sans_bold, cjk, cjk_bold;
    if (!map_file(files.sans_regular, &sans, error) || !map_file(files.sans_bold, &sans_bold, error) ||
        !map_file(files.cjk_regular, &cjk, error) || !map_file(files.cjk_bold, &cjk_bold, error))
        return false;

    atlas->Clear();
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas->TexDesiredWidth = 2048;
    atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;

    // ImGui copies font data it does not own (19 MB per use of the CJK collection, ~400 MB
    // in all). So every config claims ownership of the shared memory map, and ownership is
    // handed back below, before the atlas could ever free it.
    auto add_font = [&](const FontRecipe& recipe, const ImVector<ImWchar>& latin, const ImVector<ImWchar>& all) {
        ImFontConfig config;
        config.FontDataOwnedByAtlas = true;
        config.SizePixels = recipe.size * scale;
        const MappedFile& latin_file = recipe.bold ? sans_bold : sans;
        ImFont* font = atlas->AddFontFromMemoryTTF(latin_file.data, static_cast<int>(latin_file.size),
                                                   config.SizePixels, &config, latin.Data);
        // Characters Noto Sans lacks fall through to the CJK face, which also covers punctuation.
        ImFontConfig merge;
        merge.FontDataOwnedByAtlas = true;
        merge.MergeMode = true;
        merge.FontNo = files.cjk_face_index;
        const MappedFile& cjk_file = recipe.bold ? cjk_bold : cjk;
        const ImWchar* merge_ranges = recipe.with_cjk ? all.Data : latin.Data;
        atlas->AddFontFromMemoryTTF(cjk_file.data, static_cast<int>(cjk_file.size), config.SizePixels, &merge,
                                    merge_ranges);
        return font;
    };

    const FontRecipe ui_recipes[] = {{24, false, true}, {30, false, true}, {34, true, true}, {46, true, true}, {64, true, true}};
    for (int i = 0; i < static_cast<int>(FontRole::Count); ++i) out->ui[i] = add_font(ui_recipes[i], ranges.ui_latin, ranges.ui_all);
    const float body_sizes[kTextSizeSteps] = {28, 34, 42};
    for (int step = 0; step < kTextSizeSteps; ++step) {
        out->reader[step] = add_font({body_sizes[step], false, false}, ranges.body_latin, ranges.body_all);
        out->reader_heading[step] = add_font({body_sizes[step] * 1.2f, true, false}, ranges.body_latin, ranges.body_all);
    }
    bool built = atlas->Build();
    for (ImFontConfig& config : atlas->ConfigData) config.FontDataOwnedByAtlas = false;
    if (!built) {
        *error = "building the font atlas failed";
        return false;
    }
    unsigned char* pixels = nullptr;
    atlas->GetTexDataAsAlpha8(&pixels, &out->atlas_width, &out->atlas_height);

    out->missing.clear();
    auto check = [&](const std::string& charset, ImFont* font) {
        for (size_t pos = 0; pos < charset.size();) {
            char32_t cp = utf8::decode(charset, pos);
            if (cp < 0x20 || cp > 0xFFFF || cp == 0xFFFD) continue;
            if (!font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) out->missing.push_back(static_cast<unsigned>(cp));
        }
    };
    check(ui_charset, out->get(FontRole::Regular));
    check(body_charset, out->reader[0]);
    return true;
}

void release_font_files() {
    std::lock_guard<std::mutex> lock(mapped_files_mutex());
    for (auto& entry : mapped_files()) ::munmap(entry.second.data, entry.second.size);
    mapped_files().clear();
}

}  // namespace kiosk::ui
