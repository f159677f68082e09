// kioskctl settings --data-dir DIR [KEY VALUE]: shows the kiosk's settings, or changes one.
// The running kiosk reads them at start (restart it from the organizer panel), and the rotation
// also while it runs. The keys,
// what each accepts and its help all come from the settings table (core/kiosk_settings.cpp).
#include "core/settings_loader.h"
#include "kioskctl/command_line.h"

#include <cstdio>

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

// `kioskctl settings --help`: every settable setting with what it accepts and its default.
int print_settings_help() {
    std::printf("usage: kioskctl settings --data-dir DIR [KEY VALUE]\n\n"
                "Without KEY VALUE, lists every setting as KEY<tab>VALUE; with them, checks and stores one.\n"
                "The kiosk reads its settings at start: restart it from the organizer panel. The rotation\n"
                "also applies to a running kiosk, within a second.\n\nsettings:\n");
    for (const SettingInfo& info : settable_settings()) {
        const std::string fallback = setting_default(info);
        std::printf("  %s: %s (default: %s)\n      %s\n", info.key, setting_accepts(info).c_str(),
                    fallback.empty() ? "empty" : fallback.c_str(), info.help);
    }
    std::printf("\nPINs are set with kioskctl set-pin; the listing shows only whether each is set.\n");
    return 0;
}

void print_listing(const KioskSettings& settings) {
    for (const SettingInfo& info : settings_table()) {
        const std::string value = format_setting(info, settings);
        if (info.type == SettingType::PinHash)
            std::printf("%s\t%s\n", info.key, value.empty() ? "not set (locked; kioskctl set-pin)" : "set");
        else std::printf("%s\t%s\n", info.key, value.c_str());
    }
}

}  // namespace

const char* settings_summary() {
    static const std::string summary =
        "list the kiosk's settings, or set one (" + settable_setting_keys() + "); settings --help says what each accepts";
    return summary.c_str();
}

int cmd_settings(const std::vector<std::string>& args) {
    CommandLine cl(args, {"data-dir"}, {"help"});
    if (!cl.ok()) return usage_error("settings", cl.error());
    if (cl.has("help")) return print_settings_help();
    if (!cl.has("data-dir")) return usage_error("settings", "--data-dir is required");
    const auto& positional = cl.positional();
    if (positional.size() != 0 && positional.size() != 2)
        return usage_error("settings", "expected KEY VALUE, or nothing to list");

    OpenedSettings opened = open_settings(cl.value("data-dir"), StateStore::OpenMode::CreateIfMissing);
    if (!opened.ok()) {
        // The kiosk cannot read them either: it keeps the organizer panel and trainer mode locked.
        std::fprintf(stderr, "kioskctl settings: %s; the kiosk keeps the organizer panel and trainer mode locked\n",
                     opened.error.c_str());
        return 1;
    }
    for (const std::string& warning : opened.warnings)
        std::fprintf(stderr, "kioskctl settings: warning: %s\n", warning.c_str());
    if (positional.empty()) {
        print_listing(opened.settings);
        return 0;
    }
    const std::string& key = positional[0];
    const std::string& value = positional[1];
    const SettingInfo* info = find_setting(key);
    if (!info || !info->settable)
        return usage_error("settings", "unknown setting '" + key + "' (settable: " + settable_setting_keys() +
                                           "; PINs: kioskctl set-pin)");
    std::string error;
    if (!apply_setting(&opened.settings, key, value, &error)) return usage_error("settings", error);
    if (!opened.store->set_setting(key, value, &error)) {
        std::fprintf(stderr, "kioskctl settings: %s\n", error.c_str());
        return 1;
    }
    std::printf("%s\t%s\n", key.c_str(), value.c_str());
    return 0;
}

}  // namespace kiosk::ctl
