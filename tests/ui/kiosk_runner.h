// Runs the real kiosk binary headless with a script and returns its state dump.
#pragma once

#include "test_support.h"

#include <string>
#include <vector>

namespace kiosk::test {

struct KioskRun {
    CommandResult result;
    JsonValue state;       // the --dump-state object (Null if none was written)
    std::string dir;       // where screenshots named in the script were written
};

// Plays `script` (script lines joined with '\n'; `@DIR@` is replaced by a temp dir) and
// dumps the state. Extra command-line arguments may be given, e.g. {"--lang", "zh"}.
KioskRun run_kiosk_script(const TempDir& dir, const std::string& script, const std::vector<std::string>& args = {});

// The same without --content: the kiosk shows what is installed in its data dir (TempDir/data),
// else the factory content given in `args` (--factory DB), and watches for USB sticks.
KioskRun run_kiosk_installed(const TempDir& dir, const std::string& script, const std::vector<std::string>& args);

}  // namespace kiosk::test
