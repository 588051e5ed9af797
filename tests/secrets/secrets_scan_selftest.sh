#!/bin/bash
# Proves secrets_scan.sh can fail: a folder with planted secrets must fail
# with each file and line named and the secret masked; the same folder
# without them must pass; an allowed file is named but not failed; and the
# real allowed-secrets.txt gives every pattern a reason.
set -u
scan=$(cd "$(dirname "$0")" && pwd)/secrets_scan.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() { # description, condition status
    if [ "$2" -eq 0 ]; then echo "ok: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi
}

root=$work/root
mkdir -p "$root/tst_x/config/tusk" "$root/tst_x/state/tusk/autosave/42" "$root/sandbox" \
    "$root/allowed-dir"
cluster_pw=Ab3dEf6hJk8mNp2qRs4tUv7w
printf '%s\n' "$cluster_pw" >"$root/sandbox/superuser.password"
printf '[General]\nlastUrl=postgresql://app:tusk-secret-planted@db/x\n' \
    >"$root/tst_x/config/tusk/tusk.conf"
printf 'select 1;\n' >"$root/tst_x/state/tusk/autosave/42/a.sql"
# A binary file (a recording) with the cluster's password inside.
{ head -c 300 /dev/zero; printf 'password=%s' "$cluster_pw"; head -c 300 /dev/zero; } \
    >"$root/recording.tuskrec"
printf 'password = "tusk-secret-on-purpose"\n' >"$root/allowed-dir/postgres.toml"
allowed=$work/allowed.txt
printf '*/superuser.password\tthe sandbox password file\n' >"$allowed"
printf 'allowed-dir/postgres.toml\ta file a test wrote with a password on purpose\n' >>"$allowed"

output=$(TUSK_SECRETS_ALLOWED=$allowed "$scan" "$root" 2>&1)
status=$?
echo "$output"
check "planted secrets fail the scan" $([ $status -eq 1 ]; echo $?)
check "the QSettings file and its line are named" \
    $(grep -qF "LEAK: $root/tst_x/config/tusk/tusk.conf:2:" <<<"$output"; echo $?)
check "a cluster password inside a binary file is found" \
    $(grep -qF "LEAK: $root/recording.tuskrec:" <<<"$output"; echo $?)
check "the secrets are masked in the report" \
    $(! grep -qF -e planted -e "$cluster_pw" <<<"$output"; echo $?)
check "an allowed file is named, not failed" \
    $(grep -qF "allowed: $root/allowed-dir/postgres.toml" <<<"$output" \
        && ! grep -qF "LEAK: $root/allowed-dir" <<<"$output"; echo $?)
check "exactly two hits" $(grep -qF "; 2 hit(s);" <<<"$output"; echo $?)

rm "$root/tst_x/config/tusk/tusk.conf" "$root/recording.tuskrec"
output=$(TUSK_SECRETS_ALLOWED=$allowed "$scan" "$root" 2>&1)
status=$?
echo "$output"
check "the same folder without them passes" $([ $status -eq 0 ]; echo $?)

printf 'no-reason-here\n' >"$work/bad.txt"
TUSK_SECRETS_ALLOWED=$work/bad.txt "$scan" "$root" >/dev/null 2>&1
check "a pattern without a reason is refused" $([ $? -eq 2 ]; echo $?)
"$scan" "$work/empty-but-missing" >/dev/null 2>&1
check "the real allowed-secrets.txt reads (every pattern has a reason)" $?

exit $((failures > 0))
