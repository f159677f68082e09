#!/usr/bin/env bash
# Renders every screen of the kiosk in ru, zh and en at 800x480, 1024x600, 1920x1080 and
# 1080x1920 (portrait) into OUT_DIR, with OUT_DIR/index.html to look at them all:
#   bash deploy/gallery.sh OUT_DIR
# Shots are OUT_DIR/LANG-WxH/SCREEN.png. The screens and the steps that reach them are
# tests/screens/screen_tour.cpp, the list the golden-screenshot tests use too. One headless kiosk
# runs per language and size (two at a time on two cores: about 40 s). A screen that cannot be
# reached is listed in OUT_DIR/problems.txt and the command exits with status 1.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [[ $# -ne 1 || "$1" == -* ]]; then
    echo "usage: bash deploy/gallery.sh OUT_DIR" >&2
    exit 2
fi
ensure_packages "$KIOSK_ROOT/deploy/packages-dev.txt"
build="$KIOSK_ROOT/build"
[[ -f "$build/CMakeCache.txt" ]] || cmake -S "$KIOSK_ROOT" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" --target screen_gallery >/dev/null
exec "$build/tests/screen_gallery" --jobs "$(nproc)" "$1"
