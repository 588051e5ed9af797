#pragma once

#include "core/catalog/catalogsnapshot.h"

#include <QHash>
#include <QSet>

namespace tusk::core {

// The catalog as it stood before one statement of a script, for
// StatementReverse: the snapshot taken before the script, seen through the
// names the earlier statements created, renamed and dropped. A name the
// script uses stands for an object of the snapshot (perhaps under another
// name), for one the script itself created (which has no old state: its
// creation's inverse drops it), or for nothing. Used on one thread, for one
// script.
class PriorCatalog {
public:
    // Name spaces: relations, indexes and sequences share pg_class's;
    // sub-objects are named within their parent's identity.
    enum class Kind : char {
        Relation,
        Type,
        Schema,
        Extension,
        Function,
        Column,
        Constraint,
        Trigger,
        Policy,
    };

    // What a name stands for at the current statement.
    struct Ident {
        enum class Origin : char { Snapshot, Script, Gone };
        Origin origin = Origin::Snapshot;
        QString schema; // Snapshot: its schema there (empty for sub-objects and schemas)
        QString name; // Snapshot: its name there; Script: its name when created
        int statement = -1; // Script: the statement that created it
        Kind kind = Kind::Relation;
        QString parent; // sub-objects: the parent's key()

        bool isScript() const { return origin == Origin::Script; }
        bool isGone() const { return origin == Origin::Gone; }
        // A stable text for the object: the scope of its sub-objects, the
        // tag of the inverses that drop or rename it.
        QString key() const;
    };

    explicit PriorCatalog(CatalogSnapshot snapshot);

    const CatalogSnapshot &snapshot() const { return m_snapshot; }
    // A snapshot was loaded (with or without definitions).
    bool isKnown() const { return !m_snapshot.isNull(); }

    // The schema an unqualified name of a top-level kind refers to: where
    // the script last put that name, else where the snapshot has it (public
    // first), else public. A written schema comes back as written.
    QString schemaOf(Kind kind, const QString &written, const QString &name) const;

    // Top-level objects: `scope` is the schema (unused for schemas and
    // extensions); sub-objects: `scope` is the parent's key().
    Ident ident(Kind kind, const QString &scope, const QString &name) const;
    void created(Kind kind, const QString &scope, const QString &name, int statement);
    // Returns what the name stood for until now.
    Ident dropped(Kind kind, const QString &scope, const QString &name);
    void renamed(Kind kind, const QString &scope, const QString &from, const QString &to);

    // True when an earlier statement already changed this attribute of
    // the object (its old state is then not the snapshot's); marks it.
    bool changedBefore(const Ident &object, const QString &attribute);

    // The snapshot's object an identity stands for; null for objects of the
    // script, dropped ones and ones the snapshot lacks.
    const DbRelation *relation(const Ident &ident) const;
    const DbColumn *column(const Ident &ident) const;
    const DbConstraint *constraint(const Ident &ident) const;
    const DbIndex *index(const Ident &ident) const;
    const DbTrigger *trigger(const Ident &ident) const;
    const DbPolicy *policy(const Ident &ident) const;
    const DbType *type(const Ident &ident) const;
    const DbSchema *schema(const Ident &ident) const;
    const DbExtension *extension(const Ident &ident) const;
    // Functions of that schema and name with `arity` input arguments (any
    // number when negative); a function's ident is named "f(int4,text)".
    QList<const DbFunction *> functions(const Ident &ident, int arity) const;

    // The name the script now uses for a relation of the snapshot (after
    // its renames and its schema's), as SQL: "shop.orders".
    QString currentName(const DbRelation &relation) const;

    // SQL that brings back an index or a constraint of the snapshot (and its
    // comment), naming its table as the script now does; null when the
    // snapshot could not read its definition (a locked table, a quick
    // snapshot).
    QString indexSql(const DbIndex &index, bool concurrently = false) const;
    QString constraintSql(const DbConstraint &constraint) const;
    // The keys of a snapshot's index and constraint, as ident() would give.
    QString keyOf(const DbIndex &index) const;
    QString keyOf(const DbConstraint &constraint) const;

    // The key of an object that hangs on another one (an index on its
    // table), and whether a piece about `object` is about `dropped` or
    // something that hangs on it.
    static QString within(const QString &parentKey, const QString &key);
    static bool concerns(const QString &object, const QString &dropped);

    // The column names a script-created index keys on (for a primary key
    // built USING INDEX), recorded when the index is created.
    void setIndexColumns(const Ident &index, const QStringList &columns);
    QStringList indexColumns(const Ident &index) const;

private:
    static QString nameKey(Kind kind, const QString &scope, const QString &name);
    QString resolvedSchema(const QString &schema) const;
    const DbRelation *parentRelation(const Ident &ident) const;

    CatalogSnapshot m_snapshot;
    QHash<QString, Ident> m_names; // nameKey → what it stands for, when not itself
    QHash<QString, QString> m_lastSchema; // kind + name → schema the script last used
    QSet<QString> m_changed;
    QHash<QString, QStringList> m_indexColumns;
};

} // namespace tusk::core
