#include "core/content_installer.h"

#include "core/file_io.h"
#include "core/line_reader.h"
#include "core/sqlite_db.h"
#include "core/content_store.h"
#include "core/strict_number.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <dirent.h>
#include <pwd.h>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <climits>
#include <cstdio>
#include <cstring>

namespace kiosk::core {

namespace {

constexpr const char* kStagedPackage = "incoming.kpkg";
constexpr const char* kStagedSignature = "incoming.kpkg.minisig";

bool fail(std::string* error, const std::string& what) {
    *error = what;
    return false;
}

std::string errno_text(const std::string& what) { return what + ": " + std::strerror(errno); }

bool statvfs_free_space(const std::string& dir, uint64_t* free_bytes, std::string* error) {
    struct statvfs st {};
    if (::statvfs(dir.c_str(), &st) != 0) return fail(error, errno_text(dir));
    *free_bytes = static_cast<uint64_t>(st.f_bavail) * st.f_frsize;
    return true;
}

uint64_t inode_of(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_ino) : 0;
}

// content/trial: "INODE STARTS".
bool read_trial(const std::string& path, uint64_t* inode, int* starts) {
    std::string text;
    if (!fs::read_file(path, &text) || text.empty() || text.back() != '\n') return false;
    const std::string_view line(text.data(), text.size() - 1);
    const size_t space = line.find(' ');
    int64_t ino = 0;
    if (space == std::string_view::npos || !parse_integer(line.substr(0, space), int64_t{0}, INT64_MAX, &ino) ||
        !parse_integer(line.substr(space + 1), 0, INT_MAX, starts))
        return false;
    *inode = static_cast<uint64_t>(ino);
    return true;
}

bool write_trial(const std::string& path, uint64_t inode, int starts, std::string* error) {
    return fs::write_file_atomically(path, std::to_string(inode) + " " + std::to_string(starts) + "\n", error);
}

bool write_all(int fd, const char* data, size_t size) {
    while (size > 0) {
        ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

// An exclusive flock() on DIR/install.lock for as long as it lives, so the kiosk and kioskctl
// never change the data dir at the same time (and recovery never removes a live install's files).
// problem() says why it is not held: another install, or a data dir that cannot be used.
class DataDirLock {
public:
    explicit DataDirLock(const std::string& data_dir) {
        if (!fs::make_dirs(data_dir, nullptr)) {
            problem_ = "the data dir " + data_dir + " " + data_dir_problem(data_dir);
            return;
        }
        fd_ = ::open(fs::join(data_dir, "install.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ < 0) {
            const std::string why = data_dir_problem(data_dir);
            problem_ = "the data dir " + data_dir + " " +
                       (why.empty() ? "cannot be used: install.lock: " + std::string(std::strerror(errno)) : why);
            return;
        }
        if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            busy_ = errno == EWOULDBLOCK;
            problem_ = busy_ ? "another install is running in " + data_dir
                             : "cannot lock " + data_dir + "/install.lock: " + std::strerror(errno);
            ::close(fd_);
            fd_ = -1;
        }
    }
    ~DataDirLock() {
        if (fd_ >= 0) ::close(fd_);
    }
    DataDirLock(const DataDirLock&) = delete;
    DataDirLock& operator=(const DataDirLock&) = delete;
    bool held() const { return fd_ >= 0; }
    bool busy() const { return busy_; }  // another process holds the lock
    const std::string& problem() const { return problem_; }

private:
    int fd_ = -1;
    bool busy_ = false;
    std::string problem_;
};

std::string user_name(uid_t uid) {
    const passwd* entry = ::getpwuid(uid);
    return entry ? entry->pw_name : "uid " + std::to_string(uid);
}

}  // namespace

std::string data_dir_problem(const std::string& dir) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0)
        return errno == ENOENT ? "does not exist and cannot be created (" + std::string(std::strerror(errno)) + ")"
                               : "cannot be reached: " + std::string(std::strerror(errno));
    if (!S_ISDIR(st.st_mode)) return "is not a folder";
    if (::access(dir.c_str(), W_OK) == 0) return {};
    if (errno == EROFS) return "is on a read-only file system";
    if (errno == EACCES)
        return "is not writable for user " + user_name(::geteuid()) + " (it belongs to " + user_name(st.st_uid) +
               "); run the command as that user, e.g. sudo -u " + user_name(st.st_uid) + " kioskctl ...";
    return "cannot be written: " + std::string(std::strerror(errno));
}

std::vector<std::string> keep_data_dir_owner(const std::string& dir) {
    std::vector<std::string> changes;
    struct stat top {};
    if (::geteuid() != 0 || ::stat(dir.c_str(), &top) != 0 || top.st_uid == 0) return changes;
    // What kioskctl creates: files at the top (state.db, install.lock) and in content/, staging/, trusted-keys/.
    std::vector<std::string> paths;
    for (const char* sub : {"", "content", "staging", "trusted-keys"}) {
        const std::string folder = *sub ? fs::join(dir, sub) : dir;
        if (*sub) paths.push_back(folder);
        DIR* handle = ::opendir(folder.c_str());
        if (!handle) continue;
        while (dirent* entry = ::readdir(handle)) {
            const std::string name = entry->d_name;
            if (name != "." && name != ".." && !(!*sub && (name == "content" || name == "staging" || name == "trusted-keys")))
                paths.push_back(fs::join(folder, name));
        }
        ::closedir(handle);
    }
    for (const std::string& path : paths) {
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0 || (st.st_uid == top.st_uid && st.st_gid == top.st_gid)) continue;
        if (::lchown(path.c_str(), top.st_uid, top.st_gid) == 0)
            changes.push_back("gave " + path + " to " + user_name(top.st_uid) + ", who owns the data dir");
        else changes.push_back("could not give " + path + " to " + user_name(top.st_uid) + ": " + std::strerror(errno));
    }
    return changes;
}

int64_t read_content_version(const std::string& db_path) {
    SqliteDb db;
    ContentInfo info;
    std::string error;
    if (!fs::exists(db_path) || !db.open_untrusted(db_path, kContentLoadSeconds, &error) ||
        !read_content_info(db, &info, &error))
        return 0;
    return info.content_version;
}

ContentInstaller::ContentInstaller(InstallerConfig config) : config_(std::move(config)) {
    if (!config_.free_space) config_.free_space = statvfs_free_space;
    if (config_.copy_chunk_bytes == 0) config_.copy_chunk_bytes = 1 << 20;
}

std::string ContentInstaller::active_db() const { return fs::join(config_.data_dir, "content/active.db"); }
std::string ContentInstaller::previous_db() const { return fs::join(config_.data_dir, "content/previous.db"); }
std::string ContentInstaller::staging_dir() const { return fs::join(config_.data_dir, "staging"); }
std::string ContentInstaller::content_file(const char* name) const {
    return fs::join(fs::join(config_.data_dir, "content"), name);
}

void ContentInstaller::step(const char* name) const {
    if (config_.before_step) config_.before_step(name);
}

TrustedKeys ContentInstaller::trusted_keys() const {
    std::vector<std::string> dirs = config_.system_key_dirs;
    dirs.push_back(fs::join(config_.data_dir, "trusted-keys"));
    return load_trusted_keys(dirs);
}

std::string ContentInstaller::active_content_path() const {
    if (fs::exists(active_db())) return active_db();
    return fs::exists(config_.factory_db) ? config_.factory_db : std::string();
}

ContentStatus ContentInstaller::status() const {
    ContentStatus status;
    status.path = active_content_path();
    status.is_factory = !status.path.empty() && status.path != active_db();
    if (status.path.empty()) {
        status.problem = "no content installed in " + config_.data_dir + " and no factory content at " + config_.factory_db;
        return status;
    }
    status.version = read_content_version(status.path);
    uint64_t inode = 0;
    int starts = 0;
    status.on_trial =
        !status.is_factory && read_trial(content_file("trial"), &inode, &starts) && inode == inode_of(active_db());
    if (fs::exists(previous_db())) {
        status.has_previous = true;
        status.previous_version = read_content_version(previous_db());
    } else if (!status.is_factory && fs::exists(config_.factory_db)) {
        status.has_previous = true;
        status.previous_is_factory = true;
        status.previous_version = read_content_version(config_.factory_db);
    }
    return status;
}

// ----------------------------------------------------------------------------------- recovery

void ContentInstaller::clean_staging(std::vector<std::string>* actions) const {
    for (const std::string& name : fs::list_files(staging_dir(), "")) {
        step("remove staged file");
        if (::unlink(fs::join(staging_dir(), name).c_str()) == 0)
            actions->push_back("removed " + fs::join(staging_dir(), name) + " left by an interrupted install");
    }
    std::string error;
    if (!actions->empty() && fs::is_directory(staging_dir())) fs::sync_path(staging_dir(), &error);
}

// An install interrupted around its commit rename left previous.db.tmp (a link to the content
// it replaced) or previous.db.old (the previous content while the factory content was active).
// If active.db is still that content, the install never committed: undo. Otherwise it did:
// finish, so previous.db becomes what it replaced. Either way rollback brings back the same
// content as before the install, or the content the install replaced.
void ContentInstaller::finish_interrupted_swap(std::vector<std::string>* actions) const {
    std::string error;
    const std::string link = previous_db() + ".tmp", old = previous_db() + ".old";
    const std::string trial = content_file("trial");
    if (fs::exists(link)) {
        const bool committed = inode_of(link) != inode_of(active_db());
        step(committed ? "finish keeping previous" : "remove temporary link");
        if (committed ? fs::rename_durably(link, previous_db(), &error) : ::unlink(link.c_str()) == 0)
            actions->push_back(committed ? "kept the content replaced by an interrupted install as previous.db"
                                         : "removed " + link + " left by an interrupted install");
    }
    if (fs::exists(old)) {
        const bool committed = fs::exists(active_db());
        step(committed ? "forget old previous" : "restore old previous");
        if (committed ? ::unlink(old.c_str()) == 0 : fs::rename_durably(old, previous_db(), &error))
            actions->push_back(committed ? "removed " + old : "restored " + previous_db() + " after an interrupted install");
    }
    uint64_t inode = 0;
    int starts = 0;
    if (fs::exists(trial) && (!read_trial(trial, &inode, &starts) || inode != inode_of(active_db()))) {
        step("remove stale trial");
        ::unlink(trial.c_str());  // it was written for content that never became active
    }
    fs::sync_path(fs::dirname(active_db()), &error);
}

// Moves active.db to rejected.db and brings back the previous content (else the factory content).
bool ContentInstaller::set_aside_active(RecoveryNotice::Kind kind, std::vector<std::string>* actions) const {
    std::string error, content_dir = fs::dirname(active_db());
    const int64_t from = read_content_version(active_db());
    step("set aside broken content");
    if (!fs::rename_durably(active_db(), content_file("rejected.db"), &error)) {
        actions->push_back("could not set the broken content aside: " + error);
        return false;
    }
    ::unlink(content_file("trial").c_str());
    actions->push_back("moved it to " + content_file("rejected.db"));
    bool restored = false;
    if (fs::exists(previous_db())) {
        if (!check_database_integrity(previous_db(), true, &error)) {
            actions->push_back(previous_db() + ": " + error);
        } else {
            step("promote previous content");
            restored = fs::rename_durably(previous_db(), active_db(), &error);
            if (!restored) actions->push_back("could not restore the previous content: " + error);
        }
    }
    const int64_t to = read_content_version(restored ? active_db() : config_.factory_db);
    actions->push_back(restored ? "the previous content (version " + std::to_string(to) + ") is active again"
                                : "the factory content (version " + std::to_string(to) + ") is active again");
    if (restored && kind == RecoveryNotice::Kind::FailedStarts)  // it must prove itself again
        write_trial(content_file("trial"), inode_of(active_db()), 0, &error);
    const char* name = kind == RecoveryNotice::Kind::FailedStarts ? "failed_starts" : "unreadable";
    fs::write_file_atomically(
        content_file("recovery.txt"),
        std::string(name) + " " + std::to_string(from) + " " + std::to_string(to) + (restored ? "" : " factory") + "\n",
        &error);
    return true;
}

void ContentInstaller::fall_back_if_broken(std::vector<std::string>* actions) const {
    std::string error;
    if (!fs::exists(active_db()) || check_database_integrity(active_db(), true, &error)) return;
    actions->push_back(active_db() + ": " + error);
    set_aside_active(RecoveryNotice::Kind::Unreadable, actions);
}

std::vector<std::string> ContentInstaller::recover() {
    std::vector<std::string> actions;
    DataDirLock lock(config_.data_dir);
    if (!lock.held()) {
        // Another process is installing (its files are not leftovers), or the data dir is unusable.
        if (!lock.busy()) actions.push_back(lock.problem());
        return actions;
    }
    clean_staging(&actions);
    finish_interrupted_swap(&actions);
    fall_back_if_broken(&actions);
    return actions;
}

std::vector<std::string> ContentInstaller::begin_start() {
    std::vector<std::string> actions;
    DataDirLock lock(config_.data_dir);
    uint64_t inode = 0;
    int starts = 0;
    std::string error;
    if (!lock.held() || !read_trial(content_file("trial"), &inode, &starts) || inode != inode_of(active_db()))
        return actions;
    if (starts + 1 >= kMaxTrialStarts) {
        actions.push_back("content version " + std::to_string(read_content_version(active_db())) + " was installed " +
                          "recently and the kiosk failed to run " + std::to_string(static_cast<int>(kTrialSeconds)) +
                          " s on it " + std::to_string(starts) + " times in a row: rolled back");
        set_aside_active(RecoveryNotice::Kind::FailedStarts, &actions);
        return actions;
    }
    step("count start");
    if (!write_trial(content_file("trial"), inode, starts + 1, &error))
        actions.push_back("could not count this start on new content: " + error);
    return actions;
}

void ContentInstaller::confirm_start() {
    DataDirLock lock(config_.data_dir);
    std::string error;
    if (lock.held() && fs::exists(content_file("trial")) && ::unlink(content_file("trial").c_str()) == 0)
        fs::sync_path(fs::dirname(active_db()), &error);
}

void ContentInstaller::end_start_cleanly() {
    DataDirLock lock(config_.data_dir);
    uint64_t inode = 0;
    int starts = 0;
    std::string error;
    if (lock.held() && read_trial(content_file("trial"), &inode, &starts) && inode == inode_of(active_db()) && starts > 0)
        write_trial(content_file("trial"), inode, starts - 1, &error);
}

bool ContentInstaller::reject_active(const std::string& reason, std::vector<std::string>* actions) {
    DataDirLock lock(config_.data_dir);
    if (!lock.held() || !fs::exists(active_db())) return false;
    actions->push_back(active_db() + " cannot be opened (" + reason + ")");
    return set_aside_active(RecoveryNotice::Kind::Unreadable, actions);
}

RecoveryNotice ContentInstaller::recovery_notice() const {
    RecoveryNotice notice;
    std::string text;
    if (!fs::read_file(content_file("recovery.txt"), &text)) return notice;
    // "KIND FROM TO [factory]", as record_recovery() writes it; anything else is no notice.
    const std::vector<std::string_view> fields = split_fields(std::string_view(text).substr(0, text.find('\n')));
    int64_t from = 0, to = 0;
    if (fields.size() < 3 || fields.size() > 4 || (fields[0] != "failed_starts" && fields[0] != "unreadable") ||
        !parse_integer(fields[1], int64_t{0}, INT64_MAX, &from) ||
        !parse_integer(fields[2], int64_t{0}, INT64_MAX, &to) || (fields.size() == 4 && fields[3] != "factory"))
        return notice;
    notice.kind = fields[0] == "failed_starts" ? RecoveryNotice::Kind::FailedStarts : RecoveryNotice::Kind::Unreadable;
    notice.from_version = from;
    notice.to_version = to;
    notice.to_factory = fields.size() == 4;
    return notice;
}

// ------------------------------------------------------------------------------------ install

bool ContentInstaller::check_free_space(uint64_t needed, std::string* error) const {
    uint64_t free_bytes = 0;
    if (!config_.free_space(config_.data_dir, &free_bytes, error)) return false;
    if (free_bytes >= needed + kFreeSpaceMargin) return true;
    return fail(error, "not enough free space in " + config_.data_dir + ": the package needs " +
                           std::to_string((needed + kFreeSpaceMargin) >> 10) + " KiB, " +
                           std::to_string(free_bytes >> 10) + " KiB are free");
}

bool ContentInstaller::copy_to_staging(const std::string& from, const std::string& to, uint64_t max_bytes,
                                       const CopyProgress& progress, std::string* error) const {
    uint64_t total = 0;
    std::string why;
    int in = open_stick_file(from, max_bytes, &total, &why);
    if (in < 0) return fail(error, from + " " + why);
    step("create staged file");
    int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0) {
        ::close(in);
        return fail(error, errno_text(to));
    }
    std::vector<char> buffer(config_.copy_chunk_bytes);
    uint64_t copied = 0;
    bool ok = true;
    while (ok && copied < total) {
        step("copy chunk");
        ssize_t n = ::read(in, buffer.data(), static_cast<size_t>(std::min<uint64_t>(buffer.size(), total - copied)));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) ok = fail(error, errno_text("reading " + from + " failed (was the stick removed?)"));
        if (n <= 0) break;
        if (!write_all(out, buffer.data(), static_cast<size_t>(n))) ok = fail(error, errno_text("writing " + to));
        copied += static_cast<uint64_t>(n);
        if (ok && progress) progress(copied, total);
    }
    if (ok && copied != total)
        ok = fail(error, from + ": read " + std::to_string(copied) + " of " + std::to_string(total) +
                             " bytes (was the stick removed?)");
    step("fsync staged file");
    if (ok && ::fsync(out) != 0) ok = fail(error, errno_text("fsync " + to));
    ::close(in);
    ::close(out);
    return ok;
}

bool ContentInstaller::swap_in(const std::string& staged, std::string* error) const {
    const std::string content_dir = fs::dirname(active_db()), link = previous_db() + ".tmp";
    const std::string old = previous_db() + ".old";
    if (!fs::make_dirs(content_dir, error)) return false;
    const bool replacing = fs::exists(active_db());
    if (replacing) {
        // The content being replaced, kept as previous.db only once the new one is in place.
        step("link previous");
        ::unlink(link.c_str());
        if (::link(active_db().c_str(), link.c_str()) != 0) return fail(error, errno_text("link " + link));
    } else if (fs::exists(previous_db())) {
        // The factory content is active: it is what a rollback returns to after this install.
        step("set aside previous");
        if (!fs::rename_durably(previous_db(), old, error)) return false;
    }
    step("mark new content on trial");
    if (!write_trial(content_file("trial"), inode_of(staged), 0, error)) return false;
    step("rename package into place");
    if (!fs::rename_durably(staged, active_db(), error)) return false;
    ::unlink(content_file("recovery.txt").c_str());  // the panel's notice was about the content replaced now
    if (replacing) {
        step("rename previous");
        if (!fs::rename_durably(link, previous_db(), error)) return false;
    } else if (fs::exists(old)) {
        step("forget previous");
        if (::unlink(old.c_str()) != 0) return fail(error, errno_text("unlink " + old));
        step("fsync content dir");
        if (!fs::sync_path(content_dir, error)) return false;
    }
    step("fsync staging dir");
    return fs::sync_path(staging_dir(), error);
}

InstallOutcome ContentInstaller::install(const std::string& package, const std::string& signature,
                                         const CopyProgress& progress) {
    InstallOutcome outcome;
    std::vector<std::string> ignored;
    // Every refusal: staging emptied, the reason for the organizer, nothing else changed.
    auto refuse = [&](InstallFailure failure, const std::string& reason) {
        clean_staging(&ignored);
        outcome.failure = failure;
        outcome.reason = reason;
        return outcome;
    };
    DataDirLock lock(config_.data_dir);
    if (!lock.held()) {
        outcome.failure = lock.busy() ? InstallFailure::Busy : InstallFailure::DataDir;
        outcome.reason = lock.problem();
        return outcome;
    }
    clean_staging(&ignored);
    finish_interrupted_swap(&ignored);

    uint64_t package_size = 0;
    std::string error;
    const int fd = open_stick_file(package, kMaxPackageBytes, &package_size, &error);
    if (fd < 0) return refuse(InstallFailure::CopyFailed, package + " " + error);
    ::close(fd);
    const std::string staged = fs::join(staging_dir(), kStagedPackage);
    const std::string staged_signature = fs::join(staging_dir(), kStagedSignature);
    if (!fs::make_dirs(staging_dir(), &error) || !check_free_space(package_size + kMaxSignatureBytes, &error))
        return refuse(InstallFailure::NoSpace, error);
    // The signature first: it is small, and a missing or bad one is the verifier's to report.
    std::string signature_error;
    if (fs::exists(signature) && !copy_to_staging(signature, staged_signature, kMaxSignatureBytes, {}, &signature_error))
        ::unlink(staged_signature.c_str());
    PackageVerifier verifier(trusted_keys().keys, read_content_version(active_content_path()));
    // The cheap checks (signature format, trusted key, signed manifest, size) before a byte of
    // the package is copied: a stranger's or forged package never costs a copy.
    outcome.check = verifier.verify(package, staged_signature, PackageVerifier::Depth::Manifest, package);
    if (!outcome.check.ok()) return refuse(InstallFailure::Rejected, outcome.check.reason);
    if (!copy_to_staging(package, staged, kMaxPackageBytes, progress, &error))
        return refuse(InstallFailure::CopyFailed, error);

    outcome.check = verifier.verify(staged, staged_signature, PackageVerifier::Depth::Full, package);
    if (!outcome.check.ok()) return refuse(InstallFailure::Rejected, outcome.check.reason);
    if (!swap_in(staged, &error)) {
        finish_interrupted_swap(&ignored);
        return refuse(InstallFailure::SwapFailed, error);
    }
    clean_staging(&ignored);
    return outcome;
}

// ----------------------------------------------------------------------------------- rollback

bool ContentInstaller::rollback(std::string* message) {
    DataDirLock lock(config_.data_dir);
    if (!lock.held()) return fail(message, lock.problem());
    std::string error;
    std::vector<std::string> ignored;
    finish_interrupted_swap(&ignored);
    if (fs::exists(previous_db())) {
        if (!check_database_integrity(previous_db(), true, &error))
            return fail(message, "cannot roll back: " + previous_db() + ": " + error);
        int64_t version = read_content_version(previous_db());
        step("rename previous over active");
        if (!fs::rename_durably(previous_db(), active_db(), &error)) return fail(message, error);
        ::unlink(content_file("trial").c_str());  // it was the active content before: known good
        ::unlink(content_file("recovery.txt").c_str());
        *message = "rolled back to content version " + std::to_string(version);
        return true;
    }
    if (fs::exists(active_db()) && fs::exists(config_.factory_db)) {
        step("remove active");
        if (::unlink(active_db().c_str()) != 0) return fail(message, errno_text("unlink " + active_db()));
        step("fsync content dir");
        if (!fs::sync_path(fs::dirname(active_db()), &error)) return fail(message, error);
        ::unlink(content_file("trial").c_str());
        ::unlink(content_file("recovery.txt").c_str());
        *message = "rolled back to the factory content (version " +
                   std::to_string(read_content_version(config_.factory_db)) + ")";
        return true;
    }
    return fail(message, "nothing to roll back to: no previous content is kept in " + config_.data_dir);
}

}  // namespace kiosk::core
