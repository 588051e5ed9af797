#pragma once

#include <QImage>
#include <QString>

namespace tusk::widgets {

class PlanScene;

// The graphical plan as a file, drawn without a window (also for `tusk plan
// --format svg|png`). A PNG is scaled down to stay within 16,384 pixels a
// side (a 10,000-node plan is a million pixels wide at full size); an SVG
// keeps everything at full size.
namespace PlanExport {
QImage image(PlanScene &scene, qreal scale = 1);
QByteArray png(PlanScene &scene);
QByteArray svg(PlanScene &scene, const QString &title);
} // namespace PlanExport

} // namespace tusk::widgets
