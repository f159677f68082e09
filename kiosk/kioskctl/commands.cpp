#include "kioskctl/command_line.h"

namespace kiosk::ctl {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"build", "build SOURCE_DIR OUT.db [--content-version N] [--built-at TIME]",
         "compile content sources into a content database", cmd_build},
        {"list", "list DB", "list what a content database holds", cmd_list},
    };
    return table;
}

}  // namespace kiosk::ctl
