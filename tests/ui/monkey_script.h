// Generates a random but reproducible visitor: taps, drags, waits, key presses, the hidden
// corner gesture with wrong PINs, and now and then an organizer visit to the panel.
#pragma once

#include <cstdint>
#include <string>

namespace kiosk::test {

// `actions` script commands for a screen of `width` x `height`, from `seed`.
std::string monkey_script(int actions, uint32_t seed, int width, int height);

}  // namespace kiosk::test
