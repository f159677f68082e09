// A problem found in an input file, reported as "file:line: field: message".
#pragma once

#include <string>
#include <vector>

namespace kiosk::core {

struct Diagnostic {
    std::string file;
    int line = 0;       // 1-based; 0 when the problem is about the whole file
    std::string field;  // header key or block kind; may be empty
    std::string message;

    std::string str() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace kiosk::core
