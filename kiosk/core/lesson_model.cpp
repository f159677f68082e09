#include "core/lesson_model.h"

namespace kiosk::core {

namespace {
// Indexed by Illustration; keep in the enum's order.
constexpr const char* kIllustrationNames[kIllustrationCount] = {
    "",
    "phone-touch",
    "touch-gestures",
    "app-icons",
    "wifi-signal",
    "lock-password",
    "two-factor-code",
    "phishing-mail",
    "scam-call",
    "browser-warning",
    "card-payment",
    "qr-code",
    "online-shop",
    "shield-privacy",
    "app-permissions",
    "location-pin",
    "gov-services",
    "digital-id",
    "fact-check",
    "news-sources",
    "ai-chip",
    "ai-chat",
    "software-update",
    "help-people",
    "checklist",
};
}  // namespace

const char* illustration_name(Illustration illustration) {
    int index = static_cast<int>(illustration);
    return index >= 0 && index < kIllustrationCount ? kIllustrationNames[index] : "";
}

bool parse_illustration(std::string_view name, Illustration* out) {
    if (name.empty()) return false;
    for (int i = 1; i < kIllustrationCount; ++i) {
        if (name == kIllustrationNames[i]) {
            *out = static_cast<Illustration>(i);
            return true;
        }
    }
    return false;
}

}  // namespace kiosk::core
