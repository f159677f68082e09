// Convex polygons as pixel rectangles, for renderers that fill rectangles far faster than
// triangles (SDL's software renderer rasterizes each triangle over its whole bounding box, so a
// rounded card drawn as a fan of 30 triangles costs 30 times its area). A pixel belongs to the
// polygon when its centre does, as with a GPU's rasterization of the same triangles.
#pragma once

#include "core/screen_rotation.h"

#include <vector>

namespace kiosk::core {

struct PixelRect {
    int x = 0, y = 0, w = 0, h = 0;
};

// True when `points` (in order, either winding) form a convex polygon of non-zero area that
// winds around once; collinear points are allowed.
bool is_convex_polygon(const std::vector<Point2>& points);

// Replaces `out` with rectangles covering exactly the pixels whose centres lie inside the convex
// polygon `points` (top and left edges in, bottom and right edges out). Consecutive rows of the
// same extent become one rectangle, so a rounded rectangle is a few dozen rectangles.
void convex_polygon_spans(const std::vector<Point2>& points, std::vector<PixelRect>* out);

// Removes from `rects` (disjoint rectangles) the pixels of `hole`: each rectangle it overlaps is
// replaced by the at most four pieces around the overlap (above, below, left, right), so the
// result is disjoint again and covers exactly the pixels that were covered and are not in `hole`.
void subtract_rect(std::vector<PixelRect>* rects, const PixelRect& hole);

}  // namespace kiosk::core
