// Must not compile: the text engine (core layer) never sees Dear ImGui (tests/layering/CMakeLists.txt).
#include <imgui.h>
