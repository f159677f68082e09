// minisign's file formats (https://jedisct1.github.io/minisign/), implemented with libsodium,
// so that keys and signatures made by the standard `minisign` tool work with the kiosk and
// the other way round. Content packages are signed in minisign's prehashed mode: Ed25519
// over the BLAKE2b-512 hash of the file, plus a second ("global") signature that binds the
// trusted comment to the first.
//
// Every file is two or four text lines:
//   public key   untrusted comment / base64("Ed" | key id[8] | public key[32])
//   secret key   untrusted comment / base64("Ed" | kdf[2] | "B2" | salt[32] | opslimit[8] |
//                memlimit[8] | key id[8] | secret key[64] | checksum[32])   (unencrypted only)
//   signature    untrusted comment / base64("ED" | key id[8] | signature[64]) /
//                "trusted comment: " text / base64(signature over signature[64] | text)
//
// Parsers take text from USB sticks that anyone can plug in: they accept only the exact
// format, report why anything else was rejected, and never read outside their input.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk::core::minisign {

using KeyId = std::array<uint8_t, 8>;
using FileHash = std::array<uint8_t, 64>;  // BLAKE2b-512

struct PublicKey {
    std::string untrusted_comment;  // without the "untrusted comment: " prefix
    KeyId key_id{};
    std::array<uint8_t, 32> key{};
};

struct SecretKey {
    std::string untrusted_comment;
    KeyId key_id{};
    std::array<uint8_t, 64> key{};  // libsodium layout: seed[32] | public key[32]
};

struct Signature {
    std::string untrusted_comment;
    KeyId key_id{};
    std::array<uint8_t, 64> signature{};         // over the file's BLAKE2b-512 hash
    std::string trusted_comment;                 // without the "trusted comment: " prefix
    std::array<uint8_t, 64> global_signature{};  // over signature | trusted_comment
};

// The fields of a trusted comment such as "timestamp:1700000000\tfile:x.kpkg\thashed".
struct TrustedComment {
    std::vector<std::pair<std::string, std::string>> fields;  // in order; a field without ':' has an empty value
    int64_t timestamp = -1;                                   // seconds since 1970, -1 if absent
};

// Longest comment lines minisign itself accepts (its COMMENTMAXBYTES / TRUSTEDCOMMENTMAXBYTES).
constexpr size_t kMaxUntrustedCommentBytes = 1024;
constexpr size_t kMaxTrustedCommentBytes = 8192;

// Parses a `.pub` file. False, with the reason in `error`, for anything but the exact format.
bool parse_public_key(std::string_view text, PublicKey* out, std::string* error);
// Parses an unencrypted secret key (`minisign -G -W`, `kioskctl keygen`); refuses encrypted ones.
bool parse_secret_key(std::string_view text, SecretKey* out, std::string* error);
// Parses a `.minisig` file; refuses legacy (non-prehashed) signatures.
bool parse_signature(std::string_view text, Signature* out, std::string* error);
// Splits a trusted comment into its tab-separated `name:value` fields.
bool parse_trusted_comment(std::string_view text, TrustedComment* out, std::string* error);

std::string format_public_key(const PublicKey& key);
std::string format_secret_key(const SecretKey& key);
std::string format_signature(const Signature& signature);

// Makes a fresh key pair with a random key id; false only if libsodium cannot start.
bool generate_key_pair(SecretKey* secret, PublicKey* public_key);
// The public half of a secret key.
PublicKey public_key_of(const SecretKey& secret);

// Hashes `path` with BLAKE2b-512, reading it in chunks.
bool hash_file(const std::string& path, FileHash* out, std::string* error);
// Signs a file hash; `trusted_comment` must be one line.
Signature sign_hash(const SecretKey& key, const FileHash& hash, const std::string& trusted_comment);
// Hashes an open file from its start, reading it in chunks.
bool hash_fd(int fd, FileHash* out, std::string* error);
// Checks only the global signature (over the signature and the trusted comment): cheap, so
// the trusted comment can be believed before the file is hashed.
bool verify_comment(const PublicKey& key, const Signature& signature, std::string* error);
// Checks both signatures with `key`. The key id must match; false with the reason otherwise.
bool verify_hash(const PublicKey& key, const Signature& signature, const FileHash& hash, std::string* error);

// The key id as minisign prints it: 16 upper-case hex digits.
std::string key_id_hex(const KeyId& id);
// The trusted comment `minisign -S` writes by default: "timestamp:N\tfile:NAME\thashed".
std::string default_trusted_comment(int64_t timestamp, const std::string& file_name);

}  // namespace kiosk::core::minisign
