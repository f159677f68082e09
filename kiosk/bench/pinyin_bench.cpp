// pinyin_bench: the pinyin keyboard's engine, keystroke by keystroke (docs/performance.md).
//
//   pinyin_bench [--content CONTENT.db] [--runs N]
//
// Starts PinyinInput (RIME with Debian's pinyin_simp, ranked by the content's vocabulary) in a
// fresh data dir, twice: the first start compiles the schema there, the second finds it
// compiled. Then types a fixed set of pinyin words letter by letter, N times, timing each
// keystroke from the command to the new candidates (the worker's RIME call, ranking and the
// hand-over to the UI thread). Prints one JSON object: start times, keystroke p50/p99/max (all,
// the words alone, and the 26 ambiguous letters alone), and the resident memory the engine
// added (RIME's mapped dictionary, its session, the vocabulary).
#include "core/file_io.h"
#include "core/ime/content_vocabulary.h"
#include "core/ime/pinyin_input.h"
#include "core/strict_number.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

using namespace kiosk;
using namespace kiosk::core;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double rss_mb() {
    std::ifstream statm("/proc/self/statm");
    long total = 0, resident = 0;
    statm >> total >> resident;
    return resident * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<size_t>(std::lround(p * static_cast<double>(values.size() - 1))))];
}

// What visitors type: the content's key terms, an abbreviation, and the longest run of
// ambiguous letters the composition holds (the slowest case RIME meets here).
const char* const kWords[] = {"shuzijingji",
                              "wangluoanquan",
                              "rengongzhineng",
                              "xinxianquan",
                              "dianzizhengwu",
                              "shanghaihezuozuzhi",
                              "hulianwang",
                              "yunjisuan",
                              "dashuju",
                              "szjj",
                              "qqqqqqqqqqqqqqqqqqqqqqqqqq"};
const char* const kAmbiguous = kWords[10];  // reported apart too

std::unique_ptr<PinyinInput> start(const PinyinInput::Options& options, double* ms) {
    const Clock::time_point t0 = Clock::now();
    auto input = std::make_unique<PinyinInput>(options);
    if (!input->wait_idle(120) || input->state() != PinyinInput::State::Ready) {
        std::fprintf(stderr, "pinyin_bench: RIME did not start: %s\n", input->error().c_str());
        std::exit(1);
    }
    *ms = ms_since(t0);
    return input;
}

}  // namespace

int main(int argc, char** argv) {
    std::string content = KIOSK_CONTENT_DB;
    int runs = 20;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--content")) content = argv[i + 1];
        else if (!std::strcmp(argv[i], "--runs") && !parse_integer(argv[i + 1], 1, 1000000, &runs)) {
            std::fprintf(stderr, "pinyin_bench: --runs expects a whole number from 1 to 1000000, got '%s'\n", argv[i + 1]);
            return 2;
        }
    }
    char dir_template[] = "/tmp/pinyin_bench.XXXXXX";
    const char* dir = mkdtemp(dir_template);
    if (!dir) {
        std::perror("pinyin_bench: mkdtemp");
        return 1;
    }
    PinyinInput::Options options;
    options.user_data_dir = fs::join(dir, "rime");
    options.content_db = content;

    const double rss_before = rss_mb();
    double first_start_ms = 0, warm_start_ms = 0;
    start(options, &first_start_ms).reset();
    auto input = start(options, &warm_start_ms);
    const double rss_ready = rss_mb();

    std::vector<double> keystrokes, words_only, ambiguous;
    PinyinInput::View view;
    int words_with_candidates = 0;
    for (int run = 0; run < runs; ++run) {
        for (const char* word : kWords) {
            for (const char* c = word; *c; ++c) {
                const Clock::time_point t0 = Clock::now();
                input->type(*c);
                input->wait_idle(10);
                input->update_view(&view);
                const double ms = ms_since(t0);
                keystrokes.push_back(ms);
                (word == kAmbiguous ? ambiguous : words_only).push_back(ms);
            }
            if (!view.candidates.empty()) ++words_with_candidates;
            input->clear();
            input->wait_idle(10);
        }
    }
    const double rss_after = rss_mb();
    input.reset();
    std::system((std::string("rm -rf ") + dir).c_str());
    // The vocabulary's share of the memory, on its own.
    ContentVocabulary vocabulary;
    std::string error;
    if (!vocabulary.load(content, &error)) std::fprintf(stderr, "pinyin_bench: %s\n", error.c_str());

    std::printf(
        "{\"first_start_ms\": %.1f, \"warm_start_ms\": %.1f, \"keystrokes\": %zu, "
        "\"keystroke_ms_p50\": %.3f, \"keystroke_ms_p99\": %.3f, \"keystroke_ms_max\": %.3f, "
        "\"words_ms_p50\": %.3f, \"words_ms_p99\": %.3f, \"ambiguous_ms_p50\": %.3f, \"ambiguous_ms_p99\": %.3f, "
        "\"rss_added_ready_mb\": %.1f, \"rss_added_after_typing_mb\": %.1f, \"words_with_candidates\": %d, "
        "\"vocabulary_chars\": %zu, \"vocabulary_mb\": %.2f}\n",
        first_start_ms, warm_start_ms, keystrokes.size(), percentile(keystrokes, 0.5), percentile(keystrokes, 0.99),
        percentile(keystrokes, 1.0), percentile(words_only, 0.5), percentile(words_only, 0.99),
        percentile(ambiguous, 0.5), percentile(ambiguous, 0.99), rss_ready - rss_before, rss_after - rss_before,
        words_with_candidates, vocabulary.chars(), static_cast<double>(vocabulary.memory_bytes()) / (1024.0 * 1024.0));
    return 0;
}
