#include "kioskctl/command_line.h"

#include "core/strict_number.h"

#include <climits>
#include <cstdio>

namespace kiosk::ctl {

using namespace kiosk::core;  // this layer is built on the core layer

CommandLine::CommandLine(const std::vector<std::string>& args, const std::set<std::string>& value_flags,
                         const std::set<std::string>& bool_flags) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
            positional_.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::string value;
        bool has_inline_value = false;
        if (size_t eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name.resize(eq);
            has_inline_value = true;
        }
        if (bool_flags.count(name)) {
            values_[name] = "1";
        } else if (value_flags.count(name)) {
            if (!has_inline_value) {
                if (i + 1 >= args.size()) {
                    error_ = "--" + name + " needs a value";
                    return;
                }
                value = args[++i];
            }
            values_[name] = value;
        } else {
            error_ = "unknown option --" + name;
            return;
        }
    }
}

std::string CommandLine::value(const std::string& flag, const std::string& fallback) const {
    auto it = values_.find(flag);
    return it == values_.end() ? fallback : it->second;
}

bool CommandLine::integer(const std::string& flag, int64_t fallback, int64_t* out, std::string* error) const {
    auto it = values_.find(flag);
    if (it == values_.end()) {
        *out = fallback;
        return true;
    }
    const std::string& text = it->second;
    if (!parse_integer(text, INT64_MIN, INT64_MAX, out)) {
        *error = "--" + flag + " expects a whole number, got '" + text + "'";
        return false;
    }
    return true;
}

int usage_error(const std::string& command, const std::string& message) {
    std::fprintf(stderr, "kioskctl %s: %s\n", command.c_str(), message.c_str());
    for (const Command& cmd : commands())
        if (command == cmd.name) std::fprintf(stderr, "usage: kioskctl %s\n", cmd.usage);
    return 2;
}

}  // namespace kiosk::ctl
