// The kiosk's fonts, opened once for the text-engine tests (glyph cache, shaping).
#pragma once

#include "core/text/font_collection.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>

namespace kiosk::test {

using namespace kiosk::core;  // the tests use the core layer

inline const text::FontCollection& test_fonts() {
    static std::unique_ptr<text::FontCollection> collection = [] {
        std::string error;
        auto opened = text::FontCollection::open(std::string(KIOSK_SOURCE_DIR) + "/assets", &error);
        REQUIRE_MESSAGE(opened, error);
        return opened;
    }();
    return *collection;
}

}  // namespace kiosk::test
