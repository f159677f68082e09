#include "kioskctl/package_options.h"

#include "core/file_io.h"
#include "core/minisign.h"
#include "core/package_manifest.h"

#include <cstdio>
#include <ctime>

#ifndef KIOSK_FACTORY_CONTENT_DB
#define KIOSK_FACTORY_CONTENT_DB "/usr/share/sco-kiosk/content.db"
#endif
#ifndef KIOSK_SYSTEM_KEYS_DIR
#define KIOSK_SYSTEM_KEYS_DIR "/usr/share/sco-kiosk/trusted-keys"
#endif

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

bool installer_config_from(const CommandLine& cl, InstallerConfig* config, std::string* error) {
    if (!cl.has("data-dir") || cl.value("data-dir").empty()) {
        *error = "--data-dir DIR is required";
        return false;
    }
    config->data_dir = cl.value("data-dir");
    config->factory_db = cl.value("factory", KIOSK_FACTORY_CONTENT_DB);
    config->system_key_dirs = {cl.value("trusted-keys-dir", KIOSK_SYSTEM_KEYS_DIR)};
    return true;
}

void recover_data_dir(ContentInstaller& installer, const char* command) {
    for (const std::string& action : installer.recover())
        std::fprintf(stderr, "kioskctl %s: %s\n", command, action.c_str());
}

void keep_owner(const std::string& data_dir, const char* command) {
    for (const std::string& change : keep_data_dir_owner(data_dir))
        std::fprintf(stderr, "kioskctl %s: %s\n", command, change.c_str());
}

bool load_secret_key(const std::string& path, minisign::SecretKey* key, std::string* error) {
    std::string text;
    if (!fs::read_file(path, &text, error)) return false;
    if (minisign::parse_secret_key(text, key, error)) return true;
    *error = path + ": " + *error;
    return false;
}

bool sign_package(const std::string& package, const minisign::SecretKey& key, const std::string& signature_path,
                  const std::string& trusted_comment, std::string* error) {
    // The manifest the kiosk lists the package by, read from the database being signed.
    PackageManifest manifest;
    if (!read_package_manifest(package, &manifest, error)) return false;
    if (trusted_comment.find_first_of("\r\n\t") != std::string::npos) {
        *error = "the trusted comment must be one line without tabs";
        return false;
    }
    minisign::FileHash hash;
    if (!minisign::hash_file(package, &hash, error)) return false;
    std::string comment = format_package_comment(manifest, std::time(nullptr), fs::basename(package), trusted_comment);
    if (comment.size() > minisign::kMaxTrustedCommentBytes) {
        *error = "the trusted comment must be at most " + std::to_string(minisign::kMaxTrustedCommentBytes - 200) + " bytes";
        return false;
    }
    minisign::Signature signature = minisign::sign_hash(key, hash, comment);
    return fs::write_file_atomically(signature_path, minisign::format_signature(signature), error);
}

}  // namespace kiosk::ctl
