// The Workspace every tool shares, against the real server: a chosen
// target applies at once, the primary session opens, and the target's
// catalog, schema facts and keywords arrive once per target (not again on
// a reconnect to the same place); its policies come from the target.

#include "testsupport.h"

#include "core/catalog/catalogsession.h"
#include "core/lint/schemafacts.h"
#include "core/workspace/workspace.h"

#include <QSignalSpy>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

class TestWorkspace : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void readsTheTargetOnce();
    void sizesFromTheDatabaseTheMigrationTargets();
    void aProfileAppliesBeforeItsServerAnswers();
    void policiesFollowTheTarget();
    void anUnreachableTargetSaysSo();

private:
    std::unique_ptr<ScratchDatabase> m_db;
};

void TestWorkspace::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("workspace"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    QVERIFY(runAndWait(c, QStringLiteral("CREATE TABLE orders (id bigint PRIMARY KEY, note text)"))
                .error.isNull());
}

void TestWorkspace::readsTheTargetOnce()
{
    Workspace workspace;
    QSignalSpy ready(&workspace, &Workspace::ready);
    QSignalSpy catalog(&workspace, &Workspace::catalogChanged);
    QSignalSpy lint(&workspace, &Workspace::schemaFactsChanged);
    QSignalSpy keywords(&workspace, &Workspace::serverKeywordsChanged);
    workspace.setTarget(WorkspaceTarget::forConnection(m_db->connInfo(), QStringLiteral("test")));
    QVERIFY(!workspace.isReady());
    QVERIFY(ready.wait(15000));
    QVERIFY(workspace.isReady());
    QCOMPARE(workspace.server().database, m_db->name());
    QVERIFY(workspace.catalogSession());
    QTRY_VERIFY_WITH_TIMEOUT(
        workspace.catalog().findRelation(QStringLiteral("public.orders")), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(workspace.schemaFacts() != nullptr, 15000);
    QVERIFY(workspace.schemaFacts()->table(QStringLiteral("orders")));
    QCOMPARE(workspace.schemaFacts()->serverVersion, workspace.server().versionNumber);
    // A bare connection is not known to be where migrations run: its sizes
    // may not lower a finding.
    QVERIFY(!workspace.schemaFacts()->sizesFromTarget);
    QTRY_VERIFY_WITH_TIMEOUT(
        workspace.serverKeywords().contains(QStringLiteral("concurrently")), 15000);

    // The same place again (a reconnect, Connect pressed twice) reads nothing again.
    CatalogSession *session = workspace.catalogSession();
    const qsizetype lintChanges = lint.size();
    workspace.open(m_db->connInfo());
    QTRY_VERIFY_WITH_TIMEOUT(workspace.isReady(), 15000);
    QTest::qWait(200);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(workspace.catalogSession(), session);
    QCOMPARE(lint.size(), lintChanges);
    QCOMPARE(keywords.size(), 1);
}

void TestWorkspace::sizesFromTheDatabaseTheMigrationTargets()
{
    // A second database plays production: the same table, far bigger.
    const ScratchDatabase production(QStringLiteral("wsprod"));
    QVERIFY2(production.isValid(), qPrintable(production.error()));
    Connection c;
    QVERIFY(openAndWait(c, production.connInfo()).isNull());
    QVERIFY(runAndWait(c,
        QStringLiteral("CREATE TABLE orders (id bigint PRIMARY KEY, note text); "
                       "INSERT INTO orders SELECT g, 'x' FROM "
                       "generate_series(1, 20000) g; ANALYZE orders"))
                .error.isNull());

    Workspace workspace;
    workspace.setTarget(WorkspaceTarget::forConnection(m_db->connInfo(), QStringLiteral("local")));
    QTRY_VERIFY_WITH_TIMEOUT(workspace.schemaFacts() != nullptr, 15000);
    QVERIFY(!workspace.schemaFacts()->sizesFromTarget);
    const qint64 localRows = workspace.schemaFacts()->table(QStringLiteral("orders"))->rowEstimate;
    QVERIFY(localRows < 1000);

    QSignalSpy changed(&workspace, &Workspace::schemaFactsChanged);
    workspace.setSizesSource(production.connInfo(), QStringLiteral("prod"));
    QVERIFY(changed.wait(15000));
    QCOMPARE(workspace.sizesSourceLabel(), QStringLiteral("prod"));
    QVERIFY(workspace.schemaFacts()->sizesFromTarget);
    QCOMPARE(workspace.schemaFacts()->table(QStringLiteral("orders"))->rowEstimate, 20000);
    // Back to the target's own sizes: not trusted again.
    workspace.setSizesSource({}, {});
    QVERIFY(!workspace.schemaFacts()->sizesFromTarget);
    QCOMPARE(workspace.schemaFacts()->table(QStringLiteral("orders"))->rowEstimate, localRows);

    // A source that cannot be read says so and keeps the target's facts.
    QSignalSpy failed(&workspace, &Workspace::sizesSourceFailed);
    ConnInfo nowhere = production.connInfo();
    nowhere.setValue(QStringLiteral("dbname"), QStringLiteral("no_such_database_here"));
    workspace.setSizesSource(nowhere, QStringLiteral("gone"));
    QVERIFY(failed.wait(15000));
    QVERIFY(workspace.schemaFacts());
    QVERIFY(!workspace.schemaFacts()->sizesFromTarget);
}

void TestWorkspace::aProfileAppliesBeforeItsServerAnswers()
{
    Workspace workspace;
    QSignalSpy changed(&workspace, &Workspace::targetChanged);
    Profile profile = Profile::oneOff(m_db->connInfo(), QStringLiteral("prod"));
    profile.safety = QStringLiteral("production");
    workspace.setTarget(
        WorkspaceTarget::forProfile(profile, {}, QStringLiteral("/tmp/tusk-ws/migrations")));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(workspace.target().label, QStringLiteral("prod (production)"));
    QVERIFY(workspace.target().production);
    QCOMPARE(workspace.target().migrationsFolder, QStringLiteral("/tmp/tusk-ws/migrations"));
    // Nothing to open yet: the password lookup (or the sandbox) comes first.
    QCOMPARE(workspace.session()->state(), Connection::State::Disconnected);
    QSignalSpy ready(&workspace, &Workspace::ready);
    workspace.open(profile.connInfo());
    QVERIFY(ready.wait(15000));
    QCOMPARE(changed.size(), 1);
    // A production profile's sizes are the target's own.
    QTRY_VERIFY_WITH_TIMEOUT(workspace.schemaFacts() != nullptr, 15000);
    QVERIFY(workspace.schemaFacts()->sizesFromTarget);
}

void TestWorkspace::policiesFollowTheTarget()
{
    Workspace workspace;
    WorkspaceTarget target = WorkspaceTarget::forConnection({}, QStringLiteral("prod"));
    target.production = true;
    target.migrationsFolder = QStringLiteral("/srv/app/db/migrations");
    workspace.setTarget(target);
    const QByteArray writes =
        "SELECT 1; UPDATE orders SET note = 'x'; CREATE INDEX i ON orders (note);";
    const Confirmation asked = workspace.confirmationPolicy().beforeRunning(writes);
    QCOMPARE(asked.title, QStringLiteral("Run on production?"));
    QCOMPARE(asked.text,
        QStringLiteral(
            "This profile is marked safety = \"production\". These statements change "
            "data or schema:\n\n• UPDATE orders SET note = 'x' (writes data)\n"
            "• CREATE INDEX i ON orders (note) (changes schema)\n\n"
            "Structure changes:\n• CREATE INDEX i ON orders (note)\n"
            "    lock: SHARE on orders, scans the table: blocks writes and other schema "
            "changes; reads go on\n"
            "    lint: warning require-concurrent-index-creation: CREATE INDEX on orders "
            "blocks writes to it until the index is built\n"
            "    lint: info prefer-robust-stmts: CREATE INDEX i without IF NOT EXISTS "
            "fails when the migration is run again after a partial failure\n"
            "    lint: warning require-lock-timeout: CREATE INDEX asks for a SHARE lock "
            "on orders with no lock_timeout set: while it waits, every write to orders "
            "queues behind it (reads go on)\n\nRun them?"));
    QVERIFY(!asked.text.contains(QStringLiteral("SELECT 1")));
    QVERIFY(workspace.confirmationPolicy().beforeRunning("SELECT 1; SHOW work_mem;").isNull());
    // A read-only session cannot change anything: nothing to ask.
    QVERIFY(workspace.confirmationPolicy().beforeRunning(writes, true).isNull());
    QCOMPARE(workspace.fileWriteOptions().migrationsFolders,
        QStringList {QStringLiteral("/srv/app/db/migrations")});

    target.production = false;
    target.migrationsFolder.clear();
    workspace.setTarget(target);
    QVERIFY(workspace.confirmationPolicy().beforeRunning(writes).isNull());
    QVERIFY(workspace.fileWriteOptions().migrationsFolders.isEmpty());

    // Any profile but the sandbox approves structure changes first
    // (docs/migrations-folder.md), with the lock and the lint verdict.
    Profile profile;
    profile.name = QStringLiteral("staging");
    profile.scope = ProfileScope::Project;
    workspace.setTarget(WorkspaceTarget::forProfile(profile, {}, {}));
    QVERIFY(workspace.confirmationPolicy().approvesSchemaChanges());
    const Confirmation approval = workspace.confirmationPolicy().beforeRunning(writes);
    QCOMPARE(approval.title, QStringLiteral("Change the database structure?"));
    QVERIFY2(approval.text.startsWith(
                 QStringLiteral("These statements change the structure of the database:\n\n"
                                "• CREATE INDEX i ON orders (note)\n    lock: SHARE on orders")),
        qPrintable(approval.text));
    QVERIFY2(
        approval.text.contains(QStringLiteral("lint: warning require-concurrent-index-creation")),
        qPrintable(approval.text));
    QVERIFY(!approval.text.contains(QStringLiteral("UPDATE")));
    // Data changes alone, a read-only session: nothing to approve.
    QVERIFY(workspace.confirmationPolicy().beforeRunning("UPDATE orders SET note = 'x'").isNull());
    QVERIFY(workspace.confirmationPolicy().beforeRunning(writes, true).isNull());
    // confirm_ddl = false turns it off; the sandbox never asks.
    profile.confirmDdl = false;
    workspace.setTarget(WorkspaceTarget::forProfile(profile, {}, {}));
    QVERIFY(workspace.confirmationPolicy().beforeRunning(writes).isNull());
    profile.confirmDdl = true;
    profile.scope = ProfileScope::Sandbox;
    workspace.setTarget(WorkspaceTarget::forProfile(profile, {}, {}));
    QVERIFY(workspace.confirmationPolicy().beforeRunning(writes).isNull());
}

void TestWorkspace::anUnreachableTargetSaysSo()
{
    Workspace workspace;
    QSignalSpy failed(workspace.session(), &Connection::openFailed);
    ConnInfo nowhere = m_db->connInfo();
    nowhere.setValue(QStringLiteral("dbname"), QStringLiteral("no_such_database_here"));
    workspace.setTarget(WorkspaceTarget::forConnection(nowhere, QStringLiteral("nowhere")));
    QVERIFY(failed.wait(15000));
    QCOMPARE(failed.first().first().value<PgError>().sqlState, QStringLiteral("3D000"));
    QVERIFY(!workspace.isReady());
    QVERIFY(!workspace.catalogSession());
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
