#include "schemacomparison.h"

#include <QSet>

namespace tusk::core {

namespace {
QString opt(const QString &label, const QString &value)
{
    return value.isEmpty() ? QString() : QStringLiteral(" %1=%2").arg(label, value);
}

// Keys are "category\tobject": sorted by category, then object.
QString key(const char *category, const QString &object)
{
    return QLatin1String(category) + QLatin1Char('\t') + object;
}

void relationFacts(const CatalogSnapshot &s, const DbRelation &r, QMap<QString, QString> &out)
{
    const QString name = s.qualifiedName(r);
    out.insert(key("relation", name),
        QStringLiteral("kind=%1 owner=%2%3%4%5%6%7%8")
            .arg(QChar::fromLatin1(char(r.kind)), r.owner,
                r.unlogged ? QStringLiteral(" unlogged") : QString(),
                r.rowSecurity ? QStringLiteral(" rls") : QString(),
                opt(QStringLiteral("comment"), r.comment),
                opt(QStringLiteral("bound"), r.partitionBound),
                opt(QStringLiteral("key"), r.partitionKey),
                opt(QStringLiteral("options"), r.options)));
    QStringList order;
    for (int i : r.columns) {
        const DbColumn &c = s.columns().at(i);
        order << c.name;
        out.insert(key("column", name + QLatin1Char('.') + c.name),
            QStringLiteral("%1 %2%3%4%5%6")
                .arg(c.type, c.notNull ? QStringLiteral("NOT NULL") : QStringLiteral("null"),
                    opt(QStringLiteral("default"), c.defaultValue),
                    opt(QStringLiteral("identity"),
                        c.identity ? QString(QChar::fromLatin1(c.identity)) : QString()),
                    opt(QStringLiteral("collation"), c.collation),
                    opt(QStringLiteral("comment"), c.comment)));
    }
    if (!order.isEmpty())
        out.insert(key("column order", name), order.join(QStringLiteral(", ")));
    for (int i : r.constraints) {
        const DbConstraint &c = s.constraints().at(i);
        out.insert(key("constraint", c.name + QStringLiteral(" on ") + name),
            c.definition + (c.validated ? QString() : QStringLiteral(" (not validated)"))
                + opt(QStringLiteral("comment"), c.comment));
    }
    for (int i : r.indexes) {
        const DbIndex &x = s.indexes().at(i);
        out.insert(key("index", s.qualifiedName(r.schemaOid, x.name)),
            x.definition + (x.valid ? QString() : QStringLiteral(" (invalid)"))
                + opt(QStringLiteral("comment"), x.comment));
    }
    for (int i : r.triggers) {
        const DbTrigger &t = s.triggers().at(i);
        out.insert(key("trigger", t.name + QStringLiteral(" on ") + name),
            QStringLiteral("%1 enabled=%2").arg(t.definition, QChar::fromLatin1(t.enabled)));
    }
    for (int i : r.policies) {
        const DbPolicy &p = s.policies().at(i);
        out.insert(key("policy", p.name + QStringLiteral(" on ") + name),
            QStringLiteral("%1 using=%2 check=%3")
                .arg(p.roles, p.usingExpression, p.checkExpression));
    }
    if (const DbSequence *q = r.kind == RelationKind::Sequence ? s.sequence(r.oid) : nullptr) {
        const DbRelation *owner = s.relation(q->ownedByOid);
        const DbColumn *column = owner ? s.column(*owner, q->ownedByColumn) : nullptr;
        out.insert(key("sequence", name),
            QStringLiteral("%1 start=%2 by=%3 min=%4 max=%5%6 owned=%7")
                .arg(q->type)
                .arg(q->startValue)
                .arg(q->increment)
                .arg(q->minValue)
                .arg(q->maxValue)
                .arg(q->cycles ? QStringLiteral(" cycle") : QString(),
                    column ? s.qualifiedName(*owner) + QLatin1Char('.') + column->name
                           : QString()));
    }
}
} // namespace

QMap<QString, QString> SchemaComparison::facts(const CatalogSnapshot &s)
{
    QMap<QString, QString> out;
    for (const DbSchema &schema : s.schemas())
        out.insert(key("schema", schema.name), opt(QStringLiteral("comment"), schema.comment));
    for (const DbRelation &r : s.relations())
        relationFacts(s, r, out);
    for (const DbType &t : s.types())
        out.insert(key("type", s.qualifiedName(t.schemaOid, t.name)),
            QStringLiteral("kind=%1 labels=%2 base=%3 checks=%4%5")
                .arg(QChar::fromLatin1(char(t.kind)), t.labels.join(QLatin1Char(',')), t.baseType,
                    t.checks.join(QLatin1Char(',')), opt(QStringLiteral("comment"), t.comment)));
    for (const DbFunction &f : s.functions())
        out.insert(
            key("function",
                s.qualifiedName(f.schemaOid, f.name) + QStringLiteral("(%1)").arg(f.arguments)),
            QStringLiteral("%1 %2").arg(f.result, f.language));
    for (const DbExtension &e : s.extensions())
        out.insert(key("extension", e.name),
            QStringLiteral("%1 in %2").arg(e.version, s.schemaName(e.schemaOid)));
    return out;
}

QString SchemaComparison::definitionsSql()
{
    return QStringLiteral(R"sql(
WITH own AS (
    SELECT oid, nspname, nspacl FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\_%'
)
SELECT 'view definition', own.nspname || '.' || c.relname, pg_get_viewdef(c.oid)
FROM pg_class c JOIN own ON own.oid = c.relnamespace WHERE c.relkind IN ('v', 'm')
UNION ALL
SELECT 'grant', own.nspname || '.' || c.relname, array_to_string(c.relacl, ',')
FROM pg_class c JOIN own ON own.oid = c.relnamespace
WHERE c.relacl IS NOT NULL AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
UNION ALL
SELECT 'grant', 'schema ' || own.nspname, array_to_string(own.nspacl, ',')
FROM own WHERE own.nspacl IS NOT NULL
UNION ALL
SELECT 'function body', p.oid::regprocedure::text,
       md5(p.prosrc) || coalesce(' acl=' || array_to_string(p.proacl, ','), '')
FROM pg_proc p JOIN own ON own.oid = p.pronamespace
WHERE NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
)sql");
}

void SchemaComparison::addDefinitions(QMap<QString, QString> *facts, const Result &rows)
{
    for (int r = 0; r < rows.rowCount(); ++r)
        facts->insert(rows.text(r, 0) + QLatin1Char('\t') + rows.text(r, 1), rows.text(r, 2));
}

QList<SchemaComparison::Difference> SchemaComparison::compare(
    const QMap<QString, QString> &before, const QMap<QString, QString> &after)
{
    QList<Difference> out;
    auto split = [](const QString &k) {
        return std::make_pair(k.section(QLatin1Char('\t'), 0, 0), k.section(QLatin1Char('\t'), 1));
    };
    for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
        const auto found = after.constFind(it.key());
        if (found != after.constEnd() && *found == *it)
            continue;
        const auto [category, object] = split(it.key());
        // An empty description still marks presence: a bare schema.
        out << Difference {category, object, it->isEmpty() ? QStringLiteral("present") : *it,
            found == after.constEnd() ? QString()
                                      : (found->isEmpty() ? QStringLiteral("present") : *found)};
    }
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        if (before.contains(it.key()))
            continue;
        const auto [category, object] = split(it.key());
        out << Difference {
            category, object, QString(), it->isEmpty() ? QStringLiteral("present") : *it};
    }
    std::sort(out.begin(), out.end(), [](const Difference &a, const Difference &b) {
        return std::tie(a.category, a.object) < std::tie(b.category, b.object);
    });
    return out;
}

QList<SchemaComparison::Difference> SchemaComparison::compare(
    const CatalogSnapshot &before, const CatalogSnapshot &after)
{
    return compare(facts(before), facts(after));
}

QString SchemaComparison::Difference::describe() const
{
    if (before.isEmpty())
        return QStringLiteral("%1 %2: new (%3)").arg(category, object, after);
    if (after.isEmpty())
        return QStringLiteral("%1 %2: gone (was %3)").arg(category, object, before);
    return QStringLiteral("%1 %2: %3 → %4").arg(category, object, before, after);
}

} // namespace tusk::core
