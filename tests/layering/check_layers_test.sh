#!/usr/bin/env bash
# Feeds deploy/check-layers.sh a made-up kiosk/ tree with one violation of each kind and checks
# that it reports exactly those (file, line and reason) and fails; then the same tree without
# the violations, which must pass silently.
#   bash tests/layering/check_layers_test.sh deploy/check-layers.sh
set -euo pipefail
check="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

tree="$tmp/good"
mkdir -p "$tree"/kiosk/{core/text,core/ime,ui,platform,kioskctl}
# What each layer may include: none of it is reported.
printf '#include "core/plain.h"\n#include <sqlite3.h>\n#include <unicode/uchar.h>\n#include <vector>\n' > "$tree/kiosk/core/store.cpp"
printf '#include <string>\n' > "$tree/kiosk/core/plain.h"
printf '#include "core/plain.h"\n#include <ft2build.h>\n#include FT_FREETYPE_H\n#include <hb.h>\n#include <fribidi.h>\n' > "$tree/kiosk/core/text/shaper.cpp"
printf '#include <rime_api.h>\n' > "$tree/kiosk/core/ime/input.cpp"
printf '#include "core/plain.h"\n#include "ui/widgets.h"\n#include <imgui.h>\n' > "$tree/kiosk/ui/screen.cpp"
printf '#include "core/plain.h"\n#include <imgui.h>\n' > "$tree/kiosk/ui/widgets.h"
printf '#include "ui/widgets.h"\n#include <SDL.h>\n#include <imgui_impl_sdlrenderer.h>\n#include <systemd/sd-daemon.h>\n' > "$tree/kiosk/platform/display.cpp"
printf '#include "core/plain.h"\n#include <sodium.h>\n' > "$tree/kiosk/kioskctl/cmd.cpp"
if ! out=$(bash "$check" "$tree" 2>&1) || [[ -n "$out" ]]; then
    echo "FAIL: a tree without violations was not passed silently:"
    echo "$out"
    exit 1
fi

bad="$tmp/bad"
cp -r "$tree" "$bad"
printf '#include <SDL.h>\n#include "../platform/display.h"\n#include <sqlite3.h>\n#include <SDL2/SDL_video.h>\n' > "$bad/kiosk/ui/bad_screen.cpp"
printf '#include "core/plain.h"\n#include "core/store.h"\n' > "$bad/kiosk/ui/bad_state.h"
printf '#include <vector>\n#include <sqlite3.h>\n' > "$bad/kiosk/core/store.h"
printf '#include <imgui/imgui.h>\n#include "core/text/shaper.h"\n#include <rime_api.h>\n#include <systemd/sd-daemon.h>\n' > "$bad/kiosk/core/bad.cpp"
printf '#include <hb.h>\n#include "core/ime/input.h"\n' > "$bad/kiosk/kioskctl/bad.cpp"
printf '#include <stb_image.h>\n' > "$bad/kiosk/platform/bad.cpp"
printf '#include <imgui_impl_sdlrenderer.h>\n#include <unicode/uchar.h>\n#include "sqlite3.h"\n' > "$bad/kiosk/ui/bad_widgets.h"

status=0
out=$(bash "$check" "$bad" 2>&1) || status=$?
expected=(
    'kiosk/core/bad.cpp:1: #include <imgui/imgui.h>: spelled through /usr/include'
    'kiosk/core/bad.cpp:2: #include "core/text/shaper.h": kiosk_text and kiosk_ime sit beside the core'
    'kiosk/core/bad.cpp:3: #include <rime_api.h>: librime is not for the core layer'
    'kiosk/core/bad.cpp:4: #include <systemd/sd-daemon.h>: libsystemd is not for the core layer'
    'kiosk/kioskctl/bad.cpp:1: #include <hb.h>: HarfBuzz is not for the kioskctl layer'
    'kiosk/kioskctl/bad.cpp:2: #include "core/ime/input.h": kiosk_text and kiosk_ime sit beside the core'
    'kiosk/platform/bad.cpp:1: #include <stb_image.h>: stb is not for the platform layer'
    'kiosk/ui/bad_screen.cpp:1: #include <SDL.h>: SDL2 is not for the ui layer'
    'kiosk/ui/bad_screen.cpp:2: #include "../platform/display.h": a relative include climbs out of its folder'
    'kiosk/ui/bad_screen.cpp:3: #include <sqlite3.h>: SQLite is not for the ui layer'
    'kiosk/ui/bad_screen.cpp:4: #include <SDL2/SDL_video.h>: spelled through /usr/include'
    'kiosk/ui/bad_state.h:2: reaches <sqlite3.h> (kiosk/ui/bad_state.h:2 -> kiosk/core/store.h:2 <sqlite3.h>)'
    'kiosk/ui/bad_widgets.h:1: #include <imgui_impl_sdlrenderer.h>: the SDL_Renderer backend of ImGui is not for the ui layer'
    'kiosk/ui/bad_widgets.h:2: #include <unicode/uchar.h>: ICU is not for the ui layer'
    'kiosk/ui/bad_widgets.h:3: #include "sqlite3.h": SQLite is not for the ui layer'
)
fail=0
if [[ $status -ne 1 ]]; then
    echo "FAIL: check-layers.sh exited with $status on a tree with violations, not 1"
    fail=1
fi
for line in "${expected[@]}"; do
    grep -qF -- "$line" <<<"$out" || { echo "FAIL: not reported: $line"; fail=1; }
done
reported=$(grep -c . <<<"$out" || true)
if [[ $reported -ne ${#expected[@]} ]]; then
    echo "FAIL: $reported lines reported, ${#expected[@]} expected"
    fail=1
fi
if [[ $fail -ne 0 ]]; then
    echo "check-layers.sh said:"
    echo "$out"
    exit 1
fi
echo "check-layers.sh reported all ${#expected[@]} violations and passed the clean tree"
