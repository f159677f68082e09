#include "core/kiosk_settings.h"

#include "core/state_store.h"

#include <sodium.h>
#include <unistd.h>

#include <cstdlib>

namespace kiosk::core {

namespace {

bool parse_int(const std::string& text, int min, int max, int* out) {
    if (text.empty() || text.size() > 9) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    int value = std::atoi(text.c_str());
    if (value < min || value > max) return false;
    *out = value;
    return true;
}

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

}  // namespace

const std::vector<SettingInfo>& settable_settings() {
    static const std::vector<SettingInfo> infos = {
        {"idle_timeout_s", "seconds, 15 to 3600"},
        {"countdown_s", "seconds, 3 to 60"},
        {"default_language", "ru, zh or en"},
        {"attract", "on or off"},
        {"rotation", "0, 90, 180 or 270"},
        {"auto_install", "on or off"},
        {"usb_mounts", "absolute glob patterns separated by commas, e.g. /media/*,/mnt/*"},
        {"kiosk_id", "1 to 32 letters, digits or -"},
        {"kiosk_name", "any text up to 100 characters, e.g. \"Hall B, entrance\""},
        {"stats_retention_days", "days, 1 to 3650"},
        {"stats_max_mb", "MB, 1 to 10000"},
        {"stats_log_queries", "on or off"},
        {"fleet_dir", "an absolute path, or empty for none"},
        {"read_aloud", "on or off"},
        {"speech_volume", "percent, 0 to 100"},
    };
    return infos;
}

bool apply_setting(KioskSettings* s, const std::string& key, const std::string& value, std::string* error) {
    auto bad = [&](const char* accepts) {
        *error = "setting '" + key + "': '" + value + "' is not valid (expected " + accepts + ")";
        return false;
    };
    if (key == "idle_timeout_s") return parse_int(value, 15, 3600, &s->idle_timeout_s) || bad("seconds, 15 to 3600");
    if (key == "countdown_s") return parse_int(value, 3, 60, &s->countdown_s) || bad("seconds, 3 to 60");
    if (key == "default_language") {
        auto lang = parse_lang(value);
        if (!lang) return bad("ru, zh or en");
        s->default_language = *lang;
        return true;
    }
    if (key == "attract") return parse_on_off(value, &s->attract) || bad("on or off");
    if (key == "auto_install") return parse_on_off(value, &s->auto_install) || bad("on or off");
    if (key == "read_aloud") return parse_on_off(value, &s->read_aloud) || bad("on or off");
    if (key == "speech_volume") return parse_int(value, 0, 100, &s->speech_volume) || bad("percent, 0 to 100");
    if (key == "usb_mounts") return parse_mount_globs(value, &s->usb_mounts) || bad("absolute glob patterns separated by commas, e.g. /media/*,/mnt/*");
    if (key == "rotation") {
        int degrees = -1;
        if (!parse_int(value, 0, 270, &degrees) || !parse_rotation(degrees, &s->rotation)) return bad("0, 90, 180 or 270");
        return true;
    }
    // Empty: a new id is generated at the next start.
    if (key == "kiosk_id") return value.empty() || valid_kiosk_id(value) ? (s->kiosk_id = value, true) : bad("1 to 32 letters, digits or -");
    if (key == "kiosk_name") {
        if (value.size() > 100 || value.find_first_of("\n\r\t") != std::string::npos) return bad("one line, up to 100 characters");
        return s->kiosk_name = value, true;
    }
    if (key == "stats_retention_days") return parse_int(value, 1, 3650, &s->stats_retention_days) || bad("days, 1 to 3650");
    if (key == "stats_max_mb") return parse_int(value, 1, 10000, &s->stats_max_mb) || bad("MB, 1 to 10000");
    if (key == "stats_log_queries") return parse_on_off(value, &s->stats_log_queries) || bad("on or off");
    if (key == "fleet_dir") {
        if (!value.empty() && value[0] != '/') return bad("an absolute path, or empty for none");
        return s->fleet_dir = value, true;
    }
    if (key == "pin.organizer") return s->organizer_pin_hash = value, true;
    if (key == "pin.trainer") return s->trainer_pin_hash = value, true;
    *error = "unknown setting '" + key + "'";
    return false;
}

std::vector<std::pair<std::string, std::string>> setting_values(const KioskSettings& s) {
    return {
        {"idle_timeout_s", std::to_string(s.idle_timeout_s)},
        {"countdown_s", std::to_string(s.countdown_s)},
        {"default_language", lang_code(s.default_language)},
        {"attract", s.attract ? "on" : "off"},
        {"rotation", std::to_string(static_cast<int>(s.rotation))},
        {"auto_install", s.auto_install ? "on" : "off"},
        {"usb_mounts", join_mount_globs(s.usb_mounts)},
        {"kiosk_id", s.kiosk_id},
        {"kiosk_name", s.kiosk_name},
        {"stats_retention_days", std::to_string(s.stats_retention_days)},
        {"stats_max_mb", std::to_string(s.stats_max_mb)},
        {"stats_log_queries", s.stats_log_queries ? "on" : "off"},
        {"fleet_dir", s.fleet_dir},
        {"read_aloud", s.read_aloud ? "on" : "off"},
        {"speech_volume", std::to_string(s.speech_volume)},
        {"pin.organizer", s.organizer_pin_hash},
        {"pin.trainer", s.trainer_pin_hash},
    };
}

bool load_settings(const StateStore& store, KioskSettings* settings, std::vector<std::string>* warnings,
                   std::string* error) {
    std::vector<std::pair<std::string, std::string>> stored;
    if (!store.read_settings(&stored, error)) return false;
    const auto known = setting_values(KioskSettings{});
    for (const auto& [key, value] : stored) {
        bool is_known = false;
        for (const auto& entry : known) is_known = is_known || entry.first == key;
        if (!is_known) continue;  // a key some other kiosk version wrote is not ours to judge
        std::string problem;
        if (!apply_setting(settings, key, value, &problem))
            warnings->push_back(problem + " in " + store.path() + "; using the default");
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
