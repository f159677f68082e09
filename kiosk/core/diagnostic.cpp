#include "core/diagnostic.h"

namespace kiosk::core {

std::string Diagnostic::str() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line);
    out += ": ";
    if (!field.empty()) out += field + ": ";
    out += message;
    return out;
}

}  // namespace kiosk::core
