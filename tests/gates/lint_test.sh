#!/usr/bin/env bash
# deploy/lint.sh passes a clean file and fails on one with a known clang-tidy finding
# (bugprone-suspicious-string-compare) and one with a finding only cppcheck makes (uninitMemberVar).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export KIOSK_LINT_DIR="$scratch/lint"

cat > "$scratch/clean.cpp" <<'CPP'
#include <cstring>

bool same_code(const char* a, const char* b) { return std::strcmp(a, b) == 0; }
CPP
# strcmp's result used as a truth value: true when the strings differ.
cat > "$scratch/tidy.cpp" <<'CPP'
#include <cstring>

bool same_code(const char* a, const char* b) {
    if (std::strcmp(a, b)) return false;
    return true;
}
CPP
# The constructor leaves count_ undefined; neither the compiler nor clang-tidy says so.
cat > "$scratch/cppcheck.cpp" <<'CPP'
class Counter {
public:
    Counter() {}
    int value() const { return count_; }

private:
    int count_;
};

int counted() { return Counter().value(); }
CPP

expect_failure() {  # FILE PATTERN
    local status=0 out
    out=$(bash "$root/deploy/lint.sh" "$1" 2>&1) || status=$?
    echo "$out"
    [[ $status -eq 1 ]] || { echo "FAIL: lint.sh exited $status on $1, expected 1" >&2; exit 1; }
    grep -q "$2" <<<"$out" || { echo "FAIL: lint.sh did not report $2 for $1" >&2; exit 1; }
}

bash "$root/deploy/lint.sh" "$scratch/clean.cpp" || { echo "FAIL: a clean file was rejected" >&2; exit 1; }
expect_failure "$scratch/tidy.cpp" "tidy.cpp:4:9: .*bugprone-suspicious-string-compare"
expect_failure "$scratch/cppcheck.cpp" "cppcheck.cpp:3:.*uninitMemberVar"
if grep -q "cppcheck.cpp.*\[\(bugprone\|performance\|clang-diagnostic\)" "$KIOSK_LINT_DIR/clang-tidy.log"; then
    echo "FAIL: clang-tidy also flagged cppcheck.cpp: the test no longer shows that cppcheck gates" >&2
    exit 1
fi
echo "lint gate fires on a clang-tidy and on a cppcheck finding"
