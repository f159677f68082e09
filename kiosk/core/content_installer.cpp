#include "core/content_installer.h"

#include "core/file_io.h"
#include "core/sqlite_db.h"
#include "core/content_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kiosk {

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

bool file_size(const std::string& path, uint64_t* size) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    *size = static_cast<uint64_t>(st.st_size);
    return true;
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
class DataDirLock {
public:
    explicit DataDirLock(const std::string& data_dir) {
        std::string error;
        if (!fs::make_dirs(data_dir, &error)) return;
        fd_ = ::open(fs::join(data_dir, "install.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
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

private:
    int fd_ = -1;
};

}  // namespace

int64_t read_content_version(const std::string& db_path) {
    SqliteDb db;
    ContentInfo info;
    std::string error;
    if (!fs::exists(db_path) || !db.open(db_path, SqliteDb::Mode::ReadOnly, &error) ||
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
    std::string leftover_link = previous_db() + ".tmp";
    if (fs::exists(leftover_link)) {
        step("remove temporary link");
        if (::unlink(leftover_link.c_str()) == 0) actions->push_back("removed " + leftover_link);
    }
    std::string error;
    if (!actions->empty()) {
        if (fs::is_directory(staging_dir())) fs::sync_path(staging_dir(), &error);
        fs::sync_path(fs::dirname(active_db()), &error);
    }
}

void ContentInstaller::fall_back_if_broken(std::vector<std::string>* actions) const {
    std::string error, content_dir = fs::dirname(active_db());
    if (!fs::exists(active_db()) || check_database_integrity(active_db(), true, &error)) return;
    actions->push_back(active_db() + ": " + error);
    step("set aside broken content");
    if (!fs::rename_durably(active_db(), fs::join(content_dir, "rejected.db"), &error)) {
        actions->push_back("could not set the broken content aside: " + error);
        return;
    }
    actions->push_back("moved the broken content to " + fs::join(content_dir, "rejected.db"));
    if (!fs::exists(previous_db())) {
        actions->push_back("the factory content is active again");
        return;
    }
    if (!check_database_integrity(previous_db(), true, &error)) {
        actions->push_back(previous_db() + ": " + error + "; the factory content is active again");
        return;
    }
    step("promote previous content");
    if (fs::rename_durably(previous_db(), active_db(), &error))
        actions->push_back("the previous content (version " + std::to_string(read_content_version(active_db())) +
                           ") is active again");
    else
        actions->push_back("could not restore the previous content: " + error);
}

std::vector<std::string> ContentInstaller::recover() {
    std::vector<std::string> actions;
    DataDirLock lock(config_.data_dir);
    if (!lock.held()) return actions;  // another process is installing; its files are not leftovers
    clean_staging(&actions);
    fall_back_if_broken(&actions);
    return actions;
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
    int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) return fail(error, errno_text(from));
    struct stat st {};
    ::fstat(in, &st);
    const uint64_t total = static_cast<uint64_t>(st.st_size);
    if (total > max_bytes) {
        ::close(in);
        return fail(error, from + ": too large (" + std::to_string(total) + " bytes)");
    }
    step("create staged file");
    int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0) {
        ::close(in);
        return fail(error, errno_text(to));
    }
    std::vector<char> buffer(config_.copy_chunk_bytes);
    uint64_t copied = 0;
    bool ok = true;
    while (ok) {
        step("copy chunk");
        ssize_t n = ::read(in, buffer.data(), buffer.size());
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
    if (!fs::make_dirs(content_dir, error)) return false;
    if (fs::exists(active_db())) {
        // Keep the current content as previous.db without ever leaving active.db absent.
        step("link previous");
        ::unlink(link.c_str());
        if (::link(active_db().c_str(), link.c_str()) != 0) return fail(error, errno_text("link " + link));
        step("rename previous");
        if (!fs::rename_durably(link, previous_db(), error)) return false;
    } else if (fs::exists(previous_db())) {
        step("forget previous");  // the factory content is active: it is what a rollback returns to
        if (::unlink(previous_db().c_str()) != 0) return fail(error, errno_text("unlink " + previous_db()));
        step("fsync content dir");
        if (!fs::sync_path(content_dir, error)) return false;
    }
    step("rename package into place");
    if (!fs::rename_durably(staged, active_db(), error)) return false;
    step("fsync staging dir");
    return fs::sync_path(staging_dir(), error);
}

InstallOutcome ContentInstaller::install(const std::string& package, const std::string& signature,
                                         const CopyProgress& progress) {
    InstallOutcome outcome;
    DataDirLock lock(config_.data_dir);
    if (!lock.held()) {
        outcome.failure = InstallFailure::Busy;
        outcome.reason = "another install is running in " + config_.data_dir;
        return outcome;
    }
    std::vector<std::string> ignored;
    clean_staging(&ignored);

    uint64_t package_size = 0;
    std::string error;
    if (!file_size(package, &package_size)) {
        outcome.failure = InstallFailure::CopyFailed;
        outcome.reason = errno_text(package);
        return outcome;
    }
    const std::string staged = fs::join(staging_dir(), kStagedPackage);
    const std::string staged_signature = fs::join(staging_dir(), kStagedSignature);
    if (!fs::make_dirs(staging_dir(), &error) || !check_free_space(package_size + kMaxSignatureBytes, &error)) {
        outcome.failure = InstallFailure::NoSpace;
        outcome.reason = error;
        return outcome;
    }
    bool copied = copy_to_staging(package, staged, UINT64_MAX, progress, &error);
    // A missing or oversized signature is the verifier's to report, from the staged copy.
    if (copied && fs::exists(signature)) {
        std::string signature_error;
        if (!copy_to_staging(signature, staged_signature, kMaxSignatureBytes, {}, &signature_error))
            ::unlink(staged_signature.c_str());
    }
    if (!copied) {
        clean_staging(&ignored);
        outcome.failure = InstallFailure::CopyFailed;
        outcome.reason = error;
        return outcome;
    }

    PackageVerifier verifier(trusted_keys().keys, read_content_version(active_content_path()));
    outcome.check = verifier.verify(staged, staged_signature, PackageVerifier::Depth::Full, package);
    if (!outcome.check.ok()) {
        clean_staging(&ignored);
        outcome.failure = InstallFailure::Rejected;
        outcome.reason = outcome.check.reason;
        return outcome;
    }
    if (!swap_in(staged, &error)) {
        clean_staging(&ignored);
        outcome.failure = InstallFailure::SwapFailed;
        outcome.reason = error;
        return outcome;
    }
    clean_staging(&ignored);
    return outcome;
}

// ----------------------------------------------------------------------------------- rollback

bool ContentInstaller::rollback(std::string* message) {
    DataDirLock lock(config_.data_dir);
    if (!lock.held()) return fail(message, "another install is running in " + config_.data_dir);
    std::string error;
    if (fs::exists(previous_db())) {
        if (!check_database_integrity(previous_db(), true, &error))
            return fail(message, "cannot roll back: " + previous_db() + ": " + error);
        int64_t version = read_content_version(previous_db());
        step("rename previous over active");
        if (!fs::rename_durably(previous_db(), active_db(), &error)) return fail(message, error);
        *message = "rolled back to content version " + std::to_string(version);
        return true;
    }
    if (fs::exists(active_db()) && fs::exists(config_.factory_db)) {
        step("remove active");
        if (::unlink(active_db().c_str()) != 0) return fail(message, errno_text("unlink " + active_db()));
        step("fsync content dir");
        if (!fs::sync_path(fs::dirname(active_db()), &error)) return fail(message, error);
        *message = "rolled back to the factory content (version " +
                   std::to_string(read_content_version(config_.factory_db)) + ")";
        return true;
    }
    return fail(message, "nothing to roll back to: no previous content is kept in " + config_.data_dir);
}

}  // namespace kiosk
