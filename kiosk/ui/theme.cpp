#include "ui/theme.h"

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {
constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) { return IM_COL32(r, g, b, a); }
}  // namespace

Theme Theme::standard(float scale) {
    Theme theme;
    theme.scale = scale;
    Palette& c = theme.colors;
    c.background = rgb(0xF3, 0xF5, 0xF8);
    c.surface = rgb(0xFF, 0xFF, 0xFF);
    c.surface_alt = rgb(0xE8, 0xEE, 0xF4);
    c.border = rgb(0xD5, 0xDD, 0xE6);
    c.shadow = rgb(0x1A, 0x2B, 0x3C, 0x18);
    c.text = rgb(0x1B, 0x24, 0x30);
    c.text_muted = rgb(0x5A, 0x67, 0x78);
    c.text_on_primary = rgb(0xFF, 0xFF, 0xFF);
    c.primary = rgb(0x0F, 0x4C, 0x81);
    c.primary_pressed = rgb(0x0A, 0x36, 0x5E);
    c.accent = rgb(0x00, 0x84, 0x8C);
    c.accent_soft = rgb(0xD9, 0xF0, 0xF1);
    c.pressed_overlay = rgb(0x0F, 0x4C, 0x81, 0x2A);
    c.summary_band = rgb(0xFF, 0xF6, 0xE0);
    c.summary_label = rgb(0x8A, 0x5A, 0x00);
    c.on_primary_fill = rgb(0xFF, 0xFF, 0xFF, 26);
    c.on_primary_pressed = rgb(0xFF, 0xFF, 0xFF, 70);
    c.on_primary_border = rgb(0xFF, 0xFF, 0xFF, 110);
    c.scrollbar = rgb(0x0F, 0x4C, 0x81, 0x60);
    c.overlay_dim = rgb(0x0B, 0x1A, 0x2A, 0xB0);
    c.success = rgb(0x1E, 0x7D, 0x3A);
    c.success_soft = rgb(0xE1, 0xF3, 0xE5);
    c.danger = rgb(0xC0, 0x2A, 0x2A);
    c.danger_soft = rgb(0xFB, 0xE4, 0xE2);
    c.warm = rgb(0xE8, 0x9A, 0x1C);
    return theme;
}

Theme Theme::contrast(float scale) {
    Theme theme;
    theme.scale = scale;
    theme.high_contrast = true;
    Palette& c = theme.colors;
    const ImU32 yellow = rgb(0xFF, 0xD8, 0x00);
    c.background = rgb(0, 0, 0);
    c.surface = rgb(0, 0, 0);
    c.surface_alt = rgb(0x1C, 0x1C, 0x1C);
    c.border = rgb(0xFF, 0xFF, 0xFF);
    c.shadow = rgb(0, 0, 0, 0);
    c.text = rgb(0xFF, 0xFF, 0xFF);
    c.text_muted = rgb(0xE8, 0xE8, 0xE8);
    c.text_on_primary = rgb(0, 0, 0);
    c.primary = yellow;
    c.primary_pressed = rgb(0xC8, 0xA8, 0x00);
    c.accent = yellow;
    c.accent_soft = rgb(0x3A, 0x32, 0x00);
    c.pressed_overlay = rgb(0xFF, 0xD8, 0x00, 0x60);
    c.summary_band = rgb(0x1C, 0x1C, 0x1C);
    c.summary_label = yellow;
    c.on_primary_fill = rgb(0, 0, 0, 0);
    c.on_primary_pressed = rgb(0, 0, 0, 60);
    c.on_primary_border = rgb(0, 0, 0);
    c.scrollbar = yellow;
    c.overlay_dim = rgb(0, 0, 0, 0xE0);
    // Right and wrong stay told apart by colour and by the mark beside the answer.
    c.success = rgb(0x5C, 0xFF, 0x7A);
    c.success_soft = rgb(0x00, 0x3A, 0x10);
    c.danger = rgb(0xFF, 0x6B, 0x6B);
    c.danger_soft = rgb(0x4A, 0x00, 0x00);
    c.warm = yellow;
    return theme;
}

ImU32 Theme::document_type_color(DocumentType type) const {
    if (high_contrast) return colors.primary;
    switch (type) {
        case DocumentType::Statement: return rgb(0x0F, 0x4C, 0x81);
        case DocumentType::Decision: return rgb(0x6A, 0x3D, 0x9A);
        case DocumentType::Concept: return rgb(0x00, 0x7A, 0x6E);
        case DocumentType::Programme: return rgb(0xB5, 0x5A, 0x00);
        case DocumentType::Protocol: return rgb(0x8A, 0x2B, 0x3B);
    }
    return colors.primary;
}

}  // namespace kiosk::ui
