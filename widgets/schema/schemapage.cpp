#include "schemapage.h"

#include "healthview.h"
#include "objectdetails.h"
#include "schematreemodel.h"

#include "core/catalog/catalogsession.h"
#include "core/catalog/catalogsnapshot.h"
#include "core/catalog/objectreader.h"
#include "core/pg/connection.h"
#include "core/support/heaptrim.h"
#include "core/workspace/workspace.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMetaMethod>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace tusk::widgets {

using namespace tusk::core;

namespace {
// A filter that leaves this many objects or fewer opens every branch.
constexpr int kExpandAllBelow = 400;
} // namespace

SchemaPage::SchemaPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new SchemaTreeModel(this))
    , m_tree(new QTreeView(this))
    , m_filter(new QLineEdit(this))
    , m_refresh(new QToolButton(this))
    , m_health(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_details(new ObjectDetails(this))
{
    m_tree->setObjectName(QStringLiteral("schemaTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(SchemaTreeModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(SchemaTreeModel::InfoColumn, QHeaderView::Interactive);
    m_tree->header()->resizeSection(SchemaTreeModel::InfoColumn, 170);
    m_filter->setObjectName(QStringLiteral("schemaFilter"));
    m_filter->setPlaceholderText(tr("Filter objects (fuzzy: \"oitm\" finds order_items)"));
    m_filter->setClearButtonEnabled(true);
    m_refresh->setText(tr("Refresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Read the catalog again (F5)"));
    m_health->setText(tr("Health"));
    m_health->setObjectName(QStringLiteral("healthButton"));
    m_health->setToolTip(tr("All health findings of the database"));
    m_status->setObjectName(QStringLiteral("schemaStatus"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_refresh);
    bar->addWidget(m_health);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(bar);
    leftLayout->addWidget(m_tree, 1);
    leftLayout->addWidget(m_status);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_details);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(split);

    connect(m_filter, &QLineEdit::textChanged, this, &SchemaPage::setFilterText);
    connect(m_refresh, &QToolButton::clicked, this, &SchemaPage::refresh);
    connect(m_health, &QToolButton::clicked, this, [this] { showHealth(0); });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &SchemaPage::onSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // A reset makes a new selection model state; follow it again.
        restoreTree();
    });
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (!m_restoring
            && index.data(SchemaTreeModel::NodeKindRole).toInt()
                == int(SchemaTreeModel::NodeKind::Database))
            loadDatabase(m_model->databaseAt(index));
    });
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &SchemaPage::showContextMenu);
    connect(m_details, &ObjectDetails::openObject, this,
        [this](const CatalogObjectRef &ref, Oid table) {
            const int database = m_model->databaseAt(m_tree->currentIndex());
            if (!selectObject(database, ref))
                selectObject(database, {CatalogObjectKind::Relation, table, 0});
        });
    connect(m_details->healthView(), &HealthView::openInEditor, this, &SchemaPage::openInEditor);
    updateStatus();
}

SchemaPage::~SchemaPage() = default;

ToolPage::Info SchemaPage::toolInfo() const
{
    return {QStringLiteral("schema"), tr("Schema"),
        tr("The whole catalog at once: objects, their DDL, and health checks for missing "
           "foreign-key indexes, unused or invalid indexes, vacuum state and sizes.")};
}

void SchemaPage::attach(Workspace *workspace, ToolHost *host)
{
    m_workspace = workspace;
    connect(workspace, &Workspace::ready, this, &SchemaPage::showTarget);
    // A fix or a DDL goes to the tool that edits SQL; "Open in editor"
    // shows only when one is there.
    if (host && host->canHandOff(QStringLiteral("sql"))) {
        connect(this, &SchemaPage::openInEditor, this, [host](const QString &sql) {
            host->handOff({QStringLiteral("sql"), sql, {}, {}, {}});
        });
    }
}

void SchemaPage::showTarget()
{
    const ConnInfo info = m_workspace->target().connInfo;
    const QString label = m_workspace->target().label;
    if (info.toKeywordString(true) == m_info.toKeywordString(true) && !m_sessions.isEmpty()
        && m_sessions.value(0) == m_workspace->catalogSession())
        return;
    for (CatalogSession *session : std::as_const(m_sessions)) {
        if (session && session->parent() == this)
            delete session;
    }
    m_sessions.clear();
    m_loadMs.clear();
    m_info = info;
    m_label = label;
    m_expanded.clear();
    m_current.clear();
    // A new server: its databases are numbered from 0 again.
    m_model->clear();
    const QString server = info.host().isEmpty() || info.host().startsWith(QLatin1Char('/'))
        ? tr("%1 (local socket)").arg(label)
        : QStringLiteral("%1 (%2:%3)")
              .arg(
                  label, info.host(), info.port().isEmpty() ? QStringLiteral("5432") : info.port());
    m_model->setServer(server);
    const QString current = info.database().isEmpty() ? info.user() : info.database();
    const int database = m_model->addDatabase(current);
    m_expanded = {QStringLiteral("server"), QStringLiteral("db/") + current};
    // The workspace reads the target database already; the browser shows
    // what it reads, and its Refresh reads it again for every tool.
    CatalogSession *session = m_workspace->catalogSession();
    if (!session)
        return;
    watch(database, session);
    rememberTree();
    m_model->setDatabaseMessage(database, tr("reading the catalog…"));
    updateStatus();
    connect(session, &CatalogSession::databasesListed, this, [this](const QStringList &names) {
        rememberTree();
        for (const QString &name : names) {
            if (m_model->databaseNamed(name) < 0) {
                const int other = m_model->addDatabase(name);
                m_model->setDatabaseMessage(other, tr("expand to read this database"));
            }
        }
        restoreTree();
    });
    session->listDatabases();
}

CatalogSession *SchemaPage::sessionFor(int database)
{
    if (CatalogSession *s = m_sessions.value(database))
        return s;
    ConnInfo info = m_info;
    info.setValue(QStringLiteral("dbname"), m_model->databaseName(database));
    auto *session = new CatalogSession(info, this);
    watch(database, session);
    return session;
}

void SchemaPage::watch(int database, CatalogSession *session)
{
    m_sessions.insert(database, session);
    connect(session, &CatalogSession::loaded, this,
        [this, database](const CatalogSnapshot &snapshot, const QList<HealthFinding> &findings,
            qint64 elapsedMs) {
            rememberTree();
            m_model->setDatabaseMessage(database, QString());
            m_model->setSnapshot(database, snapshot, findings);
            onLoaded(database, elapsedMs);
            // The snapshot before this one is gone now (model and details
            // show the new one): its pages go back to the system.
            returnFreedMemory();
        });
    connect(session, &CatalogSession::failed, this, [this, database](const PgError &error) {
        const QString &message = error.message;
        rememberTree();
        // The last good snapshot stays; the message says why it is old.
        m_model->setDatabaseMessage(database, message);
        updateStatus();
        emit loaded(m_model->databaseName(database), false);
    });
}

void SchemaPage::loadDatabase(int database)
{
    if (database < 0)
        return;
    // Asked once; Refresh reads it again.
    if (m_sessions.contains(database))
        return;
    CatalogSession *session = sessionFor(database);
    rememberTree();
    m_model->setDatabaseMessage(database, tr("reading the catalog…"));
    session->refresh();
    updateStatus();
}

void SchemaPage::refresh()
{
    for (CatalogSession *session : std::as_const(m_sessions)) {
        if (session)
            session->refresh();
    }
    updateStatus();
}

bool SchemaPage::isLoading() const
{
    for (const CatalogSession *s : m_sessions) {
        if (s && s->isLoading())
            return true;
    }
    return false;
}

void SchemaPage::onLoaded(int database, qint64 elapsedMs)
{
    m_loadMs.insert(database, elapsedMs);
    updateStatus();
    // The selected object may have changed (or gone): show it again.
    onSelection();
    emit loaded(m_model->databaseName(database), true);
}

void SchemaPage::setFilterText(const QString &text)
{
    if (m_filter->text() != text) {
        m_filter->setText(text); // comes back here through textChanged
        return;
    }
    rememberTree();
    m_model->setFilter(text);
    if (!m_model->filter().isEmpty() && m_model->visibleObjectCount() <= kExpandAllBelow) {
        // Opening branches to show matches is not asking for a database.
        const QScopedValueRollback<bool> restoring(m_restoring, true);
        m_tree->expandAll();
    }
    updateStatus();
}

void SchemaPage::rememberTree()
{
    // While filtering, the unfiltered layout is the one to come back to.
    if (!m_model->filter().isEmpty())
        return;
    QStringList expanded;
    const std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            if (m_tree->isExpanded(index)) {
                expanded << index.data(SchemaTreeModel::KeyRole).toString();
                walk(index);
            }
        }
    };
    walk({});
    if (!expanded.isEmpty())
        m_expanded = expanded;
    const QModelIndex current = m_tree->currentIndex();
    if (current.isValid())
        m_current = current.data(SchemaTreeModel::KeyRole).toString();
}

void SchemaPage::restoreTree()
{
    // Re-opening branches is not the user asking for a database.
    const QScopedValueRollback<bool> restoring(m_restoring, true);
    for (const QString &key : std::as_const(m_expanded)) {
        const QModelIndex index = m_model->indexOfKey(key);
        if (index.isValid())
            m_tree->setExpanded(index, true);
    }
    if (!m_current.isEmpty()) {
        const QModelIndex index = m_model->indexOfKey(m_current);
        if (index.isValid()) {
            const QSignalBlocker block(m_tree->selectionModel());
            m_tree->setCurrentIndex(index);
        }
    }
}

bool SchemaPage::selectObject(int database, const CatalogObjectRef &ref)
{
    QModelIndex index = m_model->indexOf(database, ref);
    if (!index.isValid() && !m_model->filter().isEmpty()) {
        m_filter->clear();
        index = m_model->indexOf(database, ref);
    }
    if (!index.isValid())
        return false;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_tree->setExpanded(p, true);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

void SchemaPage::showHealth(int database)
{
    const QModelIndex index =
        m_model->indexOfKey(QStringLiteral("db/") + m_model->databaseName(database));
    if (index.isValid())
        m_tree->setCurrentIndex(index);
    m_details->setCurrentIndex(ObjectDetails::HealthTab);
}

void SchemaPage::onSelection()
{
    const QModelIndex index = m_tree->currentIndex();
    if (!index.isValid())
        return;
    m_current = index.data(SchemaTreeModel::KeyRole).toString();
    // The server node speaks for the database the window is connected to.
    const int database = std::max(m_model->databaseAt(index), 0);
    const CatalogObjectRef ref = m_model->refAt(index);
    CatalogSession *session = m_sessions.value(database);
    m_details->healthView()->setEditorAvailable(
        isSignalConnected(QMetaMethod::fromSignal(&SchemaPage::openInEditor)));
    const CatalogSnapshot &snapshot = m_model->snapshot(database);
    const auto kind = SchemaTreeModel::NodeKind(index.data(SchemaTreeModel::NodeKindRole).toInt());
    QList<HealthFinding> findings;
    if (kind == SchemaTreeModel::NodeKind::Database || kind == SchemaTreeModel::NodeKind::Server)
        findings = m_model->findings(database);
    else if (ref.kind == CatalogObjectKind::Relation)
        findings = m_model->findingsOn(database, ref.oid);
    m_details->showObject(snapshot,
        kind == SchemaTreeModel::NodeKind::Object || kind == SchemaTreeModel::NodeKind::Schema
            ? ref
            : CatalogObjectRef {},
        findings, session ? session->reader() : nullptr);
}

void SchemaPage::showContextMenu(const QPoint &at)
{
    const QModelIndex index = m_tree->indexAt(at);
    if (!index.isValid())
        return;
    const int database = m_model->databaseAt(index);
    const CatalogObjectRef ref = m_model->refAt(index);
    const CatalogSnapshot &s = m_model->snapshot(database);
    QMenu menu(this);
    QString name = index.data(Qt::DisplayRole).toString();
    QString qualified = name;
    if (const DbRelation *r =
            ref.kind == CatalogObjectKind::Relation ? s.relation(ref.oid) : nullptr) {
        name = r->name;
        qualified = s.qualifiedName(*r);
    } else if (const DbFunction *f =
                   ref.kind == CatalogObjectKind::Function ? s.function(ref.oid) : nullptr) {
        name = f->name;
        qualified =
            QStringLiteral("%1(%2)").arg(s.qualifiedName(f->schemaOid, f->name), f->arguments);
    } else if (const DbType *t = ref.kind == CatalogObjectKind::Type ? s.type(ref.oid) : nullptr) {
        name = t->name;
        qualified = s.qualifiedName(t->schemaOid, t->name);
    }
    menu.addAction(tr("Copy name"), this, [name] { QApplication::clipboard()->setText(name); });
    menu.addAction(tr("Copy qualified name"), this,
        [qualified] { QApplication::clipboard()->setText(qualified); });
    if (!ref.isNull()) {
        menu.addAction(tr("Copy DDL"), this, [this, index] {
            m_tree->setCurrentIndex(index);
            m_details->setCurrentIndex(ObjectDetails::DdlTab);
            if (!m_details->ddl().isEmpty()) {
                QApplication::clipboard()->setText(m_details->ddl());
                return;
            }
            // Copied once the definition arrives.
            auto once = std::make_shared<QMetaObject::Connection>();
            *once = connect(m_details, &ObjectDetails::ddlShown, this, [once](const QString &ddl) {
                QObject::disconnect(*once);
                QApplication::clipboard()->setText(ddl);
            });
        });
        if (isSignalConnected(QMetaMethod::fromSignal(&SchemaPage::openInEditor)))
            menu.addAction(tr("Open DDL in editor"), this, [this, index] {
                m_tree->setCurrentIndex(index);
                m_details->setCurrentIndex(ObjectDetails::DdlTab);
                auto once = std::make_shared<QMetaObject::Connection>();
                *once = connect(
                    m_details, &ObjectDetails::ddlShown, this, [this, once](const QString &ddl) {
                        QObject::disconnect(*once);
                        emit openInEditor(ddl);
                    });
                if (!m_details->ddl().isEmpty())
                    emit m_details->ddlShown(m_details->ddl());
            });
    }
    menu.addSeparator();
    menu.addAction(tr("Refresh"), this, &SchemaPage::refresh);
    menu.exec(m_tree->viewport()->mapToGlobal(at));
}

QString SchemaPage::statusText() const
{
    return m_status->text();
}

void SchemaPage::updateStatus()
{
    if (m_sessions.isEmpty()) {
        m_status->setText(tr("Connect to a database to browse its schema."));
        m_health->setText(tr("Health"));
        return;
    }
    const CatalogSnapshot &s = m_model->snapshot(0);
    // The same count as the Health tab's, so the two never disagree.
    const qsizetype findings = m_model->findings(0).size();
    m_health->setText(findings ? tr("Health (%1)").arg(findings) : tr("Health"));
    QString text;
    if (s.isNull())
        text = tr("Reading the catalog of %1…").arg(m_model->databaseName(0));
    else if (!m_model->filter().isEmpty())
        text = tr("%1 of %2 objects match")
                   .arg(m_model->visibleObjectCount())
                   .arg(m_model->objectCount());
    else
        text = tr("%1 objects · read in %2 ms").arg(m_model->objectCount()).arg(m_loadMs.value(0));
    if (isLoading() && !s.isNull())
        text += tr(" · refreshing…");
    m_status->setText(text);
}

} // namespace tusk::widgets
