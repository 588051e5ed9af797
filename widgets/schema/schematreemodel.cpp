#include "schematreemodel.h"

#include "schemanodetext.h"

#include "widgets/common/severitystyle.h"

#include <QApplication>
#include <QPalette>

namespace tusk::widgets {

using namespace tusk::core;
using namespace schemanodetext;

SchemaTreeModel::SchemaTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    rebuild();
}

void SchemaTreeModel::setServer(const QString &label)
{
    m_server = label;
    rebuild();
}

void SchemaTreeModel::clear()
{
    m_server.clear();
    m_databases.clear();
    rebuild();
}

int SchemaTreeModel::addDatabase(const QString &name)
{
    Database d;
    d.name = name;
    m_databases << d;
    rebuild();
    return int(m_databases.size()) - 1;
}

int SchemaTreeModel::databaseNamed(const QString &name) const
{
    for (int i = 0; i < m_databases.size(); ++i) {
        if (m_databases.at(i).name == name)
            return i;
    }
    return -1;
}

QString SchemaTreeModel::databaseName(int database) const
{
    return m_databases.value(database).name;
}

void SchemaTreeModel::setSnapshot(
    int database, const CatalogSnapshot &snapshot, const QList<HealthFinding> &findings)
{
    if (database < 0 || database >= m_databases.size())
        return;
    Database &d = m_databases[database];
    // The whole snapshot after the quick one: the same objects, so the
    // same nodes; only the health marks change.
    const bool sameNodes = d.snapshot.sharesObjectsWith(snapshot)
        && d.snapshot.problems().size() == snapshot.problems().size();
    d.snapshot = snapshot;
    d.findings.setFindings(findings);
    if (sameNodes)
        updateSeverities(database);
    else
        rebuild();
}

void SchemaTreeModel::setDatabaseMessage(int database, const QString &message)
{
    if (database < 0 || database >= m_databases.size()
        || m_databases.at(database).message == message)
        return;
    m_databases[database].message = message;
    rebuild();
}

const CatalogSnapshot &SchemaTreeModel::snapshot(int database) const
{
    static const CatalogSnapshot none;
    return database >= 0 && database < m_databases.size() ? m_databases.at(database).snapshot
                                                          : none;
}

const QList<HealthFinding> &SchemaTreeModel::findings(int database) const
{
    static const QList<HealthFinding> none;
    return database >= 0 && database < m_databases.size() ? m_databases.at(database).findings.all()
                                                          : none;
}

QList<HealthFinding> SchemaTreeModel::findingsOn(int database, Oid relationOid) const
{
    if (database < 0 || database >= m_databases.size())
        return {};
    return m_databases.at(database).findings.on(relationOid);
}

int SchemaTreeModel::objectCount() const
{
    return m_nodes.isEmpty() ? 0 : m_nodes.first().objects;
}

quint64 SchemaTreeModel::objectNodeKey(int database, const CatalogObjectRef &ref)
{
    return (quint64(quint32(database)) << 40) | (quint64(quint8(ref.kind)) << 32) | ref.oid;
}

int SchemaTreeModel::addNode(int parent, NodeKind kind, const QString &label, int icon)
{
    Node n;
    n.parent = parent;
    n.kind = kind;
    n.label = label;
    n.icon = quint8(icon);
    n.database = parent >= 0 ? m_nodes.at(parent).database : -1;
    m_nodes << n;
    const int id = int(m_nodes.size()) - 1;
    if (parent >= 0)
        m_nodes[parent].children << id;
    return id;
}

int SchemaTreeModel::addObject(
    int parent, const CatalogObjectRef &ref, int item, const QString &label, int icon)
{
    const int id = addNode(parent, NodeKind::Object, label, icon);
    Node &n = m_nodes[id];
    n.ref = ref;
    n.item = item;
    n.objects = 1;
    m_objectNodes.append({objectNodeKey(n.database, ref), id});
    m_nodes[parent].objects += 1;
    return id;
}

int SchemaTreeModel::addRelation(int database, int parent, int relation)
{
    const DbRelation &r = m_databases.at(database).snapshot.relations().at(relation);
    const int id = addObject(
        parent, {CatalogObjectKind::Relation, r.oid, 0}, relation, r.name, relationIcon(r.kind));
    m_nodes[id].severity = qint8(m_databases.at(database).findings.worstSeverity(r.oid));
    for (int p : r.partitions) {
        const int before = m_nodes.at(id).objects;
        addRelation(database, id, p);
        // Partitions count on their table and, through it, on the group.
        m_nodes[parent].objects += m_nodes.at(id).objects - before;
    }
    return id;
}

void SchemaTreeModel::updateSeverities(int database)
{
    // Rows whose mark changed, gathered by parent: one dataChanged per
    // parent keeps a view's repaint to one pass.
    QHash<int, QPair<int, int>> changedRows;
    for (int id = 0; id < m_nodes.size(); ++id) {
        Node &n = m_nodes[id];
        if (n.database != database || n.ref.kind != CatalogObjectKind::Relation)
            continue;
        const qint8 severity = qint8(m_databases.at(database).findings.worstSeverity(n.ref.oid));
        if (severity == n.severity)
            continue;
        n.severity = severity;
        const QList<int> &siblings = m_nodes.at(n.parent).visible;
        if (n.row >= siblings.size() || siblings.at(n.row) != id)
            continue; // hidden by the filter
        auto it = changedRows.find(n.parent);
        if (it == changedRows.end())
            changedRows.insert(n.parent, {n.row, n.row});
        else
            *it = {std::min(it->first, n.row), std::max(it->second, n.row)};
    }
    for (auto it = changedRows.cbegin(); it != changedRows.cend(); ++it) {
        const QModelIndex parent = indexOfNode(it.key());
        if (parent.isValid())
            emit dataChanged(index(it->first, 0, parent), index(it->second, InfoColumn, parent));
    }
}

void SchemaTreeModel::buildDatabase(int database, int node)
{
    const Database &d = m_databases.at(database);
    const CatalogSnapshot &s = d.snapshot;
    if (!d.message.isEmpty())
        addNode(node, NodeKind::Note, d.message, NoIcon);
    if (s.isNull())
        return;
    for (int i = 0; i < s.problems().size(); ++i) {
        const CatalogSnapshot::Problem &p = s.problems().at(i);
        const int note = addNode(
            node, NodeKind::Note, tr("%1 could not be read: %2").arg(p.kind, p.message), NoIcon);
        m_nodes[note].item = i;
    }
    struct Group {
        QString label;
        Icon icon;
        QList<int> items; // top-level relations (not partitions), functions or types
    };
    for (const DbSchema &schema : s.schemas()) {
        const int schemaNode = addNode(node, NodeKind::Schema, schema.name, SchemaIcon);
        m_nodes[schemaNode].ref = {CatalogObjectKind::Schema, schema.oid, 0};
        Group tables {tr("Tables"), TableIcon, {}};
        Group views {tr("Views"), ViewIcon, {}};
        Group matviews {tr("Materialized views"), MatviewIcon, {}};
        Group sequences {tr("Sequences"), SequenceIcon, {}};
        Group functions {tr("Functions"), FunctionIcon, {}};
        Group procedures {tr("Procedures"), ProcedureIcon, {}};
        Group types {tr("Types"), TypeIcon, {}};
        for (int i : s.relationsOf(schema.oid)) {
            const DbRelation &r = s.relations().at(i);
            // Partitions sit under their table, when it is in the snapshot.
            if (r.isPartition && s.relation(r.parentOid))
                continue;
            switch (r.kind) {
            case RelationKind::View:
                views.items << i;
                break;
            case RelationKind::MaterializedView:
                matviews.items << i;
                break;
            case RelationKind::Sequence:
                sequences.items << i;
                break;
            default:
                tables.items << i;
            }
        }
        for (int i = 0; i < s.functions().size(); ++i) {
            const DbFunction &f = s.functions().at(i);
            if (f.schemaOid != schema.oid || f.fromExtension)
                continue;
            (f.kind == FunctionKind::Procedure ? procedures : functions).items << i;
        }
        for (int i = 0; i < s.types().size(); ++i) {
            if (s.types().at(i).schemaOid == schema.oid)
                types.items << i;
        }
        for (const Group *g :
            {&tables, &views, &matviews, &sequences, &functions, &procedures, &types}) {
            if (g->items.isEmpty())
                continue;
            const int groupNode = addNode(schemaNode, NodeKind::Group, g->label, GroupIcon);
            m_nodes[groupNode].item = g->icon; // names the group in its key
            for (int i : g->items) {
                if (g == &functions || g == &procedures) {
                    const DbFunction &f = s.functions().at(i);
                    addObject(groupNode, {CatalogObjectKind::Function, f.oid, 0}, i,
                        QStringLiteral("%1(%2)").arg(f.name, f.arguments), g->icon);
                } else if (g == &types) {
                    const DbType &t = s.types().at(i);
                    addObject(groupNode, {CatalogObjectKind::Type, t.oid, 0}, i, t.name, TypeIcon);
                } else {
                    addRelation(database, groupNode, i);
                }
            }
            m_nodes[schemaNode].objects += m_nodes.at(groupNode).objects;
        }
        m_nodes[node].objects += m_nodes.at(schemaNode).objects;
    }
    if (!s.extensions().isEmpty()) {
        const int groupNode = addNode(node, NodeKind::Group, tr("Extensions"), GroupIcon);
        m_nodes[groupNode].item = ExtensionIcon;
        for (int i = 0; i < s.extensions().size(); ++i) {
            const DbExtension &e = s.extensions().at(i);
            addObject(
                groupNode, {CatalogObjectKind::Extension, e.oid, 0}, i, e.name, ExtensionIcon);
        }
        m_nodes[node].objects += m_nodes.at(groupNode).objects;
    }
}

void SchemaTreeModel::rebuild()
{
    beginResetModel();
    // Room for every node at once: growing by doubling would leave up to
    // half the list unused on 10,000 tables.
    qsizetype objects = 0, others = 1;
    for (const Database &d : std::as_const(m_databases)) {
        const CatalogSnapshot &s = d.snapshot;
        objects +=
            s.relations().size() + s.functions().size() + s.types().size() + s.extensions().size();
        others += 3 + s.problems().size() + s.schemas().size() * 8;
    }
    m_nodes.clear();
    m_nodes.reserve(objects + others);
    m_objectNodes.clear();
    m_objectNodes.reserve(objects);
    m_otherNodes.clear();
    const int server = addNode(
        -1, NodeKind::Server, m_server.isEmpty() ? tr("Not connected") : m_server, ServerIcon);
    for (int i = 0; i < m_databases.size(); ++i) {
        const int node = addNode(server, NodeKind::Database, m_databases.at(i).name, DatabaseIcon);
        m_nodes[node].database = i;
        buildDatabase(i, node);
        m_nodes[server].objects += m_nodes.at(node).objects;
    }
    std::sort(m_objectNodes.begin(), m_objectNodes.end());
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes.at(i).kind != NodeKind::Object)
            m_otherNodes.insert(keyOf(i), i);
    }
    applyFilter(0, false);
    m_visibleObjects = m_nodes.first().visibleObjects;
    endResetModel();
}

QString SchemaTreeModel::keyOf(int id) const
{
    const Node &n = m_nodes.at(id);
    const QString database = databaseName(n.database);
    switch (n.kind) {
    case NodeKind::Server:
        return QStringLiteral("server");
    case NodeKind::Database:
        return QStringLiteral("db/") + n.label;
    case NodeKind::Schema:
        return QStringLiteral("%1/schema/%2").arg(database).arg(n.ref.oid);
    case NodeKind::Group: {
        const Node &parent = m_nodes.at(n.parent);
        if (parent.kind == NodeKind::Database)
            return database + QStringLiteral("/extensions");
        return QStringLiteral("%1/schema/%2/%3")
            .arg(database)
            .arg(parent.ref.oid)
            .arg(iconName(n.item));
    }
    case NodeKind::Note:
        return n.item < 0 ? QStringLiteral("%1/note").arg(database)
                          : QStringLiteral("%1/problem/%2")
                                .arg(database, snapshot(n.database).problems().value(n.item).kind);
    case NodeKind::Object:
        return objectKey(database, n.ref);
    }
    return {};
}

QString SchemaTreeModel::infoOf(const Node &n) const
{
    if (n.kind != NodeKind::Object)
        return {};
    const CatalogSnapshot &s = snapshot(n.database);
    switch (n.ref.kind) {
    case CatalogObjectKind::Relation:
        return relationInfo(s.relations().at(n.item));
    case CatalogObjectKind::Function:
        return s.functions().at(n.item).language;
    case CatalogObjectKind::Type:
        return typeInfo(s.types().at(n.item));
    case CatalogObjectKind::Extension:
        return s.extensions().at(n.item).version;
    default:
        return {};
    }
}

QStringView SchemaTreeModel::matchTextOf(const Node &n) const
{
    // A function's label carries its arguments; the filter reads its name.
    if (n.ref.kind == CatalogObjectKind::Function)
        return snapshot(n.database).functions().at(n.item).name;
    return n.label;
}

bool SchemaTreeModel::applyFilter(int id, bool ancestorMatched)
{
    Node &n = m_nodes[id];
    n.visible.clear();
    n.visibleObjects = 0;
    const bool filtering = !m_filter.isEmpty();
    const bool matches = n.kind == NodeKind::Object && fuzzyMatches(m_filter, matchTextOf(n));
    // A matching table keeps its partitions; a partition that matches
    // keeps its table on the path.
    const bool shownByAncestor = ancestorMatched && n.kind == NodeKind::Object;
    for (int child : std::as_const(n.children)) {
        if (applyFilter(child, matches || shownByAncestor)) {
            Node &c = m_nodes[child];
            c.row = int(m_nodes[id].visible.size());
            m_nodes[id].visible << child;
            m_nodes[id].visibleObjects += c.visibleObjects;
        }
    }
    Node &self = m_nodes[id];
    if (self.kind == NodeKind::Object && (matches || shownByAncestor || !filtering))
        ++self.visibleObjects;
    if (!filtering)
        return true;
    switch (self.kind) {
    case NodeKind::Server:
    case NodeKind::Database:
    case NodeKind::Note:
        return true;
    case NodeKind::Schema:
    case NodeKind::Group:
        return !self.visible.isEmpty();
    case NodeKind::Object:
        return matches || shownByAncestor || !self.visible.isEmpty();
    }
    return true;
}

void SchemaTreeModel::setFilter(const QString &text)
{
    const QString filter = text.simplified().remove(QLatin1Char(' ')).toLower();
    if (filter == m_filter)
        return;
    beginResetModel();
    m_filter = filter;
    applyFilter(0, false);
    m_visibleObjects = m_nodes.first().visibleObjects;
    endResetModel();
}

const SchemaTreeModel::Node &SchemaTreeModel::nodeAt(const QModelIndex &index) const
{
    return m_nodes.at(int(index.internalId()));
}

CatalogObjectRef SchemaTreeModel::refAt(const QModelIndex &index) const
{
    return index.isValid() ? nodeAt(index).ref : CatalogObjectRef {};
}

int SchemaTreeModel::databaseAt(const QModelIndex &index) const
{
    return index.isValid() ? nodeAt(index).database : -1;
}

QModelIndex SchemaTreeModel::indexOfNode(int id, int column) const
{
    if (id < 0 || id >= m_nodes.size())
        return {};
    // Hidden by the filter: no index.
    for (int n = id; n > 0; n = m_nodes.at(n).parent) {
        const Node &node = m_nodes.at(n);
        const QList<int> &siblings = m_nodes.at(node.parent).visible;
        if (node.row >= siblings.size() || siblings.at(node.row) != n)
            return {};
    }
    return createIndex(m_nodes.at(id).row, column, quintptr(id));
}

QModelIndex SchemaTreeModel::indexOfKey(const QString &key) const
{
    if (const auto it = m_otherNodes.constFind(key); it != m_otherNodes.constEnd())
        return indexOfNode(*it);
    QString database;
    CatalogObjectRef ref;
    if (!parseObjectKey(key, &database, &ref))
        return {};
    return indexOf(databaseNamed(database), ref);
}

QModelIndex SchemaTreeModel::indexOf(int database, const CatalogObjectRef &ref) const
{
    if (database < 0)
        return {};
    if (ref.kind == CatalogObjectKind::Schema)
        return indexOfKey(QStringLiteral("%1/schema/%2").arg(databaseName(database)).arg(ref.oid));
    const QPair<quint64, int> key {objectNodeKey(database, {ref.kind, ref.oid, 0}), -1};
    const auto it = std::lower_bound(m_objectNodes.cbegin(), m_objectNodes.cend(), key);
    return it != m_objectNodes.cend() && it->first == key.first ? indexOfNode(it->second)
                                                                : QModelIndex();
}

QModelIndex SchemaTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row == 0 && !m_nodes.isEmpty() ? createIndex(0, column, quintptr(0)) : QModelIndex();
    if (parent.column() != 0)
        return {};
    const Node &p = nodeAt(parent);
    if (row >= p.visible.size())
        return {};
    return createIndex(row, column, quintptr(p.visible.at(row)));
}

QModelIndex SchemaTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parent = nodeAt(child).parent;
    if (parent < 0)
        return {};
    return createIndex(m_nodes.at(parent).row, 0, quintptr(parent));
}

int SchemaTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_nodes.isEmpty() ? 0 : 1;
    return parent.column() != 0 ? 0 : int(nodeAt(parent).visible.size());
}

int SchemaTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QIcon SchemaTreeModel::iconFor(int icon) const
{
    auto it = m_icons.find(icon);
    if (it == m_icons.end())
        it =
            m_icons.insert(icon, QIcon(QStringLiteral(":/icons/kinds/%1.svg").arg(iconName(icon))));
    return *it;
}

QVariant SchemaTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node &n = nodeAt(index);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == InfoColumn)
            return infoOf(n);
        if (n.kind == NodeKind::Database && snapshot(n.database).isNull())
            return n.label;
        if (n.kind == NodeKind::Group || n.kind == NodeKind::Schema || n.kind == NodeKind::Database)
            return !m_filter.isEmpty()
                ? QStringLiteral("%1 (%2 of %3)").arg(n.label).arg(n.visibleObjects).arg(n.objects)
                : QStringLiteral("%1 (%2)").arg(n.label).arg(n.objects);
        return n.label;
    case Qt::DecorationRole:
        if (index.column() == NameColumn && n.icon != NoIcon)
            return iconFor(n.icon);
        if (index.column() == InfoColumn && n.severity >= 0)
            return SeverityStyle::icon(Severity(n.severity));
        return {};
    case Qt::ForegroundRole:
        if (n.kind == NodeKind::Note || index.column() == InfoColumn)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::ToolTipRole: {
        if (n.kind != NodeKind::Object || n.ref.kind != CatalogObjectKind::Relation)
            return n.kind == NodeKind::Note ? n.label : QVariant();
        QStringList lines {n.label};
        if (const QString info = infoOf(n); !info.isEmpty())
            lines << info;
        for (const HealthFinding &f : findingsOn(n.database, n.ref.oid))
            lines << QStringLiteral("%1: %2").arg(severityName(f.severity), f.message);
        return lines.join(QLatin1Char('\n'));
    }
    case NodeKindRole:
        return int(n.kind);
    case DatabaseRole:
        return n.database;
    case ObjectKindRole:
        return int(n.ref.kind);
    case ObjectOidRole:
        return n.ref.oid;
    case SeverityRole:
        return n.severity;
    case KeyRole:
        return keyOf(int(index.internalId()));
    default:
        return {};
    }
}

QVariant SchemaTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Size / health");
}

} // namespace tusk::widgets
