// The editor's "Table Sizes for Lint" setting end to end: the window is
// connected to a small local database, the migration's target (a profile
// named "prod") holds the same table with 20,000 rows. Linted against the
// local table the warning stays and says those sizes are not the target's;
// with the sizes taken from prod the note names prod's size.

#include "testsupport.h"

#include "core/lint/finding.h"
#include "core/profiles/profileregistry.h"
#include "core/workspace/workspace.h"
#include "widgets/shell/mainwindow.h"
#include "widgets/sql/lintsizesmenu.h"
#include "widgets/sql/sqleditor.h"
#include "widgets/sql/sqleditortab.h"
#include "widgets/sql/sqlpage.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace tusk;
using tusk::test::writeFile;

namespace {
QString indexNote(widgets::SqlEditorTab *tab)
{
    for (const core::Finding &f : tab->editor()->findings()) {
        if (f.rule == QLatin1String("require-concurrent-index-creation"))
            return core::severityName(f.severity) + QLatin1Char(' ') + f.note;
    }
    return {};
}
} // namespace

class TestLintSizes : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sizesFromTheTargetProfile();
    void cleanupTestCase();

private:
    std::unique_ptr<test::ScratchDatabase> m_local;
    std::unique_ptr<test::ScratchDatabase> m_prod;
    QString m_root;
};

void TestLintSizes::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(QStringLiteral("sql/lintSizesFrom"));
    QVERIFY2(!test::clusterConnInfo().isEmpty(), qPrintable(test::clusterMissingMessage()));
    m_local = std::make_unique<test::ScratchDatabase>(QStringLiteral("sizeslocal"));
    m_prod = std::make_unique<test::ScratchDatabase>(QStringLiteral("sizesprod"));
    QVERIFY(m_local->isValid() && m_prod->isValid());
    for (const auto *db : {m_local.get(), m_prod.get()}) {
        core::Connection c;
        QVERIFY(test::openAndWait(c, db->connInfo()).isNull());
        const int rows = db == m_prod.get() ? 20000 : 10;
        QVERIFY(test::runAndWait(c,
            QStringLiteral("CREATE TABLE orders (id bigint PRIMARY KEY, note text); "
                           "INSERT INTO orders SELECT g, 'x' FROM generate_series(1, %1) g; "
                           "ANALYZE orders")
                .arg(rows))
                    .error.isNull());
    }
    // The project's postgres.toml names prod by the fixture's socket.
    m_root = test::scratchFolder(QStringLiteral("lintsizes"));
    QVERIFY(QDir().mkpath(m_root + QStringLiteral("/.git")));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_root + QStringLiteral("/config")));
    const core::ConnInfo prod = m_prod->connInfo();
    QVERIFY(writeFile(m_root + QStringLiteral("/.skills/postgres/postgres.toml"),
        QStringLiteral("[configuration]\nschema_version = 1\n\n[database.prod]\nhost = \"%1\"\n"
                       "port = %2\ndatabase = \"%3\"\nuser = \"%4\"\n")
            .arg(prod.value(QStringLiteral("host")), prod.port(), prod.database(),
                prod.value(QStringLiteral("user")))
            .toUtf8()));
}

void TestLintSizes::sizesFromTheTargetProfile()
{
    core::ProfileRegistry profiles(m_root, m_root + QStringLiteral("/no-sandbox"));
    QVERIFY(profiles.find(QStringLiteral("prod")));
    widgets::MainWindow window(&profiles);
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.workspace()->setTarget(
        core::WorkspaceTarget::forConnection(m_local->connInfo(), QStringLiteral("local")));
    QTRY_VERIFY_WITH_TIMEOUT(window.workspace()->schemaFacts() != nullptr, 15000);

    window.showTool(widgets::MainWindow::Tool::Sql);
    auto *page = window.findChild<widgets::SqlPage *>();
    QVERIFY(page);
    widgets::SqlEditorTab *tab = page->currentTab() ? page->currentTab() : page->newTab();
    tab->editor()->setText(QStringLiteral("CREATE INDEX orders_note_idx ON orders (note);\n"));
    // Ten local rows: the warning stays, and says why it is not lowered.
    QTRY_VERIFY_WITH_TIMEOUT(
        indexNote(tab).contains(QLatin1String("not the target's sizes")), 10000);
    QVERIFY2(indexNote(tab).startsWith(QLatin1String("warning ")), qPrintable(indexNote(tab)));

    // The menu is among the SQL tool's actions; pick prod.
    auto *menu = window.findChild<widgets::LintSizesMenu *>();
    QVERIFY(menu);
    QVERIFY(page->toolActions().contains(menu->menuAction()));
    emit menu->aboutToShow();
    QAction *prodAction = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->text() == QLatin1String("prod"))
            prodAction = action;
    }
    QVERIFY(prodAction);
    prodAction->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->sizesSourceLabel(), QStringLiteral("prod"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(indexNote(tab).contains(QLatin1String("about 20000 rows")), 15000);
    QVERIFY2(
        !indexNote(tab).contains(QLatin1String("not the target's")), qPrintable(indexNote(tab)));
    QVERIFY2(indexNote(tab).startsWith(QLatin1String("warning ")), qPrintable(indexNote(tab)));
    QCOMPARE(
        QSettings().value(QStringLiteral("sql/lintSizesFrom")).toString(), QStringLiteral("prod"));
    QVERIFY(window.grab().save(test::artifactPath(QStringLiteral("lint-sizes.png"))));
}

void TestLintSizes::cleanupTestCase()
{
    QSettings().remove(QStringLiteral("sql/lintSizesFrom"));
}

QTEST_MAIN(TestLintSizes)
#include "tst_lintsizes.moc"
