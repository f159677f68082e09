// The running kiosk: wires content, translations, fonts, the UI and the SDL display
// together and runs the main loop, interactively or from a script on a simulated clock.
#pragma once

#include "platform/kiosk_options.h"

#include <chrono>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

// Runs the kiosk with `options`; returns the process exit status
// (0 ok, 1 startup failure, 2 bad script or options).
int run_kiosk(const KioskOptions& options, std::chrono::steady_clock::time_point process_start);

}  // namespace kiosk::platform
