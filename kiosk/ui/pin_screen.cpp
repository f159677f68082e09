// The PIN pad, opened by the hidden gesture (five taps in the top-right corner within 3 s).
// The right organizer PIN opens the organizer panel; after three wrong PINs each further
// try has to wait longer than the last.
#include "ui/screens.h"
#include "ui/widgets.h"

#include <cmath>
#include <string>

namespace kiosk::ui {

namespace {

constexpr size_t kMaxDigits = 12;

void submit_pin(UiContext& ctx) {
    PinPadState& pin = ctx.state.pin;
    const std::string& hash = pin.role == PinPadState::Role::Organizer ? ctx.settings.organizer_pin_hash
                                                                       : ctx.settings.trainer_pin_hash;
    if (verify_pin(hash, pin.digits)) {
        ctx.pin_attempts.record_success();
        if (pin.role == PinPadState::Role::Trainer) {
            ctx.state.trainer = TrainerState{};
            ctx.state.screen = Screen::Trainer;
        } else {
            ctx.state.screen = Screen::Admin;
        }
        pin = PinPadState{};
    } else {
        ctx.pin_attempts.record_failure(ctx.now);
        pin.wrong = true;
        pin.digits.clear();
    }
}

}  // namespace

void draw_pin_screen(UiContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    PinPadState& pin = ctx.state.pin;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, c.background);
    const char* title_key = pin.role == PinPadState::Role::Organizer ? "pin.title_organizer" : "pin.title_trainer";
    if (draw_top_bar(ctx, ctx.t(title_key), true)) {
        ctx.state.screen = pin.return_to;
        pin = PinPadState{};
        return;
    }

    const float key_w = ctx.px(168), key_h = ctx.px(112), gap = ctx.px(20);
    const float pad_w = key_w * 3 + gap * 2;
    const float left = (ctx.screen.x - pad_w) * 0.5f;
    float y = theme.top_bar_height() + ctx.px(48);

    // One dot per digit entered; a row of empty slots invites the first digit.
    const size_t slots = pin.digits.size() < 6 ? 6 : pin.digits.size();
    const float dot_gap = ctx.px(44);
    float dot_x = (ctx.screen.x - dot_gap * (slots - 1)) * 0.5f;
    for (size_t i = 0; i < slots; ++i) {
        ImVec2 center(dot_x + dot_gap * i, y + ctx.px(20));
        if (i < pin.digits.size()) ctx.draw->AddCircleFilled(center, ctx.px(14), c.primary, 24);
        else ctx.draw->AddCircle(center, ctx.px(14), c.border, 24, ctx.px(3));
    }
    y += ctx.px(64);

    const Font* regular = ctx.fonts.get(FontRole::Regular);
    const bool locked = !ctx.pin_attempts.can_try(ctx.now);
    if (locked) {
        // The translation says where the number goes: "Try again in {n} s".
        std::string message = ctx.t("pin.wait");
        size_t at = message.find("{n}");
        if (at != std::string::npos)
            message.replace(at, 3, std::to_string(static_cast<int>(std::ceil(ctx.pin_attempts.wait_remaining(ctx.now)))));
        draw_text_centered(ctx.draw, regular, ImVec2(0, y), ImVec2(ctx.screen.x, y + regular->size), c.text, message);
    } else if (pin.wrong) {
        draw_text_centered(ctx.draw, regular, ImVec2(0, y), ImVec2(ctx.screen.x, y + regular->size),
                           IM_COL32(0xC0, 0x2A, 0x2A, 255), ctx.t("pin.wrong"));
    }
    y += regular->size * 2.0f;

    static const std::string kDigitLabels[10] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"};
    for (int i = 0; i < 12; ++i) {
        const int row = i / 3, col = i % 3;
        ImVec2 min(left + col * (key_w + gap), y + row * (key_h + gap)), max(min.x + key_w, min.y + key_h);
        if (i == 9) {
            if (touch_button(ctx, ctx.t("pin.delete"), min, max, ButtonStyle::Secondary) && !pin.digits.empty())
                pin.digits.pop_back();
        } else if (i == 11) {
            if (touch_button(ctx, ctx.t("pin.ok"), min, max, ButtonStyle::Primary, FontRole::Medium) && !locked &&
                !pin.digits.empty())
                submit_pin(ctx);
        } else {
            const std::string& digit = kDigitLabels[i == 10 ? 9 : i];
            if (touch_button(ctx, digit, min, max, ButtonStyle::Secondary, FontRole::Title) && !locked &&
                pin.digits.size() < kMaxDigits) {
                pin.digits += digit;
                pin.wrong = false;
            }
        }
    }
}

}  // namespace kiosk::ui
