// systemd's side of sd_notify(3) for tests: the datagram socket NOTIFY_SOCKET names.
#pragma once

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <string>
#include <vector>

namespace kiosk::test {

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

}  // namespace kiosk::test
