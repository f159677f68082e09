#include "core/speech_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

extern char** environ;

namespace kiosk::core {

namespace {

void close_fd(int* fd) {
    if (*fd >= 0) ::close(*fd);
    *fd = -1;
}

bool set_flags(int fd) {
    const int flags = ::fcntl(fd, F_GETFL);
    return flags >= 0 && ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 && ::fcntl(fd, F_SETFD, FD_CLOEXEC) == 0;
}

}  // namespace

bool SpeechProcess::start(const std::vector<std::string>& argv, std::string input, std::string* error) {
    stop();
    int in_pipe[2] = {-1, -1}, out_pipe[2] = {-1, -1};
    if (::pipe2(in_pipe, O_CLOEXEC) != 0 || ::pipe2(out_pipe, O_CLOEXEC) != 0) {
        *error = std::string("pipe: ") + std::strerror(errno);
        for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1]})
            if (fd >= 0) ::close(fd);
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in_pipe[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    // The caller may block SIGPIPE (a synthesizer that exits before reading all its text must
    // not kill the kiosk); the child starts with no signal blocked and SIGPIPE at its default.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, pipe_signal;
    sigemptyset(&none);
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &pipe_signal);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = -1;
    const int rc = ::posix_spawnp(&pid, args[0], &actions, &attr, args.data(), environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    if (rc != 0) {
        *error = argv[0] + ": " + std::strerror(rc);
        ::close(in_pipe[1]);
        ::close(out_pipe[0]);
        return false;
    }
    pid_ = pid;
    in_fd_ = in_pipe[1];
    out_fd_ = out_pipe[0];
    set_flags(in_fd_);
    set_flags(out_fd_);
    input_ = std::move(input);
    written_ = 0;
    write_some();
    return true;
}

void SpeechProcess::write_some() {
    while (in_fd_ >= 0 && written_ < input_.size()) {
        const ssize_t n = ::write(in_fd_, input_.data() + written_, input_.size() - written_);
        if (n > 0) {
            written_ += static_cast<size_t>(n);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && errno == EAGAIN) {
            return;  // the pipe is full: the rest goes when the synthesizer has read some
        } else {
            break;  // EPIPE: the synthesizer is gone; its output tells the rest
        }
    }
    close_fd(&in_fd_);
    input_.clear();
    input_.shrink_to_fit();
}

bool SpeechProcess::read_some(std::vector<unsigned char>* out, size_t max) {
    if (out_fd_ < 0) return false;
    const size_t at = out->size();
    out->resize(at + max);
    ssize_t n;
    do n = ::read(out_fd_, out->data() + at, max);
    while (n < 0 && errno == EINTR);
    out->resize(at + (n > 0 ? static_cast<size_t>(n) : 0));
    if (n > 0 || (n < 0 && errno == EAGAIN)) return true;
    return false;
}

int SpeechProcess::finish() {
    close_fd(&in_fd_);
    close_fd(&out_fd_);
    int status = -1;
    if (pid_ > 0) {
        int wstatus = 0;
        while (::waitpid(pid_, &wstatus, 0) < 0 && errno == EINTR) {
        }
        status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
    }
    pid_ = -1;
    return status;
}

void SpeechProcess::stop() {
    if (pid_ > 0) ::kill(pid_, SIGKILL);
    finish();
    input_.clear();
}

bool run_for_output(const std::vector<std::string>& argv, double timeout_s, std::string* output, std::string* error) {
    SpeechProcess process;
    if (!process.start(argv, std::string(), error)) return false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
    std::vector<unsigned char> bytes;
    while (true) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            process.stop();
            *error = argv[0] + " did not answer within " + std::to_string(static_cast<int>(timeout_s)) + " s";
            return false;
        }
        pollfd fd{process.stdout_fd(), POLLIN, 0};
        ::poll(&fd, 1, static_cast<int>(left.count()));
        if (!process.read_some(&bytes, 65536)) break;
    }
    const int status = process.finish();
    if (status != 0) {
        *error = argv[0] + (status == 127 ? std::string(" is not installed")
                                          : " failed (exit status " + std::to_string(status) + ")");
        return false;
    }
    output->assign(bytes.begin(), bytes.end());
    return true;
}

}  // namespace kiosk::core
