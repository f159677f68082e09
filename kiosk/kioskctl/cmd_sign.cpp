// kioskctl sign PKG --secret-key FILE [--trusted-comment TEXT]: writes PKG.minisig.
#include "kioskctl/command_line.h"
#include "kioskctl/package_options.h"

#include <cstdio>

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

int cmd_sign(const std::vector<std::string>& args) {
    CommandLine cl(args, {"secret-key", "trusted-comment"}, {});
    if (!cl.ok()) return usage_error("sign", cl.error());
    if (cl.positional().size() != 1 || cl.value("secret-key").empty())
        return usage_error("sign", "expected PKG and --secret-key FILE");
    const std::string package = cl.positional()[0], signature = package + ".minisig";
    minisign::SecretKey key;
    std::string error;
    if (!load_secret_key(cl.value("secret-key"), &key, &error) ||
        !sign_package(package, key, signature, cl.value("trusted-comment"), &error)) {
        std::fprintf(stderr, "kioskctl sign: %s\n", error.c_str());
        return 1;
    }
    std::printf("signed %s with key %s: %s\n", package.c_str(), minisign::key_id_hex(key.key_id).c_str(), signature.c_str());
    return 0;
}

}  // namespace kiosk::ctl
