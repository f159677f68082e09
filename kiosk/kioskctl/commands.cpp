#include "kioskctl/command_line.h"

namespace kiosk::ctl {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"build", "build SOURCE_DIR OUT.db [--content-version N] [--built-at TIME]",
         "compile content sources into a content database", cmd_build},
        {"list", "list DB", "list what a content database holds", cmd_list},
        {"trainer-results", "trainer-results --data-dir DIR [--csv]",
         "print the group-quiz sessions recorded in trainer mode", cmd_trainer_results},
    };
    return table;
}

}  // namespace kiosk::ctl
