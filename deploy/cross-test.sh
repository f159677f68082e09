#!/usr/bin/env bash
# Cross-compiles the kiosk for 64-bit ARM (aarch64) and tests it under qemu-user:
#   1. the core and kioskctl unit tests (core_tests), through CMAKE_CROSSCOMPILING_EMULATOR;
#   2. a headless scripted kiosk run at 960x540 (small fonts keep the emulated font
#      rasterization short), checked through its state dump and screenshot;
#   3. the arm64 Debian package (build-arm64/sco-kiosk_*_arm64.deb), checked with lintian.
# Run as root the first time: it adds the arm64 architecture and installs what is missing.
#   bash deploy/cross-test.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
started=$SECONDS
dir="$KIOSK_ROOT/build-arm64"

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    [[ $(id -u) -eq 0 ]] || { echo "Run as root once: dpkg --add-architecture arm64" >&2; exit 1; }
    dpkg --add-architecture arm64
    apt-get update -qq
fi
ensure_packages "$KIOSK_ROOT/deploy/packages-dev.txt"
ensure_packages "$KIOSK_ROOT/deploy/packages-cross.txt"
ensure_packages "$KIOSK_ROOT/deploy/packages-arm64.txt"

# libunibreak and RIME (librime with the libraries it links) for arm64, unpacked into the build
# folder (see packages-arm64.txt). The tests find them through the build tree's RPATH (DT_RPATH,
# which librime's own dependencies see too: aarch64-linux-gnu.cmake); on the device the package
# depends on libunibreak1 and librime1.
export KIOSK_ARM64_EXTRA_ROOT="$dir/deps/root"
if [[ ! -f "$dir/deps/unpacked-2" ]]; then
    rm -rf "$dir/deps" && mkdir -p "$dir/deps/root"
    (cd "$dir/deps" && apt-get download -qq libunibreak-dev:arm64 libunibreak1:arm64 \
        librime-dev:arm64 librime1:arm64 libboost-filesystem1.74.0:arm64 libboost-regex1.74.0:arm64 \
        libgflags2.2:arm64 libgoogle-glog0v6:arm64 libleveldb1d:arm64 libmarisa0:arm64 libopencc1.1:arm64 \
        libsnappy1v5:arm64 libyaml-cpp0.7:arm64 2>/dev/null)
    for deb in "$dir"/deps/*_arm64.deb; do dpkg-deb -x "$deb" "$KIOSK_ARM64_EXTRA_ROOT"; done
    sed -i "s|^prefix=.*|prefix=$KIOSK_ARM64_EXTRA_ROOT/usr|" "$KIOSK_ARM64_EXTRA_ROOT/usr/lib/pkgconfig/libunibreak.pc"
    # rime.pc names absolute directories and sits in the multiarch folder: rewrite it where the
    # toolchain file looks, and let the linker resolve librime's dependencies there.
    rime_lib="$KIOSK_ARM64_EXTRA_ROOT/usr/lib/aarch64-linux-gnu"
    sed -e "s|^libdir=.*|libdir=$rime_lib|" -e "s|^includedir=.*|includedir=$KIOSK_ARM64_EXTRA_ROOT/usr/include|" \
        -e "s|^Libs: .*|Libs: -L\${libdir} -Wl,-rpath-link,\${libdir} -lrime|" \
        "$rime_lib/pkgconfig/rime.pc" > "$KIOSK_ARM64_EXTRA_ROOT/usr/lib/pkgconfig/rime.pc"
    touch "$dir/deps/unpacked-2"
fi

echo "== cross build (aarch64) in $dir" >&2
configure_and_build "$dir" -DCMAKE_TOOLCHAIN_FILE="$KIOSK_ROOT/deploy/aarch64-linux-gnu.cmake" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr
file "$dir/kiosk" 2>/dev/null | grep -q "ARM aarch64" || readelf -h "$dir/kiosk" | grep -q AArch64

echo "== core and kioskctl tests under qemu-user" >&2
(cd "$dir" && ctest -L core --output-on-failure -j"$(nproc)" --timeout 600)

echo "== headless scripted kiosk run under qemu-user (960x540)" >&2
run="$dir/emulated-run"
rm -rf "$run" && mkdir -p "$run"
cat > "$run/script.txt" <<SCRIPT
wait 200
shot $run/home.png
tap-id home.document.2025-digital-economy-statement
wait 400
drag 620 430 620 190 300
wait 1500
shot $run/reader.png
SCRIPT
qemu-aarch64-static "$dir/kiosk" --headless --size 960x540 --lang zh --content "$dir/content.db" \
    --assets "$KIOSK_ROOT/assets" --data-dir "$run/data" --script "$run/script.txt" --dump-state "$run/state.json"
grep -q '"screen": *"reader"' "$run/state.json" || { echo "emulated run did not open a document:" >&2; cat "$run/state.json" >&2; exit 1; }
grep -q '"missing_glyphs": *0' "$run/state.json" || { echo "emulated run lacks glyphs:" >&2; cat "$run/state.json" >&2; exit 1; }
for shot in home reader; do
    [[ -s "$run/$shot.png" ]] || { echo "emulated run wrote no $shot.png" >&2; exit 1; }
done
echo "emulated kiosk run: opened a document, screenshots in $run" >&2

echo "== arm64 Debian package" >&2
(cd "$dir" && cpack -G DEB >/dev/null)
deb=$(ls "$dir"/sco-kiosk_*_arm64.deb)
contents=$(dpkg-deb -c "$deb")
grep -q '\./usr/bin/kiosk$' <<<"$contents" || { echo "$deb lacks usr/bin/kiosk" >&2; exit 1; }
if command -v lintian >/dev/null; then lintian --fail-on error,warning "$deb"; fi
echo "$deb"
echo "cross build and emulated tests took $((SECONDS - started)) s" >&2
