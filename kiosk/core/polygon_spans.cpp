#include "core/polygon_spans.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace kiosk::core {

bool is_convex_polygon(const std::vector<Point2>& points) {
    const size_t n = points.size();
    if (n < 3) return false;
    int sign = 0;
    double turning = 0.0, area2 = 0.0;
    for (size_t i = 0; i < n; ++i) {
        const Point2& a = points[i];
        const Point2& b = points[(i + 1) % n];
        const Point2& c = points[(i + 2) % n];
        const double e1x = b.x - a.x, e1y = b.y - a.y, e2x = c.x - b.x, e2y = c.y - b.y;
        area2 += static_cast<double>(a.x) * b.y - static_cast<double>(b.x) * a.y;
        const double cross = e1x * e2y - e1y * e2x;
        if (e1x == 0 && e1y == 0) continue;  // repeated point
        if (e2x == 0 && e2y == 0) continue;
        if (cross != 0) {
            const int s = cross > 0 ? 1 : -1;
            if (sign != 0 && s != sign) return false;
            sign = s;
        }
        turning += std::atan2(cross, e1x * e2x + e1y * e2y);
    }
    // Turns of one sign that add up to one full turn: a simple convex loop, not a star.
    return sign != 0 && std::fabs(area2) > 0 && std::fabs(std::fabs(turning) - 2.0 * M_PI) < 1e-3;
}

void convex_polygon_spans(const std::vector<Point2>& points, std::vector<PixelRect>* out) {
    out->clear();
    if (points.size() < 3) return;
    float min_y = points[0].y;
    float max_y = min_y;
    for (const Point2& p : points) {
        min_y = std::min(min_y, p.y);
        max_y = std::max(max_y, p.y);
    }
    const int first_row = static_cast<int>(std::ceil(min_y - 0.5f));
    const int end_row = static_cast<int>(std::ceil(max_y - 0.5f));  // exclusive
    const size_t n = points.size();
    for (int row = first_row; row < end_row; ++row) {
        const float yc = static_cast<float>(row) + 0.5f;
        float left = 0.0f, right = 0.0f;
        bool any = false;
        for (size_t i = 0; i < n; ++i) {
            const Point2& a = points[i];
            const Point2& b = points[(i + 1) % n];
            // Half-open in y, so a vertex on the row's centre counts once.
            if (!((a.y <= yc && yc < b.y) || (b.y <= yc && yc < a.y))) continue;
            const float x = a.x + (yc - a.y) * (b.x - a.x) / (b.y - a.y);
            left = any ? std::min(left, x) : x;
            right = any ? std::max(right, x) : x;
            any = true;
        }
        if (!any) continue;
        const int x0 = static_cast<int>(std::ceil(left - 0.5f)), x1 = static_cast<int>(std::ceil(right - 0.5f));
        if (x1 <= x0) continue;
        if (!out->empty()) {
            PixelRect& last = out->back();
            if (last.x == x0 && last.w == x1 - x0 && last.y + last.h == row) {
                ++last.h;
                continue;
            }
        }
        out->push_back(PixelRect{x0, row, x1 - x0, 1});
    }
}

void subtract_rect(std::vector<PixelRect>* rects, const PixelRect& hole) {
    if (hole.w <= 0 || hole.h <= 0) return;
    const int hx1 = hole.x + hole.w, hy1 = hole.y + hole.h;
    // Pieces are appended behind the rectangles still to look at and are disjoint from the hole.
    const size_t count = rects->size();
    size_t kept = 0;
    for (size_t i = 0; i < count; ++i) {
        const PixelRect r = (*rects)[i];
        const int rx1 = r.x + r.w, ry1 = r.y + r.h;
        const int x0 = std::max(r.x, hole.x), x1 = std::min(rx1, hx1);
        const int y0 = std::max(r.y, hole.y), y1 = std::min(ry1, hy1);
        if (x0 >= x1 || y0 >= y1) {
            (*rects)[kept++] = r;
            continue;
        }
        if (r.y < y0) rects->push_back(PixelRect{r.x, r.y, r.w, y0 - r.y});
        if (y1 < ry1) rects->push_back(PixelRect{r.x, y1, r.w, ry1 - y1});
        if (r.x < x0) rects->push_back(PixelRect{r.x, y0, x0 - r.x, y1 - y0});
        if (x1 < rx1) rects->push_back(PixelRect{x1, y0, rx1 - x1, y1 - y0});
    }
    // Close the gap between the rectangles kept and the pieces appended.
    rects->erase(rects->begin() + static_cast<std::ptrdiff_t>(kept), rects->begin() + static_cast<std::ptrdiff_t>(count));
}

}  // namespace kiosk::core
