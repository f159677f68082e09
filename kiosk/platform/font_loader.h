// Loads the kiosk's fonts in two stages so the first frame comes quickly: first only the
// glyphs the first screen needs (the default language's UI and the library cards), then,
// on a background thread, the complete atlas (every language, every lesson), which is
// swapped in on the UI thread between frames.
#pragma once

#include "ui/fonts.h"

#include <imgui.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>

namespace kiosk {

class FontLoader {
public:
    ~FontLoader();

    // Builds the first-frame atlas. Call before ImGui::CreateContext(atlas()).
    bool load_initial(const ui::FontFiles& files, const std::string& ui_charset, const std::string& body_charset,
                      float scale, std::string* error);
    // Starts building the complete atlas in the background.
    void start_full(const std::string& ui_charset, const std::string& body_charset);
    // Blocks until the background build has finished (scripted runs want determinism).
    void wait_full();
    // On the UI thread, between frames: if the complete atlas is ready, makes it the one ImGui
    // and the renderer use and returns true (callers drop caches that hold font pointers).
    bool install_full_if_ready();
    // True while the background build runs: the main loop must keep checking.
    bool loading() const { return started_ && !installed_; }

    ImFontAtlas* atlas() { return current_atlas_.get(); }
    // The fonts in use now. The object stays the same across the swap; its contents change.
    const ui::FontSet& fonts() const { return current_; }
    // Code points the complete atlas lacks (tofu), once it is installed.
    const std::vector<unsigned>& missing() const { return current_.missing; }

private:
    ui::FontFiles files_;
    float scale_ = 1;
    std::unique_ptr<ImFontAtlas> current_atlas_, full_atlas_;
    ui::FontSet current_, full_;
    std::thread thread_;
    std::atomic<bool> full_done_{false};
    bool started_ = false;    // start_full() was called
    bool installed_ = false;  // install_full_if_ready() has handled the result
    bool full_ok_ = false;
    std::string full_error_;
};

}  // namespace kiosk
