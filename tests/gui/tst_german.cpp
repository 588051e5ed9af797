// The window in German, as `tusk --lang de` (or a German desktop) starts
// it: each tool page shows German texts and none of the English ones they
// replace, Qt's own buttons are German too, and each page leaves a picture
// (build/test-artifacts/german-*.png).

#include "testsupport.h"

#include "app/gui/translations.h"
#include "widgets/shell/mainwindow.h"
#include "widgets/shell/preferencesdialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QTabBar>
#include <QTest>

using namespace tusk::widgets;
using namespace tusk::test;

namespace {
// Everything a user reads on a widget tree: buttons, labels, actions, tabs.
QStringList textsOf(const QWidget *root)
{
    QStringList out;
    for (const QAbstractButton *b : root->findChildren<QAbstractButton *>())
        out << b->text().remove(QLatin1Char('&'));
    for (const QLabel *l : root->findChildren<QLabel *>())
        out << l->text();
    for (const QAction *a : root->findChildren<QAction *>())
        out << a->text().remove(QLatin1Char('&'));
    for (const QTabBar *t : root->findChildren<QTabBar *>())
        for (int i = 0; i < t->count(); ++i)
            out << t->tabText(i).remove(QLatin1Char('&'));
    return out;
}
} // namespace

class TestGerman : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void eachToolSpeaksGerman_data();
    void eachToolSpeaksGerman();
    void qtsOwnButtonsToo();

private:
    std::unique_ptr<MainWindow> m_window;
};

void TestGerman::initTestCase()
{
    QCOMPARE(tusk::app::Translations::install(qApp, QStringLiteral("de")), QStringLiteral("de"));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1300, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QStringList menus;
    for (QAction *menu : m_window->menuBar()->actions())
        menus << menu->text().remove(QLatin1Char('&'));
    QVERIFY2(menus.contains(QStringLiteral("Datei")) && menus.contains(QStringLiteral("Hilfe")),
        qPrintable(menus.join(u',')));
}

void TestGerman::eachToolSpeaksGerman_data()
{
    QTest::addColumn<int>("tool");
    QTest::addColumn<QStringList>("german");
    QTest::addColumn<QStringList>("english");
    using Tool = MainWindow::Tool;
    QTest::newRow("profiles") << int(
        Tool::Profiles) << QStringList {QStringLiteral("Verbinden"), QStringLiteral("Profile")}
                              << QStringList {
                                     QStringLiteral("Connect"), QStringLiteral("Import services…")};
    QTest::newRow("schema") << int(Tool::Schema) << QStringList {QStringLiteral("Aktualisieren")}
                            << QStringList {QStringLiteral("Refresh")};
    QTest::newRow("sql") << int(Tool::Sql)
                         << QStringList {QStringLiteral("▶ Ausführen"), QStringLiteral("Speichern"),
                                QStringLiteral("Befunde")}
                         << QStringList {QStringLiteral("Run script"), QStringLiteral("Save"),
                                QStringLiteral("Findings")};
    QTest::newRow("plan") << int(
        Tool::Plan) << QStringList {QStringLiteral("Einfügen…"), QStringLiteral("Vergleichen…")}
                          << QStringList {QStringLiteral("Paste…"), QStringLiteral("Compare…")};
    QTest::newRow("activity") << int(Tool::Activity) << QStringList {QStringLiteral("Aufzeichnen…")}
                              << QStringList {
                                     QStringLiteral("Record…"), QStringLiteral("Terminate")};
    QTest::newRow("rollout") << int(Tool::Rollout)
                             << QStringList {QStringLiteral("Veröffentlichen…")}
                             << QStringList {QStringLiteral("Release…")};
}

void TestGerman::eachToolSpeaksGerman()
{
    QFETCH(int, tool);
    QFETCH(QStringList, german);
    QFETCH(QStringList, english);
    m_window->showTool(MainWindow::Tool(tool));
    QTest::qWait(50);
    const QStringList texts =
        textsOf(m_window->toolPage(MainWindow::Tool(tool))) + textsOf(m_window.get());
    for (const QString &word : german)
        QVERIFY2(texts.contains(word),
            qPrintable(word + QStringLiteral(" missing in: ") + texts.mid(0, 60).join(u'|')));
    for (const QString &word : english)
        QVERIFY2(!texts.contains(word), qPrintable(word + QStringLiteral(" still English")));
    QVERIFY(saveArtifact(m_window->grab(),
        QStringLiteral("german-%1.png").arg(QString::fromLatin1(QTest::currentDataTag()))));
}

void TestGerman::qtsOwnButtonsToo()
{
    // QDialogButtonBox's Close comes from Qt's translation (qtbase_de).
    PreferencesDialog *dialog = m_window->showPreferences();
    auto *box = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(box);
    QCOMPARE(box->button(QDialogButtonBox::Close)->text(), QStringLiteral("Schließen"));
    QVERIFY(saveArtifact(dialog->grab(), QStringLiteral("german-preferences.png")));
}

QTEST_MAIN(TestGerman)
#include "tst_german.moc"
