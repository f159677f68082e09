#include "ui/fonts.h"

#include <cmath>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

void FontSet::build(TextRenderer* renderer, float scale) {
    struct Recipe {
        float size;
        bool bold;
    };
    const Recipe ui_recipes[] = {{24, false}, {30, false}, {34, true}, {46, true}, {64, true}};
    const float body_sizes[kTextSizeSteps] = {28, 34, 42};
    int next = 0;
    auto make = [&](float design_size, bool bold) {
        Font& font = storage_[next++];
        font.renderer = renderer;
        font.weight = bold ? text::Weight::Bold : text::Weight::Regular;
        font.size = std::round(design_size * scale * 4.0f) / 4.0f;  // the glyph cache's size step
        return &font;
    };
    for (int i = 0; i < static_cast<int>(FontRole::Count); ++i) ui[i] = make(ui_recipes[i].size, ui_recipes[i].bold);
    for (int step = 0; step < kTextSizeSteps; ++step) {
        reader[step] = make(body_sizes[step], false);
        reader_heading[step] = make(body_sizes[step] * 1.2f, true);
    }
}

}  // namespace kiosk::ui
