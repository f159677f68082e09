# CMake toolchain file: cross-compile the kiosk for 64-bit ARM (Raspberry Pi 3/4/5, Debian 12 arm64)
# on a Debian 12 x86-64 machine, with Debian's multiarch arm64 -dev packages installed beside the
# native ones (dpkg --add-architecture arm64; see deploy/packages-arm64.txt and deploy/cross-test.sh).
#
#   cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=deploy/aarch64-linux-gnu.cmake
#
# Tests and build steps that run arm64 binaries go through qemu-user (CMAKE_CROSSCOMPILING_EMULATOR).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

find_program(KIOSK_QEMU_AARCH64 NAMES qemu-aarch64-static qemu-aarch64 REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR "${KIOSK_QEMU_AARCH64}" CACHE STRING "Runs arm64 binaries on the build machine")

# Multiarch: headers are shared in /usr/include, arm64 libraries live in /usr/lib/aarch64-linux-gnu.
# Only arm64 .pc files may be seen, or pkg-config would hand out the x86-64 libraries.
# KIOSK_ARM64_EXTRA_ROOT: arm64 -dev packages unpacked by deploy/cross-test.sh (libunibreak, librime).
set(ENV{PKG_CONFIG_LIBDIR} "$ENV{KIOSK_ARM64_EXTRA_ROOT}/usr/lib/pkgconfig:/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")

# Binaries come from the build machine, libraries and headers for the target only.
set(CMAKE_FIND_ROOT_PATH /)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)


# The build tree's RPATH as DT_RPATH rather than DT_RUNPATH: librime, unpacked by cross-test.sh,
# finds its own libraries (glog, Boost, OpenCC...) unpacked beside it only through an RPATH that
# applies to dependencies too. Installed binaries carry no RPATH either way.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-Wl,--disable-new-dtags")
