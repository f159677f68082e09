// A kiosk data dir, a factory content database, a signing key and a way to make packages:
// shared by the package, installer, scanner and fault-injection tests.
#pragma once

#include "core/content_installer.h"
#include "core/minisign.h"
#include "test_support.h"

#include <cstdint>
#include <string>

namespace kiosk::test {

using namespace kiosk::core;  // the tests use the core layer

// Source documents under tests/data/packages/source.
std::string package_source_dir();

class PackageFixture {
public:
    // Builds the factory content (version 1), makes a trusted key and an empty data dir.
    PackageFixture();

    // Builds content version `version` into `path` and signs it with the trusted key (path.minisig).
    std::string make_package(int64_t version, const std::string& name);
    // Signs `path` with `key`, writing `path`.minisig.
    void sign(const std::string& path, const minisign::SecretKey& key) const;
    void sign(const std::string& path) const { sign(path, key); }

    InstallerConfig config() const;
    // Installs `version` through ContentInstaller; fails the test if refused.
    void install_version(int64_t version);
    // Bytes of the content the kiosk would show now (active.db or the factory content).
    std::string active_bytes() const;

    TempDir dir;
    minisign::SecretKey key;
    minisign::PublicKey public_key;
    std::string data_dir, factory_db;
};

// Flips bit `bit` of byte `offset` in `path` (negative offsets count from the end).
void flip_bit(const std::string& path, long offset, int bit = 0);

// Runs one SQL script against `db` (to forge a product id or schema version).
void run_sql(const std::string& db, const std::string& sql);

}  // namespace kiosk::test
