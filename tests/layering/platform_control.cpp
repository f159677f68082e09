// Must compile: what the platform layer may include (tests/layering/CMakeLists.txt).
#include "core/content_store.h"
#include "platform/sdl_display.h"
#include "ui/kiosk_ui.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>
#include <systemd/sd-daemon.h>

int layering_platform_control() { return SDL_MAJOR_VERSION > 0 && IMGUI_VERSION_NUM > 0 ? 1 : 0; }
