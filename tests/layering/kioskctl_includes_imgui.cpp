// Must not compile: kioskctl sits on the core only (tests/layering/CMakeLists.txt).
#include <imgui.h>
