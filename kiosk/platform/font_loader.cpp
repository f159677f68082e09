#include "platform/font_loader.h"

#include <imgui_impl_sdlrenderer.h>

#include <cstdio>

namespace kiosk {

FontLoader::~FontLoader() {
    if (thread_.joinable()) thread_.join();
    ui::release_font_files();
}

bool FontLoader::load_initial(const ui::FontFiles& files, const std::string& ui_charset,
                              const std::string& body_charset, float scale, std::string* error) {
    files_ = files;
    scale_ = scale;
    current_atlas_ = std::make_unique<ImFontAtlas>();
    return ui::build_fonts(current_atlas_.get(), files_, ui_charset, body_charset, scale_, &current_, error);
}

void FontLoader::start_full(const std::string& ui_charset, const std::string& body_charset) {
    full_atlas_ = std::make_unique<ImFontAtlas>();
    full_done_ = false;
    started_ = true;
    installed_ = false;
    thread_ = std::thread([this, ui_charset, body_charset] {
        full_ok_ = ui::build_fonts(full_atlas_.get(), files_, ui_charset, body_charset, scale_, &full_, &full_error_);
        if (full_ok_) {
            // Convert to the renderer's RGBA format here, off the UI thread.
            unsigned char* pixels = nullptr;
            int width = 0, height = 0;
            full_atlas_->GetTexDataAsRGBA32(&pixels, &width, &height);
        }
        full_done_ = true;
    });
}

void FontLoader::wait_full() {
    if (thread_.joinable()) thread_.join();
}

bool FontLoader::install_full_if_ready() {
    if (!started_ || installed_ || !full_done_) return false;
    if (thread_.joinable()) thread_.join();
    installed_ = true;
    ui::release_font_files();
    if (!full_ok_) {
        // The first-frame fonts stay: the kiosk keeps working with fewer glyphs.
        std::fprintf(stderr, "kiosk: warning: complete font atlas failed (%s); keeping the first-frame fonts\n",
                     full_error_.c_str());
        return false;
    }
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    ImGui::GetIO().Fonts = full_atlas_.get();
    ImGui_ImplSDLRenderer_CreateFontsTexture();
    full_atlas_->ClearTexData();  // the texture now lives in the renderer
    current_ = std::move(full_);
    current_atlas_ = std::move(full_atlas_);  // frees the first-frame atlas
    return true;
}

}  // namespace kiosk
