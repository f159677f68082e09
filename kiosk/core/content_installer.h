// Installs signed content packages into a kiosk's data dir so that a power cut, a pulled
// stick or a bad file at any moment leaves exactly the old content or exactly the new.
// The kiosk and `kioskctl install/rollback/status` run this same code.
//
// Data-dir layout (docs/organizer-guide.md shows it to organizers):
//   DIR/content/active.db         the installed content; absent = the factory content is active
//   DIR/content/previous.db       the content active before the last install (one-step rollback);
//                                 absent while active.db exists = rollback returns to factory
//   DIR/content/rejected.db       the last active content set aside at start (failed quick_check, could
//                                 not be opened, or the kiosk kept failing to start on it), for diagnosis
//   DIR/content/previous.db.tmp   transient: hard link to the content being replaced, renamed over
//                                 previous.db only after the new content is in place
//   DIR/content/previous.db.old   transient: previous.db set aside while installing over the factory content
//   DIR/content/trial             "INODE STARTS": active.db (that inode) is new and on trial; STARTS
//                                 counts kiosk starts on it that have not yet run kTrialSeconds
//   DIR/content/recovery.txt      "KIND FROM TO": the last automatic fallback, for the organizer panel
//   DIR/staging/incoming.kpkg     the local copy being verified (+ incoming.kpkg.minisig)
//   DIR/trusted-keys/*.pub        organizer keys this kiosk trusts (plus the system key dirs)
//   DIR/install.lock              flock()ed while anything changes the data dir
//
// Install: copy package and signature to staging (fsync), verify the local copy, hard-link
// active.db to previous.db.tmp, mark the new content on trial, rename staging/incoming.kpkg
// over active.db (the commit), then rename previous.db.tmp over previous.db. Each step is
// atomic and active.db is always a complete database. Recovery finishes or undoes the last
// rename by comparing inodes, so an interrupted install never changes what rollback brings back.
//
// Last-known-good: new content stays on trial until the kiosk has run kTrialSeconds on it.
// A start that finds it on trial for the kMaxTrialStarts-th time without that (the kiosk kept
// crashing or hanging) sets it aside and brings back the previous content, then the factory
// content, and leaves a notice for the organizer panel.
#pragma once

#include "core/package_verifier.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace kiosk::core {

struct InstallerConfig {
    std::string data_dir;
    std::string factory_db;                    // content installed with the kiosk; active when none is installed
    std::vector<std::string> system_key_dirs;  // trusted keys installed with the kiosk
    size_t copy_chunk_bytes = 1 << 20;
    // Free bytes on the filesystem that holds `dir`. Defaults to statvfs(); tests substitute it.
    std::function<bool(const std::string& dir, uint64_t* free_bytes, std::string* error)> free_space;
    // Called with a step name before every filesystem step that reads the stick or changes the
    // data dir. Fault-injection tests end the process here; empty in production.
    std::function<void(const char* step)> before_step;
};

// Room left free beside a new package, so the kiosk's own state can still be written.
constexpr uint64_t kFreeSpaceMargin = 1 << 20;
// New content is confirmed once the kiosk has run this long on it (kiosk clock)...
constexpr double kTrialSeconds = 60.0;
// ...and set aside at the start that would be its this-many-th unconfirmed one.
constexpr int kMaxTrialStarts = 4;

// Bytes copied so far and the package size: for a progress bar.
using CopyProgress = std::function<void(uint64_t copied, uint64_t total)>;

enum class InstallFailure { None, Busy, DataDir, NoSpace, CopyFailed, Rejected, SwapFailed };

struct InstallOutcome {
    InstallFailure failure = InstallFailure::None;
    std::string reason;  // one line for the organizer and the log
    PackageCheck check;  // the verifier's verdict on the staged copy
    bool ok() const { return failure == InstallFailure::None; }
};

struct ContentStatus {
    std::string path;           // the active content database; empty if there is none
    bool is_factory = false;    // the factory content is active
    int64_t version = 0;        // content version of `path`; 0 if unreadable
    bool has_previous = false;  // a rollback is possible
    bool previous_is_factory = false;
    int64_t previous_version = 0;
    std::string problem;    // why there is no usable content, if so
    bool on_trial = false;  // new content not yet confirmed by kTrialSeconds of running
};

// The last automatic fallback, as the organizer panel words it.
struct RecoveryNotice {
    enum class Kind { None, FailedStarts, Unreadable };
    Kind kind = Kind::None;
    int64_t from_version = 0;  // the content set aside (0 if unknown)
    int64_t to_version = 0;    // the content active after it
    bool to_factory = false;
};

class ContentInstaller {
public:
    explicit ContentInstaller(InstallerConfig config);

    // Removes what an interrupted install left (staging, temporary links) and makes sure the
    // active content passes quick_check, falling back to previous, then factory content.
    // Returns one log line per action taken. Call at kiosk start and before every command.
    std::vector<std::string> recover();
    // At kiosk start, after recover(): counts this start if the active content is on trial,
    // and sets it aside once it reached kMaxTrialStarts. Returns one log line per action.
    std::vector<std::string> begin_start();
    // The kiosk ran kTrialSeconds: the active content is good.
    void confirm_start();
    // The kiosk stops on purpose before confirming: this start does not count as a failure.
    void end_start_cleanly();
    // The kiosk could not open the active content: set it aside (rejected.db) and fall back to
    // the previous, else the factory content. False if nothing was installed to set aside.
    bool reject_active(const std::string& reason, std::vector<std::string>* actions);
    // What the last automatic fallback did (Kind::None when nothing happened since the last install).
    RecoveryNotice recovery_notice() const;
    // Copies `package` and `signature` to staging, verifies the copy, swaps it in.
    InstallOutcome install(const std::string& package, const std::string& signature, const CopyProgress& progress = {});
    // Makes the previous content (or the factory content) active again. False with `message` if impossible.
    bool rollback(std::string* message);
    // What is active now and what a rollback would bring back.
    ContentStatus status() const;
    // The content database the kiosk should open now (active.db or the factory content).
    std::string active_content_path() const;
    // Keys from DIR/trusted-keys/ and the system key dirs.
    TrustedKeys trusted_keys() const;

    std::string active_db() const;
    std::string previous_db() const;
    std::string staging_dir() const;

private:
    void step(const char* name) const;
    bool copy_to_staging(const std::string& from, const std::string& to, uint64_t max_bytes,
                         const CopyProgress& progress, std::string* error) const;
    bool check_free_space(uint64_t needed, std::string* error) const;
    bool swap_in(const std::string& staged, std::string* error) const;
    void clean_staging(std::vector<std::string>* actions) const;
    void fall_back_if_broken(std::vector<std::string>* actions) const;
    void finish_interrupted_swap(std::vector<std::string>* actions) const;
    bool set_aside_active(RecoveryNotice::Kind kind, std::vector<std::string>* actions) const;
    std::string content_file(const char* name) const;

    InstallerConfig config_;
};

// Content version stored in `db`, or 0 if it cannot be read.
int64_t read_content_version(const std::string& db);

// Why `dir` cannot be used as a data dir ("is read-only", "permission denied for user X",
// "does not exist"), or empty when it can.
std::string data_dir_problem(const std::string& dir);

// kioskctl run as root on a data dir that belongs to another user (the kiosk's): gives every
// file and folder it may have created back to that owner. Returns one line per change.
std::vector<std::string> keep_data_dir_owner(const std::string& dir);

}  // namespace kiosk::core
