#!/usr/bin/env bash
# Builds everything and starts the kiosk with the bundled content.
#   bash deploy/run.sh               fullscreen, as on the device
#   bash deploy/run.sh --windowed    in a window, for development
# Any other kiosk option passes through (see build/kiosk --help).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_packages "$KIOSK_ROOT/deploy/packages-dev.txt"
configure_and_build "$KIOSK_ROOT/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
exec "$KIOSK_ROOT/build/kiosk" --content "$KIOSK_ROOT/build/content.db" "$@"
