// The whole window connected as a role with default_transaction_read_only
// and as a role without privileges: the catalog, the linter's schema facts
// and the keywords load (they read pg_catalog only), every tool's page is
// shown in turn with the session open, and the window stays up. The
// messages of each tool are checked in tst_readonlyrole (core and command
// line), tst_readonlyrolesqltab and tst_readonlyroleactivity.

#include "testsupport.h"

#include "core/workspace/workspace.h"
#include "widgets/shell/mainwindow.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

class TestReadOnlyRoleWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyToolOpens_data();
    void everyToolOpens();

private:
    std::unique_ptr<ScratchDatabase> m_db;
    QString m_readOnly;
    QString m_unprivileged;
};

void TestReadOnlyRoleWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    const qint64 pid = QCoreApplication::applicationPid();
    m_readOnly = QStringLiteral("tusk_ro_win_%1").arg(pid);
    m_unprivileged = QStringLiteral("tusk_noperm_win_%1").arg(pid);
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("readonlyrolewindow"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    Connection admin;
    QVERIFY(openAndWait(admin, m_db->connInfo()).isNull());
    const Reply reply = runAndWait(admin,
        QStringLiteral(
            "CREATE ROLE %1 LOGIN; ALTER ROLE %1 SET default_transaction_read_only = on; "
            "CREATE ROLE %2 LOGIN; "
            "CREATE TABLE public.customers (id int PRIMARY KEY); "
            "CREATE TABLE public.orders (id int PRIMARY KEY, customer_id int REFERENCES "
            "public.customers); "
            "INSERT INTO public.customers SELECT generate_series(1, 50); "
            "INSERT INTO public.orders SELECT g, 1 + g % 50 FROM generate_series(1, 500) g; "
            "ANALYZE; REVOKE ALL ON SCHEMA public FROM PUBLIC; "
            "GRANT USAGE ON SCHEMA public TO %1; GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1")
            .arg(m_readOnly, m_unprivileged));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
}

void TestReadOnlyRoleWindow::cleanupTestCase()
{
    m_db.reset(); // its grants would keep the roles
    Connection admin;
    if (openAndWait(admin, clusterConnInfo()).isNull())
        runAndWait(admin,
            QStringLiteral("DROP ROLE IF EXISTS %1; DROP ROLE IF EXISTS %2")
                .arg(m_readOnly, m_unprivileged));
}

void TestReadOnlyRoleWindow::everyToolOpens_data()
{
    QTest::addColumn<bool>("unprivileged");
    QTest::newRow("read-only role") << false;
    QTest::newRow("unprivileged role") << true;
}

void TestReadOnlyRoleWindow::everyToolOpens()
{
    QFETCH(bool, unprivileged);
    const QString role = unprivileged ? m_unprivileged : m_readOnly;
    ConnInfo info = m_db->connInfo();
    info.setValue(QStringLiteral("user"), role);

    MainWindow window;
    window.resize(1200, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy catalog(window.workspace(), &Workspace::catalogChanged);
    QSignalSpy catalogFailed(window.workspace(), &Workspace::catalogFailed);
    QSignalSpy facts(window.workspace(), &Workspace::schemaFactsChanged);
    QSignalSpy factsFailed(window.workspace(), &Workspace::schemaFactsFailed);
    window.openConnection(info, role);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(QLatin1String("PostgreSQL 15")), 10000);
    QVERIFY2(window.statusText().contains(role), qPrintable(window.statusText()));
    QTRY_VERIFY_WITH_TIMEOUT(catalog.count() + catalogFailed.count() > 0, 15000);
    QVERIFY2(catalogFailed.isEmpty(),
        qPrintable(catalogFailed.value(0).value(0).value<PgError>().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(facts.count() + factsFailed.count() > 0, 15000);
    QVERIFY2(factsFailed.isEmpty(),
        qPrintable(factsFailed.value(0).value(0).value<PgError>().toString()));

    for (const MainWindow::Tool tool :
        {MainWindow::Tool::Schema, MainWindow::Tool::Sql, MainWindow::Tool::Plan,
            MainWindow::Tool::Activity, MainWindow::Tool::Rollout, MainWindow::Tool::Profiles}) {
        window.showTool(tool);
        QCOMPARE(window.currentTool(), tool);
        QVERIFY(window.toolPage(tool)->isVisible());
        QTest::qWait(300); // let each page ask the server what it shows
    }
    QVERIFY(window.connection() && window.connection()->isOpen());
    QVERIFY(saveArtifact(window.grab(),
        QStringLiteral("window-%1.png")
            .arg(unprivileged ? QStringLiteral("unprivileged") : QStringLiteral("read-only"))));
}

QTEST_MAIN(TestReadOnlyRoleWindow)
#include "tst_readonlyrolewindow.moc"
