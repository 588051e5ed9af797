#pragma once

#include <QByteArrayView>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariant>

#include <memory>

namespace tusk::core {

// One result set of a request, as an immutable value: column descriptions,
// rows of text cells (NULL kept distinct from the empty string), the command
// tag and the affected-row count. Copies are cheap (shared, read-only data),
// so it can be passed through queued signals and kept by models. Cells are
// kept as the server sent them, UTF-8 back to back in one buffer: a
// 100,000-row catalog result is one allocation, not a million strings.
class Result {
public:
    struct Column {
        QString name;
        quint32 typeOid = 0;
        int typeModifier = -1;
        quint32 tableOid = 0; // 0 when the column is not a plain table column
        int tableColumn = 0;
    };

    Result();

    int rowCount() const;
    int columnCount() const;
    const Column &column(int index) const;
    const QList<Column> &columns() const;
    int columnIndex(const QString &name) const; // -1 when absent

    // Cells outside the result read as SQL NULL.
    bool contains(int row, int column) const;
    bool isNull(int row, int column) const;
    // The server's text form of the cell; a null QString for SQL NULL.
    QString text(int row, int column) const;
    // The same text as the server's UTF-8 bytes, without a copy; valid as
    // long as this Result (or a copy of it) lives. Empty for SQL NULL.
    QByteArrayView bytes(int row, int column) const;
    // The cell as a typed value for the common scalar types (bool, integers,
    // float4/8, oid); other types stay text so nothing loses precision
    // (numeric, timestamps). SQL NULL is an invalid QVariant.
    QVariant value(int row, int column) const;
    QVariant value(int row, const QString &columnName) const;

    // "SELECT 3", "INSERT 0 1", "CREATE TABLE", ...
    QString commandTag() const;
    // Rows affected or returned as the server counted them; -1 when the
    // command has no count (DDL).
    qint64 affectedRows() const;
    bool hasRows() const; // a row-returning statement, even with zero rows

    class Builder;

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

// Fills a Result column by column and row by row; only the pg layer builds
// results, but tests may too.
class Result::Builder {
public:
    Builder();
    void addColumn(const Column &column);
    void reserveRows(int rows);
    void reserveBytes(qsizetype bytes); // the cells' UTF-8 text, all together
    // Cells arrive row by row, left to right; endRow() closes each row.
    void appendCell(QByteArrayView utf8, bool isNull);
    void appendCell(const QString &text, bool isNull);
    void endRow();
    void addRow(const QList<QString> &cells, const QList<bool> &nulls);
    void setCommandTag(const QString &tag, qint64 affectedRows, bool hasRows);
    Result build();

private:
    std::shared_ptr<Data> d;
};

} // namespace tusk::core

Q_DECLARE_METATYPE(tusk::core::Result)
