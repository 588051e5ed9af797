// The lint engine with a live catalog, against the throwaway cluster: the
// catalog cases of tests/lint/cases (their `-- setup:` SQL run in a fresh
// database, the catalog read by the real SchemaFactsLoader), severity that
// follows table size, and `tusk lint --db` end to end.

#include "goldenfile.h"
#include "lintcasefile.h"
#include "testsupport.h"

#include "core/lint/lintengine.h"
#include "core/lint/schemafactsloader.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

namespace {
// Runs setup SQL, then reads the catalog with the loader the CLI uses.
std::optional<SchemaFacts> catalogAfter(const ScratchDatabase &db, const QStringList &setup)
{
    Connection connection;
    if (!openAndWait(connection, db.connInfo()).isNull())
        return std::nullopt;
    for (const QString &sql : setup) {
        const Reply reply = runAndWait(connection, sql);
        if (!reply.error.isNull()) {
            qWarning("setup failed: %s: %s", qPrintable(sql), qPrintable(reply.error.toString()));
            return std::nullopt;
        }
    }
    SchemaFactsLoader loader;
    QSignalSpy loaded(&loader, &SchemaFactsLoader::loaded);
    QSignalSpy failed(&loader, &SchemaFactsLoader::failed);
    loader.load(db.connInfo());
    if (!loaded.wait(30000) || loaded.isEmpty())
        return std::nullopt;
    return loaded.first().first().value<SchemaFacts>();
}
} // namespace

class TestLintCatalog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void catalogCases_data();
    void catalogCases();
    void loaderReadsTheCatalog();
    void loaderAnswersBehindAQueuedDdl();
    void severityFollowsTableSize();
    void cliWithDb();

private:
    const LintEngine m_engine;
};

void TestLintCatalog::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
}

void TestLintCatalog::catalogCases_data()
{
    QTest::addColumn<QString>("path");
    for (const LintCaseFile &c : LintCaseFile::readAll(QStringLiteral(TUSK_LINT_CASES))) {
        if (c.needsCatalog)
            QTest::newRow(qPrintable(c.rule + QLatin1Char('/') + QFileInfo(c.path).fileName()))
                << c.path;
    }
}

void TestLintCatalog::catalogCases()
{
    QFETCH(QString, path);
    const LintCaseFile c = LintCaseFile::read(path);
    const ScratchDatabase db(QStringLiteral("lintcase"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    std::optional<SchemaFacts> catalog = catalogAfter(db, c.setup);
    QVERIFY(catalog);
    catalog->sizesFromTarget = c.targetSizes;
    const ParsedScript script(c.sql);
    LintOptions options = c.options;
    options.serverVersion = catalog->serverVersion;
    const QList<Finding> findings = m_engine.lint(script, options, &*catalog).findings;
    const auto actual = c.actual(findings);
    QVERIFY2(actual == c.expected,
        qPrintable(QStringLiteral("expected %1\n   found %2")
                       .arg(LintCaseFile::describe(c.expected), LintCaseFile::describe(actual))));
    const QString golden = GoldenFile::compare(c.expectedPath(), c.describeFindings(findings));
    QVERIFY2(golden.isEmpty(), qPrintable(golden));
}

// A session idle in transaction after an UPDATE, an ALTER queued behind it
// for ACCESS EXCLUSIVE: the linter's catalog still answers at once (a
// CHECK's definition would have to open the table, so it is left unknown
// there and read on every other table).
void TestLintCatalog::loaderAnswersBehindAQueuedDdl()
{
    const ScratchDatabase db(QStringLiteral("lintlocked"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    Connection setup;
    QVERIFY(openAndWait(setup, db.connInfo()).isNull());
    QVERIFY(runAndWait(setup,
        QStringLiteral("CREATE TABLE busy (id int PRIMARY KEY, v int CHECK (v IS NOT NULL)); "
                       "CREATE TABLE calm (id int PRIMARY KEY, w int CHECK (w IS NOT NULL)); "
                       "INSERT INTO busy VALUES (1, 1)"))
                .error.isNull());
    Connection holder;
    Connection ddl;
    QVERIFY(openAndWait(holder, db.connInfo()).isNull());
    QVERIFY(openAndWait(ddl, db.connInfo()).isNull());
    QVERIFY(runAndWait(holder, QStringLiteral("BEGIN; UPDATE busy SET v = 2")).error.isNull());
    ddl.execute(QStringLiteral("ALTER TABLE busy ADD COLUMN x int"), {}, &ddl,
        [](const QList<Result> &, const PgError &) {});
    QTRY_VERIFY_WITH_TIMEOUT(
        runAndWait(setup,
            QStringLiteral(
                "SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'busy'::regclass"))
                .results.value(0)
                .rowCount()
            == 1,
        5000);

    QElapsedTimer clock;
    clock.start();
    const auto catalog = catalogAfter(db, {});
    const qint64 ms = clock.elapsed();
    QVERIFY2(catalog, "the catalog came back");
    qInfo("lint catalog behind a queued ACCESS EXCLUSIVE: %lld ms", ms);
    QVERIFY2(ms < 2000, qPrintable(QString::number(ms)));
    const TableFacts *busy = catalog->table(QStringLiteral("busy"));
    const TableFacts *calm = catalog->table(QStringLiteral("calm"));
    QVERIFY(busy && calm);
    QCOMPARE(busy->checks.size(), 1);
    QVERIFY(busy->checks.first().definition.isEmpty()); // unknown, not waited for
    QCOMPARE(busy->checks.first().notNullColumn, QString());
    QCOMPARE(calm->checks.first().notNullColumn, QStringLiteral("w"));
    QVERIFY(runAndWait(holder, QStringLiteral("ROLLBACK")).error.isNull());
}

void TestLintCatalog::loaderReadsTheCatalog()
{
    const ScratchDatabase db(QStringLiteral("lintload"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const auto catalog = catalogAfter(db,
        {QStringLiteral("CREATE SCHEMA shop"),
            QStringLiteral("CREATE TABLE shop.orders (id bigint PRIMARY KEY, \"Note\" varchar(20), "
                           "customer_id int NOT NULL)"),
            QStringLiteral("CREATE INDEX ON shop.orders (customer_id, id)"),
            QStringLiteral("ALTER TABLE shop.orders ADD CONSTRAINT note_set CHECK (\"Note\" IS NOT "
                           "NULL) NOT VALID"),
            QStringLiteral(
                "INSERT INTO shop.orders SELECT g, 'n', g FROM generate_series(1, 1000) g"),
            QStringLiteral("ANALYZE shop.orders")});
    QVERIFY(catalog);
    QVERIFY(catalog->serverVersion >= 150000);
    const TableFacts *t = catalog->table(QStringLiteral("shop.orders"));
    QVERIFY(t);
    QVERIFY(!catalog->table(QStringLiteral("orders"))); // shop is not on the search path
    QCOMPARE(t->rowEstimate, 1000);
    QVERIFY(t->totalBytes > 8192);
    QCOMPARE(t->column(QStringLiteral("Note"))->type, QStringLiteral("character varying(20)"));
    QVERIFY(t->column(QStringLiteral("customer_id"))->notNull);
    QCOMPARE(t->primaryKey, QStringList {QStringLiteral("id")});
    QVERIFY(
        t->indexKeys.contains(QStringList({QStringLiteral("customer_id"), QStringLiteral("id")})));
    QCOMPARE(t->checks.size(), 1);
    QCOMPARE(t->checks.first().notNullColumn, QStringLiteral("Note"));
    QVERIFY(!t->checks.first().validated);
    QCOMPARE(catalog->volatility(QStringLiteral("random")), 'v');
    QCOMPARE(catalog->volatility(QStringLiteral("now")), 's');
}

void TestLintCatalog::severityFollowsTableSize()
{
    const ScratchDatabase db(QStringLiteral("lintsize"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const auto catalog = catalogAfter(db,
        {QStringLiteral("CREATE TABLE small (id bigint PRIMARY KEY, a int)"),
            QStringLiteral("INSERT INTO small SELECT g, g FROM generate_series(1, 20) g"),
            QStringLiteral("CREATE TABLE big (id bigint PRIMARY KEY, a int, pad text)"),
            QStringLiteral("INSERT INTO big SELECT g, g, repeat('x', 200) FROM generate_series(1, "
                           "60000) g"),
            QStringLiteral("ANALYZE small"), QStringLiteral("ANALYZE big")});
    QVERIFY(catalog);
    const ParsedScript script(
        "CREATE INDEX small_a ON small (a);\nCREATE INDEX big_a ON big (a);\n");
    const auto indexFindings = [&](const SchemaFacts &facts) {
        QList<Finding> found;
        for (const Finding &f : m_engine.lint(script, {}, &facts).findings) {
            if (f.rule == QLatin1String("require-concurrent-index-creation"))
                found << f;
        }
        return found;
    };
    // Sizes read from a local database say nothing of production: the
    // warning stays, and the note says what the local size means.
    QList<Finding> found = indexFindings(*catalog);
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.at(0).severity, Severity::Warning);
    QVERIFY2(found.at(0).note.startsWith(QLatin1String("here small: "))
            && found.at(0).note.contains(QLatin1String("about 20 rows"))
            && found.at(0).note.contains(QLatin1String("not the target's sizes")),
        qPrintable(found.at(0).note));
    // The same sizes as the target's (a production profile, --sizes-from):
    // 20 rows, nobody waits long.
    SchemaFacts target = *catalog;
    target.sizesFromTarget = true;
    found = indexFindings(target);
    QCOMPARE(found.at(0).severity, Severity::Info);
    QVERIFY2(found.at(0).note.startsWith(QLatin1String("small: ")), qPrintable(found.at(0).note));
    QCOMPARE(found.at(1).severity, Severity::Warning);
    QVERIFY2(found.at(1).note.contains(QLatin1String("about 60000 rows"))
            && found.at(1).note.contains(QLatin1String("the lock is held for")),
        qPrintable(found.at(1).note));
}

void TestLintCatalog::cliWithDb()
{
    const ScratchDatabase db(QStringLiteral("lintcli"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QVERIFY(catalogAfter(db,
        {QStringLiteral("CREATE TABLE orders (id bigint PRIMARY KEY, note varchar(20))"),
            QStringLiteral("INSERT INTO orders SELECT g FROM generate_series(1, 10) g")}));
    const QString dir = scratchFolder(QStringLiteral("lint-db"));
    writeFile(dir + QStringLiteral("/m.sql"),
        "SET lock_timeout = '1s';\nSET statement_timeout = '1min';\n"
        "ALTER TABLE orders ALTER COLUMN note TYPE varchar(40);\n"
        "ALTER TABLE orders ALTER COLUMN id TYPE numeric;\n");
    QString output;
    const int code =
        runTusk({QStringLiteral("lint"), QStringLiteral("--format=gcc"), QStringLiteral("--db"),
                    db.connInfo().toUrl(), QStringLiteral("m.sql")},
            dir, &output);
    // varchar widening is catalog-only; bigint → numeric rewrites, and ten
    // rows *here* say nothing of the database the migration targets: the
    // warning stays.
    QCOMPARE(code, 1);
    QVERIFY2(output.contains(QRegularExpression(
                 QStringLiteral("m.sql:3:\\d+: info: .*catalog-only.*\\[changing-column-type\\]"))),
        qPrintable(output));
    QVERIFY2(output.contains(QRegularExpression(
                 QStringLiteral("m.sql:4:\\d+: warning: .*\\[changing-column-type\\]"))),
        qPrintable(output));

    // Sizes from the target (--sizes-from): the same ten rows lower it to
    // info, below the default --fail-on ...
    const QStringList withSizes {QStringLiteral("lint"), QStringLiteral("--format=gcc"),
        QStringLiteral("--db"), db.connInfo().toUrl(), QStringLiteral("--sizes-from")};
    QCOMPARE(runTusk(withSizes + QStringList {db.connInfo().toUrl(), QStringLiteral("m.sql")}, dir,
                 &output),
        0);
    QVERIFY2(output.contains(QRegularExpression(
                 QStringLiteral("m.sql:4:\\d+: info: .*\\[changing-column-type\\]"))),
        qPrintable(output));
    // ... and a target whose orders is large makes it an error that names
    // that size (the statistics are set as ANALYZE of a big table would).
    const ScratchDatabase production(QStringLiteral("lintprod"));
    QVERIFY2(production.isValid(), qPrintable(production.error()));
    QVERIFY(catalogAfter(production,
        {QStringLiteral("CREATE TABLE orders (id bigint PRIMARY KEY, note varchar(20))"),
            QStringLiteral("UPDATE pg_class SET reltuples = 20000000, relpages = 300000 "
                           "WHERE oid = 'orders'::regclass")}));
    QCOMPARE(runTusk({QStringLiteral("lint"), QStringLiteral("--db"), db.connInfo().toUrl(),
                         QStringLiteral("--sizes-from"), production.connInfo().toUrl(),
                         QStringLiteral("m.sql")},
                 dir, &output),
        1);
    QVERIFY2(output.contains(QRegularExpression(
                 QStringLiteral("m.sql:4:\\d+: error \\[changing-column-type\\]"))),
        qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("about 20000000 rows")), qPrintable(output));
    QCOMPARE(runTusk({QStringLiteral("lint"), QStringLiteral("--db"),
                         QStringLiteral("postgresql://nobody@127.0.0.1:1/none"),
                         QStringLiteral("m.sql")},
                 dir, &output),
        1);
    QVERIFY2(output.contains(QLatin1String("cannot connect")), qPrintable(output));
}

QTEST_GUILESS_MAIN(TestLintCatalog)
#include "tst_lintcatalog.moc"
