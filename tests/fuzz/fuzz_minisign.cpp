// libFuzzer target for the parsers that read files from visitors' USB sticks: signatures,
// public keys, secret keys and trusted comments. Built with -DKIOSK_FUZZ=ON and clang
// (deploy/fuzz.sh). A parser must accept or refuse, never crash, and anything it accepts
// must format back to text it accepts again with the same meaning.
#include "core/minisign.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace kiosk::core::minisign;

namespace {

void must(bool condition) {
    if (!condition) std::abort();
}

void fuzz_signature(std::string_view text) {
    Signature signature;
    std::string error;
    if (!parse_signature(text, &signature, &error)) {
        must(!error.empty());
        return;
    }
    Signature again;
    must(parse_signature(format_signature(signature), &again, &error));
    must(again.signature == signature.signature && again.key_id == signature.key_id &&
         again.trusted_comment == signature.trusted_comment && again.global_signature == signature.global_signature);
    TrustedComment comment;
    parse_trusted_comment(signature.trusted_comment, &comment, &error);
}

void fuzz_public_key(std::string_view text) {
    PublicKey key;
    std::string error;
    if (!parse_public_key(text, &key, &error)) {
        must(!error.empty());
        return;
    }
    PublicKey again;
    must(parse_public_key(format_public_key(key), &again, &error));
    must(again.key == key.key && again.key_id == key.key_id);
}

void fuzz_secret_key(std::string_view text) {
    SecretKey key;
    std::string error;
    if (parse_secret_key(text, &key, &error)) {
        SecretKey again;
        must(parse_secret_key(format_secret_key(key), &again, &error));
        must(again.key == key.key);
    }
}

void fuzz_trusted_comment(std::string_view text) {
    TrustedComment comment;
    std::string error;
    if (!parse_trusted_comment(text, &comment, &error)) must(!error.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    // The first byte picks the parser, so one corpus covers all four.
    std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 4) {
        case 0: fuzz_signature(text); break;
        case 1: fuzz_public_key(text); break;
        case 2: fuzz_secret_key(text); break;
        case 3: fuzz_trusted_comment(text); break;
    }
    return 0;
}
