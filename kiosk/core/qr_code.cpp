#include "core/qr_code.h"

#include <qrencode.h>

namespace kiosk::core {

std::string qr_address_problem(std::string_view url) {
    if (url.size() > kMaxQrAddressBytes)
        return "the address is " + std::to_string(url.size()) + " bytes long, more than the " +
               std::to_string(kMaxQrAddressBytes) + " a QR code on the screen can carry legibly; use a shorter link";
    size_t scheme = url.rfind("https://", 0) == 0 ? 8 : url.rfind("http://", 0) == 0 ? 7 : 0;
    if (scheme == 0) return "'" + std::string(url) + "' is not a web address: it must start with https:// or http://";
    for (char c : url) {
        auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7F)
            return "the address holds a space or a character outside printable ASCII; percent-encode it";
    }
    size_t host_end = url.find_first_of("/?#", scheme);
    std::string_view host = url.substr(scheme, host_end == std::string_view::npos ? url.size() - scheme : host_end - scheme);
    if (host.empty() || host.find('.') == std::string_view::npos || host.front() == '.' || host.back() == '.')
        return "'" + std::string(url) + "' has no host name (expected e.g. https://eng.sectsco.org/)";
    return "";
}

bool encode_qr(std::string_view text, QrMatrix* out) {
    *out = QrMatrix{};
    std::string copy(text);
    QRcode* code = QRcode_encodeData(static_cast<int>(copy.size()), reinterpret_cast<const unsigned char*>(copy.data()),
                                     0, QR_ECLEVEL_M);
    if (!code) return false;
    out->size = code->width;
    out->dark.resize(static_cast<size_t>(code->width) * code->width);
    for (size_t i = 0; i < out->dark.size(); ++i) out->dark[i] = code->data[i] & 1;
    QRcode_free(code);
    return true;
}

}  // namespace kiosk::core
