#include "catalogsnapshot.h"

#include "core/sql/sqlidentifier.h"

#include <QtCore/QAtomicInteger>

#include <algorithm>

namespace tusk::core {

struct CatalogSnapshot::Data {
    QString database;
    int serverVersion = 0;
    QDateTime takenAt;
    bool systemSchemas = false;
    bool definitions = true;
    // Set by build(), kept by withDefinitions(): equal ids, same objects.
    quint64 objectsId = 0;
    QList<Problem> problems;

    QList<DbSchema> schemas;
    QList<DbRelation> relations;
    QList<DbColumn> columns;
    QList<DbConstraint> constraints;
    QList<DbIndex> indexes;
    QList<DbSequence> sequences;
    QList<DbFunction> functions;
    QList<DbTrigger> triggers;
    QList<DbExtension> extensions;
    QList<DbType> types;
    QList<DbPolicy> policies;

    QHash<Oid, int> schemaAt;
    QHash<Oid, int> relationAt;
    QHash<Oid, int> indexAt;
    QHash<Oid, int> constraintAt;
    QHash<Oid, int> functionAt;
    QHash<Oid, int> typeAt;
    QHash<Oid, int> sequenceAt;
    QHash<Oid, QList<int>> relationsBySchema;
};

const CatalogSnapshot::Data &CatalogSnapshot::emptyData()
{
    static const Data empty;
    return empty;
}

namespace {

template<typename T>
const T *at(const QList<T> &list, const QHash<Oid, int> &where, Oid oid)
{
    const auto it = where.constFind(oid);
    return it == where.constEnd() ? nullptr : &list.at(*it);
}

// "Shop"."Orders" → {Shop, Orders}; shop.orders → {shop, orders}; names
// unquoted fold to lower case, as the server folds them.
QStringList splitQualifiedName(const QString &text)
{
    QStringList parts;
    QString part;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                part += c;
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                part += c;
            }
        } else if (c == u'"') {
            quoted = true;
            wasQuoted = true;
        } else if (c == u'.') {
            parts << part;
            part.clear();
            wasQuoted = false; // "S".MixedCase: the table's name folds
        } else {
            part += wasQuoted ? c : c.toLower();
        }
    }
    parts << part;
    return parts;
}
} // namespace

CatalogSnapshot::CatalogSnapshot() = default;

bool CatalogSnapshot::isNull() const
{
    return !d;
}
QString CatalogSnapshot::database() const
{
    return d ? d->database : QString();
}
int CatalogSnapshot::serverVersion() const
{
    return d ? d->serverVersion : 0;
}
QDateTime CatalogSnapshot::takenAt() const
{
    return d ? d->takenAt : QDateTime();
}
bool CatalogSnapshot::includesSystemSchemas() const
{
    return d && d->systemSchemas;
}

bool CatalogSnapshot::hasDefinitions() const
{
    return d && d->definitions;
}

CatalogSnapshot CatalogSnapshot::withDefinitions(const CatalogDefinitions &definitions) const
{
    if (!d)
        return *this;
    // A shallow copy: the lists below detach when written, their strings
    // stay shared with this snapshot.
    auto data = std::make_shared<Data>(*d);
    data->definitions = true;
    data->problems << definitions.problems;
    for (const CatalogDefinitions::ColumnDefault &c : definitions.columnDefaults) {
        const DbRelation *r = relation(c.relationOid);
        const DbColumn *found = r ? column(*r, c.position) : nullptr;
        if (found)
            data->columns[found - d->columns.constData()].defaultValue = c.value;
    }
    for (const CatalogDefinitions::IndexDefinition &x : definitions.indexDefinitions) {
        if (const auto it = d->indexAt.constFind(x.oid); it != d->indexAt.constEnd())
            data->indexes[*it].definition = x.definition;
    }
    for (const CatalogDefinitions::SequenceValue &v : definitions.sequenceValues) {
        if (const auto it = d->sequenceAt.constFind(v.oid); it != d->sequenceAt.constEnd()) {
            DbSequence &sequence = data->sequences[*it];
            sequence.hasLastValue = true;
            sequence.lastValue = v.lastValue;
        }
    }
    CatalogSnapshot snapshot;
    snapshot.d = std::move(data);
    return snapshot;
}

bool CatalogSnapshot::sharesObjectsWith(const CatalogSnapshot &other) const
{
    return d && other.d && d->objectsId == other.d->objectsId;
}

#define TUSK_SNAPSHOT_LIST(Type, member, accessor)                                                 \
    const QList<Type> &CatalogSnapshot::accessor() const                                           \
    {                                                                                              \
        return (d ? *d : emptyData()).member;                                                      \
    }
TUSK_SNAPSHOT_LIST(CatalogSnapshot::Problem, problems, problems)
TUSK_SNAPSHOT_LIST(DbSchema, schemas, schemas)
TUSK_SNAPSHOT_LIST(DbRelation, relations, relations)
TUSK_SNAPSHOT_LIST(DbColumn, columns, columns)
TUSK_SNAPSHOT_LIST(DbConstraint, constraints, constraints)
TUSK_SNAPSHOT_LIST(DbIndex, indexes, indexes)
TUSK_SNAPSHOT_LIST(DbSequence, sequences, sequences)
TUSK_SNAPSHOT_LIST(DbFunction, functions, functions)
TUSK_SNAPSHOT_LIST(DbTrigger, triggers, triggers)
TUSK_SNAPSHOT_LIST(DbExtension, extensions, extensions)
TUSK_SNAPSHOT_LIST(DbType, types, types)
TUSK_SNAPSHOT_LIST(DbPolicy, policies, policies)
#undef TUSK_SNAPSHOT_LIST

const DbSchema *CatalogSnapshot::schema(Oid oid) const
{
    return d ? at(d->schemas, d->schemaAt, oid) : nullptr;
}
const DbRelation *CatalogSnapshot::relation(Oid oid) const
{
    return d ? at(d->relations, d->relationAt, oid) : nullptr;
}
const DbIndex *CatalogSnapshot::index(Oid oid) const
{
    return d ? at(d->indexes, d->indexAt, oid) : nullptr;
}
const DbConstraint *CatalogSnapshot::constraint(Oid oid) const
{
    return d ? at(d->constraints, d->constraintAt, oid) : nullptr;
}
const DbFunction *CatalogSnapshot::function(Oid oid) const
{
    return d ? at(d->functions, d->functionAt, oid) : nullptr;
}
const DbType *CatalogSnapshot::type(Oid oid) const
{
    return d ? at(d->types, d->typeAt, oid) : nullptr;
}
const DbSequence *CatalogSnapshot::sequence(Oid oid) const
{
    return d ? at(d->sequences, d->sequenceAt, oid) : nullptr;
}

const DbColumn *CatalogSnapshot::column(const DbRelation &relation, int position) const
{
    for (int i : relation.columns) {
        if (d->columns.at(i).position == position)
            return &d->columns.at(i);
    }
    return nullptr;
}

QStringList CatalogSnapshot::columnNames(
    const DbRelation &relation, const QList<int> &positions) const
{
    QStringList names;
    for (int position : positions) {
        const DbColumn *c = position > 0 ? column(relation, position) : nullptr;
        names << (c             ? c->name
                : position == 0 ? QStringLiteral("(expression)")
                                : QStringLiteral("#%1").arg(position));
    }
    return names;
}

QString CatalogSnapshot::schemaName(Oid schemaOid) const
{
    const DbSchema *s = schema(schemaOid);
    return s ? s->name : QString();
}

QString CatalogSnapshot::qualifiedName(const DbRelation &relation) const
{
    return qualifiedName(relation.schemaOid, relation.name);
}

QString CatalogSnapshot::qualifiedName(Oid schemaOid, const QString &name) const
{
    return SqlIdentifier::qualified(schemaName(schemaOid), name);
}

const DbRelation *CatalogSnapshot::findRelation(const QString &qualifiedName) const
{
    if (!d)
        return nullptr;
    const QStringList parts = splitQualifiedName(qualifiedName.trimmed());
    if (parts.size() > 2 || parts.last().isEmpty())
        return nullptr;
    const DbRelation *found = nullptr;
    const DbRelation *inPublic = nullptr;
    int matches = 0;
    for (const DbRelation &r : d->relations) {
        if (r.name != parts.last())
            continue;
        const QString schema = schemaName(r.schemaOid);
        if (parts.size() == 2) {
            if (schema == parts.first())
                return &r;
            continue;
        }
        if (schema == QLatin1String("public"))
            inPublic = &r;
        found = &r;
        ++matches;
    }
    if (inPublic)
        return inPublic;
    return matches == 1 ? found : nullptr;
}

QList<int> CatalogSnapshot::relationsOf(Oid schemaOid) const
{
    return d ? d->relationsBySchema.value(schemaOid) : QList<int>();
}

CatalogSnapshot::Builder::Builder()
    : d(std::make_shared<Data>())
{
}

void CatalogSnapshot::Builder::setSource(
    const QString &database, int serverVersion, bool systemSchemas, bool definitions)
{
    d->definitions = definitions;
    d->database = database;
    d->serverVersion = serverVersion;
    d->systemSchemas = systemSchemas;
}

void CatalogSnapshot::Builder::addProblem(const QString &kind, const QString &message)
{
    d->problems << Problem {kind, message};
}

void CatalogSnapshot::Builder::reserve(const QString &kind, qsizetype rows)
{
    auto grow = [rows](auto &list) { list.reserve(list.size() + rows); };
    Data &data = *d;
    if (kind == QLatin1String("relations"))
        grow(data.relations);
    else if (kind == QLatin1String("columns"))
        grow(data.columns);
    else if (kind == QLatin1String("constraints"))
        grow(data.constraints);
    else if (kind == QLatin1String("indexes"))
        grow(data.indexes);
    else if (kind == QLatin1String("sequences"))
        grow(data.sequences);
    else if (kind == QLatin1String("functions"))
        grow(data.functions);
    else if (kind == QLatin1String("types"))
        grow(data.types);
}

void CatalogSnapshot::Builder::add(DbSchema schema)
{
    d->schemas << std::move(schema);
}
void CatalogSnapshot::Builder::add(DbRelation relation)
{
    d->relations << std::move(relation);
}
void CatalogSnapshot::Builder::add(DbColumn column)
{
    d->columns << std::move(column);
}
void CatalogSnapshot::Builder::add(DbConstraint constraint)
{
    d->constraints << std::move(constraint);
}
void CatalogSnapshot::Builder::add(DbIndex index)
{
    d->indexes << std::move(index);
}
void CatalogSnapshot::Builder::add(DbSequence sequence)
{
    d->sequences << std::move(sequence);
}
void CatalogSnapshot::Builder::add(DbFunction function)
{
    d->functions << std::move(function);
}
void CatalogSnapshot::Builder::add(DbTrigger trigger)
{
    d->triggers << std::move(trigger);
}
void CatalogSnapshot::Builder::add(DbExtension extension)
{
    d->extensions << std::move(extension);
}
void CatalogSnapshot::Builder::add(DbType type)
{
    d->types << std::move(type);
}
void CatalogSnapshot::Builder::add(DbPolicy policy)
{
    d->policies << std::move(policy);
}

CatalogSnapshot CatalogSnapshot::Builder::build()
{
    Data &data = *d;
    data.takenAt = QDateTime::currentDateTimeUtc();
    static QAtomicInteger<quint64> lastObjectsId;
    data.objectsId = ++lastObjectsId;
    auto indexAll = [](const auto &list, QHash<Oid, int> &where) {
        where.reserve(list.size());
        for (int i = 0; i < list.size(); ++i)
            where.insert(list.at(i).oid, i);
    };
    indexAll(data.schemas, data.schemaAt);
    indexAll(data.relations, data.relationAt);
    indexAll(data.indexes, data.indexAt);
    indexAll(data.constraints, data.constraintAt);
    indexAll(data.functions, data.functionAt);
    indexAll(data.types, data.typeAt);
    indexAll(data.sequences, data.sequenceAt);

    QHash<Oid, int> compositeAt;
    for (int i = 0; i < data.types.size(); ++i) {
        if (data.types.at(i).relationOid)
            compositeAt.insert(data.types.at(i).relationOid, i);
    }
    // Children go to their relation; a child whose relation the snapshot
    // lacks (a kind read, its relation's row not) is kept in the flat list.
    auto attach = [&data](const auto &list, QList<int> DbRelation::*children) {
        for (int i = 0; i < list.size(); ++i) {
            const auto it = data.relationAt.constFind(list.at(i).relationOid);
            if (it != data.relationAt.constEnd())
                (data.relations[*it].*children) << i;
        }
    };
    attach(data.constraints, &DbRelation::constraints);
    attach(data.indexes, &DbRelation::indexes);
    attach(data.triggers, &DbRelation::triggers);
    attach(data.policies, &DbRelation::policies);
    for (int i = 0; i < data.columns.size(); ++i) {
        const Oid owner = data.columns.at(i).relationOid;
        if (const auto it = data.relationAt.constFind(owner); it != data.relationAt.constEnd())
            data.relations[*it].columns << i;
        else if (const auto t = compositeAt.constFind(owner); t != compositeAt.constEnd())
            data.types[*t].attributes << i;
    }
    for (int i = 0; i < data.relations.size(); ++i) {
        DbRelation &r = data.relations[i];
        data.relationsBySchema[r.schemaOid] << i;
        if (r.parentOid) {
            if (const auto it = data.relationAt.constFind(r.parentOid);
                it != data.relationAt.constEnd())
                data.relations[*it].partitions << i;
        }
        if (r.kind == RelationKind::Sequence)
            r.sequence = data.sequenceAt.value(r.oid, -1);
    }
    // Relations arrive in schema/name order; keep partitions in name order
    // as well (they are added in that order, nothing to sort).
    CatalogSnapshot snapshot;
    snapshot.d = std::move(d);
    d = std::make_shared<Data>();
    return snapshot;
}

} // namespace tusk::core
