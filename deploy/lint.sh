#!/usr/bin/env bash
# Static analysis gate: clang-tidy (the checks in .clang-tidy: bugprone-*, performance-*) and
# cppcheck (warning, performance, portability) over the project's own sources, as compiled
# (compile_commands.json). Any finding fails; the ImGui backend and the fuzz drivers are not ours.
#   bash deploy/lint.sh              every project translation unit (configures build-lint/, no build)
#   bash deploy/lint.sh FILE...      only these files
# A finding that is a deliberate exception is silenced where it occurs, with its reason:
#   // NOLINT(check-name): why              (clang-tidy)
#   // cppcheck-suppress checkName ; why    (cppcheck, on the line above)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_packages "$KIOSK_ROOT/deploy/packages-dev.txt"
started=$SECONDS
dir="${KIOSK_LINT_DIR:-$KIOSK_ROOT/build-lint}"
jobs="$(nproc)"

# Configure only: clang-tidy and cppcheck need the compile commands, not the objects.
cmake -S "$KIOSK_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
db="$dir/compile_commands.json"

if [[ $# -gt 0 ]]; then
    # Files of the project keep their own flags; others (a test's scratch file) get a core file's.
    mkdir -p "$dir/files"
    python3 - "$db" "$dir/files/compile_commands.json" "$@" <<'PY'
import json, os, sys
db, out, files = sys.argv[1], sys.argv[2], sys.argv[3:]
known = {e["file"]: e for e in json.load(open(db))}
base = next(e for e in known.values() if "/kiosk/core/" in e["file"])
entries = []
for f in map(os.path.realpath, files):
    entries.append(known.get(f) or {"directory": base["directory"], "file": f,
                                    "command": base["command"].replace(base["file"], f)})
json.dump(entries, open(out, "w"), indent=1)
PY
    db="$dir/files/compile_commands.json"
    sources=()
    for file in "$@"; do sources+=("$(realpath "$file")"); done
else
    mapfile -t sources < <(python3 -c '
import json, sys
for e in json.load(open(sys.argv[1])):
    f = e["file"]
    if "/usr/share/doc/" not in f and "/tests/fuzz/" not in f:
        print(f)' "$db" | sort -u)
fi

status=0
echo "== clang-tidy (${#sources[@]} files, -j$jobs)" >&2
tidy_log="$dir/clang-tidy.log"
# run-clang-tidy takes regexes: match each file by its exact path.
regex=$(printf '%s\n' "${sources[@]}" | sed 's/[].[^$*+?(){}|\\]/\\&/g' | paste -sd'|')
# The project's .clang-tidy whatever the file's folder (a test's scratch file, say). run-clang-tidy
# 14 always asks for colours: strip them from the log.
run-clang-tidy -quiet -config="$(cat "$KIOSK_ROOT/.clang-tidy")" -p "$(dirname "$db")" -j"$jobs" "^($regex)\$" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >"$tidy_log" ||
    status=1
# Findings are "file:line:col: warning|error: ... [check]"; a crash or a compile error fails too.
if grep -E ': (warning|error): ' "$tidy_log" | sort -u; then status=1; fi
[[ $status -eq 0 ]] || echo "clang-tidy: findings above (full log: $tidy_log)" >&2

echo "== cppcheck" >&2
cppcheck_log="$dir/cppcheck.log"
if ! cppcheck --project="$db" --enable=warning,performance,portability --std=c++17 --inline-suppr \
        --error-exitcode=1 --quiet -j"$jobs" -i/usr/share/doc -i"$KIOSK_ROOT/tests/fuzz" \
        --suppress='*:/usr/*' --suppress=missingIncludeSystem \
        --template='{file}:{line}:{column}: {severity}: {message} [{id}]' >"$cppcheck_log" 2>&1; then
    cat "$cppcheck_log"
    echo "cppcheck: findings above" >&2
    status=1
fi
echo "lint took $((SECONDS - started)) s" >&2
exit $status
