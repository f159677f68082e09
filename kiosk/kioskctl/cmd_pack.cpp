// kioskctl pack SOURCE_DIR --content-version N --secret-key FILE --out PKG
// Builds the content database as `kioskctl build` does, then signs it (PKG.minisig).
#include "core/content_builder.h"
#include "kioskctl/command_line.h"
#include "kioskctl/package_options.h"

#include <unistd.h>

#include <cstdio>

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

int cmd_pack(const std::vector<std::string>& args) {
    CommandLine cl(args, {"content-version", "secret-key", "out", "built-at", "trusted-comment"}, {});
    if (!cl.ok()) return usage_error("pack", cl.error());
    if (cl.positional().size() != 1 || !cl.has("content-version") || cl.value("secret-key").empty() ||
        cl.value("out").empty())
        return usage_error("pack", "expected SOURCE_DIR, --content-version N, --secret-key FILE and --out PKG");
    BuildOptions options;
    options.source_dir = cl.positional()[0];
    options.out_path = cl.value("out");
    options.built_at = cl.value("built-at");
    std::string error;
    if (!cl.integer("content-version", 1, &options.content_version, &error)) return usage_error("pack", error);

    minisign::SecretKey key;  // read first, so a wrong key file leaves no unsigned package behind
    if (!load_secret_key(cl.value("secret-key"), &key, &error)) {
        std::fprintf(stderr, "kioskctl pack: %s\n", error.c_str());
        return 1;
    }

    Diagnostics diagnostics;
    if (!build_content(options, &diagnostics)) {
        for (const Diagnostic& d : diagnostics) std::fprintf(stderr, "%s\n", d.str().c_str());
        std::fprintf(stderr, "kioskctl pack: %zu problem(s); nothing was written to %s\n", diagnostics.size(),
                     options.out_path.c_str());
        return 1;
    }
    const std::string signature = options.out_path + ".minisig";
    if (!sign_package(options.out_path, key, signature, cl.value("trusted-comment"), &error)) {
        ::unlink(options.out_path.c_str());  // an unsigned package would only be refused later
        std::fprintf(stderr, "kioskctl pack: %s; nothing was written to %s\n", error.c_str(), options.out_path.c_str());
        return 1;
    }
    std::printf("packed %s (content version %lld), signed with key %s: %s\n", options.out_path.c_str(),
                static_cast<long long>(options.content_version), minisign::key_id_hex(key.key_id).c_str(),
                signature.c_str());
    return 0;
}

}  // namespace kiosk::ctl
