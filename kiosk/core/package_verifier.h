// Decides whether a content package (a content database plus its minisign signature) may
// be installed. The checks run cheapest first and stop at the first failure:
//   1. signature   the .minisig is a regular file of at most kMaxSignatureBytes, well-formed
//   2. trusted key it names a trusted key, and the signature over the trusted comment holds
//   3. manifest    the signed manifest (package_manifest.h): product id, newer version, size
//   4. package     a regular file of the signed size (at most kMaxPackageBytes) whose hash verifies
//      -- SignatureAndMeta (listing a stick) stops here: the database is never opened --
//   5. format      SQLite, not in WAL mode
//   6. schema      exactly the objects a build writes: no view, trigger or extra table
//   7. integrity   SQLite `PRAGMA integrity_check` and FTS5's own integrity-check
//   8. meta        strict values (content_version 1..kMaxContentVersion) that agree with the manifest
//   9. content     ContentStore loads it within the limits below, validate_content accepts it, and
//                  its charset is exactly the characters of its text
// Steps 1-3 read only the signature file, so a stranger's stick is refused before anything is
// hashed; the full check runs only on the kiosk's own verified copy, opened as SQLite advises
// for untrusted databases (SqliteDb::open_untrusted).
#pragma once

#include "core/content_model.h"
#include "core/minisign.h"
#include "core/package_manifest.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core {

class ContentStore;

// Why a package was refused; the UI maps these to translated messages.
enum class PackageProblem {
    None,
    SignatureMissing,    // no .minisig beside the package, or it cannot be read
    SignatureMalformed,  // empty, truncated or not minisign's format
    UntrustedKey,        // signed by a key that is not trusted
    SignatureInvalid,    // the package, signature or trusted comment was changed
    NoManifest,          // signed without a manifest (minisign, older kioskctl): sign again to list it
    TooLarge,            // the package is not a regular file, or larger than kMaxPackageBytes
    NotContent,          // not SQLite, or no meta table
    WrongProduct,        // a content database for another product
    NotNewer,            // same or older version than the installed content
    Corrupt,             // PRAGMA integrity_check failed
    UnsupportedSchema,   // schema version this build cannot read
    InvalidContent,      // loads, but its content breaks the model's rules
};

// A stable lower-case name such as "untrusted_key", for logs, JSON and translation keys.
const char* package_problem_name(PackageProblem problem);

struct PackageCheck {
    PackageProblem problem = PackageProblem::None;
    std::string reason;           // one line for a person: what is wrong and with which file
    std::string key_id;           // who signed it (hex), once the signature could be parsed
    std::string trusted_comment;  // once verified
    PackageManifest manifest;     // from the trusted comment, when has_manifest
    bool has_manifest = false;
    minisign::FileHash hash{};  // of the package, once hashed (step 4)
    ContentInfo info;           // from the manifest (step 3), then from the database (step 8)
    bool ok() const { return problem == PackageProblem::None; }
};

struct TrustedKeys {
    std::vector<minisign::PublicKey> keys;
    std::vector<std::string> problems;  // "file: reason" for each .pub that could not be read
};

// Loads every *.pub in each of `dirs` (missing dirs are fine). A bad file is reported and skipped.
TrustedKeys load_trusted_keys(const std::vector<std::string>& dirs);

// Limits on what a package may be (docs/organizer-guide.md lists them for organizers).
constexpr uint64_t kMaxSignatureBytes = 16 << 10;  // minisign's own are under 10 KiB
constexpr uint64_t kMaxPackageBytes = uint64_t{256} << 20;
constexpr size_t kMaxPackageDocuments = 500;
constexpr size_t kMaxPackageLessons = 200;
constexpr size_t kMaxDocumentBlocks = 20000;
constexpr size_t kMaxTextBytes = 64 << 10;       // one paragraph
constexpr size_t kMaxCharsetCodePoints = 20000;  // distinct characters: the font atlas must hold them
constexpr double kPackageCheckSeconds = 30.0;    // any one SQLite connection of a check

// Opens a file from a stick (or any untrusted place) for reading: never follows a symbolic
// link, never blocks on a pipe or device, and only a regular file of at most `max_bytes`.
// Returns the descriptor, or -1 with `error` ("is a symbolic link, not a file", ...).
int open_stick_file(const std::string& path, uint64_t max_bytes, uint64_t* size, std::string* error);

// Runs `PRAGMA integrity_check` (or `quick_check` when `quick`); false with SQLite's findings
// (without the path: callers name the file as their reader knows it).
bool check_database_integrity(const std::string& path, bool quick, std::string* error);

// Rules a loaded content database must follow beyond its schema: documents exist, ids are
// unique, every document has an official title and text.
bool validate_content(const ContentStore& store, std::string* error);

class PackageVerifier {
public:
    // Manifest stops before hashing (steps 1-3 and the package's type and size: before a copy);
    // SignatureAndMeta stops after step 4 (listing what is on a stick); Full runs all 9.
    enum class Depth { Manifest, SignatureAndMeta, Full };

    // `installed_version`: the active content's version (0 when nothing is installed).
    PackageVerifier(std::vector<minisign::PublicKey> trusted_keys, int64_t installed_version);

    // Checks `package` against the signature in `signature_path`. Reasons name `shown_as`
    // (e.g. the file on the stick rather than its staged copy), or `package` when empty.
    PackageCheck verify(const std::string& package, const std::string& signature_path, Depth depth = Depth::Full,
                        const std::string& shown_as = {}) const;

private:
    bool check_signature(const std::string& package, const std::string& signature_path, const std::string& signature_name,
                         Depth depth, const std::string& name, PackageCheck* result) const;
    bool check_product_and_version(const ContentInfo& info, const std::string& name, PackageCheck* result) const;
    bool check_database(const std::string& package, const std::string& name, PackageCheck* result) const;

    std::vector<minisign::PublicKey> trusted_keys_;
    int64_t installed_version_ = 0;
};

}  // namespace kiosk::core
