// text_layout_bench: what line breaking costs (core/text_layout.h, docs/performance.md).
//
//   text_layout_bench [--content DB] [--runs N]
//
// Breaks every block of every document (the official Russian text and the kiosk's Chinese and
// English translations) at three widths, N times, with a width function that costs next to
// nothing (a fixed advance per character class), so the figures are the breaker's own: ICU's
// word segmentation for Chinese, libunibreak, and the line filling. Then one Chinese paragraph
// of 1,000 to 100,000 characters, to show the cost per character does not grow with length.
// Prints one JSON object: per language the median of the runs in ns per byte and in µs per
// block, and the ns per byte of each long paragraph.
#include "core/content_store.h"
#include "core/strict_number.h"
#include "core/text_layout.h"
#include "core/utf8.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace kiosk;
using namespace kiosk::core;
using Clock = std::chrono::steady_clock;

namespace {

float fake_measure(std::string_view text) {
    float width = 0;
    for (size_t pos = 0; pos < text.size();) {
        char32_t cp = utf8::decode(text, pos);
        width += cp == ' ' ? 5.0f : cp < 0x80 ? 9.0f : utf8::is_cjk(cp) ? 18.0f : 10.0f;
    }
    return width;
}

// Nanoseconds per byte of one pass over `texts` at each width.
double pass_ns_per_byte(const std::vector<const std::string*>& texts, const char* lang, size_t* lines) {
    const MeasureFn measure = fake_measure;
    size_t bytes = 0;
    const auto start = Clock::now();
    for (float width : {300.0f, 600.0f, 1000.0f}) {
        for (const std::string* text : texts) {
            *lines += break_lines(*text, width, measure, lang).size();
            bytes += text->size();
        }
    }
    return std::chrono::duration<double, std::nano>(Clock::now() - start).count() / static_cast<double>(bytes);
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    std::string content = KIOSK_CONTENT_DB;
    int runs = 20;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--content") == 0) content = argv[i + 1];
        else if (std::strcmp(argv[i], "--runs") == 0 && parse_integer(std::string_view(argv[i + 1]), 1, 100000, &runs))
            continue;
        else {
            std::fprintf(stderr, "usage: text_layout_bench [--content DB] [--runs N]\n");
            return 2;
        }
    }
    std::string error;
    auto store = ContentStore::open(content, &error);
    if (!store) {
        std::fprintf(stderr, "text_layout_bench: %s\n", error.c_str());
        return 1;
    }
    std::printf("{\"runs\": %d", runs);
    for (Lang lang : kAllLangs) {
        std::vector<const std::string*> texts;
        size_t bytes = 0;
        for (const Document& doc : store->documents())
            for (const Block& block : doc.blocks) {
                texts.push_back(&block.text_in(lang));
                bytes += block.text_in(lang).size();
            }
        std::vector<double> ns;
        ns.reserve(static_cast<size_t>(runs));
        size_t lines = 0;
        for (int run = 0; run < runs; ++run) ns.push_back(pass_ns_per_byte(texts, lang_code(lang), &lines));
        const double per_byte = median(ns);
        std::printf(", \"%s\": {\"blocks\": %zu, \"bytes\": %zu, \"ns_per_byte\": %.1f, \"us_per_block\": %.2f}",
                    lang_code(lang), texts.size(), bytes, per_byte,
                    per_byte * static_cast<double>(bytes) / static_cast<double>(texts.size()) / 1000.0);
    }
    // One long Chinese paragraph: the translations run together.
    std::string chinese;
    for (const Document& doc : store->documents())
        for (const Block& block : doc.blocks) chinese += block.text_in(Lang::Zh);
    std::printf(", \"zh_long_ns_per_byte\": {");
    const char* separator = "";
    for (size_t characters : {1000u, 10000u, 100000u}) {
        std::string paragraph;
        while (utf8::length(paragraph) < characters) paragraph += chinese;
        std::u32string cps = utf8::to_u32(paragraph);
        paragraph = utf8::from_u32(std::u32string_view(cps).substr(0, characters));
        const int long_runs = std::max(3, runs / 4);
        std::vector<double> ns;
        ns.reserve(static_cast<size_t>(long_runs));
        size_t lines = 0;
        for (int run = 0; run < long_runs; ++run) ns.push_back(pass_ns_per_byte({&paragraph}, "zh", &lines));
        std::printf("%s\"%zu\": %.1f", separator, characters, median(ns));
        separator = ", ";
    }
    std::printf("}}\n");
    return 0;
}
