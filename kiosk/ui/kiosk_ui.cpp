#include "ui/kiosk_ui.h"

#include "ui/screens.h"

namespace kiosk::ui {

const char* screen_name(Screen screen) {
    switch (screen) {
        case Screen::Home: return "home";
        case Screen::Reader: return "reader";
    }
    return "home";
}

KioskUi::KioskUi(const ContentStore& content, const Translations& translations, const FontSet& fonts, float scale,
                 Lang language)
    : content_(content), translations_(translations), fonts_(fonts), theme_(Theme::standard(scale)) {
    state_.language = language;
    strings_.build(content, translations);
    // LVGL's 10 px drag threshold is for small panels; scale it with the screen.
    gesture_.set_threshold(12.0f * scale < 8.0f ? 8.0f : 12.0f * scale);
}

void KioskUi::pointer_down(float x, float y, double now) {
    gesture_.press(x, y, now);
    feedback_.pressed(now);
    feedback_target_ = 0;
}

void KioskUi::pointer_move(float x, float y, double now) { gesture_.move(x, y, now); }

void KioskUi::pointer_up(float x, float y, double now) {
    gesture_.release(x, y, now);
    feedback_.released(now);
}

void KioskUi::frame(ImVec2 screen_size, double now) {
    targets_.clear();
    UiContext ctx{content_,  translations_, fonts_,    theme_,           state_,
                  targets_,  text_cache_,   gesture_,  feedback_,        feedback_target_,
                  strings_,  ImGui::GetBackgroundDrawList(), screen_size, now};
    switch (state_.screen) {
        case Screen::Home: draw_home_screen(ctx); break;
        case Screen::Reader: draw_reader_screen(ctx); break;
    }
    animating_ = ctx.animating || feedback_.needs_frames(now);
    gesture_.next_frame();
}

}  // namespace kiosk::ui
