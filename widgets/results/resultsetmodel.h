#pragma once

#include "core/pg/result.h"

#include <QAbstractTableModel>

namespace tusk::widgets {

// One result set as a table that grows while its rows stream in: the
// batches are kept as they came (each a Result: the server's UTF-8 in one
// buffer), found by binary search over their first rows, so a million rows
// cost their bytes and no QString until a cell is painted. NULL reads as a
// grey "NULL", apart from the text 'NULL'. Past the row cap rows are
// counted, not kept.
class ResultSetModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        IsNullRole = Qt::UserRole + 1,
        RawTextRole, // the cell's text, null for NULL, whatever its length
        // What sorting compares: numbers as numbers, NULL (invalid) last.
        SortRole,
    };

    explicit ResultSetModel(QObject *parent = nullptr);

    // Appends a batch (its columns set the model's on the first one).
    void append(const core::Result &batch);
    // Rows kept at most; 0: no cap. Rows past it are counted in droppedRows().
    void setRowCap(qint64 rows) { m_cap = rows; }
    qint64 rowCap() const { return m_cap; }
    qint64 droppedRows() const { return m_dropped; }
    // The command tag of the set once it ended ("SELECT 25000"), else empty.
    QString commandTag() const { return m_tag; }
    void setCommandTag(const QString &tag) { m_tag = tag; }
    const QList<core::Result::Column> &columns() const { return m_columns; }
    // The cell's text; a null QString for NULL.
    QString text(int row, int column) const;
    // Whether a column holds numbers (right-aligned, sorted by value).
    bool isNumericColumn(int column) const;
    // Whether a column holds JSON (json, jsonb): the viewer indents it.
    bool isJsonColumn(int column) const;
    bool isNull(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    // The batch holding `row`, and the row's number inside it.
    std::pair<const core::Result *, int> locate(int row) const;

    QList<core::Result> m_batches;
    QList<int> m_firstRows; // the model row of each batch's first row
    QList<core::Result::Column> m_columns;
    int m_rows = 0;
    qint64 m_cap = 0;
    qint64 m_dropped = 0;
    QString m_tag;
};

} // namespace tusk::widgets
