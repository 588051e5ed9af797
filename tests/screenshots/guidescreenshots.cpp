// The user guide's pictures (docs/guide/images), taken by driving the real
// window on the demo sandbox the way a user would: connect, browse, lint a
// migration, explain a query, try an index, watch a lock queue, open the
// rollout and the preferences. Run by `make screenshots` under Xvfb
// (docs/guide/take-screenshots.sh); `--lang de` takes the German picture.
//
//   guide_screenshots OUTDIR [--lang de]

#include "app/gui/translations.h"
#include "core/pg/connection.h"
#include "core/plan/explaincommand.h"
#include "core/profiles/profileregistry.h"
#include "core/profiles/sandboxprofile.h"
#include "core/sandbox/localserver.h"
#include "core/workspace/workspace.h"
#include "widgets/activity/activitypage.h"
#include "widgets/plan/planpage.h"
#include "widgets/plan/planviewer.h"
#include "widgets/schema/schemapage.h"
#include "widgets/shell/mainwindow.h"
#include "widgets/shell/preferencesdialog.h"
#include "widgets/sql/sqleditor.h"
#include "widgets/sql/sqleditortab.h"
#include "widgets/sql/sqlpage.h"

#include <QApplication>
#include <QDir>
#include <QProcess>
#include <QTabWidget>
#include <QTest>
#include <QTextStream>
#include <QToolButton>

using namespace tusk;
using widgets::MainWindow;

namespace {
QString outDir;
int failures = 0;

void say(const QString &text)
{
    QTextStream(stdout) << text << Qt::endl;
}

bool waitFor(const std::function<bool()> &ready, int ms, const QString &what)
{
    if (QTest::qWaitFor(ready, ms))
        return true;
    say(QStringLiteral("guide_screenshots: gave up waiting for %1").arg(what));
    ++failures;
    return false;
}

void save(QWidget *widget, const QString &name)
{
    QTest::qWait(400); // let the last paint land
    const QString path = QDir(outDir).filePath(name + QStringLiteral(".png"));
    if (widget->grab().save(path))
        say(QStringLiteral("wrote %1").arg(path));
    else {
        say(QStringLiteral("guide_screenshots: cannot write %1").arg(path));
        ++failures;
    }
}

// Sessions that make a lock queue on shop.inventory: one holds a lock and
// sits idle in its transaction, an ALTER waits for it, a read waits behind
// the ALTER. psql, as a user's own terminals would.
QList<QProcess *> startLockQueue(const QString &socketFolder, int port)
{
    const QStringList scripts = {
        QStringLiteral("BEGIN; UPDATE shop.inventory SET quantity_on_hand = quantity_on_hand "
                       "WHERE product_id = 1; SELECT pg_sleep(60);"),
        // Rolled back if it ever gets the lock: the demo keeps its shape.
        QStringLiteral("SELECT pg_sleep(1); BEGIN; SET LOCAL lock_timeout = '20s'; ALTER TABLE "
                       "shop.inventory ADD COLUMN guide_note text; ROLLBACK;"),
        QStringLiteral("SELECT pg_sleep(2); SELECT count(*) FROM shop.inventory;"),
    };
    QList<QProcess *> sessions;
    for (const QString &script : scripts) {
        auto *psql = new QProcess;
        psql->start(QStringLiteral("psql"),
            {QStringLiteral("-h"), socketFolder, QStringLiteral("-p"), QString::number(port),
                QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-d"),
                QStringLiteral("tusk_demo"), QStringLiteral("-c"), script});
        sessions << psql;
    }
    return sessions;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tusk"));
    QApplication::setOrganizationName(QStringLiteral("tusk"));
    const QStringList args = QApplication::arguments();
    outDir = args.value(1);
    const QString language = args.indexOf(QStringLiteral("--lang")) > 0
        ? args.value(args.indexOf(QStringLiteral("--lang")) + 1)
        : QString();
    if (outDir.isEmpty() || !QDir().mkpath(outDir)) {
        say(QStringLiteral("usage: guide_screenshots OUTDIR [--lang de]"));
        return 2;
    }
    app::Translations::install(&app, language);
    const std::optional<core::Profile> sandbox =
        core::SandboxProfile::find(core::LocalServer::defaultFolder());
    if (!sandbox) {
        say(QStringLiteral("guide_screenshots: no sandbox (run `tusk sandbox start`)"));
        return 1;
    }

    core::ProfileRegistry profiles(QDir::currentPath(), core::LocalServer::defaultFolder());
    MainWindow window(&profiles);
    window.resize(1400, 860);
    window.show();
    window.openProfile(*sandbox);
    if (!waitFor([&] { return window.connection()->state() == core::Connection::State::Ready; },
            30000, QStringLiteral("the connection")))
        return 1;

    auto *sql = qobject_cast<widgets::SqlPage *>(window.toolPage(MainWindow::Tool::Sql));
    window.showTool(MainWindow::Tool::Sql);
    widgets::SqlEditorTab *tab = sql->newTab();
    tab->editor()->setText(QStringLiteral(
        "-- Add an index for the order list by status, and a column with a default.\n"
        "CREATE INDEX orders_status_idx ON shop.orders (status);\n"
        "ALTER TABLE shop.orders ADD COLUMN source text DEFAULT 'web';\n"
        "ALTER TABLE shop.order_items ADD CONSTRAINT order_items_positive\n"
        "    CHECK (quantity > 0);\n"));
    waitFor([&] { return !tab->editor()->findings().isEmpty(); }, 10000, QStringLiteral("lint"));
    if (!language.isEmpty()) {
        save(&window, QStringLiteral("german"));
        return failures == 0 ? 0 : 1;
    }
    save(&window, QStringLiteral("overview"));
    save(&window, QStringLiteral("sql-editor"));

    window.showTool(MainWindow::Tool::Profiles);
    save(&window, QStringLiteral("profiles"));
    window.showTool(MainWindow::Tool::Schema);
    auto *schema = qobject_cast<widgets::SchemaPage *>(window.toolPage(MainWindow::Tool::Schema));
    waitFor([&] { return !schema->isLoading(); }, 20000, QStringLiteral("the catalog"));
    schema->showHealth(); // the checks the demo fails, with their fixes
    QTest::qWait(3000);
    save(&window, QStringLiteral("schema"));

    // Explain a query whose filter throws most rows away: own times,
    // insights, and Try an Index.
    window.showTool(MainWindow::Tool::Sql);
    widgets::SqlEditorTab *query = sql->newTab();
    query->editor()->setText(QStringLiteral(
        "SELECT id, total_cents FROM shop.orders WHERE currency = 'SEK' AND total_cents > 50000;"));
    core::ExplainOptions analyze;
    analyze.analyze = true;
    analyze.buffers = true;
    query->explainStatement(analyze);
    auto *plans = qobject_cast<widgets::PlanPage *>(window.toolPage(MainWindow::Tool::Plan));
    if (waitFor(
            [&] { return plans->currentViewer() != nullptr; }, 20000, QStringLiteral("a plan"))) {
        window.showTool(MainWindow::Tool::Plan);
        save(&window, QStringLiteral("plan-viewer"));
        widgets::PlanViewer *viewer = plans->currentViewer();
        if (viewer->tryIndexButton()->isEnabled()) {
            viewer->tryIndexButton()->click();
            if (waitFor([&] { return viewer->whatIfView() != nullptr; }, 30000,
                    QStringLiteral("the what-if comparison")))
                save(&window, QStringLiteral("plan-whatif"));
        } else {
            say(QStringLiteral("guide_screenshots: Try an Index is off: %1")
                    .arg(viewer->tryIndexButton()->toolTip()));
            ++failures;
        }
    }

    // A lock queue, seen from the Activity tool.
    const QList<QProcess *> sessions = startLockQueue(sandbox->host, sandbox->port);
    window.showTool(MainWindow::Tool::Activity);
    QTest::qWait(5000);
    for (QProcess *psql : sessions)
        if (psql->state() != QProcess::Running)
            say(QStringLiteral("guide_screenshots: a lock-queue session ended early: %1")
                    .arg(QString::fromUtf8(psql->readAllStandardError())));
    save(&window, QStringLiteral("activity"));
    // The waiting ALTER goes first, so it never runs; then the holder.
    QProcess stop;
    stop.start(QStringLiteral("psql"),
        {QStringLiteral("-h"), sandbox->host, QStringLiteral("-p"), QString::number(sandbox->port),
            QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-d"),
            QStringLiteral("tusk_demo"), QStringLiteral("-c"),
            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query "
                           "LIKE '%guide_note%' AND pid <> pg_backend_pid(); "
                           "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query "
                           "LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid();")});
    stop.waitForFinished(10000);
    for (QProcess *psql : sessions) {
        psql->waitForFinished(5000);
        delete psql;
    }

    window.showTool(MainWindow::Tool::Rollout);
    QTest::qWait(1500);
    save(&window, QStringLiteral("rollout"));

    widgets::PreferencesDialog *preferences = window.showPreferences();
    preferences->pages()->setCurrentIndex(2); // the lint rules
    save(preferences, QStringLiteral("preferences"));
    preferences->close();
    return failures == 0 ? 0 : 1;
}
