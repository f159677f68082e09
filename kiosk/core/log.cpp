#include "core/log.h"

#include "core/line_reader.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cinttypes>
#include <cstdarg>
#include <cstdlib>
#include <mutex>

namespace kiosk::core {

namespace {

struct LogOutput {
    std::mutex mutex;
    std::FILE* stream = nullptr;  // nullptr: stderr, style detected on first use
    LogStyle style = LogStyle::Plain;
};

LogOutput& output() {
    static LogOutput out;
    return out;
}

const char* plain_tag(LogLevel level) {
    switch (level) {
        case LogLevel::Error: return "kiosk: error: ";
        case LogLevel::Warning: return "kiosk: warning: ";
        case LogLevel::Info: return "kiosk: ";
    }
    return "kiosk: ";
}

std::string format_args(const char* format, va_list args) {
    va_list copy;
    va_copy(copy, args);
    const int size = std::vsnprintf(nullptr, 0, format, copy);
    va_end(copy);
    if (size <= 0) return {};
    std::string text(static_cast<size_t>(size) + 1, '\0');
    std::vsnprintf(text.data(), text.size(), format, args);
    text.resize(static_cast<size_t>(size));
    return text;
}

void log_formatted(LogLevel level, const char* format, va_list args) { log_message(level, format_args(format, args)); }

}  // namespace

LogStyle detect_log_style(const char* journal_stream, int fd) {
    if (!journal_stream || !*journal_stream) return LogStyle::Plain;
    uintmax_t device = 0, inode = 0;
    char tail = 0;
    if (std::sscanf(journal_stream, "%ju:%ju%c", &device, &inode, &tail) != 2) return LogStyle::Plain;
    struct stat st {};
    if (fstat(fd, &st) != 0) return LogStyle::Plain;
    const bool same = static_cast<uintmax_t>(st.st_dev) == device && static_cast<uintmax_t>(st.st_ino) == inode;
    return same ? LogStyle::Journal : LogStyle::Plain;
}

void set_log_output(std::FILE* stream, LogStyle style) {
    LogOutput& out = output();
    std::lock_guard<std::mutex> lock(out.mutex);
    out.stream = stream;
    out.style = style;
}

void log_message(LogLevel level, const std::string& message) {
    LogOutput& out = output();
    std::lock_guard<std::mutex> lock(out.mutex);
    if (!out.stream) {
        out.stream = stderr;
        out.style = detect_log_style(std::getenv("JOURNAL_STREAM"), STDERR_FILENO);
    }
    const std::string prefix = out.style == LogStyle::Journal ? "<" + std::to_string(static_cast<int>(level)) + ">"
                                                              : std::string(plain_tag(level));
    std::string text;
    LineReader lines(message);
    for (TextLine line; lines.next(&line);) text.append(prefix).append(line.text).append("\n");
    if (text.empty()) text = prefix + "\n";  // an empty message is still one entry
    std::fwrite(text.data(), 1, text.size(), out.stream);
    std::fflush(out.stream);
}

void log_error(const char* format, ...) {
    va_list args;
    va_start(args, format);
    log_formatted(LogLevel::Error, format, args);
    va_end(args);
}

void log_warning(const char* format, ...) {
    va_list args;
    va_start(args, format);
    log_formatted(LogLevel::Warning, format, args);
    va_end(args);
}

void log_info(const char* format, ...) {
    va_list args;
    va_start(args, format);
    log_formatted(LogLevel::Info, format, args);
    va_end(args);
}

}  // namespace kiosk::core
