// The rollout wizard walked as a reviewer walks it, against a database of
// the throwaway cluster: the plan of the pending file as a timeline; Next
// closed until the step's gate holds, with the reason; a staging target
// asks inline before DDL; run, gate, next; a dry run on a scratch database
// marks every step; a backfill step runs in batches with its progress; a
// rollback; the sheet exported and signed off. Screenshots for people.

#include "testsupport.h"

#include "core/pg/connection.h"
#include "core/sandbox/demodatabase.h"
#include "core/workspace/workspace.h"
#include "widgets/rollout/rolloutwizard.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

namespace {
const char *const fixture = R"sql(
CREATE SCHEMA shop;
CREATE TABLE shop.customers (id bigint PRIMARY KEY, name text);
CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer_id bigint, note text);
INSERT INTO shop.customers SELECT g, 'c' || g FROM generate_series(1, 100) g;
INSERT INTO shop.orders SELECT g, 1 + g % 100, 'n' || g FROM generate_series(1, 5000) g;
ANALYZE;
)sql";

// Six steps: add, index (concurrently), a backfill, FK NOT VALID, VALIDATE,
// and the drop of Tusk's bookkeeping schema.
const char *const pending = R"sql(ALTER TABLE shop.orders ADD COLUMN tracking_code text;
CREATE INDEX orders_customer_idx ON shop.orders (customer_id);
UPDATE shop.orders SET tracking_code = 'T-' || id WHERE tracking_code IS NULL;
ALTER TABLE shop.orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)
    REFERENCES shop.customers (id);
)sql";
} // namespace

class TestRolloutWizard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void walkTheRollout();
    void walkTheDemo();

private:
    bool waitIdle(int timeoutMs = 60000);
    QPushButton *button(const QString &text) const;
    void shot(const QString &name);

    std::unique_ptr<ScratchDatabase> m_db;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<RolloutWizard> m_wizard;
    QString m_folder;
};

void TestRolloutWizard::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("rolloutwizard"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    Connection setup;
    QVERIFY(openAndWait(setup, m_db->connInfo()).isNull());
    const Reply reply = runAndWait(setup, QString::fromUtf8(fixture));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
    m_folder = scratchFolder(QStringLiteral("rolloutwizard")) + QStringLiteral("/migrations");
    QVERIFY(writeFile(m_folder + QStringLiteral("/prerelease.sql"), pending));
    QVERIFY(writeFile(m_folder + QStringLiteral("/CHANGELOG.md"), "# Changelog\n"));
}

bool TestRolloutWizard::waitIdle(int timeoutMs)
{
    RolloutSession *session = m_wizard->session();
    for (int waited = 0; session->isBusy() && waited < timeoutMs; waited += 20)
        QTest::qWait(20);
    return !session->isBusy();
}

QPushButton *TestRolloutWizard::button(const QString &text) const
{
    for (QPushButton *b : m_wizard->findChildren<QPushButton *>()) {
        if (b->text().startsWith(text))
            return b;
    }
    return nullptr;
}

void TestRolloutWizard::shot(const QString &name)
{
    QVERIFY(saveArtifact(m_wizard->grab(), name));
}

void TestRolloutWizard::walkTheRollout()
{
    m_workspace = std::make_unique<Workspace>();
    Profile profile;
    profile.name = QStringLiteral("staging");
    m_wizard = std::make_unique<RolloutWizard>();
    m_wizard->resize(1300, 760);
    m_wizard->setWorkspace(m_workspace.get());
    m_wizard->setScratchServer(clusterConnInfo());
    m_workspace->setTarget(WorkspaceTarget::forProfile(profile, m_db->connInfo(), m_folder));
    // catalogChanged() comes first for the reset, then with the snapshot.
    for (int i = 0; i < 750 && m_workspace->catalog().isNull(); ++i)
        QTest::qWait(20);
    QVERIFY(!m_workspace->catalog().isNull());
    QSignalSpy planned(m_wizard.get(), &RolloutWizard::planned);
    m_wizard->setFolder(m_folder);
    QVERIFY(planned.wait(10000));
    m_wizard->show();
    RolloutSession *session = m_wizard->session();
    QCOMPARE(session->stepCount(), 6);
    auto *timeline = m_wizard->findChild<QListWidget *>(QStringLiteral("rolloutTimeline"));
    auto *blocked = m_wizard->findChild<QLabel *>(QStringLiteral("rolloutBlocked"));
    auto *details = m_wizard->findChild<QTextBrowser *>(QStringLiteral("rolloutStepDetails"));
    QCOMPARE(timeline->count(), 6);
    QVERIFY(timeline->item(1)->text().contains(QLatin1String("CREATE INDEX CONCURRENTLY")));
    QVERIFY(details->toPlainText().contains(QLatin1String("ACCESS EXCLUSIVE on shop.orders")));

    // Next is closed until the step's gate holds, and says why.
    QPushButton *next = button(QStringLiteral("Next Step"));
    QVERIFY(next && !next->isEnabled());
    QVERIFY2(blocked->text().contains(QLatin1String("Step 1 has not passed its gate")),
        qPrintable(blocked->text()));
    shot(QStringLiteral("rollout-wizard-plan.png"));

    // The dry run first: every step proven on a scratch database of the
    // target's schema (the application has no step here; nothing is ⚠ but
    // the backfill, a data change that keeps no old values).
    m_wizard->dryRun();
    QVERIFY(waitIdle(120000));
    QVERIFY(session->dryRunReport().has_value());
    QVERIFY2(session->dryRunReport()->passed(), qPrintable(session->dryRunReport()->text()));
    QStringList marks;
    for (int i = 0; i < session->stepCount(); ++i) {
        QVERIFY2(session->status(i).dryRun.has_value(),
            qPrintable(QString::number(i) + session->dryRunReport()->text()));
        marks << session->status(i).dryRun->mark();
    }
    QCOMPARE(marks.join(QString()), QStringLiteral("✓✓⚠✓✓⚠"));
    QVERIFY(timeline->item(0)->text().startsWith(QStringLiteral("○ [✓]")));
    m_wizard->selectStep(2);
    QVERIFY(details->toPlainText().contains(QStringLiteral("Dry run: ⚠ no rollback")));
    // Timed on the scratch's rows, scaled to the target's (the same here).
    QVERIFY2(
        details->toPlainText().contains(QLatin1String("on the target (5000 rows of shop.orders)")),
        qPrintable(details->toPlainText()));
    shot(QStringLiteral("rollout-wizard-dryrun.png"));
    m_wizard->selectStep(0);

    // A staging profile approves DDL: the wizard asks inline, then runs.
    QPushButton *run = button(QStringLiteral("Run on staging"));
    QVERIFY(run && run->isEnabled());
    run->click();
    auto *confirm = m_wizard->findChild<QLabel *>(QStringLiteral("rolloutConfirmRun"));
    QVERIFY(confirm->isVisible());
    QVERIFY2(confirm->text().contains(QLatin1String("ADD COLUMN")), qPrintable(confirm->text()));
    shot(QStringLiteral("rollout-wizard-confirm.png"));
    // The yes is for that step: another selected, the question goes.
    m_wizard->selectStep(3);
    QVERIFY(!confirm->isVisible());
    m_wizard->selectStep(0);
    run->click();
    QVERIFY(confirm->isVisible());
    m_wizard->confirmRun();
    QVERIFY(waitIdle());
    QCOMPARE(session->status(0).state, RolloutSession::State::GateHolds);
    QVERIFY(timeline->item(0)->text().startsWith(QStringLiteral("✓")));
    QVERIFY(next->isEnabled());
    QVERIFY(blocked->text().isEmpty());
    next->click();
    QCOMPARE(m_wizard->selectedStep(), 1);

    // Step 2 (the index, outside a transaction): run, gate, on.
    m_wizard->confirmRun();
    QVERIFY(waitIdle());
    QCOMPARE(session->status(1).state, RolloutSession::State::GateHolds);
    QVERIFY(session->status(1).gate.first().startsWith(QStringLiteral("✓ index")));
    // Rolled back, the gate no longer holds: Next closes again.
    m_wizard->rollBack();
    QVERIFY(waitIdle());
    QCOMPARE(session->status(1).state, RolloutSession::State::RolledBack);
    QVERIFY(!next->isEnabled());
    m_wizard->checkGate();
    QVERIFY(waitIdle());
    QCOMPARE(session->status(1).state, RolloutSession::State::GateFails);
    QVERIFY2(blocked->text().contains(QStringLiteral("Step 2's gate does not hold: ✗")),
        qPrintable(blocked->text()));
    m_wizard->confirmRun();
    QVERIFY(waitIdle());
    next->click();

    // Step 3, the backfill: in batches, with its progress, then its gate.
    QVERIFY(session->step(2).backfill.has_value());
    m_wizard->confirmRun();
    QVERIFY2(waitIdle(),
        qPrintable(session->status(2).message + QStringLiteral(" / ")
            + (session->status(2).backfill ? session->status(2).backfill->status
                                           : QStringLiteral("no progress"))));
    QCOMPARE(session->status(2).state, RolloutSession::State::GateHolds);
    QVERIFY(session->status(2).backfill.has_value());
    QCOMPARE(session->status(2).backfill->rowsDone, 5000);
    shot(QStringLiteral("rollout-wizard-backfill.png"));
    Connection check;
    QVERIFY(openAndWait(check, m_db->connInfo()).isNull());
    const Reply left = runAndWait(
        check, QStringLiteral("SELECT count(*) FROM shop.orders WHERE tracking_code IS NULL"));
    QCOMPARE(left.results.first().value(0, 0).toString(), QStringLiteral("0"));

    // The sheet, exported and signed off.
    const QString sheet = m_wizard->sheetMarkdown();
    QVERIFY(sheet.contains(QLatin1String("# Rollout review sheet")));
    QVERIFY(sheet.contains(QLatin1String("- **Dry run**: ")));
    QSignalSpy message(m_wizard.get(), &RolloutWizard::message);
    m_wizard->exportSheet(QFileInfo(m_folder).dir().filePath(QStringLiteral("sheet.pdf")));
    QVERIFY(message.wait(10000));
    QVERIFY(readFile(QFileInfo(m_folder).dir().filePath(QStringLiteral("sheet.pdf")))
                .startsWith("%PDF-"));
    m_wizard->findChild<QLineEdit *>(QStringLiteral("rolloutReviewer"))
        ->setText(QStringLiteral("Rita Reviewer"));
    m_wizard->signOff();
    QVERIFY(message.wait(10000));
    QVERIFY(readFile(m_folder + QStringLiteral("/CHANGELOG.md"))
                .contains("Rollout signed off by Rita Reviewer"));
    QVERIFY(m_wizard->sheetMarkdown().contains(QLatin1String("Signed off by **Rita Reviewer**")));
}

// The demo's own pending migration (resources/sql/demo-migrations) on a
// copy of the demo database: 18 steps; the dry run proves them but the
// ones that say why they cannot be (⚠, ·) and one real failure it finds:
// the price backfill meets a NOT VALID check that demo rows break.
void TestRolloutWizard::walkTheDemo()
{
    DemoDatabase demo(clusterConnInfo());
    QSignalSpy built(&demo, &DemoDatabase::finished);
    QSignalSpy failed(&demo, &DemoDatabase::failed);
    demo.create();
    for (int i = 0; i < 300 && built.isEmpty() && failed.isEmpty(); ++i)
        built.wait(1000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<PgError>().toString()));
    QVERIFY(!built.isEmpty());
    Connection admin;
    QVERIFY(openAndWait(admin, clusterConnInfo()).isNull());
    QVERIFY(runAndWait(admin, QStringLiteral("DROP DATABASE IF EXISTS rollout_demo WITH (FORCE)"))
                .error.isNull());
    QVERIFY(runAndWait(admin, QStringLiteral("CREATE DATABASE rollout_demo TEMPLATE tusk_demo"))
                .error.isNull());
    const QString folder =
        scratchFolder(QStringLiteral("rolloutdemo")) + QStringLiteral("/migrations");
    for (const QString &name : {QStringLiteral("prerelease.sql"), QStringLiteral("CHANGELOG.md")})
        QVERIFY(writeFile(folder + QLatin1Char('/') + name,
            readFile(QStringLiteral(TUSK_DEMO_MIGRATIONS "/") + name)));

    Workspace workspace;
    m_wizard = std::make_unique<RolloutWizard>();
    m_wizard->resize(1300, 760);
    m_wizard->setWorkspace(&workspace);
    m_wizard->setScratchServer(clusterConnInfo());
    workspace.setTarget(WorkspaceTarget::forConnection(
        clusterConnInfo(QStringLiteral("rollout_demo")), QStringLiteral("demo copy")));
    for (int i = 0; i < 750 && workspace.catalog().isNull(); ++i)
        QTest::qWait(20);
    QVERIFY(!workspace.catalog().isNull());
    QSignalSpy planned(m_wizard.get(), &RolloutWizard::planned);
    m_wizard->setFolder(folder);
    QVERIFY(planned.wait(10000));
    m_wizard->show();
    RolloutSession *session = m_wizard->session();
    // With the catalog, the type change is a recipe too: 18 steps.
    QCOMPARE(session->stepCount(), 19);
    m_wizard->dryRun();
    QVERIFY(waitIdle(180000));
    const DryRunReport report = *session->dryRunReport();
    QStringList marks;
    for (const DryRunStep &step : report.steps)
        marks << step.mark();
    QCOMPARE(marks.join(QString()), QStringLiteral("✓✓✓✓✓✓✓✓✓✓✓✓✗·⚠✓✓⚠⚠"));
    QVERIFY2(report.steps.at(12).explanation.contains(QLatin1String("NOT VALID")),
        qPrintable(report.steps.at(12).explanation));
    for (const DryRunStep &step : report.steps) {
        if (step.outcome != DryRunStep::Outcome::Proven)
            QVERIFY2(!step.explanation.isEmpty(), qPrintable(QString::number(step.number)));
    }
    m_wizard->selectStep(12);
    shot(QStringLiteral("rollout-wizard-demo.png"));
    // The first two steps on the copy: no question for a bare connection.
    m_wizard->selectStep(0);
    m_wizard->runSelected();
    QVERIFY(waitIdle());
    QCOMPARE(session->status(0).state, RolloutSession::State::GateHolds);
    m_wizard->next();
    m_wizard->runSelected();
    QVERIFY(waitIdle());
    QCOMPARE(session->status(1).state, RolloutSession::State::GateHolds);
    shot(QStringLiteral("rollout-wizard-demo-run.png"));
    m_wizard.reset();
    QVERIFY(runAndWait(admin, QStringLiteral("DROP DATABASE rollout_demo WITH (FORCE)"))
                .error.isNull());
}

QTEST_MAIN(TestRolloutWizard)
#include "tst_rolloutwizard.moc"
