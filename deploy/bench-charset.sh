#!/usr/bin/env bash
# Benchmark (prints numbers; not a test): does the kiosk's start depend on how many distinct
# characters the content holds? (docs/performance.md, "Text engine benchmarks")
#
#   bash deploy/bench-charset.sh [--runs N] [--han N] [--lang ru|zh|en] [--build DIR] [--json FILE]
#
# Builds a synthetic content: the bundled sources (db/) plus one document whose Chinese text
# uses --han distinct CJK Unified Ideographs (default 7000; deploy/make-han-content.sh), compiled
# with `kioskctl build`. Then N times (default 5), alternating, for the bundled content
# (BUILD/content.db) and the synthetic one:
#   BUILD/kiosk --bench --content DB [--lang L]                  -> first_frame_ms, peak_rss_mb, glyph_cache_glyphs
#   BUILD/kiosk --headless --size 1920x1080 --content DB [--lang L] --script S  (one `shot`)
#                                                                -> start_shot_exit_ms (BUILD/pss_peak --time)
# and prints every run, the medians and the ratio synthetic / bundled of the median
# first_frame_ms (issue 10's target: at most 1.2), then one line of JSON (also to --json FILE).
# Without --lang the kiosk starts in its default language (Russian); with --lang zh the first
# frame shows the synthetic document's Chinese title and summary on its library card.
# The kiosk gets a fresh --data-dir; temporary files are removed on exit.
BENCH_NAME="bench-charset"
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

runs=5 han=7000 lang="" build="$KIOSK_ROOT/build" json_out=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="${2:-}"; shift 2 || bench_fail "--runs needs a value" ;;
        --han) han="${2:-}"; shift 2 || bench_fail "--han needs a value" ;;
        --lang) lang="${2:-}"; shift 2 || bench_fail "--lang needs a value" ;;
        --build) build="${2:-}"; shift 2 || bench_fail "--build needs a value" ;;
        --json) json_out="${2:-}"; shift 2 || bench_fail "--json needs a value" ;;
        -h|--help) sed -n '2,/^BENCH_NAME/{/^BENCH_NAME/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        *) bench_fail "unknown option $1 (see --help)" ;;
    esac
done
check_runs "$runs"
[[ -z "$lang" || "$lang" =~ ^(ru|zh|en)$ ]] || bench_fail "--lang must be ru, zh or en"
hint="build it first: cmake -S . -B $build && cmake --build $build"
for file in kiosk kioskctl pss_peak content.db; do bench_require_file "$build/$file" "$hint"; done

# The synthetic content, and how many distinct CJK ideographs each content's sources hold.
bash "$KIOSK_ROOT/deploy/make-han-content.sh" "$KIOSK_ROOT/db" "$BENCH_TMP/han-src" --han "$han" 2>"$BENCH_TMP/make.log" ||
    bench_fail "make-han-content.sh failed: $(cat "$BENCH_TMP/make.log")"
"$build/kioskctl" build "$BENCH_TMP/han-src" "$BENCH_TMP/han.db" 2>"$BENCH_TMP/build.log" ||
    bench_fail "kioskctl build of the synthetic content failed: $(cat "$BENCH_TMP/build.log")"
# Counted in the sources' folders (documents/, lessons/, translations/...), without comments.
distinct_ideographs() {
    find "$1" -mindepth 2 -name '*.txt' -exec cat {} + | grep -v '^;' |
        LC_ALL=C.UTF-8 grep -oP '[\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}]' | sort -u | wc -l
}
bundled_chars="$(distinct_ideographs "$KIOSK_ROOT/db")" han_chars="$(distinct_ideographs "$BENCH_TMP/han-src")"

mkdir -p "$BENCH_TMP/kiosk-data"
lang_args=()
[[ -z "$lang" ]] || lang_args=(--lang "$lang")
printf 'shot %s\n' "$BENCH_TMP/shot.png" >"$BENCH_TMP/shot.script"

# bench CONTENT TAG: one --bench run, its JSON in TAG.json.
bench() {
    bench_run "$BENCH_TMP/$2.json" "$BENCH_TMP/$2.log" \
        "$build/kiosk" --bench --content "$1" --data-dir "$BENCH_TMP/kiosk-data" "${lang_args[@]}" ||
        bench_fail "kiosk --bench --content $1 failed: $(tail -n 5 "$BENCH_TMP/$2.log")"
    [[ -n "$(json_number first_frame_ms "$BENCH_TMP/$2.json")" ]] ||
        bench_fail "kiosk --bench --content $1 printed no first_frame_ms: $(cat "$BENCH_TMP/$2.json")"
}
# start_shot_exit CONTENT TAG: start, one screenshot, exit; pss_peak's JSON in TAG.json.
start_shot_exit() {
    rm -f "$BENCH_TMP/shot.png"
    bench_run "$BENCH_TMP/$2.json" "$BENCH_TMP/$2.log" "$build/pss_peak" --time --timeout-s 300 -- \
        "$build/kiosk" --headless --size 1920x1080 --content "$1" --data-dir "$BENCH_TMP/kiosk-data" \
        "${lang_args[@]}" --script "$BENCH_TMP/shot.script" ||
        bench_fail "kiosk --script with --content $1 failed: $(tail -n 5 "$BENCH_TMP/$2.log")"
    [[ "$(png_size "$BENCH_TMP/shot.png")" == "1920x1080" ]] || bench_fail "kiosk --content $1 wrote no 1920x1080 screenshot"
}

load_before="$(load_average)"
echo "kiosk:    $build/kiosk ($(git -C "$KIOSK_ROOT" describe --always --dirty 2>/dev/null || echo unknown))${lang:+, --lang $lang}"
echo "content:  bundled ($bundled_chars distinct CJK ideographs) vs synthetic (+$han in one document: $han_chars)"
echo "machine:  $(nproc) cores, load average $load_before; $runs runs"
start_shot_exit "$build/content.db" warmup  # warm file cache

declare -a b_first h_first b_rss h_rss b_wall h_wall
b_glyphs="" h_glyphs=""
for (( run = 1; run <= runs; run++ )); do
    bench "$build/content.db" "bundled-$run"
    bench "$BENCH_TMP/han.db" "han-$run"
    start_shot_exit "$build/content.db" "bundled-$run-wall"
    start_shot_exit "$BENCH_TMP/han.db" "han-$run-wall"
    b_first+=("$(json_number first_frame_ms "$BENCH_TMP/bundled-$run.json")")
    h_first+=("$(json_number first_frame_ms "$BENCH_TMP/han-$run.json")")
    b_rss+=("$(json_number peak_rss_mb "$BENCH_TMP/bundled-$run.json")")
    h_rss+=("$(json_number peak_rss_mb "$BENCH_TMP/han-$run.json")")
    b_wall+=("$(json_number wall_ms "$BENCH_TMP/bundled-$run-wall.json")")
    h_wall+=("$(json_number wall_ms "$BENCH_TMP/han-$run-wall.json")")
    b_glyphs="$(json_number glyph_cache_glyphs "$BENCH_TMP/bundled-$run.json")"
    h_glyphs="$(json_number glyph_cache_glyphs "$BENCH_TMP/han-$run.json")"
    printf 'run %d: first_frame_ms bundled %8.1f synthetic %8.1f | start->shot->exit ms bundled %8.1f synthetic %8.1f | peak_rss_mb bundled %6.1f synthetic %6.1f | load %s\n' \
        "$run" "${b_first[-1]}" "${h_first[-1]}" "${b_wall[-1]}" "${h_wall[-1]}" "${b_rss[-1]}" "${h_rss[-1]}" "$(load_average)"
done
load_after="$(load_average)"

mb_first="$(median "${b_first[@]}")" mh_first="$(median "${h_first[@]}")"
mb_wall="$(median "${b_wall[@]}")" mh_wall="$(median "${h_wall[@]}")"
mb_rss="$(median "${b_rss[@]}")" mh_rss="$(median "${h_rss[@]}")"
first_ratio="$(ratio "$mh_first" "$mb_first")" wall_ratio="$(ratio "$mh_wall" "$mb_wall")"
echo "median first_frame_ms:     bundled $mb_first, synthetic $mh_first: synthetic / bundled = $first_ratio (target: at most 1.2)"
echo "median start->shot->exit:  bundled $mb_wall ms, synthetic $mh_wall ms: synthetic / bundled = $wall_ratio"
echo "median peak_rss_mb:        bundled $mb_rss, synthetic $mh_rss"
echo "glyphs in the cache:       bundled $b_glyphs, synthetic $h_glyphs (the last run's --bench)"
echo "load average: $load_before before, $load_after after"

json="{\"runs\":$runs,\"lang\":\"${lang:-default}\",\"han_added\":$han,\"ideographs_bundled\":$bundled_chars,\"ideographs_synthetic\":$han_chars"
json+=",\"first_frame_ms_bundled\":[$(json_list "${b_first[@]}")],\"first_frame_ms_synthetic\":[$(json_list "${h_first[@]}")]"
json+=",\"start_shot_exit_ms_bundled\":[$(json_list "${b_wall[@]}")],\"start_shot_exit_ms_synthetic\":[$(json_list "${h_wall[@]}")]"
json+=",\"median_first_frame_ms_bundled\":$mb_first,\"median_first_frame_ms_synthetic\":$mh_first,\"first_frame_ratio\":$first_ratio"
json+=",\"median_start_shot_exit_ms_bundled\":$mb_wall,\"median_start_shot_exit_ms_synthetic\":$mh_wall,\"start_shot_exit_ratio\":$wall_ratio"
json+=",\"median_peak_rss_mb_bundled\":$mb_rss,\"median_peak_rss_mb_synthetic\":$mh_rss"
json+=",\"glyph_cache_glyphs_bundled\":${b_glyphs:-null},\"glyph_cache_glyphs_synthetic\":${h_glyphs:-null}"
json+=",\"load_before\":\"$load_before\",\"load_after\":\"$load_after\",\"cores\":$(nproc)}"
bench_output_json "$json" "$json_out"
