// QR codes for "take it home": the address an organizer configures for a document or the About
// screen, checked at build time and encoded with libqrencode for the screen to draw.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

// Longest address a QR code may carry: at 256 bytes the code (version 12 or less at level M,
// 65 modules) still scans from a phone held at arm's length in front of the screen.
constexpr size_t kMaxQrAddressBytes = 256;

// Empty when `url` may be shown as a QR code: an http:// or https:// address with a host, of
// printable ASCII without spaces (percent-encode anything else), at most kMaxQrAddressBytes.
// Otherwise one sentence saying what is wrong.
std::string qr_address_problem(std::string_view url);

// A QR code's modules, row by row: `size` x `size`, true for dark. Without the quiet zone
// (draw at least four light modules around it).
struct QrMatrix {
    int size = 0;
    std::vector<uint8_t> dark;
    bool at(int x, int y) const { return dark[static_cast<size_t>(y) * size + x] != 0; }
};

// Encodes `text` as bytes at error correction level M. False (empty matrix) if libqrencode
// refuses it, e.g. when it is too long for any QR version.
bool encode_qr(std::string_view text, QrMatrix* out);

}  // namespace kiosk::core
