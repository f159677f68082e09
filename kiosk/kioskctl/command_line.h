// Argument parsing shared by kioskctl's commands: positionals plus `--flag value` options.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace kiosk::ctl {

class CommandLine {
public:
    // `value_flags` take a value (`--limit 5` or `--limit=5`); `bool_flags` do not.
    CommandLine(const std::vector<std::string>& args, const std::set<std::string>& value_flags,
                const std::set<std::string>& bool_flags);

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    const std::vector<std::string>& positional() const { return positional_; }
    bool has(const std::string& flag) const { return values_.count(flag) != 0; }
    std::string value(const std::string& flag, const std::string& fallback = {}) const;
    // Parses a whole number; false (with a message in `error`) if malformed.
    bool integer(const std::string& flag, int64_t fallback, int64_t* out, std::string* error) const;

private:
    std::vector<std::string> positional_;
    std::map<std::string, std::string> values_;
    std::string error_;
};

// Each command returns the process exit status.
using CommandFn = int (*)(const std::vector<std::string>& args);

struct Command {
    const char* name;
    const char* usage;    // e.g. "build SOURCE_DIR OUT.db [--content-version N]"
    const char* summary;  // one line for --help
    CommandFn run;
};

// Commands register themselves in this table (commands.cpp).
const std::vector<Command>& commands();

int cmd_build(const std::vector<std::string>& args);
int cmd_list(const std::vector<std::string>& args);
int cmd_keygen(const std::vector<std::string>& args);
int cmd_pack(const std::vector<std::string>& args);
int cmd_sign(const std::vector<std::string>& args);
int cmd_verify(const std::vector<std::string>& args);
int cmd_install(const std::vector<std::string>& args);
int cmd_rollback(const std::vector<std::string>& args);
int cmd_status(const std::vector<std::string>& args);
int cmd_set_pin(const std::vector<std::string>& args);
int cmd_settings(const std::vector<std::string>& args);
int cmd_trainer_results(const std::vector<std::string>& args);
int cmd_stats(const std::vector<std::string>& args);
int cmd_search(const std::vector<std::string>& args);
int cmd_export_html(const std::vector<std::string>& args);
int cmd_check_translations(const std::vector<std::string>& args);

// The settings command's line in --help, naming the keys of the settings table.
const char* settings_summary();

// Prints "kioskctl: <message>" to stderr and returns 2 (usage error).
int usage_error(const std::string& command, const std::string& message);

}  // namespace kiosk::ctl
