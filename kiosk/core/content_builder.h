// Compiles the content sources in db/ into a content database (`kioskctl build`).
#pragma once

#include "core/content_sources.h"
#include "core/diagnostic.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core {
class SqliteDb;
}

namespace kiosk::core {

// Creates the empty schema a build writes (content tables and search index) in `db`: the
// reference PackageVerifier compares packages against.
bool create_content_schema(SqliteDb& db, std::string* error);

struct BuildOptions {
    std::string source_dir;  // holds documents/ and, optionally, lessons/
    std::string out_path;    // the database to write; replaced atomically
    int64_t content_version = 1;
    std::string built_at;  // ISO 8601 UTC; empty means now
};

// Reads and validates every source under `source_dir`. Returns false with diagnostics on any problem.
bool load_content_sources(const std::string& source_dir, ContentSources* out, Diagnostics* diagnostics);

// Loads, validates and writes the database. On failure nothing is written at `out_path`
// and `diagnostics` says what is wrong and where.
bool build_content(const BuildOptions& options, Diagnostics* diagnostics);

// Every character used in the sources, sorted and unique, as UTF-8.
std::string collect_charset(const ContentSources& sources);

}  // namespace kiosk::core
