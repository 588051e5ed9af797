// The Rollout page's Plan Impact tab on the test cluster: a target with
// 20,000 orders and an index on customer_id, a migration that drops it, a
// file of two queries. Run: the scratch database is made on the cluster
// (a template copy with the rows), the query that used the index comes
// first as worse with "Seq Scan on orders replaces Index Scan using
// orders_customer_idx", the side-by-side comparison shows the changed
// node, and the scratch database is gone afterwards. A screenshot for
// people.

#include "testsupport.h"

#include "core/pg/connection.h"
#include "core/plan/plancomparison.h"
#include "core/workspace/workspace.h"
#include "widgets/plan/plancomparisonview.h"
#include "widgets/rollout/planimpactpanel.h"

#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

class TestPlanImpactPanel : public QObject {
    Q_OBJECT
private slots:
    void droppedIndexShowsFirst();
};

void TestPlanImpactPanel::droppedIndexShowsFirst()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    ScratchDatabase db(QStringLiteral("impactpanel"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    {
        Connection setup;
        QVERIFY(openAndWait(setup, db.connInfo()).isNull());
        const Reply made = runAndWait(setup,
            QStringLiteral(
                "CREATE SCHEMA shop; "
                "CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer_id int NOT "
                "NULL, total numeric NOT NULL); "
                "INSERT INTO shop.orders SELECT g, g % 2000, g FROM "
                "generate_series(1, 20000) g; "
                "CREATE INDEX orders_customer_idx ON shop.orders (customer_id); ANALYZE"));
        QVERIFY2(made.error.isNull(), qPrintable(made.error.message));
    } // no session left on the target: it can serve as a template
    const QString queries = scratchFolder(QStringLiteral("impactpanel")) + QStringLiteral("/q.sql");
    QVERIFY(writeFile(queries,
        "SELECT id FROM shop.orders WHERE id = 42;\n"
        "SELECT sum(total) FROM shop.orders WHERE customer_id = 7;\n"));

    Workspace workspace;
    workspace.setReads({});
    workspace.setTarget(WorkspaceTarget::forConnection(db.connInfo(), QStringLiteral("target")));
    PlanImpactPanel panel;
    panel.resize(1300, 800);
    panel.setWorkspace(&workspace);
    panel.setScratchServer(clusterConnInfo());
    panel.setMigration("DROP INDEX shop.orders_customer_idx;");
    panel.setQueriesFile(queries);
    panel.show();
    QSignalSpy done(&panel, &PlanImpactPanel::done);
    panel.run();
    QVERIFY(done.wait(60000));
    QVERIFY2(panel.outcomes().size() == 2, qPrintable(panel.status()->text()));
    QTreeWidgetItem *first = panel.list()->topLevelItem(0);
    QCOMPARE(first->text(0), QStringLiteral("worse"));
    QVERIFY2(first->text(2).startsWith(QStringLiteral("✗ Seq Scan on orders replaces ")),
        qPrintable(first->text(2)));
    QVERIFY(first->text(2).contains(QLatin1String("using orders_customer_idx")));
    QVERIFY(first->text(3).contains(QLatin1String("customer_id = 7")));
    QCOMPARE(panel.list()->topLevelItem(1)->text(0), QStringLiteral("same"));
    QVERIFY2(
        panel.status()->text().startsWith(QLatin1String("2 query(s) read what the migration "
                                                        "changes, 1 worse; ran on tusk_scratch_")),
        qPrintable(panel.status()->text()));
    // The selected (worst) query's plans side by side, its scan changed.
    QVERIFY(panel.comparison()->comparison());
    QVERIFY(panel.comparison()->comparison()->changedCount() >= 1);
    QTest::qWait(100);
    QVERIFY(saveArtifact(panel.grab(), QStringLiteral("plan-impact.png")));
    // The scratch database went (other tests make their own meanwhile).
    const QString scratch = QRegularExpression(QStringLiteral("tusk_scratch_\\w+"))
                                .match(panel.status()->text())
                                .captured(0);
    QVERIFY(!scratch.isEmpty());
    Connection check;
    QVERIFY(openAndWait(check, clusterConnInfo()).isNull());
    const Reply left = runAndWait(
        check, QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"), {scratch});
    QVERIFY(left.error.isNull());
    QCOMPARE(left.results.first().text(0, 0), QStringLiteral("0"));
}

QTEST_MAIN(TestPlanImpactPanel)
#include "tst_planimpactpanel.moc"
