// The Activity page connected as a role without privileges: the status line
// says other users' queries are hidden and why; Cancel and Terminate of a
// superuser's session are proposed, confirmed, and refused by the server,
// and the card says so with who may do it. Nothing crashes, the session
// acted on goes on. (The same words from the command line: tst_readonlyrole.)

#include "testsupport.h"

#include "core/workspace/workspace.h"
#include "widgets/activity/activitypage.h"
#include "widgets/activity/sessionactionpanel.h"
#include "widgets/activity/sessionactionsbar.h"
#include "widgets/activity/sessionfilterproxy.h"
#include "widgets/activity/sessiontablemodel.h"

#include <QCoreApplication>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

class TestReadOnlyRoleActivity : public QObject {
    Q_OBJECT
private slots:
    void refusalsAreSaid();
};

void TestReadOnlyRoleActivity::refusalsAreSaid()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    QTemporaryDir state;
    qputenv("XDG_STATE_HOME", state.path().toUtf8());
    ScratchDatabase db(QStringLiteral("readonlyroleactivity"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const QString role =
        QStringLiteral("tusk_noperm_gui_%1").arg(QCoreApplication::applicationPid());
    Connection admin;
    QVERIFY(openAndWait(admin, clusterConnInfo()).isNull());
    runAndWait(admin, QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
    QVERIFY(runAndWait(admin, QStringLiteral("CREATE ROLE %1 LOGIN NOSUPERUSER").arg(role))
                .error.isNull());

    // A superuser's session in another program (sessions of this process
    // are Tusk's own, which the page refuses on its own).
    QProcess psql;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const ConnInfo superuser = db.connInfo();
    env.insert(QStringLiteral("PGHOST"), superuser.host());
    env.insert(QStringLiteral("PGPORT"), superuser.port());
    env.insert(QStringLiteral("PGDATABASE"), superuser.database());
    env.insert(QStringLiteral("PGUSER"), superuser.user());
    env.insert(QStringLiteral("PGAPPNAME"), QStringLiteral("other program"));
    psql.setProcessEnvironment(env);
    psql.start(QStringLiteral("psql"), {QStringLiteral("-X"), QStringLiteral("-q")});
    QVERIFY2(psql.waitForStarted(), qPrintable(psql.errorString()));
    psql.write("SELECT pg_sleep(60);\n");
    int pid = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const Reply r = runAndWait(admin,
                QStringLiteral("SELECT pid FROM pg_stat_activity WHERE application_name = "
                               "'other program' AND wait_event = 'PgSleep'"));
            pid = r.results.isEmpty() ? 0 : r.results.first().text(0, 0).toInt();
            return pid != 0;
        }(),
        10000);

    ConnInfo info = db.connInfo();
    info.setValue(QStringLiteral("user"), role);
    {
        Workspace workspace;
        workspace.setReads({});
        ActivityPage page;
        page.resize(1300, 760);
        page.attach(&workspace, nullptr);
        page.setThisDatabaseOnly(true);
        QSignalSpy sampled(&page, &ActivityPage::sampled);
        workspace.setTarget(WorkspaceTarget::forConnection(info, QStringLiteral("no privileges")));
        workspace.open(info);
        QVERIFY(sampled.wait(10000));
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(pid) >= 0, 10000);
        // Its state is hidden from this role, which does not make it idle:
        // the grid shows it without "Idle" ticked, so it can be picked.
        QVERIFY(page.proxy()
                    ->mapFromSource(page.model()->index(page.model()->rowOf(pid), 0))
                    .isValid());
        bool hiddenSaid = false;
        for (const QLabel *label : page.findChildren<QLabel *>())
            hiddenSaid |= label->text().contains(
                QLatin1String("others' queries hidden: pg_read_all_stats would show them"));
        QVERIFY(hiddenSaid);

        SessionActionPanel *panel = page.actions()->panel();
        QSignalSpy acted(page.actions(), &SessionActionsBar::acted);
        for (const auto kind : {SessionAction::Kind::Cancel, SessionAction::Kind::Terminate}) {
            page.actions()->propose(kind, {pid}, QStringLiteral("test"));
            QVERIFY(panel->isVisible());
            QVERIFY2(panel->cardText().contains(QLatin1String("a superuser's session")),
                qPrintable(panel->cardText()));
            QVERIFY(panel->confirmButton()->isEnabled());
            acted.clear();
            panel->confirmButton()->click();
            QVERIFY(acted.wait(10000));
            const QString verb = kind == SessionAction::Kind::Cancel ? QStringLiteral("cancel")
                                                                     : QStringLiteral("terminate");
            const QStringList results = acted.first().first().toStringList();
            QCOMPARE(results.size(), 1);
            QVERIFY2(results.first().startsWith(
                         QStringLiteral("%1 %2: refused by the server: must be a superuser")
                             .arg(verb)
                             .arg(pid))
                    && results.first().contains(QLatin1String("pg_signal_backend")),
                qPrintable(results.first()));
            QVERIFY2(panel->cardText().contains(results.first()), qPrintable(panel->cardText()));
            // Nothing was done, and the title does not say otherwise.
            QStringList titles;
            for (const QLabel *label : panel->findChildren<QLabel *>())
                titles << label->text();
            QVERIFY2(titles.contains(QStringLiteral("Refused (also in the audit log)")),
                qPrintable(titles.join(QLatin1Char('|'))));
        }
        QVERIFY(saveArtifact(page.grab(), QStringLiteral("activity-refused-unprivileged.png")));
    }
    // The session goes on sleeping.
    QCOMPARE(runAndWait(admin,
                 QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = %1 AND "
                                "wait_event = 'PgSleep'")
                     .arg(pid))
                 .results.value(0)
                 .text(0, 0),
        QStringLiteral("1"));
    psql.kill();
    psql.waitForFinished(5000);
    tusk::test::skipStallCount(); // the test's own psql, not the window's
    // The role owns nothing and was granted nothing: it goes at once.
    QVERIFY(runAndWait(admin, QStringLiteral("DROP ROLE %1").arg(role)).error.isNull());
}

QTEST_MAIN(TestReadOnlyRoleActivity)
#include "tst_readonlyroleactivity.moc"
