#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tusk::core {
class Plan;
}

namespace tusk::app {

// How a command prints one plan, the same for `tusk plan` and `tusk
// explain`: the text report (tree with own times, insights), its JSON, or
// the graph drawn as SVG or PNG. svg and png draw with the Plan tool's scene,
// so the process needs a QApplication (offscreen will do). Command thread.
class PlanOutput {
public:
    // text, json, svg or png.
    static bool isFormat(const QString &format);
    static bool isPicture(const QString &format);
    // `--format svg|png` (or `--format=…`) among the arguments.
    static bool needsGui(const QStringList &arguments);
    // `top`: how many of the slowest nodes the text lists; `title` heads
    // the SVG.
    static QByteArray render(
        const core::Plan &plan, const QString &format, int top, const QString &title);
    // To stdout when `outPath` is empty or "-", else to the file through
    // UserFileWriter; a failure is told on stderr as "tusk <command>: …".
    static bool write(const QByteArray &bytes, const QString &outPath, const QString &command);
};

} // namespace tusk::app
