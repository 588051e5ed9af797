// Table checks: NOT VALID constraints, missing primary keys, vacuum and
// analyze state, and the largest tables and indexes.

#include "healthchecks.h"

#include "core/sql/sqlidentifier.h"

#include <QRegularExpression>

#include <algorithm>

namespace tusk::core::health {

namespace {
QString q(const QString &name)
{
    return SqlIdentifier::quote(name);
}

// The query that lists the rows VALIDATE CONSTRAINT would reject.
QString violations(const Context &context, const DbRelation &table, const DbConstraint &c)
{
    const CatalogSnapshot &s = context.snapshot;
    if (c.kind == ConstraintKind::Check && !c.definition.isNull()) {
        static const QRegularExpression check(QStringLiteral("^CHECK \\((.*)\\)(?: NOT VALID)?$"),
            QRegularExpression::DotMatchesEverythingOption);
        const QRegularExpressionMatch m = check.match(c.definition);
        if (m.hasMatch())
            return QStringLiteral("SELECT * FROM %1 WHERE NOT (%2) LIMIT 100;")
                .arg(context.name(table), m.captured(1));
    }
    if (c.kind == ConstraintKind::ForeignKey) {
        const DbRelation *target = s.relation(c.referencedOid);
        if (!target)
            return {};
        const QStringList own = s.columnNames(table, c.columns);
        const QStringList theirs = s.columnNames(*target, c.referencedColumns);
        QStringList notNull;
        QStringList match;
        for (qsizetype i = 0; i < own.size() && i < theirs.size(); ++i) {
            notNull << QStringLiteral("c.%1 IS NOT NULL").arg(q(own.at(i)));
            match << QStringLiteral("p.%1 = c.%2").arg(q(theirs.at(i)), q(own.at(i)));
        }
        return QStringLiteral("SELECT c.* FROM %1 c WHERE %2\n    AND NOT EXISTS (SELECT 1 FROM "
                              "%3 p WHERE %4) LIMIT 100;")
            .arg(context.name(table), notNull.join(QStringLiteral(" AND ")), context.name(*target),
                match.join(QStringLiteral(" AND ")));
    }
    return {};
}

// reltuples is -1 until the first VACUUM or ANALYZE (PostgreSQL 14+), and
// survives a crash that empties the activity statistics.
bool neverAnalyzed(const DbRelation &r)
{
    return r.rowsEstimate < 0 && !r.lastAnalyze.isValid() && !r.lastAutoanalyze.isValid();
}
bool neverVacuumed(const DbRelation &r)
{
    return !r.lastVacuum.isValid() && !r.lastAutovacuum.isValid();
}

QString lastTime(const QDateTime &manual, const QDateTime &automatic)
{
    auto spelled = [](const QDateTime &t) {
        return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    };
    if (!manual.isValid() && !automatic.isValid())
        return QStringLiteral("never");
    if (!manual.isValid() || (automatic.isValid() && automatic > manual))
        return spelled(automatic) + QStringLiteral(" (auto)");
    return spelled(manual);
}
} // namespace

void notValidConstraints(Context &context)
{
    const CatalogSnapshot &s = context.snapshot;
    for (const DbConstraint &c : s.constraints()) {
        if (c.validated)
            continue;
        const DbRelation *table = s.relation(c.relationOid);
        if (!table || table->isPartition)
            continue;
        HealthFinding f = newFinding(QStringLiteral("not-valid-constraint"), Severity::Warning,
            CatalogObjectRef {CatalogObjectKind::Constraint, c.oid, 0}, table->oid,
            context.name(*table) + QLatin1Char('.') + q(c.name));
        f.message = QStringLiteral("%1 constraint %2 on %3 is NOT VALID")
                        .arg(c.kind == ConstraintKind::ForeignKey ? QStringLiteral("foreign key")
                                                                  : QStringLiteral("check"),
                            q(c.name), context.name(*table));
        f.evidence = QStringLiteral("convalidated = false: new and updated rows are checked, "
                                    "rows older than the constraint are not, and the planner "
                                    "cannot rely on it. %1")
                         .arg(c.definition);
        f.fix = QStringLiteral("ALTER TABLE %1 VALIDATE CONSTRAINT %2;")
                    .arg(context.name(*table), q(c.name));
        const QString find = violations(context, *table, c);
        f.fixNote = QStringLiteral("Scans the table under SHARE UPDATE EXCLUSIVE: reads and writes "
                                   "go on%1. It fails if an existing row breaks the rule")
                        .arg(c.kind == ConstraintKind::ForeignKey
                                ? QStringLiteral(" (ROW SHARE on the referenced table)")
                                : QString());
        f.fixNote += find.isEmpty() ? QStringLiteral(".")
                                    : QStringLiteral("; find those rows first:\n") + find;
        context.findings << f;
    }
}

void missingPrimaryKeys(Context &context)
{
    const CatalogSnapshot &s = context.snapshot;
    for (const DbRelation &table : s.relations()) {
        if ((table.kind != RelationKind::Table && table.kind != RelationKind::PartitionedTable)
            || table.isPartition)
            continue;
        bool hasKey = false;
        for (int i : table.constraints)
            hasKey = hasKey || s.constraints().at(i).kind == ConstraintKind::PrimaryKey;
        if (hasKey)
            continue;
        // A unique index over NOT NULL columns can become the key at once.
        const DbIndex *candidate = nullptr;
        for (int i : table.indexes) {
            const DbIndex &x = s.indexes().at(i);
            if (!x.unique || !x.valid || x.partial || x.keyColumns.contains(0))
                continue;
            bool notNull = true;
            for (int position : x.keyColumns) {
                const DbColumn *column = s.column(table, position);
                notNull = notNull && column && column->notNull;
            }
            if (notNull) {
                candidate = &x;
                break;
            }
        }
        HealthFinding f = newFinding(QStringLiteral("no-primary-key"), Severity::Warning,
            CatalogObjectRef {CatalogObjectKind::Relation, table.oid, 0}, table.oid,
            context.name(table));
        f.message = QStringLiteral("table %1 has no primary key").arg(context.name(table));
        f.evidence = QStringLiteral("~%1 rows. Without a key, rows cannot be told apart: logical "
                                    "replication cannot apply UPDATE and DELETE, and tools cannot "
                                    "edit single rows.")
                         .arg(number(std::max<qint64>(table.rowsEstimate, 0)));
        // Fitted: at 63 bytes "t_pkey" would be cut back to "t", the table.
        const QString keyName = q(SqlIdentifier::withSuffix(table.name, QStringLiteral("_pkey")));
        if (candidate) {
            f.fix = QStringLiteral("SET lock_timeout = '2s';\nALTER TABLE %1 ADD CONSTRAINT %2 "
                                   "PRIMARY KEY USING INDEX %3;")
                        .arg(context.name(table), keyName, q(candidate->name));
            f.fixNote = QStringLiteral("Promotes the existing unique index %1 over NOT NULL "
                                       "columns: a brief ACCESS EXCLUSIVE lock, no scan.")
                            .arg(context.indexName(*candidate));
        } else if (table.kind == RelationKind::Table) {
            f.fix = QStringLiteral(
                "-- choose the key column(s); (id) is a placeholder\n"
                "CREATE UNIQUE INDEX CONCURRENTLY %1 ON %2 (id);\n"
                "-- each key column must be NOT NULL; for one that is not:\n"
                "-- ALTER TABLE %3 ADD CONSTRAINT id_not_null CHECK (id IS NOT NULL) NOT VALID;\n"
                "-- ALTER TABLE %3 VALIDATE CONSTRAINT id_not_null;\n"
                "-- ALTER TABLE %3 ALTER COLUMN id SET NOT NULL;  -- uses the valid check\n"
                "SET lock_timeout = '2s';\n"
                "ALTER TABLE %2 ADD CONSTRAINT %1 PRIMARY KEY USING INDEX %1;")
                        .arg(keyName, context.name(table),
                            // In comment lines: a line break in the name would end them.
                            SqlIdentifier::commentText(context.name(table)));
            f.fixNote = QStringLiteral("The index is built without blocking writes; SET NOT NULL "
                                       "skips its scan when a valid CHECK (col IS NOT NULL) "
                                       "exists (PostgreSQL 12+); the final step is a brief ACCESS "
                                       "EXCLUSIVE lock.");
        } else {
            f.fixNote = QStringLiteral("A partitioned table's key must include the partition key "
                                       "columns and is built on every partition at once: plan it "
                                       "per partition (USING INDEX is not available here).");
        }
        context.findings << f;
    }
}

void vacuumAndAnalyze(Context &context)
{
    const CatalogSnapshot &s = context.snapshot;
    for (const DbRelation &table : s.relations()) {
        if (table.kind != RelationKind::Table && table.kind != RelationKind::MaterializedView)
            continue;
        const bool hasData = table.tableBytes > 0 || table.liveTuples > 0;
        const QString name = context.name(table);
        const bool autovacuumOff =
            table.options.text().contains(QLatin1String("autovacuum_enabled=false"))
            || table.options.text().contains(QLatin1String("autovacuum_enabled=off"));
        const qint64 live = std::max<qint64>({table.liveTuples, table.rowsEstimate, 0});
        // autovacuum's own trigger with the default settings.
        const qint64 threshold = 50 + live / 5;
        const QString times = QStringLiteral("last vacuum: %1; last analyze: %2")
                                  .arg(lastTime(table.lastVacuum, table.lastAutovacuum),
                                      lastTime(table.lastAnalyze, table.lastAutoanalyze));
        bool vacuumReported = false;
        if (!context.statisticsMissing && table.deadTuples >= context.options.deadTuplesMinimum
            && table.deadTuples > threshold) {
            HealthFinding f = newFinding(QStringLiteral("dead-tuples"), Severity::Warning,
                CatalogObjectRef {CatalogObjectKind::Relation, table.oid, 0}, table.oid, name);
            f.message =
                QStringLiteral("table %1 has %2 dead tuples").arg(name, number(table.deadTuples));
            f.evidence = QStringLiteral("%1 dead, %2 live (autovacuum would start at %3); %4%5.")
                             .arg(number(table.deadTuples), number(live), number(threshold), times,
                                 autovacuumOff ? QStringLiteral("; autovacuum is switched off "
                                                                "for this table (")
                                         + table.options.text() + QLatin1Char(')')
                                               : QString());
            f.fix = QStringLiteral("VACUUM (ANALYZE, VERBOSE) %1;").arg(name);
            if (autovacuumOff)
                f.fix += QStringLiteral("\nALTER TABLE %1 RESET (autovacuum_enabled);").arg(name);
            f.fixNote = QStringLiteral("VACUUM takes SHARE UPDATE EXCLUSIVE: reads and writes go "
                                       "on (never VACUUM FULL on a live table: it takes ACCESS "
                                       "EXCLUSIVE and rewrites it).%1")
                            .arg(autovacuumOff ? QStringLiteral(" RESET of a storage parameter "
                                                                "takes the same lock, briefly.")
                                               : QString());
            context.findings << f;
            vacuumReported = true;
        }
        if (hasData && neverAnalyzed(table)) {
            HealthFinding f = newFinding(QStringLiteral("never-analyzed"), Severity::Warning,
                CatalogObjectRef {CatalogObjectKind::Relation, table.oid, 0}, table.oid, name);
            f.message = QStringLiteral("table %1 has never been analyzed").arg(name);
            f.evidence = QStringLiteral("%1 on disk, no statistics: the planner guesses row "
                                        "counts and value distributions. %2.")
                             .arg(HealthChecker::bytes(table.tableBytes), times);
            f.fix = QStringLiteral("ANALYZE %1;").arg(name);
            f.fixNote = QStringLiteral("Reads a sample under SHARE UPDATE EXCLUSIVE: reads and "
                                       "writes go on.");
            context.findings << f;
        }
        if (!vacuumReported && neverVacuumed(table) && table.deadTuples > 0) {
            HealthFinding f = newFinding(QStringLiteral("never-vacuumed"), Severity::Info,
                CatalogObjectRef {CatalogObjectKind::Relation, table.oid, 0}, table.oid, name);
            f.message = QStringLiteral("table %1 has never been vacuumed").arg(name);
            f.evidence = QStringLiteral("%1 dead tuples; the visibility map is unset, so "
                                        "index-only scans still read the heap. %2.")
                             .arg(number(table.deadTuples), times);
            f.fix = QStringLiteral("VACUUM (ANALYZE) %1;").arg(name);
            f.fixNote = QStringLiteral("SHARE UPDATE EXCLUSIVE: reads and writes go on.");
            context.findings << f;
        }
    }
}

void largestObjects(Context &context)
{
    const CatalogSnapshot &s = context.snapshot;
    QList<const DbRelation *> tables;
    for (const DbRelation &r : s.relations()) {
        if ((r.kind == RelationKind::Table || r.kind == RelationKind::MaterializedView)
            && r.totalBytes() > 0)
            tables << &r;
    }
    std::sort(tables.begin(), tables.end(),
        [](const DbRelation *a, const DbRelation *b) { return a->totalBytes() > b->totalBytes(); });
    for (qsizetype i = 0; i < tables.size() && i < context.options.largest; ++i) {
        const DbRelation &t = *tables.at(i);
        HealthFinding f = newFinding(QStringLiteral("largest-table"), Severity::Info,
            CatalogObjectRef {CatalogObjectKind::Relation, t.oid, 0}, t.oid, context.name(t));
        f.message = QStringLiteral("#%1 largest: %2, %3")
                        .arg(i + 1)
                        .arg(context.name(t), HealthChecker::bytes(t.totalBytes()));
        f.evidence = QStringLiteral("table %1, TOAST %2, indexes %3; ~%4 rows (as of the last "
                                    "VACUUM / ANALYZE)")
                         .arg(HealthChecker::bytes(t.tableBytes),
                             HealthChecker::bytes(t.toastBytes), HealthChecker::bytes(t.indexBytes),
                             number(std::max<qint64>(t.rowsEstimate, 0)));
        context.findings << f;
    }
    QList<const DbIndex *> indexes;
    for (const DbIndex &x : s.indexes()) {
        if (x.bytes > 0)
            indexes << &x;
    }
    std::sort(indexes.begin(), indexes.end(),
        [](const DbIndex *a, const DbIndex *b) { return a->bytes > b->bytes; });
    for (qsizetype i = 0; i < indexes.size() && i < context.options.largest; ++i) {
        const DbIndex &x = *indexes.at(i);
        HealthFinding f = newFinding(QStringLiteral("largest-index"), Severity::Info,
            CatalogObjectRef {CatalogObjectKind::Index, x.oid, 0}, x.relationOid,
            context.indexName(x));
        f.message = QStringLiteral("#%1 largest index: %2, %3")
                        .arg(i + 1)
                        .arg(f.objectName, HealthChecker::bytes(x.bytes));
        f.evidence = QStringLiteral("%1; %2 scans")
                         .arg(x.definition, x.scans < 0 ? QStringLiteral("no") : number(x.scans));
        context.findings << f;
    }
}

} // namespace tusk::core::health
