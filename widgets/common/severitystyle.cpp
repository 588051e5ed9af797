#include "severitystyle.h"

#include <QApplication>
#include <QStyle>

namespace tusk::widgets {

using core::Severity;

QIcon SeverityStyle::icon(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
    case Severity::Warning:
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    case Severity::Info:
        break;
    }
    return QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation);
}

QColor SeverityStyle::colour(Severity severity, bool dark)
{
    switch (severity) {
    case Severity::Error:
        return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd3, 0x2f, 0x2f);
    case Severity::Warning:
        return dark ? QColor(0xff, 0xc1, 0x07) : QColor(0xe0, 0x8a, 0x00);
    case Severity::Info:
        break;
    }
    return dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x19, 0x76, 0xd2);
}

QString SeverityStyle::colourName(Severity severity, bool dark)
{
    return colour(severity, dark).name();
}

} // namespace tusk::widgets
