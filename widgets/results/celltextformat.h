#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tusk::widgets {

// Cells as text for the clipboard and for files: TSV (what spreadsheets
// paste), CSV (RFC 4180; NULL is an empty field and an empty string is
// "", as COPY … CSV writes them) and Markdown (a pipe table). A null
// QString is SQL NULL.
class CellTextFormat {
public:
    enum class Format { Tsv, Csv, Markdown };

    static QString format(
        Format format, const QStringList &headers, const QList<QStringList> &rows);
    // One line of CSV, without the line end.
    static QString csvLine(const QStringList &cells);
    static QString tsvLine(const QStringList &cells);
    static QString markdownLine(const QStringList &cells);
    static QString name(Format format);
};

} // namespace tusk::widgets
