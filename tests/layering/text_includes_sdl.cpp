// Must not compile: the text engine (core layer) never sees SDL (tests/layering/CMakeLists.txt).
#include <SDL.h>
