#include "typechange.h"

#include <algorithm>

#include "scriptfacts.h"

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

bool is(const ColumnType &t, const char *name)
{
    return t.name == QLatin1String(name);
}

bool isUnboundedVarchar(const ColumnType &t)
{
    return is(t, "varchar") && isUnbounded(t);
}

// interval(p) is {p} (ColumnType folds the parser's full-range marker
// away); a field restriction (DAY TO SECOND …) shows as a second modifier,
// or as a mask above the largest precision, 6.
std::optional<int> intervalPrecision(const ColumnType &t, bool *restricted)
{
    *restricted = t.modifiers.size() > 1 || (t.modifiers.size() == 1 && t.modifiers.first() > 6);
    if (t.modifiers.isEmpty() || *restricted)
        return std::nullopt;
    return t.modifiers.first();
}

TypeChange catalogOnly(const ColumnType &from, const ColumnType &to, const QString &why)
{
    return {TypeChange::Cost::CatalogOnly,
        QStringLiteral("%1 %2: catalog-only, no rewrite").arg(arrow(from, to), why), false};
}

TypeChange rewrite(const ColumnType &from, const ColumnType &to, const QString &why)
{
    return {TypeChange::Cost::Rewrite, QStringLiteral("%1 %2").arg(arrow(from, to), why), false};
}

// Precision: raising it or dropping the limit is catalog-only. 6 is the
// most timestamp, time and interval keep, so (6) is no limit at all.
constexpr int kMaxTimePrecision = 6;
TypeChange byPrecision(
    const ColumnType &from, const ColumnType &to, std::optional<int> fromP, std::optional<int> toP)
{
    // Plain ints: "no limit" is the most precision there is.
    const int fromLimit = fromP.value_or(kMaxTimePrecision);
    const int toLimit = toP.value_or(kMaxTimePrecision);
    if (toLimit >= std::min(fromLimit, kMaxTimePrecision))
        return catalogOnly(from, to, QStringLiteral("keeps or raises the precision"));
    return rewrite(from, to, QStringLiteral("lowers the precision: the table is rewritten"));
}
} // namespace

TypeChange::Context TypeChange::contextOf(
    int serverVersion, const QString &scriptZone, const QString &catalogZone)
{
    Context context;
    context.serverVersion = serverVersion;
    const QString &zone = scriptZone.isEmpty() ? catalogZone : scriptZone;
    if (!zone.isEmpty())
        context.timeZoneUtc = ScriptFacts::isUtc(zone);
    return context;
}

TypeChange TypeChange::between(const ColumnType &from, const ColumnType &to, const Context &context)
{
    if (!from.isKnown() || !to.isKnown())
        return {Cost::Unknown, QString(), false};
    if (from == to)
        return {Cost::None, QStringLiteral("%1 is already the type").arg(to.toString()), false};
    const QString rebuilds = QStringLiteral("rewrites the table and rebuilds its indexes");
    // Arrays are rewritten even when the element change alone would not be
    // (PostgreSQL 15 checks binary coercibility of the array types as such).
    if (from.isArray || to.isArray)
        return rewrite(from, to, rebuilds);
    // Length limits: widening or dropping the limit is binary compatible.
    if ((is(from, "varchar") || is(from, "varbit")) && from.name == to.name) {
        if (isUnbounded(to) || (!isUnbounded(from) && to.modifiers[0] >= from.modifiers[0]))
            return catalogOnly(from, to, QStringLiteral("widens the limit"));
        return rewrite(from, to,
            QStringLiteral("shortens the limit: every row is checked and the table rewritten"));
    }
    if (is(from, "varchar") && is(to, "text"))
        return catalogOnly(from, to, QStringLiteral("drops the limit"));
    if (is(from, "text") && isUnboundedVarchar(to))
        return catalogOnly(from, to, QStringLiteral("is binary compatible"));
    // citext and text share the storage but not the operator class: the
    // table stays, an index on the column is built again.
    const bool citextFrom = is(from, "citext");
    const bool citextTo = is(to, "citext");
    if ((citextFrom && (is(to, "text") || isUnboundedVarchar(to)))
        || (citextTo && (is(from, "text") || is(from, "varchar")))) {
        TypeChange change = catalogOnly(from, to, QStringLiteral("keeps the storage"));
        change.rebuildsIndexes = true;
        return change;
    }
    if (is(from, "numeric") && is(to, "numeric")) {
        if (isUnbounded(to))
            return catalogOnly(from, to, QStringLiteral("drops the precision limit"));
        const int fromScale = from.modifiers.value(1, 0);
        const int toScale = to.modifiers.value(1, 0);
        if (!isUnbounded(from) && toScale == fromScale && to.modifiers[0] >= from.modifiers[0])
            return catalogOnly(from, to, QStringLiteral("raises the precision at the same scale"));
        return rewrite(from, to,
            QStringLiteral("changes the scale or lowers the precision: the table is rewritten"));
    }
    if (is(from, "cidr") && is(to, "inet"))
        return catalogOnly(from, to, QStringLiteral("is binary compatible"));
    if ((is(from, "timestamp") || is(from, "timestamptz") || is(from, "time") || is(from, "timetz"))
        && from.name == to.name) {
        return byPrecision(from, to,
            isUnbounded(from) ? std::nullopt : std::optional<int>(from.modifiers[0]),
            isUnbounded(to) ? std::nullopt : std::optional<int>(to.modifiers[0]));
    }
    if (is(from, "interval") && is(to, "interval")) {
        bool fromRestricted = false;
        bool toRestricted = false;
        const std::optional<int> fromP = intervalPrecision(from, &fromRestricted);
        const std::optional<int> toP = intervalPrecision(to, &toRestricted);
        if (!toRestricted)
            return byPrecision(from, to, fromRestricted ? std::nullopt : fromP, toP);
        return rewrite(from, to, QStringLiteral("restricts the fields: the table is rewritten"));
    }
    // timestamp ↔ timestamptz reads the same bytes when the session's time
    // zone is UTC, and PostgreSQL 12 knows it; the indexes change operator
    // class and are rebuilt.
    if ((is(from, "timestamp") && is(to, "timestamptz"))
        || (is(from, "timestamptz") && is(to, "timestamp"))) {
        // A precision on the new type is a second, rounding step (a rewrite)
        // unless it keeps everything (6 or none).
        const bool keepsPrecision = isUnbounded(to) || to.modifiers[0] >= kMaxTimePrecision;
        if (keepsPrecision && context.serverVersion >= 120000 && context.timeZoneUtc == true) {
            TypeChange change =
                catalogOnly(from, to, QStringLiteral("with the session's TimeZone UTC"));
            change.rebuildsIndexes = true;
            return change;
        }
        if (context.serverVersion < 120000)
            return rewrite(from, to, QStringLiteral("rewrites the table before PostgreSQL 12"));
        return rewrite(from, to,
            context.timeZoneUtc == false
                ? QStringLiteral("rewrites the table: the session's TimeZone is not UTC")
                : QStringLiteral("is catalog-only only when the session's TimeZone is UTC "
                                 "(SET timezone = 'UTC' first); otherwise the table is "
                                 "rewritten"));
    }
    return rewrite(from, to, rebuilds);
}

QString TypeChange::safeSources(const ColumnType &to)
{
    if (to.isArray)
        return {};
    const QString p = isUnbounded(to) ? QString() : QString::number(to.modifiers.first());
    if (is(to, "text"))
        return QStringLiteral("varchar of any length, or citext without an index on it");
    if (is(to, "varchar"))
        return isUnbounded(to)
            ? QStringLiteral("varchar of any length or text, or citext without an index on it")
            : QStringLiteral("varchar(n ≤ %1)").arg(p);
    if (is(to, "varbit"))
        return isUnbounded(to) ? QStringLiteral("varbit of any length")
                               : QStringLiteral("varbit(n ≤ %1)").arg(p);
    if (is(to, "citext"))
        return QStringLiteral("text or varchar, without an index on it");
    if (is(to, "numeric"))
        return isUnbounded(to)
            ? QStringLiteral("numeric of any precision")
            : QStringLiteral("numeric(p ≤ %1, %2)").arg(p).arg(to.modifiers.value(1, 0));
    if (is(to, "inet"))
        return QStringLiteral("cidr");
    if (is(to, "timestamp") || is(to, "timestamptz") || is(to, "time") || is(to, "timetz")
        || is(to, "interval")) {
        QString same = isUnbounded(to) ? QStringLiteral("%1 of any precision").arg(to.name)
                                       : QStringLiteral("%1(p ≤ %2)").arg(to.name, p);
        if (is(to, "timestamptz"))
            same += QStringLiteral(", or timestamp with the session's TimeZone UTC on "
                                   "PostgreSQL 12+");
        if (is(to, "timestamp"))
            same += QStringLiteral(", or timestamptz with the session's TimeZone UTC on "
                                   "PostgreSQL 12+");
        return same;
    }
    return {};
}

} // namespace tusk::core
