#include "core/pg/result.h"

#include <QTest>

using tusk::core::Result;

class TestResult : public QObject {
    Q_OBJECT
private slots:
    void nullIsNotEmpty();
    void typedValues_data();
    void typedValues();
    void copiesShareAndStayImmutable();
    void cellsKeepTheServersBytes();
    void commandWithoutRows();
};

namespace {
Result twoColumns()
{
    Result::Builder b;
    b.addColumn({QStringLiteral("name"), 25, -1, 0, 0});
    b.addColumn({QStringLiteral("n"), 23, -1, 0, 0});
    b.addRow({QStringLiteral(""), QStringLiteral("7")}, {false, false});
    b.addRow({QString(), QString()}, {true, true});
    b.setCommandTag(QStringLiteral("SELECT 2"), 2, true);
    return b.build();
}
} // namespace

void TestResult::nullIsNotEmpty()
{
    const Result r = twoColumns();
    QCOMPARE(r.rowCount(), 2);
    QCOMPARE(r.columnCount(), 2);
    QVERIFY(!r.isNull(0, 0));
    QVERIFY(r.text(0, 0).isEmpty());
    QVERIFY(r.isNull(1, 0));
    QVERIFY(r.text(1, 0).isNull());
    QVERIFY(!r.value(1, 1).isValid());
    QCOMPARE(r.value(0, QStringLiteral("n")), QVariant(7));
    QCOMPARE(r.columnIndex(QStringLiteral("missing")), -1);
    QVERIFY(!r.contains(2, 0));
    QVERIFY(r.isNull(2, 0));
    QVERIFY(r.text(0, 5).isNull());
    QVERIFY(!Result().value(0, 0).isValid());
    QVERIFY(!r.value(0, QStringLiteral("missing")).isValid());
    QCOMPARE(r.commandTag(), QStringLiteral("SELECT 2"));
    QCOMPARE(r.affectedRows(), 2);
}

void TestResult::cellsKeepTheServersBytes()
{
    // Cells side by side in one buffer: each must come back whole, with
    // its neighbours' bytes neither lost nor leaking in.
    Result::Builder b;
    b.addColumn({QStringLiteral("a"), 25, -1, 0, 0});
    b.addColumn({QStringLiteral("b"), 25, -1, 0, 0});
    b.appendCell(QByteArrayView("Gr\xc3\xbc\xc3\x9f"
                                "e"),
        false);
    b.appendCell(QByteArrayView(""), false);
    b.endRow();
    b.appendCell(QByteArrayView("ignored"), true);
    b.appendCell(QStringLiteral("\u6771\u4eac"), false);
    b.endRow();
    const Result r = b.build();
    QCOMPARE(r.text(0, 0), QStringLiteral("Gr\u00fc\u00dfe"));
    QCOMPARE(r.bytes(0, 0),
        QByteArrayView("Gr\xc3\xbc\xc3\x9f"
                       "e"));
    QVERIFY(r.bytes(0, 1).isEmpty());
    QVERIFY(!r.text(0, 1).isNull());
    QVERIFY(r.text(1, 0).isNull());
    QVERIFY(r.bytes(1, 0).isEmpty());
    QCOMPARE(r.text(1, 1), QStringLiteral("\u6771\u4eac"));
    QVERIFY(r.bytes(5, 0).isEmpty());
}

void TestResult::typedValues_data()
{
    QTest::addColumn<quint32>("oid");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariant>("expected");
    QTest::addRow("bool t") << 16u << "t" << QVariant(true);
    QTest::addRow("bool f") << 16u << "f" << QVariant(false);
    QTest::addRow("int2") << 21u << "-3" << QVariant(-3);
    QTest::addRow("int8") << 20u << "9007199254740993" << QVariant(qint64(9007199254740993LL));
    QTest::addRow("float8") << 701u << "2.5" << QVariant(2.5);
    QTest::addRow("oid") << 26u << "4294967295" << QVariant(4294967295u);
    // numeric stays text: a double would lose digits.
    QTest::addRow("numeric") << 1700u << "12345678901234567890.123456789"
                             << QVariant(QStringLiteral("12345678901234567890.123456789"));
    QTest::addRow("timestamptz") << 1184u << "2026-11-21 10:00:00+00"
                                 << QVariant(QStringLiteral("2026-11-21 10:00:00+00"));
}

void TestResult::typedValues()
{
    QFETCH(quint32, oid);
    QFETCH(QString, text);
    QFETCH(QVariant, expected);
    Result::Builder b;
    b.addColumn({QStringLiteral("v"), oid, -1, 0, 0});
    b.appendCell(text, false);
    b.endRow();
    const Result r = b.build();
    QCOMPARE(r.value(0, 0), expected);
    QCOMPARE(r.text(0, 0), text);
}

void TestResult::copiesShareAndStayImmutable()
{
    Result::Builder b;
    b.addColumn({QStringLiteral("x"), 25, -1, 0, 0});
    b.addRow({QStringLiteral("a")}, {false});
    const Result first = b.build();
    // The builder starts afresh; the built result is unaffected.
    b.addColumn({QStringLiteral("y"), 25, -1, 0, 0});
    const Result second = b.build();
    const Result copy = first;
    QCOMPARE(copy.rowCount(), 1);
    QCOMPARE(copy.text(0, 0), QStringLiteral("a"));
    QCOMPARE(second.rowCount(), 0);
    QCOMPARE(second.column(0).name, QStringLiteral("y"));
}

void TestResult::commandWithoutRows()
{
    Result::Builder b;
    b.setCommandTag(QStringLiteral("CREATE TABLE"), -1, false);
    const Result r = b.build();
    QVERIFY(!r.hasRows());
    QCOMPARE(r.affectedRows(), -1);
    QCOMPARE(Result().rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
