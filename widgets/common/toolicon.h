#pragma once

#include <QColor>
#include <QIcon>

namespace tusk::widgets {

// A line icon (the tool rail's) drawn in a colour of the palette, so it
// reads on a light and on a dark theme alike. The SVGs are drawn in one
// slate stroke, which is replaced.
class ToolIcon {
public:
    static QIcon make(const QString &resource, const QColor &stroke);
    // The rail's colour for a palette: its text, a little softened.
    static QColor strokeFor(const QPalette &palette);
};

} // namespace tusk::widgets
