// The migrations folder's reading side (core/migrations): pending files in
// natural order, duplicate numbers and a bare prerelease.sql beside numbered
// ones reported, released names by their ending; CHANGELOG.md edited only
// in Tusk's own lines (the user's text kept byte for byte, entries added
// under today's date newest first, removed on release); and the words
// ChangeDescriber derives from the parse tree.

#include "core/migrations/changedescriber.h"
#include "core/migrations/changelog.h"
#include "core/migrations/migrationsfolder.h"
#include "core/migrations/migrationsoverview.h"
#include "core/sql/parsedscript.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tusk::core;

namespace {
void touch(const QString &path, const QByteArray &bytes = "SELECT 1;\n")
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QStringList names(const MigrationsFolder &folder)
{
    QStringList out;
    for (const MigrationsFolder::PendingFile &p : folder.pending())
        out << p.name;
    return out;
}
} // namespace

class TestMigrationsFolder : public QObject {
    Q_OBJECT
private slots:
    void naturalOrderAndReleased();
    void duplicateNumbersAreProblems();
    void missingFolder();
    void changelogAddsUnderToday();
    void changelogKeepsTheUsersText();
    void changelogRemovesReleasedEntries();
    void staleEntriesNameTheWholeReleasedName();
    void describesFromTheParseTree_data();
    void describesFromTheParseTree();
};

void TestMigrationsFolder::naturalOrderAndReleased()
{
    QTemporaryDir dir;
    for (const char *name : {"10_prerelease.sql", "2_prerelease.sql", "1_prerelease.sql",
             "notes.txt", "old.sql", "001_init.RELEASED", "x_released.sql", "0_prerelease.sql"})
        touch(dir.filePath(QLatin1String(name)));
    touch(dir.filePath(QStringLiteral("2026-10-01_Released/001_baseline.sql")));
    const MigrationsFolder folder = MigrationsFolder::read(dir.path());
    QVERIFY(folder.problems().isEmpty());
    QCOMPARE(names(folder),
        QStringList({QStringLiteral("1_prerelease.sql"), QStringLiteral("2_prerelease.sql"),
            QStringLiteral("10_prerelease.sql")}));
    QCOMPARE(QFileInfo(folder.latestPendingPath()).fileName(), QStringLiteral("10_prerelease.sql"));
    // The rule is the name's ending, any case: x_released.sql ends in ".sql".
    QCOMPARE(folder.released(),
        QStringList({QStringLiteral("001_init.RELEASED"), QStringLiteral("2026-10-01_Released")}));
}

void TestMigrationsFolder::duplicateNumbersAreProblems()
{
    QTemporaryDir dir;
    touch(dir.filePath(QStringLiteral("2_prerelease.sql")));
    touch(dir.filePath(QStringLiteral("02_prerelease.sql")));
    touch(dir.filePath(QStringLiteral("prerelease.sql")));
    const MigrationsFolder folder = MigrationsFolder::read(dir.path());
    QCOMPARE(folder.problems().size(), 2);
    QCOMPARE(folder.problems().at(0).kind, MigrationsFolder::Problem::Kind::DuplicateNumber);
    QVERIFY(folder.problems().at(0).message.contains(QLatin1String("number 2")));
    QCOMPARE(folder.problems().at(0).paths.size(), 2);
    QCOMPARE(folder.problems().at(1).kind, MigrationsFolder::Problem::Kind::BareAndNumbered);
    // Never guessed around: no file to add changes to.
    QVERIFY(folder.latestPendingPath().isEmpty());
}

void TestMigrationsFolder::missingFolder()
{
    const MigrationsFolder folder =
        MigrationsFolder::read(QStringLiteral("/nonexistent/db/migrations"));
    QVERIFY(!folder.exists());
    QCOMPARE(folder.problems().value(0).kind, MigrationsFolder::Problem::Kind::MissingFolder);
}

void TestMigrationsFolder::changelogAddsUnderToday()
{
    Changelog log;
    log.addEntries(QDate(2026, 12, 4), QStringLiteral("prerelease.sql"), {QStringLiteral("a")});
    log.addEntries(QDate(2026, 12, 5), QStringLiteral("prerelease.sql"),
        {QStringLiteral("b"), QStringLiteral("c")});
    log.addEntries(QDate(2026, 12, 5), QStringLiteral("prerelease.sql"),
        {QStringLiteral("c"), QStringLiteral("d")});
    QCOMPARE(log.text(),
        QByteArray("# Changelog\n\n"
                   "## 2026-12-05\n"
                   "- b <!-- tusk: prerelease.sql -->\n"
                   "- c <!-- tusk: prerelease.sql -->\n"
                   "- d <!-- tusk: prerelease.sql -->\n\n"
                   "## 2026-12-04\n"
                   "- a <!-- tusk: prerelease.sql -->\n"));
    QVERIFY(log.misorderedDates().isEmpty());
    QCOMPARE(log.entries().size(), 4);
    QCOMPARE(log.entries().first().file, QStringLiteral("prerelease.sql"));
}

void TestMigrationsFolder::changelogKeepsTheUsersText()
{
    const QByteArray mine = "# Changelog\r\n\nWritten by hand.  \n\n## 2026-12-05\n"
                            "- my own note, *as I like it*\n\n## 2026-11-21\n- older\n";
    Changelog log(mine);
    log.addEntries(QDate(2026, 12, 5), QStringLiteral("1_prerelease.sql"), {QStringLiteral("x")});
    QCOMPARE(log.text(),
        QByteArray("# Changelog\r\n\nWritten by hand.  \n\n## 2026-12-05\n"
                   "- my own note, *as I like it*\n"
                   "- x <!-- tusk: 1_prerelease.sql -->\n\n## 2026-11-21\n- older\n"));
    // Removing Tusk's entry gives the user's bytes back exactly.
    QCOMPARE(log.removeEntriesFor({QStringLiteral("1_prerelease.sql")}), 1);
    QCOMPARE(log.text(), mine);

    // A section the user left empty stays; any heading ends a section.
    const QByteArray sparse =
        "# Changelog\n\n## 2026-12-06\n\n## 2026-12-05\n- mine\n# Notes\ntext\n";
    Changelog other(sparse);
    other.addEntries(QDate(2026, 12, 5), QStringLiteral("prerelease.sql"), {QStringLiteral("y")});
    QCOMPARE(other.text(),
        QByteArray("# Changelog\n\n## 2026-12-06\n\n## 2026-12-05\n- mine\n"
                   "- y <!-- tusk: prerelease.sql -->\n\n# Notes\ntext\n"));
    QCOMPARE(other.removeEntriesFor({QStringLiteral("prerelease.sql")}), 1);
    QCOMPARE(other.text(),
        QByteArray("# Changelog\n\n## 2026-12-06\n\n## 2026-12-05\n- mine\n\n# Notes\ntext\n"));
}

void TestMigrationsFolder::changelogRemovesReleasedEntries()
{
    Changelog log("# Changelog\n\n## 2026-12-05\n- a <!-- tusk: 2_prerelease.sql -->\n\n"
                  "## 2026-12-04\n- b <!-- tusk: 1_prerelease.sql -->\n"
                  "- c <!-- tusk: 1_prerelease.sql -->\n\n## 2026-12-01\n- by hand\n");
    QCOMPARE(log.removeEntriesFor({QStringLiteral("1_prerelease.sql")}), 2);
    QCOMPARE(log.text(),
        QByteArray("# Changelog\n\n## 2026-12-05\n- a <!-- tusk: 2_prerelease.sql -->\n\n"
                   "## 2026-12-01\n- by hand\n"));
}

void TestMigrationsFolder::staleEntriesNameTheWholeReleasedName()
{
    QTemporaryDir dir;
    touch(dir.filePath(QStringLiteral("released/001.sql")));
    touch(dir.filePath(QStringLiteral("CHANGELOG.md")),
        "# Changelog\n\n## 2026-12-05\n- orders: column released_at added\n"
        "- baseline (released/001.sql)\n");
    const MigrationsOverview overview = MigrationsOverview::read(dir.path());
    QCOMPARE(overview.staleEntries.size(), 1);
    QVERIFY(overview.staleEntries.first().contains(QLatin1String("line 5")));
}

void TestMigrationsFolder::describesFromTheParseTree_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QStringList>("words");
    auto row = [](const char *sql, QStringList words) {
        QTest::newRow(sql) << QByteArray(sql) << words;
    };
    row("ALTER TABLE shop.orders ADD COLUMN tracking_code text;",
        {QStringLiteral("shop.orders: column tracking_code added (text, nullable)")});
    row("CREATE INDEX CONCURRENTLY customers_phone_idx ON shop.customers (phone);",
        {QStringLiteral(
            "index customers_phone_idx on shop.customers (phone), built concurrently")});
    row("ALTER TABLE shop.orders ADD COLUMN n bigint NOT NULL DEFAULT 0, ALTER COLUMN ref SET NOT "
        "NULL;",
        {QStringLiteral("shop.orders: column n added (bigint, NOT NULL, with a default)"),
            QStringLiteral("shop.orders: column ref set NOT NULL")});
    row("ALTER TABLE shop.orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;",
        {QStringLiteral("shop.orders: constraint orders_total_check added (CHECK, NOT VALID)")});
    row("BEGIN; SET lock_timeout = '2s'; COMMIT;", {});
    row("UPDATE shop.orders SET tracking_code = '' WHERE id < 1000;",
        {QStringLiteral("shop.orders: rows updated (backfill)")});
    row("DROP INDEX CONCURRENTLY shop.orders_old_idx;",
        {QStringLiteral("index shop.orders_old_idx dropped concurrently")});
    row("ALTER TABLE shop.orders RENAME COLUMN ref TO reference;",
        {QStringLiteral("shop.orders: ref renamed to reference")});
    row("CREATE TABLE shop.notes (id bigint, body text);",
        {QStringLiteral("table shop.notes created (2 columns)")});
    row("CREATE TRIGGER t AFTER UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION f();",
        {QStringLiteral("CREATE TRIGGER t AFTER …")});
}

void TestMigrationsFolder::describesFromTheParseTree()
{
    QFETCH(QByteArray, sql);
    QFETCH(QStringList, words);
    QCOMPARE(ChangeDescriber::describe(ParsedScript(sql)), words);
}

QTEST_GUILESS_MAIN(TestMigrationsFolder)
#include "tst_migrationsfolder.moc"
