// Runs the real kiosk binary headless with a script and returns its state dump.
#pragma once

#include "core/content_store.h"
#include "core/translations.h"
#include "test_support.h"

#include <memory>

#include <string>
#include <vector>

namespace kiosk::test {

using namespace kiosk::core;  // the tests use the core layer

struct KioskRun {
    CommandResult result;
    JsonValue state;  // the --dump-state object (Null if none was written)
    std::string dir;  // where screenshots named in the script were written
};

// Plays `script` (script lines joined with '\n'; `@DIR@` is replaced by a temp dir) and
// dumps the state. Extra command-line arguments may be given, e.g. {"--lang", "zh"}.
KioskRun run_kiosk_script(const TempDir& dir, const std::string& script, const std::vector<std::string>& args = {});

// The same, started through `wrapper` (e.g. a command that mounts the data dir read-only
// and then execs the rest of its arguments).
KioskRun run_kiosk_script_under(const std::vector<std::string>& wrapper, const TempDir& dir, const std::string& script);

// The same without --content: the kiosk shows what is installed in its data dir (TempDir/data),
// else the factory content given in `args` (--factory DB), and watches for USB sticks.
KioskRun run_kiosk_installed(const TempDir& dir, const std::string& script, const std::vector<std::string>& args);

// Stores a setting in the state database of the run's data dir (`dir`/data), before a run.
void set_setting(const TempDir& dir, const std::string& key, const std::string& value);
// PINs the tests set before opening the organizer panel or trainer mode: a new kiosk has none.
constexpr const char* kOrganizerTestPin = "582039";
constexpr const char* kTrainerTestPin = "135792";
// Scrolls home to its end, where its last cards and the lessons entry are (below the fold on a
// small panel): upward drags inside any panel at least 480 px tall, then the fling settles.
constexpr const char* kScrollHomeToEnd = "drag 200 400 200 100 300\nwait 200\ndrag 200 400 200 100 300\nwait 200\n"
                                         "drag 200 400 200 100 300\nwait 200\ndrag 200 400 200 100 300\nwait 1500\n";
// Sets `role`'s PIN ("organizer" or "trainer") in `dir`/data with `kioskctl set-pin`, as an organizer would.
void set_pin(const TempDir& dir, const std::string& pin, const std::string& role = "organizer");
// Script lines that type `pin` on the PIN pad and press its enter key (pin.ok).
std::string enter_pin(const std::string& pin);

// The part of a touch target a tap reaches (the state dump's `visible`: x, y, width, height).
struct TargetRect {
    double x, y, w, h;
};
TargetRect visible_rect(const JsonValue& target);
// The bundled content and the UI strings, for scripts that tap what a visitor reads.
struct ContentFixture {
    std::unique_ptr<ContentStore> content;
    Translations translations;
    ContentFixture();
    // "tap-label " and the UI string `key` in `lang`, one script line.
    std::string tap(const std::string& key, Lang lang = Lang::Ru) const;
};

// The touch target labelled `label` in the state dump, or null.
const JsonValue* find_target(const JsonValue& state, const std::string& label);
// True if a touch target labelled `label` is in the state dump.
bool has_target(const JsonValue& state, const std::string& label);
// True if a touch target with the stable id `id` ("reader.read") is in the state dump.
bool has_target_id(const JsonValue& state, const std::string& id);
// Checks that the dump lists touch targets and that each is at least 48 px both ways.
void check_target_sizes(const JsonValue& state);

}  // namespace kiosk::test
