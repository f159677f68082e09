// Small UTF-8 helpers. Invalid bytes decode as U+FFFD so that no input can crash a caller.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at `pos` and advances `pos` past it (at least one byte).
char32_t decode(std::string_view text, size_t& pos);
// Where the code point that ends at `pos` starts (0 for 0): the step back that decode() takes
// forward, so a byte that is not UTF-8 is one step of its own either way.
size_t prev_boundary(std::string_view text, size_t pos);
// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);
// True if `text` is well-formed UTF-8; otherwise `bad_offset` gets the first bad byte.
bool is_valid(std::string_view text, size_t* bad_offset = nullptr);
// `text` safe to log or show: control characters (C0, DEL, C1) and bytes that are not UTF-8
// become "\xNN" escapes, and a backslash becomes "\\". For names from a stranger's stick.
std::string printable(std::string_view text);
// `text` without its last code point (nothing happens to empty text).
void erase_last(std::string* text);
// Number of code points.
size_t length(std::string_view text);
// Code points of `text`.
std::u32string to_u32(std::string_view text);
std::string from_u32(std::u32string_view text);

// Trims ASCII and Unicode spaces (incl. U+00A0, U+3000) from both ends.
std::string_view trim(std::string_view text);
// Collapses every run of whitespace to one ASCII space and trims.
std::string collapse_spaces(std::string_view text);

// CJK ideographs, kana, hangul and CJK punctuation: scripts written without spaces.
bool is_cjk(char32_t cp);

}  // namespace kiosk::core::utf8
