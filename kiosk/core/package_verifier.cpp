#include "core/package_verifier.h"

#include "core/content_builder.h"
#include "core/content_schema.h"
#include "core/content_store.h"
#include "core/file_io.h"
#include "core/search_tokenizer.h"
#include "core/sqlite_db.h"
#include "core/utf8.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <set>

namespace kiosk::core {

namespace {

// Reasons are one line for the log and the panel, whatever SQLite or the stick put in them
// (SQLite quotes a corrupt schema's SQL, newlines included).
bool reject(PackageCheck* result, PackageProblem problem, const std::string& reason) {
    result->problem = problem;
    result->reason = utf8::printable(utf8::collapse_spaces(reason));
    return false;
}

bool is_iso_date(const std::string& date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (date[i] < '0' || date[i] > '9') return false;
    return true;
}

std::string kib(uint64_t bytes) { return std::to_string((bytes + 1023) >> 10) + " KiB"; }
std::string mib(uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// The objects of sqlite_schema, one "type name (on table): sql" line each, by name.
std::map<std::string, std::string> schema_objects(SqliteDb& db, std::string* error) {
    std::map<std::string, std::string> objects;
    SqliteStatement select(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema");
    while (select.step())
        objects[select.text(1)] =
            select.text(0) + " '" + select.text(1) + "' on '" + select.text(2) + "': " + select.text(3);
    if (!select.error().empty()) *error = select.error();
    return objects;
}

// The schema a content build writes, made once in memory from the same SQL.
const std::map<std::string, std::string>& expected_schema() {
    static const std::map<std::string, std::string> expected = [] {
        SqliteDb db;
        std::string error;
        std::map<std::string, std::string> objects;
        if (db.open(":memory:", SqliteDb::Mode::Create, &error) && create_content_schema(db, &error))
            objects = schema_objects(db, &error);
        return objects;
    }();
    return expected;
}

// "unexpected view 'meta'": the first difference between a package's schema and the build's.
std::string schema_difference(const std::map<std::string, std::string>& found) {
    const std::map<std::string, std::string>& expected = expected_schema();
    if (expected.empty()) return "the expected schema could not be built";
    for (const auto& [name, line] : found) {
        auto it = expected.find(name);
        const std::string type = line.substr(0, line.find(' '));
        if (it == expected.end()) return "has an extra " + type + " '" + name + "'";
        if (it->second != line)
            return "has " + type + " '" + name + "' defined differently (" +
                   (type != it->second.substr(0, it->second.find(' '))
                        ? "a " + type + " where the build writes a " + it->second.substr(0, it->second.find(' '))
                        : std::string("other SQL")) +
                   ")";
    }
    for (const auto& [name, line] : expected)
        if (!found.count(name)) return "lacks " + line.substr(0, line.find(' ')) + " '" + name + "'";
    return {};
}

// The 100-byte SQLite header: the magic, and bytes 18/19 (file format write/read version): 1 is
// the rollback journal the build writes, 2 is WAL, which would make SQLite look for a -wal file.
// NotContent when the file is no SQLite database, Corrupt when it is one in a format packages
// must not use; None when it is fine.
PackageProblem check_header(int fd, std::string* error) {
    unsigned char header[100];
    if (::pread(fd, header, sizeof header, 0) != static_cast<ssize_t>(sizeof header) ||
        std::memcmp(header, "SQLite format 3", 16) != 0) {
        *error = "not an SQLite database at all";
        return PackageProblem::NotContent;
    }
    if (header[18] != 1 || header[19] != 1) {
        *error = header[18] == 2 || header[19] == 2 ? "the database is in WAL mode, which packages must not use"
                                                    : "the database has an unknown file format version";
        return PackageProblem::Corrupt;
    }
    return PackageProblem::None;
}

// FTS5's own consistency check of both full-text tables (PRAGMA integrity_check skips them).
bool check_search_index(SqliteDb& db, std::string* error) {
    if (!register_search_tokenizer(db.handle(), error)) return false;
    for (const char* table : {"search_item_text", "search_passages"}) {
        const std::string sql = std::string("INSERT INTO ") + table + "(" + table + ") VALUES('integrity-check')";
        std::string failure;
        if (!db.exec(sql.c_str(), &failure)) {
            *error = std::string("the search index (") + table + ") is damaged: " + failure;
            return false;
        }
    }
    return true;
}

void add_text(std::set<char32_t>& chars, const std::string& text) {
    for (size_t pos = 0; pos < text.size();) chars.insert(utf8::decode(text, pos));
}

bool check_text_sizes(const ContentStore& store, std::string* error) {
    if (store.documents().size() > kMaxPackageDocuments || store.lessons().size() > kMaxPackageLessons) {
        *error = "holds " + std::to_string(store.documents().size()) + " documents and " +
                 std::to_string(store.lessons().size()) + " lessons (at most " + std::to_string(kMaxPackageDocuments) +
                 " and " + std::to_string(kMaxPackageLessons) + ")";
        return false;
    }
    for (const Document& doc : store.documents()) {
        if (doc.blocks.size() > kMaxDocumentBlocks) {
            *error = "document '" + doc.info.id + "' has " + std::to_string(doc.blocks.size()) +
                     " paragraphs (at most " + std::to_string(kMaxDocumentBlocks) + ")";
            return false;
        }
        for (const Block& block : doc.blocks)
            if (block.text.size() > kMaxTextBytes) {
                *error = "document '" + doc.info.id + "' paragraph " + std::to_string(block.id) + " is " +
                         kib(block.text.size()) + " long (at most " + kib(kMaxTextBytes) + ")";
                return false;
            }
    }
    return true;
}

// The charset in meta must be exactly the characters of the text (what the build computes): a
// padded one would make the kiosk build a font atlas for characters nobody reads.
bool check_charset(const ContentStore& store, std::string* error) {
    ContentSources sources;
    sources.documents = store.documents();
    sources.lessons = store.lessons();
    sources.explore = store.explore();
    sources.overview = store.overview();
    const std::string expected = collect_charset(sources);
    const std::string& charset = store.info().charset;
    const size_t used = utf8::length(expected);
    if (used > kMaxCharsetCodePoints) {
        *error = "the text uses " + std::to_string(used) + " different characters, more than the " +
                 std::to_string(kMaxCharsetCodePoints) + " the kiosk's fonts can hold";
        return false;
    }
    if (charset == expected) return true;
    std::set<char32_t> found;
    add_text(found, charset);
    *error = "the charset in meta lists " + std::to_string(found.size()) + " characters, but the text uses " +
             std::to_string(utf8::length(expected)) + " (the charset must be exactly the text's characters)";
    return false;
}

// Opens `path` for reading without following a symbolic link or blocking on a pipe or device,
// and only if it is a regular file of at most `max_bytes`. -1 with `error` otherwise.
int open_regular(const std::string& path, uint64_t max_bytes, uint64_t* size, std::string* error, bool* missing) {
    int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        if (missing) *missing = errno == ENOENT;
        *error = errno == ELOOP ? "is a symbolic link, not a file" : std::strerror(errno);
        return -1;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        *error = "is not a regular file (a folder, pipe or device)";
        return -1;
    }
    *size = static_cast<uint64_t>(st.st_size);
    if (*size > max_bytes) {
        ::close(fd);
        *error = "is " + (max_bytes >= (1u << 20) ? mib(*size) : kib(*size)) + ", more than the " +
                 (max_bytes >= (1u << 20) ? mib(max_bytes) : kib(max_bytes)) + " allowed";
        return -1;
    }
    return fd;
}

}  // namespace

int open_stick_file(const std::string& path, uint64_t max_bytes, uint64_t* size, std::string* error) {
    return open_regular(path, max_bytes, size, error, nullptr);
}

const char* package_problem_name(PackageProblem problem) {
    switch (problem) {
        case PackageProblem::None: return "none";
        case PackageProblem::SignatureMissing: return "signature_missing";
        case PackageProblem::SignatureMalformed: return "signature_malformed";
        case PackageProblem::UntrustedKey: return "untrusted_key";
        case PackageProblem::SignatureInvalid: return "signature_invalid";
        case PackageProblem::NoManifest: return "no_manifest";
        case PackageProblem::TooLarge: return "too_large";
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
    if (!db.open_untrusted(path, kPackageCheckSeconds, &open_error)) {
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
    const std::string signature_name = shown_as.empty() ? signature_path : shown_as + ".minisig";
    if (check_signature(package, signature_path, signature_name, depth, name, &result) && depth == Depth::Full)
        check_database(package, name, &result);
    return result;
}

bool PackageVerifier::check_signature(const std::string& package, const std::string& signature_path,
                                      const std::string& signature_name, Depth depth, const std::string& name,
                                      PackageCheck* result) const {
    // 1. signature: a regular file of signature size, in minisign's format.
    std::string text, error;
    uint64_t size = 0;
    bool missing = false;
    int fd = open_regular(signature_path, kMaxSignatureBytes, &size, &error, &missing);
    if (fd < 0 && missing)
        return reject(result, PackageProblem::SignatureMissing, "no signature: " + signature_name + " is missing");
    if (fd < 0) return reject(result, PackageProblem::SignatureMalformed, signature_name + " " + error);
    text.resize(size);
    const ssize_t got = ::pread(fd, text.data(), text.size(), 0);
    ::close(fd);
    if (got != static_cast<ssize_t>(size))
        return reject(result, PackageProblem::SignatureMissing, signature_name + ": cannot be read");
    minisign::Signature signature;
    if (!minisign::parse_signature(text, &signature, &error))
        return reject(result, PackageProblem::SignatureMalformed, signature_name + ": " + error);
    result->key_id = minisign::key_id_hex(signature.key_id);

    // 2. trusted key: one of ours, and its signature over the trusted comment holds. Both are
    // cheap, so a stranger's file is refused before a byte of the package is read.
    const minisign::PublicKey* key = nullptr;
    for (const minisign::PublicKey& candidate : trusted_keys_)
        if (candidate.key_id == signature.key_id) key = &candidate;
    if (!key)
        return reject(result, PackageProblem::UntrustedKey,
                      name + ".minisig: signed with key " + result->key_id + ", which this kiosk does not trust");
    if (!minisign::verify_comment(*key, signature, &error))
        return reject(result, PackageProblem::SignatureInvalid, name + ".minisig: " + error);
    result->trusted_comment = signature.trusted_comment;

    // 3. the signed manifest: what the package is, before reading it.
    minisign::TrustedComment comment;
    bool present = false;
    if (!minisign::parse_trusted_comment(signature.trusted_comment, &comment, &error) ||
        !parse_package_manifest(comment, &result->manifest, &present, &error)) {
        if (present) return reject(result, PackageProblem::SignatureMalformed, name + ".minisig: " + error);
        if (depth == Depth::SignatureAndMeta)
            return reject(result, PackageProblem::NoManifest,
                          name + ".minisig: signed without a manifest (by minisign or an older kioskctl); "
                                 "sign it again with kioskctl sign");
    }
    result->has_manifest = present;
    if (present) {
        result->info.product_id = result->manifest.product_id;
        result->info.content_version = result->manifest.content_version;
        result->info.built_at = result->manifest.built_at;
        if (!check_product_and_version(result->info, name, result)) return false;
    }

    // 4. the package: a regular file of the signed size, hashed once.
    fd = open_regular(package, kMaxPackageBytes, &size, &error, &missing);
    if (fd < 0)
        return reject(result, missing ? PackageProblem::NotContent : PackageProblem::TooLarge, name + " " + error);
    if (present && size != result->manifest.size_bytes) {
        ::close(fd);
        return reject(result, PackageProblem::SignatureInvalid,
                      name + ": is " + std::to_string(size) + " bytes, but was signed at " +
                          std::to_string(result->manifest.size_bytes) + " bytes (changed after signing)");
    }
    if (depth == Depth::Manifest) {
        ::close(fd);
        return true;
    }
    const bool hashed = minisign::hash_fd(fd, &result->hash, &error);
    ::close(fd);
    if (!hashed) return reject(result, PackageProblem::SignatureInvalid, name + ": " + error);
    if (!minisign::verify_hash(*key, signature, result->hash, &error))
        return reject(result, PackageProblem::SignatureInvalid, name + ": " + error);
    return true;
}

bool PackageVerifier::check_product_and_version(const ContentInfo& info, const std::string& name, PackageCheck* result) const {
    if (info.product_id != kProductId)
        return reject(result, PackageProblem::WrongProduct,
                      name + ": made for product '" + info.product_id + "', not '" + kProductId + "'");
    if (info.content_version <= installed_version_)
        return reject(result, PackageProblem::NotNewer,
                      name + ": content version " + std::to_string(info.content_version) +
                          " is not newer than the installed version " + std::to_string(installed_version_));
    return true;
}

bool PackageVerifier::check_database(const std::string& package, const std::string& name, PackageCheck* result) const {
    std::string error;
    // 5. file format: SQLite, rollback-journal mode.
    {
        uint64_t size = 0;
        int fd = open_regular(package, kMaxPackageBytes, &size, &error, nullptr);
        if (fd < 0) return reject(result, PackageProblem::NotContent, name + " " + error);
        const PackageProblem problem = check_header(fd, &error);
        ::close(fd);
        if (problem != PackageProblem::None) return reject(result, problem, name + ": " + error);
    }
    SqliteDb db;
    if (!db.open_untrusted(package, kPackageCheckSeconds, &error))
        return reject(result, PackageProblem::NotContent, name + ": " + error);
    // 6. schema: exactly what the build writes, so no view, trigger or extra object ever runs.
    std::map<std::string, std::string> schema = schema_objects(db, &error);
    if (!error.empty()) return reject(result, PackageProblem::NotContent, name + ": " + error);
    if (!schema.count("meta"))
        return reject(result, PackageProblem::NotContent, name + ": not a kiosk content database (no such table: meta)");
    const std::string difference = schema_difference(schema);
    if (!difference.empty()) {
        ContentInfo info;
        std::string ignored;
        if (schema.count("meta") && schema["meta"].rfind("table", 0) == 0 && read_content_info(db, &info, &ignored) &&
            info.schema_version != kContentSchemaVersion)
            return reject(result, PackageProblem::UnsupportedSchema,
                          name + ": schema version " + std::to_string(info.schema_version) +
                              " is not supported (this kiosk reads version " + std::to_string(kContentSchemaVersion) + ")");
        return reject(result, PackageProblem::UnsupportedSchema,
                      name + ": the database " + difference + ", unlike every database kioskctl builds");
    }
    // 7. integrity, the full-text index included.
    if (!check_database_integrity(package, false, &error))
        return reject(result, PackageProblem::Corrupt, name + ": " + error);
    {
        SqliteDb copy;
        if (!copy.open_untrusted_copy(package, kPackageCheckSeconds, &error) || !check_search_index(copy, &error))
            return reject(result, PackageProblem::Corrupt, name + ": " + error);
    }
    // 8. meta: strict values, agreeing with the signed manifest.
    ContentInfo info;
    if (!read_content_info(db, &info, &error)) return reject(result, PackageProblem::NotContent, name + ": " + error);
    if (info.schema_version != kContentSchemaVersion)
        return reject(result, PackageProblem::UnsupportedSchema,
                      name + ": schema version " + std::to_string(info.schema_version) +
                          " is not supported (this kiosk reads version " + std::to_string(kContentSchemaVersion) + ")");
    if (!check_product_and_version(info, name, result)) return false;
    if (result->has_manifest &&
        (info.content_version != result->manifest.content_version || info.built_at != result->manifest.built_at))
        return reject(result, PackageProblem::InvalidContent,
                      name + ": the database holds content version " + std::to_string(info.content_version) +
                          " built " + info.built_at + ", but its signed manifest says version " +
                          std::to_string(result->manifest.content_version) + " built " + result->manifest.built_at);
    result->info = info;
    db.close();
    // 9. content: loads within the limits, follows the model's rules, charset matches the text.
    auto store = ContentStore::open(package, &error);
    if (!store) return reject(result, PackageProblem::InvalidContent, name + ": " + error);
    if (!check_text_sizes(*store, &error) || !validate_content(*store, &error) || !check_charset(*store, &error))
        return reject(result, PackageProblem::InvalidContent, name + ": " + error);
    return true;
}

}  // namespace kiosk::core
