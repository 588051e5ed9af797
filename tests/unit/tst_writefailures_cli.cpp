// The command line's face of a failed write (issue point 5): `tusk migrate
// add`, `tusk migrate release`, `tusk profiles migrate` and `tusk plan -o`
// against a read-only folder, a full disk, a directory and an immutable file
// staged for real (writefailurecase.h). Each must exit non-zero, say on
// stderr what failed, where and why, and leave the folder as it was.
//
// As root every case runs; without root the full disk and the immutable
// file fail with WriteObstacle::needsRootMessage().

#include "writefailurecase.h"

#include "testsupport.h"

#include <QTest>

using namespace tusk::test;

namespace {
struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// stdout and stderr apart: the message belongs on stderr.
Run runCommand(const QStringList &arguments, const QString &workingDir, const QStringList &env = {})
{
    Run run;
    run.exitCode = runTusk(arguments, workingDir, &run.out, env, {}, &run.err);
    return run;
}

const QByteArray pendingSql = "CREATE TABLE shop.orders (id bigint PRIMARY KEY);\n";
const QByteArray changelogText = "# Changelog\n\n## 2026-12-01\n"
                                 "- table shop.orders created <!-- tusk: prerelease.sql -->\n";
const QByteArray plan = "Seq Scan on orders  (cost=0.00..35.50 rows=2550 width=4) (actual "
                        "time=0.010..0.200 rows=2550 loops=1)\nPlanning Time: 0.050 ms\n"
                        "Execution Time: 0.300 ms\n";
} // namespace

#define VERIFY_FAILED_CLEARLY(c, run, path)                                                        \
    do {                                                                                           \
        const QString all_ = (run).out + (run).err;                                                \
        QVERIFY2((run).exitCode > 0, qPrintable(all_));                                            \
        QString why_;                                                                              \
        QVERIFY2((c).saysWhatAndWhere((run).err, (path), &why_), qPrintable(why_ + '\n' + all_));  \
        QVERIFY2((c).snapshot() == (c).before(), "the folder changed");                            \
    } while (false)

class TestWriteFailuresCli : public QObject {
    Q_OBJECT
    QString m_inputs; // files the commands read, on a disk that works

private slots:
    void initTestCase();
    void migrateAdd_data() { WriteFailureCase::addObstacleRows(); }
    void migrateAdd();
    void migrateRelease_data() { WriteFailureCase::addObstacleRows(); }
    void migrateRelease();
    void profilesMigrate_data() { WriteFailureCase::addObstacleRows(); }
    void profilesMigrate();
    void planOutput_data() { WriteFailureCase::addObstacleRows(); }
    void planOutput();
};

void TestWriteFailuresCli::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("TUSK_EXECUTABLE"), "run through ctest");
    m_inputs = scratchFolder(QStringLiteral("writefailures-cli-inputs"));
    QVERIFY(writeFile(m_inputs + QStringLiteral("/change.sql"),
        "ALTER TABLE shop.orders ADD COLUMN note text;\n"));
    QVERIFY(writeFile(m_inputs + QStringLiteral("/plan.txt"), plan));
}

void TestWriteFailuresCli::migrateAdd()
{
    QFETCH(Obstacle, obstacle);
    WriteFailureCase c(obstacle, QStringLiteral("migrations"));
    if (!c.stage({{QStringLiteral("prerelease.sql"), pendingSql},
                     {QStringLiteral("CHANGELOG.md"), changelogText}},
            QStringLiteral("prerelease.sql")))
        QFAIL(qPrintable(c.error()));
    const Run run =
        runCommand({QStringLiteral("migrate"), QStringLiteral("add"),
                       m_inputs + QStringLiteral("/change.sql"), QStringLiteral("--dir"),
                       c.folder(), QStringLiteral("--date"), QStringLiteral("2026-12-05")},
            m_inputs);
    VERIFY_FAILED_CLEARLY(c, run, c.path(QStringLiteral("prerelease.sql")));
}

void TestWriteFailuresCli::migrateRelease()
{
    QFETCH(Obstacle, obstacle);
    WriteFailureCase c(obstacle, QStringLiteral("migrations"));
    if (!c.stage({{QStringLiteral("prerelease.sql"), pendingSql},
                     {QStringLiteral("CHANGELOG.md"), changelogText}},
            QStringLiteral("CHANGELOG.md")))
        QFAIL(qPrintable(c.error()));
    const Run run = runCommand(
        {QStringLiteral("migrate"), QStringLiteral("release"), QStringLiteral("--dir"), c.folder(),
            QStringLiteral("--date"), QStringLiteral("2026-12-05"), QStringLiteral("--yes")},
        m_inputs);
    const bool changelogNamed =
        obstacle == Obstacle::Directory || obstacle == Obstacle::ImmutableFile;
    VERIFY_FAILED_CLEARLY(c, run, changelogNamed ? QStringLiteral("CHANGELOG.md") : c.folder());
    QVERIFY2(run.err.contains(QLatin1String("nothing was released")), qPrintable(run.err));
}

void TestWriteFailuresCli::profilesMigrate()
{
    QFETCH(Obstacle, obstacle);
    // The user's file, $XDG_CONFIG_HOME/tusk/postgres.toml, still pre-1:
    // `profiles migrate` rewrites it with a .bak.
    WriteFailureCase c(obstacle, QStringLiteral("config"));
    const QString target = obstacle == Obstacle::Directory
        ? QStringLiteral("tusk/postgres.toml.bak")
        : QStringLiteral("tusk/postgres.toml");
    if (!c.stage({{QStringLiteral("tusk/postgres.toml"),
                     "[database.local]\nhost = \"localhost\"\ndatabase = \"shop\"\n"}},
            target))
        QFAIL(qPrintable(c.error()));
    const Run run = runCommand({QStringLiteral("profiles"), QStringLiteral("migrate")}, m_inputs,
        {QStringLiteral("XDG_CONFIG_HOME=") + c.folder()});
    VERIFY_FAILED_CLEARLY(c, run, c.path(QStringLiteral("tusk/postgres.toml")));
}

void TestWriteFailuresCli::planOutput()
{
    QFETCH(Obstacle, obstacle);
    WriteFailureCase c(obstacle, QStringLiteral("exports"));
    if (!c.stage({{QStringLiteral("plan.json"), "{\"an\": \"older export\"}\n"}},
            QStringLiteral("plan.json")))
        QFAIL(qPrintable(c.error()));
    const QString out = c.path(QStringLiteral("plan.json"));
    const Run run =
        runCommand({QStringLiteral("plan"), QStringLiteral("--format"), QStringLiteral("json"),
                       QStringLiteral("-o"), out, m_inputs + QStringLiteral("/plan.txt")},
            m_inputs);
    VERIFY_FAILED_CLEARLY(c, run, out);
}

QTEST_GUILESS_MAIN(TestWriteFailuresCli)
#include "tst_writefailures_cli.moc"
