#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs them for a short fixed time, split between
# the signature parsers (fuzz_minisign) and whole signed packages (fuzz_package).
#   bash deploy/fuzz.sh          30 seconds in all (what CI runs)
#   bash deploy/fuzz.sh 600      longer, when changing a parser or the package checks
# Crashes are written to build-fuzz/crashes/; the script fails if the fuzzer finds one.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_packages "$KIOSK_ROOT/deploy/packages-dev.txt"
ensure_packages <(printf 'clang\nlibclang-rt-14-dev\n')
seconds="${1:-30}"
minisign_seconds=$(( (seconds + 1) / 2 )) package_seconds=$(( seconds / 2 > 0 ? seconds / 2 : 1 ))
dir="$KIOSK_ROOT/build-fuzz"
CC=clang CXX=clang++ cmake -S "$KIOSK_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_FUZZ=ON \
    -DKIOSK_BUILD_UI=OFF -DKIOSK_BUILD_TESTS=OFF >/dev/null
cmake --build "$dir" -j"$(nproc)" --target fuzz_minisign fuzz_package kioskctl

# Seed corpus: real files made by kioskctl, each behind the byte that picks its parser
# (0 signature, 1 public key, 2 secret key, 3 trusted comment). Made fresh: no key is committed.
corpus="$dir/corpus/minisign" packages="$dir/corpus/package" seeds="$dir/seeds"
rm -rf "$seeds" && mkdir -p "$corpus" "$packages" "$seeds" "$dir/crashes"
"$dir/kioskctl" keygen --secret-key "$seeds/k.key" --public-key "$seeds/k.pub" >/dev/null
"$dir/kioskctl" build "$KIOSK_ROOT/tests/data/packages/source" "$seeds/p.kpkg" --content-version 2 >/dev/null
"$dir/kioskctl" sign "$seeds/p.kpkg" --secret-key "$seeds/k.key" >/dev/null
cp "$seeds/p.kpkg" "$packages/seed-content-db"
{ printf '\000'; cat "$seeds/p.kpkg.minisig"; } > "$corpus/seed-signature"
{ printf '\001'; cat "$seeds/k.pub"; } > "$corpus/seed-public-key"
{ printf '\002'; cat "$seeds/k.key"; } > "$corpus/seed-secret-key"
{ printf '\003'; sed -n 's/^trusted comment: //p' "$seeds/p.kpkg.minisig"; } > "$corpus/seed-trusted-comment"
rm -rf "$seeds"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
"$dir/fuzz_minisign" -max_total_time="$minisign_seconds" -max_len=16384 -artifact_prefix="$dir/crashes/" \
    -print_final_stats=1 "$corpus"
# Packages: each input is a database signed inside the fuzzer; SQLite's deadline bounds each run.
"$dir/fuzz_package" -max_total_time="$package_seconds" -max_len=$(( $(stat -c %s "$packages/seed-content-db") + 4096 )) \
    -timeout=60 -artifact_prefix="$dir/crashes/" -print_final_stats=1 "$packages"
