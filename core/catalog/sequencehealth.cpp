// Sequences past a share of their range, and the integer columns they feed:
// an int4 id fed by a bigint sequence runs out at 2^31 - 1 all the same.

#include "healthchecks.h"

#include "core/sql/sqlidentifier.h"

#include <limits>

namespace tusk::core::health {

namespace {
QString q(const QString &name)
{
    return SqlIdentifier::quote(name);
}

qint64 typeMaximum(const QString &type)
{
    if (type == QLatin1String("smallint"))
        return std::numeric_limits<qint16>::max();
    if (type == QLatin1String("integer"))
        return std::numeric_limits<qint32>::max();
    if (type == QLatin1String("bigint"))
        return std::numeric_limits<qint64>::max();
    return 0;
}

struct Feeds {
    const DbRelation *table = nullptr;
    const DbColumn *column = nullptr;
};

// The column a sequence feeds: its owner (identity, serial, OWNED BY), or
// a column whose DEFAULT calls nextval() on it (pg_depend, no text read).
Feeds fedColumn(const Context &context, const DbSequence &seq)
{
    const CatalogSnapshot &s = context.snapshot;
    for (const auto &[oid, position] :
        {std::pair {seq.ownedByOid, seq.ownedByColumn}, {seq.defaultOfOid, seq.defaultOfColumn}}) {
        if (const DbRelation *table = s.relation(oid)) {
            if (const DbColumn *column = s.column(*table, position))
                return {table, column};
        }
    }
    return {};
}
} // namespace

void sequencesNearTheirLimit(Context &context)
{
    const CatalogSnapshot &s = context.snapshot;
    for (const DbSequence &seq : s.sequences()) {
        const DbRelation *sequence = s.relation(seq.oid);
        if (!sequence || !seq.hasLastValue || seq.increment == 0 || seq.cycles)
            continue;
        const Feeds feeds = fedColumn(context, seq);
        const qint64 columnMaximum =
            feeds.column ? typeMaximum(feeds.column->type) : std::numeric_limits<qint64>::max();
        const bool ascending = seq.increment > 0;
        // The usable end: the sequence's own limit, or the column's type
        // when that is narrower.
        const qint64 limit = ascending
            ? std::min(seq.maxValue, columnMaximum > 0 ? columnMaximum : seq.maxValue)
            : seq.minValue;
        const bool columnIsLimit = ascending && columnMaximum > 0 && columnMaximum < seq.maxValue;
        const long double start = ascending ? seq.minValue : seq.maxValue;
        const long double span = (long double)limit - start;
        if (span == 0)
            continue;
        const double used = double(((long double)seq.lastValue - start) / span);
        if (used < context.options.rangeShare)
            continue;
        const QString name = s.qualifiedName(*sequence);
        HealthFinding f = newFinding(QStringLiteral("sequence-near-limit"),
            used >= 0.9 ? Severity::Error : Severity::Warning,
            CatalogObjectRef {CatalogObjectKind::Relation, seq.oid, 0},
            feeds.table ? feeds.table->oid : seq.oid, name);
        const QString column = feeds.column
            ? s.qualifiedName(*feeds.table) + QLatin1Char('.') + q(feeds.column->name)
            : QString();
        f.message = columnIsLimit
            ? QStringLiteral("%1 is %2 % of the way to the %3 limit of %4")
                  .arg(name, QString::number(used * 100, 'f', 1), feeds.column->type, column)
            : QStringLiteral("%1 has used %2 % of its range")
                  .arg(name, QString::number(used * 100, 'f', 1));
        f.evidence =
            QStringLiteral("last value %1 of %2 (%3%4); %5 values left.")
                .arg(number(seq.lastValue), number(limit),
                    columnIsLimit ? QStringLiteral("the maximum of ") + feeds.column->type
                                  : QStringLiteral("the sequence's ")
                            + (ascending ? QStringLiteral("MAXVALUE") : QStringLiteral("MINVALUE")),
                    column.isEmpty() ? QString() : QStringLiteral(", feeds ") + column,
                    number(qint64((span - ((long double)seq.lastValue - start)) / seq.increment)));
        if (columnIsLimit) {
            const QString table = s.qualifiedName(*feeds.table);
            const QString col = q(feeds.column->name);
            // Fitted: at 63 bytes "c_bigint" would be cut back to "c" itself.
            const QString wide =
                q(SqlIdentifier::withSuffix(feeds.column->name, QStringLiteral("_bigint")));
            f.fix = QStringLiteral(
                "-- 1. expand: a bigint twin, kept in step by the application or a trigger\n"
                "ALTER TABLE %1 ADD COLUMN %3 bigint;\n"
                "-- 2. backfill in batches (repeat until 0 rows), each batch its own transaction\n"
                "UPDATE %1 SET %3 = %2 WHERE %2 IN (SELECT %2 FROM %1 WHERE %3 IS NULL LIMIT "
                "10000);\n"
                "-- 3. index and constraint without blocking\n"
                "CREATE UNIQUE INDEX CONCURRENTLY %4 ON %1 (%3);\n"
                "ALTER TABLE %1 ADD CONSTRAINT %5 CHECK (%3 IS NOT NULL) NOT VALID;\n"
                "ALTER TABLE %1 VALIDATE CONSTRAINT %5;\n"
                "-- 4. contract, in one short transaction: swap the names and the key\n"
                "--    (drop foreign keys that reference %6 first and re-add them NOT VALID)")
                        .arg(table, col, wide,
                            q(SqlIdentifier::withSuffix(
                                feeds.table->name + QLatin1Char('_') + feeds.column->name,
                                QStringLiteral("_bigint_key"))),
                            q(SqlIdentifier::withSuffix(
                                feeds.column->name, QStringLiteral("_bigint_not_null"))),
                            // In a comment line: a line break in the name would end it.
                            SqlIdentifier::commentText(col));
            f.fixNote = QStringLiteral("ALTER COLUMN … TYPE bigint would rewrite the table under "
                                       "ACCESS EXCLUSIVE; this is the online expand → backfill → "
                                       "contract route (Tusk's rollout wizard steps through it).");
        } else if (ascending && seq.maxValue < typeMaximum(seq.type)) {
            f.fix = QStringLiteral("ALTER SEQUENCE %1 MAXVALUE %2;")
                        .arg(name, number(typeMaximum(seq.type)).remove(QLatin1Char(',')));
            f.fixNote = QStringLiteral("Changes only the sequence (a brief lock on it); the column "
                                       "type must hold the new values.");
        } else if (ascending && seq.type != QLatin1String("bigint")) {
            f.fix = QStringLiteral("ALTER SEQUENCE %1 AS bigint;").arg(name);
            f.fixNote = QStringLiteral("Changes only the sequence (a brief lock on it); the column "
                                       "it feeds must be bigint too.");
        }
        context.findings << f;
    }
}

} // namespace tusk::core::health
