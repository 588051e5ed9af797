#include "celltextformat.h"

namespace tusk::widgets {

namespace {

QString quoted(const QString &cell)
{
    QString text = cell;
    text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

} // namespace

QString CellTextFormat::csvLine(const QStringList &cells)
{
    QStringList fields;
    fields.reserve(cells.size());
    for (const QString &cell : cells) {
        if (cell.isNull())
            fields << QString(); // NULL: nothing between the commas
        else if (cell.isEmpty() || cell.contains(QLatin1Char(','))
            || cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\n'))
            || cell.contains(QLatin1Char('\r')))
            fields << quoted(cell);
        else
            fields << cell;
    }
    return fields.join(QLatin1Char(','));
}

QString CellTextFormat::tsvLine(const QStringList &cells)
{
    QStringList fields;
    fields.reserve(cells.size());
    for (const QString &cell : cells) {
        // Spreadsheets read a quoted field across tabs and line breaks.
        if (cell.contains(QLatin1Char('\t')) || cell.contains(QLatin1Char('\n'))
            || cell.contains(QLatin1Char('\r')) || cell.startsWith(QLatin1Char('"')))
            fields << quoted(cell);
        else
            fields << cell;
    }
    return fields.join(QLatin1Char('\t'));
}

QString CellTextFormat::markdownLine(const QStringList &cells)
{
    QStringList fields;
    fields.reserve(cells.size());
    for (const QString &cell : cells) {
        if (cell.isNull()) {
            fields << QStringLiteral("*NULL*");
            continue;
        }
        QString text = cell;
        text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
        text.replace(QStringLiteral("\r\n"), QStringLiteral("<br>"));
        text.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        fields << text;
    }
    return QStringLiteral("| ") + fields.join(QStringLiteral(" | ")) + QStringLiteral(" |");
}

QString CellTextFormat::format(
    Format format, const QStringList &headers, const QList<QStringList> &rows)
{
    QStringList lines;
    lines.reserve(rows.size() + 2);
    switch (format) {
    case Format::Tsv:
        lines << tsvLine(headers);
        for (const QStringList &row : rows)
            lines << tsvLine(row);
        break;
    case Format::Csv:
        lines << csvLine(headers);
        for (const QStringList &row : rows)
            lines << csvLine(row);
        break;
    case Format::Markdown: {
        lines << markdownLine(headers);
        QStringList rule;
        for (qsizetype i = 0; i < headers.size(); ++i)
            rule << QStringLiteral("---");
        lines << QStringLiteral("| ") + rule.join(QStringLiteral(" | ")) + QStringLiteral(" |");
        for (const QStringList &row : rows)
            lines << markdownLine(row);
        break;
    }
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString CellTextFormat::name(Format format)
{
    switch (format) {
    case Format::Tsv:
        return QStringLiteral("TSV");
    case Format::Csv:
        return QStringLiteral("CSV");
    case Format::Markdown:
        return QStringLiteral("Markdown");
    }
    return {};
}

} // namespace tusk::widgets
