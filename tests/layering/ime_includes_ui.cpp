// Must not compile: the input method (core layer) never sees the UI layer (tests/layering/CMakeLists.txt).
#include "ui/search_state.h"
