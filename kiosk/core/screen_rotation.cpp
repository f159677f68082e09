#include "core/screen_rotation.h"

namespace kiosk::core {

bool parse_rotation(int degrees, Rotation* out) {
    switch (degrees) {
        case 0: *out = Rotation::R0; return true;
        case 90: *out = Rotation::R90; return true;
        case 180: *out = Rotation::R180; return true;
        case 270: *out = Rotation::R270; return true;
        default: return false;
    }
}

Size2 logical_size(Rotation rotation, Size2 panel) {
    if (rotation == Rotation::R90 || rotation == Rotation::R270) return {panel.height, panel.width};
    return panel;
}

Point2 logical_to_panel(Rotation rotation, Size2 panel, Point2 p) {
    Size2 logical = logical_size(rotation, panel);
    switch (rotation) {
        case Rotation::R0: return p;
        case Rotation::R90: return {logical.height - p.y, p.x};  // clockwise quarter turn
        case Rotation::R180: return {logical.width - p.x, logical.height - p.y};
        case Rotation::R270: return {p.y, logical.width - p.x};
    }
    return p;
}

Point2 panel_to_logical(Rotation rotation, Size2 panel, Point2 q) {
    Size2 logical = logical_size(rotation, panel);
    switch (rotation) {
        case Rotation::R0: return q;
        case Rotation::R90: return {q.y, logical.height - q.x};
        case Rotation::R180: return {logical.width - q.x, logical.height - q.y};
        case Rotation::R270: return {logical.width - q.y, q.x};
    }
    return q;
}

}  // namespace kiosk::core
