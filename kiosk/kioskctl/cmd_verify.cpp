// kioskctl verify PKG --public-key FILE [--signature SIG]
// Runs every package check the kiosk runs, trusting only FILE and with no installed version.
#include "core/file_io.h"
#include "core/package_verifier.h"
#include "kioskctl/command_line.h"

#include <cstdio>

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

int cmd_verify(const std::vector<std::string>& args) {
    CommandLine cl(args, {"public-key", "signature"}, {});
    if (!cl.ok()) return usage_error("verify", cl.error());
    if (cl.positional().size() != 1 || cl.value("public-key").empty())
        return usage_error("verify", "expected PKG and --public-key FILE");
    const std::string package = cl.positional()[0], key_path = cl.value("public-key");
    std::string text, error;
    minisign::PublicKey key;
    if (!fs::read_file(key_path, &text, &error) || !minisign::parse_public_key(text, &key, &error)) {
        std::fprintf(stderr, "kioskctl verify: %s: %s\n", key_path.c_str(), error.c_str());
        return 1;
    }
    PackageVerifier verifier({key}, 0);
    PackageCheck check = verifier.verify(package, cl.value("signature", package + ".minisig"));
    if (!check.ok()) {
        std::fprintf(stderr, "kioskctl verify: refused (%s): %s\n", package_problem_name(check.problem),
                     check.reason.c_str());
        return 1;
    }
    std::printf("%s: valid package, content version %lld, built %s, signed with key %s\ntrusted comment: %s\n",
                package.c_str(), static_cast<long long>(check.info.content_version), check.info.built_at.c_str(),
                check.key_id.c_str(), check.trusted_comment.c_str());
    return 0;
}

}  // namespace kiosk::ctl
