// ui::TextRenderer drawing into an ImGui draw list, without a window: quads come from the glyph
// cache's texture, right-to-left text is laid out from the right, hostile text draws safely.
#include "core/text/font_collection.h"
#include "ui/fonts.h"
#include "ui/text_cache.h"
#include "ui/text_renderer.h"

#include <doctest/doctest.h>
#include <imgui_internal.h>

#include <cstdint>
#include <memory>
#include <string>

using namespace kiosk;
using namespace kiosk::core;

namespace {

struct Canvas {
    Canvas() : list(&shared) {
        list._ResetForNewFrame();
        list.PushClipRect(ImVec2(0, 0), ImVec2(1920, 1080));
    }
    ImDrawListSharedData shared;
    ImDrawList list;
};

struct Quad {
    float x0, x1;
};

// The quads drawn, in drawing order (4 vertices each: top-left first).
std::vector<Quad> quads(const ImDrawList& list) {
    std::vector<Quad> out;
    for (int v = 0; v + 3 < list.VtxBuffer.Size; v += 4)
        out.push_back({list.VtxBuffer[v].pos.x, list.VtxBuffer[v + 2].pos.x});
    return out;
}

std::unique_ptr<text::FontCollection> open_fonts() {
    std::string error;
    auto fonts = text::FontCollection::open(std::string(KIOSK_SOURCE_DIR) + "/assets", &error);
    REQUIRE_MESSAGE(fonts, error);
    return fonts;
}

}  // namespace

TEST_CASE("text is drawn as quads from the glyph cache's texture, in the text's colour") {
    auto fonts = open_fonts();
    ui::TextRenderer renderer(*fonts);
    renderer.set_texture(reinterpret_cast<ImTextureID>(0x1234));
    ui::Font font{&renderer, text::Weight::Regular, 30};
    Canvas canvas;
    renderer.begin_frame("ru");
    renderer.draw(&canvas.list, font, ImVec2(100, 100), IM_COL32(10, 20, 30, 255), "Мир AV");
    const std::vector<Quad> drawn = quads(canvas.list);
    CHECK(drawn.size() == 5);  // the space has no quad
    unsigned textured = 0;     // indices drawn with the cache's texture
    for (const ImDrawCmd& cmd : canvas.list.CmdBuffer)
        if (cmd.TextureId == reinterpret_cast<ImTextureID>(0x1234)) textured += cmd.ElemCount;
    CHECK(textured == 5 * 6);
    CHECK(canvas.list.VtxBuffer[0].col == IM_COL32(10, 20, 30, 255));
    for (size_t i = 1; i < drawn.size(); ++i) CHECK(drawn[i].x0 > drawn[i - 1].x0);  // left to right
    CHECK(renderer.cache().stats().glyphs == 6);  // the space is known too, as a blank taking no room
    CHECK(renderer.width(font, "Мир AV") == doctest::Approx(drawn.back().x1 - 100).epsilon(0.1));
}

TEST_CASE("a Persian line is drawn right to left: its first letter at the right") {
    auto fonts = open_fonts();
    ui::TextRenderer renderer(*fonts);
    ui::Font font{&renderer, text::Weight::Regular, 40};
    renderer.begin_frame("fa");
    const std::string word = "فارسی";
    const text::ShapedText& shaped = renderer.shaper().shape(word, font.weight, "fa");
    Canvas canvas;
    renderer.draw(&canvas.list, font, ImVec2(100, 100), IM_COL32_WHITE, word);
    const std::vector<Quad> drawn = quads(canvas.list);
    REQUIRE(drawn.size() == shaped.glyphs.size());
    // Quads follow the visual order; the glyph of byte 0 (ف) is the last, rightmost one.
    CHECK(shaped.glyphs.back().cluster == 0);
    for (const Quad& quad : drawn) CHECK(quad.x0 <= drawn.back().x0);
    CHECK(renderer.shaper().missing_count() == 0);
}

TEST_CASE("hostile text draws what it can within the cache budget and counts the rest") {
    auto fonts = open_fonts();
    ui::TextRenderer renderer(*fonts, 256, 256);
    Canvas canvas;
    renderer.begin_frame("en");
    std::string marks = "a";
    for (int i = 0; i < 10000; ++i) marks += "\xCC\x81";
    ui::Font font{&renderer, text::Weight::Regular, 30};
    renderer.draw(&canvas.list, font, ImVec2(0, 100), IM_COL32_WHITE, marks);
    renderer.draw(&canvas.list, font, ImVec2(0, 200), IM_COL32_WHITE, "x\xED\xA0\x80y\xFF\xCD\xB8");
    ui::Font huge{&renderer, text::Weight::Regular, 3000};
    renderer.draw(&canvas.list, huge, ImVec2(0, 0), IM_COL32_WHITE, "W");
    CHECK(canvas.list.VtxBuffer.Size > 4);       // the letter, its marks, x and y were drawn
    CHECK(canvas.list.VtxBuffer.Size % 4 == 0);  // whole quads only
    CHECK(canvas.list.IdxBuffer.Size == canvas.list.VtxBuffer.Size / 4 * 6);
    CHECK(renderer.cache().stats().not_cached >= 1);  // the giant W
    CHECK(renderer.cache().stats().bytes <= renderer.cache().budget_bytes());
    CHECK(renderer.shaper().missing().count(0x0378) == 1);
}

TEST_CASE("the wrap cache never gives a text the lines of another text that had its address") {
    auto fonts = open_fonts();
    ui::TextRenderer renderer(*fonts);
    ui::Font font{&renderer, text::Weight::Regular, 30};
    renderer.begin_frame("zh");
    ui::TextCache cache;
    // One buffer, two texts of the same length: what a string built per frame does when the
    // allocator hands back the same block (the About page's source lines did).
    std::string buffer = "来源：上海合作组织成员国元首理事会关于数字经济领域合作的声明";
    const size_t first_lines = cache.wrap(buffer, &font, 200, "zh").lines.size();
    REQUIRE(first_lines > 1);
    std::string latin = "Source: a line in Latin letters, as long in bytes as the Chinese one above it is.";
    latin.resize(buffer.size(), ' ');
    const auto address = reinterpret_cast<std::uintptr_t>(buffer.data());
    buffer.replace(0, buffer.size(), latin);  // the same length: rewritten in place
    REQUIRE(reinterpret_cast<std::uintptr_t>(buffer.data()) == address);
    const ui::WrappedText& again = cache.wrap(buffer, &font, 200, "en");
    const ui::WrappedText fresh = ui::wrap_text(buffer, &font, 200, "en");
    REQUIRE(again.lines.size() == fresh.lines.size());
    for (size_t i = 0; i < fresh.lines.size(); ++i) {
        CHECK(again.lines[i].begin == fresh.lines[i].begin);
        CHECK(again.lines[i].end == fresh.lines[i].end);
    }
    CHECK(cache.size() == 1);  // the entry was refreshed in place
}
