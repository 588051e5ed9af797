// Backfill benchmark: a 1,000,000-row table shaped like the demo's
// shop.order_items (resources/sql/demo/02_shop_tables.sql, the keys of
// 20_indexes_constraints.sql) in a scratch database of the throwaway
// cluster, a new column total_cents filled by BackfillRun
// (docs/backfill.md) while a writer on another session runs short
// single-row transactions on the same table back to back (an UPDATE of a
// random row, an INSERT, in turn) and times each. Prints the backfill's
// rows/s, total time and longest batch (the longest any row stayed locked
// by it), and the writer's p50 / p99 / max wait alone first, then during
// the backfill.
//
// Usage: bench_backfill [rows] [batch]   (needs TUSK_TEST_CLUSTER, like the tests)

#include "testsupport.h"

#include "core/migrations/backfill/backfillrun.h"
#include "core/pg/connection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <utility>

using namespace tusk::core;
using namespace tusk::test;

namespace {

const char *const setupSql = R"sql(
CREATE SCHEMA shop;
CREATE TABLE shop.order_items (
    id                bigint GENERATED ALWAYS AS IDENTITY,
    order_id          bigint NOT NULL,
    line_no           smallint NOT NULL,
    product_id        bigint NOT NULL,
    quantity          integer NOT NULL DEFAULT 1,
    unit_price_cents  integer NOT NULL,
    discount_cents    integer NOT NULL DEFAULT 0,
    CONSTRAINT order_items_quantity_positive CHECK (quantity > 0),
    CONSTRAINT order_items_unit_price_non_negative CHECK (unit_price_cents >= 0),
    CONSTRAINT order_items_discount_valid CHECK (discount_cents BETWEEN 0 AND quantity * unit_price_cents)
);
INSERT INTO shop.order_items (id, order_id, line_no, product_id, quantity, unit_price_cents, discount_cents)
OVERRIDING SYSTEM VALUE
SELECT i, (i - 1) / 5 + 1, (i - 1) % 5 + 1, 1 + (i * 7919) % 2000, 1 + i % 3,
       100 + (i * 31) % 5000, CASE WHEN i % 20 = 0 THEN 50 ELSE 0 END
FROM generate_series(1, %1::bigint) AS i;
SELECT setval(pg_get_serial_sequence('shop.order_items', 'id'), %1);
ALTER TABLE shop.order_items
    ADD CONSTRAINT order_items_pkey PRIMARY KEY (id),
    ADD CONSTRAINT order_items_order_id_line_no_key UNIQUE (order_id, line_no);
ALTER TABLE shop.order_items ADD COLUMN total_cents bigint;
)sql";

// Times short transactions one after another on its own session until
// stopped; the durations (ms) of those that ended are kept.
class Writer {
public:
    Writer(Connection &connection, int rows)
        : m_connection(connection)
        , m_rows(rows)
    {
    }
    void start()
    {
        m_running = true;
        next();
    }
    void stop() { m_running = false; }
    bool idle() const { return !m_busy; }
    QList<double> takeTimes() { return std::exchange(m_times, {}); }
    int errors() const { return m_errors; }

private:
    void next()
    {
        if (!m_running)
            return;
        m_busy = true;
        const bool insert = (m_count++ % 2) == 1;
        const QString sql = insert
            ? QStringLiteral("INSERT INTO shop.order_items (order_id, line_no, product_id, "
                             "unit_price_cents) VALUES ($1, 1, 1, 100)")
            : QStringLiteral(
                "UPDATE shop.order_items SET discount_cents = discount_cents WHERE id = $1");
        const qint64 value =
            insert ? 100'000'000 + m_count : 1 + QRandomGenerator::global()->bounded(m_rows);
        m_clock.start();
        m_connection.execute(
            sql, {value}, &m_connection, [this](const QList<Result> &, const PgError &error) {
                m_times.append(double(m_clock.nsecsElapsed()) / 1e6);
                if (!error.isNull())
                    ++m_errors;
                m_busy = false;
                next();
            });
    }

    Connection &m_connection;
    int m_rows;
    QElapsedTimer m_clock;
    QList<double> m_times;
    qint64 m_count = 0;
    int m_errors = 0;
    bool m_running = false;
    bool m_busy = false;
};

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype at = std::min(values.size() - 1, qsizetype(p * double(values.size())));
    return values.at(at);
}

void printWaits(const char *what, const QList<double> &times, int errors)
{
    std::printf("writer %s: %lld transactions, p50 %.2f ms, p99 %.2f ms, max %.1f ms, %d errors\n",
        what, qlonglong(times.size()), percentile(times, 0.50), percentile(times, 0.99),
        times.isEmpty() ? 0.0 : *std::max_element(times.begin(), times.end()), errors);
}

void waitMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int rows = args.size() > 1 ? args.at(1).toInt() : 1'000'000;
    const int batch = args.size() > 2 ? args.at(2).toInt() : 1000;
    if (clusterConnInfo().isEmpty()) {
        std::printf("%s\n", qPrintable(clusterMissingMessage()));
        return 1;
    }
    ScratchDatabase db(QStringLiteral("bench_backfill"));
    if (!db.isValid()) {
        std::printf("%s\n", qPrintable(db.error()));
        return 1;
    }
    Connection admin;
    if (!openAndWait(admin, db.connInfo()).isNull())
        return 1;
    QElapsedTimer clock;
    clock.start();
    const Reply setup =
        runAndWait(admin, QString::fromLatin1(setupSql).arg(rows), {}, 30 * 60 * 1000);
    // On its own: VACUUM refuses the implicit transaction of a script.
    const Reply vacuum = setup.error.isNull()
        ? runAndWait(admin, QStringLiteral("VACUUM ANALYZE shop.order_items"), {}, 30 * 60 * 1000)
        : setup;
    if (!vacuum.error.isNull()) {
        std::printf("setup failed: %s\n", qPrintable(vacuum.error.toString()));
        return 1;
    }
    std::printf("table shop.order_items: %d rows loaded, keyed and analysed in %.1f s\n", rows,
        double(clock.elapsed()) / 1000.0);

    Connection writerSession;
    if (!openAndWait(writerSession, db.connInfo()).isNull())
        return 1;
    Writer writer(writerSession, rows);
    writer.start();
    waitMs(3000);
    printWaits("alone (3 s)", writer.takeTimes(), writer.errors());

    BackfillSpec spec;
    spec.name = QStringLiteral("order_items_total_cents");
    spec.table = QStringLiteral("shop.order_items");
    spec.set = QStringLiteral("total_cents = quantity * unit_price_cents - discount_cents");
    spec.batchSize = batch;
    BackfillRun run;
    QEventLoop loop;
    PgError result;
    QObject::connect(&run, &BackfillRun::finished, &loop, [&](const PgError &error) {
        result = error;
        loop.quit();
    });
    QList<double> batchTimes;
    int longestAt = 0;
    QObject::connect(&run, &BackfillRun::progress, &loop, [&](const BackfillProgress &p) {
        if (p.state != BackfillProgress::State::Running || p.batches <= batchTimes.size())
            return;
        if (batchTimes.isEmpty()
            || double(p.lastBatchMs) > *std::max_element(batchTimes.begin(), batchTimes.end()))
            longestAt = p.batches;
        batchTimes.append(double(p.lastBatchMs));
    });
    clock.restart();
    run.start(db.connInfo(), spec, false);
    loop.exec();
    const double seconds = double(clock.elapsed()) / 1000.0;
    writer.stop();
    const QList<double> during = writer.takeTimes();
    while (!writer.idle())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    if (!result.isNull()) {
        std::printf("backfill failed: %s\n", qPrintable(result.toString()));
        return 1;
    }
    const BackfillProgress &p = run.currentProgress();
    std::printf("backfill (batch %d rows, walked by %s): %lld rows updated in %d batches, "
                "%.1f s, %.0f rows/s, longest batch %lld ms, %d retries\n",
        batch, qPrintable(run.spec().keyColumns.join(QLatin1Char(','))), p.rowsDone, p.batches,
        seconds, double(p.rowsDone) / seconds, p.longestBatchMs, p.retries);
    std::printf("batches: p50 %.0f ms, p99 %.0f ms, the longest was batch %d\n",
        percentile(batchTimes, 0.50), percentile(batchTimes, 0.99), longestAt);
    printWaits("during the backfill", during, writer.errors());
    const Reply left = runAndWait(admin,
        QStringLiteral("SELECT count(*) FROM shop.order_items WHERE id <= %1 "
                       "AND total_cents IS DISTINCT FROM quantity * unit_price_cents - "
                       "discount_cents")
            .arg(rows));
    const qint64 wrong = left.results.value(0).text(0, 0).toLongLong();
    std::printf("rows of the first %d left wrong: %lld\n", rows, wrong);
    return wrong == 0 ? 0 : 1;
}
