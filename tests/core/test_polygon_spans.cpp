// Convex polygons as pixel rectangles (the software renderer's fast path for filled shapes):
// exactly the pixels whose centres are inside, compared with a point-in-polygon test.
#include "core/polygon_spans.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

namespace {

using kiosk::core::PixelRect;
using kiosk::core::Point2;

// A rounded rectangle as ImGui's PathRect builds it: arcs of `segments` steps at each corner.
std::vector<Point2> rounded_rect(float x0, float y0, float x1, float y1, float r, int segments) {
    std::vector<Point2> points;
    const float cx[4] = {x1 - r, x1 - r, x0 + r, x0 + r}, cy[4] = {y0 + r, y1 - r, y1 - r, y0 + r};
    for (int corner = 0; corner < 4; ++corner) {
        const float start = static_cast<float>(M_PI) * (1.5f + 0.5f * corner);
        for (int s = 0; s <= segments; ++s) {
            const float a = start + static_cast<float>(M_PI) * 0.5f * s / segments;
            points.push_back({cx[corner] + r * std::cos(a), cy[corner] + r * std::sin(a)});
        }
    }
    return points;
}

bool centre_inside(const std::vector<Point2>& poly, float x, float y) {
    int sign = 0;
    for (size_t i = 0; i < poly.size(); ++i) {
        const Point2& a = poly[i];
        const Point2& b = poly[(i + 1) % poly.size()];
        const float cross = (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
        if (cross == 0) continue;
        const int s = cross > 0 ? 1 : -1;
        if (sign != 0 && s != sign) return false;
        sign = s;
    }
    return true;
}

// Every pixel of a 200x200 area: covered by exactly the rectangles' pixels, none twice.
void check_exact(const std::vector<Point2>& poly) {
    std::vector<PixelRect> rects;
    kiosk::core::convex_polygon_spans(poly, &rects);
    std::vector<int> covered(size_t{200} * 200, 0);
    for (const PixelRect& r : rects)
        for (int y = r.y; y < r.y + r.h; ++y)
            for (int x = r.x; x < r.x + r.w; ++x) {
                REQUIRE(x >= 0);
                REQUIRE(x < 200);
                REQUIRE(y >= 0);
                REQUIRE(y < 200);
                ++covered[y * 200 + x];
            }
    int mismatches = 0;
    for (int y = 0; y < 200; ++y)
        for (int x = 0; x < 200; ++x)
            if (covered[y * 200 + x] != (centre_inside(poly, x + 0.5f, y + 0.5f) ? 1 : 0)) ++mismatches;
    CHECK(mismatches == 0);
}

}  // namespace

TEST_CASE("polygon spans: a rounded card is its interior pixels, in few rectangles") {
    const std::vector<Point2> card = rounded_rect(10.3f, 20.6f, 180.2f, 170.9f, 24.0f, 8);
    REQUIRE(kiosk::core::is_convex_polygon(card));
    check_exact(card);
    std::vector<PixelRect> rects;
    kiosk::core::convex_polygon_spans(card, &rects);
    CHECK(rects.size() < 60);  // rows of the corners, one rectangle for the straight middle
}

TEST_CASE("polygon spans: triangles, a rotated square and either winding") {
    check_exact({{5.2f, 7.7f}, {150.4f, 30.1f}, {60.9f, 190.3f}});
    check_exact({{60.9f, 190.3f}, {150.4f, 30.1f}, {5.2f, 7.7f}});
    check_exact({{100.1f, 10.3f}, {190.2f, 100.4f}, {100.3f, 190.1f}, {10.4f, 100.2f}});
    std::vector<PixelRect> rects;
    kiosk::core::convex_polygon_spans({{10.2f, 10.2f}, {10.4f, 10.3f}, {10.3f, 10.4f}}, &rects);
    CHECK(rects.empty());  // contains no pixel centre
}

TEST_CASE("polygon spans: convexity check rejects what the fast path cannot fill") {
    CHECK_FALSE(kiosk::core::is_convex_polygon({{0, 0}, {10, 0}}));                   // too few points
    CHECK_FALSE(kiosk::core::is_convex_polygon({{0, 0}, {10, 0}, {20, 0}}));          // no area
    CHECK_FALSE(kiosk::core::is_convex_polygon({{0, 0}, {10, 0}, {3, 3}, {0, 10}}));  // dent
    std::vector<Point2> star;  // a pentagram: every turn the same way, but twice around
    for (int i = 0; i < 5; ++i) {
        const double a = 2.0 * M_PI * (2 * i) / 5.0;
        star.push_back({static_cast<float>(100 + 80 * std::cos(a)), static_cast<float>(100 + 80 * std::sin(a))});
    }
    CHECK_FALSE(kiosk::core::is_convex_polygon(star));
    CHECK(kiosk::core::is_convex_polygon({{0, 0}, {5, 0}, {10, 0}, {10, 10}, {0, 10}}));  // collinear point
}

TEST_CASE("polygon spans: subtracting a rectangle leaves exactly the other pixels, disjoint") {
    // A card's rectangles with shadow-like shapes, and holes in every position against them.
    std::vector<PixelRect> base;
    kiosk::core::convex_polygon_spans(rounded_rect(20.3f, 30.6f, 170.2f, 160.9f, 30.0f, 10), &base);
    const PixelRect holes[] = {{40, 50, 100, 90}, {0, 0, 200, 40},   {150, 20, 40, 170}, {60, 100, 5, 200},
                               {0, 0, 200, 200},  {100, 100, 0, 10}, {190, 190, 10, 10}, {25, 150, 150, 5}};
    for (const PixelRect& hole : holes) {
        CAPTURE(hole.x);
        CAPTURE(hole.y);
        std::vector<PixelRect> rects = base;
        kiosk::core::subtract_rect(&rects, hole);
        std::vector<int> covered(size_t{200} * 200, 0), expected(size_t{200} * 200, 0);
        for (const PixelRect& r : base)
            for (int y = r.y; y < r.y + r.h; ++y)
                for (int x = r.x; x < r.x + r.w; ++x)
                    expected[y * 200 + x] = !(x >= hole.x && x < hole.x + hole.w && y >= hole.y && y < hole.y + hole.h);
        for (const PixelRect& r : rects) {
            CHECK(r.w > 0);
            CHECK(r.h > 0);
            for (int y = r.y; y < r.y + r.h; ++y)
                for (int x = r.x; x < r.x + r.w; ++x) ++covered[y * 200 + x];
        }
        CHECK(covered == expected);  // every remaining pixel once, none of the hole's
    }
}
