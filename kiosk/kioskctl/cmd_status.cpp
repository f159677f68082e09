// kioskctl status --data-dir DIR [--factory DB] [--json]
// The active content version and path, and the version a rollback would bring back.
#include "core/json_writer.h"
#include "kioskctl/command_line.h"
#include "kioskctl/package_options.h"

#include <cstdio>

namespace kiosk::ctl {

namespace {

void print_json(const ContentStatus& status) {
    JsonWriter json;
    json.begin_object();
    if (status.path.empty()) {
        json.key("version").null();
        json.key("path").null();
    } else {
        json.key("version").value(status.version);
        json.key("path").value(status.path);
    }
    if (status.has_previous) json.key("previous_version").value(status.previous_version);
    else json.key("previous_version").null();
    json.key("factory").value(status.is_factory);
    json.end_object();
    std::printf("%s\n", json.str().c_str());
}

void print_text(const ContentStatus& status) {
    std::printf("active content: version %lld%s%s\npath: %s\n", static_cast<long long>(status.version),
                status.is_factory ? " (factory content)" : "",
                status.on_trial ? " (new: on trial until the kiosk has run 60 s on it)" : "", status.path.c_str());
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
    keep_owner(config.data_dir, "status");
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
