// Content updates from USB sticks while the kiosk runs: polls the mount points, lists the
// packages found, and installs one in a background thread through ContentInstaller (the same
// code as `kioskctl install`), so the screen keeps drawing the progress.
//
// Polling is cheap: every kPollIntervalS a scan thread globs the mount points and stats the
// files in their `sco-kiosk/` folders; only when that set (path, size, mtime) changed does it
// check signatures again. The UI thread only starts a scan and picks up its result, so a slow,
// hostile or hung stick never holds up a frame or the watchdog heartbeat. The poll itself never
// asks for a frame.
#pragma once

#include "core/content_installer.h"
#include "core/content_store.h"
#include "core/usb_package_scanner.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

constexpr double kPollIntervalS = 2.0;

// What a finished install (or rollback) left: the outcome and, when it worked, the new
// content already loaded, ready to be swapped in.
struct UpdateResult {
    bool rollback = false;
    InstallOutcome outcome;                 // for a rollback: failure Rejected/None, reason = message
    std::string package;                    // the package's path on the stick (installs)
    std::unique_ptr<ContentStore> content;  // the content now active; null if it could not be opened
    std::string open_error;
};

// One line per file in the `sco-kiosk/` folders under `mount_globs`: path, size and mtime of
// every package and signature, hidden files (macOS `._*`) left out. Equal strings mean
// nothing on the sticks changed.
std::string usb_fingerprint(const UsbPackageScanner& scanner);

class UsbUpdates {
public:
    UsbUpdates(InstallerConfig config, std::vector<std::string> mount_globs);
    ~UsbUpdates();  // waits for a running install: it must never be cut off half-way by us
    UsbUpdates(const UsbUpdates&) = delete;
    UsbUpdates& operator=(const UsbUpdates&) = delete;

    // Picks up a finished scan, and starts the next one in the scan thread if kPollIntervalS
    // has passed since the last (`now` on the kiosk clock). True when the packages found
    // changed; scan() then has the new list. `installed_version` is the active content's, for
    // the "newer" check. Never waits for the stick.
    bool poll(double now, int64_t installed_version);
    // A scan is running in its thread.
    bool scanning() const;
    // Blocks up to `timeout_s` until the running scan finishes (scripts: deterministic runs).
    void wait_for_scan(double timeout_s);
    // When poll() next looks at the sticks.
    double next_poll() const { return next_poll_; }
    // Makes the next poll() check the packages again even if no file changed (the installed
    // version or the trusted keys changed).
    void rescan_next_poll();
    const StickScan& scan() const { return scan_; }
    // True once after the files on the sticks changed (a stick was plugged in, or files on it
    // changed) if there is a package to offer: the auto_install setting installs it then.
    // Rescans for other reasons (after an install or rollback) never make a new offer, so a
    // rollback is not undone while the stick stays in.
    bool take_new_offer();

    // Starts installing `package` in a background thread; false if one is running.
    bool start_install(const FoundPackage& package);
    bool installing() const { return worker_.joinable(); }
    // Fraction of the package copied so far, 0..1.
    float progress() const { return progress_.load(); }
    // Blocks up to `timeout_s` until the install reports progress or finishes.
    void wait_for_progress(double timeout_s);
    // Once the install finished: joins it and moves its result out. False while running or idle.
    bool take_result(UpdateResult* out);
    // Brings back the previous content (synchronously: renames only) and loads it.
    UpdateResult rollback();
    // What is active and what a rollback would bring back.
    ContentStatus status() const { return ContentInstaller(config_).status(); }
    // The last automatic fallback, for the organizer panel.
    RecoveryNotice recovery_notice() const { return ContentInstaller(config_).recovery_notice(); }

private:
    // One scan, shared with its thread so that a scan stuck on a dead stick can be left behind.
    struct ScanJob {
        std::mutex mutex;
        std::condition_variable finished_cv;
        bool finished = false;
        bool changed = false;  // the fingerprint changed, or a rescan was forced
        std::string fingerprint;
        StickScan scan;
    };
    static void run_scan(const std::shared_ptr<ScanJob>& job, const UsbPackageScanner& scanner, const InstallerConfig& config,
                         const std::string& old_fingerprint, bool force, int64_t installed_version);
    void run_install(const FoundPackage& package);

    InstallerConfig config_;
    UsbPackageScanner scanner_;
    double next_poll_ = 0;
    std::string fingerprint_;
    bool force_rescan_ = true;
    bool files_changed_ = false;  // since take_new_offer() last looked
    StickScan scan_;
    std::shared_ptr<ScanJob> scan_job_;  // the running or finished scan not yet picked up
    std::thread scan_thread_;

    std::thread worker_;
    std::atomic<float> progress_{0};
    std::atomic<bool> finished_{false};
    std::mutex mutex_;
    std::condition_variable changed_;
    unsigned change_count_ = 0;  // guarded by mutex_: bumped on progress and at the end
    UpdateResult result_;        // written by the worker before finished_ is set
};

}  // namespace kiosk::platform
