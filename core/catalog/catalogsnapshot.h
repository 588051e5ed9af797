#pragma once

#include "catalogdefinitions.h"
#include "catalogobjects.h"

#include <QDateTime>
#include <QHash>
#include <QMetaType>

#include <memory>

namespace tusk::core {

// The catalog of one database at one moment, as an immutable value: every
// object kind the browser and the health checks need, linked by oid. Copies
// are cheap (shared, read-only data), so a snapshot can cross threads and
// be kept by models while a newer one loads; a refresh replaces the whole
// value at once, never an object at a time.
class CatalogSnapshot {
public:
    using Problem = CatalogProblem;

    CatalogSnapshot();

    bool isNull() const; // never loaded
    QString database() const;
    int serverVersion() const; // 150004
    QDateTime takenAt() const;
    bool includesSystemSchemas() const;
    // False for a quick snapshot without column defaults, index
    // definitions and sequence values (CatalogSnapshotLoader::Options).
    bool hasDefinitions() const;
    const QList<Problem> &problems() const;

    // This snapshot with the definitions read after it (in its
    // transaction) filled in: one copy of the columns, indexes and
    // sequences, every other list and string shared. Rows naming an object
    // the snapshot lacks are ignored; their kinds' problems are added.
    CatalogSnapshot withDefinitions(const CatalogDefinitions &definitions) const;
    // True when both hold the same objects, read in one transaction: one
    // is the other with its definitions filled in. A tree built on one
    // serves the other.
    bool sharesObjectsWith(const CatalogSnapshot &other) const;

    const QList<DbSchema> &schemas() const;
    const QList<DbRelation> &relations() const;
    const QList<DbColumn> &columns() const;
    const QList<DbConstraint> &constraints() const;
    const QList<DbIndex> &indexes() const;
    const QList<DbSequence> &sequences() const;
    const QList<DbFunction> &functions() const;
    const QList<DbTrigger> &triggers() const;
    const QList<DbExtension> &extensions() const;
    const QList<DbType> &types() const;
    const QList<DbPolicy> &policies() const;

    // Lookups by oid; null when the snapshot has no such object.
    const DbSchema *schema(Oid oid) const;
    const DbRelation *relation(Oid oid) const;
    const DbIndex *index(Oid oid) const;
    const DbConstraint *constraint(Oid oid) const;
    const DbFunction *function(Oid oid) const;
    const DbType *type(Oid oid) const;
    const DbSequence *sequence(Oid oid) const;
    // The column with this attnum, or null.
    const DbColumn *column(const DbRelation &relation, int position) const;
    // Names of the given attnums ("(expression)" for 0).
    QStringList columnNames(const DbRelation &relation, const QList<int> &positions) const;

    QString schemaName(Oid schemaOid) const;
    // schema.name as SQL (quoted where needed).
    QString qualifiedName(const DbRelation &relation) const;
    QString qualifiedName(Oid schemaOid, const QString &name) const;
    // A relation by name: "schema.name" (each part as SQL: quoted or
    // folded to lower case) or a bare name, looked up in `public` and then
    // in any schema when only one has it. Null when none or ambiguous.
    const DbRelation *findRelation(const QString &qualifiedName) const;
    // The relations of one schema, in name order (partitions included).
    QList<int> relationsOf(Oid schemaOid) const;

    class Builder;

private:
    struct Data;
    static const Data &emptyData();
    std::shared_ptr<const Data> d;
};

// Collects the rows of one load and links them in build(): children listed
// on their relation, partitions on their parent, composite attributes on
// their type. Only the loader and tests build snapshots.
class CatalogSnapshot::Builder {
public:
    Builder();
    void setSource(
        const QString &database, int serverVersion, bool systemSchemas, bool definitions = true);
    void addProblem(const QString &kind, const QString &message);
    // Room for `rows` more of one kind (a query file's name: "columns"),
    // so 100,000 columns take what they need, not the next power of two.
    void reserve(const QString &kind, qsizetype rows);
    void add(DbSchema schema);
    void add(DbRelation relation);
    void add(DbColumn column);
    void add(DbConstraint constraint);
    void add(DbIndex index);
    void add(DbSequence sequence);
    void add(DbFunction function);
    void add(DbTrigger trigger);
    void add(DbExtension extension);
    void add(DbType type);
    void add(DbPolicy policy);
    CatalogSnapshot build();

private:
    std::shared_ptr<Data> d;
};

} // namespace tusk::core

Q_DECLARE_METATYPE(tusk::core::CatalogSnapshot)
