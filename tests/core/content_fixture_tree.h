// A copy of the content fixture (tests/data/content/db: two documents and their translations)
// in a temporary directory, for tests that break one thing in it and build it.
#pragma once

#include "core/content_builder.h"
#include "core/content_store.h"
#include "core/file_io.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <unistd.h>

namespace kiosk::test {

struct ContentFixtureTree {
    TempDir dir;
    std::string db() const { return dir.path() + "/db"; }
    std::string out() const { return dir.path() + "/content.db"; }

    ContentFixtureTree() {
        const std::string fixture = std::string(KIOSK_TEST_DATA_DIR) + "/content/db";
        for (const char* folder : {"/documents/", "/translations/"}) {
            REQUIRE(core::fs::make_dirs(db() + folder));
            for (const std::string& name : core::fs::list_files(fixture + folder, ".txt"))
                write_text(db() + folder + name, read_text(fixture + folder + name));
        }
    }

    // Builds db() into out(); a failed build reports why and writes nothing.
    core::Diagnostics build() const {
        ::unlink(out().c_str());
        core::BuildOptions options;
        options.source_dir = db();
        options.out_path = out();
        core::Diagnostics diagnostics;
        const bool ok = core::build_content(options, &diagnostics);
        CHECK(ok == diagnostics.empty());
        if (!ok) CHECK_FALSE(core::fs::exists(out()));
        return diagnostics;
    }

    // Builds and opens the content; fails the test if either fails.
    std::unique_ptr<core::ContentStore> build_and_open() const {
        REQUIRE(build().empty());
        std::string error;
        auto store = core::ContentStore::open(out(), &error);
        REQUIRE_MESSAGE(store, error);
        return store;
    }
};

}  // namespace kiosk::test
