// Decides whether a content package (a content database plus its minisign signature) may
// be installed. The checks run in the order issue 5 fixes, and stop at the first failure:
//   1. signature   the .minisig exists and is well-formed
//   2. trusted key it names a trusted key, and the signature and trusted comment verify
//   3. product id  the database is a content database for this product
//   4. version     its content version is newer than the installed one
//   5. integrity   SQLite `PRAGMA integrity_check`
//   6. schema      its schema version is one this build reads
//   7. content     ContentStore loads it and validate_content accepts it
// Nothing in steps 3-7 reads the database before its signature has been verified, so an
// unsigned file from a visitor's stick never reaches SQLite.
#pragma once

#include "core/content_model.h"
#include "core/minisign.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

class ContentStore;

// Why a package was refused; the UI maps these to translated messages.
enum class PackageProblem {
    None,
    SignatureMissing,    // no .minisig beside the package, or it cannot be read
    SignatureMalformed,  // empty, truncated or not minisign's format
    UntrustedKey,        // signed by a key that is not trusted
    SignatureInvalid,    // the package, signature or trusted comment was changed
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
    ContentInfo info;             // once the database could be read (step 3 on)
    bool ok() const { return problem == PackageProblem::None; }
};

struct TrustedKeys {
    std::vector<minisign::PublicKey> keys;
    std::vector<std::string> problems;  // "file: reason" for each .pub that could not be read
};

// Loads every *.pub in each of `dirs` (missing dirs are fine). A bad file is reported and skipped.
TrustedKeys load_trusted_keys(const std::vector<std::string>& dirs);

// Runs `PRAGMA integrity_check` (or `quick_check` when `quick`); false with SQLite's findings
// (without the path: callers name the file as their reader knows it).
bool check_database_integrity(const std::string& path, bool quick, std::string* error);

// Rules a loaded content database must follow beyond its schema: documents exist, ids are
// unique, every document has an official title and text.
bool validate_content(const ContentStore& store, std::string* error);

class PackageVerifier {
public:
    // SignatureAndMeta stops after step 4 (cheap: for listing what is on a stick); Full runs all 7.
    enum class Depth { SignatureAndMeta, Full };

    // `installed_version`: the active content's version (0 when nothing is installed).
    PackageVerifier(std::vector<minisign::PublicKey> trusted_keys, int64_t installed_version);

    // Checks `package` against the signature in `signature_path`. Reasons name `shown_as`
    // (e.g. the file on the stick rather than its staged copy), or `package` when empty.
    PackageCheck verify(const std::string& package, const std::string& signature_path, Depth depth = Depth::Full,
                        const std::string& shown_as = {}) const;

private:
    bool check_signature(const std::string& package, const std::string& signature_path, const std::string& name,
                         PackageCheck* result) const;
    bool check_database(const std::string& package, Depth depth, const std::string& name, PackageCheck* result) const;

    std::vector<minisign::PublicKey> trusted_keys_;
    int64_t installed_version_ = 0;
};

}  // namespace kiosk
