#include "monkey_script.h"

#include "kiosk_runner.h"

#include <random>

namespace kiosk::test {

using namespace kiosk::core;  // the tests use the core layer

std::string monkey_script(int actions, uint32_t seed, int width, int height) {
    std::mt19937 rng(seed);
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    static const char* const kKeys[] = {"escape",          "alt+f4",  "ctrl+q", "ctrl+w",
                                        "ctrl+alt+delete", "alt+tab", "f11",    "q"};
    std::string script;
    script.reserve(static_cast<size_t>(actions) * 24);
    static const std::string back = ContentFixture().tap("action.back");
    auto corner_taps = [&] {
        for (int i = 0; i < 5; ++i) script += "tap " + std::to_string(width - 4) + " 4\n";
        script += "wait 50\ntap-id top.language.ru\n";
    };
    for (int i = 0; i < actions; ++i) {
        const int roll = uniform(0, 999);
        if (roll < 520) {
            script += "tap " + std::to_string(uniform(0, width - 1)) + " " + std::to_string(uniform(0, height - 1)) + "\n";
        } else if (roll < 720) {
            script += "drag " + std::to_string(uniform(0, width - 1)) + " " + std::to_string(uniform(0, height - 1)) +
                      " " + std::to_string(uniform(-50, width + 50)) + " " + std::to_string(uniform(-50, height + 50)) +
                      " " + std::to_string(uniform(30, 400)) + "\n";
        } else if (roll < 900) {
            script += "wait " + std::to_string(uniform(0, 600)) + "\n";
        } else if (roll < 960) {
            script += std::string("key ") + kKeys[uniform(0, 7)] + "\n";
        } else if (roll < 975) {
            corner_taps();  // the PIN pad, with a wrong PIN
            for (int d = uniform(1, 8); d > 0; --d) script += "tap-label " + std::to_string(uniform(0, 9)) + "\n";
            script += "tap-id pin.ok\n";
        } else if (roll < 995) {
            script += "wait " + std::to_string(uniform(4000, 30000)) + "\n";  // idle: countdown, reset, attract
        } else {
            corner_taps();  // an organizer looks at the panel and leaves
            for (const char* digit = kOrganizerTestPin; *digit; ++digit)
                script += std::string("tap-label ") + *digit + "\n";
            // Back by its label: the panel's, or the pad's while a back-off still holds the PIN.
            script += "tap-id pin.ok\nwait 1200\n" + back;
        }
    }
    return script;
}

std::string pinyin_monkey_script(int keystrokes, uint32_t seed, float bar_left, float bar_right, float bar_top,
                                 float bar_bottom) {
    std::mt19937 rng(seed);
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    std::string script = "tap-id top.search\nwait 50\n";
    script.reserve(static_cast<size_t>(keystrokes) * 16);
    for (int i = 0; i < keystrokes; ++i) {
        const int roll = uniform(0, 999);
        if (roll < 700) {
            script += std::string("tap-label ") + static_cast<char>('A' + uniform(0, 25)) + "\n";
        } else if (roll < 760) {
            script += "tap-label " + std::to_string(uniform(0, 9)) + "\n";
        } else if (roll < 810) {
            script += "tap-id search.key.space\n";
        } else if (roll < 870) {
            script += "tap-id search.key.backspace\n";
        } else if (roll < 880) {
            script += "tap-id search.key.clear\n";
        } else if (roll < 970) {
            script += "tap " + std::to_string(uniform(static_cast<int>(bar_left), static_cast<int>(bar_right))) + " " +
                      std::to_string(uniform(static_cast<int>(bar_top), static_cast<int>(bar_bottom))) + "\n";
        } else if (roll < 975) {
            script += "tap-id search.key.layout\ntap-id search.key.layout\ntap-id search.key.layout\n";  // once round, back to pinyin
        } else {
            script += "wait " + std::to_string(uniform(0, 400)) + "\n";
        }
    }
    return script;
}

}  // namespace kiosk::test
