// The window's writers when writing fails for real (issue point 5): the SQL
// editor's autosave of unsaved tabs and the result grid's CSV export, against
// a read-only folder, a full disk, a directory and an immutable file
// (tests/common/writefailurecase.h). The previous autosave or export stays
// byte for byte, no temporary file is left, and the message names the file
// and the reason. Adopting a dead Tusk's buffers into a folder that cannot
// be written keeps them where they are.
//
// As root every case runs; without root the full disk and the immutable
// cases fail with WriteObstacle::needsRootMessage().

#include "writefailurecase.h"

#include "core/pg/result.h"
#include "testsupport.h"
#include "widgets/results/resultgrid.h"
#include "widgets/results/resultsetmodel.h"
#include "widgets/sql/editorautosave.h"

#include <QCoreApplication>
#include <QDir>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;
using tusk::widgets::EditorAutosave;
using tusk::widgets::ResultGrid;
using tusk::widgets::ResultSetModel;

namespace {
const QString tabId = QStringLiteral("0b1f1d5e-tab");

QString pidText()
{
    return QString::number(QCoreApplication::applicationPid());
}

Result rows()
{
    Result::Builder b;
    b.addColumn({QStringLiteral("id"), 23, -1, 0, 0});
    for (int id = 1; id <= 3; ++id) {
        b.appendCell(QString::number(id), false);
        b.endRow();
    }
    return b.build();
}
} // namespace

#define VERIFY_FAILED_CLEARLY(c, message, path)                                                    \
    do {                                                                                           \
        QString why_;                                                                              \
        QVERIFY2((c).saysWhatAndWhere((message), (path), &why_), qPrintable(why_));                \
        QVERIFY2((c).snapshot() == (c).before(), "the folder changed");                            \
    } while (false)

class TestWriteFailuresGui : public QObject {
    Q_OBJECT

private slots:
    void autosave_data() { WriteFailureCase::addObstacleRows(); }
    void autosave();
    void autosaveStartSaysWhy();
    void adoptionKeepsOrphans_data();
    void adoptionKeepsOrphans();
    void csvExport_data() { WriteFailureCase::addObstacleRows(); }
    void csvExport();
};

void TestWriteFailuresGui::autosave()
{
    QFETCH(Obstacle, obstacle);
    WriteFailureCase c(obstacle, QStringLiteral("autosave"));
    EditorAutosave autosave(c.folder());
    const QString text = pidText() + QLatin1Char('/') + tabId + QStringLiteral(".sql");
    QString error;
    // The tab's last autosave, then the obstacle, then the next autosave.
    if (!c.stage({{text, "SELECT 'typed before';\n"},
                     {pidText() + QLatin1Char('/') + tabId + QStringLiteral(".json"),
                         "{\"path\":\"\"}"}},
            text, [&] { return autosave.start(&error); }))
        QFAIL(qPrintable(c.error() + QLatin1Char(' ') + error));
    QVERIFY(!autosave.write({tabId, QString(), QStringLiteral("SELECT 'typed after';\n")}, &error));
    VERIFY_FAILED_CLEARLY(c, error, c.path(text));
}

void TestWriteFailuresGui::autosaveStartSaysWhy()
{
    // The window's first autosave step: its own folder under a root that
    // cannot take it.
    WriteFailureCase c(Obstacle::ReadOnlyFolder, QStringLiteral("autosave-root"));
    if (!c.stage({{QStringLiteral("README"), "another Tusk's notes\n"}}, QString()))
        QFAIL(qPrintable(c.error()));
    EditorAutosave autosave(c.folder());
    QString error;
    QVERIFY(!autosave.start(&error));
    VERIFY_FAILED_CLEARLY(c, error, c.path(pidText()));
}

void TestWriteFailuresGui::adoptionKeepsOrphans_data()
{
    QTest::addColumn<bool>("immutable");
    QTest::newRow("read-only own folder") << false;
    QTest::newRow("immutable own folder") << true;
}

void TestWriteFailuresGui::adoptionKeepsOrphans()
{
    QFETCH(bool, immutable);
    // A dead Tusk's buffer (its folder, no lock held), and this Tusk's own
    // folder that cannot take it: the buffer must stay where it is.
    const QString root = scratchFolder(QStringLiteral("autosave-adoption"));
    WriteObstacle::clearLeftovers(root);
    QDir(root).removeRecursively();
    // Named "0" so it sorts before this Tusk's own folder: adopted buffers
    // are then in that folder when it is read, and must come back once.
    const QString orphan = root + QStringLiteral("/0/lost-tab.sql");
    QVERIFY(writeFile(orphan, "SELECT 'the only copy';\n"));
    QVERIFY(writeFile(root + QStringLiteral("/0/lost-tab.json"), "{\"path\":\"\"}"));
    EditorAutosave autosave(root);
    QString error;
    QVERIFY2(autosave.start(&error), qPrintable(error));
    WriteObstacle obstacle;
    const bool blocked = immutable ? obstacle.makeImmutable(autosave.folder())
                                   : obstacle.makeReadOnly(autosave.folder());
    QVERIFY2(blocked, qPrintable(obstacle.error()));
    QString failure;
    const QList<EditorAutosave::Entry> adopted = autosave.adoptOrphans(&failure);
    obstacle.undo();
    QVERIFY(adopted.isEmpty());
    QCOMPARE(readFile(orphan), QByteArray("SELECT 'the only copy';\n"));
    QVERIFY2(
        failure.contains(autosave.folder() + QStringLiteral("/lost-tab.sql")), qPrintable(failure));
    // Once the folder takes it, the next start adopts it.
    QCOMPARE(autosave.adoptOrphans(&failure).size(), 1);
    QVERIFY(!QFile::exists(orphan));
}

void TestWriteFailuresGui::csvExport()
{
    QFETCH(Obstacle, obstacle);
    WriteFailureCase c(obstacle, QStringLiteral("exports"));
    if (!c.stage({{QStringLiteral("rows.csv"), "id\n7\n"}}, QStringLiteral("rows.csv")))
        QFAIL(qPrintable(c.error()));
    auto *model = new ResultSetModel;
    model->append(rows());
    ResultGrid grid(model);
    grid.setFinished(3);
    QString error;
    QVERIFY(!grid.exportCsv(c.path(QStringLiteral("rows.csv")), &error));
    VERIFY_FAILED_CLEARLY(c, error, c.path(QStringLiteral("rows.csv")));
}

QTEST_MAIN(TestWriteFailuresGui)
#include "tst_writefailures_gui.moc"
