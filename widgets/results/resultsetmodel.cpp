#include "resultsetmodel.h"

#include <QApplication>
#include <QFont>
#include <QPalette>

#include <algorithm>

namespace tusk::widgets {

using namespace tusk::core;

namespace {
// What a cell shows of a long text; the whole is in RawTextRole.
constexpr int kShownCharacters = 300;

bool isNumeric(quint32 typeOid)
{
    // int2, int4, int8, oid, float4, float8, numeric, money
    switch (typeOid) {
    case 20:
    case 21:
    case 23:
    case 26:
    case 700:
    case 701:
    case 1700:
    case 790:
        return true;
    default:
        return false;
    }
}
} // namespace

ResultSetModel::ResultSetModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ResultSetModel::append(const Result &batch)
{
    if (m_columns.isEmpty() && batch.columnCount() > 0) {
        beginInsertColumns({}, 0, batch.columnCount() - 1);
        m_columns = batch.columns();
        endInsertColumns();
    }
    int rows = batch.rowCount();
    if (m_cap > 0 && m_rows + rows > m_cap) {
        const int keep = int(std::max<qint64>(0, m_cap - m_rows));
        m_dropped += rows - keep;
        rows = keep;
    }
    if (rows == 0)
        return;
    // A batch past the cap keeps only its first rows: the rest of it is
    // never read (locate() stops at m_rows).
    beginInsertRows({}, m_rows, m_rows + rows - 1);
    m_firstRows << m_rows;
    m_batches << batch;
    m_rows += rows;
    endInsertRows();
}

std::pair<const Result *, int> ResultSetModel::locate(int row) const
{
    if (row < 0 || row >= m_rows)
        return {nullptr, 0};
    const auto it = std::upper_bound(m_firstRows.cbegin(), m_firstRows.cend(), row) - 1;
    const qsizetype batch = it - m_firstRows.cbegin();
    return {&m_batches.at(batch), row - *it};
}

QString ResultSetModel::text(int row, int column) const
{
    const auto [batch, at] = locate(row);
    return batch ? batch->text(at, column) : QString();
}

bool ResultSetModel::isNull(int row, int column) const
{
    const auto [batch, at] = locate(row);
    return !batch || batch->isNull(at, column);
}

int ResultSetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ResultSetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant ResultSetModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const auto [batch, at] = locate(index.row());
    if (!batch)
        return {};
    const int column = index.column();
    const bool null = batch->isNull(at, column);
    switch (role) {
    case Qt::DisplayRole: {
        if (null)
            return QStringLiteral("NULL");
        QString text = batch->text(at, column);
        // One line, cut short: the viewer shows the whole value.
        if (text.size() > kShownCharacters)
            text = text.left(kShownCharacters) + QStringLiteral("…");
        return text.replace(QLatin1Char('\n'), QStringLiteral("↵"));
    }
    case Qt::FontRole:
        if (null) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::ForegroundRole:
        return null ? QApplication::palette().brush(QPalette::Disabled, QPalette::Text)
                    : QVariant();
    case Qt::TextAlignmentRole:
        return isNumericColumn(column) ? int(Qt::AlignRight | Qt::AlignVCenter)
                                       : int(Qt::AlignLeft | Qt::AlignVCenter);
    case IsNullRole:
        return null;
    case RawTextRole:
        return batch->text(at, column);
    case SortRole: {
        if (null)
            return {};
        const quint32 type = m_columns.at(column).typeOid;
        if (type == 1700) // numeric: text in Result::value, compared by value here
            return batch->text(at, column).toDouble();
        return batch->value(at, column);
    }
    default:
        return {};
    }
}

bool ResultSetModel::isNumericColumn(int column) const
{
    return column >= 0 && column < m_columns.size() && isNumeric(m_columns.at(column).typeOid);
}

bool ResultSetModel::isJsonColumn(int column) const
{
    if (column < 0 || column >= m_columns.size())
        return false;
    const quint32 type = m_columns.at(column).typeOid;
    return type == 114 || type == 3802; // json, jsonb
}

QVariant ResultSetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section < m_columns.size() ? m_columns.at(section).name : QVariant();
}

} // namespace tusk::widgets
