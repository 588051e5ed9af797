// The command-line face, run as a real process without a display.

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

class TestCommandLine : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void versionNeedsNoDisplay();
    void helpListsCommands();
    void unknownCommandExitsTwo();
    void windowWithoutDisplayExplainsXvfb();
    void sqlFilesGoToTheWindow();
    void sandboxArgumentsAreChecked();
    void sandboxStatusOfMissingFolder();
    void sandboxRefusesToRemoveForeignFolder();

private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run tusk(const QStringList &arguments);
    QString m_executable;
};

void TestCommandLine::initTestCase()
{
    m_executable = qEnvironmentVariable("TUSK_EXECUTABLE");
    QVERIFY2(QFile::exists(m_executable), "TUSK_EXECUTABLE must name the built tusk");
}

TestCommandLine::Run TestCommandLine::tusk(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(name));
    process.setProcessEnvironment(env);
    process.start(m_executable, arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError())};
}

void TestCommandLine::versionNeedsNoDisplay()
{
    const Run run = tusk({QStringLiteral("--version")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QLatin1String("tusk 0.")), qPrintable(run.out));
}

void TestCommandLine::helpListsCommands()
{
    const Run run = tusk({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QLatin1String("sandbox")));
    QVERIFY(run.out.contains(QLatin1String("--version")));
}

void TestCommandLine::unknownCommandExitsTwo()
{
    const Run run = tusk({QStringLiteral("frobnicate"), QStringLiteral("--now")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("unknown command 'frobnicate'")), qPrintable(run.err));
}

void TestCommandLine::windowWithoutDisplayExplainsXvfb()
{
    const Run run = tusk({});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("xvfb-run")), qPrintable(run.err));
}

void TestCommandLine::sqlFilesGoToTheWindow()
{
    // `tusk migration.sql` opens the window (here: explains it needs a
    // display), not "unknown command".
    const Run run = tusk({QStringLiteral("001_add_index.sql")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("xvfb-run")), qPrintable(run.err));
    const Run nested = tusk({QStringLiteral("db/migrations/002")});
    QCOMPARE(nested.exitCode, 1);
    QVERIFY(run.err.contains(QLatin1String("xvfb-run")));
}

void TestCommandLine::sandboxArgumentsAreChecked()
{
    Run run = tusk({QStringLiteral("sandbox")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QLatin1String("name one action")));
    run = tusk({QStringLiteral("sandbox"), QStringLiteral("explode")});
    QCOMPARE(run.exitCode, 2);
    run = tusk({QStringLiteral("sandbox"), QStringLiteral("start"), QStringLiteral("--bogus")});
    QCOMPARE(run.exitCode, 2);
    run = tusk({QStringLiteral("sandbox"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(QLatin1String("Usage: tusk sandbox")));
}

void TestCommandLine::sandboxStatusOfMissingFolder()
{
    const QString folder = tusk::test::scratchFolder(QStringLiteral("cli-missing"));
    Run run = tusk(
        {QStringLiteral("sandbox"), QStringLiteral("status"), QStringLiteral("--dir"), folder});
    QCOMPARE(run.exitCode, 4);
    QVERIFY(run.out.contains(QLatin1String("no sandbox")));
    run = tusk(
        {QStringLiteral("sandbox"), QStringLiteral("psql-env"), QStringLiteral("--dir"), folder});
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.err.contains(QLatin1String("not running")));
}

void TestCommandLine::sandboxRefusesToRemoveForeignFolder()
{
    const QString folder = tusk::test::scratchFolder(QStringLiteral("cli-foreign"));
    QVERIFY(QDir().mkpath(folder));
    QFile precious(folder + QStringLiteral("/precious.txt"));
    QVERIFY(precious.open(QIODevice::WriteOnly));
    precious.write("keep me\n");
    precious.close();

    Run run = tusk({QStringLiteral("sandbox"), QStringLiteral("remove"), QStringLiteral("--yes"),
        QStringLiteral("--dir"), folder});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("not a Tusk sandbox folder")), qPrintable(run.err));
    QVERIFY(QFile::exists(precious.fileName()));

    // Without --yes and without a terminal to ask on, nothing happens either.
    run = tusk(
        {QStringLiteral("sandbox"), QStringLiteral("remove"), QStringLiteral("--dir"), folder});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(QFile::exists(precious.fileName()));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
