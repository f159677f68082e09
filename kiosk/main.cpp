// The kiosk executable: parses options and hands over to the platform layer.
#include "core/log.h"
#include "platform/kiosk_app.h"
#include "platform/kiosk_options.h"

#include <chrono>
#include <cstdio>

namespace {
// Taken during static initialisation, as close to process start as portable code gets.
const auto g_process_start = std::chrono::steady_clock::now();
}  // namespace

int main(int argc, char** argv) {
    kiosk::platform::KioskOptions options;
    std::string error;
    if (!kiosk::platform::parse_kiosk_options(argc, argv, &options, &error)) {
        kiosk::core::log_error("%s", error.c_str());
        return 2;
    }
    if (options.show_help) {
        std::fputs(kiosk::platform::kiosk_usage(), stdout);
        return 0;
    }
    return kiosk::platform::run_kiosk(options, g_process_start);
}
