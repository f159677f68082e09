// The manifest of a content package: what the organizer panel shows about a package on a
// stick (product, content version, build time, size), carried in the signature's trusted
// comment so that listing a stick never opens an unverified database with SQLite.
//
// `kioskctl pack` and `kioskctl sign` write it as tab-separated fields after minisign's own:
//   timestamp:1700000000	file:content-7.kpkg	product:org.sco.digital-kiosk	content_version:7
//   built_at:2025-05-01T10:00:00Z	size:1234567	hashed
// (one line). The global signature covers the trusted comment, so the fields are checked
// with a single Ed25519 verification, before the package is hashed. The full check of the
// staged copy then requires the database to agree with them.
#pragma once

#include "core/minisign.h"

#include <cstdint>
#include <string>

namespace kiosk::core {

struct PackageManifest {
    std::string product_id;
    int64_t content_version = 0;
    std::string built_at;  // "2025-05-01T10:00:00Z"
    uint64_t size_bytes = 0;
};

// Content versions are whole numbers in 1..kMaxContentVersion, written in plain decimal digits.
constexpr int64_t kMaxContentVersion = 999999999;

// Parses a content version: decimal digits only, no sign or spaces, 1..kMaxContentVersion.
bool parse_content_version(const std::string& text, int64_t* out, std::string* error);

// The manifest fields of `comment`. False with `error` when any is missing, repeated or
// malformed; `*present` tells a comment without any manifest field (an older signer) apart.
bool parse_package_manifest(const minisign::TrustedComment& comment, PackageManifest* out, bool* present, std::string* error);

// The trusted comment `kioskctl sign` writes: minisign's default fields (or `note` when
// given) followed by the manifest fields.
std::string format_package_comment(const PackageManifest& manifest, int64_t timestamp, const std::string& file_name,
                                   const std::string& note);

// Reads the manifest of a content database the organizer is about to sign (product, version
// and build time from its `meta` table, the file's size).
bool read_package_manifest(const std::string& db_path, PackageManifest* out, std::string* error);

}  // namespace kiosk::core
