// Must not compile: ImGui's SDL_Renderer backend belongs to the platform layer (tests/layering/CMakeLists.txt).
#include <imgui_impl_sdlrenderer.h>
