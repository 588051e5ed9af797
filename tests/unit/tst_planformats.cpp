// Golden tests of the plan readers. The fixtures in tests/data/plans come from
// one PostgreSQL 15 execution per file pair (generate.sh: EXPLAIN in one
// format while auto_explain prints the JSON of the same run), so every
// format must give exactly the node tree the JSON gives.

#include "core/plan/planreader.h"
#include "core/plan/psqloutput.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace tusk::core;

namespace {
const QString dataDir = QStringLiteral(TUSK_PLAN_DATA);

QString readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(f.readAll());
}

Plan readPlan(const QString &path)
{
    PlanReader::Result r = PlanReader::read(readFile(path));
    if (!r.ok())
        qWarning("%s: %s", qPrintable(path), qPrintable(r.error.toString()));
    return std::move(r.plan);
}

QStringList fixtureNames()
{
    QStringList names;
    for (const QString &f :
        QDir(dataDir + QStringLiteral("/queries")).entryList({QStringLiteral("*.sql")}))
        names << f.chopped(4);
    return names;
}

bool same(double a, double b)
{
    return qAbs(a - b) <= 1e-9 * std::max({1.0, qAbs(a), qAbs(b)});
}

bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() || b.isDouble()
        || (a.isString() && b.isString() && a.toString().toDouble() != 0)) {
        bool okA = a.isDouble(), okB = b.isDouble();
        const double da = okA ? a.toDouble() : a.toString().toDouble(&okA);
        const double db = okB ? b.toDouble() : b.toString().toDouble(&okB);
        if (okA && okB)
            return same(da, db);
    }
    if (a.isBool() || b.isBool()) {
        const auto asBool = [](const QJsonValue &v) {
            return v.isBool() ? v.toBool() : v.toString() == QLatin1String("true");
        };
        return asBool(a) == asBool(b);
    }
    if (a.isArray() && b.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i)
            if (!sameValue(x.at(i), y.at(i)))
                return false;
        return true;
    }
    if (a.isObject() && b.isObject()) {
        const QJsonObject x = a.toObject(), y = b.toObject();
        if (x.keys() != y.keys())
            return false;
        for (const QString &k : x.keys())
            if (!sameValue(x.value(k), y.value(k)))
                return false;
        return true;
    }
    return a == b;
}

// A value the text format leaves out because it is empty or zero.
bool isBlank(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble() == 0;
    if (v.isBool())
        return !v.toBool();
    if (v.isString())
        return v.toString().isEmpty() || v.toString() == QLatin1String("0")
            || v.toString() == QLatin1String("false");
    return false;
}

// Every typed field of every node must agree.
void compareTyped(const Plan &a, const Plan &b, const QString &what)
{
    QCOMPARE(a.nodes.size(), b.nodes.size());
    for (int i = 0; i < a.nodes.size(); ++i) {
        const PlanNode &x = a.nodes.at(i);
        const PlanNode &y = b.nodes.at(i);
        const QString where = QStringLiteral("%1, node %2 (%3)").arg(what).arg(i).arg(y.label());
        const auto check = [&](bool ok, const char *field) {
            if (!ok)
                QFAIL(qPrintable(where + QStringLiteral(": ") + QLatin1String(field)));
        };
        check(x.parent == y.parent && x.depth == y.depth && x.children == y.children, "shape");
        check(x.nodeType == y.nodeType, "node type");
        check(x.label() == y.label(), "label");
        check(x.target() == y.target(), "target");
        check(x.parentRelationship == y.parentRelationship, "parent relationship");
        check(x.subplanName == y.subplanName, "subplan name");
        check(x.relation == y.relation && x.schema == y.schema && x.alias == y.alias
                && x.index == y.index,
            "object");
        check(x.cteName == y.cteName && x.functionName == y.functionName, "cte/function");
        check(
            x.joinType == y.joinType && x.strategy == y.strategy && x.partialMode == y.partialMode,
            "join/strategy");
        check(x.operation == y.operation && x.scanDirection == y.scanDirection,
            "operation/direction");
        check(x.parallelAware == y.parallelAware, "parallel aware");
        check(same(x.startupCost, y.startupCost) && same(x.totalCost, y.totalCost), "costs");
        check(same(x.planRows, y.planRows) && same(x.planWidth, y.planWidth), "estimates");
        check(x.hasActual == y.hasActual && x.hasTiming == y.hasTiming
                && x.neverExecuted == y.neverExecuted,
            "analyzed");
        check(same(x.actualStartupMs, y.actualStartupMs) && same(x.actualTotalMs, y.actualTotalMs),
            "actual time");
        check(
            same(x.actualRows, y.actualRows) && same(x.actualLoops, y.actualLoops), "actual rows");
        check(same(x.rowsRemovedByFilter, y.rowsRemovedByFilter), "removed by filter");
        check(same(x.rowsRemovedByIndexRecheck, y.rowsRemovedByIndexRecheck), "removed by recheck");
        check(same(x.rowsRemovedByJoinFilter, y.rowsRemovedByJoinFilter), "removed by join filter");
        check(same(x.heapFetches, y.heapFetches) && same(x.exactHeapBlocks, y.exactHeapBlocks)
                && same(x.lossyHeapBlocks, y.lossyHeapBlocks),
            "heap");
        check(x.workersPlanned == y.workersPlanned && x.workersLaunched == y.workersLaunched,
            "workers");
        check(x.sortMethod == y.sortMethod && x.sortSpaceType == y.sortSpaceType
                && same(x.sortSpaceKb, y.sortSpaceKb),
            "sort");
        check(same(x.hashBatches, y.hashBatches)
                && same(x.originalHashBatches, y.originalHashBatches)
                && same(x.hashAggBatches, y.hashAggBatches),
            "batches");
        check(same(x.peakMemoryKb, y.peakMemoryKb) && same(x.diskUsageKb, y.diskUsageKb), "memory");
        for (int c = 0; c < PlanBuffers::CounterCount; ++c)
            check(same(x.buffers.values[c], y.buffers.values[c]), "buffers");
        check(x.workers.size() == y.workers.size(), "worker count");
        for (int w = 0; w < x.workers.size(); ++w) {
            const PlanWorker &p = x.workers.at(w);
            const PlanWorker &q = y.workers.at(w);
            check(p.number == q.number && p.hasActual == q.hasActual, "worker number");
            check(same(p.actualTotalMs, q.actualTotalMs) && same(p.actualRows, q.actualRows)
                    && same(p.actualLoops, q.actualLoops),
                "worker actuals");
            for (int c = 0; c < PlanBuffers::CounterCount; ++c)
                check(same(p.buffers.values[c], q.buffers.values[c]), "worker buffers");
        }
        // Derived metrics follow from the same inputs.
        check(same(x.exclusiveMs, y.exclusiveMs) && same(x.misestimate, y.misestimate), "derived");
    }
}

// Every key of `part` must be in `whole` with the same value; keys only in
// `whole` must be ones the text format leaves out.
void compareFields(
    const QJsonObject &part, const QJsonObject &whole, const QString &where, bool exact)
{
    static const QSet<QString> textOmits {QStringLiteral("Async Capable"),
        QStringLiteral("Inner Unique"), QStringLiteral("Query Text")};
    for (auto it = part.begin(); it != part.end(); ++it) {
        if (it.key() == QLatin1String("Text Lines"))
            QFAIL(qPrintable(where + QStringLiteral(": unread line ")
                + it.value().toArray().first().toString()));
        if (!whole.contains(it.key()))
            QFAIL(qPrintable(where + QStringLiteral(": extra key ") + it.key()));
        const QJsonValue other = whole.value(it.key());
        if (other.isObject() != it.value().isObject() && !exact)
            continue; // "Full-sort Groups": an object in JSON, a line in text
        if (!sameValue(it.value(), other))
            QFAIL(qPrintable(where + QStringLiteral(": ") + it.key()));
    }
    for (auto it = whole.begin(); it != whole.end(); ++it) {
        if (part.contains(it.key()))
            continue;
        if (exact || !(isBlank(it.value()) || textOmits.contains(it.key())))
            QFAIL(qPrintable(where + QStringLiteral(": missing key ") + it.key()));
    }
}

void compareAll(const Plan &a, const Plan &b, const QString &what, bool exact)
{
    compareTyped(a, b, what);
    for (int i = 0; i < a.nodes.size(); ++i)
        compareFields(a.nodes.at(i).fields(), b.nodes.at(i).fields(),
            QStringLiteral("%1, node %2").arg(what).arg(i), exact);
}
} // namespace

class TestPlanFormats : public QObject {
    Q_OBJECT
private slots:
    void eachFormatMatchesItsJson_data();
    void eachFormatMatchesItsJson();
    void everyPsqlStyleGivesTheSameTree_data();
    void everyPsqlStyleGivesTheSameTree();
    void psqlWrappedJsonReads();
    void bytesReadAsText();
    void summaryOfText();
    void unwrapKeepsPositions();
};

void TestPlanFormats::eachFormatMatchesItsJson_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("exact");
    for (const QString &name : fixtureNames()) {
        QTest::newRow(qPrintable(name + QStringLiteral(".txt")))
            << name + QStringLiteral(".txt") << false;
        QTest::newRow(qPrintable(name + QStringLiteral(".yaml")))
            << name + QStringLiteral(".yaml") << true;
        QTest::newRow(qPrintable(name + QStringLiteral(".xml")))
            << name + QStringLiteral(".xml") << true;
    }
}

void TestPlanFormats::eachFormatMatchesItsJson()
{
    QFETCH(QString, file);
    QFETCH(bool, exact);
    const Plan plan = readPlan(dataDir + QLatin1Char('/') + file);
    const Plan json = readPlan(dataDir + QLatin1Char('/') + file + QStringLiteral(".json"));
    QVERIFY(!plan.isEmpty());
    QVERIFY(!json.isEmpty());
    QCOMPARE(json.format, PlanFormat::Json);
    const PlanFormat expected = file.endsWith(QLatin1String(".txt")) ? PlanFormat::Text
        : file.endsWith(QLatin1String(".yaml"))                      ? PlanFormat::Yaml
                                                                     : PlanFormat::Xml;
    QCOMPARE(plan.format, expected);
    compareAll(plan, json, file, exact);
}

void TestPlanFormats::everyPsqlStyleGivesTheSameTree_data()
{
    QTest::addColumn<QString>("style");
    QTest::addColumn<QString>("plain");
    for (const QString &f :
        QDir(dataDir + QStringLiteral("/styles")).entryList({QStringLiteral("*.txt")})) {
        const QString name = f.section(QLatin1Char('.'), 0, 0);
        QTest::newRow(qPrintable(f))
            << QStringLiteral("styles/") + f << name + QStringLiteral(".txt");
    }
}

void TestPlanFormats::everyPsqlStyleGivesTheSameTree()
{
    QFETCH(QString, style);
    QFETCH(QString, plain);
    const Plan styled = readPlan(dataDir + QLatin1Char('/') + style);
    const Plan reference = readPlan(dataDir + QLatin1Char('/') + plain);
    QVERIFY(!styled.isEmpty());
    compareAll(styled, reference, style, true);
    QVERIFY(sameValue(styled.summary, reference.summary));
}

void TestPlanFormats::psqlWrappedJsonReads()
{
    // EXPLAIN (FORMAT JSON) as psql prints it, from another execution than
    // the text: the same plan shape and estimates.
    for (const QString &name : fixtureNames()) {
        const Plan wrapped = readPlan(dataDir + QLatin1Char('/') + name + QStringLiteral(".json"));
        const Plan text = readPlan(dataDir + QLatin1Char('/') + name + QStringLiteral(".txt"));
        QCOMPARE(wrapped.format, PlanFormat::Json);
        QCOMPARE(wrapped.nodes.size(), text.nodes.size());
        for (int i = 0; i < text.nodes.size(); ++i) {
            QCOMPARE(wrapped.nodes.at(i).label(), text.nodes.at(i).label());
            QCOMPARE(wrapped.nodes.at(i).target(), text.nodes.at(i).target());
            QCOMPARE(wrapped.nodes.at(i).planRows, text.nodes.at(i).planRows);
        }
        if (text.executionMs >= 0)
            QVERIFY(wrapped.executionMs > 0);
    }
}

// The Plan tool and `tusk plan` read files as bytes; a plain JSON plan is
// parsed from them directly, the rest through the text path.
void TestPlanFormats::bytesReadAsText()
{
    const QStringList files = QDir(dataDir).entryList({QStringLiteral("*.json"),
        QStringLiteral("*.txt"), QStringLiteral("*.yaml"), QStringLiteral("*.xml")});
    QVERIFY(files.size() > 20);
    for (const QString &name : files) {
        QFile f(dataDir + QLatin1Char('/') + name);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const PlanReader::Result fromBytes = PlanReader::read(bytes);
        const PlanReader::Result fromText = PlanReader::read(QString::fromUtf8(bytes));
        QCOMPARE(fromBytes.ok(), fromText.ok());
        if (!fromText.ok()) {
            QCOMPARE(fromBytes.error.toString(), fromText.error.toString());
            continue;
        }
        QCOMPARE(fromBytes.plan.format, fromText.plan.format);
        QCOMPARE(fromBytes.plan.source, bytes);
        compareAll(fromBytes.plan, fromText.plan, name, true);
    }
    // Broken JSON still says where it broke.
    const PlanReader::Result broken = PlanReader::read(QByteArray("[{\"Plan\": {\n  \"Node"));
    QVERIFY(!broken.ok());
    QCOMPARE(broken.error.line, 2);
    QVERIFY(PlanReader::read(QByteArray(" \n\t")).error.message.contains(u"empty"));
}

void TestPlanFormats::summaryOfText()
{
    const Plan p = readPlan(dataDir + QStringLiteral("/dml_triggers.txt"));
    QCOMPARE(p.planningMs, 0.428);
    QCOMPARE(p.executionMs, 13.51);
    QCOMPARE(p.triggers.size(), 1);
    QCOMPARE(p.triggers.front().name, QStringLiteral("customers_touch_updated_at"));
    QCOMPARE(p.triggers.front().timeMs, 1.438);
    QCOMPARE(p.triggers.front().calls, 20.0);
    QCOMPARE(p.settings.value(QStringLiteral("work_mem")).toString(), QStringLiteral("8MB"));
    QVERIFY(p.hasPlanningBuffers);
    QCOMPARE(p.planningBuffers[PlanBuffers::SharedHit], 125.0);
    QCOMPARE(p.root().fields().value(QStringLiteral("WAL Records")).toDouble(), 107.0);
    QCOMPARE(p.root().label(), QStringLiteral("Update"));
}

void TestPlanFormats::unwrapKeepsPositions()
{
    const QString boxed = QStringLiteral("┌────────────┐\n"
                                         "│ QUERY PLAN │\n"
                                         "├────────────┤\n"
                                         "│ Result  (c…│\n"
                                         "│…ost=0.00..0│\n"
                                         "│ Limit      │\n"
                                         "└────────────┘\n"
                                         "(1 row)\n");
    const PsqlOutput out = PsqlOutput::unwrap(boxed);
    QCOMPARE(out.lines().size(), 2);
    QCOMPARE(out.lines().at(0), QStringLiteral("Result  (cost=0.00..0"));
    // "cost" starts after the wrap mark on line 5, column 3.
    QCOMPARE(out.originalLine(0, 10), 5);
    QCOMPARE(out.originalColumn(0, 10), 3);
    QCOMPARE(out.lines().at(1), QStringLiteral("Limit"));
}

QTEST_GUILESS_MAIN(TestPlanFormats)
#include "tst_planformats.moc"
