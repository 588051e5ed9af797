// Schema browser benchmark: a database of 10,000 tables (100,000 columns,
// 20,000 indexes) in the throwaway cluster, then
//   - the catalog snapshot load (CatalogSnapshotLoader, best and median of
//     5) on two sessions sharing an exported snapshot, as the browser and
//     the CLI read it, and on one session, with where the time went,
//   - the health checks over it,
//   - the tree model build (SchemaTreeModel::setSnapshot),
//   - the real browser: time to the tree, and the longest stretch its
//     GUI thread went without serving events while loading,
//   - filter keystrokes in the real browser (model + QTreeView, painted),
//   - resident memory growth of the browser holding the snapshot.
// Prints each figure; targets (issue 5): load ≤ 1.0 s, tree ≤ 100 ms,
// keystroke ≤ 16 ms, RSS growth ≤ 80 MB.
//
// Usage: bench_catalog [tables]   (needs TUSK_TEST_CLUSTER, like the tests)
//        bench_catalog CONNINFO   (an existing database, measured as it is)

#include "testsupport.h"

#include "core/catalog/catalogsnapshotloader.h"
#include "core/catalog/healthchecker.h"
#include "core/pg/connection.h"
#include "core/support/heaptrim.h"
#include "core/workspace/workspace.h"
#include "widgets/schema/schemapage.h"
#include "widgets/schema/schematreemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

namespace {
// Resident memory in MiB (/proc/self/status): anonymous pages (the heap,
// stacks) and pages of files (libraries, fonts) apart.
struct Resident {
    double anon = 0;
    double file = 0;
    double total() const { return anon + file; }
};
Resident resident()
{
    Resident r;
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return r;
    for (const QByteArray &line : status.readAll().split('\n')) {
        const double mib =
            line.mid(line.indexOf(':') + 1).trimmed().split(' ').first().toDouble() / 1024.0;
        if (line.startsWith("RssAnon:"))
            r.anon = mib;
        else if (line.startsWith("RssFile:") || line.startsWith("RssShmem:"))
            r.file += mib;
    }
    return r;
}

// Bytes the program holds on the heap (glibc's count), in MiB.
double liveHeapMiB()
{
#if defined(__GLIBC__)
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd) / 1048576.0;
#else
    return 0;
#endif
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

// The generated database, its catalog analyzed as autovacuum would.
bool generateAndAnalyze(Connection &c, int tables)
{
    QElapsedTimer timer;
    timer.start();
    if (!generate(c, tables))
        return false;
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
        return false;
    std::printf("generated: %s tables, %s columns, %s indexes in %.1f s (catalog analyzed)\n",
        qPrintable(counts.results.last().text(0, 0)), qPrintable(counts.results.last().text(0, 1)),
        qPrintable(counts.results.last().text(0, 2)), timer.elapsed() / 1000.0);

    return true;
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    configureHeap(); // as tusk's main() does

    QApplication app(argc, argv);
    // An argument that is a connection string measures that database as
    // it is (a real catalog, or a generated one kept between runs).
    const QString argument = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const bool existing =
        argument.contains(QLatin1Char('=')) || argument.contains(QLatin1String("://"));
    std::optional<ScratchDatabase> scratch;
    ConnInfo info;
    Connection c;
    if (existing) {
        QString error;
        info = ConnInfo::parse(argument, &error);
        if (!error.isEmpty() || !openAndWait(c, info).isNull()) {
            std::printf("cannot connect to %s %s\n", qPrintable(argument), qPrintable(error));
            return 1;
        }
        std::printf("measuring the existing database %s\n", qPrintable(info.database()));
    } else {
        const int tables = argument.isEmpty() ? 10000 : argument.toInt();
        if (clusterConnInfo().isEmpty()) {
            std::printf("%s\n", qPrintable(clusterMissingMessage()));
            return 1;
        }
        scratch.emplace(QStringLiteral("benchcatalog"));
        if (!scratch->isValid() || !openAndWait(c, scratch->connInfo()).isNull())
            return 1;
        info = scratch->connInfo();
        if (!generateAndAnalyze(c, tables))
            return 1;
    }

    QElapsedTimer timer;
    // The real browser: its own sessions, the tree painted offscreen.
    const Resident before = resident();
    const double heapBefore = liveHeapMiB();
    {
        // The browser's part of the workspace only: the window also reads the
        // schema facts and keywords at the same time (figures in
        // docs/performance.md), which is not what this measures.
        // TUSK_BENCH_ALL_READS=1 measures the window's whole workspace instead.
        Workspace workspace;
        if (!qEnvironmentVariableIsSet("TUSK_BENCH_ALL_READS"))
            workspace.setReads(Workspace::Read::Catalog);
        SchemaPage browser;
        browser.attach(&workspace, nullptr);
        browser.resize(1300, 800);
        browser.show();
        QCoreApplication::processEvents();
        const Resident empty = resident();
        const double heapEmptyBrowser = liveHeapMiB();
        QSignalSpy loaded(&browser, &SchemaPage::loaded);
        // A timer due every 2 ms: the gaps between its ticks are how long
        // the GUI thread was busy elsewhere (reading rows, building trees).
        QElapsedTimer sinceTick;
        qint64 longestStallNs = 0;
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            longestStallNs = std::max(longestStallNs, sinceTick.nsecsElapsed());
            sinceTick.restart();
        });
        timer.restart();
        sinceTick.start();
        ticker.start(2);
        workspace.setTarget(WorkspaceTarget::forConnection(info, QStringLiteral("bench")));
        while (loaded.isEmpty() && timer.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        const qint64 firstTree = timer.elapsed();
        while ((loaded.size() < 2 || browser.isLoading()) && timer.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        ticker.stop();
        std::printf("browser: tree up (connect + quick snapshot + checks + model) after %lld ms, "
                    "whole snapshot in after %lld ms; longest GUI-thread stall %.1f ms\n",
            firstTree, timer.elapsed(), double(longestStallNs) / 1e6);
        QTest::qWait(200);
        const Resident after = resident();
        std::printf("RSS: %.1f MiB before the browser, %.1f MiB with its window shown and "
                    "empty, %.1f MiB with the catalog: growth %.1f MiB (anonymous %+.1f MiB, "
                    "library and font pages %+.1f MiB)\n",
            before.total(), empty.total(), after.total(), after.total() - before.total(),
            after.anon - before.anon, after.file - before.file);
        std::printf("live heap of the browser: %.1f MiB (%.1f MiB before it connected)\n",
            liveHeapMiB() - heapBefore, heapEmptyBrowser - heapBefore);

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
    // The snapshot alone, five times each way: on two sessions sharing an
    // exported snapshot (what the browser and the CLI do), then on one.
    Connection second;
    if (!openAndWait(second, info).isNull())
        return 1;
    CatalogSnapshot snapshot;
    for (const bool shared : {true, false}) {
        for (const bool definitions : {false, true}) {
            QList<double> loads;
            QList<CatalogSnapshotLoader::KindTiming> timings;
            int sessions = 0;
            for (int run = 0; run < 5; ++run) {
                CatalogSnapshotLoader loader(&c);
                if (shared)
                    loader.setSecondConnection(&second);
                QSignalSpy loaded(&loader, &CatalogSnapshotLoader::loaded);
                CatalogSnapshotLoader::Options options;
                options.definitions = definitions;
                timer.restart();
                loader.load(options);
                while (loaded.isEmpty() && timer.elapsed() < 60000)
                    QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
                loads << double(timer.nsecsElapsed()) / 1e6;
                snapshot = loaded.first().first().value<CatalogSnapshot>();
                timings = loader.lastTimings();
                sessions = loader.lastSessionCount();
            }
            std::printf("snapshot load (%s, %d session%s): best %.0f ms, median %.0f ms (%lld "
                        "relations, %lld columns, %lld indexes, %lld constraints)\n",
                definitions ? "whole" : "quick", sessions, sessions > 1 ? "s" : "",
                *std::min_element(loads.cbegin(), loads.cend()), median(loads),
                qlonglong(snapshot.relations().size()), qlonglong(snapshot.columns().size()),
                qlonglong(snapshot.indexes().size()), qlonglong(snapshot.constraints().size()));
            std::printf("    last run, per kind (session: round trip + reading):");
            for (const CatalogSnapshotLoader::KindTiming &t : std::as_const(timings)) {
                if (t.roundTripMs >= 10)
                    std::printf(" %s %d: %.0f+%.0f ms;", qPrintable(t.kind), t.session,
                        t.roundTripMs, t.readMs);
            }
            std::printf("\n");
        }
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
        const int database = model.addDatabase(info.database());
        timer.restart();
        model.setSnapshot(database, snapshot, findings);
        builds << double(timer.nsecsElapsed()) / 1e6;
    }
    std::printf("tree model build: best %.1f ms, median %.1f ms\n",
        *std::min_element(builds.cbegin(), builds.cend()), median(builds));

    // What each part holds, as the heap counts it (bytes in use, freed
    // memory not included): taken away one by one.
    const double withAll = liveHeapMiB();
    double withModel = 0;
    {
        SchemaTreeModel model;
        model.setServer(QStringLiteral("bench"));
        model.setSnapshot(model.addDatabase(info.database()), snapshot, findings);
        withModel = liveHeapMiB();
    }
    findings.clear();
    const double withSnapshot = liveHeapMiB();
    snapshot = CatalogSnapshot();
    const double withNothing = liveHeapMiB();
    std::printf("live heap: whole snapshot %.1f MiB, its findings %.1f MiB, tree model %.1f MiB\n",
        withSnapshot - withNothing, withAll - withSnapshot, withModel - withAll);

    return 0;
}
