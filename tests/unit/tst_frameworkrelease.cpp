// FrameworkRelease over golden projects (tests/data/migrations-frameworks/
// <case>/): `before/` is a project whose migrations folder is `migrations/`
// and belongs to a migration tool; `options` may give the release a name
// (`name: …`) or the small catalog of orderscatalog.h as the state before
// (`snapshot: orders`; without it the snapshot is null). `expected.txt`
// holds the plan as the user sees it, the outcome and the whole project
// after it (rewritten by TUSK_UPDATE_GOLDEN=1). Released parts keep their
// bytes, mode and mtime throughout. Beside them: names, a plan that is
// stale by the time it is applied, and a failure halfway that is undone.

#include "foldertree.h"
#include "goldenfile.h"
#include "orderscatalog.h"

#include "core/migrations/frameworkrelease.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

namespace {
const QDateTime kNow(QDate(2026, 12, 5), QTime(10, 11, 12), Qt::UTC);
const QDateTime kOld(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC);

QString option(const QString &caseDir, const QString &key)
{
    const QString text =
        QString::fromUtf8(FolderTree::read(QDir(caseDir).filePath(QStringLiteral("options"))));
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(key + QLatin1Char(':')))
            return line.mid(key.size() + 1).trimmed();
    }
    return {};
}

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}
} // namespace

class TestFrameworkRelease : public QObject {
    Q_OBJECT
private slots:
    void golden_data();
    void golden();
    void slug_data();
    void slug();
    void stalePlanWritesNothing();
    void failureHalfwayIsUndone();
    void changelogNotUtf8WritesNothing();
};

void TestFrameworkRelease::golden_data()
{
    QTest::addColumn<QString>("caseDir");
    const QDir data(QStringLiteral(TUSK_FRAMEWORKS_DATA));
    const QStringList cases = data.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY2(cases.size() >= 8, "the golden projects are missing");
    for (const QString &c : cases)
        QTest::newRow(qPrintable(c)) << data.filePath(c);
}

void TestFrameworkRelease::golden()
{
    QFETCH(QString, caseDir);
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString project = temp.filePath(QStringLiteral("project"));
    FolderTree::copy(QDir(caseDir).filePath(QStringLiteral("before")), project, kOld);
    const QString folder = QDir(project).filePath(QStringLiteral("migrations"));
    const QMap<QString, QString> released = FolderTree::releasedState(project);

    const CatalogSnapshot before =
        option(caseDir, QStringLiteral("snapshot")).isEmpty() ? CatalogSnapshot() : ordersCatalog();
    const FrameworkRelease::Plan plan = FrameworkRelease::plan(
        MigrationsFolder::read(folder), before, kNow, option(caseDir, QStringLiteral("name")));
    const FrameworkRelease::Outcome outcome = FrameworkRelease::apply(plan, folder);

    const QMap<QString, QString> after = FolderTree::releasedState(project);
    for (auto it = released.constBegin(); it != released.constEnd(); ++it)
        QCOMPARE(after.value(it.key()), it.value());
    QByteArray actual = "framework: " + FrameworkRelease::frameworkOf(folder).toUtf8() + '\n';
    actual += "--- plan\n" + plan.preview(folder).toUtf8();
    actual += "--- " + QByteArray(outcome.ok ? "applied: " : "refused: ") + outcome.message.toUtf8()
        + '\n';
    actual += FolderTree::dump(project);
    const QString diff =
        GoldenFile::compare(QDir(caseDir).filePath(QStringLiteral("expected.txt")), actual);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestFrameworkRelease::slug_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("words") << QStringLiteral("shop.orders: column tracking_code added")
                           << QStringLiteral("shop_orders_column_tracking_code_added");
    QTest::newRow("case and runs")
        << QStringLiteral("  Add  \"Order\" -- notes!! ") << QStringLiteral("add_order_notes");
    QTest::newRow("not ascii") << QStringLiteral("café crème") << QStringLiteral("caf_cr_me");
    QTest::newRow("long, cut at a word")
        << QStringLiteral("index customers_phone_idx on shop.customers phone built concurrently")
        << QStringLiteral("index_customers_phone_idx_on_shop_customers_phone");
    QTest::newRow("nothing left") << QStringLiteral("--- ") << QString();
}

void TestFrameworkRelease::slug()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(FrameworkRelease::slug(text), expected);
    QVERIFY(FrameworkRelease::slug(text).size() <= 50);
}

// A pending file saved after the plan was made: apply() writes nothing.
void TestFrameworkRelease::stalePlanWritesNothing()
{
    QTemporaryDir temp;
    const QString folder = temp.filePath(QStringLiteral("migrations"));
    write(
        QDir(folder).filePath(QStringLiteral("000001_init.up.sql")), "CREATE TABLE t (id int);\n");
    write(QDir(folder).filePath(QStringLiteral("000001_init.down.sql")), "DROP TABLE t;\n");
    const QString pending = QDir(folder).filePath(QStringLiteral("prerelease.sql"));
    write(pending, "ALTER TABLE t ADD COLUMN a int;\n");
    const FrameworkRelease::Plan plan =
        FrameworkRelease::plan(MigrationsFolder::read(folder), CatalogSnapshot(), kNow);
    QVERIFY2(plan.ok, qPrintable(plan.message));
    QCOMPARE(plan.framework, QStringLiteral("golang-migrate"));
    const QByteArray tree = FolderTree::dump(folder);
    write(pending, "ALTER TABLE t ADD COLUMN b int;\n");
    const QByteArray edited = FolderTree::dump(folder);
    QVERIFY(tree != edited);

    const FrameworkRelease::Outcome outcome = FrameworkRelease::apply(plan, folder);
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.message.contains(QLatin1String("changed since")), qPrintable(outcome.message));
    QCOMPARE(FolderTree::dump(folder), edited);
}

// A sqitch release whose third file cannot be written (a file stands where
// its folder goes): the two written before it go, with their folders, and
// sqitch.plan, CHANGELOG.md and the pending file are as they were.
void TestFrameworkRelease::failureHalfwayIsUndone()
{
    QTemporaryDir temp;
    const QString folder = temp.filePath(QStringLiteral("migrations"));
    write(QDir(folder).filePath(QStringLiteral("sqitch.plan")),
        "%syntax-version=1.0.0\n%project=shop\n\n"
        "init 2026-01-02T03:04:05Z Ann <ann@example.com> # first\n");
    write(QDir(folder).filePath(QStringLiteral("prerelease.sql")),
        "CREATE TABLE shop.items (id int);\n");
    write(QDir(folder).filePath(QStringLiteral("CHANGELOG.md")),
        "# Changelog\n\n## 2026-12-01\n- shop.items: table created <!-- tusk: prerelease.sql "
        "-->\n");
    const FrameworkRelease::Plan plan =
        FrameworkRelease::plan(MigrationsFolder::read(folder), CatalogSnapshot(), kNow);
    QVERIFY2(plan.ok, qPrintable(plan.message));
    QCOMPARE(plan.writes.size(), 3);
    QVERIFY(plan.writes.at(2).first.contains(QLatin1String("/verify/")));
    write(QDir(folder).filePath(QStringLiteral("verify")), "in the way\n");
    const QByteArray tree = FolderTree::dump(folder);

    const FrameworkRelease::Outcome outcome = FrameworkRelease::apply(plan, folder);
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.message.contains(QLatin1String("nothing was released")),
        qPrintable(outcome.message));
    QCOMPARE(FolderTree::dump(folder), tree);
    QVERIFY(!QFileInfo::exists(QDir(folder).filePath(QStringLiteral("deploy"))));
    QVERIFY(!QFileInfo::exists(QDir(folder).filePath(QStringLiteral("revert"))));
}

// Tusk's UTF-8 lines would leave two encodings in a Latin-1 CHANGELOG.md:
// the release stops before it writes anything, and names the line.
void TestFrameworkRelease::changelogNotUtf8WritesNothing()
{
    QTemporaryDir temp;
    const QString folder = temp.filePath(QStringLiteral("migrations"));
    write(QDir(folder).filePath(QStringLiteral("0001_init.up.sql")), "CREATE TABLE t (id int);\n");
    write(QDir(folder).filePath(QStringLiteral("prerelease.sql")), "ALTER TABLE t ADD a int;\n");
    write(QDir(folder).filePath(QStringLiteral("CHANGELOG.md")),
        "# Changelog\n\n## 2026-12-01\n- Caf\xe9 orders.\n");
    const FrameworkRelease::Plan plan =
        FrameworkRelease::plan(MigrationsFolder::read(folder), CatalogSnapshot(), kNow);
    QVERIFY2(plan.ok, qPrintable(plan.message));
    const QByteArray tree = FolderTree::dump(folder);
    const FrameworkRelease::Outcome outcome = FrameworkRelease::apply(plan, folder);
    QVERIFY(!outcome.ok);
    QVERIFY2(
        outcome.message.contains(QLatin1String("not UTF-8 (line 4")), qPrintable(outcome.message));
    QCOMPARE(FolderTree::dump(folder), tree);
}

QTEST_GUILESS_MAIN(TestFrameworkRelease)
#include "tst_frameworkrelease.moc"
