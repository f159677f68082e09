#include "test_support.h"

#include "core/file_io.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

extern char** environ;

namespace kiosk::test {

std::unique_ptr<ContentStore> open_factory_content() {
    std::string error;
    auto store = ContentStore::open(KIOSK_CONTENT_DB, &error);
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
    if (std::system(cmd.c_str()) != 0) { /* best effort */ }
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

class JsonParser {
public:
    explicit JsonParser(const std::string& text) : s_(text) {}

    bool parse(JsonValue* out) {
        if (!value(out)) return false;
        skip();
        return i_ == s_.size();
    }

private:
    void skip() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
    }
    bool literal(const char* word) {
        size_t n = std::char_traits<char>::length(word);
        if (s_.compare(i_, n, word) != 0) return false;
        i_ += n;
        return true;
    }
    bool value(JsonValue* out) {
        skip();
        if (i_ >= s_.size()) return false;
        char c = s_[i_];
        if (c == '{') return object(out);
        if (c == '[') return array(out);
        if (c == '"') {
            out->type = JsonValue::Type::String;
            return string(&out->string);
        }
        if (literal("null")) return true;
        if (literal("true")) { out->type = JsonValue::Type::Bool; out->boolean = true; return true; }
        if (literal("false")) { out->type = JsonValue::Type::Bool; return true; }
        char* end = nullptr;
        out->number = std::strtod(s_.c_str() + i_, &end);
        if (end == s_.c_str() + i_) return false;
        i_ = static_cast<size_t>(end - s_.c_str());
        out->type = JsonValue::Type::Number;
        return true;
    }
    bool string(std::string* out) {
        ++i_;
        while (i_ < s_.size() && s_[i_] != '"') {
            if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
                char e = s_[++i_];
                if (e == 'n') *out += '\n';
                else if (e == 't') *out += '\t';
                else if (e == 'u' && i_ + 4 < s_.size()) {
                    unsigned cp = static_cast<unsigned>(std::strtoul(s_.substr(i_ + 1, 4).c_str(), nullptr, 16));
                    i_ += 4;
                    if (cp < 0x80) *out += static_cast<char>(cp);
                    else if (cp < 0x800) { *out += static_cast<char>(0xC0 | (cp >> 6)); *out += static_cast<char>(0x80 | (cp & 0x3F)); }
                    else { *out += static_cast<char>(0xE0 | (cp >> 12)); *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); *out += static_cast<char>(0x80 | (cp & 0x3F)); }
                } else *out += e;
            } else {
                *out += s_[i_];
            }
            ++i_;
        }
        if (i_ >= s_.size()) return false;
        ++i_;
        return true;
    }
    bool array(JsonValue* out) {
        out->type = JsonValue::Type::Array;
        ++i_;
        skip();
        if (i_ < s_.size() && s_[i_] == ']') { ++i_; return true; }
        while (true) {
            JsonValue item;
            if (!value(&item)) return false;
            out->array.push_back(std::move(item));
            skip();
            if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
            if (i_ < s_.size() && s_[i_] == ']') { ++i_; return true; }
            return false;
        }
    }
    bool object(JsonValue* out) {
        out->type = JsonValue::Type::Object;
        ++i_;
        skip();
        if (i_ < s_.size() && s_[i_] == '}') { ++i_; return true; }
        while (true) {
            skip();
            std::string key;
            if (i_ >= s_.size() || s_[i_] != '"' || !string(&key)) return false;
            skip();
            if (i_ >= s_.size() || s_[i_] != ':') return false;
            ++i_;
            JsonValue item;
            if (!value(&item)) return false;
            out->object[key] = std::move(item);
            skip();
            if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
            if (i_ < s_.size() && s_[i_] == '}') { ++i_; return true; }
            return false;
        }
    }

    const std::string& s_;
    size_t i_ = 0;
};

}  // namespace

JsonValue parse_json(const std::string& text, bool* ok) {
    JsonValue value;
    bool parsed = JsonParser(text).parse(&value);
    if (ok) *ok = parsed;
    return parsed ? value : JsonValue{};
}

void copy_overview_sources(const std::string& to) {
    const std::string from = std::string(KIOSK_SOURCE_DIR) + "/db";
    for (const char* folder : {"/documents/", "/translations/", "/explore/"}) {
        REQUIRE(fs::make_dirs(to + folder));
        for (const std::string& name : fs::list_files(from + folder, ".txt"))
            write_text(to + folder + name, read_text(from + folder + name));
    }
    for (const char* file : {"/terminology.txt", "/topics.txt", "/glossary.txt", "/acts.txt", "/references.txt"})
        write_text(to + file, read_text(from + file));
}

}  // namespace kiosk::test
