#include "package_fixture.h"

#include "core/content_builder.h"
#include "core/content_schema.h"
#include "core/file_io.h"
#include "core/package_manifest.h"
#include "core/sqlite_db.h"

#include <doctest/doctest.h>

#include <fstream>

namespace kiosk::test {

using namespace kiosk::core;  // the tests use the core layer

std::string package_source_dir() { return std::string(KIOSK_TEST_DATA_DIR) + "/packages/source"; }

namespace {
void build(int64_t version, const std::string& path) {
    BuildOptions options;
    options.source_dir = package_source_dir();
    options.out_path = path;
    options.content_version = version;
    options.built_at = "2024-0" + std::to_string(1 + version % 9) + "-01T10:00:00Z";
    Diagnostics diagnostics;
    bool built = build_content(options, &diagnostics);
    for (const Diagnostic& d : diagnostics) MESSAGE(d.str());
    REQUIRE(built);
}
}  // namespace

PackageFixture::PackageFixture() {
    data_dir = dir.file("data");
    factory_db = dir.file("factory.db");
    build(1, factory_db);
    REQUIRE(minisign::generate_key_pair(&key, &public_key));
    REQUIRE(fs::make_dirs(data_dir + "/trusted-keys"));
    write_text(data_dir + "/trusted-keys/organizer.pub", minisign::format_public_key(public_key));
}

std::string PackageFixture::make_package(int64_t version, const std::string& name) {
    std::string path = dir.file(name);
    build(version, path);
    sign(path);
    return path;
}

void PackageFixture::sign(const std::string& path, const minisign::SecretKey& signing_key) const {
    minisign::FileHash hash;
    std::string error;
    REQUIRE_MESSAGE(minisign::hash_file(path, &hash, &error), error);
    // What kioskctl sign writes; for a file that is no content database (bad-input tests), the
    // manifest of a plausible newer package, so that the full check gets to see it.
    PackageManifest manifest;
    if (!read_package_manifest(path, &manifest, &error)) {
        manifest.product_id = kProductId;
        manifest.content_version = 99;
        manifest.built_at = "2024-05-01T10:00:00Z";
        manifest.size_bytes = read_text(path).size();
    }
    auto signature =
        minisign::sign_hash(signing_key, hash, format_package_comment(manifest, 1700000000, fs::basename(path), ""));
    write_text(path + ".minisig", minisign::format_signature(signature));
}

InstallerConfig PackageFixture::config() const {
    InstallerConfig config;
    config.data_dir = data_dir;
    config.factory_db = factory_db;
    config.system_key_dirs = {dir.file("no-system-keys")};
    return config;
}

void PackageFixture::install_version(int64_t version) {
    std::string package = make_package(version, "v" + std::to_string(version) + ".kpkg");
    ContentInstaller installer(config());
    InstallOutcome outcome = installer.install(package, package + ".minisig");
    REQUIRE_MESSAGE(outcome.ok(), outcome.reason);
}

std::string PackageFixture::active_bytes() const {
    ContentInstaller installer(config());
    return read_text(installer.active_content_path());
}

void flip_bit(const std::string& path, long offset, int bit) {
    std::string bytes = read_text(path);
    REQUIRE(!bytes.empty());
    size_t at = offset >= 0 ? static_cast<size_t>(offset) : bytes.size() - static_cast<size_t>(-offset);
    REQUIRE(at < bytes.size());
    bytes[at] = static_cast<char>(bytes[at] ^ (1 << bit));
    write_text(path, bytes);
}

void run_sql(const std::string& db_path, const std::string& sql) {
    SqliteDb db;
    std::string error;
    REQUIRE_MESSAGE(db.open(db_path, SqliteDb::Mode::Create, &error), error);
    REQUIRE_MESSAGE(db.exec(sql.c_str(), &error), error);
}

}  // namespace kiosk::test
