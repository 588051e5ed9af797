// ResultSetModel: batches appended as they stream in read as one table,
// rows found across batch boundaries, NULL apart from 'NULL', long text
// cut for the grid but whole in its role, the row cap counting what it
// drops; checked by QAbstractItemModelTester as rows arrive.

#include "widgets/results/resultsetmodel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QTest>

using namespace tusk::core;
using namespace tusk::widgets;

class TestResultSetModel : public QObject {
    Q_OBJECT
private slots:
    void batchesReadAsOneTable();
    void nullIsNotTheWordNull();
    void longTextIsCutForTheGrid();
    void rowCapCountsWhatItDrops();

private:
    // Rows first..last of (n, 'row n'), n NULL for multiples of 7.
    static Result batch(int first, int last);
};

Result TestResultSetModel::batch(int first, int last)
{
    Result::Builder b;
    b.addColumn({QStringLiteral("n"), 23, -1, 0, 0});
    b.addColumn({QStringLiteral("label"), 25, -1, 0, 0});
    for (int n = first; n <= last; ++n) {
        b.appendCell(QString::number(n), n % 7 == 0);
        b.appendCell(QStringLiteral("row %1").arg(n), false);
        b.endRow();
    }
    return b.build();
}

void TestResultSetModel::batchesReadAsOneTable()
{
    ResultSetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(batch(1, 100));
    model.append(batch(101, 10'100));
    model.append(batch(10'101, 12'345));
    QCOMPARE(model.rowCount(), 12'345);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(
        model.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("label"));
    for (int row : {0, 99, 100, 101, 10'099, 10'100, 12'344})
        QCOMPARE(model.text(row, 1), QStringLiteral("row %1").arg(row + 1));
    QVERIFY(model.text(12'345, 1).isNull());
    QCOMPARE(model.data(model.index(0, 0), Qt::TextAlignmentRole).toInt(),
        int(Qt::AlignRight | Qt::AlignVCenter));
}

void TestResultSetModel::nullIsNotTheWordNull()
{
    ResultSetModel model;
    Result::Builder b;
    b.addColumn({QStringLiteral("v"), 25, -1, 0, 0});
    b.appendCell(QString(), true);
    b.endRow();
    b.appendCell(QStringLiteral("NULL"), false);
    b.endRow();
    model.append(b.build());
    QVERIFY(model.isNull(0, 0));
    QVERIFY(!model.isNull(1, 0));
    QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("NULL"));
    QCOMPARE(model.data(model.index(1, 0)).toString(), QStringLiteral("NULL"));
    // They look different: the real NULL is italic.
    QVERIFY(model.data(model.index(0, 0), Qt::FontRole).value<QFont>().italic());
    QVERIFY(!model.data(model.index(1, 0), Qt::FontRole).isValid());
    QVERIFY(model.data(model.index(0, 0), ResultSetModel::RawTextRole).toString().isNull());
}

void TestResultSetModel::longTextIsCutForTheGrid()
{
    ResultSetModel model;
    Result::Builder b;
    b.addColumn({QStringLiteral("doc"), 3802, -1, 0, 0});
    const QString json = QStringLiteral("{\"a\":\n") + QString(5000, QLatin1Char('x')) + "}";
    b.appendCell(json, false);
    b.endRow();
    model.append(b.build());
    const QString shown = model.data(model.index(0, 0)).toString();
    QVERIFY(shown.size() < 400);
    QVERIFY(shown.endsWith(QStringLiteral("…")));
    QVERIFY(!shown.contains(QLatin1Char('\n')));
    QCOMPARE(model.data(model.index(0, 0), ResultSetModel::RawTextRole).toString(), json);
}

void TestResultSetModel::rowCapCountsWhatItDrops()
{
    ResultSetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRowCap(1000);
    model.append(batch(1, 600));
    model.append(batch(601, 1500));
    model.append(batch(1501, 2000));
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.droppedRows(), 1000);
    QCOMPARE(model.text(999, 0), QStringLiteral("1000"));
    QVERIFY(model.text(1000, 0).isNull());
}

QTEST_MAIN(TestResultSetModel)
#include "tst_resultsetmodel.moc"
