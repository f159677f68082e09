#!/usr/bin/env bash
# Line coverage of kiosk/ by the test suite: builds with --coverage into build-coverage/ (Debug,
# so every line maps to code), runs ctest, and has gcovr report the coverage of kiosk/ (the
# benchmark programs in kiosk/bench/ are tools run by hand, not product code: left out).
# Fails if line coverage is below the floor.
#   bash deploy/coverage.sh              floor 94 %
#   KIOSK_COVERAGE_FLOOR=95 bash deploy/coverage.sh
# An HTML report per file is written to build-coverage/coverage/index.html.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_packages "$KIOSK_ROOT/deploy/packages-dev.txt"
started=$SECONDS
floor="${KIOSK_COVERAGE_FLOOR:-94}"
dir="$KIOSK_ROOT/build-coverage"

# -fprofile-update=atomic: the kiosk counts on several threads (loading, PNG bands); plain counters
# race there, and gcov then prints negative counts ("branch 3 taken -1") that gcovr cannot parse.
coverage_flags="--coverage -fprofile-update=atomic"
configure_and_build "$dir" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="$coverage_flags" -DCMAKE_C_FLAGS="$coverage_flags" \
    -DCMAKE_EXE_LINKER_FLAGS=--coverage
# Counts from an earlier run would add to this one.
find "$dir" -name '*.gcda' -delete
(cd "$dir" && ctest --output-on-failure -j"$(nproc)" --timeout 600)

mkdir -p "$dir/coverage"
# --gcov-ignore-parse-errors: should a count still come out damaged, that line is skipped (gcovr
# says so on stderr) instead of the whole report failing; the floor still applies to the rest.
summary=$(gcovr --root "$KIOSK_ROOT" --object-directory "$dir" -j"$(nproc)" --gcov-ignore-parse-errors \
    --filter "$KIOSK_ROOT/kiosk/" --exclude "$KIOSK_ROOT/kiosk/bench/" \
    --html-details "$dir/coverage/index.html" --print-summary)
echo "$summary"
percent=$(sed -n 's/^lines: \([0-9.]*\)%.*/\1/p' <<<"$summary")
[[ -n "$percent" ]] || { echo "coverage: gcovr printed no line summary" >&2; exit 1; }
echo "line coverage of kiosk/: $percent % (floor $floor %); took $((SECONDS - started)) s" >&2
if ! awk -v p="$percent" -v f="$floor" 'BEGIN { exit !(p >= f) }'; then
    echo "coverage: line coverage of kiosk/ fell to $percent %, below the $floor % floor" >&2
    exit 1
fi
