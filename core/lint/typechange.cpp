#include "typechange.h"

namespace tusk::core {

namespace {
QString arrow(const ColumnType &from, const ColumnType &to)
{
    return from.toString() + QStringLiteral(" → ") + to.toString();
}

bool isUnbounded(const ColumnType &t)
{
    return t.modifiers.isEmpty();
}

TypeChange catalogOnly(const ColumnType &from, const ColumnType &to, const QString &why)
{
    return {TypeChange::Cost::CatalogOnly,
        QStringLiteral("%1 %2: catalog-only, no rewrite").arg(arrow(from, to), why)};
}
} // namespace

TypeChange TypeChange::between(const ColumnType &from, const ColumnType &to)
{
    if (!from.isKnown() || !to.isKnown())
        return {Cost::Unknown, QString()};
    if (from == to)
        return {Cost::None, QStringLiteral("%1 is already the type").arg(to.toString())};
    const QString rewrite =
        QStringLiteral("%1 rewrites the table and rebuilds its indexes").arg(arrow(from, to));
    // Arrays are rewritten even when the element change alone would not be
    // (PostgreSQL 15 checks binary coercibility of the array types as such).
    if (from.isArray || to.isArray)
        return {Cost::Rewrite, rewrite};
    const QString &a = from.name;
    const QString &b = to.name;
    // Length limits: widening or dropping the limit is binary compatible.
    if ((a == QLatin1String("varchar") || a == QLatin1String("varbit")) && a == b) {
        if (isUnbounded(to) || (!isUnbounded(from) && to.modifiers[0] >= from.modifiers[0]))
            return catalogOnly(from, to, QStringLiteral("widens the limit"));
        return {Cost::Rewrite,
            QStringLiteral("%1 shortens the limit: every row is checked and the table "
                           "rewritten")
                .arg(arrow(from, to))};
    }
    if (a == QLatin1String("varchar") && b == QLatin1String("text"))
        return catalogOnly(from, to, QStringLiteral("drops the limit"));
    if (a == QLatin1String("text") && b == QLatin1String("varchar") && isUnbounded(to))
        return catalogOnly(from, to, QStringLiteral("is binary compatible"));
    if (a == QLatin1String("numeric") && b == QLatin1String("numeric")) {
        if (isUnbounded(to))
            return catalogOnly(from, to, QStringLiteral("drops the precision limit"));
        const int fromScale = from.modifiers.value(1, 0);
        const int toScale = to.modifiers.value(1, 0);
        if (!isUnbounded(from) && toScale == fromScale && to.modifiers[0] >= from.modifiers[0])
            return catalogOnly(from, to, QStringLiteral("raises the precision at the same scale"));
        return {Cost::Rewrite,
            QStringLiteral("%1 changes the scale or lowers the precision: the table is "
                           "rewritten")
                .arg(arrow(from, to))};
    }
    if (a == QLatin1String("cidr") && b == QLatin1String("inet"))
        return catalogOnly(from, to, QStringLiteral("is binary compatible"));
    if ((a == QLatin1String("timestamp") || a == QLatin1String("timestamptz")
            || a == QLatin1String("time"))
        && a == b) {
        if (isUnbounded(to) || (!isUnbounded(from) && to.modifiers[0] >= from.modifiers[0]))
            return catalogOnly(from, to, QStringLiteral("keeps or raises the precision"));
        return {Cost::Rewrite,
            QStringLiteral("%1 lowers the precision: the table is rewritten").arg(arrow(from, to))};
    }
    if (a == QLatin1String("timestamp") && b == QLatin1String("timestamptz"))
        return {Cost::Rewrite,
            QStringLiteral("%1 is catalog-only from PostgreSQL 12 only when the session's "
                           "TimeZone is UTC; otherwise the table is rewritten")
                .arg(arrow(from, to))};
    return {Cost::Rewrite, rewrite};
}

} // namespace tusk::core
