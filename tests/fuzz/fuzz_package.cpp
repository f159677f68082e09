// libFuzzer target for whole content packages: the input is the database file, signed inside
// the fuzzer with a fixed test key (so every input gets past the signature), then checked by
// PackageVerifier as the kiosk checks a staged copy. Built with -DKIOSK_FUZZ=ON and clang
// (deploy/fuzz.sh). The verifier must accept or refuse with a one-line reason, never crash
// or hang (its SQLite connections have a deadline), and anything it accepts must load.
#include "core/content_store.h"
#include "core/package_manifest.h"
#include "core/package_verifier.h"

#include <sodium.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

using namespace kiosk;
using namespace kiosk::core;

namespace {

// A broken promise of the verifier: say which one, then crash so libFuzzer keeps the input.
void must(bool condition, int line) {
    if (condition) return;
    std::fprintf(stderr, "fuzz_package: check on line %d of %s failed\n", line, __FILE__);
    std::abort();
}
#define MUST(condition) must((condition), __LINE__)

// A fixed key pair from a fixed seed: reproducible runs, and no key is committed.
struct TestKey {
    TestKey() {
        MUST(sodium_init() >= 0);
        unsigned char seed[crypto_sign_SEEDBYTES];
        for (size_t i = 0; i < sizeof seed; ++i) seed[i] = static_cast<unsigned char>(i * 7 + 1);
        crypto_sign_seed_keypair(public_key.key.data(), secret.key.data(), seed);
        for (size_t i = 0; i < secret.key_id.size(); ++i) secret.key_id[i] = static_cast<uint8_t>(0xA0 + i);
        public_key.key_id = secret.key_id;
    }
    minisign::SecretKey secret;
    minisign::PublicKey public_key;
};

void write(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    MUST(static_cast<bool>(out));
}

std::string temp_path(const char* suffix) { return "/tmp/fuzz_package_" + std::to_string(::getpid()) + suffix; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const TestKey key;
    static const std::string package = temp_path(".kpkg"), signature = package + ".minisig";
    write(package, std::string(reinterpret_cast<const char*>(data), size));

    // The manifest the signer would write; for input that is no content database, a plausible one.
    PackageManifest manifest;
    std::string error;
    if (!read_package_manifest(package, &manifest, &error)) {
        manifest.product_id = "org.sco.digital-kiosk";
        manifest.content_version = 2;
        manifest.built_at = "2025-01-01T00:00:00Z";
        manifest.size_bytes = size;
    }
    minisign::FileHash hash;
    MUST(minisign::hash_file(package, &hash, &error));
    const std::string comment = format_package_comment(manifest, 1700000000, "fuzz.kpkg", "");
    write(signature, minisign::format_signature(minisign::sign_hash(key.secret, hash, comment)));

    PackageVerifier verifier({key.public_key}, 1);
    PackageCheck check = verifier.verify(package, signature, PackageVerifier::Depth::Full);
    if (!check.ok()) {
        MUST(!check.reason.empty() && check.reason.find('\n') == std::string::npos);
        return 0;
    }
    auto store = ContentStore::open(package, &error);
    MUST(store != nullptr);
    MUST(store->info().content_version == check.info.content_version);
    return 0;
}
