#include "search_fixture.h"

#include "core/content_builder.h"
#include "test_support.h"

#include <doctest/doctest.h>

namespace kiosk::test {

using namespace kiosk::core;  // the tests use the core layer

const std::string& search_fixture_db() {
    static TempDir dir;
    static std::string path;
    if (path.empty()) {
        BuildOptions options;
        options.source_dir = std::string(KIOSK_TEST_DATA_DIR) + "/search";
        options.out_path = dir.file("search.db");
        options.built_at = "2025-01-01T00:00:00Z";
        Diagnostics diagnostics;
        bool built = build_content(options, &diagnostics);
        for (const Diagnostic& d : diagnostics) MESSAGE(d.str());
        REQUIRE(built);
        path = options.out_path;
    }
    return path;
}

}  // namespace kiosk::test
