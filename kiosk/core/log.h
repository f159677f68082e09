// Diagnostics of the running kiosk with a priority. Under systemd (stderr connected to the
// journal) every line starts with the sd-daemon.h prefix, "<3>" error, "<4>" warning, "<6>"
// info, so `journalctl -p warning -u sco-kiosk` shows what needs an organiser's attention.
// Elsewhere (a terminal, a test) the line reads "kiosk: warning: ...".
// kioskctl's command output is not a diagnostic and does not go through here.
#pragma once

#include <cstdio>
#include <string>

namespace kiosk::core {

enum class LogLevel { Error = 3, Warning = 4, Info = 6 };  // syslog priorities

enum class LogStyle {
    Plain,    // "kiosk: warning: message": for people
    Journal,  // "<4>message": for journald, which adds the unit's name itself
};

// Journal when JOURNAL_STREAM (set by systemd, "DEVICE:INODE") names the file `fd` is open on;
// systemd's documented test, so a child process whose stderr was redirected logs plainly.
LogStyle detect_log_style(const char* journal_stream, int fd);

// Where and how messages go; by default stderr, in the style detect_log_style() finds for it
// when the first message is written. Tests point it at a file.
void set_log_output(std::FILE* stream, LogStyle style);

// One message; a message of several lines gets the prefix on every line (the journal takes
// each line as its own entry). A trailing newline is added.
void log_message(LogLevel level, const std::string& message);

// printf-style shorthands for log_message().
void log_error(const char* format, ...) __attribute__((format(printf, 1, 2)));
void log_warning(const char* format, ...) __attribute__((format(printf, 1, 2)));
void log_info(const char* format, ...) __attribute__((format(printf, 1, 2)));

}  // namespace kiosk::core
