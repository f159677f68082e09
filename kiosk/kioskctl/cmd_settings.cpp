// kioskctl settings --data-dir DIR [KEY VALUE]: shows the kiosk's settings, or changes one.
// The running kiosk reads them at start (restart it from the organizer panel).
#include "core/kiosk_settings.h"
#include "core/state_store.h"
#include "kioskctl/command_line.h"

#include <cstdio>

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

int cmd_settings(const std::vector<std::string>& args) {
    CommandLine cl(args, {"data-dir"}, {});
    if (!cl.ok()) return usage_error("settings", cl.error());
    if (!cl.has("data-dir")) return usage_error("settings", "--data-dir is required");
    const auto& positional = cl.positional();
    if (positional.size() != 0 && positional.size() != 2) return usage_error("settings", "expected KEY VALUE, or nothing to list");

    std::string error;
    auto store = StateStore::open(cl.value("data-dir"), StateStore::OpenMode::CreateIfMissing, &error);
    KioskSettings settings;
    std::vector<std::string> warnings;
    if (!store || !load_settings(*store, &settings, &warnings, &error)) {
        // The kiosk cannot read them either: it keeps the organizer panel and trainer mode locked.
        std::fprintf(stderr, "kioskctl settings: %s; the kiosk keeps the organizer panel and trainer mode locked\n",
                     error.c_str());
        return 1;
    }
    for (const std::string& warning : warnings) std::fprintf(stderr, "kioskctl settings: warning: %s\n", warning.c_str());
    if (positional.empty()) {
        for (const auto& [key, value] : setting_values(settings)) {
            if (key.rfind("pin.", 0) == 0) {
                std::printf("%s\t%s\n", key.c_str(), value.empty() ? "not set (locked; kioskctl set-pin)" : "set");
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
