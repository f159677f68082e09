// Must compile: what the input method (core layer) may include (tests/layering/CMakeLists.txt).
#include "core/ime/pinyin_input.h"

#include <rime_api.h>

int layering_ime_control() { return sizeof(RimeTraits) > 0 ? 1 : 0; }
