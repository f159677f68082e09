#include "platform/vt_guard.h"

#include <linux/kd.h>
#include <linux/vt.h>
#include <linux/major.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

namespace kiosk::platform {

namespace {

volatile sig_atomic_t g_vt_fd = -1;

// The kernel asks before switching away (release) and after switching back (acquire).
// A release is refused; an acquire is acknowledged. Only ioctl: safe in a signal handler.
void on_vt_signal(int) {
    const int saved = errno;
    if (g_vt_fd >= 0 && ioctl(g_vt_fd, VT_RELDISP, 0) != 0) ioctl(g_vt_fd, VT_RELDISP, VT_ACKACQ);
    errno = saved;
}

std::string failed(const char* what) { return std::string(what) + " failed: " + std::strerror(errno); }

}  // namespace

bool VtGuard::engage(std::string* why) {
    vt_stat state{};
    if (ioctl(STDIN_FILENO, VT_GETSTATE, &state) != 0) {
        *why = "standard input is not a virtual terminal";
        return false;
    }
    // In front first (the console on tty1 is what shows at boot), then keep it there.
    struct stat st {};
    if (fstat(STDIN_FILENO, &st) == 0 && major(st.st_rdev) == TTY_MAJOR && minor(st.st_rdev) >= 1)
        ioctl(STDIN_FILENO, VT_ACTIVATE, static_cast<int>(minor(st.st_rdev)));
    struct sigaction action {};
    action.sa_handler = on_vt_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGUSR1, &action, nullptr);
    g_vt_fd = STDIN_FILENO;

    vt_mode mode{};
    mode.mode = VT_PROCESS;
    mode.relsig = SIGUSR1;
    mode.acqsig = SIGUSR1;
    if (ioctl(STDIN_FILENO, VT_SETMODE, &mode) != 0) {
        *why = failed("VT_SETMODE");
        g_vt_fd = -1;
        return false;
    }
    fd_ = STDIN_FILENO;
    if (ioctl(fd_, KDSETMODE, KD_GRAPHICS) != 0) *why = failed("KDSETMODE");
    return true;
}

VtGuard::~VtGuard() {
    if (fd_ < 0) return;
    vt_mode mode{};
    mode.mode = VT_AUTO;
    ioctl(fd_, VT_SETMODE, &mode);
    ioctl(fd_, KDSETMODE, KD_TEXT);
    g_vt_fd = -1;
}

}  // namespace kiosk::platform
