// File → Preferences as a user meets it: every change applies at once to
// what is open (theme, editor font and tab width, lint rules, activity
// thresholds), is kept where `tusk lint` and the next start read it, and
// Help → Keyboard Shortcuts lists the keys the window really has.

#include "testsupport.h"

#include "core/lint/lintconfig.h"
#include "core/lint/lintrunner.h"
#include "core/preferences/preferences.h"
#include "core/profiles/connectionlink.h"
#include "core/profiles/profile.h"
#include "core/profiles/profileregistry.h"
#include "widgets/activity/activitythresholdsform.h"
#include "widgets/shell/lintrulespreferences.h"
#include "widgets/shell/mainwindow.h"
#include "widgets/shell/preferencesdialog.h"
#include "widgets/shell/shortcutsdialog.h"
#include "widgets/sql/lintfindingsmodel.h"
#include "widgets/sql/sqleditor.h"
#include "widgets/sql/sqleditortab.h"

#include <Qsci/qscilexer.h>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

class TestPreferences : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void themeSwitchesLiveAndBack();
    void editorFontAndTabWidthApplyToOpenEditors();
    void lintRulesApplyAndAreSharedWithTheCli();
    void activityThresholdsAreOneSetting();
    void shortcutsListTheWindowsKeys();
    void aLinkAsksBeforeConnecting();

private:
    std::unique_ptr<MainWindow> m_window;
};

void TestPreferences::initTestCase()
{
    // tusk_add_test gives each test its own XDG_CONFIG_HOME.
    QVERIFY(LintConfig::userPath().startsWith(qEnvironmentVariable("XDG_CONFIG_HOME")));
    QFile::remove(LintConfig::userPath());
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestPreferences::themeSwitchesLiveAndBack()
{
    const QColor system = QApplication::palette().color(QPalette::Window);
    PreferencesDialog *dialog = m_window->showPreferences();
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isModal());
    auto *theme = dialog->findChild<QComboBox *>(QStringLiteral("theme"));
    theme->setCurrentIndex(theme->findData(QStringLiteral("dark")));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    // Open windows follow at once.
    QTRY_VERIFY(dialog->palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(m_window->palette().color(QPalette::Base).lightness() < 80);
    QCOMPARE(Preferences::instance()->theme(), Preferences::Theme::Dark);
    QVERIFY(saveArtifact(dialog->grab().toImage(), QStringLiteral("preferences-dark.png")));
    theme->setCurrentIndex(theme->findData(QStringLiteral("system")));
    QCOMPARE(QApplication::palette().color(QPalette::Window), system);
    // The same dialog comes back, not a second one.
    QCOMPARE(m_window->showPreferences(), dialog);
}

void TestPreferences::editorFontAndTabWidthApplyToOpenEditors()
{
    SqlEditorTab tab;
    SqlEditor *editor = tab.editor();
    PreferencesDialog *dialog = m_window->showPreferences();
    auto *size = dialog->findChild<QSpinBox *>(QStringLiteral("editorFontSize"));
    size->setValue(17);
    QCOMPARE(SqlEditor::editorFont().pointSize(), 17);
    QCOMPARE(editor->lexer()->defaultFont(0).pointSize(), 17);
    auto *tabs = dialog->findChild<QSpinBox *>(QStringLiteral("tabWidth"));
    tabs->setValue(2);
    QCOMPARE(editor->tabWidth(), 2);
    size->setValue(0);
    tabs->setValue(4);
    QCOMPARE(editor->tabWidth(), 4);
}

void TestPreferences::lintRulesApplyAndAreSharedWithTheCli()
{
    SqlEditorTab tab;
    tab.editor()->setText(
        QStringLiteral("CREATE INDEX orders_customer ON orders (customer_id);\n"));
    const auto rules = [&tab] {
        QStringList out;
        for (const Finding &f : tab.editor()->findings())
            out << f.rule + QLatin1Char(':') + severityName(f.severity);
        return out;
    };
    QTRY_VERIFY(rules().contains(QStringLiteral("prefer-robust-stmts:info")));
    QVERIFY(rules().contains(QStringLiteral("require-concurrent-index-creation:warning")));

    LintRulesPreferences *page = m_window->showPreferences()->lintRules();
    page->choose(QStringLiteral("prefer-robust-stmts"), QStringLiteral("off"));
    page->choose(QStringLiteral("require-concurrent-index-creation"), QStringLiteral("error"));
    // The open tab re-lints with them.
    QTRY_VERIFY(!rules().contains(QStringLiteral("prefer-robust-stmts:info")));
    QTRY_VERIFY(rules().contains(QStringLiteral("require-concurrent-index-creation:error")));
    // And the file `tusk lint` reads holds them.
    QString error;
    const auto saved = LintConfig::read(LintConfig::userPath(), &error);
    QVERIFY2(saved, qPrintable(error));
    QVERIFY(!saved->rules.value(QStringLiteral("prefer-robust-stmts")).has_value());
    QVERIFY(saved->rules.contains(QStringLiteral("prefer-robust-stmts")));
    QCOMPARE(
        saved->rules.value(QStringLiteral("require-concurrent-index-creation")), Severity::Error);
    // Back to the defaults: the file keeps nothing.
    page->choose(QStringLiteral("prefer-robust-stmts"), QStringLiteral("default"));
    page->choose(QStringLiteral("require-concurrent-index-creation"), QStringLiteral("default"));
    QTRY_VERIFY(rules().contains(QStringLiteral("prefer-robust-stmts:info")));
    QVERIFY(LintConfig::read(LintConfig::userPath(), &error)->isEmpty());
    // The team's file can be written where there is a project (a .git).
    QCOMPARE(page->writeProjectButton()->isEnabled(),
        !m_window->profileRegistry()->projectRoot().isEmpty());
}

void TestPreferences::activityThresholdsAreOneSetting()
{
    PreferencesDialog *dialog = m_window->showPreferences();
    dialog->pages()->setCurrentIndex(3);
    auto *inDialog = dialog->findChild<QSpinBox *>(QStringLiteral("longQuerySeconds"));
    QVERIFY(inDialog);
    ActivityThresholdsForm other; // as the page's Thresholds menu shows it
    auto *inMenu = other.findChild<QSpinBox *>(QStringLiteral("longQuerySeconds"));
    inDialog->setValue(42);
    QCOMPARE(inMenu->value(), 42);
    QCOMPARE(ActivityThresholdsForm::saved().longQueryMs, 42'000);
    QVERIFY(saveArtifact(dialog->grab().toImage(), QStringLiteral("preferences-activity.png")));
    inMenu->setValue(60);
    QCOMPARE(inDialog->value(), 60);
}

void TestPreferences::shortcutsListTheWindowsKeys()
{
    ShortcutsDialog *dialog = m_window->showShortcuts();
    const QStringList rows = dialog->rows();
    const auto has = [&rows](const QString &action, const QString &group) {
        for (const QString &row : rows)
            if (row.startsWith(action + QLatin1Char('\t'))
                && row.endsWith(QLatin1Char('\t') + group))
                return true;
        return false;
    };
    QVERIFY2(has(QStringLiteral("Preferences…"), QStringLiteral("Window")),
        qPrintable(rows.join(u'\n')));
    QVERIFY2(has(QStringLiteral("Run"), QStringLiteral("SQL")), qPrintable(rows.join(u'\n')));
    QVERIFY2(
        has(QStringLiteral("Toggle comment"), QStringLiteral("SQL")), qPrintable(rows.join(u'\n')));
    QVERIFY(saveArtifact(dialog->grab().toImage(), QStringLiteral("shortcuts.png")));
    dialog->close();
}

void TestPreferences::aLinkAsksBeforeConnecting()
{
    // A link from the desktop is offered, never connected to by itself.
    QString why;
    const auto link =
        ConnectionLink::read(QStringLiteral("postgresql://alice@db.example.com/shop"), &why);
    QVERIFY2(link, qPrintable(why));
    const auto before = m_window->activeProfile();
    QMessageBox *box = m_window->offerConnection(Profile::oneOff(*link, QStringLiteral("link")));
    QVERIFY(box->isVisible());
    QVERIFY(box->text().contains(QLatin1String("db.example.com")));
    QVERIFY(box->text().contains(QLatin1String("alice")));
    QCOMPARE(m_window->activeProfile().has_value(), before.has_value());
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(box == nullptr || !m_window->findChild<QMessageBox *>(QStringLiteral("linkOffer")));
    QCOMPARE(m_window->activeProfile().has_value(), before.has_value());
}

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
