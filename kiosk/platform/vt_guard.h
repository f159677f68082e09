// Keeps a visitor's keyboard from leaving the kiosk's virtual terminal. The service runs the
// kiosk on its own VT (TTYPath=/dev/tty7, StandardInput=tty: its controlling terminal), and
// SDL's evdev input already turns that VT's kernel keyboard off (K_OFF), so Alt+Fn,
// Ctrl+Alt+Del and typed text never reach the console. This adds what SDL 2.26 does not:
// the VT is brought to the front, put in graphics mode (no console text over the picture),
// and switched to process-controlled mode (VT_PROCESS) in which every request to switch
// away is refused. VT_LOCKSWITCH would need CAP_SYS_TTY_CONFIG, which the unit does not
// grant. SysRq is off through kernel.sysrq=0 (docs/deploy.md).
#pragma once

#include <string>

namespace kiosk::platform {

class VtGuard {
public:
    VtGuard() = default;
    ~VtGuard();  // gives the VT back: text mode, switches allowed again
    VtGuard(const VtGuard&) = delete;
    VtGuard& operator=(const VtGuard&) = delete;

    // Takes over standard input if it is a Linux virtual terminal. False, with `why`, when
    // it is not one (development, tests, a terminal emulator) or an ioctl is refused; the
    // kiosk then runs as before.
    bool engage(std::string* why);
    bool engaged() const { return fd_ >= 0; }

private:
    int fd_ = -1;
};

}  // namespace kiosk::platform
