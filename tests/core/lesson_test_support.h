// Shared by the lesson tests: the valid fixture and small text surgery on it, so each
// test breaks exactly one rule and can assert the line the parser names.
#pragma once

#include "core/diagnostic.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <string>

namespace kiosk::test {

using namespace kiosk::core;  // the tests use the core layer

// tests/data/lessons/valid: documents/mini-statement.txt (3 blocks) and lessons/sample.txt
// (5 slides, 4 questions of 3 options, correct b, c, a, b; slide 2 links mini-statement#2).
inline std::string lesson_fixture_dir() { return KIOSK_TEST_DATA_DIR "/lessons/valid"; }
inline std::string sample_lesson_text() { return read_text(lesson_fixture_dir() + "/lessons/sample.txt"); }

// The 1-based line on which the `n`th (1-based) occurrence of `needle` starts; 0 if absent.
inline int line_of(const std::string& text, const std::string& needle, int n = 1) {
    size_t pos = std::string::npos;
    for (int i = 0; i < n; ++i) {
        pos = text.find(needle, pos == std::string::npos ? 0 : pos + 1);
        if (pos == std::string::npos) return 0;
    }
    int line = 1;
    for (size_t i = 0; i < pos; ++i)
        if (text[i] == '\n') ++line;
    return line;
}

// `text` with its first `from` replaced by `to`; fails the test if `from` is absent.
inline std::string replaced(const std::string& text, const std::string& from, const std::string& to) {
    size_t pos = text.find(from);
    REQUIRE_MESSAGE(pos != std::string::npos, "fixture lacks: " << from);
    return text.substr(0, pos) + to + text.substr(pos + from.size());
}

// True if some diagnostic is at `line`, about `field`, with `message_part` in its message.
inline bool has_diagnostic(const Diagnostics& diagnostics, int line, const std::string& field,
                           const std::string& message_part) {
    for (const Diagnostic& d : diagnostics)
        if (d.line == line && d.field == field && d.message.find(message_part) != std::string::npos) return true;
    return false;
}

// All diagnostics, one per line, for failure messages.
inline std::string describe(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) out += d.str() + "\n";
    return out;
}

}  // namespace kiosk::test
