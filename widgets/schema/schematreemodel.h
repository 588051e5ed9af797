#pragma once

#include "core/catalog/catalogsnapshot.h"
#include "core/catalog/healthfinding.h"
#include "relationfindings.h"
#include "schemanodetext.h"

#include <QAbstractItemModel>
#include <QIcon>

namespace tusk::widgets {

// The schema browser's tree: server → database → schema → kind → object,
// partitions under their table, a count on every group, an icon per kind,
// and the health findings on the objects they concern. Built from one
// CatalogSnapshot per database; a new snapshot replaces its database's
// nodes at once.
//
// The instant filter lives in the model, not in a proxy: a keystroke
// recomputes which children are visible in one pass (a fuzzy,
// case-insensitive subsequence match, like an IDE's "go to symbol"), and
// the view is reset. On 10,000 tables that is a few milliseconds, where a
// recursive QSortFilterProxyModel re-filters through the model API for
// each node.
//
// Nodes are small: what a row shows besides its name (sizes, a language,
// a version) and the key that names it across snapshots are worked out
// from the snapshot when asked, not stored for 10,000 objects.
class SchemaTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class NodeKind { Server, Database, Schema, Group, Object, Note };
    Q_ENUM(NodeKind)
    enum Role {
        NodeKindRole = Qt::UserRole + 1,
        DatabaseRole, // int: which database the node belongs to
        ObjectKindRole, // int: core::CatalogObjectKind
        ObjectOidRole, // uint
        SeverityRole, // int: the worst finding (core::Severity), -1 for none
        KeyRole, // QString that names the node across snapshots
    };
    enum Column { NameColumn, InfoColumn, ColumnCount };

    explicit SchemaTreeModel(QObject *parent = nullptr);

    void setServer(const QString &label);
    // Forgets the server and its databases.
    void clear();
    // Adds a database node (not loaded yet) and returns its number.
    int addDatabase(const QString &name);
    int databaseCount() const { return int(m_databases.size()); }
    int databaseNamed(const QString &name) const; // -1 when absent
    QString databaseName(int database) const;
    void setSnapshot(int database, const core::CatalogSnapshot &snapshot,
        const QList<core::HealthFinding> &findings);
    // A line shown under the database instead of its objects, or next to
    // them ("loading…", "cannot connect: …"); empty clears it.
    void setDatabaseMessage(int database, const QString &message);
    const core::CatalogSnapshot &snapshot(int database) const;
    const QList<core::HealthFinding> &findings(int database) const;
    // The findings on one relation (on itself, its indexes and constraints).
    QList<core::HealthFinding> findingsOn(int database, core::Oid relationOid) const;

    void setFilter(const QString &text);
    QString filter() const { return m_filter; }
    int visibleObjectCount() const { return m_visibleObjects; }
    int objectCount() const;

    core::CatalogObjectRef refAt(const QModelIndex &index) const;
    int databaseAt(const QModelIndex &index) const;
    QModelIndex indexOf(int database, const core::CatalogObjectRef &ref) const;
    QModelIndex indexOfKey(const QString &key) const;

    // True when every character of `needle` (lower case) appears in
    // `haystack` (any case) in order.
    static bool fuzzyMatches(QStringView needle, QStringView haystack)
    {
        return schemanodetext::fuzzyMatches(needle, haystack);
    }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Node {
        int parent = -1;
        int row = 0; // among the parent's visible children
        int database = -1;
        // Objects: their place in the snapshot's list of their kind; the
        // group and schema nodes that hold them: -1; problem notes: the
        // problem's number.
        int item = -1;
        int objects = 0; // objects below (groups, schemas, databases)
        int visibleObjects = 0;
        core::CatalogObjectRef ref;
        NodeKind kind = NodeKind::Note;
        qint8 severity = -1;
        quint8 icon = 0; // into the kind icons' names
        QString label;
        QList<int> children;
        QList<int> visible;
    };
    struct Database {
        QString name;
        QString message;
        core::CatalogSnapshot snapshot;
        RelationFindings findings;
    };

    void rebuild();
    int addNode(int parent, NodeKind kind, const QString &label, int icon);
    int addObject(
        int parent, const core::CatalogObjectRef &ref, int item, const QString &label, int icon);
    void buildDatabase(int database, int node);
    int addRelation(int database, int parent, int relation);
    // Takes new findings on the same objects: only the marks change.
    void updateSeverities(int database);
    // Recomputes the visible children below `node`; returns whether the
    // node stays visible.
    bool applyFilter(int node, bool ancestorMatched);
    const Node &nodeAt(const QModelIndex &index) const;
    QModelIndex indexOfNode(int id, int column = 0) const;
    QString keyOf(int id) const;
    QString infoOf(const Node &node) const;
    QStringView matchTextOf(const Node &node) const;
    QIcon iconFor(int icon) const;
    static quint64 objectNodeKey(int database, const core::CatalogObjectRef &ref);

    QString m_server;
    QList<Database> m_databases;
    QList<Node> m_nodes;
    // Nodes by key: objects by (database, kind, oid), the few others by
    // their key text.
    QList<QPair<quint64, int>> m_objectNodes; // sorted by key after a rebuild
    QHash<QString, int> m_otherNodes;
    QString m_filter;
    int m_visibleObjects = 0;
    mutable QHash<int, QIcon> m_icons;
};

} // namespace tusk::widgets
