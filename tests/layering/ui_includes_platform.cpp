// Must not compile: the UI layer never sees the platform layer above it (tests/layering/CMakeLists.txt).
#include "platform/sdl_display.h"
