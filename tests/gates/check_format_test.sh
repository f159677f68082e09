#!/usr/bin/env bash
# deploy/check-format.sh passes a file laid out as .clang-format wants, and fails, naming the
# file, on the same code badly laid out.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cat > "$scratch/good.cpp" <<'CPP'
#include <string>

namespace kiosk {

int count_words(const std::string& text) {
    int words = 0;
    bool in_word = false;
    for (char c : text) {
        if (c == ' ') in_word = false;
        else if (!in_word) in_word = true, ++words;
    }
    return words;
}

}  // namespace kiosk
CPP
# The same function with a 2-space indent, a brace on its own line and a cramped call.
cat > "$scratch/bad.cpp" <<'CPP'
#include <string>

namespace kiosk {

int count_words(const std::string &text)
{
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    if (c == ' ') in_word = false;
    else if (!in_word) in_word = true, ++words;
  }
  return words;
}

}  // namespace kiosk
CPP

bash "$root/deploy/check-format.sh" "$scratch/good.cpp" || { echo "FAIL: a well-formatted file was rejected" >&2; exit 1; }

status=0
out=$(bash "$root/deploy/check-format.sh" "$scratch/good.cpp" "$scratch/bad.cpp" 2>&1) || status=$?
echo "$out"
[[ $status -eq 1 ]] || { echo "FAIL: expected exit 1 for a badly formatted file, got $status" >&2; exit 1; }
grep -q "not formatted: $scratch/bad.cpp" <<<"$out" || { echo "FAIL: the bad file is not named" >&2; exit 1; }
if grep -q "not formatted: $scratch/good.cpp" <<<"$out"; then echo "FAIL: the good file was named" >&2; exit 1; fi
echo "check-format gate fires on a badly formatted file"
