// The Plan tool with a text that holds several plans: the first opens, a bar
// in the page offers the others (no modal question), and what was skipped
// to find a plan is said over it.

#include "widgets/plan/planpage.h"
#include "widgets/plan/planviewer.h"

#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace tusk::widgets;

namespace {
QString paste(const char *name)
{
    QFile f(QStringLiteral(TUSK_PLAN_DATA "/pastes/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", name);
    return QString::fromUtf8(f.readAll());
}
} // namespace

class TestPlanPageChoice : public QObject {
    Q_OBJECT
private slots:
    void severalPlansAreOffered();
    void onePlanHidesTheBar();
};

void TestPlanPageChoice::severalPlansAreOffered()
{
    PlanPage page;
    page.show();
    PlanViewer *first = page.openText(paste("two-plans.txt"), QStringLiteral("Pasted 1"));
    QVERIFY2(first, qPrintable(page.errorText()));
    QCOMPARE(page.tabs()->count(), 1);
    QCOMPARE(page.tabs()->tabText(0), QStringLiteral("Pasted 1 (1 of 2)"));
    QVERIFY(page.choiceBar()->isVisible());
    QCOMPARE(page.choiceCombo()->count(), 2);
    QVERIFY(page.choiceCombo()->itemText(1).contains(QStringLiteral("Bitmap Heap Scan")));
    // The warnings go with the plan, in its tooltip and note.
    QVERIFY2(page.tabs()->tabToolTip(0).contains(QStringLiteral("Skipped 1 line")),
        qPrintable(page.tabs()->tabToolTip(0)));

    page.choiceCombo()->setCurrentIndex(1);
    auto *open = page.choiceBar()->findChild<QPushButton *>(QStringLiteral("planChoiceOpen"));
    QVERIFY(open);
    open->click();
    QCOMPARE(page.tabs()->count(), 2);
    QCOMPARE(page.currentViewer()->plan()->nodes.size(), 2);
    QCOMPARE(page.tabs()->tabText(1), QStringLiteral("Pasted 1 (2 of 2)"));
}

void TestPlanPageChoice::onePlanHidesTheBar()
{
    PlanPage page;
    page.show();
    QVERIFY(page.openText(paste("two-plans.txt"), QStringLiteral("two")));
    QVERIFY(page.choiceBar()->isVisible());
    QVERIFY(page.openText(paste("prompt-psql.txt"), QStringLiteral("one")));
    QVERIFY(!page.choiceBar()->isVisible());
    QCOMPARE(page.currentViewer()->plan()->nodes.size(), 4);
    // PostgreSQL 17's planning memory and serialization go with the plan.
    QVERIFY(page.openText(paste("jit-io-odd-places.txt"), QStringLiteral("17")));
    const QString summary = page.currentViewer()->summaryText();
    QVERIFY2(summary.contains(QStringLiteral("planning memory 21 kB used, 32 kB allocated")),
        qPrintable(summary));
    QVERIFY2(
        summary.contains(QStringLiteral("serialization 0 kB (text) in ")), qPrintable(summary));
}

QTEST_MAIN(TestPlanPageChoice)
#include "tst_planpagechoice.moc"
