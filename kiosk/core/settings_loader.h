// The one way the kiosk and kioskctl read the settings: open DATA_DIR/state.db and apply
// every stored setting over the defaults. Kept apart from kiosk_settings.h so that the UI,
// which only reads KioskSettings, does not see the state database.
#pragma once

#include "core/kiosk_settings.h"
#include "core/state_store.h"

#include <memory>
#include <string>
#include <vector>

namespace kiosk::core {

struct OpenedSettings {
    std::unique_ptr<StateStore> store;  // null when state.db cannot be used (see error)
    KioskSettings settings;             // the defaults where nothing valid is stored; all defaults without a store
    std::vector<std::string> warnings;  // one per damaged setting: key, value, what it accepts, file
    std::string error;                  // why state.db cannot be used: then no PIN may be trusted

    bool ok() const { return store != nullptr; }
};

// Opens DATA_DIR/state.db (`mode` as StateStore::open) and loads every setting from it. A
// damaged value keeps its default and adds a warning; the others are still read.
OpenedSettings open_settings(const std::string& data_dir, StateStore::OpenMode mode);

}  // namespace kiosk::core
