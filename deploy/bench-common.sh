# Shared by the text-engine benchmarks (deploy/bench-vs-chromium.sh, deploy/bench-charset.sh):
# checks for the built binaries, a temporary folder removed on exit, medians, JSON fields.
# shellcheck shell=bash
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# The command running in the background (bench_run), stopped if the benchmark is interrupted.
BENCH_CHILD=""
BENCH_TMP="$(mktemp -d "${TMPDIR:-/tmp}/kiosk-bench.XXXXXX")"

bench_cleanup() {
    # pss_peak kills the whole process tree of what it runs when it gets SIGTERM.
    if [[ -n "$BENCH_CHILD" ]]; then
        kill -TERM "$BENCH_CHILD" 2>/dev/null || true
        wait "$BENCH_CHILD" 2>/dev/null || true
    fi
    rm -rf "$BENCH_TMP"
}
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bench_fail() {
    echo "$BENCH_NAME: $*" >&2
    exit 1
}

# bench_require_file PATH HINT: stops with a clear message if PATH is missing.
bench_require_file() {
    [[ -e "$1" ]] || bench_fail "$1 is missing; $2"
}

# bench_run OUTFILE LOGFILE COMMAND...: runs COMMAND in the background (so a signal to this
# script reaches the trap at once), stdout to OUTFILE, stderr to LOGFILE; returns its status.
bench_run() {
    local out="$1" log="$2" status=0
    shift 2
    "$@" >"$out" 2>"$log" &
    BENCH_CHILD=$!
    wait "$BENCH_CHILD" || status=$?
    BENCH_CHILD=""
    return "$status"
}

# json_number FIELD FILE: the number in `"FIELD": 12.5` or `"FIELD":12.5` (first match).
json_number() {
    sed -n "s/.*\"$1\": *\\(-\\{0,1\\}[0-9][0-9.]*\\).*/\\1/p" "$2" | head -n 1
}

# json_string FIELD FILE: the value of `"FIELD": "text"`.
json_string() {
    sed -n "s/.*\"$1\": *\"\\([^\"]*\\)\".*/\\1/p" "$2" | head -n 1
}

# median NUMBER...: the middle value (the mean of the two middle ones for an even count).
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ratio A B [DIGITS]: A / B.
ratio() {
    awk -v a="$1" -v b="$2" -v d="${3:-2}" 'BEGIN { if (b == 0) print "inf"; else printf "%.*f\n", d, a / b }'
}

# The load averages, as "1.52 1.31 0.90".
load_average() {
    cut -d' ' -f1-3 /proc/loadavg
}

# A run count from the command line: a whole number from 1 to 100.
check_runs() {
    [[ "$1" =~ ^[0-9]+$ ]] && (( $1 >= 1 && $1 <= 100 )) || bench_fail "--runs must be a whole number from 1 to 100"
}

# png_size FILE: "WIDTHxHEIGHT" from the PNG header, or nothing if FILE is not a PNG.
png_size() {
    local bytes
    [[ -s "$1" ]] || return 0
    [[ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" == "89504e470d0a1a0a" ]] || return 0
    read -r -a bytes < <(od -An -tu1 -j16 -N8 "$1" | tr -s ' \n' '  ')
    echo "$(( (bytes[0] << 24) + (bytes[1] << 16) + (bytes[2] << 8) + bytes[3] ))x$(( (bytes[4] << 24) + (bytes[5] << 16) + (bytes[6] << 8) + bytes[7] ))"
}

# json_list NUMBER...: "1,2,3", the inside of a JSON array.
json_list() {
    local IFS=,
    echo "$*"
}

# bench_output_json JSON [FILE]: prints the summary line, and writes it to FILE if given.
bench_output_json() {
    echo "$1"
    [[ -z "${2:-}" ]] || echo "$1" >"$2"
}
