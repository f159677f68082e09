#!/usr/bin/env bash
# Builds and runs the whole test suite through ctest.
#   bash deploy/test.sh              the normal build (build-tests/)
#   bash deploy/test.sh --sanitize   built with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_packages "$KIOSK_ROOT/deploy/packages-dev.txt"
dir="$KIOSK_ROOT/build-tests"
# Installed paths as in the Debian package, so deploy/package-test.sh reuses this build.
args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr -DKIOSK_SHARE_DIR=/usr/share/sco-kiosk)
if [[ "${1:-}" == "--sanitize" ]]; then
    dir="$KIOSK_ROOT/build-asan"
    args=(-DCMAKE_BUILD_TYPE=Debug -DKIOSK_SANITIZE=ON)
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
fi
configure_and_build "$dir" "${args[@]}"
cd "$dir"
ctest --output-on-failure -j"$(nproc)" --timeout 300
