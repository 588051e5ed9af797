// Hostile names, part six: the what-if index (core/plan). A candidate on a
// table and columns named with quotes, semicolons, `--` and a comparison
// inside a name is spelled as SQL that HypoPG accepts, that the planner
// uses, and that builds the index on exactly that column when run for
// real. The candidate the plan's insight proposes names exactly the
// filtered column, never a look-alike whose name is a word inside it.

#include "testsupport.h"
#include "tst_hostilenamesfixture.h"

#include "core/plan/planinsight.h"
#include "core/plan/planreader.h"
#include "core/plan/whatifcandidate.h"
#include "core/plan/whatifindex.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tusk::core;
using namespace tusk::test;

namespace {
const QString table = u"\"Sch\"\"ema; --x\".\"W;--\"\"t\""_s;

std::optional<WhatIfCandidate> candidateOf(const Plan &plan)
{
    for (const PlanInsight &insight : PlanInsights::find(plan))
        if (const auto candidate = WhatIfCandidate::fromInsight(plan, insight))
            return candidate;
    return std::nullopt;
}
} // namespace

class TestHostileNamesPlan : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void candidateFromTheInsight_data();
    void candidateFromTheInsight();
    void hypotheticalAndRealIndex();

private:
    std::unique_ptr<ScratchDatabase> m_db;
    std::unique_ptr<Connection> m_connection;
};

void TestHostileNamesPlan::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(u"hostileplan"_s);
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_connection = std::make_unique<Connection>();
    QVERIFY(openAndWait(*m_connection, m_db->connInfo()).isNull());
    QString error;
    // x is the look-alike of the column whose name holds "x = 1".
    QVERIFY2(hostile::run(*m_connection,
                 hostile::baseSql()
                     + u"CREATE EXTENSION hypopg;\n"
                       "CREATE TABLE %1 (id int PRIMARY KEY, x int, \"x = 1 OR y\" int, "
                       "\"Status\" text, \"a\"\"b;--\" int);\n"
                       "INSERT INTO %1 SELECT g, g % 7, g % 5000, CASE WHEN g % 5000 = 0 THEN "
                       "'stuck' ELSE 'done' END, g % 5000 FROM generate_series(1, 50000) g;\n"
                       "ANALYZE %1;"_s.arg(table),
                 &error),
        qPrintable(error));
}

void TestHostileNamesPlan::candidateFromTheInsight_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("column");
    QTest::newRow("comparison inside the name") << u"\"x = 1 OR y\" = 17"_s << u"x = 1 OR y"_s;
    QTest::newRow("mixed case") << u"\"Status\" = 'stuck'"_s << u"Status"_s;
    QTest::newRow("quote and comment") << u"\"a\"\"b;--\" = 17"_s << u"a\"b;--"_s;
}

void TestHostileNamesPlan::candidateFromTheInsight()
{
    QFETCH(QString, condition);
    QFETCH(QString, column);
    const Reply reply = runAndWait(*m_connection,
        u"EXPLAIN (ANALYZE, FORMAT JSON) SELECT id FROM %1 WHERE %2"_s.arg(table, condition));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
    const PlanReader::Result read = PlanReader::read(reply.results.value(0).text(0, 0));
    QVERIFY2(read.ok(), qPrintable(read.error.message));
    const std::optional<WhatIfCandidate> candidate = candidateOf(read.plan);
    const QString found = candidate ? candidate->columns.join(u", "_s) : u"no candidate"_s;
    qInfo("the insight's candidate: %s", qPrintable(found));
    // None for a quoted name, or a bare word inside it ("x" of "x = 1 OR y"),
    // whose look-alike column x then gets the index.
    QVERIFY2(candidate && candidate->columns == QStringList {column}, qPrintable(found));
}

// A candidate with hostile names: HypoPG takes its SQL and the planner
// uses it; run for real (CONCURRENTLY) it indexes exactly that column.
void TestHostileNamesPlan::hypotheticalAndRealIndex()
{
    WhatIfCandidate candidate;
    candidate.schema = hostile::schema();
    candidate.table = u"W;--\"t"_s;
    candidate.columns = {u"x = 1 OR y"_s};
    WhatIfIndex whatIf;
    WhatIfIndex::Outcome outcome;
    bool done = false;
    connect(&whatIf, &WhatIfIndex::finished, this, [&](const WhatIfIndex::Outcome &o) {
        outcome = o;
        done = true;
    });
    whatIf.startOn(m_connection.get(),
        u"SELECT id FROM %1 WHERE \"x = 1 OR y\" = 17"_s.arg(table).toUtf8(), candidate);
    QDeadlineTimer deadline(60'000);
    while (!done && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QVERIFY(done);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
    QVERIFY(outcome.indexUsed);

    const auto sentinels = hostile::sentinels(*m_connection);
    QString error;
    QVERIFY2(hostile::run(*m_connection, candidate.concurrentlySql(), &error), qPrintable(error));
    QCOMPARE(hostile::scalar(*m_connection,
                 u"SELECT string_agg(a.attname, ',') FROM pg_index i JOIN pg_attribute a ON "
                 "a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) WHERE i.indrelid = "
                 "to_regclass($1) AND NOT i.indisprimary"_s,
                 {table}),
        u"x = 1 OR y"_s);
    const QString changed = hostile::sentinelChanges(sentinels, hostile::sentinels(*m_connection));
    QVERIFY2(changed.isEmpty(), qPrintable(changed));
}

QTEST_MAIN(TestHostileNamesPlan)
#include "tst_hostilenamesplan.moc"
