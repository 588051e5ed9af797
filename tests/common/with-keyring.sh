#!/bin/sh
# Runs a command inside its own D-Bus session with a throwaway, unlocked
# GNOME Keyring, so keychain tests use a real Secret Service and never touch
# the user's own keyring. Missing programs fail the test: the keychain is a
# feature, not an optional extra.
set -eu
for program in dbus-run-session gnome-keyring-daemon; do
    command -v "$program" >/dev/null || {
        echo "with-keyring: $program is missing (packaging/install-deps.sh installs it)" >&2
        exit 1
    }
done
scratch=$(mktemp -d "${TMPDIR:-/tmp}/tusk-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -m 700 "$scratch/data" "$scratch/runtime"
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime"
# The daemon reads the new login keyring's password from stdin and creates
# it unlocked; the command then runs on the same bus.
dbus-run-session -- sh -c '
    printf "tusk-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"' with-keyring "$@"
