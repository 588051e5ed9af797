#pragma once

#include "core/support/severity.h"

#include <QColor>
#include <QIcon>

namespace tusk::widgets {

// How a severity looks, the same in every tool: the style's message icon
// (lint findings, health findings, the schema tree, plan insights) and a
// colour for marks and text, lighter on a dark palette. GUI thread.
class SeverityStyle {
public:
    static QIcon icon(core::Severity severity);
    static QColor colour(core::Severity severity, bool dark = false);
    // colour() as "#rrggbb", for rich text.
    static QString colourName(core::Severity severity, bool dark = false);
};

} // namespace tusk::widgets
