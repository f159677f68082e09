// kioskctl install PKG --data-dir DIR [--factory DB] [--trusted-keys-dir DIR] [--signature SIG]
// kioskctl rollback --data-dir DIR [--factory DB]
// Both run ContentInstaller, the code the kiosk runs, after recovering the data dir.
#include "kioskctl/command_line.h"
#include "kioskctl/package_options.h"

#include <cstdio>

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

int cmd_install(const std::vector<std::string>& args) {
    CommandLine cl(args, {"data-dir", "factory", "trusted-keys-dir", "signature"}, {});
    if (!cl.ok()) return usage_error("install", cl.error());
    InstallerConfig config;
    std::string error;
    if (cl.positional().size() != 1) return usage_error("install", "expected PKG");
    if (!installer_config_from(cl, &config, &error)) return usage_error("install", error);
    const std::string package = cl.positional()[0];
    ContentInstaller installer(config);
    recover_data_dir(installer, "install");
    for (const std::string& problem : installer.trusted_keys().problems)
        std::fprintf(stderr, "kioskctl install: ignoring trusted key %s\n", problem.c_str());

    InstallOutcome outcome = installer.install(package, cl.value("signature", package + ".minisig"));
    keep_owner(config.data_dir, "install");
    if (!outcome.ok()) {
        std::fprintf(stderr, "kioskctl install: refused: %s\n", outcome.reason.c_str());
        return 1;
    }
    std::printf("installed content version %lld from %s (signed with key %s): %s\n",
                static_cast<long long>(outcome.check.info.content_version), package.c_str(),
                outcome.check.key_id.c_str(), installer.active_content_path().c_str());
    return 0;
}

int cmd_rollback(const std::vector<std::string>& args) {
    CommandLine cl(args, {"data-dir", "factory", "trusted-keys-dir"}, {});
    if (!cl.ok()) return usage_error("rollback", cl.error());
    InstallerConfig config;
    std::string error, message;
    if (!cl.positional().empty()) return usage_error("rollback", "takes no positional arguments");
    if (!installer_config_from(cl, &config, &error)) return usage_error("rollback", error);
    ContentInstaller installer(config);
    recover_data_dir(installer, "rollback");
    const bool rolled_back = installer.rollback(&message);
    keep_owner(config.data_dir, "rollback");
    if (!rolled_back) {
        std::fprintf(stderr, "kioskctl rollback: %s\n", message.c_str());
        return 1;
    }
    std::printf("%s\n", message.c_str());
    return 0;
}

}  // namespace kiosk::ctl
