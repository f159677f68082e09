// Generates a random but reproducible visitor: taps, drags, waits, key presses, the hidden
// corner gesture with wrong PINs, and now and then an organizer visit to the panel.
#pragma once

#include <cstdint>
#include <string>

namespace kiosk::test {

// `actions` script commands for a screen of `width` x `height`, from `seed`.
std::string monkey_script(int actions, uint32_t seed, int width, int height);

// A Chinese visitor on the search screen's 拼音 keyboard: `keystrokes` random taps on letters
// (most), digits, space, backspace and clear, anywhere on the candidate bar (candidates and
// ◀ ▶, whose labels change) between `bar_left`..`bar_right` and `bar_top`..`bar_bottom`, a
// round of the layout switch now and then, and short waits. Starts by opening the search.
std::string pinyin_monkey_script(int keystrokes, uint32_t seed, float bar_left, float bar_right, float bar_top,
                                 float bar_bottom);

}  // namespace kiosk::test
