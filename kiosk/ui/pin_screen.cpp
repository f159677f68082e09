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
    const Metrics& m = ctx.metrics();
    PinPadState& pin = ctx.state.pin;
    ctx.draw->AddRectFilled(ImVec2(0, 0), ctx.screen, c.background);
    const char* title_key = pin.role == PinPadState::Role::Organizer ? "pin.title_organizer" : "pin.title_trainer";
    if (draw_top_bar(ctx, ctx.t(title_key), true)) {
        ctx.state.nav.pop();
        pin = PinPadState{};
        return;
    }

    // What the pad says under the field: why it is locked, how long to wait, or that the PIN was wrong.
    const Font* regular = ctx.font(FontRole::Regular);
    PinAttempts& attempts = ctx.pin_attempts[static_cast<int>(pin.role)];
    const char* lock_reason = pin_lock_reason(ctx.state, ctx.settings, pin.role);
    const bool locked = lock_reason || !attempts.can_try(ctx.now);
    std::string message;
    ImU32 message_color = c.danger;
    if (lock_reason) {
        message = ctx.t(std::string(lock_reason) == "state_db" ? "pin.state_unavailable" : "pin.not_set");
    } else if (!attempts.can_try(ctx.now)) {
        // The translation says where the number goes: "Try again in {n} s".
        message = ctx.t("pin.wait");
        const size_t at = message.find("{n}");
        if (at != std::string::npos)
            message.replace(at, 3, std::to_string(static_cast<int>(std::ceil(attempts.wait_remaining(ctx.now)))));
        message_color = c.text;
    } else if (pin.wrong) {
        message = ctx.t("pin.wrong");
    }

    // The arrangement: the field and its message above the keys where the keys keep their size,
    // else (a short landscape panel) the field on the left and the keys on the right.
    const float margin = theme.margin(), gap = m.pin_key_gap;
    const ImVec2 area_min(margin, theme.top_bar_height() + m.space_group),
        area_max(ctx.screen.x - margin, ctx.screen.y - margin);
    const float area_w = area_max.x - area_min.x, area_h = area_max.y - area_min.y;
    const float line_h = regular->size * 1.4f;
    const char* lang = lang_code(ctx.state.language);
    // The message's height at `width`; two lines are kept free so the keys never move when it appears.
    auto message_height = [&](float width) {
        const float used = message.empty() ? 0 : wrap_text(message, regular, width, lang).height();
        return std::max(used, line_h * 2);
    };
    const float field_h = m.pin_field_height, status_gap = m.space_item;
    float key_w = m.pin_key_width, key_h = m.pin_key_height;
    const float stacked_w = std::min(area_w, std::max(key_w * 3 + gap * 2, m.question_panel_max_width));
    const float stacked_status_h = field_h + status_gap + message_height(stacked_w);
    const float stacked_key_h = (area_h - stacked_status_h - m.space_group - gap * 3) / 4;
    const bool stacked = ctx.layout().portrait() || stacked_key_h >= key_h * 0.85f;
    ImVec2 status_min, pad_min;
    float status_w;
    if (stacked) {
        key_h = std::max(m.min_target, std::min(key_h, stacked_key_h));
        key_w = std::min(key_w, (area_w - gap * 2) / 3);
        status_w = stacked_w;
        const float block_h = stacked_status_h + m.space_group + key_h * 4 + gap * 3;
        const float top = area_min.y + std::max(0.0f, (area_h - block_h) * 0.4f);
        status_min = ImVec2((ctx.screen.x - status_w) * 0.5f, top);
        pad_min = ImVec2((ctx.screen.x - (key_w * 3 + gap * 2)) * 0.5f, top + stacked_status_h + m.space_group);
    } else {
        const float column_gap = m.space_section;
        const float half = (area_w - column_gap) * 0.5f;
        key_h = std::max(m.min_target, std::min(key_h, (area_h - gap * 3) / 4));
        key_w = std::max(m.min_target, std::min(key_w, (half - gap * 2) / 3));
        const float pad_w = key_w * 3 + gap * 2, pad_h = key_h * 4 + gap * 3;
        status_w = half;
        const float status_h = field_h + status_gap + message_height(status_w);
        pad_min = ImVec2(area_max.x - half + (half - pad_w) * 0.5f, area_min.y + std::max(0.0f, (area_h - pad_h) * 0.5f));
        status_min = ImVec2(area_min.x, std::max(area_min.y, pad_min.y + (pad_h - status_h) * 0.5f));
    }

    // A neutral field: a dot appears for each digit typed, so nothing tells the PIN's length.
    const ImVec2 field_max(status_min.x + status_w, status_min.y + field_h);
    ctx.draw->AddRectFilled(status_min, field_max, c.surface, m.radius_control);
    ctx.draw->AddRect(status_min, field_max, c.border, m.radius_control, 0, m.line_thin);
    const float dot_gap = m.pin_dot_step;
    const size_t dots = std::min(pin.digits.size(), static_cast<size_t>(std::max(0.0f, (status_w - dot_gap) / dot_gap)));
    const float dot_x = (status_min.x + field_max.x - dot_gap * (static_cast<float>(dots) - 1)) * 0.5f;
    for (size_t i = 0; i < dots; ++i)
        ctx.draw->AddCircleFilled(ImVec2(dot_x + dot_gap * i, (status_min.y + field_max.y) * 0.5f), m.pin_dot_radius,
                                  c.primary, 24);
    pin.dots_shown = static_cast<int>(dots);
    if (!message.empty()) {
        WrappedText wrapped = wrap_text(message, regular, status_w, lang);
        draw_wrapped(ctx.draw, wrapped, message, regular, ImVec2(status_min.x, field_max.y + status_gap), status_w,
                     message_color, 0, true);
    }

    static const std::string kDigitLabels[10] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"};
    for (int i = 0; i < 12; ++i) {
        const int row = i / 3, col = i % 3;
        ImVec2 min(pad_min.x + col * (key_w + gap), pad_min.y + row * (key_h + gap)), max(min.x + key_w, min.y + key_h);
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
