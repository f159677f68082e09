// Finds content packages on USB sticks: `sco-kiosk/*.kpkg` (each with `*.kpkg.minisig`) at
// the root of any mount point matching a list of globs. The kiosk polls this on a worker
// thread; it reads the stick but never installs from it (ContentInstaller copies to staging
// first) and never opens a package with SQLite: what it lists comes from the signed manifest.
#pragma once

#include "core/package_verifier.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core {

// At most this many packages (the first by path) are checked per scan; the rest are counted.
constexpr size_t kMaxPackagesPerScan = 50;

// Where desktop automounters, udisks and deploy/'s systemd automount put sticks.
std::vector<std::string> default_usb_mount_globs();

struct FoundPackage {
    std::string path;            // .../sco-kiosk/NAME.kpkg
    std::string signature_path;  // path + ".minisig" (may be missing)
    uint64_t size_bytes = 0;
    int64_t modified_at = 0;  // file time, seconds since 1970: the "date" when the package is unsigned
    PackageCheck check;       // signature, key, product id and version (PackageVerifier::Depth::SignatureAndMeta)
};

// Why a scan offers nothing (or not everything was looked at), for the organizer panel.
enum class ScanProblem {
    None,
    NoneValid,  // packages were found, none valid and newer than the installed content
    Ambiguous,  // two different packages claim the highest valid version
    Skipped,    // more than kMaxPackagesPerScan packages: the rest were not checked
};

struct StickScan {
    std::vector<FoundPackage> packages;  // sorted by path
    int chosen = -1;                     // index of the package to offer: the highest valid version
    ScanProblem problem_kind = ScanProblem::None;
    std::string problem;  // the same in words, for the log
    size_t skipped = 0;   // packages beyond kMaxPackagesPerScan, not checked
};

class UsbPackageScanner {
public:
    explicit UsbPackageScanner(std::vector<std::string> mount_globs);

    // The `sco-kiosk/` folders present now under the mount points.
    std::vector<std::string> find_package_dirs() const;
    // The sticks to write a report to: the directories matching the globs that are mount points
    // of their own, or already hold a `sco-kiosk/` folder. Sorted.
    std::vector<std::string> find_sticks() const;
    // Lists and checks every package found; picks the one to offer.
    StickScan scan(const PackageVerifier& verifier) const;

private:
    std::vector<std::string> mount_globs_;
};

// Lists and checks the packages in the given `sco-kiosk/` folders (what scan() does after globbing).
StickScan scan_package_dirs(const std::vector<std::string>& dirs, const PackageVerifier& verifier);

}  // namespace kiosk::core
