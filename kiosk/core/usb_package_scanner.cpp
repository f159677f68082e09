#include "core/usb_package_scanner.h"

#include "core/file_io.h"

#include <glob.h>
#include <sys/stat.h>

#include <algorithm>
#include <set>

namespace kiosk::core {

namespace {

constexpr const char* kPackageFolder = "sco-kiosk";
constexpr const char* kPackageSuffix = ".kpkg";

// Names starting with '.' are hidden files and the AppleDouble `._NAME` junk macOS leaves on FAT sticks.
bool is_junk(const std::string& name) { return name.empty() || name[0] == '.'; }

FoundPackage check_package(const std::string& path, const PackageVerifier& verifier) {
    FoundPackage found;
    found.path = path;
    found.signature_path = path + ".minisig";
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {  // a link is refused by the verifier; never follow it here
        found.size_bytes = static_cast<uint64_t>(st.st_size);
        found.modified_at = static_cast<int64_t>(st.st_mtime);
    }
    found.check = verifier.verify(path, found.signature_path, PackageVerifier::Depth::SignatureAndMeta);
    return found;
}

// The highest valid version; -1 with the problem set if there is none or two different ones tie.
int choose_package(const std::vector<FoundPackage>& packages, ScanProblem* kind, std::string* problem) {
    int best = -1;
    for (size_t i = 0; i < packages.size(); ++i) {
        if (!packages[i].check.ok()) continue;
        if (best < 0 || packages[i].check.info.content_version > packages[best].check.info.content_version)
            best = static_cast<int>(i);
    }
    if (best < 0) {
        if (!packages.empty()) {
            *kind = ScanProblem::NoneValid;
            *problem = "no valid package newer than the installed content was found";
        }
        return -1;
    }
    for (size_t i = 0; i < packages.size(); ++i) {
        const FoundPackage& other = packages[i];
        if (static_cast<int>(i) == best || !other.check.ok() ||
            other.check.info.content_version != packages[best].check.info.content_version)
            continue;
        if (other.check.hash != packages[best].check.hash) {  // both verified, so both hashed
            *kind = ScanProblem::Ambiguous;
            *problem = "two different packages claim content version " + std::to_string(other.check.info.content_version) +
                       ": " + packages[best].path + " and " + other.path + "; remove one of them";
            return -1;
        }
    }
    return best;
}

}  // namespace

std::vector<std::string> default_usb_mount_globs() { return {"/media/*", "/media/*/*", "/run/media/*/*", "/mnt/*"}; }

UsbPackageScanner::UsbPackageScanner(std::vector<std::string> mount_globs) : mount_globs_(std::move(mount_globs)) {}

std::vector<std::string> UsbPackageScanner::find_package_dirs() const {
    std::set<std::string> dirs;
    for (const std::string& pattern : mount_globs_) {
        glob_t matches{};
        if (::glob(fs::join(pattern, kPackageFolder).c_str(), GLOB_ONLYDIR | GLOB_NOSORT, nullptr, &matches) == 0)
            for (size_t i = 0; i < matches.gl_pathc; ++i)
                if (fs::is_directory(matches.gl_pathv[i])) dirs.insert(matches.gl_pathv[i]);
        ::globfree(&matches);
    }
    return {dirs.begin(), dirs.end()};
}

std::vector<std::string> UsbPackageScanner::find_sticks() const {
    std::set<std::string> sticks;
    for (const std::string& pattern : mount_globs_) {
        glob_t matches{};
        if (::glob(pattern.c_str(), GLOB_ONLYDIR | GLOB_NOSORT, nullptr, &matches) == 0) {
            for (size_t i = 0; i < matches.gl_pathc; ++i) {
                const std::string dir = matches.gl_pathv[i];
                struct stat self {
                }, parent{};
                if (::stat(dir.c_str(), &self) != 0 || !S_ISDIR(self.st_mode)) continue;
                const bool mount_point = ::stat(fs::dirname(dir).c_str(), &parent) == 0 && parent.st_dev != self.st_dev;
                if (mount_point || fs::is_directory(fs::join(dir, kPackageFolder))) sticks.insert(dir);
            }
        }
        ::globfree(&matches);
    }
    return {sticks.begin(), sticks.end()};
}

StickScan UsbPackageScanner::scan(const PackageVerifier& verifier) const {
    return scan_package_dirs(find_package_dirs(), verifier);
}

StickScan scan_package_dirs(const std::vector<std::string>& dirs, const PackageVerifier& verifier) {
    StickScan scan;
    std::vector<std::string> paths;
    for (const std::string& dir : dirs)
        for (const std::string& name : fs::list_files(dir, kPackageSuffix))
            if (!is_junk(name)) paths.push_back(fs::join(dir, name));
    std::sort(paths.begin(), paths.end());
    if (paths.size() > kMaxPackagesPerScan) {
        scan.skipped = paths.size() - kMaxPackagesPerScan;
        paths.resize(kMaxPackagesPerScan);
    }
    for (const std::string& path : paths) scan.packages.push_back(check_package(path, verifier));
    scan.chosen = choose_package(scan.packages, &scan.problem_kind, &scan.problem);
    if (scan.skipped > 0 && scan.problem_kind == ScanProblem::None) {
        scan.problem_kind = ScanProblem::Skipped;
        scan.problem = std::to_string(scan.skipped) + " more packages were not checked: at most " +
                       std::to_string(kMaxPackagesPerScan) + " are; remove the ones you do not need";
    }
    return scan;
}

}  // namespace kiosk::core
