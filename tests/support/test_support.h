// Helpers shared by the test executables: temporary directories, running the
// project's binaries as a person would, and reading their JSON output.
#pragma once

#include "core/content_store.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::test {

using namespace kiosk::core;  // the tests use the core layer

// A fresh directory under $TMPDIR, removed with its contents when destroyed.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

struct CommandResult {
    int exit_code = -1;  // -1 if the process did not exit normally (e.g. crashed)
    std::string out;
    std::string err;
};

// Runs `argv` (no shell), capturing stdout and stderr.
CommandResult run_command(const std::vector<std::string>& argv);
// The same, with `input` as its standard input.
CommandResult run_command_with_input(const std::vector<std::string>& argv, const std::string& input);

// `argv` prefixed with the cross-compiling emulator (qemu-user) when the tests were built for
// another architecture and argv[0] is one of the project's binaries; unchanged otherwise.
std::vector<std::string> with_emulator(const std::vector<std::string>& argv);

// The content database the build compiled from db/ (KIOSK_CONTENT_DB); fails the test when
// it cannot be opened.
std::unique_ptr<core::ContentStore> open_factory_content();

std::string read_text(const std::string& path);
// Resident memory of this process, in MB (/proc/self/statm).
double resident_mb();
void write_text(const std::string& path, const std::string& text);

// A stand-in for espeak-ng in `dir` that lists every voice but the Chinese one (cmn) and
// otherwise runs espeak-ng: for the "no voice for this language" paths. Returns its path.
std::string write_engine_without_chinese_voice(const TempDir& dir);

// Copies the content sources the explore screens need from the repository's db/ (documents,
// translations, terminology.txt, explore/) into `to`, for tests that change them and build.
void copy_overview_sources(const std::string& to);

// A parsed JSON value: enough for state dumps and --json output in tests (read by nlohmann-json).
struct JsonValue {
    enum class Type { Null, Bool, Number, String, Array, Object } type = Type::Null;
    bool boolean = false;
    double number = 0;
    std::string string;
    std::vector<JsonValue> array;
    std::map<std::string, JsonValue> object;

    bool is_null() const { return type == Type::Null; }
    bool has(const std::string& key) const { return object.count(key) != 0; }
    const JsonValue& operator[](const std::string& key) const;
};

// Parses `text` with nlohmann-json; on malformed input returns a Null value and sets `ok` false.
JsonValue parse_json(const std::string& text, bool* ok = nullptr);

}  // namespace kiosk::test
