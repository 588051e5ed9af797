// The Schema tool offscreen against a scratch database: the tree model
// under QAbstractItemModelTester while snapshots load and filters change,
// the tree's shape (partitions under their table, counts, health marks),
// the fuzzy filter, the details tabs and the DDL, the Health view, a table
// held in ACCESS EXCLUSIVE by another session, a refresh that keeps the
// selection, and a second database of the same server read on expand.

#include "testsupport.h"

#include "core/pg/connection.h"
#include "core/workspace/workspace.h"
#include "widgets/schema/healthview.h"
#include "widgets/schema/objectdetails.h"
#include "widgets/schema/schemapage.h"
#include "widgets/schema/schematreemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

namespace {
const char *const fixture = R"sql(
CREATE SCHEMA shop;
CREATE TYPE shop.status AS ENUM ('new', 'paid');
CREATE TABLE shop.products (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
CREATE TABLE shop.order_items (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES shop.products (id),
    status shop.status NOT NULL DEFAULT 'new'
);
CREATE TABLE shop.events (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE shop.events_2024 PARTITION OF shop.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE VIEW shop.product_names AS SELECT name FROM shop.products;
CREATE FUNCTION shop.price(p bigint) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT 1.0 $$;
INSERT INTO shop.products (name) SELECT 'p' || g FROM generate_series(1, 50) g;
ANALYZE;
)sql";

QModelIndex childNamed(
    const QAbstractItemModel *model, const QModelIndex &parent, const QString &prefix)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString().startsWith(prefix))
            return index;
    }
    return {};
}

QStringList childLabels(const QAbstractItemModel *model, const QModelIndex &parent)
{
    QStringList labels;
    for (int row = 0; row < model->rowCount(parent); ++row)
        labels << model->index(row, 0, parent).data().toString();
    return labels;
}
} // namespace

class TestSchemaBrowser : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void treeShowsEveryKindWithCounts();
    void filterIsFuzzyAndKeepsPaths();
    void detailsAndDdlOfATable();
    void healthViewListsFindingsWithFixes();
    void lockedTableGivesAMessageNotAWait();
    void refreshKeepsTheSelection();
    // Before the other database is read: its loads reset the tree too.
    void wholeSnapshotKeepsTheQuickTree();
    void healthFollowsTheQuickTree();
    void otherDatabaseLoadsWhenExpanded();

private:
    bool waitLoaded(int count = 1);
    std::unique_ptr<ScratchDatabase> m_db;
    std::unique_ptr<ScratchDatabase> m_other;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<SchemaPage> m_browser;
    std::unique_ptr<QSignalSpy> m_loaded;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

// Until `count` snapshots arrived and the whole one (after the quick one)
// is in.
bool TestSchemaBrowser::waitLoaded(int count)
{
    for (int i = 0; i < 1000 && (m_loaded->count() < count || m_browser->isLoading()); ++i)
        QTest::qWait(10);
    return m_loaded->count() >= count && !m_browser->isLoading()
        && m_browser->model()->snapshot(0).hasDefinitions();
}

void TestSchemaBrowser::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("browser"));
    m_other = std::make_unique<ScratchDatabase>(QStringLiteral("browser_other"));
    QVERIFY(m_db->isValid() && m_other->isValid());
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    const Reply reply = runAndWait(c, QString::fromUtf8(fixture));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));

    m_browser = std::make_unique<SchemaPage>();
    m_browser->resize(1300, 800);
    m_browser->show();
    m_loaded = std::make_unique<QSignalSpy>(m_browser.get(), &SchemaPage::loaded);
    // The window's way: the browser follows a workspace's target.
    m_workspace = std::make_unique<Workspace>();
    m_browser->attach(m_workspace.get(), nullptr);
    m_workspace->setTarget(
        WorkspaceTarget::forConnection(m_db->connInfo(), QStringLiteral("fixture")));
    // The tester watches the model from the first reset on.
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_browser->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(waitLoaded());
    QCOMPARE(m_loaded->first().at(0).toString(), m_db->name());
    QVERIFY(m_loaded->first().at(1).toBool());
}

void TestSchemaBrowser::treeShowsEveryKindWithCounts()
{
    const SchemaTreeModel *model = m_browser->model();
    QCOMPARE(model->rowCount(), 1);
    const QModelIndex server = model->index(0, 0);
    QVERIFY(server.data().toString().startsWith(QStringLiteral("fixture")));
    const QModelIndex db = childNamed(model, server, m_db->name());
    QVERIFY(db.isValid());
    const QModelIndex shop = childNamed(model, db, QStringLiteral("shop ("));
    QVERIFY2(shop.isValid(), qPrintable(childLabels(model, db).join(QLatin1Char('|'))));
    QCOMPARE(childLabels(model, shop),
        QStringList({"Tables (4)", "Views (1)", "Sequences (2)", "Functions (1)", "Types (1)"}));
    const QModelIndex tables = childNamed(model, shop, QStringLiteral("Tables"));
    QCOMPARE(childLabels(model, tables), QStringList({"events", "order_items", "products"}));
    const QModelIndex events = childNamed(model, tables, QStringLiteral("events"));
    QCOMPARE(childLabels(model, events), QStringList {"events_2024"});
    QCOMPARE(childLabels(model, childNamed(model, shop, QStringLiteral("Functions"))),
        QStringList {"price(p bigint)"});
    // The missing FK index marks order_items (and not products).
    const QModelIndex items = childNamed(model, tables, QStringLiteral("order_items"));
    QCOMPARE(items.data(SchemaTreeModel::SeverityRole).toInt(), int(Severity::Warning));
    QVERIFY(!model->index(items.row(), SchemaTreeModel::InfoColumn, tables)
                 .data(Qt::DecorationRole)
                 .value<QIcon>()
                 .isNull());
    QVERIFY(items.data(Qt::ToolTipRole).toString().contains(QStringLiteral("has no index")));
    QCOMPARE(childNamed(model, tables, QStringLiteral("products"))
                 .data(SchemaTreeModel::SeverityRole)
                 .toInt(),
        -1);
    const QModelIndex products = childNamed(model, tables, QStringLiteral("products"));
    QVERIFY2(model->index(products.row(), SchemaTreeModel::InfoColumn, tables)
                 .data()
                 .toString()
                 .startsWith(QStringLiteral("~50 rows")),
        qPrintable(model->index(products.row(), 1, tables).data().toString()));
}

void TestSchemaBrowser::filterIsFuzzyAndKeepsPaths()
{
    QVERIFY(SchemaTreeModel::fuzzyMatches(u"oitm", u"order_items"));
    QVERIFY(!SchemaTreeModel::fuzzyMatches(u"mtio", u"order_items"));
    m_browser->setFilterText(QStringLiteral("OItm"));
    const SchemaTreeModel *model = m_browser->model();
    QCOMPARE(model->visibleObjectCount(), 2); // order_items and order_items_id_seq
    const QModelIndex db = childNamed(model, model->index(0, 0), m_db->name());
    const QModelIndex shop = childNamed(model, db, QStringLiteral("shop"));
    QCOMPARE(shop.data().toString(), QStringLiteral("shop (2 of 9)"));
    const QModelIndex tables = childNamed(model, shop, QStringLiteral("Tables"));
    QCOMPARE(childLabels(model, tables), QStringList {"order_items"});
    QVERIFY(m_browser->tree()->isExpanded(tables));
    // The status counts the whole server (the extension plpgsql too).
    QCOMPARE(
        m_browser->statusText(), QStringLiteral("2 of %1 objects match").arg(model->objectCount()));
    // A partition's name keeps its table on the path.
    m_browser->setFilterText(QStringLiteral("2024"));
    QCOMPARE(childLabels(model, childNamed(model, childNamed(model, shop, "Tables"), "events")),
        QStringList {"events_2024"});
    m_browser->setFilterText(QStringLiteral("zzzz"));
    QCOMPARE(model->visibleObjectCount(), 0);
    QCOMPARE(childLabels(model, db), QStringList());
    m_browser->setFilterText(QString());
    QCOMPARE(model->visibleObjectCount(), model->objectCount());
}

void TestSchemaBrowser::detailsAndDdlOfATable()
{
    const DbRelation *items =
        m_browser->model()->snapshot(0).findRelation(QStringLiteral("shop.order_items"));
    QVERIFY(items);
    QVERIFY(m_browser->selectObject(0, {CatalogObjectKind::Relation, items->oid, 0}));
    ObjectDetails *details = m_browser->details();
    QTableWidget *columns = details->table(ObjectDetails::ColumnsTab);
    QCOMPARE(columns->rowCount(), 3);
    QCOMPARE(columns->item(1, 1)->text(), QStringLiteral("product_id"));
    QCOMPARE(columns->item(2, 4)->text(), QStringLiteral("'new'::shop.status"));
    QCOMPARE(details->table(ObjectDetails::IndexesTab)->rowCount(), 1);
    QCOMPARE(details->table(ObjectDetails::ConstraintsTab)->rowCount(), 2);
    QSignalSpy ddl(details, &ObjectDetails::ddlShown);
    details->setCurrentIndex(ObjectDetails::DdlTab);
    QVERIFY(ddl.wait(5000));
    QVERIFY(details->ddl().startsWith(QStringLiteral("CREATE TABLE shop.order_items (")));
    details->setCurrentIndex(ObjectDetails::DependentsTab);
    // Exact sizes arrive in Statistics; dependents of products list the
    // foreign key and the view.
    const DbRelation *products =
        m_browser->model()->snapshot(0).findRelation(QStringLiteral("shop.products"));
    QVERIFY(m_browser->selectObject(0, {CatalogObjectKind::Relation, products->oid, 0}));
    QTableWidget *dependents = details->table(ObjectDetails::DependentsTab);
    QTRY_VERIFY_WITH_TIMEOUT(dependents->rowCount() >= 2, 5000);
    QStringList objects;
    for (int row = 0; row < dependents->rowCount(); ++row)
        objects << dependents->item(row, 0)->text();
    QVERIFY2(
        objects.contains(QStringLiteral("view shop.product_names")), qPrintable(objects.join('|')));
    QVERIFY(objects.contains(
        QStringLiteral("foreign key order_items_product_id_fkey on shop.order_items")));
    details->setCurrentIndex(ObjectDetails::StatisticsTab);
    QTableWidget *stats = details->table(ObjectDetails::StatisticsTab);
    const int exactRow = stats->rowCount() - 1;
    QCOMPARE(stats->item(exactRow, 0)->text(), QStringLiteral("Total (exact, now)"));
    QTRY_VERIFY_WITH_TIMEOUT(stats->item(exactRow, 1)->text().endsWith(QStringLiteral("kB")), 5000);

    const QImage shot = m_browser->grab().toImage();
    QVERIFY(saveArtifact(shot, QStringLiteral("schema-browser-details.png")));
}

void TestSchemaBrowser::healthViewListsFindingsWithFixes()
{
    m_browser->showHealth(0);
    ObjectDetails *details = m_browser->details();
    QCOMPARE(details->currentIndex(), int(ObjectDetails::HealthTab));
    HealthView *health = details->healthView();
    QStringList checks;
    const QAbstractItemModel *rows = health->list()->model();
    for (int row = 0; row < rows->rowCount(); ++row)
        checks << rows->index(row, 0).data().toString();
    QVERIFY2(checks.contains(QStringLiteral("missing-fk-index")), qPrintable(checks.join('|')));
    QVERIFY(checks.contains(QStringLiteral("no-primary-key")));
    health->select(int(checks.indexOf(QStringLiteral("missing-fk-index"))));
    QCOMPARE(health->shownFix(),
        QStringLiteral("CREATE INDEX CONCURRENTLY order_items_product_id_idx ON shop.order_items "
                       "(product_id);"));
    // Activating a finding goes to its object in the tree.
    emit health->list()->activated(health->list()->currentIndex());
    QCOMPARE(m_browser->tree()->currentIndex().data().toString(), QStringLiteral("order_items"));
    const QImage shot = m_browser->grab().toImage();
    QVERIFY(saveArtifact(shot, QStringLiteral("schema-browser-health.png")));
}

void TestSchemaBrowser::lockedTableGivesAMessageNotAWait()
{
    Connection holder;
    QVERIFY(openAndWait(holder, m_db->connInfo()).isNull());
    QVERIFY(runAndWait(
        holder, QStringLiteral("BEGIN; LOCK TABLE shop.products IN ACCESS EXCLUSIVE MODE"))
                .error.isNull());
    const int pid = holder.server().backendPid;
    const int before = int(m_loaded->count());
    m_browser->refresh();
    QVERIFY(waitLoaded(before + 1));
    const SchemaTreeModel *model = m_browser->model();
    const DbRelation *products = model->snapshot(0).findRelation(QStringLiteral("shop.products"));
    QCOMPARE(products->lockedBy, QList<int> {pid});
    const QModelIndex node = model->indexOf(0, {CatalogObjectKind::Relation, products->oid, 0});
    QCOMPARE(model->index(node.row(), SchemaTreeModel::InfoColumn, node.parent()).data().toString(),
        QStringLiteral("locked by session %1").arg(pid));
    QVERIFY(m_browser->selectObject(0, {CatalogObjectKind::Relation, products->oid, 0}));
    ObjectDetails *details = m_browser->details();
    details->setCurrentIndex(ObjectDetails::DdlTab);
    // The GUI keeps painting meanwhile: the answer comes within the lock
    // timeout, as a message naming the session.
    QTRY_VERIFY_WITH_TIMEOUT(!details->ddlMessage().isEmpty(), 4000);
    QVERIFY2(details->ddlMessage().contains(QStringLiteral("session %1 (").arg(pid)),
        qPrintable(details->ddlMessage()));
    QVERIFY(details->findChild<QLabel *>(QStringLiteral("ddlMessage"))->isVisible());
    const QImage shot = m_browser->grab().toImage();
    QVERIFY(saveArtifact(shot, QStringLiteral("schema-browser-locked.png")));
    QVERIFY(runAndWait(holder, QStringLiteral("ROLLBACK")).error.isNull());
}

void TestSchemaBrowser::refreshKeepsTheSelection()
{
    const DbRelation *items =
        m_browser->model()->snapshot(0).findRelation(QStringLiteral("shop.order_items"));
    QVERIFY(m_browser->selectObject(0, {CatalogObjectKind::Relation, items->oid, 0}));
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    QVERIFY(runAndWait(c, QStringLiteral("CREATE TABLE shop.added (a int)")).error.isNull());
    const int before = int(m_loaded->count());
    m_browser->refresh();
    QVERIFY(waitLoaded(before + 1));
    QCOMPARE(m_browser->tree()->currentIndex().data().toString(), QStringLiteral("order_items"));
    QVERIFY(m_browser->model()->snapshot(0).findRelation(QStringLiteral("shop.added")));
    QVERIFY(runAndWait(c, QStringLiteral("DROP TABLE shop.added")).error.isNull());
}

void TestSchemaBrowser::otherDatabaseLoadsWhenExpanded()
{
    const SchemaTreeModel *model = m_browser->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->databaseNamed(m_other->name()) >= 0, 5000);
    const int other = model->databaseNamed(m_other->name());
    QVERIFY(model->snapshot(other).isNull());
    const QModelIndex node = model->indexOfKey(QStringLiteral("db/") + m_other->name());
    const int before = int(m_loaded->count());
    m_browser->tree()->expand(node);
    QVERIFY(waitLoaded(before + 1));
    QCOMPARE(m_loaded->last().at(0).toString(), m_other->name());
    QVERIFY(!model->snapshot(other).isNull());
    QCOMPARE(model->snapshot(other).database(), m_other->name());
}

void TestSchemaBrowser::healthFollowsTheQuickTree()
{
    // A browser of its own: the tree is up before the checks have run,
    // and says so; the marks come with the whole snapshot.
    SchemaPage browser;
    browser.resize(1000, 600);
    browser.show();
    QSignalSpy loaded(&browser, &SchemaPage::loaded);
    QString evidenceAtQuick;
    int marksAtQuick = -2;
    bool definitionsAtQuick = true;
    connect(&browser, &SchemaPage::loaded, this, [&] {
        if (marksAtQuick != -2)
            return;
        const CatalogSnapshot &s = browser.model()->snapshot(0);
        definitionsAtQuick = s.hasDefinitions();
        const DbRelation *items = s.findRelation(QStringLiteral("shop.order_items"));
        marksAtQuick = browser.model()
                           ->indexOf(0, {CatalogObjectKind::Relation, items->oid, 0})
                           .data(SchemaTreeModel::SeverityRole)
                           .toInt();
        browser.showHealth(0);
        evidenceAtQuick =
            browser.details()->findChild<QLabel *>(QStringLiteral("healthEvidence"))->text();
    });
    Workspace workspace;
    browser.attach(&workspace, nullptr);
    workspace.setTarget(WorkspaceTarget::forConnection(m_db->connInfo(), QStringLiteral("second")));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 2 && !browser.isLoading(), 10000);
    QVERIFY(!definitionsAtQuick);
    QCOMPARE(marksAtQuick, -1);
    QVERIFY2(
        evidenceAtQuick.contains(QStringLiteral("Checking health")), qPrintable(evidenceAtQuick));
    const DbRelation *items =
        browser.model()->snapshot(0).findRelation(QStringLiteral("shop.order_items"));
    QCOMPARE(browser.model()
                 ->indexOf(0, {CatalogObjectKind::Relation, items->oid, 0})
                 .data(SchemaTreeModel::SeverityRole)
                 .toInt(),
        int(Severity::Warning));
    browser.showHealth(0);
    QVERIFY(browser.details()->healthView()->count() > 0);
}

void TestSchemaBrowser::wholeSnapshotKeepsTheQuickTree()
{
    SchemaTreeModel *model = m_browser->model();
    // The oid, not the record: the refresh frees the snapshot it lives in.
    const Oid itemsOid = model->snapshot(0).findRelation(QStringLiteral("shop.order_items"))->oid;
    const CatalogObjectRef ref {CatalogObjectKind::Relation, itemsOid, 0};
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    int resetsAtQuick = -1;
    int marksAtQuick = -2;
    QPersistentModelIndex nodeAtQuick;
    const auto watch = connect(m_browser.get(), &SchemaPage::loaded, this, [&] {
        if (resetsAtQuick >= 0)
            return;
        QVERIFY(!model->snapshot(0).hasDefinitions());
        resetsAtQuick = int(resets.count());
        nodeAtQuick = model->indexOf(0, ref);
        marksAtQuick = nodeAtQuick.data(SchemaTreeModel::SeverityRole).toInt();
    });
    const int before = int(m_loaded->count());
    m_browser->refresh();
    QVERIFY(waitLoaded(before + 2));
    disconnect(watch);
    QVERIFY(resetsAtQuick >= 1);
    // The last check's marks stay while the new one runs ...
    QCOMPARE(marksAtQuick, int(Severity::Warning));
    // ... and the whole snapshot reuses the tree: no reset, same nodes.
    QCOMPARE(int(resets.count()), resetsAtQuick);
    QVERIFY(nodeAtQuick.isValid());
    QCOMPARE(QModelIndex(nodeAtQuick), model->indexOf(0, ref));
    QVERIFY(model->snapshot(0).hasDefinitions());
    QVERIFY(!model->findingsOn(0, itemsOid).isEmpty());
}

QTEST_MAIN(TestSchemaBrowser)
#include "tst_schemapage.moc"
