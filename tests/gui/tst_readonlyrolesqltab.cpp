// The SQL tool's tab on sessions that may not write: a role with
// default_transaction_read_only = on, and a role with no privileges. A write
// and an EXPLAIN ANALYZE of a write end with the server's refusal in
// Messages (no plan, nothing claimed to have run, no transaction left
// behind); the tab goes on working. (The same through core and the command
// line: tst_readonlyrole.)

#include "testsupport.h"

#include "core/pg/queryrunner.h"
#include "widgets/results/resultspane.h"
#include "widgets/sql/sqleditor.h"
#include "widgets/sql/sqleditortab.h"

#include "core/plan/explaincommand.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

class TestReadOnlyRoleSqlTab : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void writeIsRefusedClearly();
    void explainAnalyzeOfAWriteIsRefusedClearly();
    void unprivilegedSelectSaysWhy();

private:
    std::unique_ptr<SqlEditorTab> tabAs(const QString &role);
    static bool runAndWait(SqlEditorTab &tab, const QString &text, bool explain = false);

    std::unique_ptr<ScratchDatabase> m_db;
    QString m_readOnly;
    QString m_unprivileged;
    QString m_plan;
};

void TestReadOnlyRoleSqlTab::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    const qint64 pid = QCoreApplication::applicationPid();
    m_readOnly = QStringLiteral("tusk_ro_tab_%1").arg(pid);
    m_unprivileged = QStringLiteral("tusk_noperm_tab_%1").arg(pid);
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("readonlyrolesqltab"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    Connection admin;
    QVERIFY(openAndWait(admin, m_db->connInfo()).isNull());
    const Reply reply = tusk::test::runAndWait(admin,
        QStringLiteral(
            "CREATE ROLE %1 LOGIN; ALTER ROLE %1 SET default_transaction_read_only = on; "
            "CREATE ROLE %2 LOGIN; "
            "CREATE TABLE public.items (id int PRIMARY KEY, name text); "
            "INSERT INTO public.items SELECT g, 'item ' || g FROM generate_series(1, "
            "500) g; "
            "REVOKE ALL ON SCHEMA public FROM PUBLIC; GRANT USAGE ON SCHEMA public TO "
            "%1; GRANT ALL ON public.items TO %1")
            .arg(m_readOnly, m_unprivileged));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
}

void TestReadOnlyRoleSqlTab::cleanupTestCase()
{
    m_db.reset(); // its grants would keep the roles
    Connection admin;
    if (openAndWait(admin, clusterConnInfo()).isNull())
        tusk::test::runAndWait(admin,
            QStringLiteral("DROP ROLE IF EXISTS %1; DROP ROLE IF EXISTS %2")
                .arg(m_readOnly, m_unprivileged));
}

std::unique_ptr<SqlEditorTab> TestReadOnlyRoleSqlTab::tabAs(const QString &role)
{
    ConnInfo info = m_db->connInfo();
    info.setValue(QStringLiteral("user"), role);
    auto tab = std::make_unique<SqlEditorTab>();
    tab->resize(1000, 600);
    tab->setTarget(info, role, false);
    tab->show();
    connect(
        tab.get(), &SqlEditorTab::explained, this, [this](const QString &plan) { m_plan = plan; });
    return tab;
}

bool TestReadOnlyRoleSqlTab::runAndWait(SqlEditorTab &tab, const QString &text, bool explain)
{
    tab.editor()->setText(text);
    tab.editor()->SendScintilla(QsciScintillaBase::SCI_GOTOPOS, 0);
    QSignalSpy finished(tab.queryRunner(), &QueryRunner::finished);
    ExplainOptions options;
    options.analyze = true;
    const bool started = explain ? tab.explainStatement(options) : tab.runStatement();
    return started && finished.wait(30000);
}

void TestReadOnlyRoleSqlTab::writeIsRefusedClearly()
{
    const auto tab = tabAs(m_readOnly);
    QVERIFY(runAndWait(*tab, QStringLiteral("INSERT INTO public.items VALUES (9001, 'new')")));
    const QString messages = tab->resultsPane()->messagesText();
    QVERIFY2(messages.contains(QLatin1String("Failed after"))
            && messages.contains(
                QLatin1String("ERROR 25006: cannot execute INSERT in a read-only transaction")),
        qPrintable(messages));
    QCOMPARE(tab->queryRunner()->transaction(), QueryRunner::Transaction::Idle);
    // Reading still works on the same tab.
    QVERIFY(runAndWait(*tab, QStringLiteral("SELECT count(*) FROM public.items")));
    QVERIFY2(
        !tab->resultsPane()->grids().isEmpty(), qPrintable(tab->resultsPane()->messagesText()));
}

void TestReadOnlyRoleSqlTab::explainAnalyzeOfAWriteIsRefusedClearly()
{
    const auto tab = tabAs(m_readOnly);
    m_plan.clear();
    QVERIFY(
        runAndWait(*tab, QStringLiteral("UPDATE public.items SET name = 'x' WHERE id = 1"), true));
    QVERIFY(m_plan.isEmpty());
    const QString messages = tab->resultsPane()->messagesText();
    QVERIFY2(messages.contains(
                 QLatin1String("ERROR 25006: cannot execute UPDATE in a read-only transaction")),
        qPrintable(messages));
    QVERIFY2(!messages.contains(QLatin1String("changes were undone")), qPrintable(messages));
    // The ROLLBACK of Tusk's BEGIN was sent after the failure: no failed
    // transaction is left for the user to clean up.
    QTRY_COMPARE_WITH_TIMEOUT(
        tab->queryRunner()->transaction(), QueryRunner::Transaction::Idle, 5000);
}

void TestReadOnlyRoleSqlTab::unprivilegedSelectSaysWhy()
{
    const auto tab = tabAs(m_unprivileged);
    QVERIFY(runAndWait(*tab, QStringLiteral("SELECT * FROM public.items")));
    const QString messages = tab->resultsPane()->messagesText();
    QVERIFY2(messages.contains(QLatin1String("ERROR 42501: permission denied for schema public")),
        qPrintable(messages));
    QVERIFY(runAndWait(*tab, QStringLiteral("SELECT current_user")));
    QVERIFY2(
        !tab->resultsPane()->grids().isEmpty(), qPrintable(tab->resultsPane()->messagesText()));
}

QTEST_MAIN(TestReadOnlyRoleSqlTab)
#include "tst_readonlyrolesqltab.moc"
