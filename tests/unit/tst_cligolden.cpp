// The command line's text outputs pinned whole: each tests/cli/cases/*.args
// runs in-process (CommandLine::dispatch with Console::Capture) from
// tests/cli/input, and its exit status, stdout and stderr must equal the
// case's .expected file (TUSK_UPDATE_GOLDEN=1 rewrites them).

#include "goldenfile.h"

#include "app/cli/commandline.h"
#include "app/cli/console.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

using tusk::app::CommandLine;
using tusk::app::Console;
using tusk::test::GoldenFile;

class TestCliGolden : public QObject {
    Q_OBJECT
private slots:
    void cases_data();
    void cases();
};

void TestCliGolden::cases_data()
{
    QTest::addColumn<QString>("args");
    const QDir cases(QStringLiteral(TUSK_CLI_CASES "/cases"));
    const QStringList names = cases.entryList({QStringLiteral("*.args")}, QDir::Files, QDir::Name);
    QVERIFY(!names.isEmpty());
    for (const QString &name : names)
        QTest::newRow(qPrintable(QFileInfo(name).completeBaseName())) << cases.filePath(name);
}

void TestCliGolden::cases()
{
    QFETCH(QString, args);
    QFile file(args);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList arguments = QString::fromUtf8(file.readAll())
                                      .trimmed()
                                      .split(QRegularExpression(QStringLiteral("\\s+")));
    const QString before = QDir::currentPath();
    QVERIFY(QDir::setCurrent(QStringLiteral(TUSK_CLI_CASES "/input")));
    QByteArray text;
    {
        Console::Capture capture;
        const int code = CommandLine::dispatch(arguments);
        text = "exit " + QByteArray::number(code) + "\n--- stdout\n" + capture.out()
            + "--- stderr\n" + capture.err();
    }
    QDir::setCurrent(before);
    const QString golden = GoldenFile::compare(args.chopped(5) + QStringLiteral(".expected"), text);
    QVERIFY2(golden.isEmpty(), qPrintable(golden));
}

QTEST_GUILESS_MAIN(TestCliGolden)
#include "tst_cligolden.moc"
