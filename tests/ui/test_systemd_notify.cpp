// The interactive kiosk under systemd: it reports readiness after the first frame, sends
// watchdog heartbeats while idle, and says it is stopping on SIGTERM. The test plays systemd's
// side of sd_notify(3): a datagram socket named by NOTIFY_SOCKET.
#include "test_support.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <string>
#include <vector>

extern char** environ;

using namespace kiosk::test;

namespace {

// A bound AF_UNIX datagram socket, as systemd creates for a Type=notify service.
class NotifySocket {
public:
    explicit NotifySocket(const std::string& path) : path_(path) {
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::strncpy(addr.sun_path, path.c_str(), sizeof(addr.sun_path) - 1);
        bound_ = fd_ >= 0 && ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
    }
    ~NotifySocket() {
        if (fd_ >= 0) ::close(fd_);
    }
    bool bound() const { return bound_; }

    // Reads notifications until one equals `wanted` or `timeout_s` passes; returns all read.
    std::vector<std::string> read_until(const std::string& wanted, double timeout_s) {
        std::vector<std::string> seen;
        auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
        while (std::chrono::steady_clock::now() < deadline) {
            pollfd pfd{fd_, POLLIN, 0};
            if (::poll(&pfd, 1, 100) <= 0) continue;
            char buffer[512];
            ssize_t n = ::recv(fd_, buffer, sizeof(buffer), 0);
            if (n <= 0) continue;
            seen.emplace_back(buffer, static_cast<size_t>(n));
            if (seen.back() == wanted) break;
        }
        return seen;
    }

private:
    std::string path_;
    int fd_ = -1;
    bool bound_ = false;
};

// Starts the interactive kiosk on SDL's dummy driver with systemd's notify variables set.
pid_t start_kiosk(const std::string& notify_path, const std::string& watchdog_usec, const std::string& data_dir) {
    std::vector<std::string> env_strings = {"NOTIFY_SOCKET=" + notify_path, "WATCHDOG_USEC=" + watchdog_usec,
                                            "SDL_VIDEODRIVER=dummy", "SDL_RENDER_DRIVER=software"};
    for (char** e = environ; *e; ++e) {
        std::string entry = *e;
        if (entry.rfind("NOTIFY_SOCKET=", 0) != 0 && entry.rfind("WATCHDOG_", 0) != 0 &&
            entry.rfind("SDL_", 0) != 0)
            env_strings.push_back(entry);
    }
    std::vector<std::string> argv_strings =
        with_emulator({KIOSK_BIN, "--windowed", "--size", "480x270", "--content", KIOSK_CONTENT_DB, "--assets",
                       std::string(KIOSK_SOURCE_DIR) + "/assets", "--data-dir", data_dir});
    std::vector<char*> argv, envp;
    for (std::string& s : argv_strings) argv.push_back(&s[0]);
    for (std::string& s : env_strings) envp.push_back(&s[0]);
    argv.push_back(nullptr);
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data()) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

int count(const std::vector<std::string>& messages, const std::string& wanted) {
    int n = 0;
    for (const std::string& m : messages) n += m == wanted;
    return n;
}

}  // namespace

TEST_CASE("Under systemd the idle kiosk reports ready, keeps sending heartbeats and reports stopping on SIGTERM") {
    TempDir dir;
    NotifySocket socket(dir.file("notify"));
    REQUIRE(socket.bound());
    // WatchdogSec=0.4s: heartbeats are due every 200 ms, more often than the idle loop's 1 s wake-up.
    pid_t pid = start_kiosk(dir.file("notify"), "400000", dir.file("data"));
    REQUIRE(pid > 0);

    std::vector<std::string> startup = socket.read_until("READY=1", 60);
    CHECK(count(startup, "READY=1") == 1);
    std::vector<std::string> idle;
    for (int i = 0; i < 3; ++i) {
        std::vector<std::string> more = socket.read_until("WATCHDOG=1", 30);
        idle.insert(idle.end(), more.begin(), more.end());
    }
    CHECK(count(idle, "WATCHDOG=1") == 3);

    ::kill(pid, SIGTERM);
    std::vector<std::string> shutdown = socket.read_until("STOPPING=1", 30);
    CHECK(count(shutdown, "STOPPING=1") == 1);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}
