#include "priorcatalog.h"

#include "core/sql/sqlidentifier.h"

#include <QRegularExpression>

namespace tusk::core {

namespace {
// Separators no identifier holds: fields of a key, and a parent's key
// from its child's part.
constexpr QChar field = QChar(0x1f);
constexpr QChar child = QChar(0x1e);

bool isSubObject(PriorCatalog::Kind kind)
{
    using K = PriorCatalog::Kind;
    return kind == K::Column || kind == K::Constraint || kind == K::Trigger || kind == K::Policy;
}

QChar kindLetter(PriorCatalog::Kind kind)
{
    return QChar(u'a' + char16_t(kind));
}

// The fields of the last part of a key: origin, kind, schema or
// statement, name.
QStringList lastPart(const QString &key)
{
    return key.mid(key.lastIndexOf(child) + 1).split(field);
}

// How many arguments pg_get_function_identity_arguments() lists.
int arityOf(const QString &arguments)
{
    if (arguments.trimmed().isEmpty())
        return 0;
    int depth = 0;
    int count = 1;
    for (const QChar c : arguments) {
        if (c == u'(')
            ++depth;
        else if (c == u')')
            --depth;
        else if (c == u',' && depth == 0)
            ++count;
    }
    return count;
}

// The one object named `name`, the one in public when several are.
template<typename T, typename SchemaOf>
const T *preferPublic(const QList<T> &list, const QString &name, SchemaOf schemaOf)
{
    const T *found = nullptr;
    int matches = 0;
    for (const T &item : list) {
        if (item.name != name)
            continue;
        if (schemaOf(item) == QLatin1String("public"))
            return &item;
        found = &item;
        ++matches;
    }
    return matches == 1 ? found : nullptr;
}
} // namespace

QString PriorCatalog::Ident::key() const
{
    QString own;
    switch (origin) {
    case Origin::Snapshot:
        own = QStringLiteral("S") + field + kindLetter(kind) + field + schema + field + name;
        break;
    case Origin::Script:
        own = QStringLiteral("C") + field + kindLetter(kind) + field + QString::number(statement)
            + field + name;
        break;
    case Origin::Gone:
        own = QStringLiteral("G") + field + kindLetter(kind) + field + field + name;
        break;
    }
    return parent.isEmpty() ? own : parent + child + own;
}

PriorCatalog::PriorCatalog(CatalogSnapshot snapshot)
    : m_snapshot(std::move(snapshot))
{
}

QString PriorCatalog::nameKey(Kind kind, const QString &scope, const QString &name)
{
    return kindLetter(kind) + field + scope + field + name;
}

QString PriorCatalog::resolvedSchema(const QString &schema) const
{
    const auto it = m_names.constFind(nameKey(Kind::Schema, QString(), schema));
    return it != m_names.constEnd() && it->origin == Ident::Origin::Snapshot ? it->name : schema;
}

QString PriorCatalog::schemaOf(Kind kind, const QString &written, const QString &name) const
{
    if (!written.isEmpty())
        return written;
    const auto used = m_lastSchema.constFind(kindLetter(kind) + name);
    if (used != m_lastSchema.constEnd())
        return *used;
    const CatalogSnapshot &s = m_snapshot;
    QString schema;
    if (kind == Kind::Relation) {
        if (const DbRelation *r = s.findRelation(SqlIdentifier::quote(name)))
            schema = s.schemaName(r->schemaOid);
        else if (const DbIndex *x = preferPublic(s.indexes(), name, [&s](const DbIndex &i) {
                     const DbRelation *table = s.relation(i.relationOid);
                     return table ? s.schemaName(table->schemaOid) : QString();
                 }))
            schema = s.schemaName(s.relation(x->relationOid)->schemaOid);
    } else if (kind == Kind::Type) {
        if (const DbType *t = preferPublic(
                s.types(), name, [&s](const DbType &t) { return s.schemaName(t.schemaOid); }))
            schema = s.schemaName(t->schemaOid);
    } else if (kind == Kind::Function) {
        if (const DbFunction *f = preferPublic(s.functions(), name,
                [&s](const DbFunction &f) { return s.schemaName(f.schemaOid); }))
            schema = s.schemaName(f->schemaOid);
    }
    return schema.isEmpty() ? QStringLiteral("public") : schema;
}

PriorCatalog::Ident PriorCatalog::ident(Kind kind, const QString &scope, const QString &name) const
{
    const auto it = m_names.constFind(nameKey(kind, scope, name));
    if (it != m_names.constEnd())
        return *it;
    Ident out;
    out.kind = kind;
    out.name = name;
    if (isSubObject(kind)) {
        out.parent = scope;
        // A new table's columns are the script's too; a dropped one's are gone.
        const QStringList parent = lastPart(scope);
        if (parent.value(0) == QLatin1String("C")) {
            out.origin = Ident::Origin::Script;
            out.statement = parent.value(2).toInt();
        } else if (parent.value(0) != QLatin1String("S")) {
            out.origin = Ident::Origin::Gone;
        }
    } else if (kind != Kind::Schema && kind != Kind::Extension) {
        out.schema = resolvedSchema(scope);
    }
    return out;
}

void PriorCatalog::created(Kind kind, const QString &scope, const QString &name, int statement)
{
    Ident made;
    made.origin = Ident::Origin::Script;
    made.kind = kind;
    made.name = name;
    made.statement = statement;
    if (isSubObject(kind))
        made.parent = scope;
    else
        made.schema = scope;
    m_names.insert(nameKey(kind, scope, name), made);
    if (!isSubObject(kind))
        m_lastSchema.insert(kindLetter(kind) + name, scope);
}

PriorCatalog::Ident PriorCatalog::dropped(Kind kind, const QString &scope, const QString &name)
{
    const Ident was = ident(kind, scope, name);
    Ident gone = was;
    gone.origin = Ident::Origin::Gone;
    m_names.insert(nameKey(kind, scope, name), gone);
    return was;
}

void PriorCatalog::renamed(Kind kind, const QString &scope, const QString &from, const QString &to)
{
    const Ident was = ident(kind, scope, from);
    m_names.insert(nameKey(kind, scope, to), was);
    Ident gone = was;
    gone.origin = Ident::Origin::Gone;
    m_names.insert(nameKey(kind, scope, from), gone);
    if (!isSubObject(kind) && kind != Kind::Schema && kind != Kind::Extension)
        m_lastSchema.insert(kindLetter(kind) + to, scope);
}

bool PriorCatalog::changedBefore(const Ident &object, const QString &attribute)
{
    const QString key = object.key() + field + attribute;
    if (m_changed.contains(key))
        return true;
    m_changed.insert(key);
    return false;
}

const DbRelation *PriorCatalog::relation(const Ident &ident) const
{
    if (ident.origin != Ident::Origin::Snapshot || ident.kind != Kind::Relation)
        return nullptr;
    const DbRelation *r =
        m_snapshot.findRelation(SqlIdentifier::qualified(ident.schema, ident.name));
    // findRelation falls back to other schemas for a bare name only.
    return r && m_snapshot.schemaName(r->schemaOid) == ident.schema ? r : nullptr;
}

const DbRelation *PriorCatalog::parentRelation(const Ident &ident) const
{
    if (ident.origin != Ident::Origin::Snapshot || ident.parent.isEmpty())
        return nullptr;
    const QStringList parent = lastPart(ident.parent);
    if (parent.size() != 4 || parent.first() != QLatin1String("S"))
        return nullptr;
    Ident table;
    table.schema = parent.at(2);
    table.name = parent.at(3);
    return relation(table);
}

const DbColumn *PriorCatalog::column(const Ident &ident) const
{
    const DbRelation *r = parentRelation(ident);
    if (!r || ident.kind != Kind::Column)
        return nullptr;
    for (int i : r->columns) {
        if (m_snapshot.columns().at(i).name == ident.name)
            return &m_snapshot.columns().at(i);
    }
    return nullptr;
}

const DbConstraint *PriorCatalog::constraint(const Ident &ident) const
{
    const DbRelation *r = parentRelation(ident);
    if (!r || ident.kind != Kind::Constraint)
        return nullptr;
    for (int i : r->constraints) {
        if (m_snapshot.constraints().at(i).name == ident.name)
            return &m_snapshot.constraints().at(i);
    }
    return nullptr;
}

const DbTrigger *PriorCatalog::trigger(const Ident &ident) const
{
    const DbRelation *r = parentRelation(ident);
    if (!r || ident.kind != Kind::Trigger)
        return nullptr;
    for (int i : r->triggers) {
        if (m_snapshot.triggers().at(i).name == ident.name)
            return &m_snapshot.triggers().at(i);
    }
    return nullptr;
}

const DbPolicy *PriorCatalog::policy(const Ident &ident) const
{
    const DbRelation *r = parentRelation(ident);
    if (!r || ident.kind != Kind::Policy)
        return nullptr;
    for (int i : r->policies) {
        if (m_snapshot.policies().at(i).name == ident.name)
            return &m_snapshot.policies().at(i);
    }
    return nullptr;
}

const DbIndex *PriorCatalog::index(const Ident &ident) const
{
    if (ident.origin != Ident::Origin::Snapshot || ident.kind != Kind::Relation)
        return nullptr;
    for (const DbIndex &x : m_snapshot.indexes()) {
        const DbRelation *table = m_snapshot.relation(x.relationOid);
        if (x.name == ident.name && table
            && m_snapshot.schemaName(table->schemaOid) == ident.schema)
            return &x;
    }
    return nullptr;
}

const DbType *PriorCatalog::type(const Ident &ident) const
{
    if (ident.origin != Ident::Origin::Snapshot || ident.kind != Kind::Type)
        return nullptr;
    for (const DbType &t : m_snapshot.types()) {
        if (t.name == ident.name && m_snapshot.schemaName(t.schemaOid) == ident.schema)
            return &t;
    }
    return nullptr;
}

const DbSchema *PriorCatalog::schema(const Ident &ident) const
{
    if (ident.origin != Ident::Origin::Snapshot || ident.kind != Kind::Schema)
        return nullptr;
    for (const DbSchema &s : m_snapshot.schemas()) {
        if (s.name == ident.name)
            return &s;
    }
    return nullptr;
}

const DbExtension *PriorCatalog::extension(const Ident &ident) const
{
    if (ident.origin != Ident::Origin::Snapshot || ident.kind != Kind::Extension)
        return nullptr;
    for (const DbExtension &e : m_snapshot.extensions()) {
        if (e.name == ident.name)
            return &e;
    }
    return nullptr;
}

QList<const DbFunction *> PriorCatalog::functions(const Ident &ident, int arity) const
{
    QList<const DbFunction *> out;
    if (ident.origin != Ident::Origin::Snapshot || ident.kind != Kind::Function)
        return out;
    // A function's ident is named with its argument types: "f(int4,text)".
    const QString name = ident.name.section(QLatin1Char('('), 0, 0);
    for (const DbFunction &f : m_snapshot.functions()) {
        if (f.name == name && m_snapshot.schemaName(f.schemaOid) == ident.schema
            && (arity < 0 || arityOf(f.arguments) == arity))
            out << &f;
    }
    return out;
}

QString PriorCatalog::currentName(const DbRelation &relation) const
{
    const QString schema = m_snapshot.schemaName(relation.schemaOid);
    QString nowSchema = schema;
    QString nowName = relation.name;
    for (auto it = m_names.constBegin(); it != m_names.constEnd(); ++it) {
        const Ident &i = it.value();
        if (i.origin != Ident::Origin::Snapshot)
            continue;
        const QStringList parts = it.key().split(field);
        if (i.kind == Kind::Relation && i.schema == schema && i.name == relation.name) {
            nowSchema = parts.value(1);
            nowName = parts.value(2);
            break;
        }
    }
    // A renamed schema, when the relation kept its own name.
    if (nowSchema == schema) {
        for (auto it = m_names.constBegin(); it != m_names.constEnd(); ++it) {
            if (it->origin == Ident::Origin::Snapshot && it->kind == Kind::Schema
                && it->name == schema)
                nowSchema = it.key().split(field).value(2);
        }
    }
    return SqlIdentifier::qualified(nowSchema, nowName);
}

QString PriorCatalog::indexSql(const DbIndex &index, bool concurrently) const
{
    const DbRelation *table = m_snapshot.relation(index.relationOid);
    if (index.definition.isNull() || !table)
        return {};
    QString sql = index.definition;
    const QString was = m_snapshot.qualifiedName(*table);
    const QString now = currentName(*table);
    if (was != now) {
        sql.replace(
            QStringLiteral(" ON %1 USING ").arg(was), QStringLiteral(" ON %1 USING ").arg(now));
        sql.replace(QStringLiteral(" ON ONLY %1 USING ").arg(was),
            QStringLiteral(" ON ONLY %1 USING ").arg(now));
    }
    if (concurrently)
        sql.replace(QRegularExpression(QStringLiteral("^CREATE (UNIQUE )?INDEX ")),
            QStringLiteral("CREATE \\1INDEX CONCURRENTLY "));
    sql += QLatin1Char(';');
    if (!index.comment.isEmpty())
        sql +=
            QStringLiteral("\nCOMMENT ON INDEX %1 IS %2;")
                .arg(SqlIdentifier::qualified(m_snapshot.schemaName(table->schemaOid), index.name),
                    SqlIdentifier::literal(index.comment));
    return sql;
}

QString PriorCatalog::constraintSql(const DbConstraint &constraint) const
{
    const DbRelation *table = m_snapshot.relation(constraint.relationOid);
    if (constraint.definition.isNull() || !table)
        return {};
    const QString name = currentName(*table);
    QString sql = QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3;")
                      .arg(name, SqlIdentifier::quote(constraint.name), constraint.definition);
    if (!constraint.comment.isEmpty())
        sql += QStringLiteral("\nCOMMENT ON CONSTRAINT %1 ON %2 IS %3;")
                   .arg(SqlIdentifier::quote(constraint.name), name,
                       SqlIdentifier::literal(constraint.comment));
    return sql;
}

QString PriorCatalog::keyOf(const DbIndex &index) const
{
    const DbRelation *table = m_snapshot.relation(index.relationOid);
    Ident i;
    i.kind = Kind::Relation;
    i.schema = table ? m_snapshot.schemaName(table->schemaOid) : QString();
    i.name = index.name;
    return i.key();
}

QString PriorCatalog::keyOf(const DbConstraint &constraint) const
{
    const DbRelation *table = m_snapshot.relation(constraint.relationOid);
    Ident parent;
    parent.kind = Kind::Relation;
    parent.schema = table ? m_snapshot.schemaName(table->schemaOid) : QString();
    parent.name = table ? table->name : QString();
    Ident i;
    i.kind = Kind::Constraint;
    i.name = constraint.name;
    i.parent = parent.key();
    return i.key();
}

QString PriorCatalog::within(const QString &parentKey, const QString &key)
{
    return parentKey + child + key;
}

bool PriorCatalog::concerns(const QString &object, const QString &dropped)
{
    return !object.isEmpty() && !dropped.isEmpty()
        && (object == dropped || object.startsWith(dropped + child)
            || object.endsWith(child + dropped));
}

void PriorCatalog::setIndexColumns(const Ident &index, const QStringList &columns)
{
    m_indexColumns.insert(index.key(), columns);
}

QStringList PriorCatalog::indexColumns(const Ident &index) const
{
    return m_indexColumns.value(index.key());
}

} // namespace tusk::core
