#include "sheetpdfwriter.h"

#include <QBuffer>
#include <QFontDatabase>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace tusk::widgets {

QByteArray SheetPdfWriter::render(const QString &markdown)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        pdf.setTitle(QStringLiteral("Rollout review sheet"));
        pdf.setCreator(QStringLiteral("Tusk"));
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        QTextDocument document;
        QFont body = document.defaultFont();
        body.setPointSizeF(9);
        document.setDefaultFont(body);
        // Code blocks in the system's fixed font, as a reviewer reads SQL.
        document.setDefaultStyleSheet(
            QStringLiteral("pre, code { font-family: '%1'; }")
                .arg(QFontDatabase::systemFont(QFontDatabase::FixedFont).family()));
        document.setMarkdown(markdown);
        document.setPageSize(pdf.pageLayout().paintRectPixels(pdf.resolution()).size());
        document.print(&pdf);
    }
    return buffer.data();
}

} // namespace tusk::widgets
