// kioskctl status --data-dir DIR [--factory DB] [--json]
// The active content version and path, the version a rollback would bring back, and whether
// the state database is usable and the PINs are set (the kiosk keeps the panel locked if not).
#include "core/file_io.h"
#include "core/json_writer.h"
#include "core/settings_loader.h"
#include "kioskctl/command_line.h"
#include "kioskctl/package_options.h"

#include <cstdio>

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

// What the kiosk would make of DATA_DIR/state.db: usable (with or without PINs) or not, and why.
struct PinStatus {
    std::string state_error;  // empty when the kiosk can use state.db (or there is none yet)
    bool pin_set[kPinRoleCount] = {};
};

PinStatus pin_status(const std::string& data_dir) {
    PinStatus status;
    if (!fs::exists(fs::join(data_dir, kStateFileName))) return status;  // nothing set yet
    OpenedSettings opened = open_settings(data_dir, StateStore::OpenMode::ExistingOnly);
    if (!opened.ok()) {
        status.state_error = opened.error;
        return status;
    }
    for (int role = 0; role < kPinRoleCount; ++role)
        status.pin_set[role] = !opened.settings.pin_hash(static_cast<PinRole>(role)).empty();
    return status;
}

void print_pins_json(JsonWriter& json, const PinStatus& pins) {
    json.key("state_db_error");
    if (pins.state_error.empty()) json.null();
    else json.value(pins.state_error);
    json.key("organizer_pin_set").value(pins.pin_set[static_cast<int>(PinRole::Organizer)]);
    json.key("trainer_pin_set").value(pins.pin_set[static_cast<int>(PinRole::Trainer)]);
}

void print_pins_text(const PinStatus& pins, const std::string& data_dir) {
    if (!pins.state_error.empty()) return;  // said on stderr
    for (PinRole role : {PinRole::Organizer, PinRole::Trainer}) {
        if (pins.pin_set[static_cast<int>(role)]) std::printf("%s PIN: set\n", pin_role_name(role));
        else std::printf("%s PIN: %s\n", pin_role_name(role), pin_not_set_message(role, data_dir).c_str());
    }
}

void print_json(const ContentStatus& status, const PinStatus& pins) {
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
    print_pins_json(json, pins);
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
    else std::printf("previous: none kept\n");
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
    const PinStatus pins = pin_status(config.data_dir);
    if (cl.has("json")) print_json(status, pins);
    else if (!status.path.empty()) print_text(status);
    if (!cl.has("json")) print_pins_text(pins, config.data_dir);
    int result = 0;
    if (status.path.empty()) {
        std::fprintf(stderr, "kioskctl status: %s\n", status.problem.c_str());
        result = 1;
    }
    if (!pins.state_error.empty()) {
        std::fprintf(stderr, "kioskctl status: the organizer panel and trainer mode stay locked: %s\n",
                     pins.state_error.c_str());
        result = 1;
    }
    return result;
}

}  // namespace kiosk::ctl
