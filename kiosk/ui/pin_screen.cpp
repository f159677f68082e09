// The PIN pad, opened by the hidden gesture (five taps in the top-right corner within 3 s).
// The right organizer PIN opens the organizer panel; after three wrong PINs each further
// try has to wait longer than the last (the platform stores the count in the state
// database). With no PIN set, or no usable state database, nothing opens: the pad says why.
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

void submit_pin(UiContext& ctx, PinAttempts& attempts) {
    PinPadState& pin = ctx.state.pin;
    if (pin_lock_reason(ctx.state, ctx.settings, pin.role)) {
        pin.digits.clear();  // nothing to compare with: the pad keeps saying why
        return;
    }
    ctx.state.requests.store_pin_attempts = true;
    if (verify_pin(ctx.settings.pin_hash(pin.role), pin.digits)) {
        attempts.record_success();
        if (pin.role == PinPadState::Role::Trainer) {
            ctx.state.trainer = TrainerState{};
            ctx.state.nav.replace(Screen::Trainer);  // Back from there skips the pad
        } else {
            ctx.state.nav.replace(Screen::Admin);
        }
        pin = PinPadState{};
    } else {
        attempts.record_failure(ctx.now);
        pin.wrong = true;
        pin.digits.clear();
    }
}

}  // namespace

const char* pin_lock_reason(const UiState& state, const KioskSettings& settings, PinRole role) {
    if (!state.status.state_error.empty()) return "state_db";
    if (settings.pin_hash(role).empty()) return "no_pin";
    return nullptr;
}

void draw_pin_screen(UiContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& c = theme.colors;
    PinPadState& pin = ctx.state.pin;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, c.background);
    const char* title_key = pin.role == PinPadState::Role::Organizer ? "pin.title_organizer" : "pin.title_trainer";
    if (draw_top_bar(ctx, ctx.t(title_key), true)) {
        ctx.state.nav.pop();
        pin = PinPadState{};
        return;
    }

    const float key_w = ctx.metrics().pin_key_width, key_h = ctx.metrics().pin_key_height, gap = ctx.metrics().space_list;
    const float pad_w = key_w * 3 + gap * 2;
    const float left = (ctx.screen.x - pad_w) * 0.5f;
    float y = theme.top_bar_height() + ctx.metrics().space_wide;

    // One dot per digit entered; a row of empty slots invites the first digit.
    const size_t slots = std::max(pin.digits.size(), kMinPinDigits);
    const float dot_gap = ctx.metrics().pin_dot_step;
    float dot_x = (ctx.screen.x - dot_gap * (slots - 1)) * 0.5f;
    for (size_t i = 0; i < slots; ++i) {
        ImVec2 center(dot_x + dot_gap * i, y + ctx.metrics().pin_dot_radius + ctx.metrics().space_nudge);
        if (i < pin.digits.size()) ctx.draw->AddCircleFilled(center, ctx.metrics().pin_dot_radius, c.primary, 24);
        else ctx.draw->AddCircle(center, ctx.metrics().pin_dot_radius, c.border, 24, ctx.metrics().line_regular);
    }
    y += ctx.metrics().space_page;

    const Font* regular = ctx.font(FontRole::Regular);
    PinAttempts& attempts = ctx.pin_attempts[static_cast<int>(pin.role)];
    const char* lock_reason = pin_lock_reason(ctx.state, ctx.settings, pin.role);
    const bool locked = lock_reason || !attempts.can_try(ctx.now);
    float message_h = regular->size * 2.0f;
    if (lock_reason) {
        const char* key = std::string(lock_reason) == "state_db" ? "pin.state_unavailable" : "pin.not_set";
        const float margin = theme.margin();
        const float used = draw_wrapped(ctx.draw, ctx.text_cache, ctx.t(key), regular, ImVec2(margin, y),
                                        ctx.screen.x - margin * 2, c.danger, lang_code(ctx.state.language));
        message_h = std::max(message_h, used + regular->size * 0.5f);
    } else if (!attempts.can_try(ctx.now)) {
        // The translation says where the number goes: "Try again in {n} s".
        std::string message = ctx.t("pin.wait");
        size_t at = message.find("{n}");
        if (at != std::string::npos)
            message.replace(at, 3, std::to_string(static_cast<int>(std::ceil(attempts.wait_remaining(ctx.now)))));
        draw_text_centered(ctx.draw, regular, ImVec2(0, y), ImVec2(ctx.screen.x, y + regular->size), c.text, message);
    } else if (pin.wrong) {
        draw_text_centered(ctx.draw, regular, ImVec2(0, y), ImVec2(ctx.screen.x, y + regular->size), c.danger,
                           ctx.t("pin.wrong"));
    }
    y += message_h;

    static const std::string kDigitLabels[10] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"};
    for (int i = 0; i < 12; ++i) {
        const int row = i / 3, col = i % 3;
        ImVec2 min(left + col * (key_w + gap), y + row * (key_h + gap)), max(min.x + key_w, min.y + key_h);
        if (i == 9) {
            if (touch_button(ctx, "pin.delete", ctx.t("pin.delete"), min, max, ButtonStyle::Secondary) && !pin.digits.empty())
                pin.digits.pop_back();
        } else if (i == 11) {
            if (touch_button(ctx, "pin.ok", ctx.t("pin.ok"), min, max, ButtonStyle::Primary, FontRole::Medium) &&
                !locked && !pin.digits.empty())
                submit_pin(ctx, attempts);
        } else {
            const std::string& digit = kDigitLabels[i == 10 ? 9 : i];
            if (touch_button(ctx, {"pin.digit", digit}, digit, min, max, ButtonStyle::Secondary, FontRole::Title) &&
                !locked && pin.digits.size() < kMaxPinDigits) {
                pin.digits += digit;
                pin.wrong = false;
            }
        }
    }
}

}  // namespace kiosk::ui
