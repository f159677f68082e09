// Scripted input for headless runs (`kiosk --script FILE`): one command per line,
// `#` starts a comment. Parsed up front so a malformed script fails before anything runs.
//
//   tap X Y                   touch and release at (X, Y)
//   tap-id ID                 touch the target whose stable id is ID (the same in every language)
//   tap-label TEXT            touch the target whose visible label is TEXT in the current language
//   drag X1 Y1 X2 Y2 MS       press at (X1, Y1), move to (X2, Y2) over MS milliseconds, release
//   wait MS                   let MS milliseconds pass on the simulated clock
//   shot FILE.png             save a screenshot
//   dump FILE.json            write the state dump (as --dump-state does at exit) of the screen now
//   key COMBO                 press a key, e.g. `key escape`, `key alt+f4`, `key ctrl+q`
//   setting KEY VALUE         store a setting in the state database, as `kioskctl settings` does
//                             while the kiosk runs (e.g. `setting rotation 90`)
#pragma once

#include "core/diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

struct ScriptCommand {
    enum class Kind { Tap, TapId, TapLabel, Drag, Wait, Shot, Dump, Key, Setting };
    Kind kind = Kind::Wait;
    int line = 0;  // 1-based line in the script, for error messages
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double ms = 0;
    std::string text;  // id for TapId, label for TapLabel, file for Shot and Dump, key name for Key (e.g. "f4"), key for Setting
    std::string value;                              // the value for Setting
    bool ctrl = false, alt = false, shift = false;  // modifiers for Key
};

// Parses a whole script. Returns false and fills `diagnostics` (file, line, problem) on any malformed line.
bool parse_input_script(std::string_view text, const std::string& file_name, std::vector<ScriptCommand>* out,
                        Diagnostics* diagnostics);

}  // namespace kiosk::core
