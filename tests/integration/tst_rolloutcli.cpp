// `tusk rollout dry-run` as a reviewer runs it, against the throwaway
// cluster (the scratch database is made there, with --scratch): a
// hand-written down script that forgets an index fails with the index
// named; a planned rollout passes with a ✓ per step; JSON for scripts;
// the scratch database is dropped afterwards.

#include "testsupport.h"

#include "core/pg/connection.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

namespace {
const char *const fixture = R"sql(
CREATE SCHEMA shop;
CREATE TABLE shop.customers (id bigint PRIMARY KEY, name text);
CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer_id bigint, note text, total numeric);
INSERT INTO shop.customers SELECT g, 'c' || g FROM generate_series(1, 100) g;
INSERT INTO shop.orders SELECT g, 1 + g % 100, 'n' || g, g FROM generate_series(1, 3000) g;
ANALYZE;
)sql";

const char *const pending = R"sql(
ALTER TABLE shop.orders ADD COLUMN tracking_code text;
CREATE INDEX orders_customer_idx ON shop.orders (customer_id);
ALTER TABLE shop.orders ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE shop.orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)
    REFERENCES shop.customers (id);
UPDATE shop.orders SET tracking_code = 'T-' || id WHERE tracking_code IS NULL;
)sql";

QString data(const QString &name)
{
    return QStringLiteral(TUSK_TEST_DATA "/rollout/") + name;
}
} // namespace

class TestRolloutCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void brokenDownScriptNamesTheIndex();
    void plannedRolloutPasses();
    void sheetSignOffAndVoid();
    void scratchDatabaseIsDropped();

private:
    QStringList target() const
    {
        return {QStringLiteral("--db"), m_db->connInfo().toUrl(), QStringLiteral("--scratch"),
            clusterConnInfo().toUrl()};
    }
    std::unique_ptr<ScratchDatabase> m_db;
    QString m_scratch; // the scratch database the dry run made
};

void TestRolloutCli::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("rolloutcli"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    const Reply reply = runAndWait(c, QString::fromUtf8(fixture));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
}

void TestRolloutCli::brokenDownScriptNamesTheIndex()
{
    QString output;
    // The down script is found beside x.up.sql as x.down.sql.
    const int code = runTusk(QStringList {QStringLiteral("rollout"), QStringLiteral("dry-run"),
                                 data(QStringLiteral("broken-down/20261201_shipped.up.sql"))}
            + target(),
        QString(), &output);
    QCOMPARE(code, 1);
    QVERIFY2(output.contains(QStringLiteral("✗ 1 (expand)")), qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("the rollback left: index")), qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("orders_note_idx")), qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("0 proven, 1 failed")), qPrintable(output));
}

void TestRolloutCli::plannedRolloutPasses()
{
    const QString file = scratchFolder(QStringLiteral("rolloutcli")) + QStringLiteral("/p.sql");
    QVERIFY(writeFile(file, pending));
    QString output;
    const int code =
        runTusk(QStringList {QStringLiteral("rollout"), QStringLiteral("dry-run"), file,
                    QStringLiteral("--data"), QStringLiteral("--format"), QStringLiteral("json")}
                + target(),
            QString(), &output);
    QVERIFY2(code == 0, qPrintable(output));
    // Progress goes to stderr, which runTusk mixes in: the JSON follows it.
    const QJsonObject report =
        QJsonDocument::fromJson(output.mid(output.indexOf(QLatin1Char('{'))).toUtf8()).object();
    QVERIFY2(report[QStringLiteral("passed")].toBool(), qPrintable(output));
    m_scratch = report[QStringLiteral("scratch")].toString().section(QLatin1Char(' '), 0, 0);
    QVERIFY2(m_scratch.startsWith(QLatin1String("tusk_scratch_")), qPrintable(m_scratch));
    const QJsonArray steps = report[QStringLiteral("steps")].toArray();
    // 1 add, 1 index, 7 for the NOT NULL column, 2 for the foreign key, 1 backfill,
    // and the last: Tusk's bookkeeping schema dropped.
    QCOMPARE(steps.size(), 13);
    QStringList marks;
    for (const QJsonValue &s : steps)
        marks << s[QStringLiteral("mark")].toString();
    QCOMPARE(marks.join(QString()), QStringLiteral("✓✓✓✓✓✓✓✓✓✓✓⚠⚠"));
    // The NOT NULL column's backfill ran on the copied rows and was timed.
    const QJsonObject fill = steps.at(4).toObject();
    QCOMPARE(fill[QStringLiteral("phase")].toString(), QStringLiteral("backfill"));
    QVERIFY2(fill[QStringLiteral("estimate")].toString().contains(QLatin1String("3000 rows")),
        qPrintable(fill[QStringLiteral("estimate")].toString()));
}

void TestRolloutCli::sheetSignOffAndVoid()
{
    const QString root = scratchFolder(QStringLiteral("rolloutsheet"));
    const QString folder = root + QStringLiteral("/migrations");
    QVERIFY(writeFile(folder + QStringLiteral("/prerelease.sql"), pending));
    QVERIFY(writeFile(folder + QStringLiteral("/CHANGELOG.md"), "# Changelog\n"));
    QVERIFY(writeFile(folder + QStringLiteral("/2026-10-01_released/1.sql"), "SELECT 1;\n"));
    QString output;
    const QStringList db {QStringLiteral("--db"), m_db->connInfo().toUrl()};
    int code = runTusk(QStringList {QStringLiteral("rollout"), QStringLiteral("sheet"), folder,
                           QStringLiteral("--sign-off"), QStringLiteral("--reviewer"),
                           QStringLiteral("Rita Reviewer"), QStringLiteral("-o"),
                           root + QStringLiteral("/sheet.pdf")}
            + db,
        root, &output);
    QVERIFY2(code == 0, qPrintable(output));
    QVERIFY(readFile(root + QStringLiteral("/sheet.pdf")).startsWith("%PDF-"));
    const QByteArray log = readFile(folder + QStringLiteral("/CHANGELOG.md"));
    QVERIFY2(log.contains("- Rollout signed off by Rita Reviewer at "), log.constData());
    QVERIFY(log.contains("<!-- tusk: rollout-sign-off -->"));
    // The Markdown sheet says who signed off, for this very sheet.
    code = runTusk({QStringLiteral("rollout"), QStringLiteral("sheet"), folder,
                       QStringLiteral("--db"), m_db->connInfo().toUrl()},
        root, &output);
    QVERIFY2(code == 0, qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("Signed off by **Rita Reviewer**")), qPrintable(output));
    QVERIFY(output.contains(QLatin1String("- **Lock**: ")));
    // A changed pending file voids it, visibly and in the exit code.
    QVERIFY(writeFile(folder + QStringLiteral("/prerelease.sql"),
        QByteArray(pending) + "ALTER TABLE shop.orders DROP COLUMN note;\n"));
    code = runTusk({QStringLiteral("rollout"), QStringLiteral("sheet"), folder,
                       QStringLiteral("--db"), m_db->connInfo().toUrl()},
        root, &output);
    QCOMPARE(code, 1);
    QVERIFY2(output.contains(QLatin1String("**VOID**")), qPrintable(output));
    // The sheet is never written into released history.
    code =
        runTusk({QStringLiteral("rollout"), QStringLiteral("sheet"), folder, QStringLiteral("-o"),
                    folder + QStringLiteral("/2026-10-01_released/sheet.md"),
                    QStringLiteral("--db"), m_db->connInfo().toUrl()},
            root, &output);
    QCOMPARE(code, 1);
    QVERIFY(!QFile::exists(folder + QStringLiteral("/2026-10-01_released/sheet.md")));
}

void TestRolloutCli::scratchDatabaseIsDropped()
{
    Connection c;
    QVERIFY(openAndWait(c, clusterConnInfo()).isNull());
    // Other tests make scratch databases of their own meanwhile: this one's.
    QVERIFY(!m_scratch.isEmpty());
    const Reply reply = runAndWait(
        c, QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"), {m_scratch});
    QVERIFY(reply.error.isNull());
    QCOMPARE(reply.results.first().value(0, 0).toString(), QStringLiteral("0"));
}

QTEST_GUILESS_MAIN(TestRolloutCli)
#include "tst_rolloutcli.moc"
