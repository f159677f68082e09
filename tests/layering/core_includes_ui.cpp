// Must not compile: the core layer never sees the UI layer above it (tests/layering/CMakeLists.txt).
#include "ui/theme.h"
