// The kiosk's diagnostics carry the priority the journal reads (sd-daemon.h prefixes).
#include "core/log.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cstdio>
#include <string>

using kiosk::core::LogLevel;
using kiosk::core::LogStyle;

namespace {

// Runs `write` with the log pointed at a temporary file and returns what it wrote.
template <typename Write>
std::string captured(LogStyle style, Write write) {
    std::FILE* file = std::tmpfile();
    REQUIRE(file != nullptr);
    kiosk::core::set_log_output(file, style);
    write();
    kiosk::core::set_log_output(nullptr, LogStyle::Plain);  // back to stderr for the other tests
    std::string text;
    std::rewind(file);
    for (int c = std::fgetc(file); c != EOF; c = std::fgetc(file)) text += static_cast<char>(c);
    std::fclose(file);
    return text;
}

}  // namespace

TEST_CASE("under the journal errors warnings and notes get the sd-daemon priorities 3 4 and 6") {
    const std::string text = captured(LogStyle::Journal, [] {
        kiosk::core::log_error("cannot write state dump: %s", "disk full");
        kiosk::core::log_warning("search unavailable: %d", 7);
        kiosk::core::log_info("content version %lld confirmed", 42LL);
    });
    CHECK(text == "<3>cannot write state dump: disk full\n<4>search unavailable: 7\n<6>content version 42 confirmed\n");
}

TEST_CASE("outside the journal each line names the kiosk and says warning or error in words") {
    const std::string text = captured(LogStyle::Plain, [] {
        kiosk::core::log_error("restart failed");
        kiosk::core::log_warning("no font has U+%04X", 0x4E2Du);
        kiosk::core::log_info("installing");
    });
    CHECK(text == "kiosk: error: restart failed\nkiosk: warning: no font has U+4E2D\nkiosk: installing\n");
}

TEST_CASE("every line of a message of several lines carries the priority") {
    const std::string journal =
        captured(LogStyle::Journal, [] { kiosk::core::log_message(LogLevel::Warning, "first\nsecond\n"); });
    CHECK(journal == "<4>first\n<4>second\n");
    const std::string empty = captured(LogStyle::Journal, [] { kiosk::core::log_message(LogLevel::Error, ""); });
    CHECK(empty == "<3>\n");
}

TEST_CASE("the journal style is chosen only when JOURNAL_STREAM names the file stderr is open on") {
    std::FILE* file = std::tmpfile();
    REQUIRE(file != nullptr);
    const int fd = fileno(file);
    struct stat st {};
    REQUIRE(fstat(fd, &st) == 0);
    const std::string same = std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
    const std::string other = std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino + 1);
    CHECK(kiosk::core::detect_log_style(same.c_str(), fd) == LogStyle::Journal);
    CHECK(kiosk::core::detect_log_style(other.c_str(), fd) == LogStyle::Plain);  // stderr redirected by a parent
    CHECK(kiosk::core::detect_log_style(nullptr, fd) == LogStyle::Plain);
    CHECK(kiosk::core::detect_log_style("", fd) == LogStyle::Plain);
    CHECK(kiosk::core::detect_log_style("not a stream", fd) == LogStyle::Plain);
    CHECK(kiosk::core::detect_log_style((same + "x").c_str(), fd) == LogStyle::Plain);
    std::fclose(file);
}
