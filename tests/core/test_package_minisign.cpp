// minisign's key and signature formats: round trips, and refusal of every malformed input.
#include "core/minisign.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <sodium.h>

#include <algorithm>

using namespace kiosk;
using namespace kiosk::core;
using namespace kiosk::core::minisign;

namespace {

struct Keys {
    SecretKey secret;
    PublicKey public_key;
    Keys() { REQUIRE(generate_key_pair(&secret, &public_key)); }
};

FileHash hash_of(const std::string& text) {
    test::TempDir dir;
    test::write_text(dir.file("f"), text);
    FileHash hash;
    std::string error;
    REQUIRE(hash_file(dir.file("f"), &hash, &error));
    return hash;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
        lines.push_back(text.substr(start, end - start));
    return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) out += line + "\n";
    return out;
}

}  // namespace

TEST_CASE("a public key survives formatting and parsing unchanged") {
    Keys keys;
    PublicKey parsed;
    std::string error;
    REQUIRE_MESSAGE(parse_public_key(format_public_key(keys.public_key), &parsed, &error), error);
    CHECK(parsed.key_id == keys.public_key.key_id);
    CHECK(parsed.key == keys.public_key.key);
    CHECK(parsed.untrusted_comment == "minisign public key " + key_id_hex(keys.public_key.key_id));
}

TEST_CASE("a secret key survives formatting and parsing and still signs for its public key") {
    Keys keys;
    SecretKey parsed;
    std::string error;
    REQUIRE_MESSAGE(parse_secret_key(format_secret_key(keys.secret), &parsed, &error), error);
    CHECK(parsed.key_id == keys.secret.key_id);
    CHECK(parsed.key == keys.secret.key);
    FileHash hash = hash_of("content");
    CHECK(verify_hash(keys.public_key, sign_hash(parsed, hash, "comment"), hash, &error));
}

TEST_CASE("a signature survives formatting and parsing and verifies") {
    Keys keys;
    FileHash hash = hash_of("package bytes");
    Signature signature = sign_hash(keys.secret, hash, default_trusted_comment(1700000000, "x.kpkg"));
    Signature parsed;
    std::string error;
    REQUIRE_MESSAGE(parse_signature(format_signature(signature), &parsed, &error), error);
    CHECK(parsed.trusted_comment == "timestamp:1700000000\tfile:x.kpkg\thashed");
    CHECK(verify_hash(keys.public_key, parsed, hash, &error));
}

TEST_CASE("verification fails when the file, the signature or the trusted comment changed") {
    Keys keys;
    FileHash hash = hash_of("package bytes");
    Signature signature = sign_hash(keys.secret, hash, "timestamp:1\tfile:a");
    std::string error;

    FileHash other = hash_of("package bytez");
    CHECK_FALSE(verify_hash(keys.public_key, signature, other, &error));
    CHECK(error.find("does not match the file") != std::string::npos);

    Signature bad_signature = signature;
    bad_signature.signature[10] ^= 1;
    CHECK_FALSE(verify_hash(keys.public_key, bad_signature, hash, &error));

    Signature bad_comment = signature;
    bad_comment.trusted_comment[0] = 'T';
    CHECK_FALSE(verify_hash(keys.public_key, bad_comment, hash, &error));
    CHECK(error.find("trusted comment") != std::string::npos);
}

TEST_CASE("verification with another key names both key ids") {
    Keys signer, other;
    FileHash hash = hash_of("x");
    std::string error;
    CHECK_FALSE(verify_hash(other.public_key, sign_hash(signer.secret, hash, "c"), hash, &error));
    CHECK(error.find(key_id_hex(signer.secret.key_id)) != std::string::npos);
}

TEST_CASE("key ids print as minisign prints them: little-endian hex") {
    KeyId id = {0xbb, 0x65, 0x50, 0xd7, 0x16, 0xaf, 0x51, 0xf4};
    CHECK(key_id_hex(id) == "F451AF16D75065BB");
}

TEST_CASE("malformed signature files are refused with a reason") {
    Keys keys;
    const std::string good = format_signature(sign_hash(keys.secret, hash_of("x"), "timestamp:1"));
    std::vector<std::string> lines = lines_of(good);
    REQUIRE(lines.size() == 4);
    Signature out;

    auto refuse = [&](const std::string& text, const char* expected) {
        std::string error;
        CHECK_FALSE(parse_signature(text, &out, &error));
        CHECK_MESSAGE(error.find(expected) != std::string::npos, error);
    };
    refuse("", "is empty");
    refuse(lines[0] + "\n" + lines[1] + "\n", "truncated: 2 of 4 lines");
    refuse(good.substr(0, good.size() / 2), "truncated");
    refuse(good + "extra\n", "unexpected extra line");
    refuse(join_lines({"comment: x", lines[1], lines[2], lines[3]}), "must start with 'untrusted comment: '");
    refuse(join_lines({lines[0], lines[1].substr(0, 40), lines[2], lines[3]}), "signature");
    refuse(join_lines({lines[0], lines[1] + "AAAA", lines[2], lines[3]}), "signature");
    refuse(join_lines({lines[0], "!!!" + lines[1].substr(3), lines[2], lines[3]}), "not valid base64");
    refuse(join_lines({lines[0], lines[1], "untrusted comment: x", lines[3]}), "trusted comment: ");
    refuse(join_lines({lines[0], lines[1], lines[2] + std::string(9000, 'a'), lines[3]}), "longer than 8192");
    refuse(join_lines({lines[0], lines[1], lines[2] + "\x01", lines[3]}), "control characters");
    refuse(join_lines({lines[0], lines[1], lines[2] + "\xff", lines[3]}), "not valid UTF-8");
    refuse(join_lines({lines[0], lines[1], lines[2], lines[3].substr(4)}), "trusted comment signature");
}

TEST_CASE("legacy (not prehashed) minisign signatures are refused") {
    // "Ed" instead of "ED": what `minisign -S -l` writes.
    Keys keys;
    std::vector<std::string> lines = lines_of(format_signature(sign_hash(keys.secret, hash_of("x"), "c")));
    std::vector<uint8_t> blob(74);
    size_t length = 0;
    REQUIRE(sodium_base642bin(blob.data(), blob.size(), lines[1].data(), lines[1].size(), nullptr, &length, nullptr,
                              sodium_base64_VARIANT_ORIGINAL) == 0);
    blob[1] = 'd';
    std::string encoded(sodium_base64_ENCODED_LEN(74, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), blob.data(), 74, sodium_base64_VARIANT_ORIGINAL);
    lines[1] = encoded.c_str();
    Signature out;
    std::string error;
    CHECK_FALSE(parse_signature(join_lines(lines), &out, &error));
    CHECK(error.find("legacy") != std::string::npos);
}

TEST_CASE("malformed public keys are refused with a reason") {
    Keys keys;
    std::vector<std::string> lines = lines_of(format_public_key(keys.public_key));
    PublicKey out;
    std::string error;
    CHECK_FALSE(parse_public_key("", &out, &error));
    CHECK_FALSE(parse_public_key(lines[0] + "\n", &out, &error));
    CHECK(error.find("truncated") != std::string::npos);
    CHECK_FALSE(parse_public_key(join_lines({lines[0], lines[1].substr(0, 20)}), &out, &error));
    CHECK_FALSE(parse_public_key(join_lines({lines[0], "AA" + lines[1].substr(2)}), &out, &error));
    CHECK_FALSE(parse_public_key(join_lines({"untrusted: x", lines[1]}), &out, &error));
    CHECK(parse_public_key(join_lines({lines[0] + "\r", lines[1] + "\r"}), &out, &error));  // CRLF from Windows editors
}

TEST_CASE("password-protected and damaged secret keys are refused with a reason") {
    Keys keys;
    std::string text = format_secret_key(keys.secret);
    std::vector<std::string> lines = lines_of(text);
    std::vector<uint8_t> blob(158);
    size_t length = 0;
    REQUIRE(sodium_base642bin(blob.data(), blob.size(), lines[1].data(), lines[1].size(), nullptr, &length, nullptr,
                              sodium_base64_VARIANT_ORIGINAL) == 0);
    REQUIRE(length == 158);
    auto with_blob = [&](std::vector<uint8_t> changed) {
        std::string encoded(sodium_base64_ENCODED_LEN(158, sodium_base64_VARIANT_ORIGINAL), '\0');
        sodium_bin2base64(encoded.data(), encoded.size(), changed.data(), 158, sodium_base64_VARIANT_ORIGINAL);
        return join_lines({lines[0], encoded.c_str()});
    };
    SecretKey out;
    std::string error;
    std::vector<uint8_t> encrypted = blob;
    encrypted[2] = 'S';
    encrypted[3] = 'c';
    CHECK_FALSE(parse_secret_key(with_blob(encrypted), &out, &error));
    CHECK(error.find("password-protected") != std::string::npos);

    std::vector<uint8_t> damaged = blob;
    damaged[70] ^= 1;  // inside the secret seed: the checksum no longer matches
    CHECK_FALSE(parse_secret_key(with_blob(damaged), &out, &error));
    CHECK(error.find("checksum") != std::string::npos);

    std::vector<uint8_t> zero_checksum = blob;  // minisign 0.11 `-G -W` writes no checksum
    std::fill(zero_checksum.end() - 32, zero_checksum.end(), 0);
    CHECK(parse_secret_key(with_blob(zero_checksum), &out, &error));
    zero_checksum[70] ^= 1;  // without a checksum, the seed still has to match the public half
    CHECK_FALSE(parse_secret_key(with_blob(zero_checksum), &out, &error));
    CHECK(error.find("damaged") != std::string::npos);
}

TEST_CASE("a trusted comment splits into fields and yields its timestamp") {
    TrustedComment comment;
    std::string error;
    REQUIRE(parse_trusted_comment("timestamp:1700000000\tfile:content-7.kpkg\thashed", &comment, &error));
    REQUIRE(comment.fields.size() == 3);
    CHECK(comment.fields[1].first == "file");
    CHECK(comment.fields[1].second == "content-7.kpkg");
    CHECK(comment.fields[2].first == "hashed");
    CHECK(comment.timestamp == 1700000000);
    CHECK_FALSE(parse_trusted_comment("timestamp:soon", &comment, &error));
    CHECK(error.find("timestamp") != std::string::npos);
    CHECK_FALSE(parse_trusted_comment("a\nb", &comment, &error));
    REQUIRE(parse_trusted_comment("", &comment, &error));
    CHECK(comment.timestamp == -1);
}
