#include "healthchecker.h"

#include "healthchecks.h"

#include "core/sql/sqlidentifier.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace tusk::core {

namespace health {
QString Context::indexName(const DbIndex &index) const
{
    const DbRelation *table = snapshot.relation(index.relationOid);
    return table ? snapshot.qualifiedName(table->schemaOid, index.name) : index.name;
}

bool Context::backsConstraint(const DbIndex &index) const
{
    const DbRelation *table = snapshot.relation(index.relationOid);
    if (!table)
        return false;
    for (int i : table->constraints) {
        const DbConstraint &c = snapshot.constraints().at(i);
        if (c.indexOid == index.oid && c.kind != ConstraintKind::ForeignKey)
            return true;
    }
    return false;
}

QString concurrently(const QString &indexDefinition)
{
    static const QRegularExpression head(QStringLiteral("^(CREATE (?:UNIQUE )?INDEX) "));
    QString text = indexDefinition;
    return text.replace(head, QStringLiteral("\\1 CONCURRENTLY "));
}

HealthFinding newFinding(const QString &check, Severity severity, CatalogObjectRef object,
    Oid relationOid, const QString &objectName)
{
    HealthFinding f;
    f.check = check;
    f.severity = severity;
    f.object = object;
    f.relationOid = relationOid;
    f.objectName = objectName;
    return f;
}

QString number(qint64 value)
{
    return QLocale(QLocale::English).toString(value);
}

bool statisticsMissing(const CatalogSnapshot &snapshot)
{
    bool anyData = false;
    for (const DbRelation &r : snapshot.relations()) {
        if (r.kind != RelationKind::Table || r.tableBytes == 0)
            continue;
        anyData = true;
        if (r.liveTuples > 0 || r.deadTuples > 0 || r.seqScans > 0 || r.indexScans > 0
            || r.lastVacuum.isValid() || r.lastAutovacuum.isValid() || r.lastAnalyze.isValid()
            || r.lastAutoanalyze.isValid())
            return false;
    }
    return anyData;
}
} // namespace health

const QList<HealthChecker::Check> &HealthChecker::checks()
{
    static const QList<Check> list {
        {QStringLiteral("missing-fk-index"),
            QStringLiteral("a foreign key with no index on its columns: deletes and key updates "
                           "of the referenced table scan this one")},
        {QStringLiteral("unused-index"),
            QStringLiteral("an index no query has used since the statistics were reset, and no "
                           "constraint needs")},
        {QStringLiteral("duplicate-index"),
            QStringLiteral("an index that another index of the table already covers")},
        {QStringLiteral("invalid-index"),
            QStringLiteral("an index left invalid by a failed CREATE INDEX CONCURRENTLY")},
        {QStringLiteral("not-valid-constraint"),
            QStringLiteral("a constraint added NOT VALID and never validated")},
        {QStringLiteral("no-primary-key"), QStringLiteral("a table without a primary key")},
        {QStringLiteral("never-analyzed"),
            QStringLiteral("a table with data the planner has no statistics for")},
        {QStringLiteral("dead-tuples"),
            QStringLiteral("more dead tuples than autovacuum should have left")},
        {QStringLiteral("never-vacuumed"),
            QStringLiteral("a table with data that was never vacuumed")},
        {QStringLiteral("sequence-near-limit"),
            QStringLiteral("a sequence (or the integer column it feeds) past 75 % of its range")},
        {QStringLiteral("statistics-missing"),
            QStringLiteral("no activity statistics although tables hold data (reset or crash)")},
        {QStringLiteral("largest-table"), QStringLiteral("the largest tables")},
        {QStringLiteral("largest-index"), QStringLiteral("the largest indexes")},
    };
    return list;
}

QList<HealthFinding> HealthChecker::run(const CatalogSnapshot &snapshot, const Options &options)
{
    QList<HealthFinding> findings;
    health::Context context {snapshot, options, findings};
    context.statisticsMissing = health::statisticsMissing(snapshot);
    if (context.statisticsMissing) {
        HealthFinding f;
        f.check = QStringLiteral("statistics-missing");
        f.severity = Severity::Info;
        f.objectName = snapshot.database();
        f.message =
            QStringLiteral("the activity statistics of %1 are empty").arg(snapshot.database());
        f.evidence = QStringLiteral("Tables hold data, but no table has a scan, a live or dead "
                                    "tuple, a vacuum or an analyze on record: the statistics were "
                                    "reset, or lost when the server recovered from a crash. The "
                                    "unused-index and dead-tuples checks are skipped until the "
                                    "application has run for a while.");
        findings << f;
    }
    health::missingForeignKeyIndexes(context);
    health::invalidIndexes(context);
    health::unusedIndexes(context);
    health::duplicateIndexes(context);
    health::notValidConstraints(context);
    health::missingPrimaryKeys(context);
    health::vacuumAndAnalyze(context);
    health::sequencesNearTheirLimit(context);
    health::largestObjects(context);
    // Worst first, then by check and object, so runs compare line by line.
    std::stable_sort(
        findings.begin(), findings.end(), [](const HealthFinding &a, const HealthFinding &b) {
            if (a.severity != b.severity)
                return a.severity > b.severity;
            return a.check != b.check ? a.check < b.check : a.objectName < b.objectName;
        });
    // Appended one by one: 12,000 findings would keep room for 16,000.
    findings.squeeze();
    return findings;
}

QString HealthChecker::indexName(const QString &table, const QStringList &columns)
{
    // Cut to fit before "_idx", at a character: half an emoji is none.
    return SqlIdentifier::withSuffix(
        table + QLatin1Char('_') + columns.join(QLatin1Char('_')), QStringLiteral("_idx"));
}

QString HealthChecker::bytes(qint64 bytes)
{
    return QLocale(QLocale::English)
        .formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace tusk::core
