#include "core/settings_loader.h"

namespace kiosk::core {

OpenedSettings open_settings(const std::string& data_dir, StateStore::OpenMode mode) {
    OpenedSettings opened;
    opened.store = StateStore::open(data_dir, mode, &opened.error);
    if (opened.store && !load_settings(*opened.store, &opened.settings, &opened.warnings, &opened.error)) {
        opened.store.reset();
        opened.settings = KioskSettings{};
    }
    return opened;
}

}  // namespace kiosk::core
