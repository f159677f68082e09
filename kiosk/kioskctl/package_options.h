// Options shared by kioskctl's package commands: where the data dir, the factory content and
// the kiosk's own trusted keys are, and signing a package with a secret key file.
#pragma once

#include "core/content_installer.h"
#include "core/minisign.h"
#include "kioskctl/command_line.h"

#include <string>

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

// Fills `config` from --data-dir (required), --factory and --trusted-keys-dir, with the
// installed defaults for the last two. False with `error` if --data-dir is missing.
bool installer_config_from(const CommandLine& cl, InstallerConfig* config, std::string* error);

// Runs recovery on the data dir and prints what it did to stderr, prefixed with `command`.
void recover_data_dir(ContentInstaller& installer, const char* command);

// Run as root on a data dir that belongs to the kiosk's user: gives the files the command
// created back to that user (printing each change), so the kiosk can still write them.
void keep_owner(const std::string& data_dir, const char* command);

// Reads an unencrypted minisign secret key file; false with `error` naming the file.
bool load_secret_key(const std::string& path, minisign::SecretKey* key, std::string* error);

// Signs `package` with `key`, writing `signature_path` atomically. The trusted comment is
// minisign's default (timestamp, file name, "hashed"), or `trusted_comment` when given,
// followed by the package manifest read from the database (package_manifest.h).
bool sign_package(const std::string& package, const minisign::SecretKey& key, const std::string& signature_path,
                  const std::string& trusted_comment, std::string* error);

}  // namespace kiosk::ctl
