#include "result.h"

#include <QBitArray>

namespace tusk::core {

namespace {
// Type OIDs from pg_type.dat; stable across server versions.
enum : quint32 {
    BoolOid = 16,
    Int8Oid = 20,
    Int2Oid = 21,
    Int4Oid = 23,
    OidOid = 26,
    Float4Oid = 700,
    Float8Oid = 701,
};
} // namespace

struct Result::Data {
    QList<Column> columns;
    QList<QString> cells; // row-major
    QBitArray nulls; // one bit per cell
    int rows = 0;
    QString commandTag;
    qint64 affectedRows = -1;
    bool hasRows = false;
};

Result::Result()
    : d(std::make_shared<const Data>())
{
}

int Result::rowCount() const
{
    return d->rows;
}
int Result::columnCount() const
{
    return int(d->columns.size());
}
const Result::Column &Result::column(int index) const
{
    return d->columns.at(index);
}
const QList<Result::Column> &Result::columns() const
{
    return d->columns;
}

int Result::columnIndex(const QString &name) const
{
    for (int i = 0; i < d->columns.size(); ++i) {
        if (d->columns.at(i).name == name)
            return i;
    }
    return -1;
}

bool Result::contains(int row, int column) const
{
    return row >= 0 && row < d->rows && column >= 0 && column < columnCount();
}

bool Result::isNull(int row, int column) const
{
    return !contains(row, column) || d->nulls.testBit(qsizetype(row) * columnCount() + column);
}

QString Result::text(int row, int column) const
{
    if (isNull(row, column))
        return {};
    return d->cells.at(qsizetype(row) * columnCount() + column);
}

QVariant Result::value(int row, int column) const
{
    if (isNull(row, column))
        return {};
    const QString &cell = d->cells.at(qsizetype(row) * columnCount() + column);
    switch (d->columns.at(column).typeOid) {
    case BoolOid:
        return cell == QLatin1String("t");
    case Int2Oid:
    case Int4Oid:
        return cell.toInt();
    case Int8Oid:
        return cell.toLongLong();
    case OidOid:
        return cell.toUInt();
    case Float4Oid:
    case Float8Oid:
        return cell.toDouble();
    default:
        return cell;
    }
}

QVariant Result::value(int row, const QString &columnName) const
{
    const int c = columnIndex(columnName);
    return c < 0 ? QVariant() : value(row, c);
}

QString Result::commandTag() const
{
    return d->commandTag;
}
qint64 Result::affectedRows() const
{
    return d->affectedRows;
}
bool Result::hasRows() const
{
    return d->hasRows;
}

Result::Builder::Builder()
    : d(std::make_shared<Data>())
{
}

void Result::Builder::addColumn(const Column &column)
{
    d->columns.append(column);
}

void Result::Builder::reserveRows(int rows)
{
    const qsizetype cells = qsizetype(rows) * d->columns.size();
    d->cells.reserve(cells);
    d->nulls.resize(cells);
}

void Result::Builder::appendCell(const QString &text, bool isNull)
{
    const qsizetype index = d->cells.size();
    d->cells.append(text);
    if (d->nulls.size() <= index)
        d->nulls.resize(qMax<qsizetype>(index + 1, d->nulls.size() * 2));
    d->nulls.setBit(index, isNull);
}

void Result::Builder::endRow()
{
    Q_ASSERT(d->cells.size() == qsizetype(d->rows + 1) * d->columns.size());
    ++d->rows;
    d->hasRows = true;
}

void Result::Builder::addRow(const QList<QString> &cells, const QList<bool> &nulls)
{
    Q_ASSERT(cells.size() == d->columns.size() && nulls.size() == d->columns.size());
    for (qsizetype i = 0; i < cells.size(); ++i)
        appendCell(cells.at(i), nulls.at(i));
    endRow();
}

void Result::Builder::setCommandTag(const QString &tag, qint64 affectedRows, bool hasRows)
{
    d->commandTag = tag;
    d->affectedRows = affectedRows;
    d->hasRows = hasRows || d->hasRows;
}

Result Result::Builder::build()
{
    d->nulls.resize(d->cells.size());
    Result r;
    r.d = std::move(d);
    d = std::make_shared<Data>();
    return r;
}

} // namespace tusk::core
