// A result set on screen, offscreen: copying a selection as TSV, CSV and
// Markdown (NULL, quotes, separators and line breaks each written the way
// the format wants), export to CSV, filter and sort over the fetched rows
// (numbers by value, NULL last) and the value viewer indenting JSON.

#include "testsupport.h"

#include "widgets/results/celltextformat.h"
#include "widgets/results/resultgrid.h"
#include "widgets/results/resultsetmodel.h"
#include "widgets/results/valueviewer.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace tusk::core;
using namespace tusk::widgets;

namespace {
// id int4, label text, doc jsonb; row 2's label holds every awkward character.
Result sample()
{
    Result::Builder b;
    b.addColumn({QStringLiteral("id"), 23, -1, 0, 0});
    b.addColumn({QStringLiteral("label"), 25, -1, 0, 0});
    b.addColumn({QStringLiteral("doc"), 3802, -1, 0, 0});
    const QList<std::pair<QString, QString>> rows = {
        {QStringLiteral("plain"), QStringLiteral("{\"a\": 1}")},
        {QStringLiteral("a,b \"q\"\tt|p\nline"), QString()}, {QString(), QStringLiteral("[1, 2]")},
        {QString(), QStringLiteral("{}")}, // label NULL; filled below as empty
    };
    int id = 10;
    for (const auto &[label, doc] : rows) {
        b.appendCell(QString::number(id), false);
        const bool emptyText = id == 40;
        b.appendCell(emptyText ? QStringLiteral("") : label, label.isNull() && !emptyText);
        b.appendCell(doc, doc.isNull());
        b.endRow();
        id = id == 10 ? 9 : id == 9 ? 100 : 40;
    }
    return b.build();
}
} // namespace

class TestResultGrid : public QObject {
    Q_OBJECT
private slots:
    void init();
    void copiesTheSelectionInEachFormat();
    void exportsAllShownRowsAsCsv();
    void filterAndSortWorkOnFetchedRows();
    void viewerIndentsJson();

private:
    std::unique_ptr<ResultGrid> m_grid;
};

void TestResultGrid::init()
{
    auto *model = new ResultSetModel;
    model->append(sample());
    model->setCommandTag(QStringLiteral("SELECT 4"));
    m_grid = std::make_unique<ResultGrid>(model);
    m_grid->setFinished(12);
    m_grid->resize(800, 300);
    m_grid->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_grid.get()));
}

void TestResultGrid::copiesTheSelectionInEachFormat()
{
    QTableView *view = m_grid->view();
    // Rows 1 and 2 (ids 10 and 9), columns id and label.
    view->selectionModel()->select(
        QItemSelection(view->model()->index(0, 0), view->model()->index(1, 1)),
        QItemSelectionModel::ClearAndSelect);
    QCOMPARE(m_grid->selectionText(CellTextFormat::Format::Tsv),
        QStringLiteral("id\tlabel\n10\tplain\n9\t\"a,b \"\"q\"\"\tt|p\nline\"\n"));
    QCOMPARE(m_grid->selectionText(CellTextFormat::Format::Csv),
        QStringLiteral("id,label\n10,plain\n9,\"a,b \"\"q\"\"\tt|p\nline\"\n"));
    QCOMPARE(m_grid->selectionText(CellTextFormat::Format::Markdown),
        QStringLiteral("| id | label |\n| --- | --- |\n| 10 | plain |\n"
                       "| 9 | a,b \"q\"\tt\\|p<br>line |\n"));
    // NULL against the empty string: rows 3 and 4, the label column.
    view->selectionModel()->select(
        QItemSelection(view->model()->index(2, 1), view->model()->index(3, 1)),
        QItemSelectionModel::ClearAndSelect);
    QCOMPARE(m_grid->selectionText(CellTextFormat::Format::Csv), QStringLiteral("label\n\n\"\"\n"));
    QCOMPARE(m_grid->selectionText(CellTextFormat::Format::Markdown),
        QStringLiteral("| label |\n| --- |\n| *NULL* |\n|  |\n"));
    m_grid->copySelection(CellTextFormat::Format::Csv);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("label\n\n\"\"\n"));
}

void TestResultGrid::exportsAllShownRowsAsCsv()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rows.csv"));
    QString error;
    QVERIFY2(m_grid->exportCsv(path, &error), qPrintable(error));
    QCOMPARE(tusk::test::readFile(path),
        QByteArray("id,label,doc\n10,plain,\"{\"\"a\"\": 1}\"\n9,\"a,b \"\"q\"\"\tt|p\nline\",\n"
                   "100,,\"[1, 2]\"\n40,\"\",{}\n"));
    // A folder that cannot be written gives a message, not a crash.
    QVERIFY(!m_grid->exportCsv(QStringLiteral("/proc/nope/rows.csv"), &error));
    QVERIFY(error.contains(QStringLiteral("/proc/nope/rows.csv")));
    // Nor into a released part of the workspace's migrations folder.
    tusk::core::UserFileWriter::Options options;
    options.migrationsFolders = {dir.path()};
    m_grid->setWriteOptions(options);
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("v1_released")));
    const QString released = dir.filePath(QStringLiteral("v1_released/rows.csv"));
    QVERIFY(!m_grid->exportCsv(released, &error));
    QVERIFY2(error.contains(QStringLiteral("released migration")), qPrintable(error));
    QVERIFY(!QFile::exists(released));
    QVERIFY2(m_grid->exportCsv(path, &error), qPrintable(error));
    m_grid->setWriteOptions({});
}

void TestResultGrid::filterAndSortWorkOnFetchedRows()
{
    QTableView *view = m_grid->view();
    QCOMPARE(view->model(), m_grid->model()); // no proxy until asked
    // Numbers by value: 9 < 10 < 40 < 100 (as text "10" < "100" < "40" < "9").
    m_grid->sortBy(0, Qt::AscendingOrder);
    QStringList ids;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        ids << view->model()->index(row, 0).data().toString();
    QCOMPARE(ids, (QStringList {"9", "10", "40", "100"}));
    // NULL last when ascending: the label column.
    m_grid->sortBy(1, Qt::AscendingOrder);
    QCOMPARE(view->model()->index(3, 0).data().toString(), QStringLiteral("100"));
    m_grid->setFilterText(QStringLiteral("PLAIN"));
    QCOMPARE(m_grid->shownRowCount(), 1);
    QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("10"));
    QVERIFY2(
        m_grid->statusText().contains(QStringLiteral("1 shown")), qPrintable(m_grid->statusText()));
    // Export writes what is shown.
    QTemporaryDir dir;
    QString error;
    QVERIFY(m_grid->exportCsv(dir.filePath(QStringLiteral("f.csv")), &error));
    QCOMPARE(tusk::test::readFile(dir.filePath(QStringLiteral("f.csv"))),
        QByteArray("id,label,doc\n10,plain,\"{\"\"a\"\": 1}\"\n"));
    m_grid->setFilterText(QString());
    QCOMPARE(m_grid->shownRowCount(), 4);
    QVERIFY(tusk::test::saveArtifact(m_grid->grab(), QStringLiteral("result-grid-sorted.png")));
}

void TestResultGrid::viewerIndentsJson()
{
    ValueViewer json(QStringLiteral("doc"), QStringLiteral("{\"a\": {\"b\": [1, 2]}}"), true);
    QCOMPARE(json.shownText(),
        QStringLiteral("{\n    \"a\": {\n        \"b\": [\n            1,\n            2\n        "
                       "]\n    }\n}"));
    ValueViewer text(QStringLiteral("label"), QStringLiteral("{not json"), false);
    QCOMPARE(text.shownText(), QStringLiteral("{not json"));
    ValueViewer null(QStringLiteral("label"), QString(), false);
    QCOMPARE(null.shownText(), QStringLiteral("NULL"));
}

QTEST_MAIN(TestResultGrid)
#include "tst_resultgrid.moc"
