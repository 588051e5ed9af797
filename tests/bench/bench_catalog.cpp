// Schema browser benchmark: a database of 10,000 tables (100,000 columns,
// 20,000 indexes) in the throwaway cluster, then
//   - the catalog snapshot load (CatalogSnapshotLoader, best and median of 5),
//   - the health checks over it,
//   - the tree model build (SchemaTreeModel::setSnapshot),
//   - filter keystrokes in the real browser (model + QTreeView, painted),
//   - resident memory growth of the browser holding the snapshot.
// Prints each figure; targets (issue 5): load ≤ 1.0 s, tree ≤ 100 ms,
// keystroke ≤ 16 ms, RSS growth ≤ 80 MB.
//
// Usage: bench_catalog [tables]   (needs TUSK_TEST_CLUSTER, like the tests)

#include "testsupport.h"

#include "browser/schemabrowser.h"
#include "browser/schematreemodel.h"
#include "catalog/catalogsnapshotloader.h"
#include "catalog/healthchecker.h"
#include "pg/connection.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <cstdio>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

namespace {
double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// Ten schemas; each table has an id key, a foreign key to the table
// before it (every 4th), eight more columns and one more index.
bool generate(Connection &c, int tables)
{
    const int perBatch = 250; // stays below max_locks_per_transaction
    for (int schema = 0; schema < 10; ++schema) {
        if (!runAndWait(c, QStringLiteral("CREATE SCHEMA bench_%1").arg(schema)).error.isNull())
            return false;
    }
    for (int first = 0; first < tables; first += perBatch) {
        const QString sql = QStringLiteral(R"sql(
DO $$
DECLARE i int; s text;
BEGIN
  FOR i IN %1..%2 LOOP
    s := 'bench_' || (i % 10);
    EXECUTE format('CREATE TABLE %I.t%s (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        parent_id bigint, name text NOT NULL, email text, amount numeric(12,2) DEFAULT 0,
        status text DEFAULT ''new'', created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz, payload jsonb, flags integer NOT NULL DEFAULT 0)', s, i);
    EXECUTE format('CREATE INDEX t%s_created_at_idx ON %I.t%s (created_at)', i, s, i);
    IF i % 4 = 1 THEN
      EXECUTE format('ALTER TABLE %I.t%s ADD CONSTRAINT t%s_parent_fkey FOREIGN KEY (parent_id)
          REFERENCES %I.t%s (id)', s, i, i, 'bench_' || ((i - 1) % 10), i - 1);
    END IF;
  END LOOP;
END $$)sql")
                                .arg(first)
                                .arg(std::min(first + perBatch, tables) - 1);
        const Reply reply = runAndWait(c, sql, {}, 600000);
        if (!reply.error.isNull()) {
            std::printf("generate: %s\n", qPrintable(reply.error.toString()));
            return false;
        }
    }
    return true;
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int tables = argc > 1 ? std::atoi(argv[1]) : 10000;
    if (clusterConnInfo().isEmpty()) {
        std::printf("%s\n", qPrintable(clusterMissingMessage()));
        return 1;
    }
    ScratchDatabase db(QStringLiteral("benchcatalog"));
    Connection c;
    if (!db.isValid() || !openAndWait(c, db.connInfo()).isNull())
        return 1;
    QElapsedTimer timer;
    timer.start();
    if (!generate(c, tables))
        return 1;
    const Reply counts = runAndWait(c,
        QStringLiteral("SELECT (SELECT count(*) FROM pg_class WHERE relkind = 'r' AND "
                       "relnamespace::regnamespace::text LIKE 'bench%'),"
                       " (SELECT count(*) FROM pg_attribute a JOIN pg_class r ON r.oid = "
                       "a.attrelid WHERE r.relkind = 'r'"
                       "  AND r.relnamespace::regnamespace::text LIKE 'bench%' AND a.attnum > 0),"
                       " (SELECT count(*) FROM pg_index x JOIN pg_class r ON r.oid = x.indrelid"
                       "  WHERE r.relnamespace::regnamespace::text LIKE 'bench%')"));
    // What autovacuum does to a catalog that grew by 50,000 rows, so the
    // planner does not plan the catalog queries for the empty one.
    const Reply analyzed = runAndWait(c,
        QStringLiteral(
            "VACUUM ANALYZE pg_class, pg_attribute, pg_attrdef, pg_index, pg_constraint, "
            "pg_depend, "
            "pg_type, pg_description, pg_inherits, pg_sequence, pg_namespace, pg_proc, pg_trigger"),
        {}, 600000);
    if (!analyzed.error.isNull())
        return 1;
    std::printf("generated: %s tables, %s columns, %s indexes in %.1f s (catalog analyzed)\n",
        qPrintable(counts.results.last().text(0, 0)), qPrintable(counts.results.last().text(0, 1)),
        qPrintable(counts.results.last().text(0, 2)), timer.elapsed() / 1000.0);

    // The real browser: its own sessions, the tree painted offscreen.
    const double before = residentMiB();
    {
        SchemaBrowser browser;
        browser.resize(1300, 800);
        browser.show();
        QSignalSpy loaded(&browser, &SchemaBrowser::loaded);
        timer.restart();
        browser.setConnection(db.connInfo(), QStringLiteral("bench"));
        while (loaded.isEmpty() && timer.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        const qint64 firstTree = timer.elapsed();
        while ((loaded.size() < 2 || browser.isLoading()) && timer.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        std::printf("browser: tree up (connect + quick snapshot + checks + model) after %lld ms, "
                    "whole snapshot in after %lld ms\n",
            firstTree, timer.elapsed());
        QTest::qWait(200);
        const double after = residentMiB();
        std::printf("RSS: %.1f MiB before the browser, %.1f MiB with it: growth %.1f MiB\n", before,
            after, after - before);

        // Typing "t123_created" one key at a time, then erasing it: each
        // keystroke filters, resets the view and paints it.
        const QString typed = QStringLiteral("t123_created");
        QList<double> keys;
        QString text;
        auto keystroke = [&](const QString &next) {
            timer.restart();
            browser.setFilterText(next);
            browser.tree()->viewport()->repaint();
            keys << double(timer.nsecsElapsed()) / 1e6;
        };
        for (const QChar ch : typed)
            keystroke(text += ch);
        while (!text.isEmpty()) {
            text.chop(1);
            keystroke(text);
        }
        std::sort(keys.begin(), keys.end());
        std::printf("filter keystroke (%lld keys, typed and erased): median %.1f ms, max %.1f ms\n",
            qlonglong(keys.size()), median(keys), keys.last());
    }
    // The snapshot alone, five times each way on one session.
    CatalogSnapshot snapshot;
    for (const bool definitions : {false, true}) {
        QList<double> loads;
        for (int run = 0; run < 5; ++run) {
            CatalogSnapshotLoader loader(&c);
            QSignalSpy loaded(&loader, &CatalogSnapshotLoader::loaded);
            CatalogSnapshotLoader::Options options;
            options.definitions = definitions;
            timer.restart();
            loader.load(options);
            while (loaded.isEmpty() && timer.elapsed() < 60000)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
            loads << double(timer.nsecsElapsed()) / 1e6;
            snapshot = loaded.first().first().value<CatalogSnapshot>();
        }
        std::printf("snapshot load (%s): best %.0f ms, median %.0f ms (%lld relations, %lld "
                    "columns, %lld indexes, %lld constraints)\n",
            definitions ? "whole" : "quick", *std::min_element(loads.cbegin(), loads.cend()),
            median(loads), qlonglong(snapshot.relations().size()),
            qlonglong(snapshot.columns().size()), qlonglong(snapshot.indexes().size()),
            qlonglong(snapshot.constraints().size()));
    }

    QList<double> checks;
    QList<HealthFinding> findings;
    for (int run = 0; run < 5; ++run) {
        timer.restart();
        findings = HealthChecker::run(snapshot);
        checks << double(timer.nsecsElapsed()) / 1e6;
    }
    std::printf("health checks: median %.1f ms (%lld findings)\n", median(checks),
        qlonglong(findings.size()));

    QList<double> builds;
    for (int run = 0; run < 5; ++run) {
        SchemaTreeModel model;
        model.setServer(QStringLiteral("bench"));
        const int database = model.addDatabase(db.name());
        timer.restart();
        model.setSnapshot(database, snapshot, findings);
        builds << double(timer.nsecsElapsed()) / 1e6;
    }
    std::printf("tree model build: best %.1f ms, median %.1f ms\n",
        *std::min_element(builds.cbegin(), builds.cend()), median(builds));

    return 0;
}
