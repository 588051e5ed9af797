#!/bin/bash
# Greps everything the test suite wrote for the tests' passwords (issue point
# 8): the marker every password in the tests holds (TUSK_TEST_SECRET_MARKER,
# tests/common/testsecrets.h) and the sandbox clusters' random passwords,
# read from their superuser.password files and from the ones remembered
# before a cluster was removed (--remember). Binary files (recordings,
# pictures) are read as bytes.
#
#   secrets_scan.sh DIR...            scan; exit 1 on any hit, 0 on none
#   secrets_scan.sh --remember FILE   keep FILE's password for a later scan, in
#                                     $TUSK_TEST_ROOT/secrets-scan/remembered.passwords
#
# Each hit is printed as DIR/relative/path:LINE: text, the secret masked.
# A file whose purpose is to hold a password (a postgres.toml a test wrote
# with one, the sandbox's password file) is listed in allowed-secrets.txt
# (or $TUSK_SECRETS_ALLOWED): a path pattern relative to the scanned folder,
# a tab, the reason. Its hits are counted and named, not failed.
set -u

marker='tusk-secret-'
here=$(cd "$(dirname "$0")" && pwd)
allowed_list=${TUSK_SECRETS_ALLOWED:-$here/allowed-secrets.txt}

if [ "${1:-}" = "--remember" ]; then
    [ -n "${TUSK_TEST_ROOT:-}" ] && [ -r "${2:-}" ] || {
        echo "secrets_scan: --remember FILE needs TUSK_TEST_ROOT and a readable FILE" >&2
        exit 2
    }
    mkdir -p "$TUSK_TEST_ROOT/secrets-scan"
    grep -v '^$' "$2" >>"$TUSK_TEST_ROOT/secrets-scan/remembered.passwords"
    chmod 600 "$TUSK_TEST_ROOT/secrets-scan/remembered.passwords"
    exit 0
fi
[ $# -gt 0 ] || { echo "usage: secrets_scan.sh DIR... | --remember FILE" >&2; exit 2; }
[ -r "$allowed_list" ] || { echo "secrets_scan: cannot read $allowed_list" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
secrets=$work/secrets

# The secrets: the marker, and every cluster password there is.
printf '%s\n' "$marker" >"$secrets"
for dir in "$@"; do
    [ -d "$dir" ] || continue
    find "$dir" -type f \( -name superuser.password -o -name remembered.passwords \) \
        -exec cat {} + 2>/dev/null
done | tr -d '\r' | while IFS= read -r secret; do
    # A short line would match anything; the sandbox's are 24 characters.
    [ ${#secret} -ge 12 ] && printf '%s\n' "$secret"
done >>"$secrets"
sort -u -o "$secrets" "$secrets"

# Allowed patterns: "pattern<TAB>reason"; a line without a reason is an error.
patterns=()
while IFS=$'\t' read -r pattern reason; do
    case "$pattern" in '' | '#'*) continue ;; esac
    if [ -z "${reason:-}" ]; then
        echo "secrets_scan: $allowed_list: \"$pattern\" has no reason" >&2
        exit 2
    fi
    patterns+=("$pattern")
done <"$allowed_list"

allowed() {
    local p
    for p in "${patterns[@]}"; do
        # shellcheck disable=SC2053 # the pattern is a glob on purpose
        [[ $1 == $p ]] && return 0
    done
    return 1
}

# Masks every secret in a line read on stdin, and keeps it short.
mask() {
    local line
    while IFS= read -r line; do
        line=${line//[^[:print:]]/.}
        while IFS= read -r secret; do
            [ "$secret" = "$marker" ] && continue
            line=${line//"$secret"/****}
        done <"$secrets"
        line=$(printf '%s' "$line" | sed -E "s/${marker}[^\"' ,;&@)}]*/${marker}****/g")
        [ ${#line} -gt 240 ] && line="${line:0:240}…"
        printf '%s\n' "$line"
    done
}

files=0
hits=0
allowed_files=0
for dir in "$@"; do
    [ -d "$dir" ] || { echo "secrets_scan: no folder $dir (nothing written there yet)"; continue; }
    dir=${dir%/}
    count=$(find "$dir" -type f | wc -l)
    files=$((files + count))
    while IFS= read -r -d '' file; do
        relative=${file#"$dir"/}
        if allowed "$relative"; then
            allowed_files=$((allowed_files + 1))
            echo "allowed: $file (listed in $(basename "$allowed_list"))"
            continue
        fi
        while IFS= read -r hit; do
            hits=$((hits + 1))
            echo "LEAK: $file:$(printf '%s\n' "$hit" | mask)"
        done < <(grep -a -n -F -f "$secrets" -- "$file")
    done < <(grep -r -a -l -Z -F -f "$secrets" -- "$dir" 2>/dev/null)
done

echo "secrets_scan: $files files in $*; $(($(wc -l <"$secrets") - 1)) cluster password(s) and" \
    "the marker \"$marker\" looked for; $hits hit(s); $allowed_files allowed file(s)"
[ "$hits" -eq 0 ]
