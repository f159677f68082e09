// Must compile: what the core layer may include, spelled as its own files spell it
// (tests/layering/CMakeLists.txt). It shows that the include roots the failing units are
// built with are the real ones, so those cannot fail for a broken harness.
#include "core/content_sources.h"
#include "core/sqlite_db.h"

#include <libstemmer.h>
#include <linebreak.h>
#include <qrencode.h>
#include <sodium.h>
#include <sqlite3.h>
#include <unicode/uchar.h>
#include <zlib.h>

int layering_core_control() {
    return kiosk::core::ContentSources{}.documents.empty() ? sqlite3_libversion_number() : 0;
}
