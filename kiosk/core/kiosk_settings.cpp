#include "core/kiosk_settings.h"

#include "core/state_store.h"
#include "core/strict_number.h"
#include "core/utf8.h"

#include <sodium.h>
#include <unistd.h>

#include <cstdlib>

namespace kiosk::core {

namespace {

bool parse_on_off(const std::string& text, bool* out) {
    if (text == "on" || text == "true" || text == "1") return *out = true, true;
    if (text == "off" || text == "false" || text == "0") return *out = false, true;
    return false;
}

// "/media/*, /mnt/*" -> {"/media/*", "/mnt/*"}. Every entry must be an absolute path pattern:
// a relative one would depend on the kiosk's working directory.
bool parse_mount_globs(const std::string& text, std::vector<std::string>* out) {
    std::vector<std::string> globs;
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        size_t begin = text.find_first_not_of(" \t", start);
        size_t end = text.find_last_not_of(" \t", comma == 0 ? 0 : comma - 1);
        if (begin == std::string::npos || begin >= comma || end == std::string::npos || end < begin) return false;
        std::string glob = text.substr(begin, end - begin + 1);
        if (glob[0] != '/') return false;
        globs.push_back(glob);
        start = comma + 1;
    }
    if (globs.empty()) return false;
    *out = std::move(globs);
    return true;
}

std::string join_mount_globs(const std::vector<std::string>& globs) {
    std::string text;
    for (const std::string& glob : globs) text += (text.empty() ? "" : ",") + glob;
    return text;
}

bool valid_one_line(const std::string& text) {
    return utf8::is_valid(text) && utf8::length(text) <= kMaxLineChars && text.find_first_of("\n\r\t") == std::string::npos;
}

// The rows of the table, one builder per kind of value.
SettingInfo integer(const char* key, int KioskSettings::*field, int min, int max, const char* unit, const char* help) {
    SettingInfo info{key, SettingType::Integer, help};
    info.min = min;
    info.max = max;
    info.unit = unit;
    info.number = field;
    return info;
}

SettingInfo on_off(const char* key, bool KioskSettings::*field, const char* help) {
    SettingInfo info{key, SettingType::OnOff, help};
    info.flag = field;
    return info;
}

SettingInfo text(const char* key, SettingType type, std::string KioskSettings::*field, const char* help) {
    SettingInfo info{key, type, help};
    info.text = field;
    info.settable = type != SettingType::PinHash;
    return info;
}

// Parses `value` into `s`; false (and `s` unchanged) if it is not valid for `info`.
bool parse_setting(const SettingInfo& info, const std::string& value, KioskSettings* s) {
    switch (info.type) {
        case SettingType::Integer: return parse_integer(value, info.min, info.max, &(s->*info.number));
        case SettingType::OnOff: return parse_on_off(value, &(s->*info.flag));
        case SettingType::Language: {
            auto lang = parse_lang(value);
            if (lang) s->default_language = *lang;
            return lang.has_value();
        }
        case SettingType::Rotation: {
            int degrees = -1;
            return parse_integer(value, 0, 270, &degrees) && parse_rotation(degrees, &s->rotation);
        }
        case SettingType::MountGlobs: return parse_mount_globs(value, &s->usb_mounts);
        case SettingType::KioskId:  // empty: a new id is generated at the next start
            if (!value.empty() && !valid_kiosk_id(value)) return false;
            break;
        case SettingType::OneLine:
            if (!valid_one_line(value)) return false;
            break;
        case SettingType::AbsolutePath:
            if (!value.empty() && value[0] != '/') return false;
            break;
        case SettingType::PinHash: break;  // set-pin checks the PIN; the hash is libsodium's to judge
    }
    s->*info.text = value;
    return true;
}

}  // namespace

const std::vector<SettingInfo>& settings_table() {
    using S = KioskSettings;
    static const std::vector<SettingInfo> table = {
        integer("idle_timeout_s", &S::idle_timeout_s, 15, 3600, "seconds",
                "seconds without a touch before \"Are you still there?\""),
        integer("countdown_s", &S::countdown_s, 3, 60, "seconds", "length of that countdown; at zero the session resets"),
        {"default_language", SettingType::Language, "the language every session starts in"},
        on_off("attract", &S::attract, "after a reset, show the attract loop (off: straight to the library)"),
        {"rotation", SettingType::Rotation, "screen rotation in degrees clockwise; touches are rotated to match"},
        on_off("auto_install", &S::auto_install, "install a valid, newer package from a USB stick without the PIN"),
        {"usb_mounts", SettingType::MountGlobs, "mount points watched for USB sticks"},
        text("kiosk_id", SettingType::KioskId, &S::kiosk_id, "the kiosk's stable id in statistics reports"),
        text("kiosk_name", SettingType::OneLine, &S::kiosk_name, "where the kiosk stands, in statistics reports"),
        integer("stats_retention_days", &S::stats_retention_days, 1, 3650, "days", "usage events older than this are removed"),
        integer("stats_max_mb", &S::stats_max_mb, 1, 10000, "MB", "usage events take at most this much of state.db"),
        on_off("stats_log_queries", &S::stats_log_queries, "store search queries as typed (off: searches without the text)"),
        text("fleet_dir", SettingType::AbsolutePath, &S::fleet_dir,
             "the folder Syncthing shares with the other kiosks (packages in, reports out)"),
        on_off("read_aloud", &S::read_aloud, "offer the read-aloud buttons (off for silent venues)"),
        integer("speech_volume", &S::speech_volume, 0, 100, "percent", "loudness of reading aloud, of full scale"),
        text("pin.organizer", SettingType::PinHash, &S::organizer_pin_hash, "the organizer PIN's hash"),
        text("pin.trainer", SettingType::PinHash, &S::trainer_pin_hash, "the trainer PIN's hash"),
    };
    return table;
}

const SettingInfo* find_setting(const std::string& key) {
    for (const SettingInfo& info : settings_table())
        if (key == info.key) return &info;
    return nullptr;
}

const std::vector<SettingInfo>& settable_settings() {
    static const std::vector<SettingInfo> settable = [] {
        std::vector<SettingInfo> infos;
        for (const SettingInfo& info : settings_table())
            if (info.settable) infos.push_back(info);
        return infos;
    }();
    return settable;
}

std::string settable_setting_keys() {
    std::string keys;
    for (const SettingInfo& info : settable_settings()) keys += std::string(keys.empty() ? "" : ", ") + info.key;
    return keys;
}

std::string setting_accepts(const SettingInfo& info) {
    switch (info.type) {
        case SettingType::Integer:
            return std::string(info.unit) + ", " + std::to_string(info.min) + " to " + std::to_string(info.max);
        case SettingType::OnOff: return "on or off";
        case SettingType::Language: {
            std::string codes;
            for (size_t i = 0; i < kAllLangs.size(); ++i)
                codes += std::string(i == 0 ? "" : i + 1 == kAllLangs.size() ? " or " : ", ") + lang_code(kAllLangs[i]);
            return codes;
        }
        case SettingType::Rotation: return "0, 90, 180 or 270";
        case SettingType::MountGlobs: return "absolute glob patterns separated by commas, e.g. /media/*,/mnt/*";
        case SettingType::KioskId: return "1 to 32 letters, digits or -";
        case SettingType::OneLine:
            return "one line of up to " + std::to_string(kMaxLineChars) + " characters, e.g. \"Hall B, entrance\"";
        case SettingType::AbsolutePath: return "an absolute path, or empty for none";
        case SettingType::PinHash: return "a PIN hash (kioskctl set-pin)";
    }
    return {};
}

std::string format_setting(const SettingInfo& info, const KioskSettings& s) {
    switch (info.type) {
        case SettingType::Integer: return std::to_string(s.*info.number);
        case SettingType::OnOff: return s.*info.flag ? "on" : "off";
        case SettingType::Language: return lang_code(s.default_language);
        case SettingType::Rotation: return std::to_string(static_cast<int>(s.rotation));
        case SettingType::MountGlobs: return join_mount_globs(s.usb_mounts);
        case SettingType::KioskId:
        case SettingType::OneLine:
        case SettingType::AbsolutePath:
        case SettingType::PinHash: return s.*info.text;
    }
    return {};
}

std::string setting_default(const SettingInfo& info) { return format_setting(info, KioskSettings{}); }

bool apply_setting(KioskSettings* s, const std::string& key, const std::string& value, std::string* error) {
    const SettingInfo* info = find_setting(key);
    if (!info) {
        *error = "unknown setting '" + utf8::printable(key) + "'";
        return false;
    }
    if (parse_setting(*info, value, s)) return true;
    *error = "setting '" + key + "': '" + utf8::printable(value) + "' is not valid (expected " + setting_accepts(*info) + ")";
    return false;
}

std::vector<std::pair<std::string, std::string>> setting_values(const KioskSettings& s) {
    std::vector<std::pair<std::string, std::string>> values;
    for (const SettingInfo& info : settings_table()) values.emplace_back(info.key, format_setting(info, s));
    return values;
}

bool load_settings(const StateStore& store, KioskSettings* settings, std::vector<std::string>* warnings, std::string* error) {
    std::vector<std::pair<std::string, std::string>> stored;
    if (!store.read_settings(&stored, error)) return false;
    for (const auto& [key, value] : stored) {
        const SettingInfo* info = find_setting(key);
        if (!info) continue;  // a key some other kiosk version wrote is not ours to judge
        std::string problem;
        if (!apply_setting(settings, key, value, &problem)) {
            const std::string fallback = format_setting(*info, *settings);
            warnings->push_back(problem + " in " + store.path() + "; using the default" +
                                (fallback.empty() ? std::string() : " (" + fallback + ")"));
        }
    }
    return true;
}

bool valid_kiosk_id(const std::string& id) {
    if (id.empty() || id.size() > 32) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

std::string generate_kiosk_id() {
    static const char kHex[] = "0123456789abcdef";
    if (sodium_init() < 0) return "k" + std::to_string(::getpid());  // libsodium failed: unique enough for one host
    std::string id = "k";
    for (int i = 0; i < 8; ++i) id += kHex[randombytes_uniform(16)];
    return id;
}

bool ensure_kiosk_id(StateStore& store, std::string* id, std::string* error) {
    if (store.get_setting("kiosk_id", id) && valid_kiosk_id(*id)) return true;
    *id = generate_kiosk_id();
    return store.set_setting("kiosk_id", *id, error);
}

std::string default_data_dir() {
    if (::geteuid() == 0) return "/var/lib/sco-kiosk";
    const char* state_home = std::getenv("XDG_STATE_HOME");
    if (state_home && *state_home) return std::string(state_home) + "/sco-kiosk";
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : "/tmp") + "/.local/state/sco-kiosk";
}

}  // namespace kiosk::core
