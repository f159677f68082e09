// The kiosk's settings, kept in the state database (DATA_DIR/state.db, table settings) as
// text key/value pairs. This file names and validates each one, for the kiosk and for
// `kioskctl settings` alike.
#pragma once

#include "core/language.h"
#include "core/pin_lock.h"
#include "core/screen_rotation.h"
#include "core/usb_package_scanner.h"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::core {

class StateStore;

struct KioskSettings {
    int idle_timeout_s = 90;           // idle_timeout_s: seconds without a touch before the countdown
    int countdown_s = 10;              // countdown_s: length of the "are you still there?" countdown
    Lang default_language = Lang::Ru;  // default_language: ru | zh | en, restored at every session reset
    bool attract = true;               // attract: on | off, the attract loop after a session ends
    Rotation rotation = Rotation::R0;  // rotation: 0 | 90 | 180 | 270 degrees clockwise
    bool auto_install = false;         // auto_install: on | off, install a valid USB package without the PIN
    bool read_aloud = true;            // read_aloud: on | off, the ▶ read-aloud buttons (off for silent venues)
    int speech_volume = 80;            // speech_volume: 0 to 100, percent of full scale for reading aloud
    // usb_mounts: comma-separated globs of the mount points watched for USB sticks
    std::vector<std::string> usb_mounts = default_usb_mount_globs();
    std::string kiosk_id;           // kiosk_id: stable id in reports, generated on first start; letters, digits, -
    std::string kiosk_name;         // kiosk_name: where it stands, e.g. "Hall B, entrance" (any text, may be empty)
    int stats_retention_days = 90;  // stats_retention_days: usage events older than this are removed
    int stats_max_mb = 50;          // stats_max_mb: usage events take at most this many MB of state.db
    bool stats_log_queries = true;  // stats_log_queries: on | off, store search queries as typed
    // fleet_dir: a folder shared with the other kiosks by Syncthing (empty: none). Signed packages
    // in its sco-kiosk/ folder are installed as from a stick, and the report goes to sco-kiosk/reports/.
    std::string fleet_dir;
    std::string organizer_pin_hash;  // pin.organizer: crypto_pwhash string; empty = not set, the panel stays locked
    std::string trainer_pin_hash;    // pin.trainer: crypto_pwhash string; empty = not set, trainer mode stays locked

    const std::string& pin_hash(PinRole role) const {
        return role == PinRole::Organizer ? organizer_pin_hash : trainer_pin_hash;
    }
};

// How a setting's text value is read and written. Each kind has one parser and one
// formatter in kiosk_settings.cpp; the accepted values shown to organizers derive from it.
enum class SettingType {
    Integer,       // a whole number in [min, max] (strict: "12abc" is refused)
    OnOff,         // on | off (also true/false, 1/0 when read)
    Language,      // ru | zh | en
    Rotation,      // 0 | 90 | 180 | 270
    MountGlobs,    // comma-separated absolute glob patterns
    KioskId,       // 1 to 32 letters, digits or -; empty: generated at the next start
    OneLine,       // one line of up to kMaxLineChars characters
    AbsolutePath,  // an absolute path, or empty for none
    PinHash,       // a crypto_pwhash string, set by `kioskctl set-pin` only
};

// One row of the settings table: the only place a setting's key, type, range and help are
// written. `kioskctl settings` (listing, validation, --help), its summary in `kioskctl --help`
// and the loader shared by the kiosk and kioskctl all read this table; the defaults are
// those of KioskSettings{} above. tests/core/test_settings_table.cpp checks the docs against it.
struct SettingInfo {
    const char* key;
    SettingType type;
    const char* help;                            // one line for `kioskctl settings --help`
    int min = 0, max = 0;                        // Integer: the accepted range
    const char* unit = "";                       // Integer: "seconds", "days", "MB", "percent"
    int KioskSettings::*number = nullptr;        // Integer
    bool KioskSettings::*flag = nullptr;         // OnOff
    std::string KioskSettings::*text = nullptr;  // KioskId, OneLine, AbsolutePath, PinHash
    bool settable = true;                        // by `kioskctl settings` (PINs: set-pin)
};

// kiosk_name and other one-line texts: at most this many characters (code points).
constexpr size_t kMaxLineChars = 100;

// Every setting, PIN hashes included, in the order `kioskctl settings` lists them.
const std::vector<SettingInfo>& settings_table();
// The row for `key`, or null if there is no such setting.
const SettingInfo* find_setting(const std::string& key);
// Every setting an organizer may change with `kioskctl settings set` (PINs have set-pin).
const std::vector<SettingInfo>& settable_settings();
// The settable keys joined by ", ", for usage text and messages.
std::string settable_setting_keys();

// What `info` accepts, for messages and --help: "seconds, 15 to 3600", "on or off"...
std::string setting_accepts(const SettingInfo& info);
// `info`'s value in `settings` as text, as stored and listed.
std::string format_setting(const SettingInfo& info, const KioskSettings& settings);
// `info`'s default as text (its value in KioskSettings{}).
std::string setting_default(const SettingInfo& info);

// Applies `value` to the setting `key`. False with a message naming the key, the value and
// what it accepts when the key is unknown or the value is not valid; `settings` is then unchanged.
bool apply_setting(KioskSettings* settings, const std::string& key, const std::string& value, std::string* error);

// Every setting as (key, text value), PIN hashes included, in table order.
std::vector<std::pair<std::string, std::string>> setting_values(const KioskSettings& settings);

// Reads every setting from `store` into `settings`. A stored value that is not valid keeps
// the default and adds a warning naming key, value, what it accepts and the file; the other
// settings are still read. False with `error` when the settings cannot be read at all: the
// caller must then not trust any PIN. (The kiosk and kioskctl call open_settings in
// core/settings_loader.h, which opens the state database and calls this.)
bool load_settings(const StateStore& store, KioskSettings* settings, std::vector<std::string>* warnings, std::string* error);

// A kiosk_id is 1 to 32 ASCII letters, digits or '-': it names report folders.
bool valid_kiosk_id(const std::string& id);
// A new random kiosk id, "k" and 8 hex digits.
std::string generate_kiosk_id();
// The stored kiosk_id; on first use a new one is generated and stored. False with `error`
// if it cannot be stored.
bool ensure_kiosk_id(StateStore& store, std::string* id, std::string* error);

// The data directory when --data-dir is not given: /var/lib/sco-kiosk for root, otherwise
// $XDG_STATE_HOME/sco-kiosk or ~/.local/state/sco-kiosk.
std::string default_data_dir();

}  // namespace kiosk::core
