// The statement Ctrl+Enter runs: the one under the caret, the one before
// it between statements, trimmed of blanks and comments; semicolons inside
// quotes, dollar quotes and comments do not split.

#include "core/sql/statementfinder.h"

#include <QTest>

using namespace tusk::core;

class TestStatementFinder : public QObject {
    Q_OBJECT
private slots:
    void statementUnderTheCaret_data();
    void statementUnderTheCaret();
    void allStatementsTrimmed();
};

namespace {
const QByteArray script = "-- header\n"
                          "SELECT 1;\n"
                          "\n"
                          "SELECT 'a;b' AS s, $$x;y$$ AS d; /* c; */\n"
                          "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $f$ SELECT 1; $f$;\n"
                          "  -- trailing comment\n";

QByteArray textOf(const ByteRange &r)
{
    return script.mid(r.begin, r.size());
}
} // namespace

void TestStatementFinder::statementUnderTheCaret_data()
{
    QTest::addColumn<qsizetype>("caret");
    QTest::addColumn<QByteArray>("expected");
    const qsizetype second = script.indexOf("SELECT 'a");
    const qsizetype function = script.indexOf("CREATE FUNCTION");
    QTest::newRow("in the header comment") << qsizetype(3) << QByteArray("SELECT 1");
    QTest::newRow("inside the first") << qsizetype(script.indexOf("1;")) << QByteArray("SELECT 1");
    QTest::newRow("right after ;") << qsizetype(script.indexOf("1;") + 2) << QByteArray("SELECT 1");
    QTest::newRow("blank line after")
        << qsizetype(script.indexOf("\n\n") + 1) << QByteArray("SELECT 1");
    QTest::newRow("inside a quoted ;")
        << qsizetype(second + 10) << QByteArray("SELECT 'a;b' AS s, $$x;y$$ AS d");
    QTest::newRow("in the dollar body") << qsizetype(script.indexOf("SELECT 1; $f$"))
                                        << QByteArray("CREATE FUNCTION f() RETURNS int LANGUAGE "
                                                      "sql AS $f$ SELECT 1; $f$");
    QTest::newRow("at the function") << function
                                     << QByteArray("CREATE FUNCTION f() RETURNS int LANGUAGE sql "
                                                   "AS $f$ SELECT 1; $f$");
    QTest::newRow("in the trailing comment")
        << qsizetype(script.size() - 3)
        << QByteArray("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $f$ SELECT 1; $f$");
}

void TestStatementFinder::statementUnderTheCaret()
{
    QFETCH(qsizetype, caret);
    QFETCH(QByteArray, expected);
    QCOMPARE(textOf(StatementFinder::statementAt(script, caret)), expected);
}

void TestStatementFinder::allStatementsTrimmed()
{
    const QList<ByteRange> all = StatementFinder::statements(script);
    QCOMPARE(all.size(), 3);
    QCOMPARE(textOf(all.at(0)), QByteArray("SELECT 1"));
    QVERIFY(textOf(all.at(1)).endsWith("AS d"));
    QVERIFY(textOf(all.at(2)).startsWith("CREATE FUNCTION"));
    QVERIFY(StatementFinder::statements("  -- only a comment\n").isEmpty());
    QCOMPARE(StatementFinder::statementAt("", 0).size(), 0);
}

QTEST_GUILESS_MAIN(TestStatementFinder)
#include "tst_statementfinder.moc"
