#include "platform/usb_updates.h"

#include "core/file_io.h"

#include <sys/stat.h>

#include <chrono>

namespace kiosk::platform {

using namespace kiosk::core;  // this layer is built on the core layer

namespace {

// The copy is most of an install; verifying and swapping the local copy is the rest.
constexpr float kCopyShare = 0.85f;

bool ends_with(const std::string& text, const char* suffix) {
    const size_t n = std::char_traits<char>::length(suffix);
    return text.size() >= n && text.compare(text.size() - n, n, suffix) == 0;
}

}  // namespace

std::string usb_fingerprint(const UsbPackageScanner& scanner) {
    std::string fingerprint;
    for (const std::string& dir : scanner.find_package_dirs()) {
        for (const std::string& name : fs::list_files(dir, "")) {
            if (name[0] == '.' || !(ends_with(name, ".kpkg") || ends_with(name, ".kpkg.minisig"))) continue;
            const std::string path = fs::join(dir, name);
            struct stat st {};
            if (::stat(path.c_str(), &st) != 0) continue;
            fingerprint += path + '\t' + std::to_string(st.st_size) + '\t' + std::to_string(st.st_mtim.tv_sec) + '.' +
                           std::to_string(st.st_mtim.tv_nsec) + '\n';
        }
    }
    return fingerprint;
}

UsbUpdates::UsbUpdates(InstallerConfig config, std::vector<std::string> mount_globs)
    : config_(std::move(config)), scanner_(std::move(mount_globs)) {}

UsbUpdates::~UsbUpdates() {
    if (worker_.joinable()) worker_.join();
    if (!scan_thread_.joinable()) return;
    // A scan still stuck on a dead stick owns its own state: leave it, never wait for a stick.
    if (scanning()) scan_thread_.detach();
    else scan_thread_.join();
}

void UsbUpdates::run_scan(const std::shared_ptr<ScanJob>& job, const UsbPackageScanner& scanner, const InstallerConfig& config,
                          const std::string& old_fingerprint, bool force, int64_t installed_version) {
    std::string fingerprint = usb_fingerprint(scanner);
    const bool changed = force || fingerprint != old_fingerprint;
    StickScan scan;
    if (changed) {
        const ContentInstaller installer(config);
        PackageVerifier verifier(installer.trusted_keys().keys, installed_version);
        scan = scanner.scan(verifier);
    }
    std::lock_guard<std::mutex> lock(job->mutex);
    job->fingerprint = std::move(fingerprint);
    job->changed = changed;
    job->scan = std::move(scan);
    job->finished = true;
    job->finished_cv.notify_all();
}

bool UsbUpdates::scanning() const {
    if (!scan_job_) return false;
    std::lock_guard<std::mutex> lock(scan_job_->mutex);
    return !scan_job_->finished;
}

void UsbUpdates::wait_for_scan(double timeout_s) {
    if (!scan_job_) return;
    std::unique_lock<std::mutex> lock(scan_job_->mutex);
    scan_job_->finished_cv.wait_for(lock, std::chrono::duration<double>(timeout_s), [&] { return scan_job_->finished; });
}

bool UsbUpdates::poll(double now, int64_t installed_version) {
    if (scan_job_) {
        if (scanning()) return false;
        scan_thread_.join();
        std::shared_ptr<ScanJob> job = std::move(scan_job_);
        // A rescan asked for since this scan started (an install changed what is newer) makes
        // its result stale: drop it and start the rescan at once.
        if (!force_rescan_) {
            if (!job->changed) return false;
            if (job->fingerprint != fingerprint_) files_changed_ = true;
            fingerprint_ = std::move(job->fingerprint);
            scan_ = std::move(job->scan);
            return true;
        }
    }
    if (now < next_poll_ || installing()) return false;
    next_poll_ = now + kPollIntervalS;
    scan_job_ = std::make_shared<ScanJob>();
    scan_thread_ = std::thread(run_scan, scan_job_, scanner_, config_, fingerprint_, force_rescan_, installed_version);
    force_rescan_ = false;
    return false;
}

void UsbUpdates::rescan_next_poll() {
    force_rescan_ = true;
    next_poll_ = 0;
}

bool UsbUpdates::take_new_offer() {
    const bool offer = files_changed_ && scan_.chosen >= 0;
    files_changed_ = false;
    return offer;
}

bool UsbUpdates::start_install(const FoundPackage& package) {
    if (worker_.joinable()) return false;
    progress_ = 0;
    finished_ = false;
    result_ = UpdateResult{};
    worker_ = std::thread(&UsbUpdates::run_install, this, package);
    return true;
}

void UsbUpdates::run_install(const FoundPackage& package) {
    auto report = [this](float progress) {
        progress_ = progress;
        std::lock_guard<std::mutex> lock(mutex_);
        ++change_count_;
        changed_.notify_all();
    };
    ContentInstaller installer(config_);
    UpdateResult result;
    result.package = package.path;
    result.outcome = installer.install(package.path, package.signature_path, [&](uint64_t copied, uint64_t total) {
        report(total == 0 ? kCopyShare : kCopyShare * static_cast<float>(copied) / static_cast<float>(total));
    });
    // Load the new content here too, so the screen never stalls while the model is built.
    if (result.outcome.ok()) result.content = ContentStore::open(installer.active_content_path(), &result.open_error);
    result_ = std::move(result);
    finished_ = true;
    report(1.0f);
}

void UsbUpdates::wait_for_progress(double timeout_s) {
    std::unique_lock<std::mutex> lock(mutex_);
    const unsigned seen = change_count_;
    changed_.wait_for(lock, std::chrono::duration<double>(timeout_s),
                      [&] { return change_count_ != seen || finished_.load(); });
}

bool UsbUpdates::take_result(UpdateResult* out) {
    if (!worker_.joinable() || !finished_) return false;
    worker_.join();
    *out = std::move(result_);
    result_ = UpdateResult{};
    return true;
}

UpdateResult UsbUpdates::rollback() {
    UpdateResult result;
    result.rollback = true;
    ContentInstaller installer(config_);
    std::string message;
    if (!installer.rollback(&message)) {
        result.outcome.failure = InstallFailure::Rejected;
        result.outcome.reason = message;
        return result;
    }
    result.outcome.reason = message;
    result.content = ContentStore::open(installer.active_content_path(), &result.open_error);
    return result;
}

}  // namespace kiosk::platform
