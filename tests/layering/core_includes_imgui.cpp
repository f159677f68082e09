// Must not compile: the core layer never sees Dear ImGui (tests/layering/CMakeLists.txt).
#include <imgui.h>
