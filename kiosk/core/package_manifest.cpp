#include "core/package_manifest.h"

#include "core/content_store.h"
#include "core/file_io.h"
#include "core/sqlite_db.h"
#include "core/strict_number.h"

#include <sys/stat.h>

#include <cstdint>

namespace kiosk::core {

namespace {

constexpr const char* kProductField = "product";
constexpr const char* kVersionField = "content_version";
constexpr const char* kBuiltAtField = "built_at";
constexpr const char* kSizeField = "size";

bool fail(std::string* error, const std::string& what) {
    *error = what;
    return false;
}

}  // namespace

bool parse_content_version(const std::string& text, int64_t* out, std::string* error) {
    if (!parse_integer(text, int64_t{1}, kMaxContentVersion, out))
        return fail(error, "content_version '" + text.substr(0, 40) + "' is not a whole number from 1 to " +
                               std::to_string(kMaxContentVersion));
    return true;
}

bool parse_package_manifest(const minisign::TrustedComment& comment, PackageManifest* out, bool* present, std::string* error) {
    PackageManifest manifest;
    int seen[4] = {0, 0, 0, 0};
    const char* names[4] = {kProductField, kVersionField, kBuiltAtField, kSizeField};
    for (const auto& [name, value] : comment.fields) {
        for (int i = 0; i < 4; ++i) {
            if (name != names[i]) continue;
            if (++seen[i] > 1) return fail(error, std::string("the manifest names ") + names[i] + " twice");
            if (i == 0) manifest.product_id = value;
            if (i == 1 && !parse_content_version(value, &manifest.content_version, error)) return false;
            if (i == 2) manifest.built_at = value;
            if (i == 3) {
                int64_t size = 0;
                if (!parse_integer(value, int64_t{0}, INT64_MAX, &size))
                    return fail(error, "the manifest size '" + value + "' is malformed");
                manifest.size_bytes = static_cast<uint64_t>(size);
            }
        }
    }
    *present = seen[0] + seen[1] + seen[2] + seen[3] > 0;
    for (int i = 0; i < 4; ++i)
        if (!seen[i]) return fail(error, std::string("the signature's manifest has no ") + names[i] + " field");
    *out = std::move(manifest);
    return true;
}

std::string format_package_comment(const PackageManifest& manifest, int64_t timestamp, const std::string& file_name,
                                   const std::string& note) {
    std::string comment = note.empty() ? minisign::default_trusted_comment(timestamp, file_name) : note;
    const std::string hashed = "\thashed";
    const bool ends_hashed =
        comment.size() >= hashed.size() && comment.compare(comment.size() - hashed.size(), hashed.size(), hashed) == 0;
    if (ends_hashed) comment.resize(comment.size() - hashed.size());
    comment += std::string("\t") + kProductField + ":" + manifest.product_id + "\t" + kVersionField + ":" +
               std::to_string(manifest.content_version) + "\t" + kBuiltAtField + ":" + manifest.built_at + "\t" +
               kSizeField + ":" + std::to_string(manifest.size_bytes);
    return ends_hashed ? comment + hashed : comment;
}

bool read_package_manifest(const std::string& db_path, PackageManifest* out, std::string* error) {
    struct stat st {};
    if (::stat(db_path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return fail(error, db_path + ": not a regular file");
    SqliteDb db;
    ContentInfo info;
    std::string reason;
    if (!db.open_untrusted(db_path, kContentLoadSeconds, &reason)) return fail(error, reason);
    if (!read_content_info(db, &info, &reason)) return fail(error, db_path + ": " + reason);
    out->product_id = info.product_id;
    out->content_version = info.content_version;
    out->built_at = info.built_at;
    out->size_bytes = static_cast<uint64_t>(st.st_size);
    return true;
}

}  // namespace kiosk::core
