// kioskctl keygen --secret-key FILE --public-key FILE [--force]
// Writes an unencrypted minisign key pair (the same format as `minisign -G -W`).
#include "core/file_io.h"
#include "core/minisign.h"
#include "kioskctl/command_line.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

// Creates `path` readable by its owner only; refuses to replace a key unless `force`.
bool write_private_file(const std::string& path, const std::string& text, bool force, std::string* error) {
    if (force) ::unlink(path.c_str());
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = path + ": " + std::strerror(errno) + (errno == EEXIST ? " (use --force to replace it)" : "");
        return false;
    }
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    if (!ok) *error = path + ": " + std::strerror(errno);
    ::close(fd);
    return ok;
}

}  // namespace

int cmd_keygen(const std::vector<std::string>& args) {
    CommandLine cl(args, {"secret-key", "public-key"}, {"force"});
    if (!cl.ok()) return usage_error("keygen", cl.error());
    if (!cl.positional().empty() || cl.value("secret-key").empty() || cl.value("public-key").empty())
        return usage_error("keygen", "expected --secret-key FILE and --public-key FILE");
    const std::string secret_path = cl.value("secret-key"), public_path = cl.value("public-key");
    bool force = cl.has("force");
    if (!force && fs::exists(public_path)) {
        std::fprintf(stderr, "kioskctl keygen: %s already exists (use --force to replace it)\n", public_path.c_str());
        return 1;
    }
    minisign::SecretKey secret;
    minisign::PublicKey public_key;
    if (!minisign::generate_key_pair(&secret, &public_key)) {
        std::fprintf(stderr, "kioskctl keygen: libsodium could not be initialised\n");
        return 1;
    }
    std::string error;
    if (!write_private_file(secret_path, minisign::format_secret_key(secret), force, &error) ||
        !fs::write_file_atomically(public_path, minisign::format_public_key(public_key), &error)) {
        std::fprintf(stderr, "kioskctl keygen: %s\n", error.c_str());
        return 1;
    }
    std::printf("key id %s\nsecret key: %s (keep it off the kiosk and out of reach)\npublic key: %s "
                "(copy it to DATA_DIR/trusted-keys/ on each kiosk)\n",
                minisign::key_id_hex(secret.key_id).c_str(), secret_path.c_str(), public_path.c_str());
    return 0;
}

}  // namespace kiosk::ctl
