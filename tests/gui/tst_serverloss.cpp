// The server disappears while every tool is at work (issue "Reliability",
// point 4), on a server of the test's own (`tusk sandbox start`), twice:
// every session of the database ended with pg_terminate_backend, then the
// whole server stopped with `pg_ctl stop -m immediate` and started again.
// At the moment of the loss an editor tab sleeps, another streams rows, a
// third explains a sleeping statement (EXPLAIN ANALYZE), the Activity
// monitor samples, the Schema tool reads the catalog, a rollout step runs
// on the database and a backfill writes batches. Each must say what
// happened in the server's words, keep the user's work (editor texts,
// unsaved tabs, plan tabs, the rows streamed so far) and work again once
// the server is back: the window's session reconnects by itself, a new
// run, explain, sample, catalog read and rollout step succeed, and the
// backfill resumes to the last row, each exactly once. Last, the server
// stays away longer than the quick reconnect attempts: the sessions keep
// trying and come back by themselves once it is up.

#include "testsupport.h"

#include "core/activity/activitycollector.h"
#include "core/catalog/catalogsession.h"
#include "core/migrations/backfill/backfillrun.h"
#include "core/pg/queryrunner.h"
#include "core/plan/explaincommand.h"
#include "core/rollout/rolloutplanner.h"
#include "core/rollout/rolloutsession.h"
#include "core/sandbox/localserver.h"
#include "core/sandbox/postgresbinaries.h"
#include "core/sandbox/serveraccount.h"
#include "core/workspace/workspace.h"
#include "widgets/activity/activitypage.h"
#include "widgets/plan/planpage.h"
#include "widgets/results/resultgrid.h"
#include "widgets/results/resultsetmodel.h"
#include "widgets/results/resultspane.h"
#include "widgets/schema/schemapage.h"
#include "widgets/schema/schematreemodel.h"
#include "widgets/shell/mainwindow.h"
#include "widgets/sql/sqleditor.h"
#include "widgets/sql/sqleditortab.h"
#include "widgets/sql/sqlpage.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

namespace {
const QString sleepText = QStringLiteral("SELECT pg_sleep(30) FROM hold");
const QString streamText =
    QStringLiteral("SELECT g, pg_sleep(0.002) FROM hold, generate_series(1, 1000000) g");
const QString explainText = QStringLiteral("SELECT pg_sleep(30) AS slept FROM hold");
const QString unsavedText = QStringLiteral("-- notes typed, never saved\nSELECT 42;\n");
// A text-format plan opened before the loss: the Plan tool's own tab.
const QString planText = QStringLiteral(
    "Seq Scan on items  (cost=0.00..1541.00 rows=100000 width=16) (actual "
    "time=0.010..8.000 rows=100000 loops=1)\nPlanning Time: 0.050 ms\nExecution Time: 12.000 ms");
constexpr int backfillRows = 60000;

// A server of the test's own, so that stopping it hurts no other test: made
// and started by the real `tusk sandbox start`, stopped the hard way with
// pg_ctl (as the server's account), started again on the same port.
// Programs are waited for on the event loop: the window keeps working.
class ServerLossSandbox {
public:
    bool start(const QString &folder, QString *failure)
    {
        m_folder = folder;
        // Without fsync a start after an immediate stop skips syncing every
        // file of the data folder (thousands here), which takes minutes on
        // a busy disk; the server is thrown away anyway.
        return tusk(
            {QStringLiteral("sandbox"), QStringLiteral("start"), QStringLiteral("--dir"), folder,
                QStringLiteral("--no-demo"), QStringLiteral("--set"), QStringLiteral("fsync=off")},
            failure);
    }
    bool stopImmediately(QString *failure)
    {
        m_port = LocalServer(m_folder).port();
        QProcess pgCtl;
        ServerAccount::forCurrentProcess().applyTo(pgCtl);
        pgCtl.setProgram(QDir(PostgresBinaries::findBinDir()).filePath(QStringLiteral("pg_ctl")));
        pgCtl.setArguments(
            {QStringLiteral("stop"), QStringLiteral("-m"), QStringLiteral("immediate"),
                QStringLiteral("-w"), QStringLiteral("-D"), LocalServer(m_folder).dataDir()});
        return run(pgCtl, failure);
    }
    // The same port as before: the sessions reconnect to where they were.
    bool startAgain(QString *failure)
    {
        if (!start(m_folder, failure))
            return false;
        if (LocalServer(m_folder).port() == m_port)
            return true;
        *failure = QStringLiteral("the server came back on port %1, not %2")
                       .arg(LocalServer(m_folder).port())
                       .arg(m_port);
        return false;
    }
    bool remove(QString *failure)
    {
        return tusk({QStringLiteral("sandbox"), QStringLiteral("remove"), QStringLiteral("--dir"),
                        m_folder, QStringLiteral("--yes")},
            failure);
    }
    ConnInfo connInfo(const QString &database) const
    {
        return LocalServer(m_folder).connInfo(database);
    }

private:
    static bool tusk(const QStringList &arguments, QString *failure)
    {
        QProcess process;
        process.setProgram(qEnvironmentVariable("TUSK_EXECUTABLE"));
        process.setArguments(arguments);
        return run(process, failure);
    }
    static bool run(QProcess &process, QString *failure)
    {
        process.setProcessChannelMode(QProcess::MergedChannels);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start();
        const bool ended = finished.wait(60000);
        if (ended && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
            return true;
        *failure = QStringLiteral("%1 %2 failed: %3")
                       .arg(process.program(), process.arguments().join(QLatin1Char(' ')),
                           QString::fromUtf8(process.readAll()));
        return false;
    }

    QString m_folder;
    int m_port = 0;
};

// Every line the Schema tool's tree shows, three levels deep.
QStringList treeLines(const QAbstractItemModel *model)
{
    QStringList lines;
    const std::function<void(const QModelIndex &, int)> walk = [&](const QModelIndex &parent,
                                                                   int depth) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            lines << index.data().toString();
            if (depth < 3)
                walk(index, depth + 1);
        }
    };
    walk(QModelIndex(), 0);
    return lines;
}

QString labelStartingWith(const QWidget *page, const QString &start)
{
    for (const QLabel *label : page->findChildren<QLabel *>()) {
        if (label->text().startsWith(start))
            return label->text();
    }
    return {};
}
} // namespace

class TestServerLoss : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyToolSurvives_data();
    void everyToolSurvives();
    void sessionsComeBackAfterALongOutage();

private:
    struct Work; // what runs at the moment of the loss
    bool setUpDatabase();
    SqlEditorTab *tabWith(const QString &text);
    // The texts of every editor tab and the titles of every plan tab.
    QStringList userWork() const;
    qint64 scalar(const QString &sql, const QVariantList &params = {});
    QWidget *statusBadge() const
    {
        return m_window->findChild<QWidget *>(QStringLiteral("connectionStatus"));
    }
    bool activeQueryLike(const QString &pattern);

    ServerLossSandbox m_server;
    ConnInfo m_info; // the test's database on it
    std::unique_ptr<MainWindow> m_window;
    SqlPage *m_sql = nullptr;
    PlanPage *m_plans = nullptr;
    SchemaPage *m_schema = nullptr;
    ActivityPage *m_activity = nullptr;
    SqlEditorTab *m_sleep = nullptr;
    SqlEditorTab *m_stream = nullptr;
    SqlEditorTab *m_explain = nullptr;
    std::unique_ptr<Connection> m_admin;
};

void TestServerLoss::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!qEnvironmentVariableIsEmpty("TUSK_EXECUTABLE"), "TUSK_EXECUTABLE is not set");
    QString failure;
    QVERIFY2(
        m_server.start(scratchFolder(QStringLiteral("serverloss")), &failure), qPrintable(failure));
    QElapsedTimer setup;
    setup.start();
    qInfo("the server is up");
    QVERIFY2(setUpDatabase(), "the test database could not be made");
    qInfo("the database is made in %lld ms", setup.elapsed());
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_sql = qobject_cast<SqlPage *>(m_window->toolPage(MainWindow::Tool::Sql));
    m_plans = qobject_cast<PlanPage *>(m_window->toolPage(MainWindow::Tool::Plan));
    m_schema = qobject_cast<SchemaPage *>(m_window->toolPage(MainWindow::Tool::Schema));
    m_activity = qobject_cast<ActivityPage *>(m_window->toolPage(MainWindow::Tool::Activity));
    QVERIFY(m_sql && m_plans && m_schema && m_activity);
    m_window->openConnection(m_info, QStringLiteral("lossbox"));
    QTRY_VERIFY2_WITH_TIMEOUT(
        m_window->statusText().startsWith(QStringLiteral("lossdb · postgres@lossbox")),
        qPrintable(m_window->statusText()), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->workspace()->catalog().isNull(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_schema->isLoading(), 30000);
    // The user's work: an unsaved tab, three tabs that will be at work, a plan.
    QVERIFY(tabWith(unsavedText));
    m_sleep = tabWith(sleepText);
    m_stream = tabWith(streamText);
    m_explain = tabWith(explainText);
    QVERIFY(m_plans->openText(planText, QStringLiteral("before the loss")));
}

void TestServerLoss::cleanupTestCase()
{
    m_window.reset();
    m_admin.reset();
    QString failure;
    QVERIFY2(m_server.remove(&failure), qPrintable(failure));
}

bool TestServerLoss::setUpDatabase()
{
    m_admin = std::make_unique<Connection>();
    if (!openAndWait(*m_admin, m_server.connInfo(QStringLiteral("postgres"))).isNull()
        || !runAndWait(*m_admin, QStringLiteral("CREATE DATABASE lossdb")).error.isNull())
        return false;
    m_info = m_server.connInfo(QStringLiteral("lossdb"));
    m_admin = std::make_unique<Connection>();
    if (!openAndWait(*m_admin, m_info).isNull())
        return false;
    // `hold` makes the sleeps sleep: emptied, the same texts end at once.
    // Enough tables that reading the catalog takes a while (committed in
    // parts: one transaction would run out of lock slots).
    for (const QString &sql :
        {QStringLiteral("CREATE TABLE hold (x int); CREATE TABLE items (id bigint PRIMARY KEY, v "
                        "int, w int); INSERT INTO items SELECT g, g, NULL FROM "
                        "generate_series(1, %1) g;")
                .arg(backfillRows),
            QStringLiteral("DO $$ BEGIN FOR i IN 1..1500 LOOP EXECUTE format('CREATE TABLE t%s "
                           "(id int PRIMARY KEY, a text NOT NULL DEFAULT ''x'', b int CHECK (b > "
                           "0), c timestamptz, d numeric(12,2), e jsonb, f text UNIQUE)', i); IF "
                           "i % 100 = 0 THEN COMMIT; END IF; END LOOP; END $$")}) {
        const Reply made = runAndWait(*m_admin, sql, {}, 120000);
        if (!made.error.isNull()) {
            qWarning("%s", qPrintable(made.error.toString()));
            return false;
        }
    }
    return true;
}

SqlEditorTab *TestServerLoss::tabWith(const QString &text)
{
    SqlEditorTab *tab = m_sql->newTab();
    tab->editor()->setText(text);
    return tab;
}

QStringList TestServerLoss::userWork() const
{
    QStringList work;
    for (int i = 0; i < m_sql->tabs()->count(); ++i)
        work << m_sql->tabAt(i)->title() + QLatin1Char('\n') + m_sql->tabAt(i)->editor()->text();
    for (int i = 0; i < m_plans->tabs()->count(); ++i)
        work << QStringLiteral("plan: ") + m_plans->tabs()->tabText(i);
    return work;
}

qint64 TestServerLoss::scalar(const QString &sql, const QVariantList &params)
{
    const Reply reply = runAndWait(*m_admin, sql, params, 30000);
    if (!reply.error.isNull() || reply.results.isEmpty() || reply.results.first().rowCount() != 1)
        return -1;
    return reply.results.first().value(0, 0).toLongLong();
}

bool TestServerLoss::activeQueryLike(const QString &pattern)
{
    return scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                                 "AND query LIKE $1 AND pid <> pg_backend_pid()"),
               {pattern})
        > 0;
}

void TestServerLoss::everyToolSurvives_data()
{
    QTest::addColumn<bool>("stopServer");
    QTest::addColumn<QString>("words"); // what the server says as the sessions end
    QTest::newRow("pg_terminate_backend")
        << false << QStringLiteral("terminating connection due to administrator command");
    QTest::newRow("pg_ctl stop -m immediate")
        << true << QStringLiteral("terminating connection due to immediate shutdown command");
}

void TestServerLoss::everyToolSurvives()
{
    QFETCH(bool, stopServer);
    QFETCH(QString, words);
    const QString round = stopServer ? QStringLiteral("stop") : QStringLiteral("kill");
    // The checkpoint keeps the crash recovery after an immediate stop short.
    QVERIFY(runAndWait(*m_admin,
        QStringLiteral("TRUNCATE hold; INSERT INTO hold VALUES (1); UPDATE items SET w = NULL; "
                       "DROP TABLE IF EXISTS step_done; CHECKPOINT"))
                .error.isNull());

    // Every tool at work.
    QSignalSpy sleepDone(m_sleep->queryRunner(), &QueryRunner::finished);
    QSignalSpy streamDone(m_stream->queryRunner(), &QueryRunner::finished);
    QSignalSpy explainDone(m_explain->queryRunner(), &QueryRunner::finished);
    QVERIFY(m_sleep->runStatement());
    QVERIFY(m_stream->runStatement());
    ExplainOptions analyze;
    analyze.analyze = true;
    QVERIFY(m_explain->explainStatement(analyze));

    RolloutSession rollout;
    rollout.setPlan(RolloutPlanner::plan("CREATE TABLE step_done AS SELECT count(*) AS n FROM "
                                         "(SELECT pg_sleep(30) FROM hold) s;",
        m_window->workspace()->catalog()));
    QVERIFY(rollout.stepCount() >= 1);
    rollout.run(0, m_info);

    BackfillSpec spec;
    spec.name = QStringLiteral("items_w_") + round;
    spec.table = QStringLiteral("items");
    spec.set = QStringLiteral("w = v * 2");
    spec.batchSize = 200;
    spec.pauseMs = 20;
    BackfillRun backfill;
    QSignalSpy backfillDone(&backfill, &BackfillRun::finished);
    backfill.start(m_info, spec, false);

    QSignalSpy sampled(m_activity->collector(), &ActivityCollector::sampled);
    // What the window's badge and the Activity monitor say at the moment
    // they hear of it: after a kill the sessions are back within
    // milliseconds, and the lines with them.
    QObject watcher;
    QStringList badge, activity;
    connect(m_window->connection(), &Connection::lost, &watcher,
        [&] { badge << m_window->statusText() << statusBadge()->toolTip(); });
    connect(m_activity->collector(), &ActivityCollector::failed, &watcher,
        [&] { activity << labelStartingWith(m_activity, QStringLiteral("Not sampled: ")); });
    const QStringList workBefore = userWork();

    QTRY_VERIFY_WITH_TIMEOUT(
        activeQueryLike(QStringLiteral("SELECT pg_sleep(30) FROM hold%")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(activeQueryLike(QStringLiteral("EXPLAIN%pg_sleep(30)%")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(activeQueryLike(QStringLiteral("CREATE TABLE step_done%")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_stream->resultsPane()->grids().isEmpty()
            && m_stream->resultsPane()->grids().first()->model()->rowCount() > 0,
        10000);
    QTRY_VERIFY_WITH_TIMEOUT(backfill.currentProgress().rowsDone >= 1000, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!sampled.isEmpty(), 10000);
    const qint64 streamedRows = m_stream->resultsPane()->grids().first()->model()->rowCount();
    QSignalSpy catalogFailed(m_window->workspace()->catalogSession(), &CatalogSession::failed);
    QSignalSpy catalogLoaded(m_window->workspace()->catalogSession(), &CatalogSession::loaded);
    m_schema->refresh();
    // Its catalog queries (resources/sql/catalog, each opening with a
    // comment) are on the server: running, or between two kinds inside the
    // load's transaction (each kind is quick since the reading left the GUI
    // thread, so a poll may fall between them).
    QTRY_VERIFY_WITH_TIMEOUT(
        scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE state IN ('active', "
                              "'idle in transaction') AND query LIKE '--%' "
                              "AND pid <> pg_backend_pid()"))
            > 0,
        5000);
    QVERIFY(m_schema->isLoading());
    QVERIFY(m_sleep->queryRunner()->isRunning() && m_stream->queryRunner()->isRunning()
        && m_explain->queryRunner()->isRunning() && backfill.isRunning() && rollout.isBusy());

    // The server goes away.
    QElapsedTimer outage;
    outage.start();
    if (stopServer) {
        QString failure;
        QVERIFY2(m_server.stopImmediately(&failure), qPrintable(failure));
    } else {
        QVERIFY(runAndWait(*m_admin,
            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname "
                           "= current_database() AND pid <> pg_backend_pid() AND backend_type = "
                           "'client backend'"))
                    .error.isNull());
    }

    // Each tool says so, in the server's words. An immediate shutdown sends
    // them only as well as it can (a backend busy sending rows may be gone
    // first): then libpq's own words about the closed connection stand.
    const QString said = stopServer
        ? QStringLiteral("(?:%1|server closed the connection unexpectedly[^\n]*)")
              .arg(QRegularExpression::escape(words))
        : QRegularExpression::escape(words);
    const auto matches = [&said](const QString &text, const QString &pattern) {
        return QRegularExpression(QStringLiteral("^") + pattern.arg(said)).match(text).hasMatch();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!sleepDone.isEmpty() && !streamDone.isEmpty() && !explainDone.isEmpty()
            && !backfillDone.isEmpty() && !rollout.isBusy(),
        15000);
    for (SqlEditorTab *tab : {m_sleep, m_stream, m_explain}) {
        const QString messages = tab->resultsPane()->messagesText();
        const QRegularExpression failed(
            QStringLiteral("Failed after [^:]+: FATAL [0-9A-Z]{5}: %1\n(?:[^\n]*\n)*"
                           "The session is gone")
                .arg(said));
        QVERIFY2(messages.contains(failed), qPrintable(messages));
    }
    QVERIFY2(m_stream->resultsPane()->grids().first()->model()->rowCount() >= streamedRows,
        "the rows streamed before the loss must stay");
    QVERIFY2(matches(backfill.error().message,
                 QStringLiteral("the backfill's session was lost \\(%1\\); what committed is in "
                                "tusk_rollout\\.backfill: resume to go on")),
        qPrintable(backfill.error().message));
    QCOMPARE(rollout.status(0).state, RolloutSession::State::Failed);
    QVERIFY2(matches(rollout.status(0).message, QStringLiteral("Step 1 failed: %1$")),
        qPrintable(rollout.status(0).message));
    // The quick snapshot may be in before the loss (it is read in a moment
    // since the reading left the GUI thread); the whole one, read in the
    // same transaction, must not be.
    const auto wholeLoaded = [&catalogLoaded] {
        for (const QList<QVariant> &signal : std::as_const(catalogLoaded))
            if (signal.at(0).value<CatalogSnapshot>().hasDefinitions())
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!catalogFailed.isEmpty() || wholeLoaded(), 15000);
    QVERIFY2(!wholeLoaded(), "the catalog read ended before the server went away");
    // The database's line in the tree says why its catalog is old (the
    // tree hears of the failure a turn of the event loop after the spy).
    const auto tree = [this] { return treeLines(m_schema->model()).join(QLatin1Char('\n')); };
    const QRegularExpression lostWhileReading(
        QStringLiteral("\nthe connection was lost while reading [a-z_ ]+: %1\n").arg(said));
    QTRY_VERIFY2_WITH_TIMEOUT(tree().contains(lostWhileReading), qPrintable(tree()), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!activity.isEmpty() && !badge.isEmpty(), 10000);
    QVERIFY2(
        matches(activity.first(), QStringLiteral("Not sampled: %1")), qPrintable(activity.first()));
    QVERIFY2(badge.first().startsWith(QStringLiteral("Connection to lossbox lost, reconnecting…")),
        qPrintable(badge.first()));
    QVERIFY2(
        matches(badge.at(1), QStringLiteral("Connection to lossbox lost, reconnecting… \\(%1")),
        qPrintable(badge.at(1)));
    if (stopServer) {
        QTRY_VERIFY_WITH_TIMEOUT(m_window->statusText().startsWith(
                                     QStringLiteral("Connection to lossbox lost, reconnecting…")),
            5000);
        // Nothing comes back while the server is away.
        QTest::qWait(1000);
        QVERIFY(m_window->connection()->state() != Connection::State::Ready);
        QString failure;
        QVERIFY2(m_server.startAgain(&failure), qPrintable(failure));
    }
    // Nothing the user made is gone.
    QCOMPARE(userWork(), workBefore);

    // The server is back: the window's session reconnects by itself...
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->statusText().startsWith(QStringLiteral("lossdb · postgres@lossbox")), 20000);
    qInfo("%s: the window was back %lld ms after the loss", qPrintable(round), outage.elapsed());
    QVERIFY(runAndWait(*m_admin, QStringLiteral("TRUNCATE hold")).error.isNull());
    // ...sampling goes on...
    sampled.clear();
    QTRY_VERIFY_WITH_TIMEOUT(!sampled.isEmpty(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(
        labelStartingWith(m_activity, QStringLiteral("Not sampled")).isEmpty(), 5000);
    // ...the same texts run again in their tabs, Explain opens a plan...
    const int plansBefore = m_plans->tabs()->count();
    for (SqlEditorTab *tab : {m_sleep, m_stream}) {
        QSignalSpy done(tab->queryRunner(), &QueryRunner::finished);
        QVERIFY(tab->runStatement());
        QVERIFY(done.wait(20000));
        QVERIFY2(done.first().first().value<PgError>().isNull(),
            qPrintable(done.first().first().value<PgError>().toString()));
    }
    QSignalSpy explained(m_explain->queryRunner(), &QueryRunner::finished);
    QVERIFY(m_explain->explainStatement(analyze));
    QVERIFY(explained.wait(20000));
    QVERIFY2(explained.first().first().value<PgError>().isNull(),
        qPrintable(explained.first().first().value<PgError>().toString()));
    QTRY_COMPARE(m_plans->tabs()->count(), plansBefore + 1);
    // ...the catalog reads again...
    catalogLoaded.clear();
    m_schema->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!catalogLoaded.isEmpty() && !m_schema->isLoading(), 30000);
    QVERIFY2(m_schema->statusText().contains(QStringLiteral("objects · read in")),
        qPrintable(m_schema->statusText()));
    // ...the step runs again...
    rollout.run(0, m_info);
    QTRY_VERIFY_WITH_TIMEOUT(!rollout.isBusy(), 20000);
    QVERIFY2(rollout.status(0).state == RolloutSession::State::Ran
            || rollout.status(0).state == RolloutSession::State::GateHolds,
        qPrintable(rollout.status(0).message));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM step_done")), qint64(1));
    // ...and the backfill resumes where it stopped, every row exactly once.
    const qint64 committed =
        scalar(QStringLiteral("SELECT rows_done FROM tusk_rollout.backfill WHERE name = '%1'")
                   .arg(spec.name));
    QVERIFY2(committed > 0 && committed < backfillRows, qPrintable(QString::number(committed)));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items WHERE w IS NOT NULL")), committed);
    spec.batchSize = 5000;
    spec.pauseMs = 0;
    BackfillRun resumed;
    QSignalSpy resumedDone(&resumed, &BackfillRun::finished);
    resumed.start(m_info, spec, true);
    QVERIFY(resumedDone.wait(30000));
    QVERIFY2(resumed.error().isNull(), qPrintable(resumed.error().toString()));
    QCOMPARE(resumed.currentProgress().rowsThisRun, qint64(backfillRows) - committed);
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM items WHERE w = v * 2")), qint64(backfillRows));
    // Still nothing lost, and the one new plan tab beside the old.
    QStringList workAfter = userWork();
    QCOMPARE(workAfter.size(), workBefore.size() + 1);
    workAfter.removeLast();
    QCOMPARE(workAfter, workBefore);
}

// A server away for longer than the quick reconnect attempts (a failover,
// a slow restart): the window's session, the Activity monitor and the
// Schema tool's sessions keep trying and come back by themselves once it
// is up again; nobody has to pick the profile again.
void TestServerLoss::sessionsComeBackAfterALongOutage()
{
    QVERIFY(m_window->connection()->isOpen());
    QVERIFY(runAndWait(*m_admin, QStringLiteral("CHECKPOINT")).error.isNull());
    QSignalSpy gaveUp(m_window->connection(), &Connection::openFailed);
    QSignalSpy sampled(m_activity->collector(), &ActivityCollector::sampled);
    QElapsedTimer outage;
    outage.start();
    QString failure;
    QVERIFY2(m_server.stopImmediately(&failure), qPrintable(failure));
    // The quick attempts (0, 0.25, 1, 2, 5, 10 s) are over...
    QTRY_VERIFY_WITH_TIMEOUT(!gaveUp.isEmpty(), 40000);
    qInfo("the quick attempts ended %lld ms after the stop", outage.elapsed());
    // ...and the window says it is still trying.
    QVERIFY2(m_window->statusText().startsWith(
                 QStringLiteral("Connection to lossbox lost, reconnecting…")),
        qPrintable(m_window->statusText()));
    QCOMPARE(m_window->connection()->state(), Connection::State::Lost);
    // A run meanwhile fails at once instead of waiting for the server.
    QSignalSpy done(m_sleep->queryRunner(), &QueryRunner::finished);
    QVERIFY(m_sleep->runStatement());
    QVERIFY(done.wait(15000));
    QVERIFY(!done.first().first().value<PgError>().isNull());
    QVERIFY2(m_sleep->resultsPane()->messagesText().contains(QLatin1String("Failed after")),
        qPrintable(m_sleep->resultsPane()->messagesText()));
    const QStringList workBefore = userWork();

    sampled.clear();
    QVERIFY2(m_server.startAgain(&failure), qPrintable(failure));
    QElapsedTimer back;
    back.start();
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->statusText().startsWith(QStringLiteral("lossdb · postgres@lossbox")), 15000);
    qInfo("the window was back %lld ms after the server", back.elapsed());
    QTRY_VERIFY_WITH_TIMEOUT(!sampled.isEmpty(), 15000);
    QSignalSpy catalogLoaded(m_window->workspace()->catalogSession(), &CatalogSession::loaded);
    m_schema->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!catalogLoaded.isEmpty() && !m_schema->isLoading(), 30000);
    QSignalSpy again(m_sleep->queryRunner(), &QueryRunner::finished);
    QVERIFY(m_sleep->runStatement()); // `hold` is empty: no sleep
    QVERIFY(again.wait(15000));
    QVERIFY2(again.first().first().value<PgError>().isNull(),
        qPrintable(again.first().first().value<PgError>().toString()));
    QCOMPARE(userWork(), workBefore);
}

QTEST_MAIN(TestServerLoss)
#include "tst_serverloss.moc"
