#!/usr/bin/env bash
# The Debian package as a user gets it: cpack builds it from this build
# folder, then its contents, dependencies, lintian, the desktop file, the
# AppStream metadata, and the installed binary run from a throwaway root.
# Usage: check-package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cd "$build"
cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/out/tusk_*.deb)
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"

# Contents: the program and everything the desktop needs.
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/contents"
for path in /usr/bin/tusk /usr/share/applications/tusk.desktop \
    /usr/share/metainfo/io.github.tusk.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/tusk.svg \
    /usr/share/man/man1/tusk.1.gz /usr/share/bash-completion/completions/tusk \
    /usr/share/zsh/vendor-completions/_tusk /usr/share/doc/tusk/copyright \
    /usr/share/doc/tusk/changelog.Debian.gz; do
    grep -qx "$path" "$work/contents" || fail "$path is not in the package"
done
for size in 16 22 24 32 48 64 128 256; do
    grep -qx "/usr/share/icons/hicolor/${size}x${size}/apps/tusk.png" "$work/contents" \
        || fail "no ${size}x${size} icon"
done
if grep -Eq '^/usr/(include|lib/.*\.a$)|tst_|bench_' "$work/contents"; then
    fail "test or development files in the package: $(grep -E 'tst_|bench_|include' "$work/contents")"
fi

# Dependencies come from dpkg-shlibdeps: the libraries the binary links.
depends=$(dpkg-deb -f "$deb" Depends)
echo "depends: $depends"
for lib in libqt6core6 libqt6widgets6 libpq5 libqscintilla2-qt6 libpg-query; do
    [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib"
done

# lintian: no error; each warning and info tag justified in packaging/README.md.
lintian -I -E --pedantic "$deb" >"$work/lintian" 2>&1 || true
grep -E '^[EWIPX]: ' "$work/lintian" | sort -u | tee "$work/tags" || true
if grep -q '^E: ' "$work/tags"; then fail "lintian reports errors"; fi
while read -r _ _ tag _; do
    grep -q "\`$tag\`" "$source/packaging/README.md" \
        || fail "lintian tag $tag is not justified in packaging/README.md"
done <"$work/tags"

# The desktop file and the AppStream metadata as installed.
mkdir "$work/root"
dpkg -x "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/tusk.desktop" || fail "desktop file"
appstreamcli validate --no-net "$work/root/usr/share/metainfo/io.github.tusk.metainfo.xml" \
    || fail "AppStream metadata"
man --warnings -l "$work/root/usr/share/man/man1/tusk.1.gz" >/dev/null 2>"$work/man.log"
[[ ! -s $work/man.log ]] || { cat "$work/man.log"; fail "man page warnings"; }

# The installed program runs.
version=$("$work/root/usr/bin/tusk" --version)
[[ $version == "tusk $(dpkg-deb -f "$deb" Version | cut -d- -f1)" ]] || fail "tusk --version says '$version'"
"$work/root/usr/bin/tusk" help plan | grep -q -- '--compare' || fail "tusk help plan"
echo "installed tusk: $version"
echo "package check passed"
