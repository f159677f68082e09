// Must compile: what the UI layer may include (tests/layering/CMakeLists.txt).
#include "core/search_results.h"
#include "ui/ui_context.h"

#include <imgui.h>

int layering_ui_control() {
    return IMGUI_VERSION_NUM > 0 && kiosk::core::kMatchBegin != kiosk::core::kMatchEnd ? 1 : 0;
}
