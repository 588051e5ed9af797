// The SQL editor's live lint, offscreen: findings of a fixture migration
// drawn on exactly the bytes the lint engine reports, margin markers on
// their lines, tooltips with the lock and the alternative, a quick fix that
// rewrites CREATE INDEX to CREATE INDEX CONCURRENTLY as one undoable edit,
// and the comment toggle.

#include "testsupport.h"

#include "core/lint/lintrunner.h"
#include "core/sql/parsedscript.h"
#include "widgets/sql/editorcompletion.h"
#include "widgets/sql/findbar.h"
#include "widgets/sql/lintfindingsmodel.h"
#include "widgets/sql/sqleditor.h"
#include "widgets/sql/sqleditortab.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

namespace {
// One finding on each line that matters: a blocking index build (with a
// quick fix), a foreign key validated under lock, a column with a volatile
// default rewriting the table. Line 1 is a comment; é makes bytes and
// characters differ.
const char *const migration = "-- migration: café orders\n"
                              "CREATE INDEX orders_created_idx ON orders (created_at);\n"
                              "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk\n"
                              "    FOREIGN KEY (customer_id) REFERENCES customers (id);\n"
                              "SELECT 1;\n";
} // namespace

class TestSqlEditor : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void squigglesLandOnTheEnginesRanges();
    void tooltipSaysTheLockAndTheAlternative();
    void quickFixRewritesAsOneUndoableEdit();
    void staleFindingsAreNotDrawn();
    void commentToggles();
    void findAndReplaceWithARegex();
    void completionOffersColumnsAfterAnAlias();

private:
    bool lintAndWait();
    std::unique_ptr<SqlEditorTab> m_tab;
};

void TestSqlEditor::init()
{
    m_tab = std::make_unique<SqlEditorTab>();
    m_tab->resize(1000, 600);
    m_tab->show();
    m_tab->lintRunner()->setDelay(10);
    m_tab->editor()->setText(QString::fromUtf8(migration));
    QVERIFY(lintAndWait());
}

void TestSqlEditor::cleanup()
{
    m_tab.reset();
}

bool TestSqlEditor::lintAndWait()
{
    QSignalSpy linted(m_tab.get(), &SqlEditorTab::linted);
    m_tab->lintRunner()->lintNow();
    return linted.wait(10000);
}

void TestSqlEditor::squigglesLandOnTheEnginesRanges()
{
    SqlEditor *editor = m_tab->editor();
    QCOMPARE(editor->bytes(), QByteArray(migration));
    // The oracle: the engine itself on the same bytes.
    const ParsedScript script(QByteArray(migration), 1);
    const LintResult expected = LintRunner::engine().lint(script, m_tab->lintRunner()->options());
    QVERIFY(expected.findings.size() >= 2);
    QCOMPARE(editor->findings().size(), expected.findings.size());
    QCOMPARE(m_tab->findingsModel()->rowCount(), int(expected.findings.size()));
    QStringList rules;
    for (int i = 0; i < expected.findings.size(); ++i) {
        const Finding &f = expected.findings.at(i);
        rules << f.rule;
        QCOMPARE(editor->findings().at(i).range, f.range);
        const int indicator = SqlEditor::indicatorFor(f.severity);
        auto drawn = [editor, indicator](qsizetype at) {
            return editor->SendScintilla(
                QsciScintillaBase::SCI_INDICATORVALUEAT, indicator, long(at));
        };
        // Drawn over every byte of the range, not on the byte before.
        QVERIFY2(drawn(f.range.begin) > 0, qPrintable(f.rule));
        QVERIFY2(drawn(f.range.end - 1) > 0, qPrintable(f.rule));
        if (f.range.begin > 0)
            QVERIFY2(
                drawn(f.range.begin - 1) == 0 || expected.findings.size() > 1, qPrintable(f.rule));
        // A marker in the margin on the finding's line.
        QVERIFY(editor->markersAtLine(editor->lineOfPosition(int(f.range.begin))) != 0);
    }
    QVERIFY2(rules.contains(QStringLiteral("require-concurrent-index-creation")),
        qPrintable(rules.join(QLatin1Char(','))));
    // The comment line and the SELECT carry no marker.
    QCOMPARE(editor->markersAtLine(0), 0u);
    QCOMPARE(editor->markersAtLine(4), 0u);
    // The index finding starts at CREATE on line 2, past the comment's
    // bytes (é is two): the range is in bytes, as Scintilla counts.
    const int createAt = int(QByteArray(migration).indexOf("CREATE INDEX"));
    QVERIFY(editor->findingAt(createAt) >= 0);
    QCOMPARE(editor->findingAt(3), -1);
    QVERIFY(m_tab->lintStatus().contains(QStringLiteral("linted in")));
    QVERIFY(saveArtifact(m_tab->grab(), QStringLiteral("sql-editor-findings.png")));
}

void TestSqlEditor::tooltipSaysTheLockAndTheAlternative()
{
    SqlEditor *editor = m_tab->editor();
    const int createAt = int(QByteArray(migration).indexOf("CREATE INDEX"));
    const QString tip = editor->toolTipAt(createAt + 3);
    QVERIFY2(tip.contains(QStringLiteral("Lock:")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("SHARE")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("CONCURRENTLY")), qPrintable(tip));
    QVERIFY(editor->toolTipAt(2).isEmpty());
}

void TestSqlEditor::quickFixRewritesAsOneUndoableEdit()
{
    SqlEditor *editor = m_tab->editor();
    const int createAt = int(QByteArray(migration).indexOf("CREATE INDEX"));
    editor->SendScintilla(QsciScintillaBase::SCI_GOTOPOS, createAt + 2);
    // Two fixes apply here: the concurrent build and the timeouts before it.
    QStringList offered;
    for (int i : m_tab->quickFixes())
        offered << editor->findings().at(i).rule;
    QVERIFY2(offered.contains(QStringLiteral("require-concurrent-index-creation")),
        qPrintable(offered.join(QLatin1Char(','))));
    QVERIFY(m_tab->applyQuickFix(QStringLiteral("require-concurrent-index-creation")));
    QVERIFY2(editor->bytes().contains("CREATE INDEX CONCURRENTLY"), editor->bytes().constData());
    // The rest of the script is as it was.
    QVERIFY(editor->bytes().startsWith("-- migration: café orders\n"));
    QVERIFY(editor->bytes().endsWith("SELECT 1;\n"));
    // The lint runs again: that finding is gone.
    QVERIFY(lintAndWait());
    for (const Finding &f : editor->findings())
        QVERIFY(f.rule != QLatin1String("require-concurrent-index-creation"));
    // One undo restores the original.
    editor->undo();
    QCOMPARE(editor->bytes(), QByteArray(migration));
}

void TestSqlEditor::staleFindingsAreNotDrawn()
{
    SqlEditor *editor = m_tab->editor();
    const quint64 before = editor->revision();
    editor->insertAt(QStringLiteral("-- typed\n"), 0, 0);
    QVERIFY(editor->revision() > before);
    QVERIFY(!editor->setFindings(before, {}));
    // Nor a fix computed for the old text.
    editor->SendScintilla(QsciScintillaBase::SCI_GOTOPOS, 40);
    QVERIFY(!editor->applyFix(0));
    QVERIFY(lintAndWait());
    QVERIFY(!editor->findings().isEmpty());
}

void TestSqlEditor::commentToggles()
{
    SqlEditor *editor = m_tab->editor();
    editor->setSelection(1, 0, 3, 10);
    editor->toggleComment();
    const QStringList lines = QString::fromUtf8(editor->bytes()).split(QLatin1Char('\n'));
    QVERIFY2(lines.at(1).startsWith(QLatin1String("-- CREATE INDEX")), qPrintable(lines.at(1)));
    QVERIFY(lines.at(2).startsWith(QLatin1String("-- ALTER TABLE")));
    QVERIFY(lines.at(3).startsWith(QLatin1String("--     FOREIGN KEY")));
    QVERIFY(lines.at(4).startsWith(QLatin1String("SELECT")));
    editor->setSelection(1, 0, 3, 10);
    editor->toggleComment();
    QCOMPARE(editor->bytes(), QByteArray(migration));
}

void TestSqlEditor::findAndReplaceWithARegex()
{
    SqlEditor *editor = m_tab->editor();
    const QString text =
        QStringLiteral("CREATE INDEX a_idx ON a (x);\ncreate index b_idx ON b (y);\n");
    editor->setText(text);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
    FindBar *bar = m_tab->findBar();
    QVERIFY(bar->isVisible());
    QVERIFY(!bar->replaceField()->isVisible());
    // Plain, case-insensitive by default: both lines match; Next wraps.
    bar->findField()->setText(QStringLiteral("create index"));
    QVERIFY(bar->findNext());
    QCOMPARE(editor->selectionRange().first, 0);
    QVERIFY(bar->findNext());
    QCOMPARE(editor->selectionRange().first, int(text.indexOf(QStringLiteral("create"))));
    QVERIFY(bar->findNext());
    QCOMPARE(editor->selectionRange().first, 0);
    bar->caseBox()->setChecked(true);
    bar->findField()->setText(QStringLiteral("create index"));
    QVERIFY(bar->findNext());
    QCOMPARE(editor->selectionRange().first, int(text.indexOf(QStringLiteral("create"))));
    bar->findField()->setText(QStringLiteral("nothing like this"));
    QVERIFY(!bar->findNext());
    QCOMPARE(bar->statusText(), QStringLiteral("Not found"));
    // A regex with a group, replaced everywhere as one undo step.
    bar->caseBox()->setChecked(false);
    bar->regexBox()->setChecked(true);
    QTest::keyClick(editor, Qt::Key_H, Qt::ControlModifier);
    QVERIFY(bar->replaceField()->isVisible());
    bar->findField()->setText(QStringLiteral("index (\\w+)"));
    bar->replaceField()->setText(QStringLiteral("INDEX CONCURRENTLY \\1"));
    QCOMPARE(bar->replaceAll(), 2);
    QCOMPARE(editor->text(),
        QStringLiteral("CREATE INDEX CONCURRENTLY a_idx ON a (x);\ncreate INDEX CONCURRENTLY b_idx "
                       "ON b (y);\n"));
    editor->undo();
    QCOMPARE(editor->text(), text);
    // Esc in the bar closes it and does not reach the tab's Cancel.
    bar->findField()->setFocus();
    QTest::keyClick(bar->findField(), Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
}

void TestSqlEditor::completionOffersColumnsAfterAnAlias()
{
    CatalogSnapshot::Builder b;
    b.setSource(QStringLiteral("db"), 150000, false);
    b.add(DbSchema {11, QStringLiteral("shop"), {}, {}});
    DbRelation orders;
    orders.oid = 100;
    orders.schemaOid = 11;
    orders.name = QStringLiteral("orders");
    b.add(orders);
    int position = 0;
    for (const char *name : {"id", "placed_at", "status"}) {
        DbColumn c;
        c.relationOid = 100;
        c.position = ++position;
        c.name = QString::fromLatin1(name);
        c.type = QStringLiteral("text");
        b.add(c);
    }
    m_tab->setCatalog(b.build());
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
    SqlEditor *editor = m_tab->editor();
    editor->setText(QStringLiteral(" FROM shop.orders o"));
    editor->SendScintilla(QsciScintillaBase::SCI_GOTOPOS, 0L);
    editor->setFocus();
    // Typing the dot opens the list by itself.
    QTest::keyClicks(editor, QStringLiteral("SELECT o."));
    QVERIFY(editor->isListActive());
    QTest::keyClicks(editor, QStringLiteral("pl"));
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(editor->text(), QStringLiteral("SELECT o.placed_at FROM shop.orders o"));
    // Three letters of a word open it too; keywords are offered.
    editor->setText(QString());
    QTest::keyClicks(editor, QStringLiteral("sel"));
    QVERIFY(editor->isListActive());
    QTest::keyClick(editor, Qt::Key_Escape);
    QVERIFY(!editor->isListActive());
    QCOMPARE(m_tab->completion()->candidates().items.first().text, QStringLiteral("SELECT"));
}

QTEST_MAIN(TestSqlEditor)
#include "tst_sqleditor.moc"
