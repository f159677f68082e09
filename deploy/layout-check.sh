#!/usr/bin/env bash
# The layout check: every screen of the kiosk (tests/screens/screen_tour.cpp) in ru, zh and en
# at 800x480, 1024x600, 1920x1080 and 1080x1920, checked against the rules of
# tests/screens/layout_rules.h (targets >= 48 px and 8 px apart, text >= 14 px and Chinese a
# step larger, no overlaps, nothing off the screen or clipped without an ellipsis). Prints each
# violation and a table of counts per screen and size; exit status 1 if there is any.
#   bash deploy/layout-check.sh [--size WxH]... [--lang ru|zh|en]... [--screen NAME] [--largest-text]
# e.g. bash deploy/layout-check.sh --size 800x480 --lang zh --screen search. About 15 s on two
# cores for the whole matrix: one headless kiosk per language and size writes a state dump per
# screen (script line `dump FILE.json`), no screenshots.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi
ensure_packages "$KIOSK_ROOT/deploy/packages-dev.txt"
build="$KIOSK_ROOT/build"
[[ -f "$build/CMakeCache.txt" ]] || cmake -S "$KIOSK_ROOT" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" --target screen_gallery >/dev/null
exec "$build/tests/screen_gallery" --check --jobs "$(nproc)" "$@"
