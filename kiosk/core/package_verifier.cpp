#include "core/package_verifier.h"

#include "core/content_schema.h"
#include "core/content_store.h"
#include "core/file_io.h"
#include "core/sqlite_db.h"

#include <set>

namespace kiosk {

namespace {

bool reject(PackageCheck* result, PackageProblem problem, const std::string& reason) {
    result->problem = problem;
    result->reason = reason;
    return false;
}

bool is_iso_date(const std::string& date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (date[i] < '0' || date[i] > '9') return false;
    return true;
}

}  // namespace

const char* package_problem_name(PackageProblem problem) {
    switch (problem) {
        case PackageProblem::None: return "none";
        case PackageProblem::SignatureMissing: return "signature_missing";
        case PackageProblem::SignatureMalformed: return "signature_malformed";
        case PackageProblem::UntrustedKey: return "untrusted_key";
        case PackageProblem::SignatureInvalid: return "signature_invalid";
        case PackageProblem::NotContent: return "not_content";
        case PackageProblem::WrongProduct: return "wrong_product";
        case PackageProblem::NotNewer: return "not_newer";
        case PackageProblem::Corrupt: return "corrupt";
        case PackageProblem::UnsupportedSchema: return "unsupported_schema";
        case PackageProblem::InvalidContent: return "invalid_content";
    }
    return "unknown";
}

TrustedKeys load_trusted_keys(const std::vector<std::string>& dirs) {
    TrustedKeys trusted;
    for (const std::string& dir : dirs) {
        for (const std::string& name : fs::list_files(dir, ".pub")) {
            std::string path = fs::join(dir, name), text, error;
            minisign::PublicKey key;
            if (!fs::read_file(path, &text, &error) || !minisign::parse_public_key(text, &key, &error)) {
                trusted.problems.push_back(path + ": " + error);
                continue;
            }
            trusted.keys.push_back(key);
        }
    }
    return trusted;
}

bool check_database_integrity(const std::string& path, bool quick, std::string* error) {
    SqliteDb db;
    std::string open_error;
    if (!db.open(path, SqliteDb::Mode::ReadOnly, &open_error)) {
        *error = "cannot be opened: " + open_error;
        return false;
    }
    SqliteStatement check(db, quick ? "PRAGMA quick_check(5)" : "PRAGMA integrity_check(5)");
    std::string findings;
    while (check.step()) {
        std::string row = check.text(0);
        if (row != "ok") findings += (findings.empty() ? "" : "; ") + row;
    }
    if (!check.error().empty()) findings += (findings.empty() ? "" : "; ") + check.error();
    if (findings.empty()) return true;
    for (char& c : findings)
        if (c == '\n') c = ' ';  // SQLite reports one problem per line; reasons are one line
    *error = std::string(quick ? "quick_check" : "integrity_check") + " failed: " + findings;
    return false;
}

bool validate_content(const ContentStore& store, std::string* error) {
    if (store.documents().empty()) {
        *error = "holds no documents";
        return false;
    }
    std::set<std::string> ids;
    for (const Document& doc : store.documents()) {
        const std::string name = "document '" + doc.info.id + "'";
        std::string problem;
        if (doc.info.id.empty()) problem = "has an empty id";
        else if (!ids.insert(doc.info.id).second) problem = "appears twice";
        else if (doc.info.title[Lang::Ru].empty()) problem = "has no Russian (official) title";
        else if (!is_iso_date(doc.info.date)) problem = "has a malformed date '" + doc.info.date + "'";
        else if (doc.blocks.empty()) problem = "has no text";
        for (size_t i = 0; problem.empty() && i < doc.blocks.size(); ++i)
            if (doc.blocks[i].id != static_cast<int>(i) + 1) problem = "has paragraph ids out of sequence";
        for (const Section& section : doc.sections)
            if (problem.empty() && (section.first_block < 0 || section.first_block > static_cast<int>(doc.blocks.size())))
                problem = "has a section starting outside its text";
        if (!problem.empty()) {
            *error = name + " " + problem;
            return false;
        }
    }
    return true;
}

PackageVerifier::PackageVerifier(std::vector<minisign::PublicKey> trusted_keys, int64_t installed_version)
    : trusted_keys_(std::move(trusted_keys)), installed_version_(installed_version) {}

PackageCheck PackageVerifier::verify(const std::string& package, const std::string& signature_path, Depth depth,
                                     const std::string& shown_as) const {
    PackageCheck result;
    const std::string name = shown_as.empty() ? package : shown_as;
    if (check_signature(package, signature_path, name, &result)) check_database(package, depth, name, &result);
    return result;
}

bool PackageVerifier::check_signature(const std::string& package, const std::string& signature_path,
                                      const std::string& name, PackageCheck* result) const {
    // 1. signature: present and well-formed.
    const std::string signature_name = name == package ? signature_path : name + ".minisig";
    std::string text, error;
    if (!fs::exists(signature_path) || !fs::read_file(signature_path, &text, &error))
        return reject(result, PackageProblem::SignatureMissing, "no signature: " + signature_name + " is missing");
    minisign::Signature signature;
    if (!minisign::parse_signature(text, &signature, &error))
        return reject(result, PackageProblem::SignatureMalformed, signature_name + ": " + error);
    result->key_id = minisign::key_id_hex(signature.key_id);

    // 2. trusted key: one of ours, and both signatures verify with it.
    const minisign::PublicKey* key = nullptr;
    for (const minisign::PublicKey& candidate : trusted_keys_)
        if (candidate.key_id == signature.key_id) key = &candidate;
    if (!key)
        return reject(result, PackageProblem::UntrustedKey,
                      name + ".minisig: signed with key " + result->key_id + ", which this kiosk does not trust");
    minisign::FileHash hash;
    if (!minisign::hash_file(package, &hash, &error)) return reject(result, PackageProblem::SignatureInvalid, name + ": " + error);
    if (!minisign::verify_hash(*key, signature, hash, &error))
        return reject(result, PackageProblem::SignatureInvalid, name + ": " + error);
    result->trusted_comment = signature.trusted_comment;
    return true;
}

bool PackageVerifier::check_database(const std::string& package, Depth depth, const std::string& name,
                                     PackageCheck* result) const {
    std::string error;
    {
        SqliteDb db;
        if (!db.open(package, SqliteDb::Mode::ReadOnly, &error) || !read_content_info(db, &result->info, &error))
            return reject(result, PackageProblem::NotContent, name + ": " + error);
    }
    const ContentInfo& info = result->info;
    // 3. product id.
    if (info.product_id != kProductId)
        return reject(result, PackageProblem::WrongProduct,
                      name + ": made for product '" + info.product_id + "', not '" + kProductId + "'");
    // 4. version: no downgrade except by rollback.
    if (info.content_version <= installed_version_)
        return reject(result, PackageProblem::NotNewer,
                      name + ": content version " + std::to_string(info.content_version) +
                          " is not newer than the installed version " + std::to_string(installed_version_));
    if (depth == Depth::SignatureAndMeta) return true;
    // 5. integrity.
    if (!check_database_integrity(package, false, &error)) return reject(result, PackageProblem::Corrupt, name + ": " + error);
    // 6. schema version.
    if (info.schema_version != kContentSchemaVersion)
        return reject(result, PackageProblem::UnsupportedSchema,
                      name + ": schema version " + std::to_string(info.schema_version) +
                          " is not supported (this kiosk reads version " + std::to_string(kContentSchemaVersion) + ")");
    // 7. content.
    auto store = ContentStore::open(package, &error);
    if (!store) return reject(result, PackageProblem::InvalidContent, name + ": " + error);
    if (!validate_content(*store, &error)) return reject(result, PackageProblem::InvalidContent, name + ": " + error);
    return true;
}

}  // namespace kiosk
