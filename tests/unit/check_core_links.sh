#!/usr/bin/env bash
# Fails when a binary that links only tusk_core depends on a Qt GUI library.
set -euo pipefail
binary=$1
gui=$(ldd "$binary" | grep -oE 'libQt6(Gui|Widgets|OpenGL|Charts|Svg|PrintSupport)[^ ]*' || true)
if [[ -n "$gui" ]]; then
    echo "tusk_core pulls in Qt GUI libraries: $gui" >&2
    exit 1
fi
core=$(ldd "$binary" | grep -c 'libQt6Core' || true)
if [[ "$core" -eq 0 ]]; then
    echo "unexpected: $binary does not link Qt6Core at all" >&2
    exit 1
fi
echo "ok: $(basename "$binary") links Qt6Core and no Qt GUI library"
