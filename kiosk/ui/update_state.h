// What the screens show about content updates from a USB stick: the packages found and the
// install in progress or just finished. The platform layer (platform/usb_updates.h) fills
// these in, already formatted and translated, so frames never format or query anything.
// They live in KioskStatus, which a session reset keeps.
#pragma once

#include "core/language.h"
#include "core/text_layout.h"
#include "ui/text_cache.h"

#include <imgui.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::ui {

// A text that may need wrapping, wrapped once for the width and font it was last drawn with.
// Assign a fresh one when the text changes.
struct WrappableText {
    std::string text;
    WrapSlot wrapped;
};

// One package found on a stick, as the organizer panel lists it.
struct UsbPackageRow {
    std::string name;         // file name, e.g. "content-7.kpkg"
    std::string details;      // "v7 · 2025-05-01 14:00 · 12.4 MB" (language-neutral)
    bool valid = false;       // signature, key, product id and version are fine
    bool chosen = false;      // the one Install would install (the highest valid version)
    std::string status_key;   // translation key: "update.status.trusted" or "update.problem.<name>"
    WrappableText reason;     // the verifier's technical reason, empty when valid
};

// The sticks' packages as last scanned.
struct UsbView {
    std::vector<UsbPackageRow> packages;  // sorted by path
    int chosen = -1;                      // index into packages; -1 when nothing can be installed
    int64_t chosen_version = 0;
    std::string problem_key;              // translation key when packages exist but none is chosen
    WrappableText problem;                // the scanner's technical reason for that
    bool can_rollback = false;            // a previous content version is kept
    int64_t rollback_version = 0;         // what Roll back would bring back
    std::array<std::string, kLangCount> rollback_label;  // "Roll back to version 6" per language
    std::array<std::string, kLangCount> install_label;   // "Install version 7" per language
    std::array<std::string, kLangCount> more_label;      // "… and 2 more packages" when not all fit
    bool auto_install = false;            // the auto_install setting, shown on the card
    std::array<std::string, kLangCount> recovery;  // the last automatic fallback, per language; empty if none
};

// The install (or rollback) in progress or just finished; visitors see it as an overlay.
struct UpdateView {
    enum class Phase { Idle, Installing, Done, Failed };
    Phase phase = Phase::Idle;
    float progress = 0;            // 0..1 while installing
    std::string percent;           // "45 %"
    double shown_until = 0;        // kiosk clock: the result shows until then (or until dismissed)
    bool on_screen = false;        // the last frame drew the overlay (so one more frame must remove it)
    std::string result_log;        // one line, as logged: "installed content version 7 from ..." or the reason
    std::string problem;           // package_problem_name() or install failure name, empty on success
    std::array<WrappableText, kLangCount> title;        // "Content updated to version 7" / "Update refused"
    std::array<WrappableText, kLangCount> explanation;  // the translated reason, empty on success
    WrappableText technical;       // the technical reason in small text, empty on success
};

// The `phase` value of the state dump: "idle", "installing", "done", "failed".
const char* update_phase_name(UpdateView::Phase phase);

}  // namespace kiosk::ui
