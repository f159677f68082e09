// Must compile: what kioskctl may include (tests/layering/CMakeLists.txt).
#include "core/content_store.h"
#include "kioskctl/command_line.h"

#include <sqlite3.h>

int layering_kioskctl_control() { return sqlite3_libversion_number() > 0 ? 1 : 0; }
