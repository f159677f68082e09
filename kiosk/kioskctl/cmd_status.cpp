// kioskctl status --data-dir DIR [--factory DB] [--json]
// The active content version and path, and the version a rollback would bring back.
#include "kioskctl/command_line.h"
#include "kioskctl/package_options.h"

#include <cstdio>

namespace kiosk::ctl {

namespace {

std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            out += escaped;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

void print_json(const ContentStatus& status) {
    std::printf("{\"version\":%s,\"path\":%s,\"previous_version\":%s,\"factory\":%s}\n",
                status.path.empty() ? "null" : std::to_string(status.version).c_str(),
                status.path.empty() ? "null" : json_string(status.path).c_str(),
                status.has_previous ? std::to_string(status.previous_version).c_str() : "null",
                status.is_factory ? "true" : "false");
}

void print_text(const ContentStatus& status) {
    std::printf("active content: version %lld%s\npath: %s\n", static_cast<long long>(status.version),
                status.is_factory ? " (factory content)" : "", status.path.c_str());
    if (status.has_previous)
        std::printf("previous: version %lld%s (kioskctl rollback brings it back)\n",
                    static_cast<long long>(status.previous_version), status.previous_is_factory ? " (factory content)" : "");
    else
        std::printf("previous: none kept\n");
}

}  // namespace

int cmd_status(const std::vector<std::string>& args) {
    CommandLine cl(args, {"data-dir", "factory", "trusted-keys-dir"}, {"json"});
    if (!cl.ok()) return usage_error("status", cl.error());
    InstallerConfig config;
    std::string error;
    if (!cl.positional().empty()) return usage_error("status", "takes no positional arguments");
    if (!installer_config_from(cl, &config, &error)) return usage_error("status", error);
    ContentInstaller installer(config);
    recover_data_dir(installer, "status");
    ContentStatus status = installer.status();
    if (cl.has("json")) print_json(status);
    else if (!status.path.empty()) print_text(status);
    if (status.path.empty()) {
        std::fprintf(stderr, "kioskctl status: %s\n", status.problem.c_str());
        return 1;
    }
    return 0;
}

}  // namespace kiosk::ctl
