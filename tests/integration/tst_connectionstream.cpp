// Connection::stream against the throwaway cluster: rows in batches (a
// small first one, then big ones) in order, several statements in one
// text, rows before an error still delivered, a cancel in the middle of a
// long stream, and an empty result with its columns.

#include "testsupport.h"

#include "core/pg/connection.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

class TestConnectionStream : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void rowsComeInBatches();
    void severalStatementsInOneText();
    void rowsBeforeAnErrorArrive();
    void cancelStopsALongStream();
    void emptyResultKeepsItsColumns();

private:
    struct Streamed {
        QList<Result> batches; // rowsReady
        QList<Result> results; // resultReady
        PgError error;
        bool finished = false;
        qint64 firstRowsMs = -1;
    };
    Streamed stream(const QString &sql, Connection::StreamOptions options = {},
        std::function<void(Connection &)> afterFirstBatch = {});

    std::unique_ptr<ScratchDatabase> m_db;
    Connection m_connection;
};

void TestConnectionStream::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("stream"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    QVERIFY(openAndWait(m_connection, m_db->connInfo()).isNull());
}

TestConnectionStream::Streamed TestConnectionStream::stream(const QString &sql,
    Connection::StreamOptions options, std::function<void(Connection &)> afterFirstBatch)
{
    Streamed s;
    QElapsedTimer timer;
    timer.start();
    const quint64 id = m_connection.stream(sql, options);
    QMetaObject::Connection a = connect(
        &m_connection, &Connection::rowsReady, this, [&](quint64 request, const Result &rows) {
            if (request != id)
                return;
            if (s.firstRowsMs < 0)
                s.firstRowsMs = timer.elapsed();
            s.batches << rows;
            if (s.batches.size() == 1 && afterFirstBatch)
                afterFirstBatch(m_connection);
        });
    QMetaObject::Connection b = connect(
        &m_connection, &Connection::resultReady, this, [&](quint64 request, const Result &result) {
            if (request == id)
                s.results << result;
        });
    QMetaObject::Connection c = connect(&m_connection, &Connection::requestFinished, this,
        [&](quint64 request, const PgError &error) {
            if (request != id)
                return;
            s.error = error;
            s.finished = true;
        });
    for (int i = 0; i < 3000 && !s.finished; ++i)
        QTest::qWait(10);
    disconnect(a);
    disconnect(b);
    disconnect(c);
    return s;
}

void TestConnectionStream::rowsComeInBatches()
{
    const Streamed s =
        stream(QStringLiteral("SELECT g, md5(g::text) AS hash FROM generate_series(1, 25000) g"),
            {100, 10'000});
    QVERIFY(s.finished);
    QVERIFY2(s.error.isNull(), qPrintable(s.error.toString()));
    QCOMPARE(s.batches.size(), 3);
    QCOMPARE(s.batches.at(0).rowCount(), 100);
    QCOMPARE(s.batches.at(1).rowCount(), 10'000);
    QCOMPARE(s.batches.at(2).rowCount(), 10'000);
    QCOMPARE(s.results.size(), 1);
    const Result &rest = s.results.first();
    QCOMPARE(rest.rowCount(), 4900);
    QCOMPARE(rest.commandTag(), QStringLiteral("SELECT 25000"));
    QCOMPARE(rest.affectedRows(), 25000);
    QVERIFY(rest.hasRows());
    // In order, with their columns, across batches.
    int expected = 1;
    for (const Result &part : s.batches + s.results) {
        QCOMPARE(part.columnCount(), 2);
        QCOMPARE(part.column(1).name, QStringLiteral("hash"));
        QCOMPARE(part.column(0).typeOid, 23u);
        for (int r = 0; r < part.rowCount(); ++r, ++expected)
            QCOMPARE(part.text(r, 0), QString::number(expected));
    }
    QCOMPARE(expected, 25001);
}

void TestConnectionStream::severalStatementsInOneText()
{
    const Streamed s = stream(QStringLiteral("SELECT 1 AS one; CREATE TEMP TABLE t (a int); "
                                             "SELECT g FROM generate_series(1, 250) g"),
        {100, 1000});
    QVERIFY2(s.error.isNull(), qPrintable(s.error.toString()));
    // The first set fits under the first batch: it ends in resultReady.
    QCOMPARE(s.results.size(), 3);
    QCOMPARE(s.results.at(0).rowCount(), 1);
    QCOMPARE(s.results.at(0).column(0).name, QStringLiteral("one"));
    QCOMPARE(s.results.at(1).commandTag(), QStringLiteral("CREATE TABLE"));
    QVERIFY(!s.results.at(1).hasRows());
    // The third: 100 at once, then the 150 left with the tag.
    QCOMPARE(s.batches.size(), 1);
    QCOMPARE(s.batches.at(0).rowCount(), 100);
    QCOMPARE(s.batches.at(0).column(0).name, QStringLiteral("g"));
    QCOMPARE(s.results.at(2).rowCount(), 150);
    QCOMPARE(s.results.at(2).text(0, 0), QStringLiteral("101"));
}

void TestConnectionStream::rowsBeforeAnErrorArrive()
{
    const Streamed s = stream(QStringLiteral("SELECT CASE WHEN g < 5000 THEN g ELSE 1 / (g - 5000) "
                                             "END AS v FROM generate_series(1, 10000) g"),
        {100, 1000});
    QVERIFY(s.finished);
    QCOMPARE(s.error.sqlState, QStringLiteral("22012"));
    int rows = 0;
    for (const Result &batch : s.batches)
        rows += batch.rowCount();
    QCOMPARE(rows, 4999);
    QVERIFY(s.results.isEmpty());
    // The session goes on.
    QVERIFY(runAndWait(m_connection, QStringLiteral("SELECT 1")).error.isNull());
}

void TestConnectionStream::cancelStopsALongStream()
{
    QElapsedTimer timer;
    qint64 cancelledAt = 0;
    timer.start();
    // In the target list, generate_series streams; in FROM it would be
    // materialised whole before the first row.
    const Streamed s = stream(QStringLiteral("SELECT generate_series(1, 200000000) AS g"),
        {100, 10'000}, [&](Connection &c) {
            cancelledAt = timer.elapsed();
            c.cancel();
        });
    QVERIFY(s.finished);
    QVERIFY2(s.error.isCancellation(), qPrintable(s.error.toString()));
    QVERIFY2(cancelledAt < 5000, qPrintable(QString::number(cancelledAt)));
    QVERIFY2(timer.elapsed() - cancelledAt < 1000,
        qPrintable(QStringLiteral("%1 ms after the cancel").arg(timer.elapsed() - cancelledAt)));
    QVERIFY(runAndWait(m_connection, QStringLiteral("SELECT 1")).error.isNull());
}

void TestConnectionStream::emptyResultKeepsItsColumns()
{
    const Streamed s = stream(QStringLiteral("SELECT 1 AS a, 'x' AS b WHERE false"));
    QVERIFY2(s.error.isNull(), qPrintable(s.error.toString()));
    QVERIFY(s.batches.isEmpty());
    QCOMPARE(s.results.size(), 1);
    QCOMPARE(s.results.first().rowCount(), 0);
    QCOMPARE(s.results.first().columnCount(), 2);
    QVERIFY(s.results.first().hasRows());
    QCOMPARE(s.results.first().commandTag(), QStringLiteral("SELECT 0"));
}

QTEST_GUILESS_MAIN(TestConnectionStream)
#include "tst_connectionstream.moc"
