#!/usr/bin/env bash
# The house rules a compiler cannot see (docs/architecture.md, "Rules"):
#  1. no file in core/ includes a QtGui or QtWidgets header;
#  2. no file under widgets/ sends SQL (readers in core do; widgets get values);
#  3. nothing the GUI thread runs blocks it: no waitFor…() in widgets/ or
#     app/gui/, no exec() of a dialog there (open() and a signal instead),
#     no synchronous libpq call (PQexec, PQconnectdb, PQgetResult, …).
# QMenu::exec() of a context menu is allowed: a popup, not a dialog.
set -euo pipefail
root=$1
qt_include=${2:-/usr/include/x86_64-linux-gnu/qt6}
cd "$root"
failed=0
report() {
    echo "$1" >&2
    printf '  %s\n' "${@:2}" >&2
    failed=1
}

# 1. QtGui / QtWidgets class headers, by name (<QWidget>, <QtGui/QColor>, …).
mapfile -t gui_headers < <(ls "$qt_include/QtGui" "$qt_include/QtWidgets" 2>/dev/null |
    grep -E '^Q[A-Za-z0-9]+$' | sort -u)
if ((${#gui_headers[@]} == 0)); then
    echo "no Qt GUI headers under $qt_include: cannot check core" >&2
    exit 1
fi
pattern=$(printf '%s|' "${gui_headers[@]}")
pattern="#include <(QtGui/|QtWidgets/)?(${pattern%|})>|#include <Qt(Gui|Widgets)/"
mapfile -t hits < <(git ls-files 'core/*.h' 'core/*.cpp' | xargs grep -nE "$pattern" || true)
((${#hits[@]} == 0)) || report "core/ includes Qt GUI headers:" "${hits[@]}"

# 2. SQL from widgets: sending on a Connection, the query files, libpq.
mapfile -t hits < <(git ls-files 'widgets/*.h' 'widgets/*.cpp' |
    xargs grep -nE '(->|\.)(execute|stream)\(|":/sql/|\bPQ[a-zA-Z]+\(' || true)
((${#hits[@]} == 0)) || report "widgets/ sends SQL (move the query into a reader in core):" "${hits[@]}"

# 3. Blocking calls in the code the GUI thread runs.
gui_files=$(git ls-files 'widgets/*.h' 'widgets/*.cpp' 'app/gui/*' 'app/main.cpp')
mapfile -t hits < <(grep -nE '\bwaitFor[A-Z][A-Za-z]*\(' $gui_files || true)
((${#hits[@]} == 0)) || report "waits on the GUI thread:" "${hits[@]}"
mapfile -t hits < <(grep -nE '[A-Za-z_]*([Dd]ialog|[Pp]rompt|[Bb]ox)[A-Za-z_]*(\.|->)exec\(' $gui_files || true)
((${#hits[@]} == 0)) || report "modal exec() of a dialog (use open() and its signals):" "${hits[@]}"
mapfile -t hits < <(grep -nE '\bPQ(exec|execParams|execPrepared|prepare|connectdb|connectdbParams|setdbLogin|getResult|ping|pingParams|describePrepared|describePortal)\(' $gui_files || true)
((${#hits[@]} == 0)) || report "synchronous libpq in GUI code:" "${hits[@]}"

((failed == 0)) || exit 1
echo "ok: core includes no Qt GUI header; widgets send no SQL; the GUI thread has no waitFor, dialog exec() or synchronous libpq"
