#include "catalogjson.h"

#include <QJsonArray>

namespace tusk::core {

namespace {
QJsonValue text(const QString &value)
{
    return value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

// ISO 8601 in UTC, "2026-11-21T09:30:00.123Z"; null for never.
QJsonValue time(const QDateTime &value)
{
    return value.isValid() ? QJsonValue(value.toUTC().toString(Qt::ISODateWithMs))
                           : QJsonValue(QJsonValue::Null);
}

QJsonValue count(qint64 value)
{
    return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonArray strings(const QStringList &list)
{
    QJsonArray array;
    for (const QString &s : list)
        array << s;
    return array;
}

QJsonArray columns(const CatalogSnapshot &s, const QList<int> &which)
{
    QJsonArray array;
    for (int i : which) {
        const DbColumn &c = s.columns().at(i);
        QJsonObject o {{QStringLiteral("name"), c.name}, {QStringLiteral("type"), c.type},
            {QStringLiteral("position"), c.position}, {QStringLiteral("nullable"), !c.notNull},
            {QStringLiteral("default"), text(c.defaultValue)}};
        if (c.identity)
            o.insert(QStringLiteral("identity"),
                c.identity == 'a' ? QStringLiteral("always") : QStringLiteral("by default"));
        if (c.generated)
            o.insert(QStringLiteral("generated"), QStringLiteral("stored"));
        if (!c.collation.isEmpty())
            o.insert(QStringLiteral("collation"), c.collation.text());
        if (!c.comment.isEmpty())
            o.insert(QStringLiteral("comment"), c.comment.text());
        array << o;
    }
    return array;
}

QJsonObject relationBase(const CatalogSnapshot &s, const DbRelation &r)
{
    QJsonObject o {{QStringLiteral("schema"), s.schemaName(r.schemaOid)},
        {QStringLiteral("name"), r.name}, {QStringLiteral("oid"), qint64(r.oid)},
        {QStringLiteral("kind"), CatalogJson::kindName(r.kind)}, {QStringLiteral("owner"), r.owner},
        {QStringLiteral("comment"), text(r.comment)}};
    if (!r.lockedBy.isEmpty()) {
        QJsonArray pids;
        for (int pid : r.lockedBy)
            pids << pid;
        o.insert(QStringLiteral("locked_by"), pids);
    }
    return o;
}

QJsonObject table(const CatalogSnapshot &s, const DbRelation &r)
{
    QJsonObject o = relationBase(s, r);
    o.insert(QStringLiteral("columns"), columns(s, r.columns));
    QJsonArray indexes;
    for (int i : r.indexes) {
        const DbIndex &x = s.indexes().at(i);
        indexes << QJsonObject {{QStringLiteral("name"), x.name},
            {QStringLiteral("definition"), text(x.definition)},
            {QStringLiteral("method"), x.method}, {QStringLiteral("unique"), x.unique},
            {QStringLiteral("primary"), x.primary}, {QStringLiteral("partial"), x.partial},
            {QStringLiteral("valid"), x.valid},
            {QStringLiteral("columns"), strings(s.columnNames(r, x.keyColumns))},
            {QStringLiteral("bytes"), x.bytes}, {QStringLiteral("scans"), count(x.scans)}};
    }
    o.insert(QStringLiteral("indexes"), indexes);
    QJsonArray constraints;
    for (int i : r.constraints) {
        const DbConstraint &c = s.constraints().at(i);
        QJsonObject k {{QStringLiteral("name"), c.name},
            {QStringLiteral("kind"), CatalogJson::kindName(c.kind)},
            {QStringLiteral("definition"), text(c.definition)},
            {QStringLiteral("validated"), c.validated},
            {QStringLiteral("columns"), strings(s.columnNames(r, c.columns))}};
        if (const DbRelation *target = s.relation(c.referencedOid)) {
            k.insert(QStringLiteral("references"),
                QJsonObject {{QStringLiteral("schema"), s.schemaName(target->schemaOid)},
                    {QStringLiteral("name"), target->name},
                    {QStringLiteral("columns"),
                        strings(s.columnNames(*target, c.referencedColumns))}});
        }
        constraints << k;
    }
    o.insert(QStringLiteral("constraints"), constraints);
    QJsonArray triggers;
    for (int i : r.triggers) {
        const DbTrigger &t = s.triggers().at(i);
        triggers << QJsonObject {{QStringLiteral("name"), t.name},
            {QStringLiteral("definition"), text(t.definition)},
            {QStringLiteral("enabled"), t.enabled != 'D'}};
    }
    o.insert(QStringLiteral("triggers"), triggers);
    QJsonArray policies;
    for (int i : r.policies) {
        const DbPolicy &p = s.policies().at(i);
        policies << QJsonObject {{QStringLiteral("name"), p.name},
            {QStringLiteral("command"), QString(QLatin1Char(p.command))},
            {QStringLiteral("permissive"), p.permissive}, {QStringLiteral("roles"), p.roles},
            {QStringLiteral("using"), text(p.usingExpression)},
            {QStringLiteral("with_check"), text(p.checkExpression)}};
    }
    o.insert(QStringLiteral("policies"), policies);
    o.insert(QStringLiteral("row_security"), r.rowSecurity);
    if (r.isPartition) {
        if (const DbRelation *parent = s.relation(r.parentOid))
            o.insert(QStringLiteral("partition_of"),
                QString(s.schemaName(parent->schemaOid) + QLatin1Char('.') + parent->name));
        o.insert(QStringLiteral("partition_bound"), text(r.partitionBound));
    }
    if (r.kind == RelationKind::PartitionedTable)
        o.insert(QStringLiteral("partition_key"), r.partitionKey.text());
    if (!r.options.isEmpty())
        o.insert(QStringLiteral("options"), r.options.text());
    o.insert(QStringLiteral("rows_estimate"), r.rowsEstimate);
    o.insert(QStringLiteral("table_bytes"), r.tableBytes);
    o.insert(QStringLiteral("toast_bytes"), r.toastBytes);
    o.insert(QStringLiteral("index_bytes"), r.indexBytes);
    o.insert(QStringLiteral("total_bytes"), r.totalBytes());
    o.insert(QStringLiteral("live_tuples"), count(r.liveTuples));
    o.insert(QStringLiteral("dead_tuples"), count(r.deadTuples));
    o.insert(QStringLiteral("seq_scans"), count(r.seqScans));
    o.insert(QStringLiteral("index_scans"), count(r.indexScans));
    o.insert(QStringLiteral("last_vacuum"), time(r.lastVacuum));
    o.insert(QStringLiteral("last_autovacuum"), time(r.lastAutovacuum));
    o.insert(QStringLiteral("last_analyze"), time(r.lastAnalyze));
    o.insert(QStringLiteral("last_autoanalyze"), time(r.lastAutoanalyze));
    return o;
}
} // namespace

QString CatalogJson::kindName(RelationKind kind)
{
    switch (kind) {
    case RelationKind::Table:
        return QStringLiteral("table");
    case RelationKind::PartitionedTable:
        return QStringLiteral("partitioned table");
    case RelationKind::ForeignTable:
        return QStringLiteral("foreign table");
    case RelationKind::View:
        return QStringLiteral("view");
    case RelationKind::MaterializedView:
        return QStringLiteral("materialized view");
    case RelationKind::Sequence:
        return QStringLiteral("sequence");
    }
    return {};
}

QString CatalogJson::kindName(ConstraintKind kind)
{
    switch (kind) {
    case ConstraintKind::PrimaryKey:
        return QStringLiteral("primary key");
    case ConstraintKind::ForeignKey:
        return QStringLiteral("foreign key");
    case ConstraintKind::Unique:
        return QStringLiteral("unique");
    case ConstraintKind::Check:
        return QStringLiteral("check");
    case ConstraintKind::Exclusion:
        return QStringLiteral("exclusion");
    }
    return {};
}

QString CatalogJson::kindName(CatalogObjectKind kind)
{
    switch (kind) {
    case CatalogObjectKind::Schema:
        return QStringLiteral("schema");
    case CatalogObjectKind::Relation:
        return QStringLiteral("relation");
    case CatalogObjectKind::Column:
        return QStringLiteral("column");
    case CatalogObjectKind::Constraint:
        return QStringLiteral("constraint");
    case CatalogObjectKind::Index:
        return QStringLiteral("index");
    case CatalogObjectKind::Function:
        return QStringLiteral("function");
    case CatalogObjectKind::Trigger:
        return QStringLiteral("trigger");
    case CatalogObjectKind::Extension:
        return QStringLiteral("extension");
    case CatalogObjectKind::Type:
        return QStringLiteral("type");
    case CatalogObjectKind::Policy:
        return QStringLiteral("policy");
    case CatalogObjectKind::None:
        break;
    }
    return {};
}

QJsonObject CatalogJson::snapshot(const CatalogSnapshot &s, const QString &schema)
{
    auto wanted = [&](Oid schemaOid) {
        return schema.isEmpty() || s.schemaName(schemaOid) == schema;
    };
    QJsonArray schemas, tables, views, materializedViews, sequences, functions, types, extensions,
        problems;
    for (const DbSchema &x : s.schemas()) {
        if (wanted(x.oid))
            schemas << QJsonObject {{QStringLiteral("name"), x.name},
                {QStringLiteral("owner"), x.owner}, {QStringLiteral("comment"), text(x.comment)}};
    }
    for (const DbRelation &r : s.relations()) {
        if (!wanted(r.schemaOid))
            continue;
        switch (r.kind) {
        case RelationKind::Table:
        case RelationKind::PartitionedTable:
        case RelationKind::ForeignTable:
            tables << table(s, r);
            break;
        case RelationKind::View:
        case RelationKind::MaterializedView: {
            QJsonObject o = relationBase(s, r);
            o.insert(QStringLiteral("columns"), columns(s, r.columns));
            if (r.kind == RelationKind::View) {
                views << o;
            } else {
                QJsonArray indexes;
                for (int i : r.indexes)
                    indexes << s.indexes().at(i).name;
                o.insert(QStringLiteral("indexes"), indexes);
                o.insert(QStringLiteral("rows_estimate"), r.rowsEstimate);
                o.insert(QStringLiteral("total_bytes"), r.totalBytes());
                materializedViews << o;
            }
            break;
        }
        case RelationKind::Sequence: {
            QJsonObject o = relationBase(s, r);
            if (const DbSequence *q = s.sequence(r.oid)) {
                o.insert(QStringLiteral("type"), q->type);
                o.insert(QStringLiteral("start"), q->startValue);
                o.insert(QStringLiteral("increment"), q->increment);
                o.insert(QStringLiteral("min"), q->minValue);
                o.insert(QStringLiteral("max"), q->maxValue);
                o.insert(QStringLiteral("cycles"), q->cycles);
                o.insert(QStringLiteral("last_value"),
                    q->hasLastValue ? QJsonValue(q->lastValue) : QJsonValue(QJsonValue::Null));
                if (const DbRelation *owner = s.relation(q->ownedByOid)) {
                    const DbColumn *c = s.column(*owner, q->ownedByColumn);
                    o.insert(QStringLiteral("owned_by"),
                        QString(s.schemaName(owner->schemaOid) + QLatin1Char('.') + owner->name
                            + (c ? QLatin1Char('.') + c->name : QString())));
                }
            }
            sequences << o;
            break;
        }
        }
    }
    static const char *const volatility[] = {"immutable", "stable", "volatile"};
    for (const DbFunction &f : s.functions()) {
        if (!wanted(f.schemaOid))
            continue;
        const int v = f.volatility == 'i' ? 0 : f.volatility == 's' ? 1 : 2;
        functions << QJsonObject {{QStringLiteral("schema"), s.schemaName(f.schemaOid)},
            {QStringLiteral("name"), f.name}, {QStringLiteral("arguments"), f.arguments},
            {QStringLiteral("result"), text(f.result)},
            {QStringLiteral("kind"),
                f.kind == FunctionKind::Procedure       ? QStringLiteral("procedure")
                    : f.kind == FunctionKind::Aggregate ? QStringLiteral("aggregate")
                    : f.kind == FunctionKind::Window    ? QStringLiteral("window")
                                                        : QStringLiteral("function")},
            {QStringLiteral("volatility"), QLatin1String(volatility[v])},
            {QStringLiteral("language"), f.language},
            {QStringLiteral("security_definer"), f.securityDefiner},
            {QStringLiteral("from_extension"), f.fromExtension}};
    }
    for (const DbType &t : s.types()) {
        if (!wanted(t.schemaOid))
            continue;
        QJsonObject o {{QStringLiteral("schema"), s.schemaName(t.schemaOid)},
            {QStringLiteral("name"), t.name}, {QStringLiteral("comment"), text(t.comment)}};
        if (t.kind == TypeKind::Enum) {
            o.insert(QStringLiteral("kind"), QStringLiteral("enum"));
            o.insert(QStringLiteral("labels"), strings(t.labels));
        } else if (t.kind == TypeKind::Domain) {
            o.insert(QStringLiteral("kind"), QStringLiteral("domain"));
            o.insert(QStringLiteral("base_type"), t.baseType);
            o.insert(QStringLiteral("not_null"), t.notNull);
            o.insert(QStringLiteral("default"), text(t.defaultValue));
            o.insert(QStringLiteral("checks"), strings(t.checks));
        } else {
            o.insert(QStringLiteral("kind"), QStringLiteral("composite"));
            o.insert(QStringLiteral("attributes"), columns(s, t.attributes));
        }
        types << o;
    }
    for (const DbExtension &e : s.extensions()) {
        if (wanted(e.schemaOid))
            extensions << QJsonObject {{QStringLiteral("name"), e.name},
                {QStringLiteral("version"), e.version},
                {QStringLiteral("schema"), s.schemaName(e.schemaOid)}};
    }
    for (const CatalogSnapshot::Problem &p : s.problems())
        problems << QJsonObject {
            {QStringLiteral("kind"), p.kind}, {QStringLiteral("message"), p.message}};
    return QJsonObject {{QStringLiteral("database"), s.database()},
        {QStringLiteral("server_version"), s.serverVersion()},
        {QStringLiteral("taken_at"), s.takenAt().toString(Qt::ISODateWithMs)},
        {QStringLiteral("problems"), problems}, {QStringLiteral("schemas"), schemas},
        {QStringLiteral("tables"), tables}, {QStringLiteral("views"), views},
        {QStringLiteral("materialized_views"), materializedViews},
        {QStringLiteral("sequences"), sequences}, {QStringLiteral("functions"), functions},
        {QStringLiteral("types"), types}, {QStringLiteral("extensions"), extensions}};
}

QJsonObject CatalogJson::finding(const CatalogSnapshot &s, const HealthFinding &f)
{
    QJsonObject o {{QStringLiteral("check"), f.check},
        {QStringLiteral("severity"), severityName(f.severity)},
        {QStringLiteral("object"), f.objectName},
        {QStringLiteral("object_kind"), kindName(f.object.kind)},
        {QStringLiteral("message"), f.message}, {QStringLiteral("evidence"), f.evidence},
        {QStringLiteral("fix"), text(f.fix.isEmpty() ? QString() : f.fix)},
        {QStringLiteral("fix_note"), text(f.fixNote.isEmpty() ? QString() : f.fixNote)},
        {QStringLiteral("rollback"), text(f.rollback.isEmpty() ? QString() : f.rollback)}};
    if (const DbRelation *r = s.relation(f.relationOid))
        o.insert(QStringLiteral("table"),
            QString(s.schemaName(r->schemaOid) + QLatin1Char('.') + r->name));
    return o;
}

} // namespace tusk::core
