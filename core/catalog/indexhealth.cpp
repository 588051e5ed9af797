// Index checks: foreign keys without a supporting index, invalid, unused
// and duplicate indexes.

#include "healthchecks.h"

#include "core/sql/sqlidentifier.h"

#include <QSet>

namespace tusk::core::health {

namespace {
QString q(const QString &name)
{
    return SqlIdentifier::quote(name);
}

QString columnList(const QStringList &names)
{
    QStringList quoted;
    for (const QString &name : names)
        quoted << q(name);
    return quoted.join(QStringLiteral(", "));
}

// An index serves a foreign key when its leading key columns are exactly
// the key's columns, in any order, and it covers every row (not partial).
bool supports(const DbIndex &index, const DbConstraint &key)
{
    if (!index.valid || index.partial || index.keyColumns.size() < key.columns.size())
        return false;
    const QSet<int> wanted(key.columns.cbegin(), key.columns.cend());
    const QSet<int> leading(
        index.keyColumns.cbegin(), index.keyColumns.cbegin() + key.columns.size());
    return wanted == leading;
}

QString scans(qint64 value)
{
    return value < 0 ? QStringLiteral("no statistics")
                     : QStringLiteral("%1 scans").arg(number(value));
}
} // namespace

void missingForeignKeyIndexes(Context &context)
{
    const CatalogSnapshot &s = context.snapshot;
    for (const DbConstraint &key : s.constraints()) {
        if (key.kind != ConstraintKind::ForeignKey)
            continue;
        const DbRelation *table = s.relation(key.relationOid);
        // A partition's keys are the parent's: the parent gets the finding.
        if (!table || table->isPartition)
            continue;
        bool supported = false;
        for (int i : table->indexes)
            supported = supported || supports(s.indexes().at(i), key);
        if (supported)
            continue;
        const QStringList columns = s.columnNames(*table, key.columns);
        const DbRelation *target = s.relation(key.referencedOid);
        const QString targetName = target ? context.name(*target) : QStringLiteral("its table");
        const QString name = HealthChecker::indexName(table->name, columns);
        HealthFinding f = newFinding(QStringLiteral("missing-fk-index"), Severity::Warning,
            CatalogObjectRef {CatalogObjectKind::Constraint, key.oid, 0}, table->oid,
            context.name(*table) + QLatin1Char('.') + q(key.name));
        f.message = QStringLiteral("foreign key %1 on %2 (%3) has no index")
                        .arg(q(key.name), context.name(*table), columnList(columns));
        f.evidence = QStringLiteral("%1 references %2; no valid, non-partial index of %3 starts "
                                    "with (%4). %3 has ~%5 rows (%6): every DELETE of a %2 row "
                                    "and every UPDATE of its key scans them, and a join on the "
                                    "key reads the whole table.")
                         .arg(q(key.name), targetName, context.name(*table), columnList(columns),
                             number(std::max<qint64>(table->rowsEstimate, 0)),
                             HealthChecker::bytes(table->totalBytes()));
        if (table->kind == RelationKind::PartitionedTable) {
            // CONCURRENTLY cannot build an index on a partitioned table:
            // build one per partition, then attach them to an index made ON
            // ONLY the parent (valid once every partition has one).
            f.fix = QStringLiteral("CREATE INDEX %1 ON ONLY %2 (%3);\n")
                        .arg(q(name), context.name(*table), columnList(columns));
            for (int p : table->partitions) {
                const DbRelation &part = s.relations().at(p);
                const QString partIndex = HealthChecker::indexName(part.name, columns);
                f.fix += QStringLiteral("CREATE INDEX CONCURRENTLY %1 ON %2 (%3);\n"
                                        "ALTER INDEX %4 ATTACH PARTITION %5;\n")
                             .arg(q(partIndex), context.name(part), columnList(columns),
                                 s.qualifiedName(table->schemaOid, name),
                                 s.qualifiedName(part.schemaOid, partIndex));
            }
            f.fixNote = QStringLiteral("Each partition's index is built without blocking writes "
                                       "(SHARE UPDATE EXCLUSIVE); the parent's index is created "
                                       "ON ONLY the parent, instantly, and becomes valid when the "
                                       "last partition's index is attached.");
        } else {
            f.fix = QStringLiteral("CREATE INDEX CONCURRENTLY %1 ON %2 (%3);")
                        .arg(q(name), context.name(*table), columnList(columns));
            f.fixNote = QStringLiteral("Builds without blocking reads or writes (SHARE UPDATE "
                                       "EXCLUSIVE); cannot run inside a transaction. If it fails "
                                       "it leaves an invalid index: drop it and run it again.");
            f.rollback = QStringLiteral("DROP INDEX CONCURRENTLY %1;")
                             .arg(s.qualifiedName(table->schemaOid, name));
        }
        context.findings << f;
    }
}

void invalidIndexes(Context &context)
{
    const CatalogSnapshot &s = context.snapshot;
    for (const DbIndex &index : s.indexes()) {
        if (index.valid)
            continue;
        const DbRelation *table = s.relation(index.relationOid);
        // An index ON ONLY a partitioned table is invalid until every
        // partition's index is attached: that is a step, not a failure.
        if (!table || table->kind == RelationKind::PartitionedTable)
            continue;
        const QString name = context.indexName(index);
        HealthFinding f = newFinding(QStringLiteral("invalid-index"), Severity::Warning,
            CatalogObjectRef {CatalogObjectKind::Index, index.oid, 0}, table->oid, name);
        f.message = QStringLiteral("index %1 on %2 is invalid").arg(name, context.name(*table));
        f.evidence = index.ready
            ? QStringLiteral("indisvalid = false: a CREATE INDEX CONCURRENTLY (or REINDEX "
                             "CONCURRENTLY) failed or was cancelled. The planner never uses it, "
                             "but every write to the table still updates it; %1.")
                  .arg(HealthChecker::bytes(index.bytes))
            : QStringLiteral("indisvalid = false, indisready = false: a CREATE INDEX "
                             "CONCURRENTLY failed or was cancelled in its first phase. Nothing "
                             "uses or maintains it, but it keeps its name taken, so the same "
                             "CREATE INDEX fails until it is dropped.");
        f.fix = QStringLiteral("DROP INDEX CONCURRENTLY %1;").arg(name);
        if (!index.definition.isNull())
            f.fix += QLatin1Char('\n') + concurrently(index.definition) + QLatin1Char(';');
        f.fixNote = index.unique
            ? QStringLiteral("A unique build usually fails on duplicate values: find and resolve "
                             "them before building it again, or only drop it. Both statements "
                             "run without blocking writes and outside a transaction.")
            : QStringLiteral("Both statements run without blocking writes (SHARE UPDATE EXCLUSIVE) "
                             "and outside a transaction.");
        context.findings << f;
    }
}

void unusedIndexes(Context &context)
{
    if (context.statisticsMissing)
        return;
    const CatalogSnapshot &s = context.snapshot;
    for (const DbIndex &index : s.indexes()) {
        if (!index.valid || index.unique || index.primary || index.scans != 0
            || context.backsConstraint(index))
            continue;
        const DbRelation *table = s.relation(index.relationOid);
        if (!table || table->kind == RelationKind::PartitionedTable)
            continue;
        const QString name = context.indexName(index);
        HealthFinding f = newFinding(QStringLiteral("unused-index"), Severity::Warning,
            CatalogObjectRef {CatalogObjectKind::Index, index.oid, 0}, table->oid, name);
        f.message =
            QStringLiteral("index %1 on %2 has never been used").arg(name, context.name(*table));
        f.evidence = QStringLiteral("0 index scans since the statistics were last reset; %1 on "
                                    "disk, updated on every write to %2 (%3 rows).")
                         .arg(HealthChecker::bytes(index.bytes), context.name(*table),
                             number(std::max<qint64>(table->rowsEstimate, 0)));
        f.fix = QStringLiteral("DROP INDEX CONCURRENTLY %1;").arg(name);
        f.fixNote = QStringLiteral("Scans are counted per server: check the replicas and a full "
                                   "business cycle (month-end jobs) before dropping. Runs without "
                                   "blocking (outside a transaction).");
        if (!index.definition.isNull())
            f.rollback = concurrently(index.definition) + QLatin1Char(';');
        context.findings << f;
    }
}

void duplicateIndexes(Context &context)
{
    const CatalogSnapshot &s = context.snapshot;
    for (const DbRelation &table : s.relations()) {
        if (table.indexes.size() < 2 || table.kind == RelationKind::PartitionedTable)
            continue;
        QSet<Oid> reported;
        for (int a : table.indexes) {
            const DbIndex &x = s.indexes().at(a);
            if (!x.valid || reported.contains(x.oid))
                continue;
            for (int b : table.indexes) {
                const DbIndex &y = s.indexes().at(b);
                if (a == b || !y.valid || reported.contains(y.oid))
                    continue;
                // x is redundant when y has the same shape, or when both
                // are plain btrees and x's keys are a prefix of y's.
                const bool same = !x.shape.isEmpty() && x.shape == y.shape;
                bool prefix = false;
                if (!same && x.method == QLatin1String("btree") && y.method == x.method && !x.unique
                    && !x.partial && !y.partial && x.keyColumns.size() < y.keyColumns.size()
                    && !x.keyColumns.contains(0)) {
                    prefix = std::equal(
                        x.keyColumns.cbegin(), x.keyColumns.cend(), y.keyColumns.cbegin());
                }
                if (!same && !prefix)
                    continue;
                // Of two identical ones, keep the one a constraint needs,
                // else the one used most, else the first by name.
                if (same) {
                    const bool xNeeded = context.backsConstraint(x);
                    const bool yNeeded = context.backsConstraint(y);
                    if (xNeeded && !yNeeded)
                        continue;
                    if (xNeeded == yNeeded
                        && (x.scans > y.scans || (x.scans == y.scans && x.name < y.name)))
                        continue;
                    if (xNeeded && yNeeded)
                        continue;
                } else if (context.backsConstraint(x)) {
                    continue;
                }
                reported.insert(x.oid);
                const QString name = context.indexName(x);
                HealthFinding f = newFinding(QStringLiteral("duplicate-index"), Severity::Warning,
                    CatalogObjectRef {CatalogObjectKind::Index, x.oid, 0}, table.oid, name);
                f.message = same
                    ? QStringLiteral("index %1 duplicates %2").arg(name, context.indexName(y))
                    : QStringLiteral("index %1 is covered by %2 (its columns lead it)")
                          .arg(name, context.indexName(y));
                f.evidence = QStringLiteral("%1 (%2, %3)\n%4 (%5, %6)")
                                 .arg(x.definition.isNull() ? name : x.definition,
                                     HealthChecker::bytes(x.bytes), scans(x.scans),
                                     y.definition.isNull() ? context.indexName(y) : y.definition,
                                     HealthChecker::bytes(y.bytes), scans(y.scans));
                f.fix = QStringLiteral("DROP INDEX CONCURRENTLY %1;").arg(name);
                f.fixNote = same
                    ? QStringLiteral("Runs without blocking (outside a transaction).")
                    : QStringLiteral("Check that both use the same operator classes and "
                                     "collations. Runs without blocking (outside a transaction).");
                if (!x.definition.isNull())
                    f.rollback = concurrently(x.definition) + QLatin1Char(';');
                context.findings << f;
                break;
            }
        }
    }
}

} // namespace tusk::core::health
