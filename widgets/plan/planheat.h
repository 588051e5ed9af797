#pragma once

#include <QColor>

namespace tusk::widgets {

// The colours of the graphical plan: a node's share of the execution time
// as heat (pale → amber → red), and the misestimate badge's severity.
namespace PlanHeat {
QColor forShare(double percent); // 0–100
QColor textOn(const QColor &background);
QColor misestimate(double factor); // ≥ 10: amber, ≥ 100: red
} // namespace PlanHeat

} // namespace tusk::widgets
