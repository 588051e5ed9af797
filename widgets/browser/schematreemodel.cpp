#include "schematreemodel.h"

#include "catalog/healthchecker.h"

#include <QApplication>
#include <QLocale>
#include <QPalette>
#include <QStyle>

namespace tusk::widgets {

using namespace tusk::core;

namespace {
QString relationIcon(RelationKind kind)
{
    switch (kind) {
    case RelationKind::PartitionedTable:
        return QStringLiteral("partitioned");
    case RelationKind::ForeignTable:
        return QStringLiteral("foreign");
    case RelationKind::View:
        return QStringLiteral("view");
    case RelationKind::MaterializedView:
        return QStringLiteral("matview");
    case RelationKind::Sequence:
        return QStringLiteral("sequence");
    case RelationKind::Table:
        break;
    }
    return QStringLiteral("table");
}

QString sizeInfo(const DbRelation &r)
{
    if (!r.isTableLike() && r.kind != RelationKind::MaterializedView)
        return {};
    if (r.kind == RelationKind::PartitionedTable)
        return r.partitions.size() == 1 ? QObject::tr("1 partition")
                                        : QObject::tr("%1 partitions").arg(r.partitions.size());
    const QString rows = r.rowsEstimate < 0
        ? QObject::tr("never analyzed")
        : QObject::tr("~%1 rows").arg(QLocale().toString(r.rowsEstimate));
    return rows + QStringLiteral(" · ") + HealthChecker::bytes(r.totalBytes());
}
} // namespace

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
    d.snapshot = snapshot;
    d.findings = findings;
    d.findingsByRelation.clear();
    for (int i = 0; i < findings.size(); ++i) {
        if (findings.at(i).relationOid)
            d.findingsByRelation[findings.at(i).relationOid] << i;
    }
    rebuild();
}

void SchemaTreeModel::setDatabaseMessage(int database, const QString &message)
{
    if (database < 0 || database >= m_databases.size())
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
    return database >= 0 && database < m_databases.size() ? m_databases.at(database).findings
                                                          : none;
}

QList<HealthFinding> SchemaTreeModel::findingsOn(int database, Oid relationOid) const
{
    QList<HealthFinding> list;
    if (database < 0 || database >= m_databases.size())
        return list;
    const Database &d = m_databases.at(database);
    for (int i : d.findingsByRelation.value(relationOid))
        list << d.findings.at(i);
    return list;
}

int SchemaTreeModel::objectCount() const
{
    return m_nodes.isEmpty() ? 0 : m_nodes.first().objects;
}

int SchemaTreeModel::addNode(int parent, NodeKind kind, const QString &label, const QString &icon)
{
    Node n;
    n.parent = parent;
    n.kind = kind;
    n.label = label;
    n.icon = icon;
    n.database = parent >= 0 ? m_nodes.at(parent).database : -1;
    m_nodes << n;
    const int id = int(m_nodes.size()) - 1;
    if (parent >= 0)
        m_nodes[parent].children << id;
    return id;
}

int SchemaTreeModel::addRelation(int database, int parent, const DbRelation &relation)
{
    const Database &d = m_databases.at(database);
    const int id = addNode(parent, NodeKind::Object, relation.name, relationIcon(relation.kind));
    Node &n = m_nodes[id];
    n.ref = {CatalogObjectKind::Relation, relation.oid, 0};
    n.match = relation.name.toLower();
    n.info = sizeInfo(relation);
    n.key = QStringLiteral("%1/rel/%2").arg(d.name).arg(relation.oid);
    n.objects = 1;
    for (int f : d.findingsByRelation.value(relation.oid)) {
        const Severity s = d.findings.at(f).severity;
        if (s >= Severity::Warning)
            n.severity = std::max(n.severity, int(s));
    }
    if (!relation.lockedBy.isEmpty())
        n.info = tr("locked by session %1").arg(relation.lockedBy.first());
    for (int p : relation.partitions) {
        const int child = addRelation(database, id, d.snapshot.relations().at(p));
        m_nodes[id].objects += m_nodes.at(child).objects;
    }
    return id;
}

void SchemaTreeModel::buildDatabase(int database, int node)
{
    const Database &d = m_databases.at(database);
    const CatalogSnapshot &s = d.snapshot;
    if (!d.message.isEmpty()) {
        const int note = addNode(node, NodeKind::Note, d.message, QString());
        m_nodes[note].key = d.name + QStringLiteral("/note");
    }
    if (s.isNull())
        return;
    for (const CatalogSnapshot::Problem &p : s.problems()) {
        const int note = addNode(
            node, NodeKind::Note, tr("%1 could not be read: %2").arg(p.kind, p.message), QString());
        m_nodes[note].key = d.name + QStringLiteral("/problem/") + p.kind;
    }
    struct Group {
        QString label;
        QString icon;
        QList<int> relations; // top-level relations (not partitions)
        QList<int> functions;
        QList<int> types;
    };
    for (const DbSchema &schema : s.schemas()) {
        const int schemaNode =
            addNode(node, NodeKind::Schema, schema.name, QStringLiteral("schema"));
        m_nodes[schemaNode].ref = {CatalogObjectKind::Schema, schema.oid, 0};
        m_nodes[schemaNode].key = QStringLiteral("%1/schema/%2").arg(d.name).arg(schema.oid);
        Group tables {tr("Tables"), QStringLiteral("table"), {}, {}, {}};
        Group views {tr("Views"), QStringLiteral("view"), {}, {}, {}};
        Group matviews {tr("Materialized views"), QStringLiteral("matview"), {}, {}, {}};
        Group sequences {tr("Sequences"), QStringLiteral("sequence"), {}, {}, {}};
        Group functions {tr("Functions"), QStringLiteral("function"), {}, {}, {}};
        Group procedures {tr("Procedures"), QStringLiteral("procedure"), {}, {}, {}};
        Group types {tr("Types"), QStringLiteral("type"), {}, {}, {}};
        for (int i : s.relationsOf(schema.oid)) {
            const DbRelation &r = s.relations().at(i);
            // Partitions sit under their table, when it is in the snapshot.
            if (r.isPartition && s.relation(r.parentOid))
                continue;
            switch (r.kind) {
            case RelationKind::View:
                views.relations << i;
                break;
            case RelationKind::MaterializedView:
                matviews.relations << i;
                break;
            case RelationKind::Sequence:
                sequences.relations << i;
                break;
            default:
                tables.relations << i;
            }
        }
        for (int i = 0; i < s.functions().size(); ++i) {
            const DbFunction &f = s.functions().at(i);
            if (f.schemaOid != schema.oid || f.fromExtension)
                continue;
            (f.kind == FunctionKind::Procedure ? procedures : functions).functions << i;
        }
        for (int i = 0; i < s.types().size(); ++i) {
            if (s.types().at(i).schemaOid == schema.oid)
                types.types << i;
        }
        for (const Group *g :
            {&tables, &views, &matviews, &sequences, &functions, &procedures, &types}) {
            if (g->relations.isEmpty() && g->functions.isEmpty() && g->types.isEmpty())
                continue;
            const int groupNode =
                addNode(schemaNode, NodeKind::Group, g->label, QStringLiteral("group"));
            m_nodes[groupNode].key =
                QStringLiteral("%1/schema/%2/%3").arg(d.name).arg(schema.oid).arg(g->icon);
            for (int i : g->relations) {
                const int child = addRelation(database, groupNode, s.relations().at(i));
                m_nodes[groupNode].objects += m_nodes.at(child).objects;
            }
            for (int i : g->functions) {
                const DbFunction &f = s.functions().at(i);
                const int child = addNode(groupNode, NodeKind::Object,
                    QStringLiteral("%1(%2)").arg(f.name, f.arguments), g->icon);
                Node &n = m_nodes[child];
                n.ref = {CatalogObjectKind::Function, f.oid, 0};
                n.match = f.name.toLower();
                n.info = f.language;
                n.key = QStringLiteral("%1/fn/%2").arg(d.name).arg(f.oid);
                n.objects = 1;
                ++m_nodes[groupNode].objects;
            }
            for (int i : g->types) {
                const DbType &t = s.types().at(i);
                const int child =
                    addNode(groupNode, NodeKind::Object, t.name, QStringLiteral("type"));
                Node &n = m_nodes[child];
                n.ref = {CatalogObjectKind::Type, t.oid, 0};
                n.match = t.name.toLower();
                n.info = t.kind == TypeKind::Enum ? tr("enum")
                    : t.kind == TypeKind::Domain  ? tr("domain over %1").arg(t.baseType)
                                                  : tr("composite");
                n.key = QStringLiteral("%1/type/%2").arg(d.name).arg(t.oid);
                n.objects = 1;
                ++m_nodes[groupNode].objects;
            }
            m_nodes[schemaNode].objects += m_nodes.at(groupNode).objects;
        }
        m_nodes[node].objects += m_nodes.at(schemaNode).objects;
    }
    if (!s.extensions().isEmpty()) {
        const int groupNode =
            addNode(node, NodeKind::Group, tr("Extensions"), QStringLiteral("group"));
        m_nodes[groupNode].key = d.name + QStringLiteral("/extensions");
        for (const DbExtension &e : s.extensions()) {
            const int child =
                addNode(groupNode, NodeKind::Object, e.name, QStringLiteral("extension"));
            Node &n = m_nodes[child];
            n.ref = {CatalogObjectKind::Extension, e.oid, 0};
            n.match = e.name.toLower();
            n.info = e.version;
            n.key = QStringLiteral("%1/ext/%2").arg(d.name).arg(e.oid);
            n.objects = 1;
            ++m_nodes[groupNode].objects;
        }
        m_nodes[node].objects += m_nodes.at(groupNode).objects;
    }
}

void SchemaTreeModel::rebuild()
{
    beginResetModel();
    m_nodes.clear();
    m_byKey.clear();
    const int server = addNode(-1, NodeKind::Server,
        m_server.isEmpty() ? tr("Not connected") : m_server, QStringLiteral("server"));
    m_nodes[server].key = QStringLiteral("server");
    for (int i = 0; i < m_databases.size(); ++i) {
        const int node =
            addNode(server, NodeKind::Database, m_databases.at(i).name, QStringLiteral("database"));
        m_nodes[node].database = i;
        m_nodes[node].key = QStringLiteral("db/") + m_databases.at(i).name;
        buildDatabase(i, node);
        m_nodes[server].objects += m_nodes.at(node).objects;
    }
    m_byKey.reserve(m_nodes.size());
    for (int i = 0; i < m_nodes.size(); ++i)
        m_byKey.insert(m_nodes.at(i).key, i);
    applyFilter(0, false);
    m_visibleObjects = m_nodes.first().visibleObjects;
    endResetModel();
}

bool SchemaTreeModel::fuzzyMatches(QStringView needle, QStringView haystack)
{
    qsizetype at = 0;
    for (const QChar c : needle) {
        at = haystack.indexOf(c, at);
        if (at < 0)
            return false;
        ++at;
    }
    return true;
}

bool SchemaTreeModel::applyFilter(int id, bool ancestorMatched)
{
    Node &n = m_nodes[id];
    n.visible.clear();
    n.visibleObjects = 0;
    const bool filtering = !m_filter.isEmpty();
    const bool matches = n.kind == NodeKind::Object && fuzzyMatches(m_filter, n.match);
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

QModelIndex SchemaTreeModel::indexOfKey(const QString &key) const
{
    const int id = m_byKey.value(key, -1);
    if (id < 0)
        return {};
    // Hidden by the filter: no index.
    for (int n = id; n > 0; n = m_nodes.at(n).parent) {
        const Node &node = m_nodes.at(n);
        const QList<int> &siblings = m_nodes.at(node.parent).visible;
        if (node.row >= siblings.size() || siblings.at(node.row) != n)
            return {};
    }
    return createIndex(m_nodes.at(id).row, 0, quintptr(id));
}

QModelIndex SchemaTreeModel::indexOf(int database, const CatalogObjectRef &ref) const
{
    const QString name = databaseName(database);
    switch (ref.kind) {
    case CatalogObjectKind::Relation:
        return indexOfKey(QStringLiteral("%1/rel/%2").arg(name).arg(ref.oid));
    case CatalogObjectKind::Function:
        return indexOfKey(QStringLiteral("%1/fn/%2").arg(name).arg(ref.oid));
    case CatalogObjectKind::Type:
        return indexOfKey(QStringLiteral("%1/type/%2").arg(name).arg(ref.oid));
    case CatalogObjectKind::Extension:
        return indexOfKey(QStringLiteral("%1/ext/%2").arg(name).arg(ref.oid));
    case CatalogObjectKind::Schema:
        return indexOfKey(QStringLiteral("%1/schema/%2").arg(name).arg(ref.oid));
    default:
        break;
    }
    return {};
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
    if (parent.column() != 0)
        return 0;
    return int(nodeAt(parent).visible.size());
}

int SchemaTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QIcon SchemaTreeModel::iconFor(const QString &name) const
{
    auto it = m_icons.find(name);
    if (it == m_icons.end())
        it = m_icons.insert(name, QIcon(QStringLiteral(":/icons/kinds/%1.svg").arg(name)));
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
            return n.info;
        if (n.kind == NodeKind::Database && snapshot(n.database).isNull())
            return n.label;
        if (n.kind == NodeKind::Group || n.kind == NodeKind::Schema || n.kind == NodeKind::Database)
            return !m_filter.isEmpty()
                ? QStringLiteral("%1 (%2 of %3)").arg(n.label).arg(n.visibleObjects).arg(n.objects)
                : QStringLiteral("%1 (%2)").arg(n.label).arg(n.objects);
        return n.label;
    case Qt::DecorationRole:
        if (index.column() == NameColumn && !n.icon.isEmpty())
            return iconFor(n.icon);
        if (index.column() == InfoColumn && n.severity >= 0)
            return QApplication::style()->standardIcon(n.severity >= int(Severity::Error)
                    ? QStyle::SP_MessageBoxCritical
                    : QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::ForegroundRole:
        if (n.kind == NodeKind::Note)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        if (index.column() == InfoColumn)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::ToolTipRole: {
        if (n.kind != NodeKind::Object || n.ref.kind != CatalogObjectKind::Relation)
            return n.kind == NodeKind::Note ? n.label : QVariant();
        QStringList lines {n.label};
        if (!n.info.isEmpty())
            lines << n.info;
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
        return n.key;
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
