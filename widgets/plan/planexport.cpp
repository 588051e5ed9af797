#include "planexport.h"

#include "planscene.h"

#include <QBuffer>
#include <QPainter>
#include <QSvgGenerator>

#include <algorithm>

namespace tusk::widgets {

namespace {
constexpr int maximumSide = 16384;
constexpr qreal margin = 24;

QRectF source(PlanScene &scene)
{
    return scene.drawingBounds().adjusted(-margin, -margin, margin, margin);
}
} // namespace

QImage PlanExport::image(PlanScene &scene, qreal scale)
{
    const QRectF from = source(scene);
    scale = std::min({scale, maximumSide / std::max<qreal>(from.width(), 1),
        maximumSide / std::max<qreal>(from.height(), 1)});
    QImage image(std::max(1, int(from.width() * scale)), std::max(1, int(from.height() * scale)),
        QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(0, 0, image.width(), image.height()), from);
    return image;
}

QByteArray PlanExport::png(PlanScene &scene)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image(scene, 1).save(&buffer, "PNG");
    return bytes;
}

QByteArray PlanExport::svg(PlanScene &scene, const QString &title)
{
    const QRectF from = source(scene);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(from.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), from.size()));
    generator.setTitle(title);
    generator.setDescription(QStringLiteral("Query plan drawn by Tusk"));
    QPainter painter(&generator);
    painter.fillRect(QRectF(QPointF(0, 0), from.size()), Qt::white);
    scene.render(&painter, QRectF(QPointF(0, 0), from.size()), from);
    painter.end();
    return bytes;
}

} // namespace tusk::widgets
