#include "ui/fonts.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

void FontSet::build(TextRenderer* renderer, float text_scale) {
    struct Recipe {
        float size;  // design pixels at 1920x1080, medium text size
        bool bold;
        float floor;  // screen pixels, medium text size
    };
    // Small, Regular, Medium, Title, Display, reader body, reader heading.
    const Recipe recipes[kRoles] = {{24, false, kMinSmallTextPx},
                                    {30, false, kMinBodyTextPx},
                                    {34, true, 18},
                                    {46, true, 24},
                                    {64, true, 32},
                                    {34, false, 18},
                                    {41, true, 22}};
    // Each text size step multiplies every style; the smallest step keeps the floors.
    const float step_factor[kTextSizeSteps] = {0.85f, 1.0f, 1.25f};
    text_scale_ = text_scale;
    for (int script = 0; script < 2; ++script) {
        const float script_factor = script == static_cast<int>(Script::Chinese) ? kChineseStep : 1.0f;
        for (int step = 0; step < kTextSizeSteps; ++step) {
            for (int role = 0; role < kRoles; ++role) {
                const Recipe& r = recipes[role];
                const float medium = std::max(r.size * text_scale, r.floor);
                const float px = std::max(medium * step_factor[step], r.floor) * script_factor;
                Font& font = storage_[script][step][role];
                font.renderer = renderer;
                font.weight = r.bold ? text::Weight::Bold : text::Weight::Regular;
                font.size = std::round(px * 4.0f) / 4.0f;  // the glyph cache's size step
            }
        }
    }
}

const Font* FontSet::find(int role, int step, Script script) const {
    return &storage_[static_cast<int>(script)][std::clamp(step, 0, kTextSizeSteps - 1)][role];
}

const Font* FontSet::get(FontRole role, int step, Script script) const {
    return find(static_cast<int>(role), step, script);
}
const Font* FontSet::reader(int step, Script script) const { return find(kReaderBody, step, script); }
const Font* FontSet::reader_heading(int step, Script script) const { return find(kReaderHeading, step, script); }

}  // namespace kiosk::ui
