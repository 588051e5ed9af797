#!/usr/bin/env bash
# Fails when a C++ file of the project is not clang-format clean.
set -euo pipefail
clang_format=$1
root=$2
cd "$root"
mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find app core widgets tests -name '*.cpp' -o -name '*.h')
if ((${#files[@]} == 0)); then
    echo "no C++ files found under $root" >&2
    exit 1
fi
bad=()
for f in "${files[@]}"; do
    [[ -f "$f" ]] || continue
    "$clang_format" --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if ((${#bad[@]})); then
    printf 'not clang-format clean (run clang-format -i):\n' >&2
    printf '  %s\n' "${bad[@]}" >&2
    exit 1
fi
echo "ok: ${#files[@]} files are clang-format clean"
