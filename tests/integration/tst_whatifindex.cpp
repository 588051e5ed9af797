// What-if indexes with HypoPG against the throwaway cluster: the candidate
// a real plan's "filter removes rows" insight suggests, the Seq Scan of
// 100,000 rows replaced by an Index Scan on the hypothetical index in the
// comparison, nothing left behind by hypopg_reset() and nothing built, and
// the how-to when the role may not create the extension.

#include "testsupport.h"

#include "core/pg/connection.h"
#include "core/plan/plancomparison.h"
#include "core/plan/planinsight.h"
#include "core/plan/planreader.h"
#include "core/plan/whatifcandidate.h"
#include "core/plan/whatifindex.h"

#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

namespace {
const char *const fixture = R"sql(
CREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL, total numeric);
INSERT INTO orders
SELECT g, CASE WHEN g % 10000 = 0 THEN 'stuck' ELSE 'done' END, g FROM generate_series(1, 100000) g;
ANALYZE orders;
)sql";
const QByteArray statement = "SELECT id, total FROM orders WHERE status = 'stuck'";

std::optional<WhatIfCandidate> candidateOf(const Plan &plan)
{
    for (const PlanInsight &insight : PlanInsights::find(plan))
        if (const auto candidate = WhatIfCandidate::fromInsight(plan, insight))
            return candidate;
    return std::nullopt;
}

WhatIfIndex::Outcome runToTheEnd(WhatIfIndex &whatIf)
{
    WhatIfIndex::Outcome outcome;
    bool done = false;
    QObject::connect(&whatIf, &WhatIfIndex::finished, &whatIf, [&](const WhatIfIndex::Outcome &o) {
        outcome = o;
        done = true;
    });
    QDeadlineTimer deadline(60'000);
    while (!done && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return outcome;
}

const PlanNode *nodeOfType(const Plan &plan, const QString &type)
{
    for (const PlanNode &n : plan.nodes)
        if (n.nodeType == type)
            return &n;
    return nullptr;
}
} // namespace

class TestWhatIfIndex : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void candidateFromTheInsight();
    void candidateQuotesNames();
    void seqScanBecomesIndexScan();
    void onASessionOfItsOwn();
    void aTableOffTheSearchPath();
    void roleWithoutTheRightGetsTheHowTo();

private:
    std::unique_ptr<ScratchDatabase> m_db;
    std::optional<WhatIfCandidate> m_candidate;
};

void TestWhatIfIndex::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("whatif"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    Reply reply = runAndWait(c, QString::fromUtf8(fixture));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
    // The plan a user would explain from the editor.
    reply = runAndWait(
        c, QStringLiteral("EXPLAIN (ANALYZE, FORMAT JSON) ") + QString::fromUtf8(statement));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
    const PlanReader::Result read = PlanReader::read(reply.results.value(0).text(0, 0));
    QVERIFY2(read.ok(), qPrintable(read.error.message));
    m_candidate = candidateOf(read.plan);
}

void TestWhatIfIndex::candidateFromTheInsight()
{
    QVERIFY2(m_candidate, "no insight of the plan suggests an index");
    QCOMPARE(m_candidate->table, QStringLiteral("orders"));
    QCOMPARE(m_candidate->columns, QStringList {QStringLiteral("status")});
    QCOMPARE(m_candidate->hypotheticalSql(), QStringLiteral("CREATE INDEX ON orders (status)"));
    QCOMPARE(m_candidate->concurrentlySql(),
        QStringLiteral("CREATE INDEX CONCURRENTLY ON orders (status);"));
}

void TestWhatIfIndex::candidateQuotesNames()
{
    // Names as the plan prints them (raw), spelled back as SQL.
    WhatIfCandidate candidate;
    candidate.schema = QStringLiteral("Shop");
    candidate.table = QStringLiteral("order");
    candidate.columns = {QStringLiteral("Status"), QStringLiteral("placed_at")};
    QCOMPARE(candidate.hypotheticalSql(),
        QStringLiteral("CREATE INDEX ON \"Shop\".\"order\" (\"Status\", placed_at)"));
}

void TestWhatIfIndex::seqScanBecomesIndexScan()
{
    QVERIFY(m_candidate);
    Connection session;
    QVERIFY(openAndWait(session, m_db->connInfo()).isNull());
    WhatIfIndex whatIf;
    whatIf.startOn(&session, statement, *m_candidate);
    const WhatIfIndex::Outcome outcome = runToTheEnd(whatIf);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
    QVERIFY(outcome.before && outcome.after);
    QVERIFY(!outcome.before->analyzed()); // both are estimates: nothing ran
    QVERIFY(!outcome.after->analyzed());
    QVERIFY2(outcome.hypotheticalName.contains(QLatin1String("btree_orders_status")),
        qPrintable(outcome.hypotheticalName));
    QVERIFY(outcome.indexUsed);
    QVERIFY(outcome.costAfter < outcome.costBefore);

    // The comparison pairs the Seq Scan with an Index Scan on the
    // hypothetical index: one changed node, not a removal and an addition.
    const PlanNode *seqScan = nodeOfType(*outcome.before, QStringLiteral("Seq Scan"));
    QVERIFY(seqScan);
    QCOMPARE(seqScan->relation, QStringLiteral("orders"));
    const PlanComparison comparison(*outcome.before, *outcome.after);
    const int pair = comparison.pairOfBefore(seqScan->id);
    QVERIFY(pair >= 0);
    const PlanComparison::Pair &p = comparison.pairs().at(pair);
    QVERIFY(p.typeChanged);
    QVERIFY(p.after >= 0);
    const PlanNode &replaced = outcome.after->nodes.at(p.after);
    QCOMPARE(replaced.nodeType, QStringLiteral("Index Scan"));
    QCOMPARE(replaced.index, outcome.hypotheticalName);
    QCOMPARE(replaced.relation, QStringLiteral("orders"));

    // hypopg_reset() left nothing on the session, and nothing was built.
    QCOMPARE(outcome.hypotheticalLeft, 0);
    Reply reply = runAndWait(session, QStringLiteral("SELECT count(*) FROM hypopg()"));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
    QCOMPARE(reply.results.value(0).text(0, 0), QStringLiteral("0"));
    reply = runAndWait(session,
        QStringLiteral("SELECT count(*) FROM pg_index WHERE indrelid = 'orders'::regclass"));
    QCOMPARE(reply.results.value(0).text(0, 0), QStringLiteral("1")); // the primary key
    reply = runAndWait(
        session, QStringLiteral("EXPLAIN (FORMAT JSON) ") + QString::fromUtf8(statement));
    QVERIFY(!reply.results.value(0).text(0, 0).contains(QLatin1String("Index Scan")));
}

void TestWhatIfIndex::onASessionOfItsOwn()
{
    QVERIFY(m_candidate);
    WhatIfIndex whatIf;
    whatIf.start(m_db->connInfo(), statement, *m_candidate);
    QVERIFY(whatIf.isRunning());
    const WhatIfIndex::Outcome outcome = runToTheEnd(whatIf);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
    QVERIFY(outcome.indexUsed);
    QCOMPARE(outcome.hypotheticalLeft, 0);
    // The plan said "orders"; the what-if's VERBOSE plan says where it is.
    QCOMPARE(outcome.createIndexSql,
        QStringLiteral("CREATE INDEX CONCURRENTLY ON public.orders (status);"));
    QVERIFY(!whatIf.isRunning());
}

void TestWhatIfIndex::aTableOffTheSearchPath()
{
    // shop.items is not on the search_path: an index on "items" would not
    // be found. The plan (no VERBOSE) names the table without its schema.
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    Reply reply = runAndWait(c,
        QStringLiteral("CREATE SCHEMA shop; CREATE TABLE shop.items (id int PRIMARY KEY, "
                       "kind text NOT NULL); INSERT INTO shop.items SELECT g, CASE WHEN g % 5000 "
                       "= 0 THEN 'rare' ELSE 'common' END FROM generate_series(1, 50000) g; "
                       "ANALYZE shop.items;"));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
    const QByteArray query = "SELECT id FROM shop.items WHERE kind = 'rare'";
    reply =
        runAndWait(c, QStringLiteral("EXPLAIN (ANALYZE, FORMAT JSON) ") + QString::fromUtf8(query));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
    const PlanReader::Result read = PlanReader::read(reply.results.value(0).text(0, 0));
    QVERIFY(read.ok());
    const std::optional<WhatIfCandidate> candidate = candidateOf(read.plan);
    QVERIFY(candidate);
    QVERIFY(candidate->schema.isEmpty());
    WhatIfIndex whatIf;
    whatIf.start(m_db->connInfo(), query, *candidate);
    const WhatIfIndex::Outcome outcome = runToTheEnd(whatIf);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
    QVERIFY(outcome.indexUsed);
    QCOMPARE(
        outcome.createIndexSql, QStringLiteral("CREATE INDEX CONCURRENTLY ON shop.items (kind);"));
}

void TestWhatIfIndex::roleWithoutTheRightGetsTheHowTo()
{
    QVERIFY(m_candidate);
    // A database without the extension, and a role that may not create it
    // (hypopg is not a trusted extension: only a superuser creates it).
    const QString role = QStringLiteral("tusk_nohypo_%1").arg(QCoreApplication::applicationPid());
    Connection admin;
    QVERIFY(openAndWait(admin, clusterConnInfo()).isNull());
    runAndWait(admin, QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
    Reply reply = runAndWait(admin, QStringLiteral("CREATE ROLE %1 LOGIN").arg(role));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
    int major = 0;
    {
        ScratchDatabase db(QStringLiteral("whatifnohypo"));
        QVERIFY2(db.isValid(), qPrintable(db.error()));
        Connection owner;
        QVERIFY(openAndWait(owner, db.connInfo()).isNull());
        major = owner.server().majorVersion();
        reply = runAndWait(owner,
            QString::fromUtf8(fixture) + QStringLiteral("GRANT SELECT ON orders TO %1;").arg(role));
        QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
        ConnInfo info = db.connInfo();
        info.setValue(QStringLiteral("user"), role);
        WhatIfIndex whatIf;
        whatIf.start(info, statement, *m_candidate);
        const WhatIfIndex::Outcome outcome = runToTheEnd(whatIf);
        QVERIFY(!outcome.ok());
        QVERIFY(outcome.needsHypopg);
        QCOMPARE(outcome.error.sqlState, QStringLiteral("42501"));
        QVERIFY2(outcome.error.message.contains(
                     QStringLiteral("install Debian's postgresql-%1-hypopg, then CREATE EXTENSION "
                                    "hypopg")
                         .arg(major)),
            qPrintable(outcome.error.message));
        QVERIFY(!outcome.before);
        // Nothing was created in the database.
        reply = runAndWait(
            owner, QStringLiteral("SELECT count(*) FROM pg_extension WHERE extname = 'hypopg'"));
        QCOMPARE(reply.results.value(0).text(0, 0), QStringLiteral("0"));
    }
    runAndWait(admin, QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
    QVERIFY(major >= 12);
}

QTEST_GUILESS_MAIN(TestWhatIfIndex)
#include "tst_whatifindex.moc"
