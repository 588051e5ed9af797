#include "result.h"

#include <QBitArray>

#include <vector>

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
    QByteArray bytes; // every cell's UTF-8 text, row-major, back to back
    std::vector<qsizetype> ends; // where each cell ends in `bytes`
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

QByteArrayView Result::bytes(int row, int column) const
{
    if (isNull(row, column))
        return {};
    const qsizetype cell = qsizetype(row) * columnCount() + column;
    const qsizetype begin = cell == 0 ? 0 : d->ends[size_t(cell - 1)];
    return QByteArrayView(d->bytes.constData() + begin, d->ends[size_t(cell)] - begin);
}

QString Result::text(int row, int column) const
{
    if (isNull(row, column))
        return {};
    // Not a null QString for an empty cell: NULL and '' stay distinct.
    const QByteArrayView cell = bytes(row, column);
    return cell.isEmpty() ? QString(QLatin1String("")) : QString::fromUtf8(cell);
}

QVariant Result::value(int row, int column) const
{
    if (isNull(row, column))
        return {};
    const QByteArrayView cell = bytes(row, column);
    switch (d->columns.at(column).typeOid) {
    case BoolOid:
        return cell == "t";
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
        return text(row, column);
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
    d->ends.reserve(size_t(cells));
    d->nulls.resize(cells);
}

void Result::Builder::reserveBytes(qsizetype bytes)
{
    d->bytes.reserve(bytes);
}

void Result::Builder::appendCell(QByteArrayView utf8, bool isNull)
{
    const qsizetype index = qsizetype(d->ends.size());
    if (!isNull)
        d->bytes.append(utf8);
    d->ends.push_back(d->bytes.size());
    if (d->nulls.size() <= index)
        d->nulls.resize(qMax<qsizetype>(index + 1, d->nulls.size() * 2));
    d->nulls.setBit(index, isNull);
}

void Result::Builder::appendCell(const QString &text, bool isNull)
{
    appendCell(QByteArrayView(text.toUtf8()), isNull);
}

void Result::Builder::endRow()
{
    Q_ASSERT(qsizetype(d->ends.size()) == qsizetype(d->rows + 1) * d->columns.size());
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
    d->nulls.resize(qsizetype(d->ends.size()));
    d->bytes.squeeze();
    Result r;
    r.d = std::move(d);
    d = std::make_shared<Data>();
    return r;
}

} // namespace tusk::core
