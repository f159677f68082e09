// The kiosk's settings, kept in the state database (DATA_DIR/state.db, table settings) as
// text key/value pairs. This file names and validates each one, for the kiosk and for
// `kioskctl settings` alike.
#pragma once

#include "core/language.h"
#include "core/pin_lock.h"
#include "core/screen_rotation.h"
#include "core/usb_package_scanner.h"

#include <string>
#include <utility>
#include <vector>

namespace kiosk::core {

class StateStore;

struct KioskSettings {
    int idle_timeout_s = 90;          // idle_timeout_s: seconds without a touch before the countdown
    int countdown_s = 10;             // countdown_s: length of the "are you still there?" countdown
    Lang default_language = Lang::Ru; // default_language: ru | zh | en, restored at every session reset
    bool attract = true;              // attract: on | off, the attract loop after a session ends
    Rotation rotation = Rotation::R0; // rotation: 0 | 90 | 180 | 270 degrees clockwise
    bool auto_install = false;        // auto_install: on | off, install a valid USB package without the PIN
    bool read_aloud = true;           // read_aloud: on | off, the ▶ read-aloud buttons (off for silent venues)
    int speech_volume = 80;           // speech_volume: 0 to 100, percent of full scale for reading aloud
    // usb_mounts: comma-separated globs of the mount points watched for USB sticks
    std::vector<std::string> usb_mounts = default_usb_mount_globs();
    std::string kiosk_id;             // kiosk_id: stable id in reports, generated on first start; letters, digits, -
    std::string kiosk_name;           // kiosk_name: where it stands, e.g. "Hall B, entrance" (any text, may be empty)
    int stats_retention_days = 90;    // stats_retention_days: usage events older than this are removed
    int stats_max_mb = 50;            // stats_max_mb: usage events take at most this many MB of state.db
    bool stats_log_queries = true;    // stats_log_queries: on | off, store search queries as typed
    // fleet_dir: a folder shared with the other kiosks by Syncthing (empty: none). Signed packages
    // in its sco-kiosk/ folder are installed as from a stick, and the report goes to sco-kiosk/reports/.
    std::string fleet_dir;
    std::string organizer_pin_hash;   // pin.organizer: crypto_pwhash string; empty = not set, the panel stays locked
    std::string trainer_pin_hash;     // pin.trainer: crypto_pwhash string; empty = not set, trainer mode stays locked

    const std::string& pin_hash(PinRole role) const {
        return role == PinRole::Organizer ? organizer_pin_hash : trainer_pin_hash;
    }
};

struct SettingInfo {
    const char* key;
    const char* values;  // what it accepts, for messages and `kioskctl settings`
};

// Every setting an organizer may change with `kioskctl settings set` (PINs have set-pin).
const std::vector<SettingInfo>& settable_settings();

// Applies `value` to the setting `key`. False with a message naming the key and what it
// accepts when the key is unknown or the value out of range.
bool apply_setting(KioskSettings* settings, const std::string& key, const std::string& value, std::string* error);

// Every setting as (key, text value), PIN hashes included, in a stable order.
std::vector<std::pair<std::string, std::string>> setting_values(const KioskSettings& settings);

// Reads every setting from `store` into `settings`. A stored value that is not valid keeps
// the default and adds a warning naming key, value and file. False with `error` when the
// settings cannot be read at all: the caller must then not trust any PIN.
bool load_settings(const StateStore& store, KioskSettings* settings, std::vector<std::string>* warnings,
                   std::string* error);

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
