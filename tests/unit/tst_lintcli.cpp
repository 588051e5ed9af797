// `tusk lint` as CI runs it: the acceptance file (plain CREATE INDEX, SET
// NOT NULL, UPDATE without WHERE) with locks and alternatives, every output
// format, exit codes, --fix in place and on stdin, and docs/lint-rules.md
// generated from the rules.

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tusk::test;

namespace {
const QByteArray acceptance = "CREATE INDEX orders_customer ON orders (customer_id);\n"
                              "ALTER TABLE orders ALTER COLUMN status SET NOT NULL;\n"
                              "UPDATE orders SET status = 'new';\n";

QString folderWith(const QString &name, const QByteArray &sql)
{
    const QString dir = scratchFolder(name);
    writeFile(dir + QStringLiteral("/migration.sql"), sql);
    return dir;
}
} // namespace

class TestLintCli : public QObject {
    Q_OBJECT
private slots:
    void acceptanceText();
    void jsonFormat();
    void otherFormats();
    void exitCodes();
    void fixRewritesInPlace();
    void fixFromStdin();
    void fixLeavesReleasedMigrations();
    void locks();
    void rulesDocumentIsCurrent();
    void theFilesProjectConfigApplies();
};

void TestLintCli::acceptanceText()
{
    const QString dir = folderWith(QStringLiteral("lint-text"), acceptance);
    QString output;
    QCOMPARE(runTusk({QStringLiteral("lint"), QStringLiteral("migration.sql")}, dir, &output), 1);
    for (const char *expected :
        {"migration.sql:1:1: warning [require-concurrent-index-creation]",
            "lock:    SHARE on orders, scans the table: blocks writes",
            "instead: CREATE INDEX CONCURRENTLY", "migration.sql:2:", "[adding-not-nullable-field]",
            "lock:    ACCESS EXCLUSIVE on orders, scans the table: "
            "blocks reads and writes",
            "migration.sql:3:1: warning [unbatched-update-or-delete]", "DO $batch$",
            "fixable with --fix"})
        QVERIFY2(output.contains(QLatin1String(expected)),
            qPrintable(expected + (QStringLiteral("\n---\n") + output)));
}

void TestLintCli::jsonFormat()
{
    const QString dir = folderWith(QStringLiteral("lint-json"), acceptance);
    QString output;
    QCOMPARE(runTusk({QStringLiteral("lint"), QStringLiteral("--format"), QStringLiteral("json"),
                         QStringLiteral("migration.sql")},
                 dir, &output),
        1);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(output.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + output));
    const QJsonObject file = root[QLatin1String("files")].toArray().first().toObject();
    QCOMPARE(file[QLatin1String("path")].toString(), QStringLiteral("migration.sql"));
    QCOMPARE(file[QLatin1String("statements")].toInt(), 3);
    QStringList rules;
    for (const QJsonValue &v : file[QLatin1String("findings")].toArray()) {
        const QJsonObject f = v.toObject();
        for (const char *key : {"rule", "severity", "line", "column", "end_line", "end_column",
                 "statement", "message", "lock", "fix"})
            QVERIFY2(f.contains(QLatin1String(key)), key);
        rules << QStringLiteral("%1:%2")
                     .arg(f[QLatin1String("line")].toInt())
                     .arg(f[QLatin1String("rule")].toString());
        if (f[QLatin1String("rule")].toString()
            == QLatin1String("require-concurrent-index-creation")) {
            QCOMPARE(f[QLatin1String("column")].toInt(), 1);
            QCOMPARE(f[QLatin1String("end_column")].toInt(), 53);
            QCOMPARE(f[QLatin1String("statement")].toInt(), 1);
            const QJsonObject edit = f[QLatin1String("fix")].toArray().first().toObject();
            QCOMPARE(edit[QLatin1String("text")].toString(), QStringLiteral(" CONCURRENTLY"));
            QCOMPARE(edit[QLatin1String("column")].toInt(), 13);
        }
    }
    QVERIFY2(rules.contains(QStringLiteral("1:require-concurrent-index-creation")),
        qPrintable(rules.join(QLatin1Char(' '))));
    QVERIFY(rules.contains(QStringLiteral("2:adding-not-nullable-field")));
    QVERIFY(rules.contains(QStringLiteral("3:unbatched-update-or-delete")));
}

void TestLintCli::otherFormats()
{
    const QString dir = folderWith(QStringLiteral("lint-formats"), acceptance);
    QString output;
    runTusk(
        {QStringLiteral("lint"), QStringLiteral("--format=gcc"), QStringLiteral("migration.sql")},
        dir, &output);
    QVERIFY2(output.startsWith(QLatin1String("migration.sql:1:1: warning: CREATE INDEX on orders")),
        qPrintable(output));
    runTusk({QStringLiteral("lint"), QStringLiteral("--format=github"),
                QStringLiteral("migration.sql")},
        dir, &output);
    QVERIFY2(output.contains(QLatin1String("::warning "
                                           "file=migration.sql,line=1,col=1,endLine=1,endColumn=53,"
                                           "title=require-concurrent-index-creation::")),
        qPrintable(output));
    runTusk(
        {QStringLiteral("lint"), QStringLiteral("--format=sarif"), QStringLiteral("migration.sql")},
        dir, &output);
    const QJsonObject sarif = QJsonDocument::fromJson(output.toUtf8()).object();
    QCOMPARE(sarif[QLatin1String("version")].toString(), QStringLiteral("2.1.0"));
    const QJsonObject run = sarif[QLatin1String("runs")].toArray().first().toObject();
    QVERIFY(run[QLatin1String("tool")]
                .toObject()[QLatin1String("driver")]
                .toObject()[QLatin1String("rules")]
                .toArray()
                .size()
        > 20);
    const QJsonObject result = run[QLatin1String("results")].toArray().first().toObject();
    QCOMPARE(result[QLatin1String("ruleId")].toString(),
        QStringLiteral("require-concurrent-index-creation"));
    QCOMPARE(result[QLatin1String("locations")]
                 .toArray()
                 .first()
                 .toObject()[QLatin1String("physicalLocation")]
                 .toObject()[QLatin1String("region")]
                 .toObject()[QLatin1String("startLine")]
                 .toInt(),
        1);
}

void TestLintCli::exitCodes()
{
    const QString dir = folderWith(
        QStringLiteral("lint-exit"), "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a);\n");
    QString output;
    QCOMPARE(runTusk({QStringLiteral("lint"), QStringLiteral("migration.sql")}, dir, &output), 0);
    writeFile(dir + QStringLiteral("/info.sql"),
        "CREATE TABLE t (a int);\n"); // prefer-robust-stmts: info
    QCOMPARE(runTusk({QStringLiteral("lint"), QStringLiteral("info.sql")}, dir, &output), 0);
    QCOMPARE(runTusk({QStringLiteral("lint"), QStringLiteral("--fail-on"), QStringLiteral("info"),
                         QStringLiteral("info.sql")},
                 dir, &output),
        1);
    QCOMPARE(runTusk({QStringLiteral("lint"), QStringLiteral("missing.sql")}, dir, &output), 2);
    QVERIFY2(output.contains(QLatin1String("missing.sql: error: cannot read the file")),
        qPrintable(output));
    QCOMPARE(runTusk({QStringLiteral("lint"), QStringLiteral("--format"), QStringLiteral("xml"),
                         QStringLiteral("migration.sql")},
                 dir, &output),
        2);
    QCOMPARE(runTusk({QStringLiteral("lint")}, dir, &output), 2);
    QCOMPARE(runTusk({QStringLiteral("lint"), QStringLiteral("--pg-version"),
                         QStringLiteral("eleven"), QStringLiteral("migration.sql")},
                 dir, &output),
        2);
    // A folder lints its .sql files; the grammar's syntax error counts as an error.
    writeFile(dir + QStringLiteral("/sub/bad.sql"), "ALTER TABLE t ADD COLUM c int;\n");
    QCOMPARE(
        runTusk({QStringLiteral("lint"), QStringLiteral("--fail-on=error"), QStringLiteral(".")},
            dir, &output),
        1);
    QVERIFY2(output.contains(QLatin1String("sub/bad.sql:1:"))
            && output.contains(QLatin1String("[syntax-error]")),
        qPrintable(output));
}

void TestLintCli::fixRewritesInPlace()
{
    const QString dir = folderWith(QStringLiteral("lint-fix"),
        "SET lock_timeout = '2s';\nSET statement_timeout = '5min';\n"
        "CREATE INDEX orders_customer ON orders (customer_id);\n");
    QString output;
    QCOMPARE(
        runTusk({QStringLiteral("lint"), QStringLiteral("--fix"), QStringLiteral("migration.sql")},
            dir, &output),
        0);
    QCOMPARE(readFile(dir + QStringLiteral("/migration.sql")),
        QByteArray(
            "SET lock_timeout = '2s';\nSET statement_timeout = '5min';\n"
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer ON orders (customer_id);\n"));
    QVERIFY2(output.contains(QLatin1String("migration.sql: 2 fixes applied")), qPrintable(output));
}

void TestLintCli::fixFromStdin()
{
    QString output;
    const int code = runTusk({QStringLiteral("lint"), QStringLiteral("--fix"),
                                 QStringLiteral("--format=gcc"), QStringLiteral("-")},
        folderWith(QStringLiteral("lint-stdin"), {}), &output, {},
        "BEGIN;\nALTER TABLE orders ADD COLUMN note text;\n");
    // Both fixes (timeouts, COMMIT) applied, nothing is left to report.
    QCOMPARE(code, 0);
    QVERIFY2(output.contains(QLatin1String("ALTER TABLE orders ADD COLUMN note text;\nCOMMIT;\n")),
        qPrintable(output));
}

void TestLintCli::fixLeavesReleasedMigrations()
{
    // The migrations folder is given on the command line; the project names
    // none. Released files, a link into a released folder, and a file in a
    // folder whose name ends in "released" in another case keep every byte.
    const QByteArray fixable = "CREATE INDEX orders_customer ON orders (customer_id);\n";
    const QString dir = folderWith(QStringLiteral("lint-fix-released"), {});
    const QString migrations = dir + QStringLiteral("/migrations");
    writeFile(migrations + QStringLiteral("/2024_released/001.sql"), fixable);
    writeFile(migrations + QStringLiteral("/old_RELEASED/002.sql"), fixable);
    writeFile(migrations + QStringLiteral("/prerelease.sql"), fixable);
    QVERIFY(QFile::link(migrations + QStringLiteral("/2024_released/001.sql"),
        migrations + QStringLiteral("/linked.sql")));
    QString output;
    runTusk({QStringLiteral("lint"), QStringLiteral("--fix"), QStringLiteral("migrations")}, dir,
        &output);
    QCOMPARE(readFile(migrations + QStringLiteral("/2024_released/001.sql")), fixable);
    QCOMPARE(readFile(migrations + QStringLiteral("/old_RELEASED/002.sql")), fixable);
    QVERIFY(QFileInfo(migrations + QStringLiteral("/linked.sql")).isSymLink());
    QVERIFY2(readFile(migrations + QStringLiteral("/prerelease.sql"))
                 .contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS"),
        qPrintable(output));
    QVERIFY2(output.contains(QLatin1String(
                 "migrations/2024_released/001.sql: a released migration, never rewritten")),
        qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("migrations/linked.sql: a released migration")),
        qPrintable(output));

    // Inside the migrations folder itself, a released file named alone.
    runTusk(
        {QStringLiteral("lint"), QStringLiteral("--fix"), QStringLiteral("2024_released/001.sql")},
        migrations, &output);
    QCOMPARE(readFile(migrations + QStringLiteral("/2024_released/001.sql")), fixable);
}

void TestLintCli::locks()
{
    const QString dir = folderWith(QStringLiteral("lint-locks"),
        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id) "
        "NOT VALID;\n"
        "ALTER TABLE orders VALIDATE CONSTRAINT fk;\n");
    QString output;
    runTusk({QStringLiteral("lint"), QStringLiteral("--locks"), QStringLiteral("migration.sql")},
        dir, &output);
    for (const char *expected : {"migration.sql: locks, statement by statement",
             "SHARE ROW EXCLUSIVE on orders: blocks writes and other schema changes; reads go on",
             "SHARE ROW EXCLUSIVE on customers:", "2: ALTER TABLE orders VALIDATE CONSTRAINT fk;",
             "SHARE UPDATE EXCLUSIVE on orders, scans the table: blocks other schema changes; "
             "reads and writes go on"})
        QVERIFY2(output.contains(QLatin1String(expected)),
            qPrintable(expected + (QStringLiteral("\n---\n") + output)));
}

void TestLintCli::rulesDocumentIsCurrent()
{
    QString output;
    QCOMPARE(runTusk({QStringLiteral("lint"), QStringLiteral("--list-rules"),
                         QStringLiteral("--format"), QStringLiteral("markdown")},
                 folderWith(QStringLiteral("lint-rules"), {}), &output),
        0);
    const QByteArray docs = readFile(QStringLiteral(TUSK_SOURCE_DIR "/docs/lint-rules.md"));
    QVERIFY2(output.toUtf8() == docs,
        "docs/lint-rules.md is stale: regenerate it with `tusk lint --list-rules --format markdown "
        "> docs/lint-rules.md`");
}

void TestLintCli::theFilesProjectConfigApplies()
{
    // A migration of another repository is linted with that repository's
    // .tusk-lint.toml, wherever tusk lint runs from (as the editor does).
    const QString other = scratchFolder(QStringLiteral("lint-other-project"));
    QVERIFY(QDir().mkpath(other + QStringLiteral("/.git")));
    QVERIFY(writeFile(
        other + QStringLiteral("/.tusk-lint.toml"), "[rules]\nprefer-robust-stmts = \"off\"\n"));
    QVERIFY(writeFile(other + QStringLiteral("/db/1.sql"), "CREATE INDEX i ON t (c);\n"));
    const QString elsewhere = scratchFolder(QStringLiteral("lint-elsewhere"));
    QVERIFY(QDir().mkpath(elsewhere));
    QString output;
    runTusk({QStringLiteral("lint"), other + QStringLiteral("/db/1.sql")}, elsewhere, &output);
    QVERIFY2(
        output.contains(QLatin1String("require-concurrent-index-creation")), qPrintable(output));
    QVERIFY2(!output.contains(QLatin1String("prefer-robust-stmts")), qPrintable(output));
    // --config none reads neither file.
    runTusk({QStringLiteral("lint"), QStringLiteral("--config"), QStringLiteral("none"),
                other + QStringLiteral("/db/1.sql")},
        elsewhere, &output);
    QVERIFY2(output.contains(QLatin1String("prefer-robust-stmts")), qPrintable(output));
}

QTEST_GUILESS_MAIN(TestLintCli)
#include "tst_lintcli.moc"
