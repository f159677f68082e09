// Must compile: what the text engine (core layer) may include (tests/layering/CMakeLists.txt).
#include "core/text/text_shaper.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <fribidi.h>
#include <hb.h>

int layering_text_control() { return HB_VERSION_MAJOR > 0 && FREETYPE_MAJOR > 0 ? 1 : 0; }
