// kioskctl settings --data-dir DIR [KEY VALUE]: shows the kiosk's settings, or changes one.
// The running kiosk reads them at start (restart it from the organizer panel).
#include "core/kiosk_settings.h"
#include "core/state_store.h"
#include "kioskctl/command_line.h"

#include <cstdio>

namespace kiosk::ctl {

namespace {

bool load(const StateStore& store, KioskSettings* settings) {
    std::string error;
    for (const auto& [key, default_value] : setting_values(KioskSettings{})) {
        std::string value;
        if (store.get_setting(key, &value) && !apply_setting(settings, key, value, &error))
            std::fprintf(stderr, "kioskctl settings: warning: %s (the kiosk uses the default)\n", error.c_str());
    }
    return true;
}

}  // namespace

int cmd_settings(const std::vector<std::string>& args) {
    CommandLine cl(args, {"data-dir"}, {});
    if (!cl.ok()) return usage_error("settings", cl.error());
    if (!cl.has("data-dir")) return usage_error("settings", "--data-dir is required");
    const auto& positional = cl.positional();
    if (positional.size() != 0 && positional.size() != 2) return usage_error("settings", "expected KEY VALUE, or nothing to list");

    std::string error;
    auto store = StateStore::open(cl.value("data-dir"), StateStore::OpenMode::CreateIfMissing, &error);
    if (!store) {
        std::fprintf(stderr, "kioskctl settings: %s\n", error.c_str());
        return 1;
    }
    KioskSettings settings;
    load(*store, &settings);
    if (positional.empty()) {
        for (const auto& [key, value] : setting_values(settings)) {
            if (key.rfind("pin.", 0) == 0) {
                std::printf("%s\t%s\n", key.c_str(), value.empty() ? "factory PIN" : "set");
                continue;
            }
            std::printf("%s\t%s\n", key.c_str(), value.c_str());
        }
        return 0;
    }
    const std::string& key = positional[0];
    const std::string& value = positional[1];
    bool settable = false;
    for (const SettingInfo& info : settable_settings()) settable = settable || key == info.key;
    if (!settable) {
        std::string known;
        for (const SettingInfo& info : settable_settings()) known += std::string(known.empty() ? "" : ", ") + info.key;
        return usage_error("settings", "unknown setting '" + key + "' (settable: " + known + "; PINs: kioskctl set-pin)");
    }
    if (!apply_setting(&settings, key, value, &error)) return usage_error("settings", error);
    if (!store->set_setting(key, value, &error)) {
        std::fprintf(stderr, "kioskctl settings: %s\n", error.c_str());
        return 1;
    }
    std::printf("%s\t%s\n", key.c_str(), value.c_str());
    return 0;
}

}  // namespace kiosk::ctl
