#!/usr/bin/env bash
# Benchmark (prints numbers; not a test): the kiosk next to a headless Chromium showing the
# same five documents, at 1920x1080, in one run (docs/performance.md, "Text engine benchmarks").
#
#   bash deploy/bench-vs-chromium.sh [--runs N] [--build DIR] [--json FILE] [--interval-ms N]
#
# Each side is started, takes one screenshot and exits:
#   kiosk     BUILD/kiosk --headless --size 1920x1080 --script S   (S holds one `shot` line)
#   Chromium  chromium --headless=new --disable-gpu --screenshot=F --window-size=1920,1080
#             --user-data-dir=(fresh) [--no-sandbox as root] file://documents.html
# documents.html is `kioskctl export-html` of BUILD/content.db: every document's titles,
# summaries and official Russian text, set in the kiosk's own Noto faces.
#
# Two figures per side and run, each from its own start (BUILD/pss_peak, kiosk/bench/pss_peak.cpp):
#   wall_ms      process start to exit, with nothing sampling it (pss_peak --time); the CPU time
#                of the same start (user + system, all processes) is printed beside the medians;
#   peak_pss_mb  the largest PSS summed over the whole process tree (Chromium: browser,
#                zygotes, renderer, GPU, utility, crashpad), sampled every --interval-ms
#                (default 5) in a separate start (pss_peak --pss), since sampling slows Chromium.
# One untimed start of each side comes first (warm file cache); then N runs (default 5)
# alternate kiosk and Chromium, so a change in the machine's load hits both. Prints every run,
# the medians and the ratios as plain lines, then one line of JSON (also written to --json FILE).
# The kiosk gets a fresh --data-dir; the host's kiosk state is not touched.
#
# Needs: the build (cmake --build BUILD: kiosk, kioskctl, pss_peak, content.db) and Chromium
# (Debian package chromium, from deploy/packages-bench.txt, installed here when run as root).
# Temporary files are removed and every Chromium process is killed on exit, also on Ctrl-C.
BENCH_NAME="bench-vs-chromium"
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

runs=5 build="$KIOSK_ROOT/build" json_out="" interval_ms=5
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="${2:-}"; shift 2 || bench_fail "--runs needs a value" ;;
        --build) build="${2:-}"; shift 2 || bench_fail "--build needs a value" ;;
        --json) json_out="${2:-}"; shift 2 || bench_fail "--json needs a value" ;;
        --interval-ms) interval_ms="${2:-}"; shift 2 || bench_fail "--interval-ms needs a value" ;;
        -h|--help) sed -n '2,/^BENCH_NAME/{/^BENCH_NAME/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        *) bench_fail "unknown option $1 (see --help)" ;;
    esac
done
check_runs "$runs"
[[ "$interval_ms" =~ ^[0-9]+$ ]] && (( interval_ms >= 1 )) || bench_fail "--interval-ms must be a whole number of at least 1"

ensure_packages "$KIOSK_ROOT/deploy/packages-bench.txt"
chromium_bin="${CHROMIUM:-chromium}"
command -v "$chromium_bin" >/dev/null || bench_fail "$chromium_bin not found; install the Debian package chromium (deploy/packages-bench.txt) or set CHROMIUM"
hint="build it first: cmake -S . -B $build && cmake --build $build"
for file in kiosk kioskctl pss_peak content.db; do bench_require_file "$build/$file" "$hint"; done

"$build/kioskctl" export-html "$build/content.db" "$BENCH_TMP/documents.html" 2>"$BENCH_TMP/export.log" ||
    bench_fail "kioskctl export-html failed: $(cat "$BENCH_TMP/export.log")"
mkdir -p "$BENCH_TMP/kiosk-data"
chromium_flags=(--headless=new --disable-gpu --window-size=1920,1080)
[[ $(id -u) -eq 0 ]] && chromium_flags+=(--no-sandbox)  # Chromium refuses to run as root with its sandbox

# kiosk_command TAG / chromium_command TAG: sets COMMAND to one start; the screenshot is TAG.png.
kiosk_command() {
    printf 'shot %s\n' "$BENCH_TMP/$1.png" >"$BENCH_TMP/$1.script"
    COMMAND=("$build/kiosk" --headless --size 1920x1080 --data-dir "$BENCH_TMP/kiosk-data" --script "$BENCH_TMP/$1.script")
}
chromium_command() {
    rm -rf "$BENCH_TMP/$1.profile"
    COMMAND=("$chromium_bin" "${chromium_flags[@]}" --user-data-dir="$BENCH_TMP/$1.profile"
             --screenshot="$BENCH_TMP/$1.png" "file://$BENCH_TMP/documents.html")
}

# measure SIDE TAG MODE: one start of SIDE (kiosk|chromium) under pss_peak MODE (--time|--pss);
# checks the screenshot and leaves pss_peak's JSON in TAG.json.
measure() {
    local side="$1" tag="$2" mode="$3" size
    local -a sampler=("$build/pss_peak" "$mode")
    [[ "$mode" == "--pss" ]] && sampler+=(--interval-ms "$interval_ms")
    "${side}_command" "$tag"
    local -a command=("${COMMAND[@]}")
    rm -f "$BENCH_TMP/$tag.png"
    if ! bench_run "$BENCH_TMP/$tag.json" "$BENCH_TMP/$tag.log" "${sampler[@]}" --timeout-s 120 -- "${command[@]}"; then
        tail -n 20 "$BENCH_TMP/$tag.log" >&2
        bench_fail "$side failed (${command[*]})"
    fi
    size="$(png_size "$BENCH_TMP/$tag.png")"
    [[ "$size" == "1920x1080" ]] || bench_fail "$side wrote no 1920x1080 screenshot (got '${size:-nothing}'; ${command[*]})"
    rm -rf "$BENCH_TMP/$tag.profile" "$BENCH_TMP/$tag.png"
}

load_before="$(load_average)"
echo "kiosk:    $build/kiosk ($(git -C "$KIOSK_ROOT" describe --always --dirty 2>/dev/null || echo unknown))"
echo "chromium: $("$chromium_bin" --version 2>/dev/null | head -n 1)"
echo "machine:  $(nproc) cores, load average $load_before; $runs runs"
measure kiosk warmup-kiosk --time
measure chromium warmup-chromium --time

declare -a kiosk_ms kiosk_mb kiosk_cpu chromium_ms chromium_mb chromium_cpu
for (( run = 1; run <= runs; run++ )); do
    for side in kiosk chromium; do
        measure "$side" "$side-$run-time" --time
        measure "$side" "$side-$run-pss" --pss
    done
    kiosk_ms+=("$(json_number wall_ms "$BENCH_TMP/kiosk-$run-time.json")")
    kiosk_mb+=("$(json_number peak_pss_mb "$BENCH_TMP/kiosk-$run-pss.json")")
    kiosk_cpu+=("$(json_number cpu_ms "$BENCH_TMP/kiosk-$run-time.json")")
    chromium_ms+=("$(json_number wall_ms "$BENCH_TMP/chromium-$run-time.json")")
    chromium_mb+=("$(json_number peak_pss_mb "$BENCH_TMP/chromium-$run-pss.json")")
    chromium_cpu+=("$(json_number cpu_ms "$BENCH_TMP/chromium-$run-time.json")")
    processes="$(json_number max_processes "$BENCH_TMP/chromium-$run-pss.json")"
    printf 'run %d: kiosk %8.1f ms %7.1f MB PSS | chromium %8.1f ms %7.1f MB PSS (%s processes) | load %s\n' \
        "$run" "${kiosk_ms[-1]}" "${kiosk_mb[-1]}" "${chromium_ms[-1]}" "${chromium_mb[-1]}" "$processes" "$(load_average)"
done
load_after="$(load_average)"

k_ms="$(median "${kiosk_ms[@]}")" k_mb="$(median "${kiosk_mb[@]}")"
c_ms="$(median "${chromium_ms[@]}")" c_mb="$(median "${chromium_mb[@]}")"
k_cpu="$(median "${kiosk_cpu[@]}")" c_cpu="$(median "${chromium_cpu[@]}")"
faster="$(ratio "$c_ms" "$k_ms" 1)" lighter="$(ratio "$c_mb" "$k_mb" 1)"
echo "median kiosk:    start -> screenshot -> exit $k_ms ms (CPU $k_cpu ms), peak PSS $k_mb MB"
echo "median chromium: start -> screenshot -> exit $c_ms ms (CPU $c_cpu ms), peak PSS $c_mb MB"
echo "kiosk faster by ${faster}x (target: at least 15x)"
echo "kiosk PSS = 1/${lighter} of Chromium's (target: at most 1/10)"
echo "load average: $load_before before, $load_after after"

json="{\"size\":\"1920x1080\",\"runs\":$runs,\"kiosk_wall_ms\":[$(json_list "${kiosk_ms[@]}")],\"kiosk_peak_pss_mb\":[$(json_list "${kiosk_mb[@]}")]"
json+=",\"chromium_wall_ms\":[$(json_list "${chromium_ms[@]}")],\"chromium_peak_pss_mb\":[$(json_list "${chromium_mb[@]}")]"
json+=",\"median_kiosk_cpu_ms\":$k_cpu,\"median_chromium_cpu_ms\":$c_cpu"
json+=",\"median_kiosk_wall_ms\":$k_ms,\"median_kiosk_peak_pss_mb\":$k_mb,\"median_chromium_wall_ms\":$c_ms"
json+=",\"median_chromium_peak_pss_mb\":$c_mb,\"kiosk_faster_x\":$faster,\"chromium_pss_over_kiosk_x\":$lighter"
json+=",\"load_before\":\"$load_before\",\"load_after\":\"$load_after\",\"cores\":$(nproc)}"
bench_output_json "$json" "$json_out"
