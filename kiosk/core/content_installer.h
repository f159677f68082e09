// Installs signed content packages into a kiosk's data dir so that a power cut, a pulled
// stick or a bad file at any moment leaves exactly the old content or exactly the new.
// The kiosk and `kioskctl install/rollback/status` run this same code.
//
// Data-dir layout (docs/organizer-guide.md shows it to organizers):
//   DIR/content/active.db         the installed content; absent = the factory content is active
//   DIR/content/previous.db       the content active before the last install (one-step rollback);
//                                 absent while active.db exists = rollback returns to factory
//   DIR/content/rejected.db       the last active content that failed quick_check, kept for diagnosis
//   DIR/content/previous.db.tmp   transient: hard link made while keeping the previous content
//   DIR/staging/incoming.kpkg     the local copy being verified (+ incoming.kpkg.minisig)
//   DIR/trusted-keys/*.pub        organizer keys this kiosk trusts (plus the system key dirs)
//   DIR/install.lock              flock()ed while anything changes the data dir
//
// Install: copy package and signature to staging (fsync), verify the local copy, hard-link
// active.db to previous.db (via .tmp + rename), rename staging/incoming.kpkg over active.db,
// fsync the directories. Each step is atomic, and active.db is always a complete database.
#pragma once

#include "core/package_verifier.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace kiosk {

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
// Largest signature file accepted (minisign's own are under 10 KiB).
constexpr uint64_t kMaxSignatureBytes = 64 << 10;

// Bytes copied so far and the package size: for a progress bar.
using CopyProgress = std::function<void(uint64_t copied, uint64_t total)>;

enum class InstallFailure { None, Busy, NoSpace, CopyFailed, Rejected, SwapFailed };

struct InstallOutcome {
    InstallFailure failure = InstallFailure::None;
    std::string reason;   // one line for the organizer and the log
    PackageCheck check;   // the verifier's verdict on the staged copy
    bool ok() const { return failure == InstallFailure::None; }
};

struct ContentStatus {
    std::string path;               // the active content database; empty if there is none
    bool is_factory = false;        // the factory content is active
    int64_t version = 0;            // content version of `path`; 0 if unreadable
    bool has_previous = false;      // a rollback is possible
    bool previous_is_factory = false;
    int64_t previous_version = 0;
    std::string problem;            // why there is no usable content, if so
};

class ContentInstaller {
public:
    explicit ContentInstaller(InstallerConfig config);

    // Removes what an interrupted install left (staging, temporary links) and makes sure the
    // active content passes quick_check, falling back to previous, then factory content.
    // Returns one log line per action taken. Call at kiosk start and before every command.
    std::vector<std::string> recover();
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

    InstallerConfig config_;
};

// Content version stored in `db`, or 0 if it cannot be read.
int64_t read_content_version(const std::string& db);

}  // namespace kiosk
