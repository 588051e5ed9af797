#!/usr/bin/env bash
# Takes the user guide's pictures into docs/guide/images: the real window on
# the demo sandbox, under Xvfb, driven by guide_screenshots. `make
# screenshots` builds it and starts the sandbox first.
# Usage: docs/guide/take-screenshots.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
out="$here/images"
# Tusk's own settings and unsaved tabs stay out of the pictures, and a
# running Tusk does not take the window's files.
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
export TUSK_INSTANCE_SOCKET="$state/tusk.socket"
# Each run on settings and a state folder of its own (no tabs come back).
run() {
    local own
    own=$(mktemp -d -p "$state")
    XDG_CONFIG_HOME="$own/config" XDG_STATE_HOME="$own/state" \
        xvfb-run -a -s "-screen 0 1400x900x24" "$build/tests/screenshots/guide_screenshots" "$@"
}
status=0
run "$out" || status=$?
LANGUAGE=de LANG=de_DE.UTF-8 run "$out" --lang de || status=$?
# The AppStream screenshots are these pictures (packaging/linux/*.metainfo.xml).
ls -l "$out"
exit $status
