#!/usr/bin/env bash
# The single list of Debian 12 packages Tusk needs to build, test and run.
# Installs only what is missing, from Debian's archive through apt-get; nothing
# is downloaded from anywhere else. Safe to run again: a complete machine
# returns at once.
set -euo pipefail

# Build: compiler, CMake, Qt 6.4 and the libraries core and widgets link.
# clang and its runtime (libFuzzer, the sanitizers) build `make fuzz-smoke`.
# libprotobuf-c-dev is only the header that libpg_query's parse-tree structs
# (pg_query.pb-c.h) are declared with; the code is inside libpg_query.
build_packages=(
    build-essential cmake ninja-build pkg-config ccache clang-format
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev libqt6opengl6-dev
    libqscintilla2-qt6-dev libpq-dev libpg-query-dev libprotobuf-c-dev libtomlplusplus-dev
    qtkeychain-qt6-dev libxcb1-dev
    clang libclang-rt-dev
)
# Run and test: the platform plugins, the PostgreSQL 15 server for the sandbox
# and the integration tests, Xvfb for the startup benchmark and for running
# Tusk without a screen, and xdotool with ImageMagick to drive it and take
# screenshots by hand (`import -window root`). libqt6sql6-sqlite is Qt SQL's
# SQLite driver, which activity recordings are written with. libsecret is
# what QtKeychain loads to reach the desktop's keychain; GNOME Keyring and
# dbus-run-session give the keychain tests a real, throwaway Secret Service.
# qt6-translations-l10n: Qt's own strings in the user's language. The
# package test checks the .deb with lintian, desktop-file-validate and
# appstreamcli, reads the man page with man (man-db), and checks the zsh
# completion with zsh.
runtime_packages=(
    make qt6-qpa-plugins libqt6svg6 libqt6sql6-sqlite postgresql postgresql-contrib postgresql-15-hypopg postgresql-15-pg-wait-sampling
    xvfb xauth xdotool imagemagick fonts-dejavu-core
    libsecret-1-0 gnome-keyring dbus-daemon qt6-translations-l10n
    lintian desktop-file-utils appstream man-db zsh
)

missing=()
for pkg in "${build_packages[@]}" "${runtime_packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#build_packages[@]}+${#runtime_packages[@]} packages present"
    exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || {
        echo "install-deps: missing packages and no sudo: ${missing[*]}" >&2
        exit 1
    }
    as_root=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
