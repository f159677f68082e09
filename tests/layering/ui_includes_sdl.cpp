// Must not compile: the UI layer never sees SDL (tests/layering/CMakeLists.txt).
#include <SDL.h>
