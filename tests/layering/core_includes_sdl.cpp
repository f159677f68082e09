// Must not compile: the core layer never sees SDL (tests/layering/CMakeLists.txt).
#include <SDL.h>
