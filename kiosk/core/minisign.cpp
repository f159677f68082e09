#include "core/minisign.h"

#include "core/strict_number.h"
#include "core/utf8.h"

#include <sodium.h>

#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace kiosk::core::minisign {

namespace {

constexpr std::string_view kUntrustedPrefix = "untrusted comment: ";
constexpr std::string_view kTrustedPrefix = "trusted comment: ";
constexpr char kKeyAlgorithm[2] = {'E', 'd'};        // public and secret keys; legacy signatures
constexpr char kPrehashedAlgorithm[2] = {'E', 'D'};  // signatures over BLAKE2b-512 of the file
constexpr char kChecksumAlgorithm[2] = {'B', '2'};
constexpr char kScryptAlgorithm[2] = {'S', 'c'};
constexpr size_t kSaltBytes = 32, kLimitBytes = 8, kChecksumBytes = 32;
constexpr size_t kPublicKeyBlob = 2 + 8 + 32;
constexpr size_t kSecretKeyBlob = 2 + 2 + 2 + kSaltBytes + 2 * kLimitBytes + 8 + 64 + kChecksumBytes;
constexpr size_t kSignatureBlob = 2 + 8 + 64;

bool fail(std::string* error, const std::string& reason) {
    if (error) *error = reason;
    return false;
}

// Splits `text` into lines; accepts "\n" or "\r\n" endings and a missing final newline.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
}

bool has_control_characters(std::string_view text, bool allow_tab) {
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && !(allow_tab && c == '\t')) || byte == 0x7F) return true;
    }
    return false;
}

bool parse_comment_line(std::string_view line, std::string_view prefix, size_t max_bytes, const char* what,
                        std::string* out, std::string* error) {
    if (line.substr(0, prefix.size()) != prefix)
        return fail(error, std::string(what) + " line must start with '" + std::string(prefix) + "'");
    std::string_view comment = line.substr(prefix.size());
    if (comment.size() > max_bytes)
        return fail(error, std::string(what) + " is longer than " + std::to_string(max_bytes) + " bytes");
    if (has_control_characters(comment, true)) return fail(error, std::string(what) + " contains control characters");
    if (!utf8::is_valid(comment)) return fail(error, std::string(what) + " is not valid UTF-8");
    *out = std::string(comment);
    return true;
}

// Decodes standard padded base64 that must hold exactly `expected` bytes.
bool decode_base64(std::string_view line, size_t expected, const char* what, std::vector<uint8_t>* out, std::string* error) {
    out->assign(expected + 1, 0);
    size_t length = 0;
    if (line.empty()) return fail(error, std::string(what) + " is empty");
    if (sodium_base642bin(out->data(), out->size(), line.data(), line.size(), nullptr, &length, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
        if (line.size() > sodium_base64_ENCODED_LEN(expected, sodium_base64_VARIANT_ORIGINAL) - 1)
            return fail(error, std::string(what) + " is too long");
        return fail(error, std::string(what) + " is not valid base64");
    }
    if (length != expected)
        return fail(error, std::string(what) + " has " + std::to_string(length) + " bytes, expected " +
                               std::to_string(expected) + " (truncated or not a minisign file?)");
    out->resize(expected);
    return true;
}

std::string encode_base64(const uint8_t* data, size_t size) {
    std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

bool expect_lines(const std::vector<std::string_view>& lines, size_t count, const char* what, std::string* error) {
    if (lines.empty()) return fail(error, std::string(what) + " is empty");
    if (lines.size() < count)
        return fail(error, std::string(what) + " is truncated: " + std::to_string(lines.size()) + " of " +
                               std::to_string(count) + " lines");
    if (lines.size() > count)
        return fail(error, std::string(what) + " has " + std::to_string(lines.size() - count) + " unexpected extra line(s)");
    return true;
}

// BLAKE2b-256 over "Ed" | key id | secret key: the integrity check minisign stores in secret keys.
std::array<uint8_t, kChecksumBytes> secret_key_checksum(const SecretKey& key) {
    std::array<uint8_t, kChecksumBytes> checksum{};
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, checksum.size());
    crypto_generichash_update(&state, reinterpret_cast<const uint8_t*>(kKeyAlgorithm), 2);
    crypto_generichash_update(&state, key.key_id.data(), key.key_id.size());
    crypto_generichash_update(&state, key.key.data(), key.key.size());
    crypto_generichash_final(&state, checksum.data(), checksum.size());
    return checksum;
}

bool is_all_zero(const uint8_t* data, size_t size) {
    uint8_t any = 0;
    for (size_t i = 0; i < size; ++i) any |= data[i];
    return any == 0;
}

bool start_sodium(std::string* error) {
    if (sodium_init() < 0) return fail(error, "libsodium could not be initialised");
    return true;
}

// The shape every minisign file shares: exactly `line_count` lines, the first an untrusted
// comment, the second base64 of exactly `blob_bytes` bytes.
bool parse_comment_and_blob(std::string_view text, size_t line_count, const char* file_what, size_t blob_bytes,
                            const char* blob_what, std::vector<std::string_view>* lines, std::string* comment,
                            std::vector<uint8_t>* blob, std::string* error) {
    *lines = split_lines(text);
    return expect_lines(*lines, line_count, file_what, error) &&
           parse_comment_line((*lines)[0], kUntrustedPrefix, kMaxUntrustedCommentBytes, "untrusted comment", comment, error) &&
           decode_base64((*lines)[1], blob_bytes, blob_what, blob, error);
}

}  // namespace

bool parse_public_key(std::string_view text, PublicKey* out, std::string* error) {
    std::vector<std::string_view> lines;
    std::vector<uint8_t> blob;
    PublicKey key;
    if (!parse_comment_and_blob(text, 2, "public key file", kPublicKeyBlob, "public key", &lines,
                                &key.untrusted_comment, &blob, error))
        return false;
    if (std::memcmp(blob.data(), kKeyAlgorithm, 2) != 0)
        return fail(error, "public key is not an Ed25519 minisign key");
    std::memcpy(key.key_id.data(), blob.data() + 2, 8);
    std::memcpy(key.key.data(), blob.data() + 10, 32);
    *out = std::move(key);
    return true;
}

bool parse_secret_key(std::string_view text, SecretKey* out, std::string* error) {
    if (!start_sodium(error)) return false;
    std::vector<std::string_view> lines;
    std::vector<uint8_t> blob;
    SecretKey key;
    if (!parse_comment_and_blob(text, 2, "secret key file", kSecretKeyBlob, "secret key", &lines,
                                &key.untrusted_comment, &blob, error))
        return false;
    const uint8_t* p = blob.data();
    if (std::memcmp(p, kKeyAlgorithm, 2) != 0) return fail(error, "secret key is not an Ed25519 minisign key");
    if (std::memcmp(p + 2, kScryptAlgorithm, 2) == 0)
        return fail(error, "secret key is password-protected; make one with `minisign -G -W` or `kioskctl keygen`, "
                           "or remove the password with `minisign -C -W`");
    if (!is_all_zero(p + 2, 2)) return fail(error, "secret key uses an unknown key derivation");
    if (std::memcmp(p + 4, kChecksumAlgorithm, 2) != 0) return fail(error, "secret key uses an unknown checksum");
    const uint8_t* keynum = p + 6 + kSaltBytes + 2 * kLimitBytes;
    std::memcpy(key.key_id.data(), keynum, 8);
    std::memcpy(key.key.data(), keynum + 8, 64);
    const uint8_t* stored_checksum = keynum + 8 + 64;
    // minisign 0.11 leaves the checksum zero in unencrypted keys; newer versions fill it in.
    auto checksum = secret_key_checksum(key);
    if (!is_all_zero(stored_checksum, kChecksumBytes) && sodium_memcmp(stored_checksum, checksum.data(), kChecksumBytes) != 0)
        return fail(error, "secret key checksum does not match (the file is damaged)");
    std::array<uint8_t, 32> derived_public{};
    std::array<uint8_t, 64> derived_secret{};
    crypto_sign_seed_keypair(derived_public.data(), derived_secret.data(), key.key.data());
    if (sodium_memcmp(derived_public.data(), key.key.data() + 32, 32) != 0)
        return fail(error, "secret key is damaged (its public half does not match its seed)");
    sodium_memzero(derived_secret.data(), derived_secret.size());
    *out = std::move(key);
    return true;
}

bool parse_signature(std::string_view text, Signature* out, std::string* error) {
    std::vector<std::string_view> lines;
    std::vector<uint8_t> blob;
    Signature sig;
    if (!parse_comment_and_blob(text, 4, "signature file", kSignatureBlob, "signature", &lines, &sig.untrusted_comment,
                                &blob, error))
        return false;
    if (std::memcmp(blob.data(), kKeyAlgorithm, 2) == 0)
        return fail(error, "legacy (not prehashed) minisign signature; sign again without `-l`");
    if (std::memcmp(blob.data(), kPrehashedAlgorithm, 2) != 0)
        return fail(error, "signature uses an unknown algorithm");
    std::memcpy(sig.key_id.data(), blob.data() + 2, 8);
    std::memcpy(sig.signature.data(), blob.data() + 10, 64);
    if (!parse_comment_line(lines[2], kTrustedPrefix, kMaxTrustedCommentBytes, "trusted comment", &sig.trusted_comment, error))
        return false;
    if (!decode_base64(lines[3], 64, "trusted comment signature", &blob, error)) return false;
    std::memcpy(sig.global_signature.data(), blob.data(), 64);
    *out = std::move(sig);
    return true;
}

bool parse_trusted_comment(std::string_view text, TrustedComment* out, std::string* error) {
    if (text.size() > kMaxTrustedCommentBytes) return fail(error, "trusted comment is too long");
    if (has_control_characters(text, true)) return fail(error, "trusted comment contains control characters");
    TrustedComment comment;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\t', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view field = text.substr(start, end - start);
        size_t colon = field.find(':');
        std::string name(field.substr(0, colon));
        std::string value(colon == std::string_view::npos ? std::string_view() : field.substr(colon + 1));
        if (!field.empty()) comment.fields.emplace_back(name, value);
        if (name == "timestamp") {
            int64_t seconds = 0;
            if (!parse_integer(value, int64_t{0}, INT64_MAX, &seconds))
                return fail(error, "trusted comment has a malformed timestamp '" + value + "'");
            comment.timestamp = seconds;
        }
        start = end + 1;
    }
    *out = std::move(comment);
    return true;
}

std::string format_public_key(const PublicKey& key) {
    std::vector<uint8_t> blob(kKeyAlgorithm, kKeyAlgorithm + 2);
    blob.insert(blob.end(), key.key_id.begin(), key.key_id.end());
    blob.insert(blob.end(), key.key.begin(), key.key.end());
    return std::string(kUntrustedPrefix) + key.untrusted_comment + "\n" + encode_base64(blob.data(), blob.size()) + "\n";
}

std::string format_secret_key(const SecretKey& key) {
    std::vector<uint8_t> blob(kSecretKeyBlob, 0);  // no KDF: algorithm, salt and limits stay zero
    std::memcpy(blob.data(), kKeyAlgorithm, 2);
    std::memcpy(blob.data() + 4, kChecksumAlgorithm, 2);
    uint8_t* keynum = blob.data() + 6 + kSaltBytes + 2 * kLimitBytes;
    std::memcpy(keynum, key.key_id.data(), 8);
    std::memcpy(keynum + 8, key.key.data(), 64);
    auto checksum = secret_key_checksum(key);
    std::memcpy(keynum + 8 + 64, checksum.data(), checksum.size());
    std::string text =
        std::string(kUntrustedPrefix) + key.untrusted_comment + "\n" + encode_base64(blob.data(), blob.size()) + "\n";
    sodium_memzero(blob.data(), blob.size());
    return text;
}

std::string format_signature(const Signature& sig) {
    std::vector<uint8_t> blob(kPrehashedAlgorithm, kPrehashedAlgorithm + 2);
    blob.insert(blob.end(), sig.key_id.begin(), sig.key_id.end());
    blob.insert(blob.end(), sig.signature.begin(), sig.signature.end());
    return std::string(kUntrustedPrefix) + sig.untrusted_comment + "\n" + encode_base64(blob.data(), blob.size()) +
           "\n" + std::string(kTrustedPrefix) + sig.trusted_comment + "\n" +
           encode_base64(sig.global_signature.data(), sig.global_signature.size()) + "\n";
}

bool generate_key_pair(SecretKey* secret, PublicKey* public_key) {
    if (sodium_init() < 0) return false;
    SecretKey key;
    std::array<uint8_t, 32> pk{};
    randombytes_buf(key.key_id.data(), key.key_id.size());
    crypto_sign_keypair(pk.data(), key.key.data());
    key.untrusted_comment = "minisign secret key " + key_id_hex(key.key_id);
    *public_key = public_key_of(key);
    *secret = std::move(key);
    return true;
}

PublicKey public_key_of(const SecretKey& secret) {
    PublicKey key;
    key.untrusted_comment = "minisign public key " + key_id_hex(secret.key_id);
    key.key_id = secret.key_id;
    std::memcpy(key.key.data(), secret.key.data() + 32, 32);
    return key;
}

bool hash_file(const std::string& path, FileHash* out, std::string* error) {
    if (!start_sodium(error)) return false;
    FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) return fail(error, path + ": " + std::strerror(errno));
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, out->size());
    std::vector<uint8_t> buffer(1 << 16);
    size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), file)) > 0)
        crypto_generichash_update(&state, buffer.data(), n);
    bool read_error = std::ferror(file) != 0;
    std::fclose(file);
    if (read_error) return fail(error, path + ": read error");
    crypto_generichash_final(&state, out->data(), out->size());
    return true;
}

bool hash_fd(int fd, FileHash* out, std::string* error) {
    if (!start_sodium(error)) return false;
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, out->size());
    std::vector<uint8_t> buffer(1 << 16);
    for (off_t offset = 0;;) {
        ssize_t n = ::pread(fd, buffer.data(), buffer.size(), offset);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail(error, std::string("read error: ") + std::strerror(errno));
        if (n == 0) break;
        crypto_generichash_update(&state, buffer.data(), static_cast<size_t>(n));
        offset += n;
    }
    crypto_generichash_final(&state, out->data(), out->size());
    return true;
}

bool verify_comment(const PublicKey& key, const Signature& sig, std::string* error) {
    if (!start_sodium(error)) return false;
    if (key.key_id != sig.key_id)
        return fail(error, "signed with key " + key_id_hex(sig.key_id) + ", not with key " + key_id_hex(key.key_id));
    std::vector<uint8_t> global(sig.signature.begin(), sig.signature.end());
    global.insert(global.end(), sig.trusted_comment.begin(), sig.trusted_comment.end());
    if (crypto_sign_verify_detached(sig.global_signature.data(), global.data(), global.size(), key.key.data()) != 0)
        return fail(error, "trusted comment signature is invalid (the signature file was forged or changed)");
    return true;
}

Signature sign_hash(const SecretKey& key, const FileHash& hash, const std::string& trusted_comment) {
    Signature sig;
    sig.untrusted_comment = "signature from minisign secret key";
    sig.key_id = key.key_id;
    sig.trusted_comment = trusted_comment;
    crypto_sign_detached(sig.signature.data(), nullptr, hash.data(), hash.size(), key.key.data());
    std::vector<uint8_t> global(sig.signature.begin(), sig.signature.end());
    global.insert(global.end(), trusted_comment.begin(), trusted_comment.end());
    crypto_sign_detached(sig.global_signature.data(), nullptr, global.data(), global.size(), key.key.data());
    return sig;
}

bool verify_hash(const PublicKey& key, const Signature& sig, const FileHash& hash, std::string* error) {
    if (!start_sodium(error)) return false;
    if (key.key_id != sig.key_id)
        return fail(error, "signed with key " + key_id_hex(sig.key_id) + ", not with key " + key_id_hex(key.key_id));
    if (crypto_sign_verify_detached(sig.signature.data(), hash.data(), hash.size(), key.key.data()) != 0)
        return fail(error, "signature does not match the file (the file or the signature was changed)");
    std::vector<uint8_t> global(sig.signature.begin(), sig.signature.end());
    global.insert(global.end(), sig.trusted_comment.begin(), sig.trusted_comment.end());
    if (crypto_sign_verify_detached(sig.global_signature.data(), global.data(), global.size(), key.key.data()) != 0)
        return fail(error, "trusted comment signature is invalid (the trusted comment was changed)");
    return true;
}

std::string key_id_hex(const KeyId& id) {
    // minisign prints the id as a little-endian 64-bit number.
    char text[17];
    for (size_t i = 0; i < id.size(); ++i) std::snprintf(text + 2 * i, 3, "%02X", id[id.size() - 1 - i]);
    return std::string(text, 16);
}

std::string default_trusted_comment(int64_t timestamp, const std::string& file_name) {
    std::string name = file_name;
    for (char& c : name)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '_';  // the comment must stay one line
    return "timestamp:" + std::to_string(timestamp) + "\tfile:" + name + "\thashed";
}

}  // namespace kiosk::core::minisign
