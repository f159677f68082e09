// Screen rotation for kiosks mounted in portrait or upside down: the UI is laid out in
// logical coordinates and turned onto the panel; touches are turned back.
#pragma once

namespace kiosk::core {

enum class Rotation { R0 = 0, R90 = 90, R180 = 180, R270 = 270 };

// Parses 0, 90, 180 or 270; false otherwise.
bool parse_rotation(int degrees, Rotation* out);

struct Size2 {
    float width, height;
};
struct Point2 {
    float x, y;
};

// The size the UI lays out in, for a panel of `panel` pixels (swapped for 90 and 270).
Size2 logical_size(Rotation rotation, Size2 panel);
// Where a touch at `panel_point` on the panel lands in the UI's logical coordinates.
// The UI is drawn turned clockwise by `rotation` degrees.
Point2 panel_to_logical(Rotation rotation, Size2 panel, Point2 panel_point);
// The inverse: where a logical point appears on the panel.
Point2 logical_to_panel(Rotation rotation, Size2 panel, Point2 logical_point);

}  // namespace kiosk::core
