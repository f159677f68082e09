#!/usr/bin/env bash
# Checks that the project's C++ files follow .clang-format (clang-format 14, as in Debian 12).
#   bash deploy/check-format.sh            every .cpp and .h under kiosk/ and tests/ (not tests/data/)
#   bash deploy/check-format.sh FILE...    only these files
# Lists each file clang-format would change and exits 1 if there is any; changes nothing.
# To fix a file: clang-format -i --style=file FILE
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
format="${CLANG_FORMAT:-$(command -v clang-format-14 || command -v clang-format || true)}"
[[ -n "$format" ]] || { echo "check-format: clang-format not found (apt-get install clang-format)" >&2; exit 2; }

files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then
    mapfile -t files < <(cd "$root" && find kiosk tests -path tests/data -prune -o -type f \( -name '*.cpp' -o -name '*.h' \) -print | sort)
    files=("${files[@]/#/$root/}")
fi

# One clang-format for all files; --dry-run reports each change as "FILE:LINE:COL: error: ...".
# The style is always the project's, wherever FILE lives (a test's scratch file, say).
status=0
report=$("$format" --style="file:$root/.clang-format" --dry-run --Werror "${files[@]}" 2>&1) || status=$?
mapfile -t offending < <(sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' <<<"$report" | uniq)
if [[ $status -ne 0 && ${#offending[@]} -eq 0 ]]; then
    echo "$report" >&2
    echo "check-format: clang-format failed (exit $status)" >&2
    exit 2
fi
bad=${#offending[@]}
for file in "${offending[@]}"; do echo "not formatted: ${file#"$root"/}"; done
if [[ $bad -gt 0 ]]; then
    echo "check-format: $bad of ${#files[@]} files differ from .clang-format (fix: clang-format -i --style=file FILE)" >&2
    exit 1
fi
echo "check-format: ${#files[@]} files follow .clang-format" >&2
