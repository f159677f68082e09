// What the screens show about content updates from a USB stick: the packages found and the
// install in progress or just finished. The platform layer (platform/usb_updates.h) fills in
// the facts (versions, sizes, times, problem codes); build_usb_texts() and build_update_texts()
// (update_texts.cpp) turn them into the words and numbers shown, in every language, so frames
// never format or query anything. They live in KioskStatus, which a session reset keeps.
#pragma once

#include "core/content_installer.h"
#include "core/language.h"
#include "core/text_layout.h"
#include "core/translations.h"
#include "core/usb_package_scanner.h"
#include "ui/text_cache.h"

#include <imgui.h>

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::ui {

using namespace kiosk::core;  // this layer is built on the core layer

struct Font;  // ui/fonts.h

// A text that may need wrapping, wrapped once for the width and font it was last drawn with.
// Assign a fresh one when the text changes.
struct WrappableText {
    WrappableText() = default;
    explicit WrappableText(std::string words) : text(std::move(words)) {}
    std::string text;
    WrapSlot wrapped;
};

// One package found on a stick, as the organizer panel lists it.
struct UsbPackageRow {
    // Facts, from the scan.
    std::string name;             // file name, e.g. "content-7.kpkg" (escaped: a stranger chose it)
    int64_t content_version = 0;  // from the signed manifest; 0 when unknown
    std::string built_at;         // the signed build time, "2025-05-01T14:00:00Z"; empty when unknown
    int64_t modified_at = 0;      // the file's time (Unix seconds): the date when built_at is unknown
    uint64_t size_bytes = 0;
    bool valid = false;                             // signature, key, product id and version are fine
    bool chosen = false;                            // the one Install would install (the highest valid version)
    PackageProblem problem = PackageProblem::None;  // why it is refused
    WrappableText reason;                           // the verifier's technical reason, as logged; empty when valid
    // Built from the facts by build_usb_texts().
    std::array<std::string, kLangCount> details;  // "version 7  ·  2025-05-01 14:00 UTC  ·  12.4 MB" per language
    std::string status_key;                       // translation key: "update.status.trusted" or "update.problem.<name>"
    bool listed = false;                          // the organizer panel drew it (state dump)
};

// The sticks' packages as last scanned.
struct UsbView {
    // Facts, from the scan and the installer.
    std::vector<UsbPackageRow> packages;  // sorted by path
    int chosen = -1;                      // index into packages; -1 when nothing can be installed
    int64_t chosen_version = 0;
    ScanProblem problem_kind = ScanProblem::None;  // why nothing is chosen, when packages exist
    WrappableText problem;                         // the scanner's technical reason for that, as logged
    bool can_rollback = false;                     // a previous content version is kept
    int64_t rollback_version = 0;                  // what Roll back would bring back
    bool auto_install = false;                     // the auto_install setting, shown on the card
    RecoveryNotice recovery_notice;                // the last automatic fallback (Kind::None if none)
    // Built from the facts by build_usb_texts().
    std::string problem_key;                             // translation key when packages exist but none is chosen
    std::array<std::string, kLangCount> rollback_label;  // "Roll back to version 6" per language
    std::array<std::string, kLangCount> install_label;   // "Install version 7" per language
    std::array<std::string, kLangCount> recovery;        // the last automatic fallback, per language; empty if none
};

// The install (or rollback) in progress or just finished; visitors see it as an overlay.
struct UpdateView {
    enum class Phase { Idle, Installing, Done, Failed };
    // Facts, from the installer.
    Phase phase = Phase::Idle;
    bool rollback = false;   // a rollback rather than an install
    int64_t version = 0;     // the content version now shown, once Done
    float progress = 0;      // 0..1 while installing
    double shown_until = 0;  // kiosk clock: the result shows until then (or until dismissed)
    bool on_screen = false;  // the last frame drew the overlay (so one more frame must remove it)
    std::string result_log;  // one line, as logged: "installed content version 7 from ..." or the reason
    std::string problem;     // package_problem_name() or install failure name, empty on success
    // Built from the facts by build_update_texts() and show_update_progress().
    std::string percent;                                // "45 %"
    std::array<WrappableText, kLangCount> title;        // "Content updated to version 7" / "Update refused"
    std::array<WrappableText, kLangCount> explanation;  // the translated reason, empty on success
    WrappableText technical;                            // the technical reason in small text, empty on success
};

// The words and numbers of `view` from its facts, in every language.
void build_usb_texts(UsbView& view, const Translations& translations);
// The same for the install overlay: titles, explanations, the technical line and the percentage.
void build_update_texts(UpdateView& update, const Translations& translations);
// Moves the progress bar to `fraction` (0..1) and its percentage with it.
void show_update_progress(UpdateView& update, float fraction);

// "12.4 MB" or "980 KB" in `lang` ("12,4 МБ"): at least 1 KB for a non-empty file.
std::string format_package_size(uint64_t bytes, const Translations& translations, Lang lang);
// "2025-05-01 14:00 UTC" from a signed build time ("2025-05-01T14:00:00Z"), else from `unix_time`.
std::string format_package_date(const std::string& built_at, int64_t unix_time);

// The `phase` value of the state dump: "idle", "installing", "done", "failed".
const char* update_phase_name(UpdateView::Phase phase);

}  // namespace kiosk::ui
