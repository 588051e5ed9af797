#pragma once

#include "optionaltext.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace tusk::core {

// The plain records a CatalogSnapshot is made of, one per row of the
// queries in resources/sql/catalog/. Objects refer to each other by oid and
// by index into the snapshot's lists (never by name, which can change
// between two snapshots). Counts the server did not give (no statistics
// yet, a value that could not be read) are -1; text it could not give (a
// definition of a locked relation) is a null QString.
using Oid = quint32;

// An object kind that could not be read (a lock held past the timeout, a
// missing privilege, a timeout): the rest of the snapshot is whole.
struct CatalogProblem {
    QString kind; // the query file: "indexes", "sequences", …
    QString message;
};

struct DbSchema {
    Oid oid = 0;
    QString name;
    QString owner;
    QString comment;
};

enum class RelationKind : char {
    Table = 'r',
    PartitionedTable = 'p',
    ForeignTable = 'f',
    View = 'v',
    MaterializedView = 'm',
    Sequence = 'S',
};

struct DbRelation {
    // Fields ordered so that 20,000 relations pack without padding.
    Oid oid = 0;
    Oid schemaOid = 0;
    Oid parentOid = 0; // the partitioned table (or inheritance parent)
    int sequence = -1; // for kind Sequence: its DbSequence, filled by the snapshot
    RelationKind kind = RelationKind::Table;
    bool isPartition = false;
    bool rowSecurity = false;
    bool unlogged = false;
    QString name;
    QString owner;
    OptionalText comment;
    OptionalText partitionBound; // FOR VALUES …; null when locked
    OptionalText partitionKey; // RANGE (col) …, partitioned tables only
    OptionalText options; // reloptions, "fillfactor=70, autovacuum_enabled=false"
    qint64 rowsEstimate = -1; // -1: never analyzed
    qint64 tableBytes = 0; // relpages × block_size, as of the last VACUUM/ANALYZE
    qint64 toastBytes = 0;
    qint64 indexBytes = 0;
    qint64 liveTuples = -1;
    qint64 deadTuples = -1;
    qint64 seqScans = -1;
    qint64 indexScans = -1;
    qint64 modifiedSinceAnalyze = -1;
    QDateTime lastVacuum; // UTC; invalid: never
    QDateTime lastAutovacuum;
    QDateTime lastAnalyze;
    QDateTime lastAutoanalyze;
    QList<int> lockedBy; // pids holding or awaiting ACCESS EXCLUSIVE

    // Indexes into the snapshot's lists, filled by the snapshot.
    QList<int> columns;
    QList<int> constraints;
    QList<int> indexes;
    QList<int> triggers;
    QList<int> policies;
    QList<int> partitions; // relations whose parentOid is this one

    bool isTableLike() const
    {
        return kind == RelationKind::Table || kind == RelationKind::PartitionedTable
            || kind == RelationKind::ForeignTable;
    }
    qint64 totalBytes() const { return tableBytes + toastBytes + indexBytes; }
};

struct DbColumn {
    // Fields ordered so that 100,000 columns pack without padding.
    Oid relationOid = 0;
    int position = 0; // attnum
    Oid typeOid = 0;
    bool hasDefault = false;
    bool notNull = false;
    char identity = 0; // 'a' ALWAYS, 'd' BY DEFAULT, 0 none
    char generated = 0; // 's' STORED, 0 none
    QString name;
    QString type; // format_type(): "character varying(40)", "bigint"
    QString defaultValue; // null: none, or not readable (locked)
    OptionalText collation; // only when it differs from the type's
    OptionalText comment;
};

enum class ConstraintKind : char {
    PrimaryKey = 'p',
    ForeignKey = 'f',
    Unique = 'u',
    Check = 'c',
    Exclusion = 'x',
};

struct DbConstraint {
    Oid oid = 0;
    Oid relationOid = 0;
    QString name;
    ConstraintKind kind = ConstraintKind::Check;
    QString definition; // pg_get_constraintdef(); null when locked
    bool validated = true;
    bool deferrable = false;
    Oid indexOid = 0; // the index behind a PK / UNIQUE / EXCLUDE (or a FK's referenced key)
    QList<int> columns; // attnums
    Oid referencedOid = 0;
    QList<int> referencedColumns;
    OptionalText comment;
};

struct DbIndex {
    Oid oid = 0;
    Oid relationOid = 0;
    QString name;
    QString definition; // pg_get_indexdef(); null when locked
    QString method; // btree, gin, …
    bool unique = false;
    bool primary = false;
    bool partial = false;
    bool valid = true;
    bool ready = true;
    QList<int> keyColumns; // attnums of the key columns, 0 for an expression
    QString shape; // equal for indexes that differ only in name
    qint64 bytes = 0;
    qint64 scans = -1;
    OptionalText comment;
};

struct DbSequence {
    Oid oid = 0; // also the oid of its DbRelation
    QString type;
    qint64 startValue = 1;
    qint64 increment = 1;
    qint64 minValue = 1;
    qint64 maxValue = 0;
    bool cycles = false;
    Oid ownedByOid = 0; // the table of an identity / serial column
    int ownedByColumn = 0;
    Oid defaultOfOid = 0; // a table whose column DEFAULT calls nextval() on it
    int defaultOfColumn = 0;
    bool hasLastValue = false; // false: never used, locked, or not readable
    qint64 lastValue = 0;
};

enum class FunctionKind : char { Function = 'f', Procedure = 'p', Aggregate = 'a', Window = 'w' };

struct DbFunction {
    Oid oid = 0;
    Oid schemaOid = 0;
    QString name;
    QString arguments; // pg_get_function_identity_arguments()
    QString result; // null for procedures
    FunctionKind kind = FunctionKind::Function;
    char volatility = 'v'; // 'i', 's', 'v'
    QString language;
    bool securityDefiner = false;
    bool fromExtension = false;
    QString comment;
};

struct DbTrigger {
    Oid oid = 0;
    Oid relationOid = 0;
    QString name;
    QString definition; // null when locked
    char enabled = 'O'; // 'O' origin, 'D' disabled, 'R' replica, 'A' always
    Oid functionOid = 0;
    QString comment;
};

struct DbExtension {
    Oid oid = 0;
    QString name;
    QString version;
    Oid schemaOid = 0;
    QString availableVersion;
    QString comment;
};

enum class TypeKind : char { Enum = 'e', Domain = 'd', Composite = 'c' };

struct DbType {
    Oid oid = 0;
    Oid schemaOid = 0;
    QString name;
    TypeKind kind = TypeKind::Enum;
    QStringList labels; // enum
    QString baseType; // domain
    bool notNull = false; // domain
    QString defaultValue; // domain
    QStringList checks; // domain
    Oid relationOid = 0; // composite: its pg_class row (the attributes)
    QString comment;
    QList<int> attributes; // composite: its DbColumns, filled by the snapshot
};

struct DbPolicy {
    Oid oid = 0;
    Oid relationOid = 0;
    QString name;
    char command = '*'; // r, a, w, d, *
    bool permissive = true;
    QString roles;
    QString usingExpression;
    QString checkExpression;
};

// Which object a browser node, a DDL request or a health finding is about.
enum class CatalogObjectKind {
    None,
    Schema,
    Relation, // tables, partitions, views, materialized views, sequences
    Column, // oid of the relation, subId = attnum
    Constraint,
    Index,
    Function,
    Trigger,
    Extension,
    Type,
    Policy,
};

struct CatalogObjectRef {
    CatalogObjectKind kind = CatalogObjectKind::None;
    Oid oid = 0;
    int subId = 0;

    bool isNull() const { return kind == CatalogObjectKind::None; }
    friend bool operator==(const CatalogObjectRef &a, const CatalogObjectRef &b)
    {
        return a.kind == b.kind && a.oid == b.oid && a.subId == b.subId;
    }
};

} // namespace tusk::core
