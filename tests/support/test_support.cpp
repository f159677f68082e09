#include "test_support.h"

#include "core/file_io.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

extern char** environ;

namespace kiosk::test {

using namespace kiosk::core;  // the tests use the core layer

std::unique_ptr<core::ContentStore> open_factory_content() {
    std::string error;
    auto store = core::ContentStore::open(KIOSK_CONTENT_DB, &error);
    INFO(error);
    REQUIRE(store);
    return store;
}

TempDir::TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/kiosk-test-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (::mkdtemp(buffer.data())) path_ = buffer.data();
}

TempDir::~TempDir() {
    if (path_.empty()) return;
    std::string cmd = "rm -rf '" + path_ + "'";
    if (std::system(cmd.c_str()) != 0) { /* best effort */
    }
}

std::vector<std::string> with_emulator(const std::vector<std::string>& argv) {
#ifdef KIOSK_TEST_EMULATOR
    // Only the project's own binaries are built for the target; cp, minisign... are native.
    const std::string build_dir = KIOSK_TEST_BINARY_DIR "/";
    if (argv.empty() || argv[0].compare(0, build_dir.size(), build_dir) != 0) return argv;
    std::vector<std::string> out;
    std::string emulator = KIOSK_TEST_EMULATOR;  // a CMake list: program;arg;...
    for (size_t start = 0, end = 0; start <= emulator.size(); start = end + 1) {
        end = emulator.find(';', start);
        if (end == std::string::npos) end = emulator.size();
        if (end > start) out.push_back(emulator.substr(start, end - start));
    }
    out.insert(out.end(), argv.begin(), argv.end());
    return out;
#else
    return argv;
#endif
}

namespace {

CommandResult spawn_and_wait(const std::vector<std::string>& command, const std::string& stdin_path) {
    const std::vector<std::string> argv = with_emulator(command);
    CommandResult result;
    TempDir dir;
    std::string out_path = dir.file("stdout"), err_path = dir.file("stderr");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        result.err = "could not start " + argv[0];
        return result;
    }
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_text(out_path);
    result.err = read_text(err_path);
    return result;
}

}  // namespace

CommandResult run_command(const std::vector<std::string>& argv) { return spawn_and_wait(argv, "/dev/null"); }

CommandResult run_command_with_input(const std::vector<std::string>& argv, const std::string& input) {
    TempDir dir;
    write_text(dir.file("stdin"), input);
    return spawn_and_wait(argv, dir.file("stdin"));
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

double resident_mb() {
    std::ifstream statm("/proc/self/statm");
    long pages_total = 0, pages_resident = 0;
    statm >> pages_total >> pages_resident;
    return pages_resident * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

void write_text(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    REQUIRE_MESSAGE(out, "could not write " << path);  // a fixture that silently lacks a file proves nothing
}

const JsonValue& JsonValue::operator[](const std::string& key) const {
    static const JsonValue null_value;
    auto it = object.find(key);
    return it == object.end() ? null_value : it->second;
}

namespace {

// The tests read JSON with nlohmann-json and keep their own small value type, so a test reads
// `dump["screen"].string` whatever library parsed it.
JsonValue from_library(const nlohmann::json& in) {
    JsonValue out;
    switch (in.type()) {
        case nlohmann::json::value_t::boolean:
            out.type = JsonValue::Type::Bool;
            out.boolean = in.get<bool>();
            break;
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
        case nlohmann::json::value_t::number_float:
            out.type = JsonValue::Type::Number;
            out.number = in.get<double>();
            break;
        case nlohmann::json::value_t::string:
            out.type = JsonValue::Type::String;
            out.string = in.get<std::string>();
            break;
        case nlohmann::json::value_t::array:
            out.type = JsonValue::Type::Array;
            out.array.reserve(in.size());
            for (const nlohmann::json& item : in) out.array.push_back(from_library(item));
            break;
        case nlohmann::json::value_t::object:
            out.type = JsonValue::Type::Object;
            for (auto it = in.begin(); it != in.end(); ++it) out.object[it.key()] = from_library(it.value());
            break;
        default: break;
    }
    return out;
}

}  // namespace

JsonValue parse_json(const std::string& text, bool* ok) {
    // No exceptions: a malformed document is a discarded value, and the test says so through `ok`.
    nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (ok) *ok = !parsed.is_discarded();
    return parsed.is_discarded() ? JsonValue{} : from_library(parsed);
}

void copy_overview_sources(const std::string& to) {
    const std::string from = std::string(KIOSK_SOURCE_DIR) + "/db";
    for (const char* folder : {"/documents/", "/translations/", "/explore/"}) {
        REQUIRE(core::fs::make_dirs(to + folder));
        for (const std::string& name : core::fs::list_files(from + folder, ".txt"))
            write_text(to + folder + name, read_text(from + folder + name));
    }
    for (const char* file : {"/terminology.txt", "/topics.txt", "/glossary.txt", "/acts.txt", "/references.txt"})
        write_text(to + file, read_text(from + file));
}

std::string write_engine_without_chinese_voice(const TempDir& dir) {
    std::string path = dir.file("espeak-no-cmn");
    write_text(path, "#!/bin/sh\n"
                     "if [ \"$1\" = --voices ]; then espeak-ng --voices | grep -v ' cmn '; exit 0; fi\n"
                     "exec espeak-ng \"$@\"\n");
    REQUIRE(chmod(path.c_str(), 0755) == 0);
    return path;
}

}  // namespace kiosk::test
