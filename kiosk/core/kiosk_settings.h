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

namespace kiosk {

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

// The data directory when --data-dir is not given: /var/lib/sco-kiosk for root, otherwise
// $XDG_STATE_HOME/sco-kiosk or ~/.local/state/sco-kiosk.
std::string default_data_dir();

}  // namespace kiosk
