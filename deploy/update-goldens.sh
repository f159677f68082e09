#!/usr/bin/env bash
# Regenerates the golden screenshots (tests/golden/LANG[-contrast]/SCREEN.png) after an
# intended change of the UI:
#   bash deploy/update-goldens.sh
# Renders every screen of tests/screens/screen_tour.cpp in ru, zh and en, standard and high
# contrast, at 960x540, replaces tests/golden with them, and says which files changed. Look at
# the changed ones (git status tests/golden) before committing them. The golden test is
# `ctest -R golden` in the build folder.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_packages "$KIOSK_ROOT/deploy/packages-dev.txt"
build="$KIOSK_ROOT/build"
[[ -f "$build/CMakeCache.txt" ]] || cmake -S "$KIOSK_ROOT" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" --target screen_gallery >/dev/null
fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT
status=0
"$build/tests/screen_gallery" --golden --jobs "$(nproc)" "$fresh/golden" || status=$?
[[ -d "$fresh/golden" ]] || exit 1
rm -rf "$KIOSK_ROOT/tests/golden"
cp -r "$fresh/golden" "$KIOSK_ROOT/tests/golden"
git -C "$KIOSK_ROOT" status --short -- tests/golden | head -50
# Screens that could not be reached (listed above) have no golden: the golden test will say so.
exit "$status"
