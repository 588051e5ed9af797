// `tusk explain` as a script sees it, against a scratch database of the
// throwaway cluster: text and JSON reports, a file holding the statement,
// ANALYZE of a DELETE rolled back (the rows are all still there), the
// server's refusal as exit 1 with its message, and exit 2 for usage, an
// unreadable file and no server.

#include "testsupport.h"

#include "core/pg/connection.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

namespace {
const char *const fixture = R"sql(
CREATE TABLE events (id int PRIMARY KEY, kind text NOT NULL, payload text);
INSERT INTO events SELECT g, CASE WHEN g % 100 = 0 THEN 'rare' ELSE 'common' END, 'p' || g
FROM generate_series(1, 20000) g;
ANALYZE events;
)sql";
} // namespace

class TestExplainCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void helpListsTheCommand();
    void textReport();
    void jsonReport();
    void statementFromAFile();
    void analyzeOfADeleteIsRolledBack();
    void refusedStatementIsExitOne();
    void usageAndConnectionAreExitTwo();
    void svgPicture();

private:
    QString url() const { return m_db->connInfo().toUrl(); }
    qint64 rowCount();
    std::unique_ptr<ScratchDatabase> m_db;
};

void TestExplainCli::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("explaincli"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    const Reply reply = runAndWait(c, QString::fromUtf8(fixture));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
}

qint64 TestExplainCli::rowCount()
{
    Connection c;
    if (!openAndWait(c, m_db->connInfo()).isNull())
        return -1;
    const Reply reply = runAndWait(c, QStringLiteral("SELECT count(*) FROM events"));
    return reply.error.isNull() ? reply.results.value(0).text(0, 0).toLongLong() : -1;
}

void TestExplainCli::helpListsTheCommand()
{
    QString output;
    QCOMPARE(runTusk({"--help"}, QString(), &output), 0);
    QVERIFY2(output.contains(QLatin1String("  explain ")), qPrintable(output));
    QCOMPARE(runTusk({"explain", "--help"}, QString(), &output), 0);
    QVERIFY2(
        output.contains(QLatin1String("1 the server refused the statement")), qPrintable(output));
    QVERIFY(output.contains(QLatin1String("--analyze")));
}

void TestExplainCli::textReport()
{
    QString output;
    QCOMPARE(
        runTusk({"explain", "--db", url(), "SELECT * FROM events WHERE kind = 'rare'", "--analyze"},
            QString(), &output),
        0);
    // The report of `tusk plan`: the tree with own times, and the insight
    // the filter earns (99 % of the rows read are thrown away).
    QVERIFY2(output.contains(QLatin1String("Seq Scan on events")), qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("removed by the filter")), qPrintable(output));
    // A SELECT is not wrapped in a transaction, so there is no note.
    QVERIFY2(!output.contains(QLatin1String("ROLLBACK")), qPrintable(output));
}

void TestExplainCli::jsonReport()
{
    QString output;
    QCOMPARE(runTusk({"explain", "--db", url(), "--format", "json",
                         "SELECT kind, count(*) FROM events GROUP BY kind"},
                 QString(), &output),
        0);
    QJsonParseError error;
    const QJsonObject doc = QJsonDocument::fromJson(output.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(output));
    QCOMPARE(doc.value(QLatin1String("analyzed")).toBool(true), false);
    const QJsonArray nodes = doc.value(QLatin1String("nodes")).toArray();
    QVERIFY(nodes.size() >= 2);
    QStringList types;
    for (const QJsonValue &n : nodes)
        types << n[QLatin1String("node_type")].toString();
    QVERIFY2(types.contains(QLatin1String("Seq Scan")), qPrintable(types.join(u',')));
}

void TestExplainCli::statementFromAFile()
{
    const QString folder = scratchFolder(QStringLiteral("explaincli"));
    QVERIFY(writeFile(folder + QStringLiteral("/query.sql"),
        "-- the report's query\nSELECT id FROM events\n WHERE id < 10;\n"));
    QString output;
    QCOMPARE(runTusk({"explain", "--db", url(), "query.sql"}, folder, &output), 0);
    QVERIFY2(output.contains(QLatin1String("events")), qPrintable(output));
    // Two statements are one too many: which one would be explained?
    QVERIFY(writeFile(folder + QStringLiteral("/two.sql"), "SELECT 1;\nSELECT 2;\n"));
    QCOMPARE(runTusk({"explain", "--db", url(), "two.sql"}, folder, &output), 2);
    QVERIFY2(output.contains(QLatin1String("give one statement")), qPrintable(output));
}

void TestExplainCli::analyzeOfADeleteIsRolledBack()
{
    QCOMPARE(rowCount(), 20000);
    QString output;
    QCOMPARE(runTusk({"explain", "--db", url(), "--analyze", "--buffers",
                         "DELETE FROM events WHERE kind = 'common'"},
                 QString(), &output),
        0);
    QVERIFY2(output.contains(QStringLiteral("BEGIN … ROLLBACK")), qPrintable(output));
    // The plan is of a DELETE that ran: the ModifyTable node with its rows.
    QVERIFY2(output.contains(QLatin1String("Delete on events")), qPrintable(output));
    QCOMPARE(rowCount(), 20000);
}

void TestExplainCli::refusedStatementIsExitOne()
{
    QString output;
    QCOMPARE(
        runTusk({"explain", "--db", url(), "SELECT * FROM\n  no_such_table"}, QString(), &output),
        1);
    QVERIFY2(output.contains(QLatin1String("relation \"no_such_table\" does not exist")),
        qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("42P01")), qPrintable(output));
    // The position is in the statement as given, not in the EXPLAIN sent.
    QVERIFY2(output.contains(QLatin1String("line 2, column 3")), qPrintable(output));

    // A DELETE refused under ANALYZE: the server's words, still exit 1.
    QCOMPARE(runTusk({"explain", "--db", url(), "--analyze", "DELETE FROM events WHERE nope = 1"},
                 QString(), &output),
        1);
    QVERIFY2(output.contains(QLatin1String("column \"nope\" does not exist")), qPrintable(output));
    QCOMPARE(rowCount(), 20000);
}

void TestExplainCli::usageAndConnectionAreExitTwo()
{
    QString output;
    QCOMPARE(runTusk({"explain", "--db", url()}, QString(), &output), 2);
    QCOMPARE(
        runTusk({"explain", "--db", url(), "--format", "yaml", "SELECT 1"}, QString(), &output), 2);
    QVERIFY2(output.contains(QLatin1String("unknown format")), qPrintable(output));
    QCOMPARE(runTusk({"explain", "--db", url(), "missing.sql"}, QString(), &output), 2);
    QVERIFY2(output.contains(QLatin1String("cannot read missing.sql")), qPrintable(output));
    // Nothing listens on port 1.
    QCOMPARE(
        runTusk({"explain", "--db", "postgresql://127.0.0.1:1/x?connect_timeout=2", "SELECT 1"},
            QString(), &output),
        2);
    QVERIFY2(output.contains(QLatin1String("cannot reach the server")), qPrintable(output));
}

void TestExplainCli::svgPicture()
{
    const QString folder = scratchFolder(QStringLiteral("explaincli-svg"));
    QVERIFY(QDir().mkpath(folder));
    QString output;
    QCOMPARE(runTusk({"explain", "--db", url(), "--format", "svg", "-o", "plan.svg",
                         "SELECT * FROM events WHERE id = 5"},
                 folder, &output),
        0);
    const QByteArray svg = readFile(folder + QStringLiteral("/plan.svg"));
    QVERIFY2(svg.contains("<svg"), svg.left(200).constData());
    QVERIFY(svg.contains("events"));
}

QTEST_GUILESS_MAIN(TestExplainCli)
#include "tst_explaincli.moc"
