#include "platform/draw_data_renderer.h"

#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {
// Smaller fans (a plain rectangle is two triangles) SDL already turns into rectangles itself.
constexpr size_t kMinFanTriangles = 3;
}  // namespace

void DrawDataRenderer::init(SDL_Renderer* renderer) {
    renderer_ = renderer;
    SDL_RendererInfo info;
    software_ = renderer && SDL_GetRendererInfo(renderer, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE) != 0;
}

void DrawDataRenderer::render(ImDrawData* draw_data) {
    if (software_) render_software(draw_data);
    else ImGui_ImplSDLRenderer_RenderDrawData(draw_data);
}

size_t DrawDataRenderer::fan_end(const ImDrawVert* vtx, const ImDrawIdx* idx, size_t start, size_t count) const {
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 white = io.Fonts->TexUvWhitePixel;
    const ImDrawVert& first = vtx[idx[start]];
    auto same = [&](const ImDrawVert& v) { return v.col == first.col && v.uv.x == white.x && v.uv.y == white.y; };
    if (!same(first) || !same(vtx[idx[start + 1]]) || !same(vtx[idx[start + 2]])) return start;
    size_t end = start + 3;
    while (end + 3 <= count && idx[end] == idx[start] && idx[end + 1] == idx[end - 1] && same(vtx[idx[end + 2]]))
        end += 3;
    return (end - start) / 3 >= kMinFanTriangles ? end : start;
}

// ImGui's rectangle: vertices top-left, top-right, bottom-right, bottom-left, drawn as (0,1,2)
// and (0,2,3), one opaque colour on the white texel. SDL would stretch-blit the white texel
// over it with blending; the destination rectangle is computed as SDL does for that blit
// (position and size cut to whole pixels, at least one pixel), so the pixels are the same.
bool DrawDataRenderer::opaque_quad(const ImDrawVert* vtx, const ImDrawIdx* idx, size_t t, size_t count, SDL_Rect* out) const {
    if (t + 6 > count) return false;
    const ImDrawIdx a = idx[t], b = idx[t + 1], c = idx[t + 2];
    if (idx[t + 3] != a || idx[t + 4] != c) return false;
    const ImDrawIdx d = idx[t + 5];
    const ImDrawVert &va = vtx[a], &vb = vtx[b], &vc = vtx[c], &vd = vtx[d];
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    for (const ImDrawVert* v : {&va, &vb, &vc, &vd})
        if (v->col != va.col || v->uv.x != white.x || v->uv.y != white.y) return false;
    if ((va.col >> 24) != 0xFF) return false;
    if (va.pos.y != vb.pos.y || vb.pos.x != vc.pos.x || vc.pos.y != vd.pos.y || vd.pos.x != va.pos.x) return false;
    if (!(vb.pos.x > va.pos.x && vc.pos.y > vb.pos.y)) return false;
    *out = SDL_Rect{static_cast<int>(va.pos.x), static_cast<int>(va.pos.y),
                    std::max(1, static_cast<int>(vb.pos.x - va.pos.x)), std::max(1, static_cast<int>(vc.pos.y - vb.pos.y))};
    return true;
}

// SDL's software renderer cuts vertex positions to whole pixels before rasterizing; the fans
// do the same, so they meet the anti-aliased edges SDL draws around them without a seam.
void DrawDataRenderer::add_vertex(const ImDrawVert& v) {
    polygon_.push_back({std::trunc(v.pos.x), std::trunc(v.pos.y)});
}

void DrawDataRenderer::flush(const ImDrawVert* vtx, int vertex_count, SDL_Texture* texture) {
    if (pending_.empty()) return;
    SDL_RenderGeometryRaw(renderer_, texture, &vtx->pos.x, sizeof(ImDrawVert),
                          reinterpret_cast<const SDL_Color*>(&vtx->col), sizeof(ImDrawVert), &vtx->uv.x, sizeof(ImDrawVert),
                          vertex_count, pending_.data(), static_cast<int>(pending_.size()), sizeof(ImDrawIdx));
    pending_.clear();
}

// Splits one command's triangles into runs for SDL, one-colour convex fans (with their pixel
// rectangles in spans_) and opaque two-triangle rectangles. Fans and rectangles are only looked
// for on the white texel (`white_texture`), where ImGui draws untextured shapes.
void DrawDataRenderer::collect_items(const ImDrawVert* vtx, const ImDrawIdx* idx, size_t count, bool white_texture) {
    items_.clear();
    spans_.clear();
    for (size_t t = 0; t + 3 <= count;) {
        const size_t end = white_texture ? fan_end(vtx, idx, t, count) : t;
        if (end > t) {
            polygon_.clear();
            add_vertex(vtx[idx[t]]);
            add_vertex(vtx[idx[t + 1]]);
            for (size_t k = t + 2; k < end; k += 3) add_vertex(vtx[idx[k]]);
            if (is_convex_polygon(polygon_)) {
                Item fan{Item::Kind::Fan, t, end, vtx[idx[t]].col};
                fan.span_begin = spans_.size();
                convex_polygon_spans(polygon_, &fan_spans_);
                spans_.insert(spans_.end(), fan_spans_.begin(), fan_spans_.end());
                fan.span_end = spans_.size();
                items_.push_back(fan);
                t = end;
                continue;
            }
        }
        SDL_Rect quad;
        if (white_texture && opaque_quad(vtx, idx, t, count, &quad)) {
            Item item{Item::Kind::Quad, t, t + 6, vtx[idx[t]].col};
            item.rect = quad;
            items_.push_back(item);
            t += 6;
            continue;
        }
        if (!items_.empty() && items_.back().kind == Item::Kind::Triangles && items_.back().end == t)
            items_.back().end = t + 3;
        else items_.push_back(Item{Item::Kind::Triangles, t, t + 3, 0});
        t += 3;
    }
}

// A translucent fan blends into what is below it; wherever an opaque fan or rectangle later in
// the same command (so under the same clip rectangle) replaces the pixels, that blending is
// never seen. Card shadows are the case that matters: three translucent layers, each as large
// as the card, which is drawn opaque right after them. Removes those pixels from visible_.
void DrawDataRenderer::remove_covered(size_t item_index) {
    constexpr size_t kLookAhead = 64;  // items after the fan searched for what covers it
    if (visible_.empty()) return;
    int x0 = visible_[0].x, y0 = visible_[0].y, x1 = x0, y1 = y0;
    for (const PixelRect& r : visible_) {
        x0 = std::min(x0, r.x), y0 = std::min(y0, r.y);
        x1 = std::max(x1, r.x + r.w), y1 = std::max(y1, r.y + r.h);
    }
    auto overlaps = [&](const PixelRect& r) { return r.x < x1 && x0 < r.x + r.w && r.y < y1 && y0 < r.y + r.h; };
    const size_t last = std::min(items_.size(), item_index + 1 + kLookAhead);
    for (size_t j = item_index + 1; j < last && !visible_.empty(); ++j) {
        const Item& cover = items_[j];
        if (cover.kind == Item::Kind::Triangles || (cover.col >> 24) != 0xFF) continue;
        if (cover.kind == Item::Kind::Quad) {
            const PixelRect r{cover.rect.x, cover.rect.y, cover.rect.w, cover.rect.h};
            if (overlaps(r)) subtract_rect(&visible_, r);
            continue;
        }
        for (size_t k = cover.span_begin; k < cover.span_end; ++k)
            if (overlaps(spans_[k])) subtract_rect(&visible_, spans_[k]);
    }
    size_t visible_pixels = 0;
    for (const PixelRect& r : visible_) visible_pixels += static_cast<size_t>(r.w) * static_cast<size_t>(r.h);
    size_t all_pixels = 0;
    for (size_t k = items_[item_index].span_begin; k < items_[item_index].span_end; ++k)
        all_pixels += static_cast<size_t>(spans_[k].w) * static_cast<size_t>(spans_[k].h);
    covered_pixels_ += all_pixels - visible_pixels;
}

// ImGui_ImplSDLRenderer_RenderDrawData (imgui 1.86) with the fan fast path; no framebuffer scale
// (the kiosk draws at the panel's pixels).
void DrawDataRenderer::render_software(ImDrawData* draw_data) {
    const int fb_width = static_cast<int>(draw_data->DisplaySize.x), fb_height = static_cast<int>(draw_data->DisplaySize.y);
    if (fb_width <= 0 || fb_height <= 0) return;
    const bool old_clip_enabled = SDL_RenderIsClipEnabled(renderer_) == SDL_TRUE;
    SDL_Rect old_viewport, old_clip;
    SDL_RenderGetViewport(renderer_, &old_viewport);
    SDL_RenderGetClipRect(renderer_, &old_clip);
    SDL_RenderSetViewport(renderer_, nullptr);
    SDL_RenderSetClipRect(renderer_, nullptr);
    const ImTextureID font_texture = ImGui::GetIO().Fonts->TexID;
    const ImVec2 clip_off = draw_data->DisplayPos;
    for (int n = 0; n < draw_data->CmdListsCount; ++n) {
        const ImDrawList* list = draw_data->CmdLists[n];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                // NOLINTNEXTLINE(performance-no-int-to-ptr): ImGui's own sentinel, (ImDrawCallback)(-1)
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
                    SDL_RenderSetViewport(renderer_, nullptr);
                    SDL_RenderSetClipRect(renderer_, nullptr);
                } else {
                    cmd.UserCallback(list, &cmd);
                }
                continue;
            }
            ImVec2 clip_min(cmd.ClipRect.x - clip_off.x, cmd.ClipRect.y - clip_off.y);
            ImVec2 clip_max(cmd.ClipRect.z - clip_off.x, cmd.ClipRect.w - clip_off.y);
            if (clip_min.x < 0.0f) clip_min.x = 0.0f;
            if (clip_min.y < 0.0f) clip_min.y = 0.0f;
            if (clip_max.x > fb_width) clip_max.x = static_cast<float>(fb_width);
            if (clip_max.y > fb_height) clip_max.y = static_cast<float>(fb_height);
            if (clip_max.x <= clip_min.x || clip_max.y <= clip_min.y) continue;
            SDL_Rect clip{static_cast<int>(clip_min.x), static_cast<int>(clip_min.y),
                          static_cast<int>(clip_max.x - clip_min.x), static_cast<int>(clip_max.y - clip_min.y)};
            SDL_RenderSetClipRect(renderer_, &clip);

            const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
            const int vertex_count = list->VtxBuffer.Size - static_cast<int>(cmd.VtxOffset);
            const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
            auto* texture = static_cast<SDL_Texture*>(cmd.GetTexID());
            const size_t count = cmd.ElemCount;
            collect_items(vtx, idx, count, cmd.GetTexID() == font_texture);
            pending_.clear();
            for (size_t i = 0; i < items_.size(); ++i) {
                const Item& item = items_[i];
                if (item.kind == Item::Kind::Triangles) {
                    pending_.insert(pending_.end(), idx + item.begin, idx + item.end);
                    continue;
                }
                flush(vtx, vertex_count, texture);  // what came before stays below
                // Opaque: a plain fill gives the same pixels as blending, several times faster.
                const bool opaque = (item.col >> 24) == 0xFF;
                SDL_SetRenderDrawBlendMode(renderer_, opaque ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
                SDL_SetRenderDrawColor(renderer_, item.col & 0xFF, (item.col >> 8) & 0xFF, (item.col >> 16) & 0xFF,
                                       item.col >> 24);
                if (item.kind == Item::Kind::Quad) {
                    SDL_RenderFillRect(renderer_, &item.rect);
                    ++quads_as_rects_;
                    continue;
                }
                visible_.assign(spans_.begin() + static_cast<std::ptrdiff_t>(item.span_begin),
                                spans_.begin() + static_cast<std::ptrdiff_t>(item.span_end));
                if (!opaque) remove_covered(i);
                rects_.clear();
                for (const PixelRect& r : visible_) rects_.push_back(SDL_Rect{r.x, r.y, r.w, r.h});
                if (!rects_.empty()) SDL_RenderFillRects(renderer_, rects_.data(), static_cast<int>(rects_.size()));
                ++fans_as_rects_;
            }
            flush(vtx, vertex_count, texture);
        }
    }
    SDL_RenderSetViewport(renderer_, &old_viewport);
    SDL_RenderSetClipRect(renderer_, old_clip_enabled ? &old_clip : nullptr);
}

void retarget_glyph_quads(ImDrawData* draw_data, ImTextureID drawn_with, ImTextureID texture, float v_scale,
                          std::vector<uint8_t>* seen) {
    if (drawn_with == texture && v_scale == 1.0f) return;
    for (int n = 0; n < draw_data->CmdListsCount; ++n) {
        ImDrawList* list = draw_data->CmdLists[n];
        seen->assign(static_cast<size_t>(list->VtxBuffer.Size), 0);
        for (ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback || cmd.TextureId != drawn_with) continue;
            cmd.TextureId = texture;
            for (unsigned i = 0; i < cmd.ElemCount; ++i) {
                const size_t v = cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i)];
                if ((*seen)[v]) continue;  // vertices shared by two triangles are scaled once
                (*seen)[v] = 1;
                list->VtxBuffer[static_cast<int>(v)].uv.y *= v_scale;
            }
        }
    }
}

}  // namespace kiosk::platform
