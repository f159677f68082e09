#include "ui/illustrations.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

constexpr float kPi = 3.14159265f;

// Draws in unit coordinates: (0, 0) is the top-left of the picture's square, (1, 1) the
// bottom-right, so every picture is written once for any size.
struct Pen {
    ImDrawList* draw;
    ImVec2 origin;
    float size;
    const Palette& c;

    ImVec2 p(float x, float y) const { return ImVec2(origin.x + x * size, origin.y + y * size); }
    float w(float v) const { return v * size; }

    // The corner radius of a rectangle from `a` to `b`, or 0 where ImGui would clamp it to almost
    // nothing: ImGui 1.86 divides by zero on a radius between 0 and 1e-6, which a 2 px shape
    // gets from float rounding once scrolled (home's pictures scroll with the page).
    float radius(ImVec2 a, ImVec2 b, float round) const {
        const float limit = std::min(std::fabs(b.x - a.x), std::fabs(b.y - a.y)) * 0.5f - 1.0f;
        return std::min(w(round), limit) < 0.5f ? 0.0f : w(round);
    }
    void rect(float x0, float y0, float x1, float y1, ImU32 col, float round = 0,
              ImDrawFlags flags = ImDrawFlags_RoundCornersAll) const {
        const ImVec2 a = p(x0, y0), b = p(x1, y1);
        const float r = radius(a, b, round);
        draw->AddRectFilled(a, b, col, r, r > 0 ? flags : ImDrawFlags_RoundCornersNone);
    }
    void frame(float x0, float y0, float x1, float y1, ImU32 col, float round, float thick) const {
        const ImVec2 a = p(x0, y0), b = p(x1, y1);
        draw->AddRect(a, b, col, radius(a, b, round), 0, w(thick));
    }
    // A filled rectangle with an outline: paper shapes stay visible on a light background.
    void card(float x0, float y0, float x1, float y1, ImU32 fill, float round) const {
        rect(x0, y0, x1, y1, fill, round);
        frame(x0, y0, x1, y1, c.primary, round, 0.018f);
    }
    void circle(float x, float y, float r, ImU32 col) const { draw->AddCircleFilled(p(x, y), w(r), col); }
    void ring(float x, float y, float r, ImU32 col, float thick) const {
        draw->AddCircle(p(x, y), w(r), col, 0, w(thick));
    }
    // A thick line with round ends.
    void stroke(float x0, float y0, float x1, float y1, ImU32 col, float thick) const {
        draw->AddLine(p(x0, y0), p(x1, y1), col, w(thick));
        circle(x0, y0, thick * 0.5f, col);
        circle(x1, y1, thick * 0.5f, col);
    }
    void tri(float x0, float y0, float x1, float y1, float x2, float y2, ImU32 col) const {
        draw->AddTriangleFilled(p(x0, y0), p(x1, y1), p(x2, y2), col);
    }
    // Angles in radians, clockwise from the right (screen y points down).
    void arc(float x, float y, float r, float a0, float a1, ImU32 col, float thick) const {
        draw->PathArcTo(p(x, y), w(r), a0, a1);
        draw->PathStroke(col, 0, w(thick));
    }
    // A convex polygon from (x, y) pairs.
    void poly(const float* xy, int points, ImU32 col) const {
        ImVec2 pts[8];
        for (int i = 0; i < points && i < 8; ++i, xy += 2) pts[i] = p(xy[0], xy[1]);
        draw->AddConvexPolyFilled(pts, points < 8 ? points : 8, col);
    }
    // A line ending in an arrowhead at (x1, y1).
    void arrow(float x0, float y0, float x1, float y1, ImU32 col, float thick) const {
        float dx = x1 - x0, dy = y1 - y0;
        float len = std::sqrt(dx * dx + dy * dy);
        if (len <= 0) return;
        dx /= len;
        dy /= len;
        const float head = thick * 2.6f;
        float bx = x1 - dx * head, by = y1 - dy * head;
        stroke(x0, y0, bx, by, col, thick);
        tri(x1, y1, bx - dy * head * 0.8f, by + dx * head * 0.8f, bx + dy * head * 0.8f, by - dx * head * 0.8f, col);
    }
    void tick(float x, float y, float scale, ImU32 col, float thick) const {
        const ImVec2 pts[3] = {p(x - 0.5f * scale, y), p(x - 0.15f * scale, y + 0.35f * scale),
                               p(x + 0.55f * scale, y - 0.45f * scale)};
        draw->AddPolyline(pts, 3, col, 0, w(thick));
    }
    // A warning triangle with an exclamation mark, apex at (x, y).
    void warning(float x, float y, float height, ImU32 fill, ImU32 mark) const {
        tri(x, y, x - height * 0.58f, y + height, x + height * 0.58f, y + height, fill);
        rect(x - height * 0.05f, y + height * 0.3f, x + height * 0.05f, y + height * 0.68f, mark, height * 0.03f);
        circle(x, y + height * 0.82f, height * 0.06f, mark);
    }
};

void phone_touch(const Pen& g) {
    const Palette& c = g.c;
    g.rect(0.30f, 0.08f, 0.70f, 0.90f, c.primary, 0.07f);
    g.rect(0.34f, 0.16f, 0.66f, 0.80f, c.surface, 0.02f);
    g.circle(0.5f, 0.85f, 0.022f, c.surface);
    g.rect(0.38f, 0.22f, 0.62f, 0.28f, c.accent_soft, 0.015f);
    g.rect(0.38f, 0.32f, 0.54f, 0.38f, c.accent_soft, 0.015f);
    g.ring(0.52f, 0.55f, 0.10f, c.accent, 0.018f);
    g.ring(0.52f, 0.55f, 0.155f, c.accent, 0.012f);
    g.circle(0.52f, 0.55f, 0.05f, c.accent);
    g.stroke(0.56f, 0.62f, 0.78f, 0.97f, c.warm, 0.11f);
}

void touch_gestures(const Pen& g) {
    const Palette& c = g.c;
    g.ring(0.5f, 0.5f, 0.17f, c.accent, 0.025f);
    g.circle(0.5f, 0.5f, 0.10f, c.accent);
    g.arrow(0.5f, 0.29f, 0.5f, 0.06f, c.primary, 0.04f);
    g.arrow(0.5f, 0.71f, 0.5f, 0.94f, c.primary, 0.04f);
    g.arrow(0.29f, 0.5f, 0.06f, 0.5f, c.primary, 0.04f);
    g.arrow(0.71f, 0.5f, 0.94f, 0.5f, c.primary, 0.04f);
    g.arrow(0.66f, 0.34f, 0.84f, 0.16f, c.warm, 0.03f);
    g.arrow(0.34f, 0.66f, 0.16f, 0.84f, c.warm, 0.03f);
}

void app_icons(const Pen& g) {
    const Palette& c = g.c;
    const ImU32 colors[9] = {c.primary, c.accent, c.warm, c.danger, c.primary, c.success, c.accent, c.warm, c.primary};
    const float cell = 0.22f, gap = 0.05f, start = 0.12f;
    for (int i = 0; i < 9; ++i) {
        const int row = i / 3;
        float x = start + (i % 3) * (cell + gap), y = start + row * (cell + gap);
        g.rect(x, y, x + cell, y + cell, colors[i], 0.05f);
        if (i % 2 == 0) g.circle(x + cell / 2, y + cell / 2, 0.045f, c.surface);
        else g.rect(x + 0.07f, y + 0.07f, x + cell - 0.07f, y + cell - 0.07f, c.surface, 0.015f);
    }
}

void wifi_signal(const Pen& g) {
    const Palette& c = g.c;
    const float cx = 0.36f, cy = 0.74f;
    g.circle(cx, cy, 0.045f, c.primary);
    for (int i = 0; i < 3; ++i)
        g.arc(cx, cy, 0.14f + 0.11f * i, -0.75f * kPi, -0.25f * kPi, i == 2 ? c.accent : c.primary, 0.05f);
    for (int i = 0; i < 4; ++i) {
        float x = 0.64f + i * 0.085f, height = 0.12f + 0.1f * i;
        g.rect(x, 0.80f - height, x + 0.06f, 0.80f, c.accent, 0.015f);
    }
}

void padlock(const Pen& g, float cx, float top, float width, ImU32 body) {
    const Palette& c = g.c;
    const float r = width * 0.32f, body_top = top + r + width * 0.12f;
    g.arc(cx, top + r, r, kPi, 2 * kPi, c.primary, width * 0.12f);
    // The legs start a little inside the arc so no seam shows where they meet.
    g.rect(cx - r - width * 0.06f, top + r - width * 0.02f, cx - r + width * 0.06f, body_top, c.primary);
    g.rect(cx + r - width * 0.06f, top + r - width * 0.02f, cx + r + width * 0.06f, body_top, c.primary);
    g.rect(cx - width / 2, body_top, cx + width / 2, body_top + width * 0.68f, body, width * 0.1f);
    g.circle(cx, body_top + width * 0.26f, width * 0.09f, c.surface);
    g.rect(cx - width * 0.035f, body_top + width * 0.3f, cx + width * 0.035f, body_top + width * 0.5f, c.surface);
}

void lock_password(const Pen& g) {
    const Palette& c = g.c;
    padlock(g, 0.5f, 0.10f, 0.44f, c.primary);
    g.card(0.14f, 0.78f, 0.86f, 0.93f, c.surface, 0.075f);
    for (int i = 0; i < 6; ++i) g.circle(0.25f + i * 0.1f, 0.855f, 0.024f, c.primary);
}

void two_factor_code(const Pen& g) {
    const Palette& c = g.c;
    g.rect(0.08f, 0.12f, 0.46f, 0.88f, c.primary, 0.06f);
    g.rect(0.12f, 0.20f, 0.42f, 0.78f, c.surface, 0.02f);
    for (int i = 0; i < 6; ++i) {
        float x = 0.145f + (i % 3) * 0.082f, y = i < 3 ? 0.36f : 0.50f;
        g.rect(x, y, x + 0.068f, y + 0.1f, c.accent_soft, 0.012f);
        g.rect(x + 0.022f, y + 0.03f, x + 0.046f, y + 0.07f, c.primary, 0.008f);
    }
    g.circle(0.27f, 0.83f, 0.022f, c.surface);
    padlock(g, 0.74f, 0.24f, 0.30f, c.accent);
}

void phishing_mail(const Pen& g) {
    const Palette& c = g.c;
    g.card(0.06f, 0.36f, 0.62f, 0.80f, c.surface, 0.03f);
    const ImVec2 flap[3] = {g.p(0.06f, 0.36f), g.p(0.34f, 0.60f), g.p(0.62f, 0.36f)};
    g.draw->AddPolyline(flap, 3, c.primary, 0, g.w(0.022f));
    g.stroke(0.80f, 0.02f, 0.80f, 0.14f, c.text_muted, 0.012f);
    g.ring(0.80f, 0.17f, 0.03f, c.danger, 0.02f);
    g.stroke(0.80f, 0.20f, 0.80f, 0.62f, c.danger, 0.035f);
    g.arc(0.72f, 0.62f, 0.08f, 0.0f, kPi, c.danger, 0.035f);
    g.tri(0.64f, 0.50f, 0.615f, 0.63f, 0.665f, 0.63f, c.danger);
}

void scam_call(const Pen& g) {
    const Palette& c = g.c;
    g.arc(0.46f, 0.52f, 0.26f, 0.75f * kPi, 1.25f * kPi, c.accent, 0.03f);
    g.arc(0.46f, 0.52f, 0.34f, 0.78f * kPi, 1.22f * kPi, c.accent, 0.03f);
    g.arc(0.46f, 0.52f, 0.26f, -0.25f * kPi, 0.25f * kPi, c.accent, 0.03f);
    g.rect(0.30f, 0.16f, 0.62f, 0.88f, c.primary, 0.06f);
    g.rect(0.34f, 0.24f, 0.58f, 0.76f, c.surface, 0.02f);
    g.circle(0.46f, 0.38f, 0.06f, c.text_muted);
    g.rect(0.38f, 0.46f, 0.54f, 0.54f, c.text_muted, 0.04f, ImDrawFlags_RoundCornersTop);
    g.circle(0.40f, 0.66f, 0.038f, c.success);
    g.circle(0.52f, 0.66f, 0.038f, c.danger);
    g.warning(0.80f, 0.04f, 0.30f, c.warm, c.primary);
}

void browser_warning(const Pen& g) {
    const Palette& c = g.c;
    g.card(0.06f, 0.12f, 0.94f, 0.86f, c.surface, 0.04f);
    g.rect(0.06f, 0.12f, 0.94f, 0.27f, c.primary, 0.04f, ImDrawFlags_RoundCornersTop);
    for (int i = 0; i < 3; ++i) g.circle(0.12f + i * 0.05f, 0.195f, 0.017f, c.surface);
    g.rect(0.30f, 0.165f, 0.88f, 0.225f, c.surface, 0.03f);
    g.rect(0.34f, 0.188f, 0.62f, 0.202f, c.border);
    g.warning(0.5f, 0.34f, 0.38f, c.danger, c.surface);
    g.rect(0.30f, 0.78f, 0.70f, 0.80f, c.border);
}

void card_payment(const Pen& g) {
    const Palette& c = g.c;
    g.rect(0.50f, 0.08f, 0.88f, 0.90f, c.primary, 0.05f);
    g.rect(0.55f, 0.14f, 0.83f, 0.34f, c.surface, 0.02f);
    g.tick(0.69f, 0.245f, 0.1f, c.success, 0.022f);
    for (int i = 0; i < 9; ++i) {
        const int row = i / 3;
        g.circle(0.61f + (i % 3) * 0.08f, 0.46f + row * 0.1f, 0.026f, c.surface);
    }
    g.rect(0.58f, 0.80f, 0.80f, 0.83f, c.surface, 0.01f);
    g.rect(0.08f, 0.42f, 0.60f, 0.76f, c.accent, 0.04f);
    g.rect(0.14f, 0.51f, 0.24f, 0.59f, c.warm, 0.012f);
    g.rect(0.14f, 0.65f, 0.52f, 0.68f, c.surface, 0.01f);
    g.arc(0.30f, 0.55f, 0.05f, -0.3f * kPi, 0.3f * kPi, c.surface, 0.014f);
    g.arc(0.30f, 0.55f, 0.08f, -0.3f * kPi, 0.3f * kPi, c.surface, 0.014f);
}

void qr_code(const Pen& g) {
    const Palette& c = g.c;
    g.card(0.10f, 0.10f, 0.90f, 0.90f, c.surface, 0.03f);
    const int n = 13;
    const float start = 0.16f, cell = 0.68f / n;
    auto finder = [&](int row, int col) {
        float x = start + col * cell, y = start + row * cell;
        g.rect(x, y, x + 4 * cell, y + 4 * cell, c.primary);
        g.rect(x + cell * 0.6f, y + cell * 0.6f, x + 3.4f * cell, y + 3.4f * cell, c.surface);
        g.rect(x + cell * 1.2f, y + cell * 1.2f, x + 2.8f * cell, y + 2.8f * cell, c.primary);
    };
    for (int row = 0; row < n; ++row) {
        for (int col = 0; col < n; ++col) {
            bool in_finder = (row < 5 && col < 5) || (row < 5 && col >= n - 5) || (row >= n - 5 && col < 5);
            // A fixed scatter that looks like data; the picture never has to scan.
            if (in_finder || (row * 7 + col * 13 + row * col) % 3 != 0) continue;
            float x = start + col * cell, y = start + row * cell;
            g.rect(x, y, x + cell, y + cell, c.primary);
        }
    }
    finder(0, 0);
    finder(0, n - 4);
    finder(n - 4, 0);
}

void online_shop(const Pen& g) {
    const Palette& c = g.c;
    g.rect(0.06f, 0.10f, 0.94f, 0.72f, c.primary, 0.04f);
    g.rect(0.10f, 0.14f, 0.90f, 0.68f, c.surface, 0.02f);
    g.rect(0.45f, 0.72f, 0.55f, 0.82f, c.primary);
    g.rect(0.30f, 0.82f, 0.70f, 0.87f, c.primary, 0.02f);
    g.stroke(0.24f, 0.24f, 0.32f, 0.24f, c.primary, 0.025f);
    const float basket[8] = {0.32f, 0.24f, 0.72f, 0.29f, 0.67f, 0.46f, 0.36f, 0.46f};
    g.poly(basket, 4, c.accent);
    g.stroke(0.36f, 0.46f, 0.35f, 0.52f, c.primary, 0.02f);
    g.stroke(0.35f, 0.52f, 0.68f, 0.52f, c.primary, 0.02f);
    g.circle(0.40f, 0.58f, 0.035f, c.primary);
    g.circle(0.63f, 0.58f, 0.035f, c.primary);
}

void shield(const Pen& g, ImU32 outer, ImU32 inner) {
    const float outline[12] = {0.5f, 0.06f, 0.84f, 0.19f, 0.82f, 0.52f, 0.5f, 0.94f, 0.18f, 0.52f, 0.16f, 0.19f};
    g.poly(outline, 6, outer);
    float inside[12];
    for (size_t i = 0; i < 6; ++i) {
        inside[2 * i] = 0.5f + (outline[2 * i] - 0.5f) * 0.78f;
        inside[2 * i + 1] = 0.48f + (outline[2 * i + 1] - 0.48f) * 0.78f;
    }
    g.poly(inside, 6, inner);
}

void shield_privacy(const Pen& g) {
    const Palette& c = g.c;
    shield(g, c.primary, c.accent);
    g.circle(0.5f, 0.40f, 0.075f, c.surface);
    g.tri(0.5f, 0.42f, 0.44f, 0.64f, 0.56f, 0.64f, c.surface);
}

void app_permissions(const Pen& g) {
    const Palette& c = g.c;
    g.card(0.08f, 0.10f, 0.92f, 0.90f, c.surface, 0.04f);
    const ImU32 icons[3] = {c.accent, c.warm, c.primary};
    const bool on[3] = {true, false, true};
    for (int i = 0; i < 3; ++i) {
        float y = 0.28f + i * 0.22f;
        g.circle(0.19f, y, 0.05f, icons[i]);
        g.rect(0.29f, y - 0.022f, 0.58f, y + 0.022f, c.text_muted, 0.02f);
        g.rect(0.64f, y - 0.06f, 0.86f, y + 0.06f, on[i] ? c.accent : c.border, 0.06f);
        g.circle(on[i] ? 0.80f : 0.70f, y, 0.045f, c.surface);
    }
}

void location_pin(const Pen& g) {
    const Palette& c = g.c;
    g.card(0.06f, 0.42f, 0.94f, 0.92f, c.surface, 0.03f);
    g.rect(0.64f, 0.72f, 0.86f, 0.86f, c.success_soft, 0.02f);
    g.stroke(0.08f, 0.72f, 0.92f, 0.58f, c.border, 0.035f);
    g.stroke(0.34f, 0.44f, 0.56f, 0.90f, c.border, 0.035f);
    g.circle(0.5f, 0.30f, 0.18f, c.danger);
    g.tri(0.34f, 0.39f, 0.66f, 0.39f, 0.5f, 0.72f, c.danger);
    g.circle(0.5f, 0.30f, 0.075f, c.surface);
}

void gov_services(const Pen& g) {
    const Palette& c = g.c;
    g.tri(0.5f, 0.08f, 0.10f, 0.32f, 0.90f, 0.32f, c.primary);
    g.circle(0.5f, 0.24f, 0.035f, c.surface);
    g.rect(0.13f, 0.34f, 0.87f, 0.40f, c.primary);
    for (int i = 0; i < 4; ++i) {
        float x = 0.19f + i * 0.18f;
        g.rect(x, 0.43f, x + 0.08f, 0.76f, c.accent);
    }
    g.rect(0.13f, 0.78f, 0.87f, 0.83f, c.primary);
    g.rect(0.08f, 0.85f, 0.92f, 0.91f, c.primary);
}

void digital_id(const Pen& g) {
    const Palette& c = g.c;
    g.card(0.06f, 0.18f, 0.94f, 0.82f, c.surface, 0.05f);
    g.rect(0.06f, 0.18f, 0.94f, 0.31f, c.primary, 0.05f, ImDrawFlags_RoundCornersTop);
    g.rect(0.13f, 0.39f, 0.40f, 0.74f, c.accent_soft, 0.02f);
    g.circle(0.265f, 0.50f, 0.06f, c.accent);
    g.rect(0.17f, 0.60f, 0.36f, 0.74f, c.accent, 0.06f, ImDrawFlags_RoundCornersTop);
    g.rect(0.48f, 0.43f, 0.86f, 0.47f, c.text_muted, 0.02f);
    g.rect(0.48f, 0.54f, 0.80f, 0.58f, c.text_muted, 0.02f);
    g.rect(0.48f, 0.65f, 0.70f, 0.69f, c.text_muted, 0.02f);
}

void fact_check(const Pen& g) {
    const Palette& c = g.c;
    g.card(0.10f, 0.06f, 0.64f, 0.84f, c.surface, 0.03f);
    for (int i = 0; i < 6; ++i)
        g.rect(0.18f, 0.16f + i * 0.1f, i % 2 ? 0.46f : 0.56f, 0.185f + i * 0.1f, c.text_muted, 0.01f);
    g.stroke(0.74f, 0.70f, 0.90f, 0.88f, c.primary, 0.075f);
    g.circle(0.62f, 0.56f, 0.17f, c.surface);
    g.ring(0.62f, 0.56f, 0.17f, c.primary, 0.05f);
    g.tick(0.62f, 0.57f, 0.16f, c.success, 0.04f);
}

void newspaper(const Pen& g, float x, float y, ImU32 header) {
    const Palette& c = g.c;
    g.card(x, y, x + 0.38f, y + 0.60f, c.surface, 0.02f);
    g.rect(x + 0.04f, y + 0.05f, x + 0.34f, y + 0.12f, header, 0.01f);
    for (int i = 0; i < 5; ++i)
        g.rect(x + 0.04f, y + 0.18f + i * 0.07f, x + (i % 2 ? 0.26f : 0.34f), y + 0.20f + i * 0.07f, c.text_muted);
}

void news_sources(const Pen& g) {
    newspaper(g, 0.54f, 0.10f, g.c.accent);
    newspaper(g, 0.31f, 0.20f, g.c.warm);
    newspaper(g, 0.08f, 0.30f, g.c.primary);
}

void ai_chip(const Pen& g) {
    const Palette& c = g.c;
    for (int i = 0; i < 4; ++i) {
        float t = 0.32f + i * 0.12f;
        g.rect(t - 0.02f, 0.14f, t + 0.02f, 0.86f, c.primary);
        g.rect(0.14f, t - 0.02f, 0.86f, t + 0.02f, c.primary);
    }
    g.stroke(0.44f, 0.14f, 0.44f, 0.06f, c.accent, 0.02f);
    g.circle(0.44f, 0.05f, 0.025f, c.accent);
    g.stroke(0.86f, 0.56f, 0.95f, 0.56f, c.accent, 0.02f);
    g.stroke(0.56f, 0.86f, 0.56f, 0.95f, c.accent, 0.02f);
    g.stroke(0.14f, 0.44f, 0.05f, 0.44f, c.accent, 0.02f);
    g.rect(0.24f, 0.24f, 0.76f, 0.76f, c.primary, 0.05f);
    g.rect(0.35f, 0.35f, 0.65f, 0.65f, c.accent, 0.03f);
    g.ring(0.5f, 0.5f, 0.07f, c.surface, 0.025f);
    g.circle(0.5f, 0.5f, 0.025f, c.surface);
}

void spark(const Pen& g, float x, float y, float r, ImU32 col) {
    const float tall[8] = {x, y - r, x + r * 0.22f, y, x, y + r, x - r * 0.22f, y};
    const float wide[8] = {x - r, y, x, y - r * 0.22f, x + r, y, x, y + r * 0.22f};
    g.poly(tall, 4, col);
    g.poly(wide, 4, col);
}

void ai_chat(const Pen& g) {
    const Palette& c = g.c;
    g.rect(0.06f, 0.12f, 0.64f, 0.48f, c.primary, 0.06f);
    g.tri(0.14f, 0.47f, 0.28f, 0.47f, 0.12f, 0.60f, c.primary);
    for (int i = 0; i < 3; ++i) g.circle(0.22f + i * 0.13f, 0.30f, 0.035f, c.surface);
    g.rect(0.34f, 0.54f, 0.94f, 0.86f, c.accent, 0.06f);
    g.tri(0.72f, 0.85f, 0.86f, 0.85f, 0.88f, 0.96f, c.accent);
    g.rect(0.42f, 0.63f, 0.86f, 0.665f, c.surface, 0.015f);
    g.rect(0.42f, 0.73f, 0.74f, 0.765f, c.surface, 0.015f);
    spark(g, 0.82f, 0.25f, 0.14f, c.warm);
}

void software_update(const Pen& g) {
    const Palette& c = g.c;
    const float r = 0.34f, start = -0.5f * kPi + 0.55f, end = 1.5f * kPi - 0.25f;
    g.arc(0.5f, 0.5f, r, start, end, c.accent, 0.06f);
    // Arrowhead along the circle's direction at its end.
    float px = 0.5f + r * std::cos(end), py = 0.5f + r * std::sin(end);
    float tx = -std::sin(end), ty = std::cos(end), nx = std::cos(end), ny = std::sin(end);
    g.tri(px + tx * 0.09f, py + ty * 0.09f, px + nx * 0.08f, py + ny * 0.08f, px - nx * 0.08f, py - ny * 0.08f, c.accent);
    g.arrow(0.5f, 0.30f, 0.5f, 0.66f, c.primary, 0.06f);
    g.rect(0.36f, 0.70f, 0.64f, 0.745f, c.primary, 0.02f);
}

void person(const Pen& g, float x, float head_y, float scale, ImU32 col) {
    g.circle(x, head_y, 0.08f * scale, col);
    g.rect(x - 0.11f * scale, head_y + 0.11f * scale, x + 0.11f * scale, 0.88f, col, 0.1f * scale,
           ImDrawFlags_RoundCornersTop);
}

void help_people(const Pen& g) {
    const Palette& c = g.c;
    g.rect(0.60f, 0.16f, 0.95f, 0.56f, c.primary, 0.03f);
    g.rect(0.63f, 0.19f, 0.92f, 0.50f, c.surface, 0.015f);
    g.rect(0.67f, 0.25f, 0.85f, 0.29f, c.accent_soft, 0.01f);
    g.rect(0.67f, 0.34f, 0.80f, 0.38f, c.accent_soft, 0.01f);
    g.rect(0.755f, 0.56f, 0.795f, 0.64f, c.primary);
    person(g, 0.16f, 0.46f, 0.85f, c.warm);
    person(g, 0.42f, 0.30f, 1.0f, c.accent);
    g.stroke(0.48f, 0.48f, 0.66f, 0.38f, c.accent, 0.05f);
}

void checklist(const Pen& g) {
    const Palette& c = g.c;
    g.card(0.16f, 0.10f, 0.84f, 0.92f, c.surface, 0.04f);
    g.rect(0.36f, 0.05f, 0.64f, 0.15f, c.primary, 0.025f);
    for (int i = 0; i < 3; ++i) {
        float y = 0.32f + i * 0.2f;
        g.card(0.25f, y - 0.06f, 0.37f, y + 0.06f, c.surface, 0.015f);
        if (i < 2) g.tick(0.31f, y - 0.005f, 0.1f, c.success, 0.03f);
        g.rect(0.44f, y - 0.018f, 0.74f, y + 0.018f, c.text_muted, 0.015f);
    }
}

}  // namespace

void draw_illustration(ImDrawList* draw, const Theme& theme, Illustration illustration, ImVec2 min, float size) {
    const Pen g{draw, min, size, theme.colors};
    switch (illustration) {
        case Illustration::None: break;
        case Illustration::PhoneTouch: phone_touch(g); break;
        case Illustration::TouchGestures: touch_gestures(g); break;
        case Illustration::AppIcons: app_icons(g); break;
        case Illustration::WifiSignal: wifi_signal(g); break;
        case Illustration::LockPassword: lock_password(g); break;
        case Illustration::TwoFactorCode: two_factor_code(g); break;
        case Illustration::PhishingMail: phishing_mail(g); break;
        case Illustration::ScamCall: scam_call(g); break;
        case Illustration::BrowserWarning: browser_warning(g); break;
        case Illustration::CardPayment: card_payment(g); break;
        case Illustration::QrCode: qr_code(g); break;
        case Illustration::OnlineShop: online_shop(g); break;
        case Illustration::ShieldPrivacy: shield_privacy(g); break;
        case Illustration::AppPermissions: app_permissions(g); break;
        case Illustration::LocationPin: location_pin(g); break;
        case Illustration::GovServices: gov_services(g); break;
        case Illustration::DigitalId: digital_id(g); break;
        case Illustration::FactCheck: fact_check(g); break;
        case Illustration::NewsSources: news_sources(g); break;
        case Illustration::AiChip: ai_chip(g); break;
        case Illustration::AiChat: ai_chat(g); break;
        case Illustration::SoftwareUpdate: software_update(g); break;
        case Illustration::HelpPeople: help_people(g); break;
        case Illustration::Checklist: checklist(g); break;
    }
}

}  // namespace kiosk::ui
