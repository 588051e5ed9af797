#include "toolicon.h"

#include <QFile>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

namespace tusk::widgets {

QIcon ToolIcon::make(const QString &resource, const QColor &stroke)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        return QIcon(resource);
    QByteArray svg = file.readAll();
    svg.replace("#4a5a6e", stroke.name().toLatin1());
    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return QIcon(resource);
    QIcon icon;
    for (const int size : {16, 24, 28, 32, 48, 56}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QColor ToolIcon::strokeFor(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    // Three quarters of the way from the background to the text.
    return QColor::fromRgbF(window.redF() + (text.redF() - window.redF()) * 0.75f,
        window.greenF() + (text.greenF() - window.greenF()) * 0.75f,
        window.blueF() + (text.blueF() - window.blueF()) * 0.75f);
}

} // namespace tusk::widgets
